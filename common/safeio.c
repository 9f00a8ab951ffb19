/*
 * safeio.c - open a file without being fooled, and read it once.
 *
 * Models: bubblewrap's load_file_at (relative to a directory descriptor),
 * signify's readmsg (fstat, cap, read whole) and doas's config checks.
 *
 * MUST, for every file read through here:
 *  1. Open relative to a directory descriptor (or a path the user named)
 *     with O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY: a symlink is never
 *     followed, a FIFO never blocks, a terminal is never acquired. Asked for
 *     (AL_SAFEIO_BENEATH), the name is one component opened with openat2
 *     RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS, or openat
 *     where openat2 is missing.
 *  2. Check the open descriptor (fstat), never the path: a regular file; asked
 *     for (AL_SAFEIO_PRIVATE), owned by the effective uid and not writable by
 *     group or others.
 *  3. A file over the caller's cap is not read at all.
 *  4. Read once, the size fstat gave plus one spare byte, then fstat again:
 *     a file that grew, shrank or was rewritten meanwhile is CHANGED, never
 *     what the caller hashes, scans or parses.
 *  5. Report which check failed; never return content that failed one.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "common/error.h"
#include "common/safeio.h"

#define OPEN_FLAGS (O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY)

AL_SEAM_DEFINE(bool, al_safeio_force_fallback, false);

static int openat2_missing;

int al_safeio_open_beneath(int dirfd, const char *name, int flags)
{
	flags |= O_NOFOLLOW | O_CLOEXEC | O_NOCTTY;
	if (name[0] == '\0' || strchr(name, '/') || strcmp(name, ".") == 0 ||
	    strcmp(name, "..") == 0) {
		errno = EINVAL;
		return -1;
	}
#ifdef SYS_openat2
	if (!al_safeio_force_fallback && !__atomic_load_n(&openat2_missing, __ATOMIC_RELAXED)) {
		struct open_how how = {
			.flags = (uint64_t)flags,
			.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS,
		};
		long fd = syscall(SYS_openat2, dirfd, name, &how, sizeof(how));

		if (fd >= 0 || errno != ENOSYS)
			return (int)fd;
		__atomic_store_n(&openat2_missing, 1, __ATOMIC_RELAXED);
	}
#endif
	/* A single component opened with O_NOFOLLOW relative to a directory that
	 * was itself opened this way cannot leave the tree. */
	return openat(dirfd, name, flags);
}

static int fail(struct safe_file *f, int why, int errnum)
{
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	f->errnum = errnum;
	return f->why = why;
}

/* Rule 2, on the descriptor. */
static int check(struct safe_file *f, unsigned int flags)
{
	if (fstat(f->fd, &f->st) < 0)
		return fail(f, AL_SAFEIO_STAT_FAILED, errno);
	if (!S_ISREG(f->st.st_mode))
		return fail(f, AL_SAFEIO_NOT_REGULAR, 0);
	if (!(flags & AL_SAFEIO_PRIVATE))
		return 0;
	if (f->st.st_uid != geteuid())
		return fail(f, AL_SAFEIO_NOT_OWNED, 0);
	if (f->st.st_mode & (S_IWGRP | S_IWOTH))
		return fail(f, AL_SAFEIO_WRITABLE, 0);
	return 0;
}

int al_safeio_open(struct safe_file *f, int dirfd, const char *name, unsigned int flags)
{
	memset(f, 0, sizeof(*f));
	f->fd = (flags & AL_SAFEIO_BENEATH) ? al_safeio_open_beneath(dirfd, name, OPEN_FLAGS)
					    : openat(dirfd, name, OPEN_FLAGS);
	if (f->fd < 0)
		return fail(f, AL_SAFEIO_OPEN_FAILED, errno);
	return check(f, flags);
}

static ssize_t read_full(int fd, unsigned char *buf, size_t want)
{
	size_t got = 0;

	while (got < want) {
		ssize_t n = read(fd, buf + got, want - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

static bool same_file_state(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* Rules 3 and 4. */
int al_safeio_read(unsigned char **out, struct safe_file *f, uint64_t cap)
{
	struct stat after;
	unsigned char *buf;
	size_t size;
	ssize_t got;

	*out = NULL;
	if ((uint64_t)f->st.st_size > cap || (uint64_t)f->st.st_size >= SIZE_MAX) {
		f->why = AL_SAFEIO_TOO_LARGE;
		return 0;
	}
	size = (size_t)f->st.st_size;
	/* One spare byte shows a file that grew after fstat. */
	if (!(buf = malloc(size + 1)))
		return al_error_oom();
	got = read_full(f->fd, buf, size + 1);
	if (got < 0) {
		f->why = AL_SAFEIO_READ_FAILED;
		f->errnum = errno;
	} else if ((size_t)got != size || fstat(f->fd, &after) < 0 ||
		   !same_file_state(&f->st, &after)) {
		f->why = AL_SAFEIO_CHANGED;
	}
	if (f->why) {
		free(buf);
		return 0;
	}
	buf[size] = '\0';
	*out = buf;
	return 0;
}

void al_safeio_close(struct safe_file *f)
{
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
}

int al_safeio_load(unsigned char **out, size_t *len, struct safe_file *f, int dirfd,
		   const char *name, unsigned int flags, uint64_t cap)
{
	int error;

	*out = NULL;
	*len = 0;
	if (al_safeio_open(f, dirfd, name, flags))
		return 0;
	error = al_safeio_read(out, f, cap);
	al_safeio_close(f);
	if (*out)
		*len = (size_t)f->st.st_size;
	return error;
}
