/*
 * state_io.c - the state directory on disk: the state file and quarantine.
 *
 * MUST (as trust/store.c):
 *  1. The directory, and every directory above it, passes the private
 *     directory checks of common/privdir.c (al_privdir_open): itself opened
 *     with O_NOFOLLOW | O_DIRECTORY, owned by the user, not writable by group
 *     or others; each one above owned by the user or root, not writable by
 *     others unless sticky.
 *  2. The state file is read through common/safeio.c (AL_SAFEIO_PRIVATE):
 *     opened relative to the directory with O_NOFOLLOW and checked on the
 *     descriptor - regular, owned by the user, not group/world writable,
 *     within al_state_max_bytes (LIMIT_STATE_BYTES) - and read once. Failing a check means "not
 *     trusted": the state is discarded with a warning and every file is read
 *     again.
 *  3. Writes: temp file O_CREAT|O_EXCL|O_NOFOLLOW 0600, write, fsync, rename,
 *     fsync of the directory, under flock(LOCK_EX) on the directory; never
 *     more bytes than rule 2 reads (the serializer leaves files out instead).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "common/error.h"
#include "common/privdir.h"
#include "common/limits.h"
#include "common/safeio.h"
#include "memory/state.h"

#define STATE_NAME STATE_FILE_NAME
#define TMP_NAME   ".memory-scan.tmp"
/* The state of airlock 0.1's first format: removed when a state is saved. */
#define OLD_NAME   "memory-scan.json"

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

int al_state_dir_open(const char *dir, const char *sub, bool create)
{
	char *path = NULL;
	int error;

	if (sub ? asprintf(&path, "%s/%s", dir, sub) < 0 : !(path = strdup(dir)))
		return al_error_oom();
	error = al_privdir_open(path, "state directory", create);
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

/* Rule 2: why the state file is not trusted, as a warning. */
static int state_warning(char **warning, const struct safe_file *f, const char *dir)
{
	switch (f->why) {
	case AL_SAFEIO_OPEN_FAILED:
		return warn(warning, "state file %s/%s %s; discarded, scanning everything", dir,
			    STATE_NAME, f->errnum == ELOOP ? "is a symlink" : "cannot be opened");
	case AL_SAFEIO_STAT_FAILED:
	case AL_SAFEIO_NOT_REGULAR:
		return warn(warning, "state file %s/%s is not a regular file; discarded", dir,
			    STATE_NAME);
	case AL_SAFEIO_NOT_OWNED:
		return warn(warning, "state file %s/%s is not owned by you (uid %u); discarded",
			    dir, STATE_NAME, (unsigned)f->st.st_uid);
	case AL_SAFEIO_WRITABLE:
		return warn(
			warning,
			"state file %s/%s is writable by group or others (mode %04o); discarded",
			dir, STATE_NAME, (unsigned)(f->st.st_mode & 07777));
	case AL_SAFEIO_TOO_LARGE:
		return warn(warning, "state file %s/%s is too large; discarded", dir, STATE_NAME);
	default:
		return warn(warning, "state file %s/%s could not be read whole; discarded", dir,
			    STATE_NAME);
	}
}

/* Rule 2: reads the state file's bytes, or says why they are not trusted. */
static int read_state(unsigned char **buf, size_t *len, char **warning, int dirfd, const char *dir)
{
	struct safe_file f;
	int error;

	error = al_safeio_load(buf, len, &f, dirfd, STATE_NAME, AL_SAFEIO_PRIVATE,
			       al_state_max_bytes);
	if (error < 0 || f.why == AL_SAFEIO_OK)
		return error;
	if (f.why == AL_SAFEIO_OPEN_FAILED && f.errnum == ENOENT)
		return 0;
	return state_warning(warning, &f, dir);
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
	error = al_privdir_replace_at(dirfd, dir, TMP_NAME, STATE_NAME, buf, len);
	if (error == 0)
		unlinkat(dirfd, OLD_NAME, 0);
	return error == -EEXIST ? al_error_set(AIRLOCK_ERROR, "cannot write the state in %s", dir)
				: error;
}

int al_state_save(const struct state *st, const char *dir, size_t *dropped)
{
	char *buf = NULL;
	size_t len;
	int dirfd, error;

	*dropped = 0;
	if ((dirfd = al_state_dir_open(dir, NULL, true)) < 0)
		return dirfd;
	if ((error = al_state_serialize(&buf, &len, dropped, st, al_state_max_bytes)) < 0)
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
