/*
 * git_index.h - the paths git's index (.git/index) lists, read directly.
 *
 * The walk asks the index only which paths are tracked inside folders it
 * does not walk; it needs the paths and nothing else, so it reads the file
 * itself (versions 2, 3 and 4) instead of loading it whole with libgit2,
 * whose load (a map of every entry, a checksum over the file) cost more than
 * the walk on a 100 000-file checkout. Anything it does not understand is an
 * error, and the caller falls back to libgit2.
 */
#ifndef AIRLOCK_SNAPSHOT_GIT_INDEX_H
#define AIRLOCK_SNAPSHOT_GIT_INDEX_H

#include <stddef.h>

/* Calls `fn` with each entry's path (NUL-terminated, valid during the call)
 * of the index image buf[0..len), in the file's order; a non-zero return
 * from `fn` stops and is returned. Returns 0, or AIRLOCK_EINVALID for a
 * file that is not an index of version 2-4, is truncated, holds a path
 * longer than LIMIT_PATH_BYTES or a split index ("link" extension: part of
 * the entries are in another file). Sets no message. */
int al_git_index_paths(const unsigned char *buf, size_t len,
		       int (*fn)(const char *path, size_t len, void *payload), void *payload);

#endif
