/*
 * snapshot.h - the project's context files, each read once into memory, and
 * the manifest built from them.
 *
 * A source (a directory today, a git tree later) adds entries; every later
 * step (hash, scan, parse) works on the bytes held here, so what was hashed
 * is exactly what is scanned and parsed.
 */
#ifndef AIRLOCK_SNAPSHOT_SNAPSHOT_H
#define AIRLOCK_SNAPSHOT_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airlock.h"
#include "common/hash.h"
#include "surfaces/files.h"

/* What fstat said of a file when it was opened: a memory scan's cache key. */
struct file_stamp {
	uint64_t dev, ino, size;
	int64_t mtime_sec, ctime_sec;
	long mtime_nsec, ctime_nsec;
};

struct airlock_entry {
	char *path; /* relative, '/'-separated, raw bytes */
	const struct surface *surface;
	airlock_kind kind;
	airlock_class cls;    /* the row's, or executable: a script in a skill, front
			    * matter with hooks (al_snapshot_set_content) */
	uint64_t size;        /* as the source reported it */
	unsigned int reasons; /* AIRLOCK_REASON_* */
	char *link_target;    /* symlinks only */
	unsigned char *data;  /* the bytes read; NULL when not read */
	size_t data_len;
	char sha256[SHA256_HEX_LEN + 1]; /* "" when not read */
	struct file_stamp stamp;         /* regular files opened by a walk */
	bool cached;                     /* unchanged since the caller's record: not read */
	bool binary; /* read, and not text by its content (skip_binary): not kept, not scanned */
};

struct snapshot {
	struct airlock_entry *entries;
	size_t count, alloc;
	size_t surface_files; /* entries that are surface matches */
	uint64_t bytes;       /* content bytes held, for the total cap */
	uint64_t max_file_size;
	bool surface_limit_reported;
	bool all_files; /* every regular file is an entry, not only surfaces */
	bool pruned;    /* the walk skipped a vendored or tool-owned folder */
	/* the walk stopped at its depth or entry limit: git's index may say
	 * what is tracked beyond (al_source_git_index_surfaces) */
	bool walk_limited;
	/* ... and it was the entry limit: not only what lies below the depth
	 * limit's folders (the LIMIT entries' paths) is unwalked */
	bool walk_stopped;
	/* Set: a file whose content is not text (al_snapshot_looks_binary) is
	 * kept without its bytes and marked `binary`. */
	bool skip_binary;
	/* Files (surface matches) kept; 0: LIMIT_SURFACE_FILES. */
	size_t max_files;
	char digest[SHA256_HEX_LEN + 1];
	/* Set: asked for every regular file after fstat and before reading; when
	 * it returns true the file is added unread, marked `cached`. */
	bool (*unchanged)(void *arg, const char *path, const struct file_stamp *st);
	/* Set: told every LIMIT_WALK_PROGRESS entries the walk reads; non-zero
	 * stops it (AIRLOCK_EUSER). */
	int (*progress)(size_t done, size_t total, uint64_t bytes, void *arg);
	/* Set: the walk's cache of folder listings (dircache.h), used by
	 * al_source_dir_snapshot for folders outside every surface folder. */
	struct dircache *dircache;
	void *progress_arg;
	void *unchanged_arg;
};

/* The pseudo-surface of entries that stand for a walk problem (a limit hit
 * or an unreadable directory) rather than for a context file. */
extern const struct surface al_snapshot_walk_surface;

/* The pseudo-surface of a walk's depth or entry limit: replaced by what
 * git's index lists there when the project has one, left (and refused, as
 * unread) when it has none. */
extern const struct surface al_snapshot_limit_surface;

/* The pseudo-surface of files outside the surfaces table, taken when
 * all_files is set (`airlock scan --all-files`): kind from the extension,
 * read as instructions, so they never enter the executable digest. */
extern const struct surface al_snapshot_any_surface;

void al_snapshot_init(struct snapshot *snap, uint64_t max_file_size);
void al_snapshot_free(struct snapshot *snap);

/* Adds an entry without content. `path` is copied; `link_target` may be NULL.
 * When the manifest already holds LIMIT_SURFACE_FILES context files the entry
 * is not added: *out is NULL and one LIMIT entry records it instead.
 * Returns 0 or AIRLOCK_ERROR (out of memory). */
int al_snapshot_add(struct airlock_entry **out, struct snapshot *snap, const char *path,
		    const struct surface *s, unsigned int reasons, uint64_t size,
		    const char *link_target);

/* True when the manifest holds as many files as it may: the next one is a
 * LIMIT entry, so its content need not be read. */
bool al_snapshot_full(const struct snapshot *snap);

/* True when the file at `path` is not text by its content: a NUL byte in
 * its first 8 KiB, or the magic number of a compressed, archive, image or
 * executable format (gzip, bzip2, xz, zstd, zip, 7z, PNG, JPEG, GIF, ELF).
 * A file named as text an agent reads (.md, .mdc, .markdown, .txt) is
 * always text: an agent loads it whatever its first bytes are. */
bool al_snapshot_looks_binary(const char *path, const unsigned char *d, size_t len);

/* True when a Markdown file of `schema` (a front-matter schema of the keys
 * table) runs something: front matter with a key marked `executes`, front
 * matter that does not parse, or a Claude command's !`cmd`. */
bool al_snapshot_front_matter_executes(enum schema schema, const void *data, size_t len);

/* Gives the entry its content (ownership of `data` passes to the snapshot in
 * every case) and hashes it. With skip_binary, content that looks binary is
 * dropped and the entry marked `binary`. Past the snapshot's total byte cap
 * the data is dropped and the entry marked AIRLOCK_REASON_TOO_LARGE. */
int al_snapshot_set_content(struct snapshot *snap, struct airlock_entry *e, unsigned char *data,
			    size_t len);

/* True when a symlink at `relpath` with text `target` points outside the
 * project: absolute, or climbing above the root with "..". Judged on the
 * text alone; the target is never resolved. */
bool al_snapshot_link_escapes(const char *relpath, const char *target);

/* The project-relative path that `target`, named from the file at `path`,
 * designates: path's folder joined with target, "." and ".." folded, on the
 * text alone. False when it is absolute, climbs out, or is too long. */
bool al_snapshot_join(char *out, size_t cap, const char *path, const char *target);

/* A path named by configuration: relative, no "." or ".." components, no
 * empty ones. Copies it normalised ("./a//b" -> "a/b") into out[size]. */
bool al_snapshot_clean_relpath(char *out, size_t size, const char *in);

/* True when the snapshot holds an entry at `path`. */
bool al_snapshot_has(const struct snapshot *snap, const char *path);

/* Sorts the entries by path and computes the manifest digest. */
int al_snapshot_finish(struct snapshot *snap);

#endif
