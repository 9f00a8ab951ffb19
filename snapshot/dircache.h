/*
 * dircache.h - the walk's per-user cache of folder listings, in the spirit
 * of git's untracked cache: for each folder outside every surface folder,
 * its (dev, ino, mtime, ctime) when it was listed and the names in it the
 * walk acts on (sub-folders, and names the surfaces table may match). A
 * folder whose stat data are the same is not listed again; its files are
 * still opened, read and hashed at every walk.
 *
 * Why unchanged stat data mean an unchanged listing: creating, removing or
 * renaming a name in a folder sets the folder's mtime and ctime to the
 * current time, and no unprivileged process can set a ctime. A folder is
 * recorded only when its ctime is older than al_dircache_racy_ns, so a
 * change within the same clock tick as the listing cannot go unnoticed; only
 * folders on the project's own file system, of a type known to keep these
 * times (ext4, xfs, btrfs, tmpfs, f2fs), are recorded.
 *
 * Stored as one file per project in a private directory
 * ($AIRLOCK_CACHE_DIR/walk, else $XDG_CACHE_HOME/airlock/walk, else
 * ~/.cache/airlock/walk): owner and mode checked, a header naming the
 * project, the library and its build, and a closing SHA-256. Any doubt is a
 * miss: the folders are listed, as without a cache.
 */
#ifndef AIRLOCK_SNAPSHOT_DIRCACHE_H
#define AIRLOCK_SNAPSHOT_DIRCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "common/unittest.h"

/* Test seams: the age a folder's ctime must have to be recorded (the
 * shipped library: 2 s), and the folders the walk listed (readdir). */
AL_SEAM(long long, al_dircache_racy_ns, 2000000000LL);
extern unsigned long al_dircache_listed;

struct dir_record {
	char *path; /* the folder, relative to the project */
	uint64_t dev, ino;
	int64_t mtime_sec, mtime_nsec, ctime_sec, ctime_nsec;
	uint32_t count; /* names listed in it, for the walk's entry limit */
	char *names;    /* per name: a d_type byte, the name, a NUL */
	uint32_t names_len;
};

struct dircache {
	int dirfd;         /* the private directory; -1: off */
	char file[64 + 1]; /* the project's file in it */
	uint64_t root_dev;
	struct dir_record *old; /* read from the file, sorted by path */
	size_t nold;
	struct dir_record *cur; /* this walk's, written at the end */
	size_t ncur, acur;
	bool changed; /* cur differs from old */
	int64_t now_sec, now_nsec;
};

/* Opens the cache of the project at canonical `path` (root descriptor
 * `rootfd`); off (dc->dirfd == -1) when !enabled, AIRLOCK_CACHE_DIR is
 * empty, the directory fails its checks or the file system is not one the
 * cache trusts. Never fails. */
void al_dircache_open(struct dircache *dc, const char *path, int rootfd, bool enabled);

/* The record of folder `relpath` whose stat data are `st`, or NULL. */
const struct dir_record *al_dircache_find(const struct dircache *dc, const char *relpath,
					  const struct stat *st);

/* Keeps record `r` (found this walk) for the next walk. */
void al_dircache_keep(struct dircache *dc, const struct dir_record *r);

/* Records folder `relpath` as just listed: `count` names, `names` as in
 * struct dir_record. Nothing when it is too new, on another device, or on
 * any failure. */
void al_dircache_put(struct dircache *dc, const char *relpath, const struct stat *st,
		     uint32_t count, const char *names, size_t names_len);

/* Writes the file when the walk's records differ from it, and frees. */
void al_dircache_close(struct dircache *dc);

#endif
