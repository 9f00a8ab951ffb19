/*
 * state.c - the memory scan's state file: a pure parser (fuzzed by
 * tests/fuzz/fuzz_state.c) and its serializer. Strict: an unknown version,
 * a missing field, a wrong type, a repeated path or key rejects the whole
 * file.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/jsonio.h"
#include "common/limits.h"
#include "memory/state.h"

#define STATE_VERSION 1

static void file_clear(struct state_file *f)
{
	free(f->path);
	al_findings_free(&f->fs);
	memset(f, 0, sizeof(*f));
}

void al_state_free(struct state *st)
{
	for (size_t i = 0; i < st->count; i++)
		file_clear(&st->v[i]);
	free(st->v);
	memset(st, 0, sizeof(*st));
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct state_file *)a)->path, ((const struct state_file *)b)->path);
}

void al_state_sort(struct state *st)
{
	if (st->count > 1)
		qsort(st->v, st->count, sizeof(st->v[0]), by_path);
}

const struct state_file *al_state_find(const struct state *st, const char *path)
{
	struct state_file key = { .path = (char *)path };

	if (!st->count)
		return NULL;
	return bsearch(&key, st->v, st->count, sizeof(st->v[0]), by_path);
}

int al_state_put(struct state *st, struct state_file *f)
{
	struct state_file *v;

	if (st->count == st->alloc) {
		size_t n = st->alloc ? st->alloc * 2 : 64;

		if (n > SIZE_MAX / sizeof(*v) || !(v = realloc(st->v, n * sizeof(*v))))
			return al_error_oom();
		st->v = v;
		st->alloc = n;
	}
	st->v[st->count++] = *f;
	memset(f, 0, sizeof(*f));
	return 0;
}

/* --- parse ------------------------------------------------------------------ */

static bool get_u64(json_t *o, const char *key, uint64_t *out)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_integer(v) || json_integer_value(v) < 0)
		return false;
	*out = (uint64_t)json_integer_value(v);
	return true;
}

static bool get_time(json_t *o, const char *key, int64_t *sec, long *nsec)
{
	json_t *v = json_object_get(o, key);
	json_t *s = json_array_get(v, 0), *n = json_array_get(v, 1);

	if (!json_is_array(v) || json_array_size(v) != 2 || !json_is_integer(s) ||
	    !json_is_integer(n) || json_integer_value(n) < 0 || json_integer_value(n) >= 1000000000)
		return false;
	*sec = (int64_t)json_integer_value(s);
	*nsec = (long)json_integer_value(n);
	return true;
}

static bool get_hex(json_t *o, const char *key, char out[SHA256_HEX_LEN + 1])
{
	const char *s = json_string_value(json_object_get(o, key));

	if (!s || strlen(s) != SHA256_HEX_LEN || strspn(s, "0123456789abcdef") != SHA256_HEX_LEN)
		return false;
	memcpy(out, s, SHA256_HEX_LEN + 1);
	return true;
}

static char *dup_string(json_t *o, const char *key, bool optional)
{
	json_t *v = json_object_get(o, key);

	if (optional && (!v || json_is_null(v)))
		return NULL;
	return json_is_string(v) ? strdup(json_string_value(v)) : NULL;
}

static bool get_uint(json_t *o, const char *key, unsigned int *out)
{
	uint64_t v;

	if (!get_u64(o, key, &v) || v > 0xffffffffu)
		return false;
	*out = (unsigned int)v;
	return true;
}

static bool parse_finding(struct airlock_finding *f, json_t *o, const char *path)
{
	const char *sev = json_string_value(json_object_get(o, "severity"));
	json_t *whole = json_object_get(o, "whole_file");
	airlock_severity s;

	memset(f, 0, sizeof(*f));
	if (!json_is_object(o) || !sev || airlock_severity_parse(&s, sev) < 0 ||
	    !json_is_boolean(whole))
		return false;
	f->severity = s;
	f->whole_file = json_is_true(whole);
	f->located = true;
	f->hidden = dup_string(o, "hidden", true);
	if (json_object_get(o, "hidden") && !json_is_null(json_object_get(o, "hidden")) &&
	    !f->hidden)
		return false;
	f->rule = dup_string(o, "rule", false);
	f->category = dup_string(o, "category", false);
	f->confidence = dup_string(o, "confidence", false);
	f->message = dup_string(o, "message", false);
	f->excerpt = dup_string(o, "excerpt", false);
	f->file = strdup(path);
	return f->rule && f->category && f->confidence && f->message && f->excerpt && f->file &&
	       get_uint(o, "line", &f->line) && get_uint(o, "column", &f->column) &&
	       get_uint(o, "end_line", &f->end_line) && get_uint(o, "end_column", &f->end_column);
}

static bool parse_findings(struct findings *fs, json_t *a, const char *path)
{
	size_t i;
	json_t *o;

	if (!json_is_array(a) || json_array_size(a) > LIMIT_FINDINGS_PER_FILE + 1)
		return false;
	if (json_array_size(a) && !(fs->v = calloc(json_array_size(a), sizeof(*fs->v))))
		return false;
	fs->alloc = json_array_size(a);
	json_array_foreach(a, i, o)
	{
		/* Counted first, so that the caller's al_findings_free frees a half-parsed one. */
		if (!parse_finding(&fs->v[fs->count++], o, path))
			return false;
	}
	return true;
}

static bool parse_file(struct state_file *f, json_t *o)
{
	const char *path = json_string_value(json_object_get(o, "path"));
	uint64_t size;

	if (!json_is_object(o) || !path || path[0] != '/' || strlen(path) > LIMIT_PATH_BYTES * 2 ||
	    !(f->path = strdup(path)))
		return false;
	if (!get_u64(o, "dev", &f->stamp.dev) || !get_u64(o, "ino", &f->stamp.ino) ||
	    !get_u64(o, "size", &size) || !get_hex(o, "sha256", f->sha256) ||
	    !get_hex(o, "signatures", f->signatures) ||
	    !get_time(o, "mtime", &f->stamp.mtime_sec, &f->stamp.mtime_nsec) ||
	    !get_time(o, "ctime", &f->stamp.ctime_sec, &f->stamp.ctime_nsec))
		return false;
	f->stamp.size = size;
	return parse_findings(&f->fs, json_object_get(o, "findings"), path);
}

int al_state_parse(struct state *out, const unsigned char *buf, size_t len)
{
	json_t *root, *files, *o;
	json_error_t jerr;
	size_t i;
	int error = 0;
	bool oom;

	memset(out, 0, sizeof(*out));
	root = al_json_loadb((const char *)buf, len, JSON_REJECT_DUPLICATES, &jerr, &oom);
	if (!root && oom)
		return al_error_oom();
	if (!root)
		return al_error_set(AIRLOCK_EINVALID, "state file is not JSON: line %d: %s",
				    jerr.line, jerr.text);
	files = json_object_get(root, "files");
	if (!json_is_object(root) || !json_is_integer(json_object_get(root, "version")) ||
	    json_integer_value(json_object_get(root, "version")) != STATE_VERSION ||
	    !json_is_array(files) || json_array_size(files) > LIMIT_STATE_FILES) {
		error = al_error_set(AIRLOCK_EINVALID, "state file has an unknown layout");
		goto out;
	}
	json_array_foreach(files, i, o)
	{
		struct state_file f = { 0 };

		if (!parse_file(&f, o)) {
			file_clear(&f);
			error = al_error_set(AIRLOCK_EINVALID, "state file entry %zu is malformed",
					     i);
			goto out;
		}
		if ((error = al_state_put(out, &f)) < 0) {
			file_clear(&f);
			goto out;
		}
	}
	al_state_sort(out);
	for (i = 1; i < out->count; i++)
		if (strcmp(out->v[i - 1].path, out->v[i].path) == 0) {
			error = al_error_set(AIRLOCK_EINVALID, "state file names a file twice");
			goto out;
		}
out:
	json_decref(root);
	if (error < 0)
		al_state_free(out);
	return error;
}

/* --- serialize ----------------------------------------------------------------- */

static json_t *time_json(int64_t sec, long nsec)
{
	return json_pack("[II]", (json_int_t)sec, (json_int_t)nsec);
}

static json_t *finding_json(const struct airlock_finding *f)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:I, s:s, s:s, s:s?, s:b}", "rule",
			 f->rule, "category", f->category, "confidence", f->confidence, "severity",
			 airlock_severity_name(f->severity), "line", (json_int_t)f->line, "column",
			 (json_int_t)f->column, "end_line", (json_int_t)f->end_line, "end_column",
			 (json_int_t)f->end_column, "message", f->message, "excerpt", f->excerpt,
			 "hidden", f->hidden, "whole_file", f->whole_file);
}

static json_t *file_json(const struct state_file *f)
{
	json_t *fs = json_array(), *o;

	for (size_t i = 0; fs && i < f->fs.count; i++)
		if (json_array_append_new(fs, finding_json(&f->fs.v[i])) < 0) {
			json_decref(fs);
			return NULL;
		}
	if (!fs)
		return NULL;
	o = json_pack("{s:s, s:I, s:I, s:I, s:o, s:o, s:s, s:s, s:o}", "path", f->path, "dev",
		      (json_int_t)f->stamp.dev, "ino", (json_int_t)f->stamp.ino, "size",
		      (json_int_t)f->stamp.size, "mtime",
		      time_json(f->stamp.mtime_sec, f->stamp.mtime_nsec), "ctime",
		      time_json(f->stamp.ctime_sec, f->stamp.ctime_nsec), "sha256", f->sha256,
		      "signatures", f->signatures, "findings", fs);
	return o;
}

int al_state_serialize(char **out, size_t *len, const struct state *st)
{
	json_t *files = json_array(), *root;

	*out = NULL;
	for (size_t i = 0; files && i < st->count; i++)
		if (json_array_append_new(files, file_json(&st->v[i])) < 0) {
			json_decref(files);
			return al_error_oom();
		}
	if (!files || !(root = json_pack("{s:i, s:o}", "version", STATE_VERSION, "files", files)))
		return al_error_oom();
	*out = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	if (!*out)
		return al_error_oom();
	*len = strlen(*out);
	return 0;
}
