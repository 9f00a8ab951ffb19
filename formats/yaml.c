/*
 * yaml.c - YAML documents, read with libyaml's event parser into the tree
 * the JavaScript agents (js-yaml, gray-matter) would build.
 *
 * What a document means here:
 * - The first document only: a second one is refused (a configuration file
 *   holds one). An empty document, or a null one, is an empty mapping; any
 *   other root that is not a mapping is refused.
 * - Keys are scalars, named as JavaScript names an object's keys
 *   (String(value): `1: x` and `0x1: y` are both "1"). A key twice in one
 *   mapping is refused: the agent and airlock must not read different
 *   values, and js-yaml refuses it too.
 * - The merge key `<<` (YAML 1.1, which js-yaml and PyYAML both apply): the
 *   members of the mapping, or of each mapping of a list, that the mapping
 *   does not set itself; the first source wins. Anything else as its value
 *   is refused.
 * - Aliases are the anchored value itself (a shared jansson reference, so
 *   its lines are the anchor's). The tree they make is counted as if copied
 *   (LIMIT_YAML_NODES, LIMIT_YAML_BYTES, LIMIT_JSON_DEPTH): a billion-laughs
 *   document is refused, not expanded. An alias to no anchor, or to the node
 *   it sits in, is refused.
 * - Plain scalars by the YAML 1.2 core schema: null, Null, NULL, ~ and
 *   nothing are null; true/True/TRUE/false/False/FALSE booleans; decimal,
 *   0o octal and 0x hexadecimal integers (past 64 bits a double, as
 *   JavaScript has it); decimal floats; .inf and .nan, which JSON cannot
 *   hold, are the strings ".inf", "-.inf" and ".nan". Everything else,
 *   yes/no/on/off included (YAML 1.1 booleans), is a string. Quoted and
 *   block scalars are strings.
 * - Tags: !!str makes a string, !!null, !!bool, !!int and !!float resolve
 *   as that type (or the document is refused), and any other tag leaves the
 *   scalar's text as a string (js-yaml refuses unknown tags; airlock reads
 *   the text rather than nothing).
 * - A string holding a NUL character is refused, as in JSON: every reader
 *   of the tree must see the whole string.
 * - libyaml's own refusals stand where js-yaml is laxer (a surrogate pair
 *   written as two \u escapes, a tab on the blank line after a plain
 *   scalar): the document is refused, never half read.
 * - Lines are counted at '\n' only (mark_line), as everywhere in airlock.
 */
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "common/error.h"
#include "common/limits.h"
#include "formats/formats.h"
#include "formats/yamlcore.h"

#define TAG_PREFIX "tag:yaml.org,2002:"

/* One source of a merge key: a mapping, and the line of its `<<`. */
struct merge {
	json_t *from;
	unsigned line;
};

/* An open mapping or sequence. */
struct frame {
	json_t *node; /* owned until the node ends and goes to its parent */
	char *anchor;
	unsigned line;
	/* mappings: the key waiting for its value (or a merge key) */
	char *key;
	unsigned key_line;
	bool merging;
	struct merge *merges;
	size_t nmerges, capmerges;
};

struct reader {
	struct al_doc *d;
	const char *buf;
	size_t len;
	char *why;
	size_t cap;
	struct frame *stack;
	size_t depth, capdepth;
	json_t *anchors; /* name -> node, or `open` while the node is being read */
	json_t *open;
	json_t *root;
	size_t nodes, bytes;
	struct {
		size_t index, offset; /* libyaml's character index, and its byte */
		unsigned line;
	} at;
};

/* --- errors ------------------------------------------------------------------- */

/* `line` is 1-based within the YAML; messages give the file's line. */
__attribute__((format(printf, 3, 4))) static int fail(struct reader *r, unsigned line,
						      const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(r->why, r->cap, "line %u: %s", line + r->d->line_offset, msg);
	return AIRLOCK_EINVALID;
}

/*
 * Document text for a message, at most `cap` - 1 bytes with "..." when cut:
 * control characters and the Unicode line breaks escaped, so the reason
 * stays one line.
 */
static const char *excerpt(char *out, size_t cap, const char *s, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; i < n;) {
		const unsigned char *u = (const unsigned char *)s + i;
		char piece[8];
		size_t w = 1;

		if (u[0] < 0x20 || u[0] == 0x7f) {
			snprintf(piece, sizeof(piece), "\\x%02X", u[0]);
		} else if (n - i >= 2 && u[0] == 0xC2 && u[1] == 0x85) {
			snprintf(piece, sizeof(piece), "\\u0085");
			w = 2;
		} else if (n - i >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
			   (u[2] == 0xA8 || u[2] == 0xA9)) {
			snprintf(piece, sizeof(piece), "\\u%s", u[2] == 0xA8 ? "2028" : "2029");
			w = 3;
		} else {
			w = u[0] < 0xC0 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
			w = w > n - i ? n - i : w;
			memcpy(piece, u, w);
			piece[w] = '\0';
		}
		if (o + strlen(piece) + 4 > cap) {
			memcpy(out + o, "...", 4);
			return out;
		}
		memcpy(out + o, piece, strlen(piece));
		o += strlen(piece);
		i += w;
	}
	out[o] = '\0';
	return out;
}

static unsigned line_at_offset(const struct reader *r, size_t offset)
{
	unsigned line = 1;

	for (size_t i = 0; i < offset && i < r->len; i++)
		line += r->buf[i] == '\n';
	return line;
}

/*
 * The line of a libyaml mark, counting '\n' only as the rest of airlock
 * does: libyaml also breaks lines at a lone CR and at U+0085, U+2028 and
 * U+2029, so its own line numbers could point a finding below the text it
 * is about. The mark's index counts characters (the input is UTF-8, checked
 * by libyaml up to the mark); marks come nearly in order, so the walk from
 * the last one is short.
 */
static unsigned mark_line(struct reader *r, const yaml_mark_t *m)
{
	while (r->at.index < m->index && r->at.offset < r->len) {
		unsigned char c = (unsigned char)r->buf[r->at.offset];

		r->at.line += c == '\n';
		r->at.offset += c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (r->at.offset > r->len)
			r->at.offset = r->len;
		r->at.index++;
	}
	while (r->at.index > m->index && r->at.offset > 0) {
		do
			r->at.offset--;
		while (r->at.offset > 0 && ((unsigned char)r->buf[r->at.offset] & 0xC0) == 0x80);
		r->at.line -= r->buf[r->at.offset] == '\n';
		r->at.index--;
	}
	return r->at.line;
}

static int parser_error(struct reader *r, yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "not YAML";

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		return al_error_oom();
	case YAML_READER_ERROR:
		if (p->problem_value != -1)
			return fail(r, line_at_offset(r, p->problem_offset), "%s (#x%X)", problem,
				    (unsigned)p->problem_value);
		return fail(r, line_at_offset(r, p->problem_offset), "%s", problem);
	default:
		if (p->context) {
			unsigned context = mark_line(r, &p->context_mark);

			return fail(r, mark_line(r, &p->problem_mark), "%s (%s on line %u)",
				    problem, p->context, context + r->d->line_offset);
		}
		return fail(r, mark_line(r, &p->problem_mark), "%s", problem);
	}
}

static int too_big(struct reader *r, unsigned line)
{
	if (r->nodes > LIMIT_YAML_NODES)
		return fail(r, line, "more than %u nodes, aliases expanded", LIMIT_YAML_NODES);
	return fail(r, line, "more than %u bytes of text, aliases expanded", LIMIT_YAML_BYTES);
}

static int too_deep(struct reader *r, unsigned line)
{
	return fail(r, line, "nested deeper than %d levels", LIMIT_JSON_DEPTH);
}

static int count(struct reader *r, size_t nodes, size_t bytes, unsigned line)
{
	r->nodes += nodes;
	r->bytes += bytes;
	if (r->nodes > LIMIT_YAML_NODES || r->bytes > LIMIT_YAML_BYTES)
		return too_big(r, line);
	return 0;
}

/*
 * Counts `v`, shared once more by an alias or a merge, into the expanded
 * tree; `level` is the nesting its brackets would have (the root's are 1).
 * Stops at the first bound, so all the walks of one document together visit
 * at most LIMIT_YAML_NODES nodes.
 */
static int weigh(struct reader *r, const json_t *v, unsigned level, unsigned line)
{
	const char *key;
	json_t *item;
	size_t i;
	int error;

	if ((error = count(r, 1, json_is_string(v) ? json_string_length(v) : 0, line)) < 0)
		return error;
	if (json_is_object(v)) {
		if (level > LIMIT_JSON_DEPTH)
			return too_deep(r, line);
		json_object_foreach((json_t *)v, key, item)
		{
			if ((error = count(r, 0, strlen(key), line)) < 0 ||
			    (error = weigh(r, item, level + 1, line)) < 0)
				return error;
		}
	} else if (json_is_array(v)) {
		if (level > LIMIT_JSON_DEPTH)
			return too_deep(r, line);
		json_array_foreach(v, i, item)
		{
			if ((error = weigh(r, item, level + 1, line)) < 0)
				return error;
		}
	}
	return 0;
}

/* --- the tree ------------------------------------------------------------------- */

static void frame_free(struct frame *f)
{
	json_decref(f->node);
	free(f->anchor);
	free(f->key);
	for (size_t i = 0; i < f->nmerges; i++)
		json_decref(f->merges[i].from);
	free(f->merges);
	memset(f, 0, sizeof(*f));
}

static struct frame *top(struct reader *r)
{
	return r->depth ? &r->stack[r->depth - 1] : NULL;
}

static int remember(struct reader *r, const char *anchor, json_t *v)
{
	if (anchor && json_object_set_nocheck(r->anchors, anchor, v) < 0)
		return al_error_oom();
	return 0;
}

static int add_merge(struct reader *r, struct frame *f, json_t *from, unsigned line)
{
	if (!json_is_object(from))
		return fail(r, line, "<< merges a mapping or a list of mappings");
	if (f->nmerges == f->capmerges) {
		size_t cap = f->capmerges ? f->capmerges * 2 : 4;
		struct merge *grown = realloc(f->merges, cap * sizeof(*grown));

		if (!grown)
			return al_error_oom();
		f->merges = grown;
		f->capmerges = cap;
	}
	f->merges[f->nmerges].from = json_incref(from);
	f->merges[f->nmerges].line = line;
	f->nmerges++;
	return 0;
}

/* The value of a merge key: a mapping, or a list of them. */
static int merge_value(struct reader *r, struct frame *f, json_t *v)
{
	json_t *item;
	size_t i;
	int error;

	if (!json_is_array(v))
		return add_merge(r, f, v, f->key_line);
	json_array_foreach(v, i, item)
	{
		if ((error = add_merge(r, f, item, f->key_line)) < 0)
			return error;
	}
	return 0;
}

/*
 * Puts the finished value `v` (a new reference, taken) where the open
 * container wants it: an element, a member's value, or the document's root.
 * A value read here (not an alias) is marked with its line; the value of a
 * merge key is not kept, so not marked either.
 */
static int place(struct reader *r, json_t *v, unsigned line, bool fresh)
{
	struct frame *f = top(r);
	int error = 0;

	if (f && f->merging) {
		error = merge_value(r, f, v);
		json_decref(v);
		f->merging = false;
		return error;
	}
	if (fresh && (error = al_doc_mark(r->d, v, line)) < 0) {
		json_decref(v);
		return error;
	}
	if (!f) {
		r->root = v;
		return 0;
	}
	if (json_is_array(f->node))
		return json_array_append_new(f->node, v) < 0 ? al_error_oom() : 0;
	if (json_object_set_new_nocheck(f->node, f->key, v) < 0)
		return al_error_oom();
	error = al_doc_mark_key(r->d, f->node, f->key, f->key_line);
	free(f->key);
	f->key = NULL;
	return error;
}

/* A scalar (or an aliased scalar) where the open mapping wants a key. */
static int take_key(struct reader *r, struct frame *f, const json_t *v, bool merge, unsigned line)
{
	char buf[64];
	const char *key;

	if (json_is_object(v) || json_is_array(v))
		return fail(r, line, "a mapping key must be a scalar");
	if (merge) {
		f->merging = true;
		f->key_line = line;
		return 0;
	}
	key = al_js_key(v, buf, sizeof(buf));
	if (json_object_get(f->node, key)) {
		char shown[72];

		return fail(r, line, "duplicate key \"%s\"",
			    excerpt(shown, sizeof(shown), key, strlen(key)));
	}
	if (!(f->key = strdup(key)))
		return al_error_oom();
	f->key_line = line;
	return 0;
}

static bool wants_key(const struct frame *f)
{
	return f && json_is_object(f->node) && !f->key && !f->merging;
}

static bool is_tag(const yaml_char_t *tag, const char *name)
{
	return tag && strncmp((const char *)tag, TAG_PREFIX, strlen(TAG_PREFIX)) == 0 &&
	       strcmp((const char *)tag + strlen(TAG_PREFIX), name) == 0;
}

/* A scalar event's value by its style and tag. */
static int scalar_of(struct reader *r, const yaml_event_t *ev, struct al_yaml_scalar *sc,
		     unsigned line)
{
	const char *s = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	const yaml_char_t *tag = ev->data.scalar.tag;
	static const char *const typed[] = { "null", "bool", "int", "float", NULL };
	const enum al_yaml_type want[] = { AL_YAML_NULL, AL_YAML_BOOL, AL_YAML_INT, AL_YAML_REAL };

	memset(sc, 0, sizeof(*sc));
	if (memchr(s, '\0', n))
		return fail(r, line, "a NUL character in a string");
	if (!tag) {
		if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
			al_yaml_resolve(sc, s, n);
		return 0;
	}
	for (int k = 0; typed[k]; k++) {
		if (!is_tag(tag, typed[k]))
			continue;
		al_yaml_resolve(sc, s, n);
		if (sc->type == AL_YAML_INT && want[k] == AL_YAML_REAL) {
			sc->type = AL_YAML_REAL;
			sc->real = (double)sc->i;
		}
		if (sc->type != want[k]) {
			char shown[40];

			return fail(r, line, "\"%s\" is not a !!%s",
				    excerpt(shown, sizeof(shown), s, n), typed[k]);
		}
		return 0;
	}
	return 0; /* !!str, "!", or a tag airlock does not know: the text */
}

static int on_scalar(struct reader *r, const yaml_event_t *ev, unsigned line)
{
	const char *s = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	struct frame *f = top(r);
	struct al_yaml_scalar sc;
	json_t *v;
	int error;

	if ((error = scalar_of(r, ev, &sc, line)) < 0)
		return error;
	if ((error = count(r, 1, n, line)) < 0)
		return error;
	if (wants_key(f) && (sc.type == AL_YAML_REAL && !isfinite(sc.real))) {
		char buf[16];

		al_js_number(sc.real, buf, sizeof(buf));
		v = json_string_nocheck(buf);
	} else {
		v = al_yaml_value(&sc, s, n);
	}
	if (!v)
		return al_error_oom();
	if ((error = remember(r, (const char *)ev->data.scalar.anchor, v)) < 0)
		goto out;
	if (wants_key(f)) {
		bool merge = sc.type == AL_YAML_STRING && n == 2 && memcmp(s, "<<", 2) == 0 &&
			     ((ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
			       !ev->data.scalar.tag) ||
			      is_tag(ev->data.scalar.tag, "merge"));

		error = take_key(r, f, v, merge, line);
		goto out;
	}
	return place(r, v, line, true);
out:
	json_decref(v);
	return error;
}

static int on_alias(struct reader *r, const yaml_event_t *ev, unsigned line)
{
	const char *name = (const char *)ev->data.alias.anchor;
	json_t *v = json_object_get(r->anchors, name);
	struct frame *f = top(r);
	char shown[72];
	int error;

	if (!v)
		return fail(r, line, "alias *%s has no anchor",
			    excerpt(shown, sizeof(shown), name, strlen(name)));
	if (v == r->open)
		return fail(r, line, "alias *%s is inside its own anchor",
			    excerpt(shown, sizeof(shown), name, strlen(name)));
	if ((error = weigh(r, v, (unsigned)r->depth + 1, line)) < 0)
		return error;
	if (wants_key(f))
		return take_key(r, f, v, false, line);
	return place(r, json_incref(v), line, false);
}

static int on_start(struct reader *r, const yaml_event_t *ev, unsigned line)
{
	bool mapping = ev->type == YAML_MAPPING_START_EVENT;
	const char *anchor = (const char *)(mapping ? ev->data.mapping_start.anchor
						    : ev->data.sequence_start.anchor);
	struct frame *f = top(r);
	int error;

	if (wants_key(f))
		return fail(r, line, "a mapping key must be a scalar");
	if (r->depth + 1 > LIMIT_JSON_DEPTH)
		return too_deep(r, line);
	if ((error = count(r, 1, 0, line)) < 0)
		return error;
	if (r->depth == r->capdepth) {
		size_t cap = r->capdepth ? r->capdepth * 2 : 8;
		struct frame *grown = realloc(r->stack, cap * sizeof(*grown));

		if (!grown)
			return al_error_oom();
		r->stack = grown;
		r->capdepth = cap;
	}
	f = &r->stack[r->depth++];
	memset(f, 0, sizeof(*f));
	f->line = line;
	if (!(f->node = mapping ? json_object() : json_array()))
		return al_error_oom();
	if (anchor && !(f->anchor = strdup(anchor)))
		return al_error_oom();
	return remember(r, f->anchor, r->open);
}

/* The members merge keys bring into the mapping `f` that it does not set. */
static int apply_merges(struct reader *r, struct frame *f)
{
	const char *key;
	json_t *item;
	int error;

	for (size_t i = 0; i < f->nmerges; i++) {
		json_object_foreach(f->merges[i].from, key, item)
		{
			unsigned line = f->merges[i].line;

			if (json_object_get(f->node, key))
				continue;
			if ((error = count(r, 0, strlen(key), line)) < 0 ||
			    (error = weigh(r, item, (unsigned)r->depth + 1, line)) < 0)
				return error;
			if (json_object_set_nocheck(f->node, key, item) < 0)
				return al_error_oom();
			if ((error = al_doc_mark_key(r->d, f->node, key, line)) < 0)
				return error;
		}
	}
	return 0;
}

static int on_end(struct reader *r)
{
	struct frame *f = top(r);
	unsigned line = f->line;
	json_t *node;
	int error;

	if (json_is_object(f->node) && (error = apply_merges(r, f)) < 0)
		return error;
	if ((error = remember(r, f->anchor, f->node)) < 0)
		return error;
	node = f->node;
	f->node = NULL;
	frame_free(f);
	r->depth--;
	return place(r, node, line, true);
}

/* --- the document ------------------------------------------------------------- */

static int on_event(struct reader *r, const yaml_event_t *ev, int *documents)
{
	unsigned line = mark_line(r, &ev->start_mark);

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*documents > 1)
			return fail(r, line, "a second document (a configuration file holds one)");
		return 0;
	case YAML_SCALAR_EVENT:
		return on_scalar(r, ev, line);
	case YAML_ALIAS_EVENT:
		return on_alias(r, ev, line);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return on_start(r, ev, line);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return on_end(r);
	default:
		return 0;
	}
}

static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void make_c_locale(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static int read_events(struct reader *r)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	int documents = 0, error = 0;
	bool done = false;

	if (!yaml_parser_initialize(&parser))
		return al_error_oom();
	yaml_parser_set_input_string(&parser, (const unsigned char *)r->buf, r->len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!done && !error) {
		if (!yaml_parser_parse(&parser, &ev)) {
			error = parser_error(r, &parser);
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		error = on_event(r, &ev, &documents);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return error;
}

int al_yaml_load(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap)
{
	struct reader r = { .d = d, .buf = buf, .len = len, .why = why, .cap = cap, .at.line = 1 };
	locale_t saved;
	int error;

	/* a byte order mark: libyaml, told the encoding, would read the first
	 * line as indented by one column */
	if (r.len >= 3 && memcmp(r.buf, "\xEF\xBB\xBF", 3) == 0) {
		r.buf += 3;
		r.len -= 3;
	}
	pthread_once(&c_locale_once, make_c_locale);
	if (!c_locale)
		return al_error_oom();
	if (!(r.anchors = json_object()) || !(r.open = json_array())) {
		error = al_error_oom();
		goto out;
	}
	/* strtod and the "%e" of keys read and write '.' whatever the caller's locale */
	saved = uselocale(c_locale);
	error = read_events(&r);
	uselocale(saved);
	if (error < 0)
		goto out;
	if (!r.root || json_is_null(r.root)) {
		json_decref(r.root);
		if (!(r.root = json_object())) {
			error = al_error_oom();
			goto out;
		}
	}
	if (!json_is_object(r.root)) {
		snprintf(why, cap, "not a mapping");
		error = AIRLOCK_EINVALID;
		goto out;
	}
	json_decref(d->root);
	d->root = r.root;
	r.root = NULL;
	error = al_doc_emit(d);
out:
	if (error < 0)
		d->nmarks = 0; /* marks of nodes freed below */
	while (r.depth)
		frame_free(&r.stack[--r.depth]);
	free(r.stack);
	json_decref(r.root);
	json_decref(r.anchors);
	json_decref(r.open);
	return error;
}
