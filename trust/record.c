/*
 * record.c - trust records to and from JSON (jansson, duplicate keys
 * rejected, every field checked).
 *
 * Raw byte strings (a path that is not UTF-8) cannot be JSON strings: they
 * are written as "<key>_hex" instead of "<key>", so nothing is lost and no
 * two paths share a spelling.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "common/error.h"
#include "common/jsonio.h"
#include "common/utf8.h"
#include "common/limits.h"
#include "trust/record.h"

static const char *const decisions[] = { NULL, "trusted", "restricted", "denied" };

static int decision_parse(airlock_decision *out, const char *s)
{
	for (int d = AIRLOCK_DECISION_TRUSTED; d <= AIRLOCK_DECISION_DENIED; d++)
		if (strcmp(s, decisions[d]) == 0) {
			*out = (airlock_decision)d;
			return 0;
		}
	return al_error_set(AIRLOCK_EINVALID, "unknown decision");
}

static bool is_hex_digest(const char *s)
{
	if (strlen(s) != SHA256_HEX_LEN)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return false;
	return true;
}

static char *hex_encode(const char *s)
{
	static const char digits[] = "0123456789abcdef";
	size_t n = strlen(s);
	char *out = malloc(2 * n + 1);

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[(unsigned char)s[i] >> 4];
		out[2 * i + 1] = digits[(unsigned char)s[i] & 0xf];
	}
	out[2 * n] = '\0';
	return out;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* NULL for odd lengths, non-hex digits and embedded NULs. */
static char *hex_decode(const char *s)
{
	size_t n = strlen(s);
	char *out;

	if (n % 2 || !(out = malloc(n / 2 + 1)))
		return NULL;
	for (size_t i = 0; i < n / 2; i++) {
		int hi = hex_value(s[2 * i]), lo = hex_value(s[2 * i + 1]);

		if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
			free(out);
			return NULL;
		}
		out[i] = (char)(hi << 4 | lo);
	}
	out[n / 2] = '\0';
	return out;
}

/* Sets `key` (or `key`_hex) on `obj` to the byte string s. */
static int set_bytes(json_t *obj, const char *key, const char *s)
{
	char hexkey[64];
	char *hex;
	int rc;

	if (al_utf8_valid(s, strlen(s)))
		return json_object_set_new(obj, key, json_string(s)) < 0 ? al_error_oom() : 0;
	snprintf(hexkey, sizeof(hexkey), "%s_hex", key);
	if (!(hex = hex_encode(s)))
		return al_error_oom();
	rc = json_object_set_new(obj, hexkey, json_string(hex));
	free(hex);
	return rc < 0 ? al_error_oom() : 0;
}

/* Reads `key` or `key`_hex (exactly one must be there) as a new string. */
static int get_bytes(char **out, json_t *obj, const char *key, bool required)
{
	char hexkey[64];
	json_t *plain = json_object_get(obj, key), *hex;
	size_t len;

	snprintf(hexkey, sizeof(hexkey), "%s_hex", key);
	hex = json_object_get(obj, hexkey);
	*out = NULL;
	if (plain && hex)
		return al_error_set(AIRLOCK_EINVALID, "both \"%s\" and \"%s\"", key, hexkey);
	if (!plain && !hex)
		return required ? al_error_set(AIRLOCK_EINVALID, "no \"%s\"", key) : 0;
	if (plain) {
		if (!json_is_string(plain))
			return al_error_set(AIRLOCK_EINVALID, "\"%s\" is not a string", key);
		len = json_string_length(plain);
		if (len == 0 || len > LIMIT_PATH_BYTES || memchr(json_string_value(plain), 0, len))
			return al_error_set(AIRLOCK_EINVALID, "\"%s\" is malformed", key);
		*out = strdup(json_string_value(plain));
	} else {
		if (!json_is_string(hex) || !(*out = hex_decode(json_string_value(hex))) ||
		    **out == '\0')
			return al_error_set(AIRLOCK_EINVALID, "\"%s\" is malformed", hexkey);
	}
	return *out ? 0 : al_error_oom();
}

static int reasons_from_json(unsigned int *out, json_t *v)
{
	json_int_t n;

	if (!json_is_integer(v) || (n = json_integer_value(v)) < 0 || n > 0xffff)
		return al_error_set(AIRLOCK_EINVALID, "file reasons are malformed");
	*out = (unsigned int)n;
	return 0;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct trust_file *)a)->path, ((const struct trust_file *)b)->path);
}

static int parse_file(struct trust_file *f, json_t *obj)
{
	json_t *sha = json_object_get(obj, "sha256");
	int error;

	if (!json_is_object(obj))
		return al_error_set(AIRLOCK_EINVALID, "a file entry is not an object");
	if ((error = get_bytes(&f->path, obj, "path", true)) < 0)
		return error;
	if (json_is_string(sha) && is_hex_digest(json_string_value(sha)))
		memcpy(f->sha256, json_string_value(sha), SHA256_HEX_LEN + 1);
	else if (!json_is_null(sha))
		return al_error_set(AIRLOCK_EINVALID, "a file's sha256 is malformed");
	return reasons_from_json(&f->reasons, json_object_get(obj, "reasons"));
}

static int parse_files(struct trust_record *r, json_t *files)
{
	size_t n = json_array_size(files);
	int error;

	if (!json_is_array(files))
		return al_error_set(AIRLOCK_EINVALID, "\"files\" is not an array");
	if (n > LIMIT_SURFACE_FILES * 2)
		return al_error_set(AIRLOCK_EINVALID, "too many files");
	if (n && !(r->files = calloc(n, sizeof(*r->files))))
		return al_error_oom();
	for (size_t i = 0; i < n; i++) {
		r->nfiles++;
		if ((error = parse_file(&r->files[i], json_array_get(files, i))) < 0)
			return error;
	}
	if (n > 1)
		qsort(r->files, n, sizeof(*r->files), by_path);
	for (size_t i = 1; i < n; i++)
		if (strcmp(r->files[i - 1].path, r->files[i].path) == 0)
			return al_error_set(AIRLOCK_EINVALID, "a file is listed twice");
	return 0;
}

static bool is_rule_id(const char *s)
{
	size_t n = strlen(s);

	if (n < 3 || n > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return false;
	return true;
}

int al_trust_accept_cmp(const void *a, const void *b)
{
	const struct trust_accept *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c ? c : strcmp(x->rule, y->rule);
}

static int parse_accept(struct trust_accept *a, json_t *obj)
{
	json_t *rule = json_object_get(obj, "rule"), *sha = json_object_get(obj, "sha256");
	int error;

	if (!json_is_object(obj))
		return al_error_set(AIRLOCK_EINVALID, "an accepted finding is not an object");
	if (!json_is_string(rule) || !is_rule_id(json_string_value(rule)))
		return al_error_set(AIRLOCK_EINVALID, "an accepted finding's rule is malformed");
	if (!json_is_string(sha) || !is_hex_digest(json_string_value(sha)))
		return al_error_set(AIRLOCK_EINVALID, "an accepted finding's sha256 is malformed");
	memcpy(a->sha256, json_string_value(sha), SHA256_HEX_LEN + 1);
	if (!(a->rule = strdup(json_string_value(rule))))
		return al_error_oom();
	if ((error = get_bytes(&a->path, obj, "path", true)) < 0)
		return error;
	return 0;
}

static int parse_accepts(struct trust_record *r, json_t *v)
{
	size_t n = json_array_size(v);
	int error;

	if (!v)
		return 0;
	if (!json_is_array(v))
		return al_error_set(AIRLOCK_EINVALID, "\"accepted\" is not an array");
	if (n > LIMIT_RECORD_ITEMS)
		return al_error_set(AIRLOCK_EINVALID, "too many accepted findings");
	if (n && !(r->accepts = calloc(n, sizeof(*r->accepts))))
		return al_error_oom();
	for (size_t i = 0; i < n; i++) {
		r->naccepts++;
		if ((error = parse_accept(&r->accepts[i], json_array_get(v, i))) < 0)
			return error;
	}
	if (n > 1)
		qsort(r->accepts, n, sizeof(*r->accepts), al_trust_accept_cmp);
	for (size_t i = 1; i < n; i++)
		if (al_trust_accept_cmp(&r->accepts[i - 1], &r->accepts[i]) == 0)
			return al_error_set(AIRLOCK_EINVALID,
					    "an accepted finding is listed twice");
	return 0;
}

/* Reads `key` or `key`_hex as a new string that may be empty (a review
 * value); absent is an error. */
static int get_text(char **out, json_t *obj, const char *key)
{
	json_t *plain = json_object_get(obj, key);

	*out = NULL;
	if (json_is_string(plain) && json_string_length(plain) == 0)
		return (*out = strdup("")) ? 0 : al_error_oom();
	return get_bytes(out, obj, key, true);
}

static int parse_item(struct trust_item *it, json_t *obj)
{
	json_t *type = json_object_get(obj, "type");
	json_int_t t;
	int error;

	if (!json_is_object(obj))
		return al_error_set(AIRLOCK_EINVALID, "a review item is not an object");
	if (!json_is_integer(type) || (t = json_integer_value(type)) < AIRLOCK_ITEM_HOOK ||
	    t > AIRLOCK_ITEM_UNBOUND)
		return al_error_set(AIRLOCK_EINVALID, "a review item's type is malformed");
	it->type = (airlock_item_type)t;
	if ((error = get_bytes(&it->file, obj, "file", true)) < 0 ||
	    (error = get_text(&it->name, obj, "name")) < 0 ||
	    (error = get_text(&it->value, obj, "value")) < 0)
		return error;
	return 0;
}

static int parse_items(struct trust_record *r, json_t *v)
{
	size_t n = json_array_size(v);
	int error;

	if (!v)
		return 0;
	if (!json_is_array(v))
		return al_error_set(AIRLOCK_EINVALID, "\"review\" is not an array");
	if (n > LIMIT_RECORD_ITEMS)
		return al_error_set(AIRLOCK_EINVALID, "too many review items");
	if (n && !(r->items = calloc(n, sizeof(*r->items))))
		return al_error_oom();
	for (size_t i = 0; i < n; i++) {
		r->nitems++;
		if ((error = parse_item(&r->items[i], json_array_get(v, i))) < 0)
			return error;
	}
	return 0;
}

static int copy_string(char *dst, size_t size, json_t *v, const char *what)
{
	if (!json_is_string(v) || json_string_length(v) >= size)
		return al_error_set(AIRLOCK_EINVALID, "\"%s\" is missing or malformed", what);
	memcpy(dst, json_string_value(v), json_string_length(v) + 1);
	return 0;
}

static int optional_string(char **out, json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return al_error_set(AIRLOCK_EINVALID, "\"%s\" is not a string", key);
	return (*out = strdup(json_string_value(v))) ? 0 : al_error_oom();
}

static int parse_root(struct trust_record *r, json_t *root)
{
	json_t *format = json_object_get(root, "airlock_trust_record"), *git;
	int error;

	if (!json_is_object(root))
		return al_error_set(AIRLOCK_EINVALID, "not a JSON object");
	if (!json_is_integer(format) || json_integer_value(format) != TRUST_RECORD_FORMAT)
		return al_error_set(AIRLOCK_EINVALID, "unknown record format");
	if ((error = get_bytes(&r->path, root, "path", true)) < 0)
		return error;
	if (!json_is_string(json_object_get(root, "decision")) ||
	    decision_parse(&r->decision, json_string_value(json_object_get(root, "decision"))) < 0)
		return al_error_set(AIRLOCK_EINVALID, "\"decision\" is missing or unknown");
	if ((error = copy_string(r->time, sizeof(r->time), json_object_get(root, "time"), "time")) <
		    0 ||
	    (error = copy_string(r->digest, sizeof(r->digest), json_object_get(root, "digest"),
				 "digest")) < 0)
		return error;
	if (!is_hex_digest(r->digest))
		return al_error_set(AIRLOCK_EINVALID, "\"digest\" is not a SHA-256");
	if ((error = optional_string(&r->signatures, root, "signatures")) < 0 ||
	    (error = parse_files(r, json_object_get(root, "files"))) < 0 ||
	    (error = parse_accepts(r, json_object_get(root, "accepted"))) < 0 ||
	    (error = parse_items(r, json_object_get(root, "review"))) < 0)
		return error;
	git = json_object_get(root, "git");
	if (json_is_object(git) && ((error = optional_string(&r->git_remote, git, "remote")) < 0 ||
				    (error = optional_string(&r->git_head, git, "head")) < 0))
		return error;
	return 0;
}

int al_trust_record_parse(struct trust_record *out, const char *buf, size_t len)
{
	json_error_t jerr;
	json_t *root;
	int error;

	memset(out, 0, sizeof(*out));
	bool oom;

	root = al_json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr, &oom);
	if (!root)
		return oom ? al_error_oom()
			   : al_error_set(AIRLOCK_EINVALID, "line %d: %s", jerr.line, jerr.text);
	error = parse_root(out, root);
	json_decref(root);
	return error;
}

static json_t *file_json(const struct trust_file *f)
{
	json_t *obj = json_object();

	if (!obj || set_bytes(obj, "path", f->path) < 0 ||
	    json_object_set_new(obj, "sha256",
				f->sha256[0] ? json_string(f->sha256) : json_null()) < 0 ||
	    json_object_set_new(obj, "reasons", json_integer(f->reasons)) < 0) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}

static json_t *accept_json(const struct trust_accept *a)
{
	json_t *obj = json_object();

	if (!obj || set_bytes(obj, "path", a->path) < 0 ||
	    json_object_set_new(obj, "rule", json_string(a->rule)) < 0 ||
	    json_object_set_new(obj, "sha256", json_string(a->sha256)) < 0) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}

/* An empty name or value is written plain ("" is valid UTF-8). */
static int set_text(json_t *obj, const char *key, const char *s)
{
	if (!*s)
		return json_object_set_new(obj, key, json_string("")) < 0 ? al_error_oom() : 0;
	return set_bytes(obj, key, s);
}

static json_t *item_json(const struct trust_item *it)
{
	json_t *obj = json_object();

	if (!obj || json_object_set_new(obj, "type", json_integer(it->type)) < 0 ||
	    set_bytes(obj, "file", it->file) < 0 || set_text(obj, "name", it->name) < 0 ||
	    set_text(obj, "value", it->value) < 0) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}

/* Appends each of n things made by fn to a new array set as `key`. */
static int set_array(json_t *root, const char *key, const void *v, size_t size, size_t n,
		     json_t *(*fn)(const void *))
{
	json_t *arr;

	if (n == 0)
		return 0;
	if (!(arr = json_array()) || json_object_set_new(root, key, arr) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (json_array_append_new(arr, fn((const char *)v + i * size)) < 0)
			return -1;
	return 0;
}

static json_t *accept_json_v(const void *a)
{
	return accept_json(a);
}

static json_t *item_json_v(const void *it)
{
	return item_json(it);
}

static json_t *record_json(const struct trust_record *r)
{
	json_t *root = json_object(), *files = json_array();

	/* root owns files from here on, so one decref cleans up everything. */
	if (!root || !files || json_object_set_new(root, "files", files) < 0) {
		json_decref(root);
		return NULL;
	}
	for (size_t i = 0; i < r->nfiles; i++)
		if (json_array_append_new(files, file_json(&r->files[i])) < 0)
			goto fail;
	if (set_bytes(root, "path", r->path) < 0 ||
	    json_object_set_new(root, "airlock_trust_record", json_integer(TRUST_RECORD_FORMAT)) <
		    0 ||
	    json_object_set_new(root, "decision", json_string(decisions[r->decision])) < 0 ||
	    json_object_set_new(root, "time", json_string(r->time)) < 0 ||
	    json_object_set_new(root, "digest", json_string(r->digest)) < 0 ||
	    json_object_set_new(root, "signatures",
				r->signatures ? json_string(r->signatures) : json_null()) < 0)
		goto fail;
	if ((r->git_remote || r->git_head) &&
	    json_object_set_new(
		    root, "git",
		    json_pack("{s:s?, s:s?}", "remote", r->git_remote, "head", r->git_head)) < 0)
		goto fail;
	if (set_array(root, "accepted", r->accepts, sizeof(*r->accepts), r->naccepts,
		      accept_json_v) < 0 ||
	    set_array(root, "review", r->items, sizeof(*r->items), r->nitems, item_json_v) < 0)
		goto fail;
	return root;
fail:
	json_decref(root);
	return NULL;
}

int al_trust_record_serialize(char **out, size_t *len, const struct trust_record *r)
{
	json_t *root;

	*out = NULL;
	if (r->decision < AIRLOCK_DECISION_TRUSTED || r->decision > AIRLOCK_DECISION_DENIED)
		return al_error_set(AIRLOCK_EINVALID, "unknown decision %d", (int)r->decision);
	if (!(root = record_json(r)))
		return al_error_oom();
	*out = json_dumps(root, JSON_INDENT(2) | JSON_SORT_KEYS | JSON_ENSURE_ASCII);
	json_decref(root);
	if (!*out)
		return al_error_oom();
	*len = strlen(*out);
	return 0;
}

void al_trust_record_clear(struct trust_record *r)
{
	for (size_t i = 0; i < r->nfiles; i++)
		free(r->files[i].path);
	free(r->files);
	free(r->path);
	free(r->signatures);
	free(r->git_remote);
	free(r->git_head);
	for (size_t i = 0; i < r->naccepts; i++) {
		free(r->accepts[i].rule);
		free(r->accepts[i].path);
	}
	free(r->accepts);
	for (size_t i = 0; i < r->nitems; i++) {
		free(r->items[i].file);
		free(r->items[i].name);
		free(r->items[i].value);
	}
	free(r->items);
	memset(r, 0, sizeof(*r));
}

bool al_trust_record_accepts(const struct trust_record *r, const char *rule, const char *path,
			     const char *sha256)
{
	for (size_t i = 0; i < r->naccepts; i++)
		if (strcmp(r->accepts[i].rule, rule) == 0 &&
		    strcmp(r->accepts[i].path, path) == 0 &&
		    strcmp(r->accepts[i].sha256, sha256) == 0)
			return true;
	return false;
}

const struct trust_file *al_trust_record_file(const struct trust_record *r, const char *path)
{
	size_t lo = 0, hi = r->nfiles;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(path, r->files[mid].path);

		if (c == 0)
			return &r->files[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
