/*
 * snapshot.c - the manifest: entries, their hashes, and one digest over the
 * executable class.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/error.h"
#include "common/path.h"
#include "common/limits.h"
#include "formats/formats.h"
#include "snapshot/snapshot.h"

const struct surface al_snapshot_walk_surface = {
	"", "(project)", AIRLOCK_KIND_DIRECTORY, false, AIRLOCK_CLASS_EXECUTABLE, SCHEMA_NONE,
};

const struct surface al_snapshot_limit_surface = {
	"", "(project)", AIRLOCK_KIND_DIRECTORY, false, AIRLOCK_CLASS_EXECUTABLE, SCHEMA_NONE,
};

const struct surface al_snapshot_any_surface = {
	"", "(any)", AIRLOCK_KIND_TEXT, true, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE,
};

void al_snapshot_init(struct snapshot *snap, uint64_t max_file_size)
{
	memset(snap, 0, sizeof(*snap));
	snap->max_file_size = max_file_size ? max_file_size : LIMIT_FILE_SIZE_DEFAULT;
}

void al_snapshot_free(struct snapshot *snap)
{
	for (size_t i = 0; i < snap->count; i++) {
		free(snap->entries[i].path);
		free(snap->entries[i].link_target);
		free(snap->entries[i].data);
	}
	free(snap->entries);
	memset(snap, 0, sizeof(*snap));
}

static int grow(struct snapshot *snap)
{
	size_t n = snap->alloc ? snap->alloc * 2 : 32;
	struct airlock_entry *e;

	if (n > SIZE_MAX / sizeof(*e))
		return al_error_oom();
	e = realloc(snap->entries, n * sizeof(*e));
	if (!e)
		return al_error_oom();
	snap->entries = e;
	snap->alloc = n;
	return 0;
}

static int append(struct airlock_entry **out, struct snapshot *snap, const char *path,
		  const struct surface *s, unsigned int reasons, uint64_t size,
		  const char *link_target)
{
	struct airlock_entry *e;
	int error;

	if (snap->count == snap->alloc && (error = grow(snap)) < 0)
		return error;
	e = &snap->entries[snap->count];
	memset(e, 0, sizeof(*e));
	e->path = strdup(path);
	e->link_target = link_target ? strdup(link_target) : NULL;
	if (!e->path || (link_target && !e->link_target)) {
		free(e->path);
		free(e->link_target);
		return al_error_oom();
	}
	e->surface = s;
	e->kind = al_surface_kind(s, path);
	e->cls = al_surface_class(s, path);
	e->reasons = reasons;
	e->size = size;
	snap->count++;
	*out = e;
	return 0;
}

bool al_snapshot_full(const struct snapshot *snap)
{
	return snap->surface_files >= (snap->max_files ? snap->max_files : LIMIT_SURFACE_FILES);
}

int al_snapshot_add(struct airlock_entry **out, struct snapshot *snap, const char *path,
		    const struct surface *s, unsigned int reasons, uint64_t size,
		    const char *link_target)
{
	*out = NULL;
	if (s != &al_snapshot_walk_surface && s != &al_snapshot_limit_surface) {
		if (al_snapshot_full(snap)) {
			if (snap->surface_limit_reported)
				return 0;
			snap->surface_limit_reported = true;
			return append(out, snap, path, &al_snapshot_walk_surface,
				      AIRLOCK_REASON_LIMIT, 0, NULL);
		}
		snap->surface_files++;
	}
	return append(out, snap, path, s, reasons, size, link_target);
}

static void found(void *arg, json_t *value, const char *where)
{
	(void)value, (void)where;
	*(bool *)arg = true;
}

bool al_snapshot_front_matter_executes(enum schema schema, const void *data, size_t len)
{
	struct al_doc d;
	char why[160];
	bool executes = false;
	int rc;

	if (schema != SCHEMA_CLAUDE_FRONT_MATTER && schema != SCHEMA_COPILOT_FRONT_MATTER &&
	    schema != SCHEMA_OPENCODE_FRONT_MATTER)
		return false;
	/* a Claude command's !`cmd` runs before the prompt is sent */
	if (schema == SCHEMA_CLAUDE_FRONT_MATTER && memmem(data, len, "!`", 2))
		return true;
	al_doc_init(&d);
	rc = al_doc_front_matter_agent(&d, data, len, why, sizeof(why));
	if (rc < 0) {
		al_doc_free(&d);
		return true; /* front matter the agent may read otherwise: bind it */
	}
	for (size_t i = 0; rc == 0 && i < al_config_key_count && !executes; i++)
		if (al_config_keys[i].schema == schema && al_config_keys[i].executes)
			al_doc_select(d.root, al_config_keys[i].path, found, &executes);
	al_doc_free(&d);
	return executes;
}

static bool has_suffix(const char *path, const char *suffix)
{
	size_t n = strlen(path), k = strlen(suffix);

	return n > k && strcasecmp(path + n - k, suffix) == 0;
}

bool al_snapshot_looks_binary(const char *path, const unsigned char *d, size_t len)
{
	static const struct {
		const char *magic;
		size_t len;
	} magics[] = {
		{ "\x1f\x8b", 2 }, /* gzip */
		{ "\xfd"
		  "7zXZ\0",
		  6 },                       /* xz */
		{ "\x28\xb5\x2f\xfd", 4 },   /* zstd */
		{ "PK\x03\x04", 4 },         /* zip (docx, jar...) */
		{ "PK\x05\x06", 4 },         /* empty zip */
		{ "7z\xbc\xaf\x27\x1c", 6 }, /* 7z */
		{ "\x89PNG\r\n\x1a\n", 8 },  /* PNG */
		{ "\xff\xd8\xff", 3 },       /* JPEG */
		{ "GIF87a", 6 },
		{ "GIF89a", 6 }, /* GIF */
		{ "\x7f"
		  "ELF",
		  4 }, /* ELF */
	};
	static const char *const text[] = { ".md", ".mdc", ".markdown", ".txt" };

	for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		if (has_suffix(path, text[i]))
			return false;
	for (size_t i = 0; i < sizeof(magics) / sizeof(magics[0]); i++)
		if (len >= magics[i].len && memcmp(d, magics[i].magic, magics[i].len) == 0)
			return true;
	/* bzip2: "BZh", the block size, the block magic (pi) */
	if (len >= 10 && memcmp(d, "BZh", 3) == 0 && d[3] >= '1' && d[3] <= '9' &&
	    memcmp(d + 4, "1AY&SY", 6) == 0)
		return true;
	return memchr(d, '\0', len < 8192 ? len : 8192) != NULL;
}

int al_snapshot_set_content(struct snapshot *snap, struct airlock_entry *e, unsigned char *data,
			    size_t len)
{
	int error;

	if (snap->skip_binary && al_snapshot_looks_binary(e->path, data, len)) {
		free(data);
		e->binary = true;
		return 0;
	}
	if (len > LIMIT_SNAPSHOT_BYTES - snap->bytes) {
		free(data);
		e->reasons |= AIRLOCK_REASON_TOO_LARGE;
		return 0;
	}
	if ((error = al_hash_sha256_hex(e->sha256, data, len)) < 0) {
		free(data);
		return error;
	}
	e->data = data;
	e->data_len = len;
	snap->bytes += len;
	if (e->cls == AIRLOCK_CLASS_INSTRUCTIONS && e->kind == AIRLOCK_KIND_MARKDOWN &&
	    al_snapshot_front_matter_executes(e->surface->schema, data, len))
		e->cls = AIRLOCK_CLASS_EXECUTABLE;
	return 0;
}

static int by_path(const void *a, const void *b)
{
	const struct airlock_entry *x = a, *y = b;

	return strcmp(x->path, y->path);
}

/*
 * The digest covers what trust is bound to: every executable-class entry's
 * path and either its content hash or why it was not read. Fields are
 * NUL-terminated, so no two manifests serialise alike (paths never hold NUL).
 */
int al_snapshot_finish(struct snapshot *snap)
{
	hash_ctx *h;
	char num[32];
	int error;

	if (snap->count > 1)
		qsort(snap->entries, snap->count, sizeof(snap->entries[0]), by_path);
	if (!(h = al_hash_new()))
		return AIRLOCK_ERROR;
	for (size_t i = 0; i < snap->count; i++) {
		const struct airlock_entry *e = &snap->entries[i];

		if (e->cls != AIRLOCK_CLASS_EXECUTABLE)
			continue;
		snprintf(num, sizeof(num), "%u", e->reasons);
		if ((error = al_hash_update(h, e->path, strlen(e->path) + 1)) < 0 ||
		    (error = al_hash_update(h, e->sha256, strlen(e->sha256) + 1)) < 0 ||
		    (error = al_hash_update(h, num, strlen(num) + 1)) < 0 ||
		    (error = al_hash_update(h, e->link_target ? e->link_target : "",
					    e->link_target ? strlen(e->link_target) + 1 : 1)) < 0) {
			al_hash_free(h);
			return error;
		}
	}
	return al_hash_final(h, snap->digest);
}

/* A relative link whose ".." steps climb above the project root points
 * outside; so does every absolute link. Judged on the text alone: the target
 * is never resolved. */
bool al_snapshot_link_escapes(const char *relpath, const char *target)
{
	return target[0] == '/' || target[0] == '\0' || al_path_climbs_out(relpath, target);
}

/* The project-relative path a link inside the project names, judged on its
 * text (never resolved): the link's folder joined with the target, "." and
 * ".." folded. Returns false when it climbs out or is too long. */
bool al_snapshot_join(char *out, size_t cap, const char *path, const char *target)
{
	const char *slash = strrchr(path, '/');
	size_t len = slash ? (size_t)(slash - path) : 0;

	if (target[0] == '/' || len >= cap)
		return false;
	memcpy(out, path, len);
	out[len] = '\0';
	while (*target) {
		size_t n = strcspn(target, "/");

		if (n == 2 && target[0] == '.' && target[1] == '.') {
			char *up = strrchr(out, '/');

			if (len == 0)
				return false;
			len = up ? (size_t)(up - out) : 0;
			out[len] = '\0';
		} else if (n > 0 && !(n == 1 && target[0] == '.')) {
			if (len + 1 + n >= cap)
				return false;
			if (len)
				out[len++] = '/';
			memcpy(out + len, target, n);
			len += n;
			out[len] = '\0';
		}
		target += n;
		target += strspn(target, "/");
	}
	return len > 0;
}

bool al_snapshot_clean_relpath(char *out, size_t size, const char *in)
{
	size_t len = 0;

	if (in[0] == '/' || in[0] == '\0')
		return false;
	while (*in) {
		size_t n = strcspn(in, "/");

		if (n == 1 && in[0] == '.') {
			/* skip "." */
		} else if (n == 0) {
			/* skip "//" */
		} else if (n == 2 && in[0] == '.' && in[1] == '.') {
			return false;
		} else {
			if (len + (len ? 1 : 0) + n >= size)
				return false;
			if (len)
				out[len++] = '/';
			memcpy(out + len, in, n);
			len += n;
		}
		in += n;
		in += strspn(in, "/");
	}
	out[len] = '\0';
	return len > 0;
}

/* True when the snapshot holds an entry at `path`. */
bool al_snapshot_has(const struct snapshot *snap, const char *path)
{
	for (size_t i = 0; i < snap->count; i++)
		if (strcmp(snap->entries[i].path, path) == 0)
			return true;
	return false;
}
