/*
 * doc.c - the document tree and its JSON text with a line map.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "formats/doc.h"

void al_doc_init(struct al_doc *d)
{
	memset(d, 0, sizeof(*d));
}

void al_doc_free(struct al_doc *d)
{
	json_decref(d->root);
	free(d->json);
	free(d->lines);
	free(d->marks);
	memset(d, 0, sizeof(*d));
}

static int mark(struct al_doc *d, const void *node, size_t index, unsigned line)
{
	if (!node)
		return 0;
	if (d->nmarks == d->capmarks) {
		size_t cap = d->capmarks ? d->capmarks * 2 : 64;
		struct doc_mark *grown = realloc(d->marks, cap * sizeof(*grown));

		if (!grown)
			return al_error_oom();
		d->marks = grown;
		d->capmarks = cap;
	}
	d->marks[d->nmarks].node = node;
	d->marks[d->nmarks].index = index;
	d->marks[d->nmarks].line = line + d->line_offset;
	d->nmarks++;
	return 0;
}

int al_doc_mark(struct al_doc *d, const json_t *value, unsigned line)
{
	/* true, false and null are shared: a line of theirs means nothing */
	if (json_is_boolean(value) || json_is_null(value))
		return 0;
	return mark(d, value, SIZE_MAX, line);
}

int al_doc_mark_key(struct al_doc *d, const json_t *object, const char *key, unsigned line)
{
	/* the object's own copy of the key, which json_object_foreach yields */
	void *iter = json_object_iter_at((json_t *)object, key);

	return iter ? mark(d, json_object_iter_key(iter), SIZE_MAX, line) : 0;
}

int al_doc_mark_item(struct al_doc *d, const json_t *array, size_t index, unsigned line)
{
	return json_is_array(array) && index < SIZE_MAX ? mark(d, array, index, line) : 0;
}

/* --- the JSON text ------------------------------------------------------------ */

struct out {
	char *buf;
	size_t len, cap;
	unsigned *lines;
	size_t nlines, caplines;
	unsigned cur; /* source line of the text line being written */
	const struct al_doc *d;
	int error;
};

static int by_node(const void *a, const void *b)
{
	const struct doc_mark *x = a, *y = b;
	uintptr_t p = (uintptr_t)x->node, q = (uintptr_t)y->node;

	if (p != q)
		return p < q ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The line recorded for (node, index), or 0. */
static unsigned find(const struct al_doc *d, const void *node, size_t index)
{
	struct doc_mark key = { node, index, 0 }, *m;

	if (!d->nmarks)
		return 0;
	m = bsearch(&key, d->marks, d->nmarks, sizeof(key), by_node);
	return m ? m->line : 0;
}

/* The line recorded for `v`, or `fallback`. Shared singletons (true, false,
 * null) have no line of their own. */
static unsigned line_of(const struct al_doc *d, const json_t *v, unsigned fallback)
{
	unsigned line;

	if (json_is_boolean(v) || json_is_null(v))
		return fallback;
	line = find(d, v, SIZE_MAX);
	return line ? line : fallback;
}

static void put(struct out *o, const char *s, size_t n)
{
	if (o->error)
		return;
	if (o->len + n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 256;
		char *grown;

		while (o->len + n + 1 > cap)
			cap *= 2;
		if (!(grown = realloc(o->buf, cap))) {
			o->error = al_error_oom();
			return;
		}
		o->buf = grown;
		o->cap = cap;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

/* Ends the current text line, which came from source line o->cur. */
static void newline(struct out *o)
{
	put(o, "\n", 1);
	if (o->error)
		return;
	if (o->nlines == o->caplines) {
		size_t cap = o->caplines ? o->caplines * 2 : 64;
		unsigned *grown = realloc(o->lines, cap * sizeof(*grown));

		if (!grown) {
			o->error = al_error_oom();
			return;
		}
		o->lines = grown;
		o->caplines = cap;
	}
	o->lines[o->nlines++] = o->cur;
}

static void scalar(struct out *o, const json_t *v)
{
	char *text = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);

	if (!text) {
		o->error = o->error ? o->error : al_error_oom();
		return;
	}
	put(o, text, strlen(text));
	free(text);
}

static void key_text(struct out *o, const char *key)
{
	json_t *k = json_string(key);

	if (!k) {
		o->error = o->error ? o->error : al_error_oom();
		return;
	}
	scalar(o, k);
	json_decref(k);
	put(o, ": ", 2);
}

/* Writes `v` from the current text line on; each member starts a line of
 * its own, marked with the member's source line (or its container's); a
 * closing bracket stays on the line of the last member. */
static void value(struct out *o, const json_t *v, unsigned line)
{
	const char *key;
	json_t *item;
	size_t i;

	if (json_is_object(v)) {
		put(o, "{", 1);
		i = 0;
		json_object_foreach((json_t *)v, key, item)
		{
			unsigned at = find(o->d, key, SIZE_MAX);

			if (!at)
				at = line_of(o->d, item, line);

			if (i++)
				put(o, ",", 1);
			newline(o);
			o->cur = at;
			key_text(o, key);
			value(o, item, at);
		}
		put(o, "}", 1);
	} else if (json_is_array(v)) {
		put(o, "[", 1);
		json_array_foreach(v, i, item)
		{
			unsigned at = find(o->d, v, i);

			if (!at)
				at = line_of(o->d, item, line);

			if (i)
				put(o, ",", 1);
			newline(o);
			o->cur = at;
			value(o, item, at);
		}
		put(o, "]", 1);
	} else {
		scalar(o, v);
	}
}

int al_doc_emit(struct al_doc *d)
{
	struct out o = { .d = d };

	if (d->nmarks)
		qsort(d->marks, d->nmarks, sizeof(*d->marks), by_node);
	o.cur = line_of(d, d->root, 1);
	value(&o, d->root, o.cur);
	newline(&o);
	if (o.error) {
		free(o.buf);
		free(o.lines);
		return o.error;
	}
	free(d->json);
	free(d->lines);
	d->json = o.buf;
	d->json_len = o.len;
	d->lines = o.lines;
	d->nlines = o.nlines;
	return 0;
}

unsigned al_doc_source_line(const struct al_doc *d, unsigned json_line)
{
	if (!d->lines)
		return json_line;
	if (json_line == 0 || json_line > d->nlines)
		return 0;
	return d->lines[json_line - 1];
}

/* --- selecting by key path -------------------------------------------------------- */

struct select {
	void (*fn)(void *arg, json_t *value, const char *where);
	void *arg;
	char where[512];
};

static void select_from(struct select *s, json_t *v, const char *path, size_t wlen)
{
	size_t n = strcspn(path, "/");
	const char *rest = path[n] ? path + n + 1 : NULL;
	const char *key;
	json_t *item;
	size_t i;

	if (n == 1 && path[0] == '*') {
		if (json_is_object(v)) {
			json_object_foreach(v, key, item)
			{
				int w = snprintf(s->where + wlen, sizeof(s->where) - wlen, "%s%s",
						 wlen ? "/" : "", key);

				if (w < 0 || (size_t)w >= sizeof(s->where) - wlen)
					continue; /* too long a path to name */
				if (rest)
					select_from(s, item, rest, wlen + (size_t)w);
				else
					s->fn(s->arg, item, s->where);
			}
		} else if (json_is_array(v)) {
			json_array_foreach(v, i, item)
			{
				int w = snprintf(s->where + wlen, sizeof(s->where) - wlen, "%s%zu",
						 wlen ? "/" : "", i);

				if (w < 0 || (size_t)w >= sizeof(s->where) - wlen)
					continue;
				if (rest)
					select_from(s, item, rest, wlen + (size_t)w);
				else
					s->fn(s->arg, item, s->where);
			}
		}
		s->where[wlen] = '\0';
		return;
	}
	if (!json_is_object(v) || !(item = json_object_getn(v, path, n)))
		return;
	{
		int w = snprintf(s->where + wlen, sizeof(s->where) - wlen, "%s%.*s",
				 wlen ? "/" : "", (int)n, path);

		if (w < 0 || (size_t)w >= sizeof(s->where) - wlen)
			return;
		if (rest)
			select_from(s, item, rest, wlen + (size_t)w);
		else
			s->fn(s->arg, item, s->where);
		s->where[wlen] = '\0';
	}
}

void al_doc_select(json_t *root, const char *path,
		   void (*fn)(void *arg, json_t *value, const char *where), void *arg)
{
	struct select s = { fn, arg, "" };

	if (root && path && *path)
		select_from(&s, root, path, 0);
}
