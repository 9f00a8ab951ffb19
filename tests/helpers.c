/*
 * helpers.c - temporary trees and small conveniences for the suites.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/tests.h"

char *t_mkdtemp(void)
{
	const char *base = getenv("TMPDIR");
	char *path;

	if (!base || !*base)
		base = "/tmp";
	ck_assert_int_gt(asprintf(&path, "%s/airlock-test-XXXXXX", base), 0);
	ck_assert_msg(mkdtemp(path) != NULL, "mkdtemp: %s", strerror(errno));
	return path;
}

/* The name of the only entry of directory `name` when that entry is itself a
 * directory; false otherwise. */
static bool only_subdir(int parent, const char *name, char out[256])
{
	int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	struct dirent *de;
	int count = 0;
	DIR *dir;

	if (fd < 0)
		return false;
	if (!(dir = fdopendir(fd))) {
		close(fd);
		return false;
	}
	while ((de = readdir(dir))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (++count > 1 || de->d_type != DT_DIR)
			break;
		snprintf(out, 256, "%s", de->d_name);
	}
	closedir(dir);
	return count == 1 && de == NULL;
}

/*
 * A chain like d/d/d/... thousands deep cannot be removed by recursion over
 * descriptors (too many open) or by paths (too long). Pull the grandchild up
 * one level instead: each step is two renames and an rmdir in `parent`.
 */
static void flatten_chain(int parent, const char *name)
{
	static const char tmp[] = ".airlock-flatten";
	char grand[256];

	while (only_subdir(parent, name, grand)) {
		int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		int ok = fd >= 0 && renameat(fd, grand, parent, tmp) == 0;

		if (fd >= 0)
			close(fd);
		if (!ok || unlinkat(parent, name, AT_REMOVEDIR) < 0 ||
		    renameat(parent, tmp, parent, name) < 0)
			return;
	}
}

static void rm_at(int parent, const char *name)
{
	struct dirent *de;
	DIR *dir;
	int fd;

	if (unlinkat(parent, name, 0) == 0 || (errno != EISDIR && errno != EPERM))
		return;
	flatten_chain(parent, name);
	fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return;
	fchmod(fd, 0700);
	if (!(dir = fdopendir(fd))) {
		close(fd);
		return;
	}
	while ((de = readdir(dir)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			rm_at(dirfd(dir), de->d_name);
	closedir(dir);
	unlinkat(parent, name, AT_REMOVEDIR);
}

void t_rmtree(const char *path)
{
	char *copy = strdup(path), *slash = strrchr(copy, '/');
	int parent;

	if (!slash || slash == copy) {
		free(copy);
		return; /* only ever called on t_mkdtemp() paths */
	}
	*slash = '\0';
	parent = open(copy, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (parent >= 0) {
		rm_at(parent, slash + 1);
		close(parent);
	}
	free(copy);
}

char *t_join(const char *root, const char *rel)
{
	char *out;

	ck_assert_int_gt(asprintf(&out, "%s/%s", root, rel), 0);
	return out;
}

void t_mkdirs(const char *root, const char *rel)
{
	char *path = t_join(root, rel);

	ck_assert_msg(mkdir(root, 0755) == 0 || errno == EEXIST, "mkdir %s: %s", root,
		      strerror(errno));
	for (char *p = path + strlen(root) + 1;; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			ck_assert_msg(mkdir(path, 0755) == 0 || errno == EEXIST, "mkdir %s: %s",
				      path, strerror(errno));
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(path);
}

void t_write(const char *root, const char *rel, const char *text)
{
	char *path = t_join(root, rel), *slash = strrchr(path, '/');
	FILE *f;

	*slash = '\0';
	if (strlen(path) > strlen(root))
		t_mkdirs(root, path + strlen(root) + 1);
	else
		ck_assert(mkdir(root, 0755) == 0 || errno == EEXIST);
	*slash = '/';
	f = fopen(path, "w");
	ck_assert_msg(f != NULL, "fopen %s: %s", path, strerror(errno));
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	chmod(path, 0644);
	free(path);
}

airlock_project *t_open(const char *path)
{
	airlock_project *p = NULL;
	int rc = airlock_project_open(&p, path, NULL);

	ck_assert_msg(rc == 0, "airlock_project_open(%s) = %d: %s", path, rc, airlock_error_last());
	ck_assert_ptr_nonnull(p);
	return p;
}

const airlock_entry *t_entry(const airlock_project *p, const char *path)
{
	for (size_t i = 0; i < airlock_project_entry_count(p); i++)
		if (strcmp(airlock_entry_path(airlock_project_entry(p, i)), path) == 0)
			return airlock_project_entry(p, i);
	return NULL;
}

const char *t_fixtures(void)
{
	const char *dir = getenv("AIRLOCK_FIXTURES");

	return dir && *dir ? dir : "fixtures";
}
