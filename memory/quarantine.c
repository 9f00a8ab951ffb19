/*
 * quarantine.c - moving a poisoned memory file aside, and back.
 *
 * Nothing is ever deleted and nothing is ever overwritten: both moves are
 * renameat2(RENAME_NOREPLACE) between directory descriptors (so the file
 * never crosses a file system by copy-and-delete), the file moved is the
 * regular file named (never a symlink's target), and each quarantined file
 * lives in its own new folder with a note of where it came from.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/error.h"
#include "common/limits.h"
#include "common/safeio.h"
#include "memory/state.h"
#include "snapshot/options.h"

#define NOTE_NAME "origin.json"
#define FILE_NAME "file"

/* The directory holding `path` (resolved) and the last name (not resolved). */
static int open_parent(char **dir, char **base, const char *path)
{
	char *a = strdup(path), *b = strdup(path);
	int fd = -1, error = 0;

	*dir = *base = NULL;
	if (!a || !b) {
		error = al_error_oom();
		goto out;
	}
	if (!(*dir = realpath(dirname(a), NULL))) {
		error = al_error_set_errno(errno == ENOENT ? AIRLOCK_ENOTFOUND : AIRLOCK_ERROR,
					   errno, "'%s'", path);
		goto out;
	}
	if (!(*base = strdup(basename(b)))) {
		error = al_error_oom();
		goto out;
	}
	if (!**base || strcmp(*base, ".") == 0 || strcmp(*base, "..") == 0 ||
	    strcmp(*base, "/") == 0) {
		error = al_error_set(AIRLOCK_EINVALID, "'%s' does not name a file", path);
		goto out;
	}
	if ((fd = open(*dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		error = al_error_set_errno(AIRLOCK_ERROR, errno, "cannot open %s", *dir);
out:
	free(a);
	free(b);
	if (error < 0) {
		free(*dir);
		free(*base);
		*dir = *base = NULL;
		return error;
	}
	return fd;
}

static int quarantine_dir(const airlock_memory_options *mo, bool create)
{
	char *sdir = NULL;
	int fd, error;

	if ((error = al_state_dir(&sdir, mo ? mo->state_dir : NULL)) < 0)
		return error;
	if (create && (fd = al_state_dir_open(sdir, NULL, true)) >= 0)
		close(fd);
	fd = al_state_dir_open(sdir, "quarantine", create);
	free(sdir);
	return fd;
}

/* A new folder for one file: time and randomness, created O_EXCL-like. */
static int new_slot(char id[64], int qfd)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	for (int tries = 0; tries < LIMIT_CREATE_TRIES; tries++) {
		unsigned int rnd = 0;
		size_t n = strftime(id, 64, "%Y%m%dT%H%M%SZ", &tm);

		if (getrandom(&rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
			rnd = (unsigned int)getpid() ^ (unsigned int)tries;
		snprintf(id + n, 64 - n, "-%08x", rnd);
		if (mkdirat(qfd, id, 0700) == 0)
			return openat(qfd, id, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (errno != EEXIST)
			break;
	}
	return al_error_set_errno(AIRLOCK_ERROR, errno, "cannot make a quarantine folder");
}

static int write_note(int slot, const char *origin, const struct stat *st)
{
	json_t *o = json_pack("{s:s, s:I, s:I, s:I}", "origin", origin, "size",
			      (json_int_t)st->st_size, "mode", (json_int_t)(st->st_mode & 07777),
			      "quarantined", (json_int_t)time(NULL));
	char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
	int fd = -1, error = 0;

	json_decref(o);
	if (!text)
		return al_error_oom();
	fd = openat(slot, NOTE_NAME, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text) || fsync(fd) < 0)
		error = al_error_set_errno(AIRLOCK_ERROR, errno,
					   "cannot write the quarantine note");
	if (fd >= 0)
		close(fd);
	free(text);
	return error;
}

int airlock_memory_quarantine(char **out, const char *file, const airlock_memory_options *mopts)
{
	char *dir = NULL, *base = NULL, *origin = NULL, slot_id[64];
	struct stat st, moved;
	int pfd = -1, qfd = -1, slot = -1, error = 0;

	if (!out || !file || !*file)
		return al_error_set(AIRLOCK_EINVALID, "airlock_memory_quarantine: no file given");
	*out = NULL;
	if ((error = al_memory_options_check(mopts)) < 0)
		return error;
	if ((pfd = open_parent(&dir, &base, file)) < 0)
		return pfd;
	if (fstatat(pfd, base, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		error = al_error_set_errno(errno == ENOENT ? AIRLOCK_ENOTFOUND : AIRLOCK_ERROR,
					   errno, "'%s'", file);
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		error = al_error_set(AIRLOCK_EINVALID, "'%s' is %s, not a regular file; not moved",
				     file, S_ISLNK(st.st_mode) ? "a symlink" : "special");
		goto out;
	}
	if ((qfd = quarantine_dir(mopts, true)) < 0) {
		error = qfd;
		goto out;
	}
	if ((slot = new_slot(slot_id, qfd)) < 0) {
		error = slot;
		goto out;
	}
	if (asprintf(&origin, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", base) < 0) {
		origin = NULL;
		error = al_error_oom();
		goto out;
	}
	if ((error = write_note(slot, origin, &st)) < 0)
		goto out;
	if (renameat2(pfd, base, slot, FILE_NAME, RENAME_NOREPLACE) < 0) {
		error = al_error_set_errno(AIRLOCK_ERROR, errno,
					   errno == EXDEV
						   ? "'%s' is on another file system than the "
						     "quarantine; not moved"
						   : "cannot move '%s'",
					   file);
		goto out;
	}
	/* Swapped between the check and the move? Then what moved is kept in the
	 * quarantine all the same; say so. */
	if (fstatat(slot, FILE_NAME, &moved, AT_SYMLINK_NOFOLLOW) < 0 ||
	    moved.st_ino != st.st_ino || moved.st_dev != st.st_dev) {
		error = al_error_set(AIRLOCK_ERROR,
				     "'%s' changed while it was moved; kept in quarantine as %s",
				     file, slot_id);
		goto out;
	}
	if (fsync(slot) < 0 || fsync(pfd) < 0) {
		error = al_error_set_errno(AIRLOCK_ERROR, errno, "cannot sync the move of '%s'",
					   file);
		goto out;
	}
	if (!(*out = strdup(slot_id)))
		error = al_error_oom();
out:
	if (error < 0 && slot >= 0 && faccessat(slot, FILE_NAME, F_OK, AT_SYMLINK_NOFOLLOW) < 0) {
		/* Nothing moved: take back only what this call made. */
		unlinkat(slot, NOTE_NAME, 0);
		unlinkat(qfd, slot_id, AT_REMOVEDIR);
	}
	if (slot >= 0)
		close(slot);
	if (qfd >= 0)
		close(qfd);
	close(pfd);
	free(origin);
	free(dir);
	free(base);
	return error;
}

/* The note is the user's own file (common/safeio.c, AL_SAFEIO_PRIVATE): it
 * says where a restore writes. */
static int read_note(char **origin, int slot, const char *id)
{
	unsigned char *buf = NULL;
	struct safe_file f;
	json_t *o = NULL;
	const char *s;
	size_t len;
	int error;

	*origin = NULL;
	error = al_safeio_load(&buf, &len, &f, slot, NOTE_NAME, AL_SAFEIO_PRIVATE,
			       LIMIT_QUARANTINE_NOTE_BYTES);
	if (error < 0)
		return error;
	if (f.why == AL_SAFEIO_OPEN_FAILED)
		return al_error_set_errno(AIRLOCK_ERROR, f.errnum, "quarantine %s has no note", id);
	if (f.why != AL_SAFEIO_OK)
		return al_error_set(AIRLOCK_ERROR, "the note of quarantine %s fails a check", id);
	o = json_loadb((const char *)buf, len, JSON_REJECT_DUPLICATES, NULL);
	s = json_string_value(json_object_get(o, "origin"));
	if (!s || s[0] != '/') {
		error = al_error_set(AIRLOCK_ERROR, "the note of quarantine %s is corrupt", id);
		goto out;
	}
	if (!(*origin = strdup(s)))
		error = al_error_oom();
out:
	json_decref(o);
	free(buf);
	return error;
}

int airlock_memory_restore(char **out, const char *id, const airlock_memory_options *mopts)
{
	char *origin = NULL, *dir = NULL, *base = NULL;
	int qfd = -1, slot = -1, pfd = -1, error = 0;

	if (!out || !id || !*id || strchr(id, '/') || id[0] == '.')
		return al_error_set(AIRLOCK_EINVALID, "'%s' is not a quarantine id", id ? id : "");
	*out = NULL;
	if ((error = al_memory_options_check(mopts)) < 0)
		return error;
	if ((qfd = quarantine_dir(mopts, false)) < 0)
		return qfd;
	if ((slot = openat(qfd, id, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		error = al_error_set(AIRLOCK_ENOTFOUND, "no quarantined file '%s'", id);
		goto out;
	}
	if ((error = read_note(&origin, slot, id)) < 0)
		goto out;
	if ((pfd = open_parent(&dir, &base, origin)) < 0) {
		error = pfd;
		goto out;
	}
	if (renameat2(slot, FILE_NAME, pfd, base, RENAME_NOREPLACE) < 0) {
		int e = errno;

		error = e == EEXIST ? al_error_set(AIRLOCK_EINVALID,
						   "%s exists now; not overwritten", origin)
			: e == ENOENT
				? al_error_set(AIRLOCK_ENOTFOUND,
					       "quarantine %s holds no file (restored already?)",
					       id)
				: al_error_set_errno(AIRLOCK_ERROR, e, "cannot restore %s", origin);
		goto out;
	}
	if (fsync(pfd) < 0) {
		error = al_error_set_errno(AIRLOCK_ERROR, errno, "cannot sync %s", dir);
		goto out;
	}
	*out = origin;
	origin = NULL;
out:
	if (pfd >= 0)
		close(pfd);
	if (slot >= 0)
		close(slot);
	close(qfd);
	free(origin);
	free(dir);
	free(base);
	return error;
}
