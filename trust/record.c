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
	    (error = parse_files(r, json_object_get(root, "files"))) < 0)
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
	memset(r, 0, sizeof(*r));
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
