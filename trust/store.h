/*
 * store.h - the trust store: a directory of records, one per project.
 */
#ifndef AIRLOCK_TRUST_STORE_H
#define AIRLOCK_TRUST_STORE_H

#include <stdbool.h>

#include "trust/record.h"

struct trust_store {
	int dirfd;  /* -1 when the store does not exist (and was not created) */
	char *path; /* for messages */
};

/*
 * Opens the store at `dir` (NULL: $AIRLOCK_TRUST_DIR, $XDG_DATA_HOME/airlock/
 * trust, ~/.local/share/airlock/trust). With `create`, a missing store is
 * made (0700); without it, a missing store opens empty. Fails (AIRLOCK_ERROR,
 * one-line reason) when the store or any directory above it fails a check.
 */
int al_trust_store_open(struct trust_store *out, const char *dir, bool create);
void al_trust_store_close(struct trust_store *s);

/*
 * Reads the record for the project at canonical path `project`.
 *   0, *found = false: no record.
 *   0, *found = true, *problem = NULL: `out` holds the record.
 *   0, *found = true, *problem set (new, free() it): the record exists but is
 *     corrupt, or names another path; the caller treats the project as
 *     untrusted and shows the problem.
 *   < 0: the record file failed a security check (symlink, owner, mode,
 *     type) or could not be read: an error, never a decision.
 */
int al_trust_store_read(struct trust_record *out, bool *found, char **problem,
			struct trust_store *s, const char *project);

/* Atomically replaces the project's record (temp file, fsync, rename, fsync
 * of the directory), under an exclusive lock on the store. */
int al_trust_store_write(struct trust_store *s, const struct trust_record *r);

/* Removes the project's record; AIRLOCK_ENOTFOUND when there was none. */
int al_trust_store_remove(struct trust_store *s, const char *project);

/* The record file name of a project: hex SHA-256 of its path + ".json". */
int al_trust_store_record_name(char name[SHA256_HEX_LEN + 6], const char *project);

/* Calls fn for every record file in the store (name order) with the record,
 * or with NULL and the problem that kept it from being read. */
int al_trust_store_foreach(struct trust_store *s,
			   int (*fn)(void *arg, const char *name, const struct trust_record *r,
				     const char *problem),
			   void *arg);

#endif
