/*
 * helpers.c - temporary trees and small conveniences for the suites.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
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

/* --- running the airlock binary ------------------------------------------------ */

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t len = 0, cap = 4096, n;
	char *buf = malloc(cap);

	ck_assert_ptr_nonnull(f);
	while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 2)
			ck_assert_ptr_nonnull(buf = realloc(buf, cap *= 2));
	}
	buf[len] = '\0';
	fclose(f);
	return buf;
}

/* Runs airlock with `args`; `env` entries "NAME=value" are set and "NAME"
 * alone is unset in the child. */
struct t_run t_run_env(const char *const *env, const char *const *args)
{
	const char *bin = getenv("AIRLOCK_BIN");
	char *dir = t_mkdtemp(), *out = t_join(dir, "out"), *err = t_join(dir, "err");
	const char *argv[32];
	struct t_run r;
	size_t n = 0;
	int status;
	pid_t pid;

	ck_assert_msg(bin && *bin, "AIRLOCK_BIN is not set");
	argv[n++] = bin;
	while (*args && n < 31)
		argv[n++] = *args++;
	argv[n] = NULL;
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int in = open("/dev/null", O_RDONLY);

		for (; env && *env; env++) {
			if (strchr(*env, '='))
				putenv((char *)*env);
			else
				unsetenv(*env);
		}
		if (o < 0 || e < 0 || in < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0 || dup2(in, 0) < 0)
			_exit(127);
		execv(bin, (char *const *)argv);
		_exit(127);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status), "airlock died with signal %d", WTERMSIG(status));
	r.status = WEXITSTATUS(status);
	r.out = slurp(out);
	r.err = slurp(err);
	t_rmtree(dir);
	free(dir);
	free(out);
	free(err);
	return r;
}

struct t_run t_run(const char *const *args)
{
	return t_run_env(NULL, args);
}

void t_run_free(struct t_run *r)
{
	free(r->out);
	free(r->err);
}

void t_assert_one_line_error(const struct t_run *r)
{
	size_t len = strlen(r->err);

	ck_assert_msg(strncmp(r->err, "airlock: ", 9) == 0, "stderr: %s", r->err);
	ck_assert_msg(len > 10 && strchr(r->err, '\n') == r->err + len - 1, "not one line: %s",
		      r->err);
}
