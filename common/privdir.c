/*
 * privdir.c - private directories and atomic file replacement.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/error.h"
#include "common/privdir.h"

int al_fileio_make_dirs(const char *path)
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

int al_fileio_replace_at(int dirfd, const char *shown, const char *tmp, const char *name,
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
