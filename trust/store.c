/*
 * store.c - the trust store on disk.
 *
 * MUST, on every use:
 *  1. The store directory is opened with O_NOFOLLOW | O_DIRECTORY and checked
 *     on the descriptor: owned by the user, not writable by group or others.
 *  2. Every directory above it is owned by the user or root and is not
 *     writable by group or others unless sticky (as /tmp): otherwise someone
 *     else could swap the store (ssh's StrictModes rule). Rules 1 and 2 are
 *     al_privdir_open's (common/privdir.c).
 *  3. A record is opened relative to the store descriptor with O_NOFOLLOW and
 *     checked on the descriptor: a regular file, owned by the user, not
 *     writable by group or others, and no larger than LIMIT_TRUST_RECORD_BYTES; it
 *     is read once and refused if it changed meanwhile (common/safeio.c,
 *     AL_SAFEIO_PRIVATE).
 *  4. A failed check is an error with a one-line reason, never "trusted".
 *     A record that parses badly or names another project means untrusted.
 *  5. Writes: temp file O_CREAT|O_EXCL|O_NOFOLLOW 0600, write, fsync, rename
 *     over the record, fsync the directory; all under flock(LOCK_EX) on the
 *     store directory, so concurrent writers never lose each other's records
 *     and a crash leaves the old record or the new one.
 *  6. New directories are created 0700, records 0600, whatever the umask.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "common/error.h"
#include "common/limits.h"
#include "common/privdir.h"
#include "common/safeio.h"
#include "trust/store.h"

#define TMP_PREFIX ".tmp-"

static int default_dir(char **out, const char *dir)
{
	const char *env = getenv("AIRLOCK_TRUST_DIR"), *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int n;

	if (dir && *dir)
		n = asprintf(out, "%s", dir);
	else if (env && *env)
		n = asprintf(out, "%s", env);
	else if (xdg && xdg[0] == '/')
		n = asprintf(out, "%s/airlock/trust", xdg);
	else if (home && home[0] == '/')
		n = asprintf(out, "%s/.local/share/airlock/trust", home);
	else
		return al_error_set(AIRLOCK_ERROR,
				    "cannot locate the trust store: HOME is not set");
	if (n < 0) {
		*out = NULL;
		return al_error_oom();
	}
	return 0;
}

int al_trust_store_open(struct trust_store *out, const char *dir, bool create)
{
	int error;

	out->dirfd = -1;
	if ((error = default_dir(&out->path, dir)) < 0)
		return error;
	if ((error = al_privdir_open(out->path, "trust store", create)) >= 0) {
		out->dirfd = error;
		return 0;
	}
	if (error == AIRLOCK_ENOTFOUND)
		return 0; /* no store yet: no records */
	al_trust_store_close(out);
	return error;
}

void al_trust_store_close(struct trust_store *s)
{
	if (s->dirfd >= 0)
		close(s->dirfd);
	s->dirfd = -1;
	free(s->path);
	s->path = NULL;
}

int al_trust_store_record_name(char name[SHA256_HEX_LEN + 6], const char *project)
{
	int error = al_hash_sha256_hex(name, project, strlen(project));

	if (error == 0)
		memcpy(name + SHA256_HEX_LEN, ".json", 6);
	return error;
}

/* Rule 3: why the record `name` was refused, as the error it is. */
static int record_error(const struct safe_file *f, const struct trust_store *s, const char *name)
{
	switch (f->why) {
	case AL_SAFEIO_OPEN_FAILED:
		if (f->errnum == ELOOP)
			return al_error_set(AIRLOCK_ERROR, "trust record %s/%s is a symlink",
					    s->path, name);
		return al_error_set_errno(AIRLOCK_ERROR, f->errnum,
					  "cannot open trust record %s/%s", s->path, name);
	case AL_SAFEIO_STAT_FAILED:
		return al_error_set_errno(AIRLOCK_ERROR, f->errnum, "trust record %s/%s", s->path,
					  name);
	case AL_SAFEIO_NOT_REGULAR:
		return al_error_set(AIRLOCK_ERROR, "trust record %s/%s is not a regular file",
				    s->path, name);
	case AL_SAFEIO_NOT_OWNED:
		return al_error_set(AIRLOCK_ERROR,
				    "trust record %s/%s is not owned by you (uid %u)", s->path,
				    name, (unsigned)f->st.st_uid);
	case AL_SAFEIO_WRITABLE:
		return al_error_set(AIRLOCK_ERROR,
				    "trust record %s/%s is writable by group or others (mode %04o)",
				    s->path, name, (unsigned)(f->st.st_mode & 07777));
	case AL_SAFEIO_TOO_LARGE:
		return al_error_set(AIRLOCK_ERROR, "trust record %s/%s is too large", s->path,
				    name);
	case AL_SAFEIO_READ_FAILED:
		return al_error_set_errno(AIRLOCK_ERROR, f->errnum,
					  "cannot read trust record %s/%s", s->path, name);
	default:
		return al_error_set(AIRLOCK_ERROR, "trust record %s/%s changed while it was read",
				    s->path, name);
	}
}

/* Rule 3: reads one record file; ENOENT is reported as *missing. */
static int read_record_file(char **buf, size_t *len, bool *missing, struct trust_store *s,
			    const char *name)
{
	unsigned char *data;
	struct safe_file f;
	int error;

	*buf = NULL;
	*missing = false;
	error = al_safeio_load(&data, len, &f, s->dirfd, name, AL_SAFEIO_PRIVATE,
			       LIMIT_TRUST_RECORD_BYTES);
	if (error < 0 || f.why == AL_SAFEIO_OK) {
		*buf = (char *)data;
		return error;
	}
	if (f.why == AL_SAFEIO_OPEN_FAILED && f.errnum == ENOENT) {
		*missing = true;
		return 0;
	}
	return record_error(&f, s, name);
}

/* Parses; problems (corrupt, other path) come back as a message. */
static int parse_record(struct trust_record *out, char **problem, const char *buf, size_t len,
			const char *project)
{
	*problem = NULL;
	if (al_trust_record_parse(out, buf, len) < 0) {
		if (asprintf(problem, "trust record is corrupt: %s", airlock_error_last()) < 0)
			return al_error_oom();
		al_trust_record_clear(out);
		return 0;
	}
	if (project && strcmp(out->path, project) != 0) {
		/* A record copied under another project's name trusts nothing. */
		if (!(*problem = strdup("trust record names another project")))
			return al_error_oom();
		al_trust_record_clear(out);
	}
	return 0;
}

int al_trust_store_read(struct trust_record *out, bool *found, char **problem,
			struct trust_store *s, const char *project)
{
	char name[SHA256_HEX_LEN + 6];
	bool missing;
	char *buf;
	size_t len;
	int error;

	memset(out, 0, sizeof(*out));
	*found = false;
	*problem = NULL;
	if (s->dirfd < 0)
		return 0;
	if ((error = al_trust_store_record_name(name, project)) < 0 ||
	    (error = read_record_file(&buf, &len, &missing, s, name)) < 0)
		return error;
	if (missing)
		return 0;
	*found = true;
	error = parse_record(out, problem, buf, len, project);
	free(buf);
	return error;
}

/* A writer killed mid-write leaves a temp file; the next writer, holding the
 * lock, knows no one else is writing and removes it. */
static void remove_stale_temps(struct trust_store *s)
{
	int fd = openat(s->dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct dirent *de;
	DIR *dir;

	if (fd < 0 || !(dir = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((de = readdir(dir)))
		if (strncmp(de->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) == 0)
			unlinkat(s->dirfd, de->d_name, 0);
	closedir(dir);
}

static int lock_store(struct trust_store *s)
{
	while (flock(s->dirfd, LOCK_EX) < 0)
		if (errno != EINTR)
			return al_error_set_errno(AIRLOCK_ERROR, errno,
						  "cannot lock trust store %s", s->path);
	return 0;
}

static int write_locked(struct trust_store *s, const char *name, const char *buf, size_t len)
{
	static unsigned long counter;
	char tmp[64];
	int error = -EEXIST;

	remove_stale_temps(s);
	/* the lock keeps other writers of this store out; the pid and counter
	 * keep a name left by another process's crash from colliding */
	for (int tries = 0; error == -EEXIST && tries < LIMIT_CREATE_TRIES; tries++) {
		snprintf(tmp, sizeof(tmp), TMP_PREFIX "%ld-%lu", (long)getpid(),
			 __atomic_fetch_add(&counter, 1, __ATOMIC_RELAXED));
		error = al_privdir_replace_at(s->dirfd, s->path, tmp, name, buf, len);
	}
	return error == -EEXIST
		       ? al_error_set(AIRLOCK_ERROR, "cannot create a record in %s", s->path)
		       : error;
}

int al_trust_store_write(struct trust_store *s, const struct trust_record *r)
{
	char name[SHA256_HEX_LEN + 6];
	char *buf = NULL;
	size_t len;
	int error;

	if (s->dirfd < 0)
		return al_error_set(AIRLOCK_ERROR, "trust store is not open for writing");
	if ((error = al_trust_store_record_name(name, r->path)) < 0 ||
	    (error = al_trust_record_serialize(&buf, &len, r)) < 0 || (error = lock_store(s)) < 0)
		goto out;
	error = write_locked(s, name, buf, len);
	flock(s->dirfd, LOCK_UN);
out:
	free(buf);
	return error;
}

int al_trust_store_remove(struct trust_store *s, const char *project)
{
	char name[SHA256_HEX_LEN + 6];
	int error;

	if (s->dirfd < 0)
		return al_error_set(AIRLOCK_ENOTFOUND, "no trust decision is recorded for %s",
				    project);
	if ((error = al_trust_store_record_name(name, project)) < 0 || (error = lock_store(s)) < 0)
		return error;
	if (unlinkat(s->dirfd, name, 0) < 0) {
		int e = errno;

		flock(s->dirfd, LOCK_UN);
		if (e == ENOENT)
			return al_error_set(AIRLOCK_ENOTFOUND,
					    "no trust decision is recorded for %s", project);
		return al_error_set_errno(AIRLOCK_ERROR, e, "cannot remove the record in %s",
					  s->path);
	}
	error = fsync(s->dirfd) < 0 ? al_error_set_errno(AIRLOCK_ERROR, errno,
							 "cannot sync trust store %s", s->path)
				    : 0;
	flock(s->dirfd, LOCK_UN);
	return error;
}

static bool is_record_name(const char *name)
{
	size_t n = strlen(name);

	return n == SHA256_HEX_LEN + 5 && strcmp(name + SHA256_HEX_LEN, ".json") == 0 &&
	       strspn(name, "0123456789abcdef") == SHA256_HEX_LEN;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int collect_names(char ***out, size_t *count, struct trust_store *s)
{
	int fd = openat(s->dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	DIR *dir;

	*out = NULL;
	*count = 0;
	if (fd < 0 || !(dir = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return al_error_set_errno(AIRLOCK_ERROR, errno, "cannot list trust store %s",
					  s->path);
	}
	while ((de = readdir(dir))) {
		if (!is_record_name(de->d_name))
			continue;
		if (n == cap) {
			char **grown = realloc(names, (cap = cap ? cap * 2 : 16) * sizeof(*names));

			if (!grown)
				goto oom;
			names = grown;
		}
		if (!(names[n] = strdup(de->d_name)))
			goto oom;
		n++;
	}
	closedir(dir);
	if (n > 1)
		qsort(names, n, sizeof(*names), by_name);
	*out = names;
	*count = n;
	return 0;
oom:
	closedir(dir);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return al_error_oom();
}

int al_trust_store_foreach(struct trust_store *s,
			   int (*fn)(void *arg, const char *name, const struct trust_record *r,
				     const char *problem),
			   void *arg)
{
	char **names;
	size_t count;
	int error;

	if (s->dirfd < 0)
		return 0;
	if ((error = collect_names(&names, &count, s)) < 0)
		return error;
	for (size_t i = 0; i < count; i++) {
		struct trust_record r = { 0 };
		char *buf = NULL, *problem = NULL;
		bool missing;
		size_t len;

		if (error == 0 &&
		    (error = read_record_file(&buf, &len, &missing, s, names[i])) < 0) {
			/* an unsafe record is listed with its problem, not fatal */
			if (asprintf(&problem, "%s", airlock_error_last()) < 0)
				problem = NULL;
			error = 0;
		} else if (error == 0 && !missing) {
			error = parse_record(&r, &problem, buf, len, NULL);
		}
		if (error == 0 && !missing)
			error = fn(arg, names[i], problem ? NULL : &r, problem);
		al_trust_record_clear(&r);
		free(problem);
		free(buf);
		free(names[i]);
	}
	free(names);
	return error;
}
