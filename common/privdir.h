/*
 * privdir.h - the few file-system steps the trust store and the memory-scan
 * state share: private directories, checked with every directory above
 * them, and atomic replacement of one file.
 */
#ifndef AIRLOCK_COMMON_PRIVDIR_H
#define AIRLOCK_COMMON_PRIVDIR_H

#include <stdbool.h>
#include <stddef.h>

/* mkdir -p; each directory it creates is 0700 whatever the umask (existing
 * ones are left for the caller's checks). Returns 0 or AIRLOCK_ERROR. */
int al_privdir_make_dirs(const char *path);

/* Replaces `name` in directory `dirfd` with buf[0..len) so that a crash at
 * any point leaves the old file or the new one: `tmp` is created with
 * O_CREAT|O_EXCL|O_NOFOLLOW 0600, written, fsynced, renamed over `name`, and
 * the directory fsynced. The caller holds whatever lock keeps other writers
 * off `tmp`. `shown` names the directory in messages. Returns 0,
 * AIRLOCK_ERROR, or -EEXIST when `tmp` exists (message not set). */
int al_privdir_replace_at(int dirfd, const char *shown, const char *tmp, const char *name,
			  const void *buf, size_t len);

/*
 * Opens the private directory at absolute `path` with O_NOFOLLOW |
 * O_DIRECTORY (with `create`, making it and its missing parents 0700 first)
 * and checks it on descriptors: owned by the user and not writable by group
 * or others, and every directory above it up to the root owned by the user
 * or root and not writable by others unless sticky. `what` names it in
 * messages ("trust store", "state directory"). Returns the descriptor;
 * AIRLOCK_ENOTFOUND when it is missing and not `create`; AIRLOCK_ERROR with
 * a one-line reason.
 */
int al_privdir_open(const char *path, const char *what, bool create);

/* The path of the per-user cache folder `sub` ("verdicts", "walk"):
 * $XDG_CACHE_HOME/airlock/sub, else ~/.cache/airlock/sub (only from
 * absolute variables). AIRLOCK_CACHE_DIR, when set, replaces the whole
 * choice: the folder is AIRLOCK_CACHE_DIR itself when `under_env` is NULL,
 * AIRLOCK_CACHE_DIR/under_env otherwise, and an empty value means no
 * cache. New string (free() it), or NULL: no cache, or no memory. */
char *al_privdir_cache(const char *sub, const char *under_env);

#endif
