/*
 * state.h - the memory scan's state: per file, the stat data it had, its
 * SHA-256, the signature set it was scanned with and its findings.
 *
 * The state is a cache, never a source of trust: a file is skipped only when
 * its device, inode, size, mtime and ctime and the signature-set version all
 * match; a state file that fails to parse or a check is discarded whole (a
 * full rescan), never partly believed.
 */
#ifndef AIRLOCK_MEMORY_STATE_H
#define AIRLOCK_MEMORY_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "common/hash.h"
#include "snapshot/snapshot.h"
#include "scanners/finding.h"

struct state_file {
	char *path; /* absolute */
	struct file_stamp stamp;
	char sha256[SHA256_HEX_LEN + 1];
	char signatures[SHA256_HEX_LEN + 1]; /* airlock_rules_version */
	struct findings fs;                  /* located; file names are `path` */
};

struct state {
	struct state_file *v; /* sorted by path, no repeats */
	size_t count, alloc;
};

void al_state_free(struct state *st);

/* Parses a state file's bytes. Pure: no I/O, no globals. Returns 0 or
 * AIRLOCK_EINVALID (message set) with `out` empty. */
int al_state_parse(struct state *out, const unsigned char *buf, size_t len);

/* The JSON text of `st` (new, free()). */
int al_state_serialize(char **out, size_t *len, const struct state *st);

/* The entry for `path`, or NULL. */
const struct state_file *al_state_find(const struct state *st, const char *path);

/* Takes `f` (moved: the caller's copy is cleared) into `st`, replacing an
 * entry of the same path; call al_state_sort before al_state_find. */
int al_state_put(struct state *st, struct state_file *f);
void al_state_sort(struct state *st);

/* The state directory: `dir`, else $XDG_STATE_HOME/airlock, else
 * ~/.local/state/airlock (new, free()). */
int al_state_dir(char **out, const char *dir);

/*
 * Reads `dir`/memory-scan.json. A missing file gives an empty state. A file
 * that is a symlink, not regular, not owned by the user, writable by group
 * or others, too large or corrupt gives an empty state and *warning (new,
 * free()): it is not trusted. Errors only for memory.
 */
int al_state_load(struct state *out, char **warning, const char *dir);

/* Writes the state atomically (temp file 0600 O_EXCL|O_NOFOLLOW, fsync,
 * rename, fsync of the directory) under flock on the directory, creating it
 * (0700) when missing. A directory that is a symlink, foreign or writable by
 * others is refused. */
int al_state_save(const struct state *st, const char *dir);

/* Opens (and with `create`, makes) a state directory or a subdirectory of it
 * (`sub` may be NULL), checked on the descriptor: owned by the user, not
 * writable by others, not a symlink. Returns the fd, or a negative code
 * (AIRLOCK_ENOTFOUND when missing and not `create`). */
int al_state_dir_open(const char *dir, const char *sub, bool create);

#endif
