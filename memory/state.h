/*
 * state.h - the memory scan's state: per file, the stat data it had, its
 * SHA-256, the signature set it was judged with, what was made of it (its
 * verdict) and its findings.
 *
 * The state is a cache, never a source of trust: a file is skipped only when
 * its device, inode, size, mtime and ctime and the signature-set version all
 * match and its content was judged (scanned, or found binary); a state file
 * that fails to parse or a check is discarded whole (a full rescan), never
 * partly believed.
 */
#ifndef AIRLOCK_MEMORY_STATE_H
#define AIRLOCK_MEMORY_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "common/hash.h"
#include "common/limits.h"
#include "common/unittest.h"
#include "snapshot/snapshot.h"
#include "scanners/catalogue.h"
#include "scanners/finding.h"

/* What the last run made of a file. */
enum state_verdict {
	STATE_SCANNED, /* read and scanned as text: its findings stand while it is unchanged */
	STATE_BINARY,  /* read, and not text by its content: not scanned */
	STATE_UNREAD,  /* not judged by content (a link, too large, unreadable): its findings
			* are kept only to tell known from new; never skipped on its stamp */
};

struct state_file {
	char *path; /* absolute */
	struct file_stamp stamp;
	enum state_verdict verdict;
	char sha256[SHA256_HEX_LEN + 1];     /* "" when not read */
	char signatures[SHA256_HEX_LEN + 1]; /* airlock_rules_version */
	struct findings fs;                  /* located; file names are `path` */
};

struct state {
	struct state_file *v; /* sorted by path, no repeats */
	size_t count, alloc;
	/* The catalogue of the signature set rules.version names, without the
	 * built-in rules (they are the program's, not the set's): what a rescan
	 * that reads nothing reports without loading libyara. Empty version:
	 * none. */
	struct airlock_rules rules;
};

/* The largest state file read or written: LIMIT_STATE_BYTES (tests lower it). */
AL_SEAM(size_t, al_state_max_bytes, LIMIT_STATE_BYTES);

void al_state_free(struct state *st);

/*
 * Parses a state file's bytes. Pure: no I/O, no globals. Strict: the
 * version line, every record, sorted unique paths, counts that match, and
 * the closing line's SHA-256 of every byte before it (a truncated or
 * altered file fails). Returns 0 or AIRLOCK_EINVALID (message set) with
 * `out` empty.
 */
int al_state_parse(struct state *out, const unsigned char *buf, size_t len);

/*
 * The text of `st` (new, free()), at most `max` bytes and LIMIT_STATE_FILES
 * files: when they do not all fit, the files with the largest records are
 * left out (they are read again on the next run) and *dropped counts them.
 * AIRLOCK_ERROR when not even an empty state fits.
 */
int al_state_serialize(char **out, size_t *len, size_t *dropped, const struct state *st,
		       size_t max);

/* The entry for `path`, or NULL. */
const struct state_file *al_state_find(const struct state *st, const char *path);

/* Takes `f` (moved: the caller's copy is cleared) into `st`, replacing an
 * entry of the same path; call al_state_sort before al_state_find. */
int al_state_put(struct state *st, struct state_file *f);
void al_state_sort(struct state *st);

/* The state directory: `dir`, else $XDG_STATE_HOME/airlock, else
 * ~/.local/state/airlock (new, free()). */
int al_state_dir(char **out, const char *dir);

/* The state file's name in its directory. */
#define STATE_FILE_NAME "memory-scan.state"

/*
 * Reads `dir`/memory-scan.state. A missing file gives an empty state. A file
 * that is a symlink, not regular, not owned by the user, writable by group
 * or others, too large or corrupt gives an empty state and *warning (new,
 * free()): it is not trusted. Errors only for memory.
 */
int al_state_load(struct state *out, char **warning, const char *dir);

/* Writes the state atomically (temp file 0600 O_EXCL|O_NOFOLLOW, fsync,
 * rename, fsync of the directory) under flock on the directory, creating it
 * (0700) when missing; never more than al_state_max_bytes (*dropped: the
 * files left out, see al_state_serialize). The state of an earlier version
 * (memory-scan.json) is removed. A directory that is a symlink, foreign or
 * writable by others is refused. */
int al_state_save(const struct state *st, const char *dir, size_t *dropped);

/* Opens (and with `create`, makes) a state directory or a subdirectory of it
 * (`sub` may be NULL), checked on the descriptor: owned by the user, not
 * writable by others, not a symlink. Returns the fd, or a negative code
 * (AIRLOCK_ENOTFOUND when missing and not `create`). */
int al_state_dir_open(const char *dir, const char *sub, bool create);

#endif
