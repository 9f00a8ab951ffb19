/*
 * signatures.c - the signature set: where it comes from and what it is called.
 *
 * Compiled signatures are loaded, never compiled, at run time, and only from
 * the installed data directory, $AIRLOCK_SIGNATURES or the caller's explicit
 * path - never from inside the project being scanned. The user's own rule
 * sources (--rules DIR) are compiled with includes disabled. The version is a
 * SHA-256 over the compiled bytes and the user sources, so a trust record can
 * say which rules a decision was made under.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/error.h"
#include "common/limits.h"
#include "common/safeio.h"
#include "common/url.h"
#include "scan/signatures.h"

#ifndef AIRLOCK_DATADIR
#define AIRLOCK_DATADIR "/usr/local/share/airlock"
#endif

/* The message for a file safeio did not open or read. */
static int safeio_error(const struct safe_file *f, const char *name, size_t cap)
{
	switch (f->why) {
	case AL_SAFEIO_OK:
		return 0;
	case AL_SAFEIO_OPEN_FAILED:
		return al_error_set_errno(f->errnum == ENOENT ? AIRLOCK_ENOTFOUND : AIRLOCK_ERROR,
					  f->errnum, "cannot open '%s'", name);
	case AL_SAFEIO_STAT_FAILED:
	case AL_SAFEIO_NOT_REGULAR:
		return al_error_set(AIRLOCK_ERROR, "'%s' is not a regular file", name);
	case AL_SAFEIO_TOO_LARGE:
		return al_error_set(AIRLOCK_ERROR, "'%s' is larger than %zu bytes", name, cap);
	default:
		return al_error_set(AIRLOCK_ERROR, "cannot read '%s'", name);
	}
}

/* Reads a regular file of at most `cap` bytes, NUL-terminated, through
 * common/safeio.c: the last name is never followed if it is a symlink. */
static int read_small(unsigned char **out, size_t *len, int dirfd, const char *name, size_t cap)
{
	struct safe_file f;
	int error;

	error = al_safeio_load(out, len, &f, dirfd, name, 0, cap);
	if (error < 0)
		return error;
	return safeio_error(&f, name, cap);
}

static const char *signatures_path(const struct scan_options *so)
{
	const char *env = getenv("AIRLOCK_SIGNATURES");

	if (so->signatures)
		return so->signatures;
	if (env && *env)
		return env;
	return AIRLOCK_DATADIR "/signatures.yarc";
}

/* Refuses signatures that lie inside the project: its owner could replace
 * the rules that are to judge it. */
static int check_outside(const char *path, const char *project)
{
	char *real;
	size_t n;
	int error = 0;

	if (!project)
		return 0;
	if (!(real = realpath(path, NULL)))
		return al_error_set_errno(AIRLOCK_ERROR, errno, "cannot resolve '%s'", path);
	n = strlen(project);
	if (strncmp(real, project, n) == 0 && (real[n] == '/' || real[n] == '\0' || n == 1))
		error = al_error_set(AIRLOCK_EINVALID,
				     "refusing signatures inside the scanned project: %s", real);
	free(real);
	return error;
}

struct user_rules {
	struct rule_source *src;
	char **names;
	unsigned char **texts;
	size_t count;
};

static void user_rules_free(struct user_rules *u)
{
	for (size_t i = 0; i < u->count; i++) {
		free(u->names[i]);
		free(u->texts[i]);
	}
	free(u->src);
	free(u->names);
	free(u->texts);
}

static bool is_rule_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && ((n > 4 && strcmp(name + n - 4, ".yar") == 0) ||
				  (n > 5 && strcmp(name + n - 5, ".yara") == 0));
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_user_rules(struct user_rules *u, const char *dir)
{
	DIR *d = NULL;
	struct dirent *de;
	int error = 0, fd;

	memset(u, 0, sizeof(*u));
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return al_error_set_errno(errno == ENOENT ? AIRLOCK_ENOTFOUND : AIRLOCK_ERROR,
					  errno, "cannot open rules folder '%s'", dir);
	if (!(d = fdopendir(fd))) {
		close(fd);
		return al_error_set_errno(AIRLOCK_ERROR, errno, "cannot list '%s'", dir);
	}
	u->names = calloc(LIMIT_RULE_FILES, sizeof(char *));
	u->texts = calloc(LIMIT_RULE_FILES, sizeof(unsigned char *));
	u->src = calloc(LIMIT_RULE_FILES, sizeof(*u->src));
	if (!u->names || !u->texts || !u->src) {
		error = al_error_oom();
		goto out;
	}
	while ((de = readdir(d))) {
		if (!is_rule_name(de->d_name))
			continue;
		if (u->count == LIMIT_RULE_FILES) {
			error = al_error_set(AIRLOCK_ERROR, "more than %d rule files in '%s'",
					     LIMIT_RULE_FILES, dir);
			goto out;
		}
		if (!(u->names[u->count++] = strdup(de->d_name))) {
			error = al_error_oom();
			goto out;
		}
	}
	if (u->count > 1)
		qsort(u->names, u->count, sizeof(char *), by_name);
	for (size_t i = 0; i < u->count; i++) {
		size_t len;

		if ((error = read_small(&u->texts[i], &len, dirfd(d), u->names[i],
					LIMIT_RULE_SOURCE_BYTES)) < 0)
			goto out;
		if (strlen((char *)u->texts[i]) != len) {
			error = al_error_set(AIRLOCK_ERROR, "rule file '%s' contains a NUL byte",
					     u->names[i]);
			goto out;
		}
		u->src[i].name = u->names[i];
		u->src[i].text = (const char *)u->texts[i];
	}
out:
	closedir(d);
	return error;
}

static int hash_user(hash_ctx *h, const struct user_rules *u)
{
	int error = 0;

	for (size_t i = 0; i < u->count && error == 0; i++)
		if ((error = al_hash_update(h, u->names[i], strlen(u->names[i]) + 1)) == 0)
			error = al_hash_update(h, u->texts[i], strlen((char *)u->texts[i]) + 1);
	return error;
}

static int version_of(char out[SHA256_HEX_LEN + 1], const unsigned char *compiled, size_t len,
		      const struct user_rules *u)
{
	hash_ctx *h = al_hash_new();
	int error;

	if (!h)
		return AIRLOCK_ERROR;
	if ((error = al_hash_update(h, compiled, len)) < 0 || (error = hash_user(h, u)) < 0) {
		al_hash_free(h);
		return error;
	}
	return al_hash_final(h, out);
}

/*
 * The compiled signatures are hashed for the version without being kept:
 * a scan the verdict cache answers whole never loads them, and so never
 * holds them in memory. The descriptor stays open; al_rules_compile reads
 * the bytes from it and refuses them unless they hash to the same version.
 */
struct rules_source {
	struct safe_file f;
	char *path;
	struct user_rules u;
	char version[SHA256_HEX_LEN + 1];
};

void al_rules_source_free(struct rules_source *src)
{
	if (!src)
		return;
	al_safeio_close(&src->f);
	user_rules_free(&src->u);
	free(src->path);
	free(src);
}

/* The version from the open descriptor, read in pieces with pread (the
 * file offset stays at 0 for al_rules_compile). */
static int version_from_fd(struct rules_source *src)
{
	unsigned char chunk[16 * 1024];
	size_t size = (size_t)src->f.st.st_size, done = 0;
	hash_ctx *h = al_hash_new();
	int error = 0;

	if (!h)
		return AIRLOCK_ERROR;
	while (done < size && error == 0) {
		size_t want = size - done < sizeof(chunk) ? size - done : sizeof(chunk);
		ssize_t got = pread(src->f.fd, chunk, want, (off_t)done);

		if (got <= 0)
			error = al_error_set_errno(AIRLOCK_ERROR, got < 0 ? errno : 0,
						   "cannot read '%s'", src->path);
		else
			error = al_hash_update(h, chunk, (size_t)got);
		done += got > 0 ? (size_t)got : 0;
	}
	if (error == 0)
		error = hash_user(h, &src->u);
	if (error < 0) {
		al_hash_free(h);
		return error;
	}
	return al_hash_final(h, src->version);
}

int al_rules_read(struct rules_source **out, const struct scan_options *so, const char *project)
{
	const char *path = signatures_path(so);
	struct rules_source *src;
	int error;

	*out = NULL;
	if (!(src = calloc(1, sizeof(*src))))
		return al_error_oom();
	src->f.fd = -1;
	if (!(src->path = strdup(path))) {
		error = al_error_oom();
		goto out;
	}
	if (al_safeio_open(&src->f, AT_FDCWD, path, 0) == AL_SAFEIO_OK &&
	    (uint64_t)src->f.st.st_size > LIMIT_SIGNATURES_BYTES) {
		al_safeio_close(&src->f);
		src->f.why = AL_SAFEIO_TOO_LARGE;
	}
	if ((error = safeio_error(&src->f, path, LIMIT_SIGNATURES_BYTES)) < 0) {
		char why[256];

		snprintf(why, sizeof(why), "%s", airlock_error_last());
		error = al_error_set(error, "cannot load the signatures '%s': %s", path, why);
		goto out;
	}
	if ((error = check_outside(path, project)) < 0 ||
	    (so->rules_dir && (error = read_user_rules(&src->u, so->rules_dir)) < 0) ||
	    (error = version_from_fd(src)) < 0)
		goto out;
	*out = src;
	src = NULL;
out:
	al_rules_source_free(src);
	return error;
}

const char *al_rules_source_version(const struct rules_source *src)
{
	return src->version;
}

int al_rules_compile(struct airlock_rules **cat, struct yara_set **ys, struct rules_source *src)
{
	struct airlock_rules *r = NULL;
	unsigned char *compiled = NULL;
	char version[SHA256_HEX_LEN + 1];
	size_t len;
	int error;

	*cat = NULL;
	*ys = NULL;
	if ((error = al_safeio_read(&compiled, &src->f, LIMIT_SIGNATURES_BYTES)) < 0)
		return error;
	if ((error = safeio_error(&src->f, src->path, LIMIT_SIGNATURES_BYTES)) < 0)
		goto out;
	len = (size_t)src->f.st.st_size;
	if ((error = version_of(version, compiled, len, &src->u)) < 0)
		goto out;
	if (strcmp(version, src->version) != 0) {
		error = al_error_set(AIRLOCK_ERROR, "the signatures '%s' changed while read",
				     src->path);
		goto out;
	}
	if (!(r = calloc(1, sizeof(*r)))) {
		error = al_error_oom();
		goto out;
	}
	if ((error = al_rules_add_builtins(r)) < 0 ||
	    (error = al_yara_set_load(ys, r, compiled, len, src->u.src, src->u.count)) < 0)
		goto out;
	memcpy(r->version, src->version, sizeof(r->version));
	al_rules_sort(r);
	*cat = r;
	r = NULL;
out:
	if (error < 0) {
		al_yara_set_free(*ys);
		*ys = NULL;
	}
	airlock_rules_free(r);
	free(compiled);
	return error;
}

int al_rules_check_disabled(const struct airlock_rules *cat, const struct scan_options *so)
{
	for (size_t i = 0; i < so->ndisabled; i++)
		if (!airlock_rules_find(cat, so->disabled[i]))
			return al_error_set(AIRLOCK_EINVALID,
					    "rule %s is disabled but not in the rule catalogue",
					    so->disabled[i]);
	return 0;
}

/* Read and compile, for what scans nothing (the catalogue, the signature
 * version a trust record notes): libcurl is not loaded. */
int al_rules_catalogue(struct airlock_rules **cat, struct yara_set **ys,
		       const struct scan_options *so, const char *project)
{
	struct rules_source *src = NULL;
	int error;

	*cat = NULL;
	*ys = NULL;
	if ((error = al_rules_read(&src, so, project)) < 0)
		return error;
	error = al_rules_compile(cat, ys, src);
	al_rules_source_free(src);
	if (error == 0)
		error = al_rules_check_disabled(*cat, so);
	if (error < 0) {
		airlock_rules_free(*cat);
		al_yara_set_free(*ys);
		*cat = NULL;
		*ys = NULL;
	}
	return error;
}

/* Every scan (project, file, memory) opens its rules here, in the parent,
 * before it forks: libcurl, which reads the URLs, is loaded now, as the
 * sandboxed child cannot load it. */
int al_rules_open(struct airlock_rules **cat, struct yara_set **ys, const struct scan_options *so,
		  const char *project)
{
	int error;

	*cat = NULL;
	*ys = NULL;
	if ((error = al_url_prepare()) < 0)
		return error;
	return al_rules_catalogue(cat, ys, so, project);
}

/* The catalogue alone scans nothing: no libcurl. */
int airlock_rules_load(airlock_rules **out, const airlock_options *opts)
{
	struct scan_options so;
	struct yara_set *ys = NULL;
	int error;

	if (!out)
		return al_error_set(AIRLOCK_EINVALID, "airlock_rules_load: no output given");
	*out = NULL;
	if ((error = al_scan_options_init(&so, opts)) < 0)
		return error;
	error = al_rules_catalogue(out, &ys, &so, NULL);
	al_yara_set_free(ys);
	al_scan_options_clear(&so);
	return error;
}
