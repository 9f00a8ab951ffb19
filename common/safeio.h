/*
 * safeio.h - the one reader of files airlock must not be fooled about: a
 * project's context files, trust records, the memory-scan state, quarantine
 * notes, the signatures and the user's rule sources.
 *
 * Checks are reported, not turned into messages: each caller knows what the
 * file is to the user and says so in its own words (an entry's reasons, a
 * warning, an error).
 */
#ifndef AIRLOCK_COMMON_SAFEIO_H
#define AIRLOCK_COMMON_SAFEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "common/unittest.h"

/* al_safeio_open flags. BENEATH: `name` is one path component, resolved below
 * `dirfd` and never through a link (as al_safeio_open_beneath). PRIVATE: the
 * user's own file - owned by the effective uid, not writable by group or
 * others. */
#define AL_SAFEIO_BENEATH 0x1u
#define AL_SAFEIO_PRIVATE 0x2u

/* Why a file was not opened or read (safe_file.why); 0: it was. */
enum {
	AL_SAFEIO_OK = 0,
	AL_SAFEIO_OPEN_FAILED, /* errnum: ENOENT gone, ELOOP a symlink, ENXIO a socket */
	AL_SAFEIO_STAT_FAILED, /* errnum */
	AL_SAFEIO_NOT_REGULAR, /* a directory, FIFO, device ... */
	AL_SAFEIO_NOT_OWNED,   /* PRIVATE: st.st_uid is someone else */
	AL_SAFEIO_WRITABLE,    /* PRIVATE: st.st_mode lets group or others write */
	AL_SAFEIO_TOO_LARGE,   /* over the cap: nothing was read */
	AL_SAFEIO_READ_FAILED, /* errnum */
	AL_SAFEIO_CHANGED,     /* grew, shrank or was rewritten while read */
};

struct safe_file {
	int fd;         /* the open descriptor; -1 when none */
	struct stat st; /* fstat of fd, kept after close (size, owner, mode) */
	int why;        /* AL_SAFEIO_* of the step that failed, else 0 */
	int errnum;     /* that step's errno, else 0 */
};

/*
 * Opens `name` relative to `dirfd` (AT_FDCWD for a path the user named)
 * read-only with O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, fstats the
 * descriptor and requires a regular file (with AL_SAFEIO_PRIVATE, also the
 * owner and mode). Returns f->why: 0 with f->fd open, or the failed check
 * with f->fd == -1. Sets no message. Thread-safe.
 */
int al_safeio_open(struct safe_file *f, int dirfd, const char *name, unsigned int flags);

/*
 * Reads the file open in `f` once: nothing past `cap` bytes (f->st size) is
 * read at all (AL_SAFEIO_TOO_LARGE); otherwise the whole file and one spare
 * byte, then fstat again, so a file that changed meanwhile is
 * AL_SAFEIO_CHANGED. Returns 0 with *out (new, free(); f->st.st_size bytes
 * and a NUL after them) or with f->why set and *out NULL; AIRLOCK_ERROR when
 * out of memory. `f` stays open.
 */
int al_safeio_read(unsigned char **out, struct safe_file *f, uint64_t cap);

void al_safeio_close(struct safe_file *f);

/* al_safeio_open, al_safeio_read, al_safeio_close: *out and *len on success;
 * f->why and f->errnum (and f->st once opened) say why not. */
int al_safeio_load(unsigned char **out, size_t *len, struct safe_file *f, int dirfd,
		   const char *name, unsigned int flags, uint64_t cap);

/*
 * Opens one name relative to `dirfd` (a file or, with O_DIRECTORY, a
 * directory of a walk) without following any link and without leaving
 * `dirfd`: openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS |
 * RESOLVE_NO_MAGICLINKS), or openat where the kernel has no openat2; always
 * O_NOFOLLOW | O_CLOEXEC | O_NOCTTY. `name` is a single path component.
 * Returns the fd or -1 with errno set.
 */
int al_safeio_open_beneath(int dirfd, const char *name, int flags);

/* Test seam: use openat(O_NOFOLLOW), as on kernels without openat2. */
AL_SEAM(bool, al_safeio_force_fallback, false);

#endif
