/*
 * git_files.c - what libgit2 will open in a repository, checked before it
 * does.
 *
 * libgit2 opens a repository's files with a plain open(2): a FIFO at
 * .git/config, at a file an [include] names, at HEAD or a ref, or among the
 * objects blocks it until a writer comes, which never does (`airlock trust`
 * hung until killed). Before a repository is handed to libgit2, every file
 * it may open is looked at without opening it (stat follows links, as
 * libgit2 does): the .git file or folder, the whole git folder (and the
 * common folder of a worktree, and the object folders named in
 * objects/info/alternates), and the files the configuration includes,
 * whose paths are read from the configuration with the safe reader. Anything
 * that is neither a regular file nor a folder is refused, named.
 *
 * The user's and the system's git configuration are theirs, not the
 * project's, and are not checked. A file swapped for a FIFO between this
 * check and libgit2's read is not caught: a repository on disk is content,
 * not a process racing airlock.
 */
#include <ctype.h>
#include <stdbool.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/git_files.h"
#include "common/error.h"
#include "common/limits.h"
#include "common/safeio.h"

struct check {
	size_t entries;
};

static const char *kind_of(mode_t m)
{
	return S_ISFIFO(m)   ? "a FIFO"
	       : S_ISSOCK(m) ? "a socket"
	       : S_ISCHR(m)  ? "a character device"
	       : S_ISBLK(m)  ? "a block device"
			     : "not a regular file";
}

static int refuse(const char *path, mode_t m)
{
	return al_error_set(
		AIRLOCK_EINVALID,
		"git: %s is %s: refusing to read the repository (libgit2 would block on it)", path,
		kind_of(m));
}

/* A path libgit2 may open: absent is fine (libgit2 says so itself), a
 * regular file or a folder is fine, anything else is refused. */
static int check_path(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return 0;
	if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
		return 0;
	return refuse(path, st.st_mode);
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s/%s", dir, name);
	return s;
}

/* Every entry below `dir`, folders walked (not through links), each link's
 * target checked. */
static int walk(struct check *c, const char *dir, int depth)
{
	DIR *d;
	struct dirent *e;
	int error = 0;

	if (depth > LIMIT_WALK_DEPTH)
		return al_error_set(
			AIRLOCK_EINVALID,
			"git: %s is more than %d folders deep: refusing to read the repository",
			dir, LIMIT_WALK_DEPTH);
	if (!(d = opendir(dir)))
		return 0; /* unreadable: libgit2 cannot open what is in it either */
	while (error == 0 && (e = readdir(d))) {
		struct stat st;
		char *path;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (++c->entries > LIMIT_GIT_ENTRIES) {
			error = al_error_set(
				AIRLOCK_EINVALID,
				"git: more than %u entries in the repository's folder: refusing to read it",
				LIMIT_GIT_ENTRIES);
			break;
		}
		if (e->d_type == DT_REG)
			continue;
		if (!(path = join(dir, e->d_name))) {
			error = al_error_oom();
			break;
		}
		if (lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				error = walk(c, path, depth + 1);
			else if (S_ISLNK(st.st_mode))
				error = check_path(path);
			else if (!S_ISREG(st.st_mode))
				error = refuse(path, st.st_mode);
		}
		free(path);
	}
	closedir(d);
	return error;
}

/* A file of the repository, read with the safe reader (links resolved
 * first: libgit2 follows them). NULL when absent or unreadable. */
static char *read_small(const char *path, uint64_t cap)
{
	struct safe_file f;
	unsigned char *data = NULL;
	size_t len = 0;
	char *real = realpath(path, NULL);

	if (!real)
		return NULL;
	if (al_safeio_load(&data, &len, &f, AT_FDCWD, real, 0, cap) != 0)
		data = NULL;
	free(real);
	return (char *)data;
}

/* "dir/x" for a relative x, "x" for an absolute one, $HOME/x for "~/x". */
static char *resolve(const char *base_dir, const char *p)
{
	const char *home;

	if (p[0] == '/')
		return strdup(p);
	if (p[0] == '~' && p[1] == '/') {
		home = getenv("HOME");
		return home ? join(home, p + 2) : NULL;
	}
	return join(base_dir, p);
}

static char *dir_of(const char *path)
{
	char *d = strdup(path), *slash;

	if (d && (slash = strrchr(d, '/')))
		*(slash == d ? slash + 1 : slash) = '\0';
	return d;
}

static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	if (end - s >= 2 && s[0] == '"' && end[-1] == '"') {
		end[-1] = '\0';
		s++;
	}
	return s;
}

static int check_config(const char *path, int depth);

/* The `path` values of [include] and [includeIf "..."] sections: each is
 * checked, and read in turn for its own includes. */
static int check_includes(const char *path, char *text, int depth)
{
	bool in_include = false;
	char *dir = dir_of(path), *save = NULL;
	int error = 0;

	if (!dir)
		return al_error_oom();
	for (char *line = strtok_r(text, "\n", &save); line && error == 0;
	     line = strtok_r(NULL, "\n", &save)) {
		char *s = trim(line), *eq;

		if (*s == '[') {
			in_include = !strncasecmp(s, "[include]", 9) ||
				     !strncasecmp(s, "[includeIf", 10);
			continue;
		}
		if (!in_include || !(eq = strchr(s, '=')))
			continue;
		*eq = '\0';
		if (strcasecmp(trim(s), "path") == 0) {
			char *inc = resolve(dir, trim(eq + 1));

			if (!inc) {
				error = al_error_oom();
				break;
			}
			if ((error = check_path(inc)) == 0)
				error = check_config(inc, depth + 1);
			free(inc);
		}
	}
	free(dir);
	return error;
}

static int check_config(const char *path, int depth)
{
	char *text;
	int error;

	if (depth > LIMIT_GIT_INCLUDE_DEPTH)
		return al_error_set(
			AIRLOCK_EINVALID,
			"git: %s: includes nested more than %d deep: refusing to read the repository",
			path, LIMIT_GIT_INCLUDE_DEPTH);
	if ((error = check_path(path)) < 0)
		return error;
	if (!(text = read_small(path, LIMIT_GIT_CONFIG_BYTES)))
		return 0;
	error = check_includes(path, text, depth);
	free(text);
	return error;
}

/* The folder a worktree's commondir file or a gitlink's "gitdir:" names. */
static char *pointed_dir(const char *file, const char *prefix)
{
	char *text = read_small(file, LIMIT_GIT_CONFIG_BYTES), *dir, *out = NULL;
	size_t pl = strlen(prefix);

	if (!text)
		return NULL;
	if (strncmp(text, prefix, pl) == 0 && (dir = dir_of(file))) {
		out = resolve(dir, trim(text + pl));
		free(dir);
	}
	free(text);
	return out;
}

/* The object folders objects/info/alternates names (libgit2 reads them as
 * its own), each walked like the git folder. */
static int check_alternates(struct check *c, const char *objects, int depth)
{
	char *file = join(objects, "info/alternates"), *text, *save = NULL;
	int error = 0;

	if (!file)
		return al_error_oom();
	if (depth > LIMIT_GIT_INCLUDE_DEPTH || (error = check_path(file)) < 0 ||
	    !(text = read_small(file, LIMIT_GIT_CONFIG_BYTES))) {
		free(file);
		return error;
	}
	for (char *line = strtok_r(text, "\n", &save); line && error == 0;
	     line = strtok_r(NULL, "\n", &save)) {
		char *alt;

		line = trim(line);
		if (!*line || *line == '#')
			continue;
		if (!(alt = resolve(objects, line))) {
			error = al_error_oom();
			break;
		}
		if ((error = check_path(alt)) == 0 && (error = walk(c, alt, 0)) == 0)
			error = check_alternates(c, alt, depth + 1);
		free(alt);
	}
	free(text);
	free(file);
	return error;
}

static int check_gitdir(struct check *c, const char *gitdir)
{
	char *config = NULL, *objects = NULL, *common_file = join(gitdir, "commondir"), *common;
	int error;

	if (!common_file)
		return al_error_oom();
	if ((error = check_path(common_file)) < 0 || (error = walk(c, gitdir, 0)) < 0)
		goto out;
	common = pointed_dir(common_file, "");
	if (common) {
		error = walk(c, common, 0);
		if (error == 0 && (config = join(common, "config")) &&
		    (objects = join(common, "objects")))
			error = check_config(config, 0) ?: check_alternates(c, objects, 0);
		free(common);
		if (error < 0)
			goto out;
		free(config);
		free(objects);
		config = objects = NULL;
	}
	if (!(config = join(gitdir, "config")) || !(objects = join(gitdir, "objects"))) {
		error = al_error_oom();
		goto out;
	}
	error = check_config(config, 0) ?: check_alternates(c, objects, 0);
out:
	free(common_file);
	free(config);
	free(objects);
	return error;
}

static bool looks_bare(const char *path)
{
	static const char *const parts[] = { "HEAD", "objects", "refs" };
	bool all = true;

	for (size_t i = 0; i < 3 && all; i++) {
		char *p = join(path, parts[i]);
		struct stat st;

		all = p && stat(p, &st) == 0;
		free(p);
	}
	return all;
}

int al_git_files_check(const char *path)
{
	struct check c = { 0 };
	char *dotgit = join(path, ".git"), *gitdir = NULL;
	struct stat st;
	int error = 0;

	if (!dotgit)
		return al_error_oom();
	if (stat(dotgit, &st) < 0) {
		/* no .git: libgit2 opens `path` itself if it looks like a bare
		 * repository (HEAD, objects/ and refs/, which it only stats) */
		if (looks_bare(path))
			error = check_gitdir(&c, path);
	} else if (S_ISDIR(st.st_mode)) {
		error = check_gitdir(&c, dotgit);
	} else if (S_ISREG(st.st_mode)) {
		/* a gitlink: "gitdir: <folder>" (a worktree, a submodule) */
		if ((gitdir = pointed_dir(dotgit, "gitdir:")))
			error = check_path(gitdir) ?: check_gitdir(&c, gitdir);
	} else {
		error = refuse(dotgit, st.st_mode);
	}
	free(gitdir);
	free(dotgit);
	return error;
}
