/*
 * quarantine.c - moving a poisoned memory file aside, and back.
 *
 * Nothing is ever deleted and nothing is ever overwritten: both moves are
 * renameat2(RENAME_NOREPLACE) between directory descriptors (so the file
 * never crosses a file system by copy-and-delete), the file moved is the
 * regular file named (never a symlink's target), and each quarantined file
 * lives in its own new folder with a note of where it came from. Only a
 * file inside a memory location airlock scans (surfaces/locations.c, under
 * $HOME) is moved: quarantine is for poisoned memory, never for any file the
 * caller can name (/etc/passwd as root).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/error.h"
#include "common/jsonio.h"
#include "common/limits.h"
#include "common/safeio.h"
#include "memory/state.h"
#include "snapshot/options.h"
#include "surfaces/locations.h"

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

/* True when the '/'-separated names of `rel` match `pattern` ('*' is any
 * one name): exactly, or (`below`) with at least one more name after it. */
static bool names_match(const char *pattern, const char *rel, bool below)
{
	while (*pattern) {
		size_t pn = strcspn(pattern, "/"), rn = strcspn(rel, "/");

		if (rn == 0 || !((pn == 1 && pattern[0] == '*') ||
				 (pn == rn && memcmp(pattern, rel, pn) == 0)))
			return false;
		pattern += pn + (pattern[pn] == '/');
		rel += rn;
		if (*rel == '/')
			rel++;
		else if (*pattern || below)
			return false;
	}
	return below ? *rel != '\0' : *rel == '\0';
}

/* True when `full` (its folder resolved) is inside the memory location
 * `row` under `home`. The fixed part of the location is resolved too, so a
 * ~/.claude kept in a dotfiles folder and linked is still ~/.claude. */
static bool in_location(const char *full, const char *home, const struct memory_row *row)
{
	char fixed[PATH_MAX], *real;
	const char *star = strchr(row->path, '*'), *last = strrchr(row->path, '/');
	size_t n = star       ? (size_t)(star - row->path)
		   : row->dir ? strlen(row->path)
		   : last     ? (size_t)(last - row->path)
			      : 0;
	bool ok = false;

	while (n > 0 && row->path[n - 1] == '/')
		n--;
	if ((size_t)snprintf(fixed, sizeof(fixed), "%s/%.*s", home, (int)n, row->path) >=
	    sizeof(fixed))
		return false;
	if (!(real = realpath(fixed, NULL)))
		return false;
	n = strlen(real);
	if (strncmp(full, real, n) == 0 && full[n] == '/') {
		const char *tail = row->path + (star       ? (size_t)(star - row->path)
						: row->dir ? strlen(row->path)
						: last     ? (size_t)(last - row->path) + 1
							   : 0);

		ok = *tail ? names_match(tail, full + n + 1, row->dir)
			   : row->dir && full[n + 1] != '\0';
	}
	free(real);
	return ok;
}

/* Refuses (AIRLOCK_EINVALID) a file outside every memory location. */
static int check_memory_file(const char *dir, const char *base, const char *file)
{
	const char *home = getenv("HOME");
	char full[PATH_MAX];

	if (home && home[0] == '/' &&
	    (size_t)snprintf(full, sizeof(full), "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", base) <
		    sizeof(full))
		for (size_t i = 0; i < al_memory_row_count; i++)
			if (in_location(full, home, &al_memory_rows[i]))
				return 0;
	return al_error_set(
		AIRLOCK_EINVALID,
		"'%s' is not in an agent's memory location (see 'airlock scan --memory'); only memory files are quarantined",
		file);
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
	time_t now = time(NULL);
	char when[32];
	struct tm tm;
	json_t *o;
	char *text;
	int fd = -1, error = 0;

	if (!gmtime_r(&now, &tm) || !strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm))
		return al_error_set(AIRLOCK_ERROR, "cannot format the time");
	o = json_pack("{s:s, s:I, s:I, s:s}", "origin", origin, "size", (json_int_t)st->st_size,
		      "mode", (json_int_t)(st->st_mode & 07777), "quarantined", when);
	text = o ? json_dumps(o, JSON_COMPACT) : NULL;

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
	if ((error = check_memory_file(dir, base, file)) < 0)
		goto out;
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
	o = al_json_loadb((const char *)buf, len, JSON_REJECT_DUPLICATES, NULL, NULL);
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

static void strings_free(char **s, size_t n)
{
	for (size_t i = 0; s && i < n; i++)
		free(s[i]);
	free(s);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int airlock_memory_quarantine_list(char ***ids, char ***origins, size_t *count,
				   const airlock_memory_options *mopts)
{
	char **id = NULL, **org = NULL;
	size_t n = 0;
	struct dirent *de;
	DIR *d = NULL;
	int qfd, error;

	if (!ids || !origins || !count)
		return al_error_set(AIRLOCK_EINVALID, "airlock_memory_quarantine_list: no output");
	*ids = *origins = NULL;
	*count = 0;
	if ((error = al_memory_options_check(mopts)) < 0)
		return error;
	if ((qfd = quarantine_dir(mopts, false)) < 0)
		return qfd == AIRLOCK_ENOTFOUND ? 0 : qfd; /* nothing quarantined yet */
	if (!(d = fdopendir(qfd))) {
		close(qfd);
		return al_error_set_errno(AIRLOCK_ERROR, errno, "cannot list the quarantine");
	}
	while ((de = readdir(d)) && error == 0) {
		char **grown;

		if (de->d_name[0] == '.')
			continue;
		if (n >= LIMIT_QUARANTINE_LIST) {
			error = al_error_set(AIRLOCK_ERROR, "more than %d quarantined files",
					     LIMIT_QUARANTINE_LIST);
			break;
		}
		if (!(grown = realloc(id, (n + 1) * sizeof(*id)))) {
			error = al_error_oom();
			break;
		}
		id = grown;
		if (!(id[n] = strdup(de->d_name)))
			error = al_error_oom();
		else
			n++;
	}
	closedir(d);
	if (error == 0 && n > 0) {
		qsort(id, n, sizeof(*id), by_name);
		if (!(org = calloc(n, sizeof(*org))))
			error = al_error_oom();
	}
	for (size_t i = 0; error == 0 && i < n; i++) {
		int q = quarantine_dir(mopts, false), slot;

		if (q < 0) {
			error = q;
			break;
		}
		slot = openat(q, id[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		close(q);
		/* a slot whose note cannot be read is listed without an origin */
		if (slot >= 0 && read_note(&org[i], slot, id[i]) < 0)
			org[i] = NULL;
		if (slot >= 0)
			close(slot);
	}
	if (error < 0) {
		strings_free(id, n);
		strings_free(org, org ? n : 0);
		return error;
	}
	*ids = id;
	*origins = org;
	*count = n;
	return 0;
}
