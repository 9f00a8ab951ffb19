/*
 * privdir.c - private directories (the trust store, the memory-scan state and
 * its quarantine) and atomic replacement of one file in them.
 *
 * MUST, for every private directory:
 *  1. It is named by an absolute path and opened with O_NOFOLLOW |
 *     O_DIRECTORY: a symlink in its place is refused, not followed.
 *  2. Checked on the descriptor: owned by the effective uid, not writable by
 *     group or others.
 *  3. Every directory above it, walked by ".." on descriptors up to the root,
 *     is owned by the user or root and not writable by group or others unless
 *     sticky (as /tmp): otherwise someone else could swap it (ssh's
 *     StrictModes rule). A path deeper than LIMIT_ANCESTOR_DEPTH is refused.
 *  4. A failed check is an error with a one-line reason; the caller uses
 *     nothing in the directory.
 *  5. Directories it creates are 0700 and files it writes 0600, whatever the
 *     umask; a file is replaced by temp file, fsync, rename, fsync of the
 *     directory, so a crash leaves the old file or the new one.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/error.h"
#include "common/limits.h"
#include "common/privdir.h"

int al_privdir_make_dirs(const char *path)
{
	char *copy = strdup(path);
	int error = 0;

	if (!copy)
		return al_error_oom();
	for (char *p = copy + 1;; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(copy, 0700) < 0 && errno != EEXIST) {
			error = al_error_set_errno(AIRLOCK_ERROR, errno, "cannot create %s", copy);
			break;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(copy);
	return error;
}

static int write_all(int fd, const unsigned char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int al_privdir_replace_at(int dirfd, const char *shown, const char *tmp, const char *name,
			  const void *buf, size_t len)
{
	int fd, error = 0;

	fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return errno == EEXIST ? -EEXIST
				       : al_error_set_errno(AIRLOCK_ERROR, errno,
							    "cannot write in %s", shown);
	/* 0600 whatever the umask: the open's mode is masked, fchmod is not */
	if (fchmod(fd, 0600) < 0 || write_all(fd, buf, len) < 0 || fsync(fd) < 0)
		error = al_error_set_errno(AIRLOCK_ERROR, errno, "cannot write in %s", shown);
	if (close(fd) < 0 && error == 0)
		error = al_error_set_errno(AIRLOCK_ERROR, errno, "cannot write in %s", shown);
	if (error == 0 && renameat(dirfd, tmp, dirfd, name) < 0)
		error = al_error_set_errno(AIRLOCK_ERROR, errno, "cannot replace a file in %s",
					   shown);
	if (error < 0) {
		unlinkat(dirfd, tmp, 0);
		return error;
	}
	if (fsync(dirfd) < 0)
		return al_error_set_errno(AIRLOCK_ERROR, errno, "cannot sync %s", shown);
	return 0;
}

/* Rule 2. */
static int check_dir(int fd, const char *what, const char *path)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return al_error_set_errno(AIRLOCK_ERROR, errno, "%s %s", what, path);
	if (st.st_uid != geteuid())
		return al_error_set(AIRLOCK_ERROR, "%s %s is not owned by you (uid %u)", what, path,
				    (unsigned)st.st_uid);
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return al_error_set(
			AIRLOCK_ERROR,
			"%s %s is writable by group or others (mode %04o); run chmod 700 on it",
			what, path, (unsigned)(st.st_mode & 07777));
	return 0;
}

/* Rule 3: one directory above; 1 when it is the root (same as `below`). */
static int check_ancestor(const struct stat *st, const struct stat *below, const char *what,
			  const char *path)
{
	if (st->st_dev == below->st_dev && st->st_ino == below->st_ino)
		return 1;
	if (st->st_uid != 0 && st->st_uid != geteuid())
		return al_error_set(AIRLOCK_ERROR,
				    "a directory above the %s %s is owned by another user (uid %u)",
				    what, path, (unsigned)st->st_uid);
	if ((st->st_mode & (S_IWGRP | S_IWOTH)) && !(st->st_mode & S_ISVTX))
		return al_error_set(AIRLOCK_ERROR,
				    "a directory above the %s %s is writable by others", what,
				    path);
	return 0;
}

/* Rule 3: walks ".." from `fd` to the root on descriptors. */
static int check_ancestors(int fd, const char *what, const char *path)
{
	struct stat st, below;
	int cur = dup(fd), up, error = 0;

	if (cur < 0 || fstat(cur, &below) < 0) {
		error = al_error_set_errno(AIRLOCK_ERROR, errno, "%s %s", what, path);
		goto out;
	}
	for (int depth = 0;; depth++) {
		if (depth == LIMIT_ANCESTOR_DEPTH) {
			error = al_error_set(AIRLOCK_ERROR,
					     "%s %s is more than %d directories deep", what, path,
					     LIMIT_ANCESTOR_DEPTH);
			break;
		}
		up = openat(cur, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		close(cur);
		cur = up;
		if (up < 0 || fstat(up, &st) < 0) {
			error = al_error_set_errno(AIRLOCK_ERROR, errno, "%s %s: parent", what,
						   path);
			break;
		}
		if ((error = check_ancestor(&st, &below, what, path)) != 0)
			break;
		below = st;
	}
out:
	if (cur >= 0)
		close(cur);
	return error < 0 ? error : 0;
}

static int check_private(int fd, const char *what, const char *path)
{
	int error = check_dir(fd, what, path);

	return error < 0 ? error : check_ancestors(fd, what, path);
}

static int open_dir(const char *path)
{
	return open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

int al_privdir_open(const char *path, const char *what, bool create)
{
	int fd, error;

	if (path[0] != '/')
		return al_error_set(AIRLOCK_ERROR, "%s path %s is not absolute", what, path);
	fd = open_dir(path);
	if (fd < 0 && errno == ENOENT && create) {
		if ((error = al_privdir_make_dirs(path)) < 0)
			return error;
		fd = open_dir(path);
	}
	if (fd < 0) {
		if (errno == ENOENT && !create)
			return al_error_set(AIRLOCK_ENOTFOUND, "%s %s does not exist", what, path);
		if (errno == ELOOP || errno == ENOTDIR)
			return al_error_set(AIRLOCK_ERROR, "%s %s is a symlink or not a directory",
					    what, path);
		return al_error_set_errno(AIRLOCK_ERROR, errno, "cannot open %s %s", what, path);
	}
	if ((error = check_private(fd, what, path)) < 0) {
		close(fd);
		return error;
	}
	return fd;
}

char *al_privdir_cache(const char *sub, const char *under_env)
{
	const char *env = getenv("AIRLOCK_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	char *out = NULL;
	int n;

	if (env && !*env)
		n = -1;
	else if (env)
		n = under_env ? asprintf(&out, "%s/%s", env, under_env) : asprintf(&out, "%s", env);
	else if (xdg && xdg[0] == '/')
		n = asprintf(&out, "%s/airlock/%s", xdg, sub);
	else if (home && home[0] == '/')
		n = asprintf(&out, "%s/.cache/airlock/%s", home, sub);
	else
		n = -1;
	return n < 0 ? NULL : out;
}
