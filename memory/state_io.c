/*
 * state_io.c - the state directory on disk: the state file and quarantine.
 *
 * MUST (as trust/store.c):
 *  1. The directory is opened with O_NOFOLLOW | O_DIRECTORY and checked on the
 *     descriptor: owned by the user, not writable by group or others.
 *  2. The state file is opened relative to it with O_NOFOLLOW and checked on
 *     the descriptor: regular, owned by the user, not group/world writable,
 *     within LIMIT_STATE_BYTES. Failing a check means "not trusted": the
 *     state is discarded with a warning and every file is read again.
 *  3. Writes: temp file O_CREAT|O_EXCL|O_NOFOLLOW 0600, write, fsync, rename,
 *     fsync of the directory, under flock(LOCK_EX) on the directory.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/error.h"
#include "common/privdir.h"
#include "common/limits.h"
#include "memory/state.h"

#define STATE_NAME "memory-scan.json"
#define TMP_NAME   ".memory-scan.tmp"

int al_state_dir(char **out, const char *dir)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	int n;

	if (dir && *dir)
		n = asprintf(out, "%s", dir);
	else if (xdg && xdg[0] == '/')
		n = asprintf(out, "%s/airlock", xdg);
	else if (home && home[0] == '/')
		n = asprintf(out, "%s/.local/state/airlock", home);
	else
		return al_error_set(AIRLOCK_ERROR,
				    "cannot locate the state directory: HOME is not set");
	if (n < 0) {
		*out = NULL;
		return al_error_oom();
	}
	return 0;
}

static int check_dir(int fd, const char *path)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return al_error_set_errno(AIRLOCK_ERROR, errno, "state directory %s", path);
	if (st.st_uid != geteuid())
		return al_error_set(AIRLOCK_ERROR,
				    "state directory %s is not owned by you (uid %u)", path,
				    (unsigned)st.st_uid);
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return al_error_set(AIRLOCK_ERROR,
				    "state directory %s is writable by group or others (mode %04o)",
				    path, (unsigned)(st.st_mode & 07777));
	return 0;
}

int al_state_dir_open(const char *dir, const char *sub, bool create)
{
	char *path = NULL;
	int fd = -1, error;

	if (sub ? asprintf(&path, "%s/%s", dir, sub) < 0 : !(path = strdup(dir)))
		return al_error_oom();
	if (path[0] != '/') {
		error = al_error_set(AIRLOCK_ERROR, "state directory %s is not absolute", path);
		goto out;
	}
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && create) {
		if ((error = al_fileio_make_dirs(path)) < 0)
			goto out;
		fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	}
	if (fd < 0) {
		if (errno == ENOENT)
			error = al_error_set(AIRLOCK_ENOTFOUND, "%s does not exist", path);
		else if (errno == ELOOP || errno == ENOTDIR)
			error = al_error_set(AIRLOCK_ERROR, "%s is a symlink or not a directory",
					     path);
		else
			error = al_error_set_errno(AIRLOCK_ERROR, errno, "cannot open %s", path);
		goto out;
	}
	if ((error = check_dir(fd, path)) < 0)
		goto out;
	error = fd;
	fd = -1;
out:
	if (fd >= 0)
		close(fd);
	free(path);
	return error;
}

static int warn(char **warning, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int warn(char **warning, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(warning, fmt, ap);
	va_end(ap);
	if (n < 0) {
		*warning = NULL;
		return al_error_oom();
	}
	return 0;
}

/* Rule 2: reads the state file's bytes, or says why they are not trusted. */
static int read_state(unsigned char **buf, size_t *len, char **warning, int dirfd, const char *dir)
{
	struct stat st;
	ssize_t got;
	int fd, error = 0;

	*buf = NULL;
	fd = openat(dirfd, STATE_NAME, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		return warn(warning, "state file %s/%s %s; discarded, scanning everything", dir,
			    STATE_NAME, errno == ELOOP ? "is a symlink" : "cannot be opened");
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		error = warn(warning, "state file %s/%s is not a regular file; discarded", dir,
			     STATE_NAME);
	else if (st.st_uid != geteuid())
		error = warn(warning, "state file %s/%s is not owned by you (uid %u); discarded",
			     dir, STATE_NAME, (unsigned)st.st_uid);
	else if (st.st_mode & (S_IWGRP | S_IWOTH))
		error = warn(
			warning,
			"state file %s/%s is writable by group or others (mode %04o); discarded",
			dir, STATE_NAME, (unsigned)(st.st_mode & 07777));
	else if ((uint64_t)st.st_size > LIMIT_STATE_BYTES)
		error = warn(warning, "state file %s/%s is too large; discarded", dir, STATE_NAME);
	else if (!(*buf = malloc((size_t)st.st_size + 1)))
		error = al_error_oom();
	if (error < 0 || *warning)
		goto out;
	got = read(fd, *buf, (size_t)st.st_size + 1);
	if (got != st.st_size)
		error = warn(warning, "state file %s/%s could not be read whole; discarded", dir,
			     STATE_NAME);
	*len = got > 0 ? (size_t)got : 0;
out:
	close(fd);
	if (error < 0 || *warning) {
		free(*buf);
		*buf = NULL;
	}
	return error;
}

int al_state_load(struct state *out, char **warning, const char *dir)
{
	unsigned char *buf = NULL;
	size_t len = 0;
	int dirfd, error;

	memset(out, 0, sizeof(*out));
	*warning = NULL;
	dirfd = al_state_dir_open(dir, NULL, false);
	if (dirfd == AIRLOCK_ENOTFOUND)
		return 0;
	if (dirfd < 0)
		return warn(warning, "%s; the state is not used", airlock_error_last());
	error = read_state(&buf, &len, warning, dirfd, dir);
	close(dirfd);
	if (error < 0 || !buf)
		return error;
	if (al_state_parse(out, buf, len) < 0)
		error = warn(warning,
			     "state file %s/%s is corrupt (%s); discarded, scanning everything",
			     dir, STATE_NAME, airlock_error_last());
	free(buf);
	return error;
}

/* Rule 3, with the directory locked: no other writer holds the temp name, so
 * one left behind is a killed writer's and goes first. */
static int write_locked(int dirfd, const char *dir, const char *buf, size_t len)
{
	int error;

	unlinkat(dirfd, TMP_NAME, 0);
	error = al_fileio_replace_at(dirfd, dir, TMP_NAME, STATE_NAME, buf, len);
	return error == -EEXIST ? al_error_set(AIRLOCK_ERROR, "cannot write the state in %s", dir)
				: error;
}

int al_state_save(const struct state *st, const char *dir)
{
	char *buf = NULL;
	size_t len;
	int dirfd, error;

	if ((dirfd = al_state_dir_open(dir, NULL, true)) < 0)
		return dirfd;
	if ((error = al_state_serialize(&buf, &len, st)) < 0)
		goto out;
	while ((error = flock(dirfd, LOCK_EX)) < 0 && errno == EINTR)
		;
	if (error < 0) {
		error = al_error_set_errno(AIRLOCK_ERROR, errno, "cannot lock %s", dir);
		goto out;
	}
	error = write_locked(dirfd, dir, buf, len);
	flock(dirfd, LOCK_UN);
out:
	free(buf);
	close(dirfd);
	return error;
}
