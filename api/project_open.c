/*
 * project_open.c - airlock_project_open and the manifest accessors.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/error.h"
#include "common/limits.h"
#include "common/safeio.h"
#include "api/project_open.h"
#include "snapshot/dircache.h"
#include "snapshot/source_dir.h"
#include "snapshot/source_git.h"
#include "surfaces/files.h"
#include "surfaces/locations.h"

const char *airlock_version(void)
{
	return AIRLOCK_VERSION;
}

/*
 * The identity of a project is the directory actually opened, read back from
 * the descriptor, so a path swapped after the open cannot lend its name to
 * another directory. Repository-controlled pointers (.git files, commondir)
 * are never consulted.
 */
static int canonical_path(char **out, int fd, const char *given)
{
	char link[64], buf[PATH_MAX];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, buf, sizeof(buf));
	if (n > 0 && (size_t)n < sizeof(buf) && buf[0] == '/') {
		buf[n] = '\0';
		*out = strdup(buf);
	} else {
		*out = realpath(given, NULL); /* no /proc: best effort */
	}
	if (!*out)
		return al_error_set_errno(AIRLOCK_ERROR, errno ? errno : ENOMEM,
					  "cannot determine the canonical path of '%s'", given);
	return 0;
}

static int open_root(int *out, const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOCTTY);

	if (fd < 0) {
		int e = errno;

		if (e == ENOENT)
			return al_error_set(AIRLOCK_ENOTFOUND, "project '%s' does not exist", path);
		if (e == ENOTDIR)
			return al_error_set(AIRLOCK_EINVALID, "project '%s' is not a directory",
					    path);
		return al_error_set_errno(AIRLOCK_ERROR, e, "cannot open project '%s'", path);
	}
	if (fstat(fd, &st) < 0 || !S_ISDIR(st.st_mode)) {
		close(fd);
		return al_error_set(AIRLOCK_EINVALID, "project '%s' is not a directory", path);
	}
	*out = fd;
	return 0;
}

/* True when the folder open at `fd` holds an agent's executable
 * configuration (a name an executable row of the table starts with:
 * ".claude", ".mcp.json", ".codex", ...): an agent started there takes it
 * as its project. */
static bool holds_config(int fd)
{
	size_t n;
	const struct surface *t = al_surface_table(&n);
	struct stat st;

	for (size_t i = 0; i < n; i++) {
		char first[64];
		size_t len = strcspn(t[i].pattern, "/");

		if (t[i].cls != AIRLOCK_CLASS_EXECUTABLE || len >= sizeof(first) ||
		    memchr(t[i].pattern, '*', len))
			continue;
		memcpy(first, t[i].pattern, len);
		first[len] = '\0';
		if (fstatat(fd, first, &st, AT_SYMLINK_NOFOLLOW) == 0)
			return true;
	}
	return false;
}

/* The project a folder belongs to (see AIRLOCK_OPT_REPO_ROOT), or NULL for
 * the folder itself; *sub (new) is then the folder's path below it, NULL
 * when it is the folder. Only names are looked at: .git's content is never
 * read. */
static char *repo_top(const char *path, char **sub)
{
	char *dir = realpath(path, NULL);
	const char *home = getenv("HOME");
	struct stat start, st;
	int depth = 0;

	*sub = NULL;
	if (!dir || stat(dir, &start) < 0) {
		free(dir);
		return NULL;
	}
	if (!(*sub = strdup(dir))) {
		free(dir);
		return NULL;
	}
	for (;;) {
		char *slash;
		int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (fd >= 0 && fstat(fd, &st) == 0 && st.st_dev == start.st_dev &&
		    ((fstatat(fd, ".git", &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		      (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode))) ||
		     holds_config(fd))) {
			close(fd);
			break;
		}
		if (fd >= 0)
			close(fd);
		if (fd < 0 || st.st_dev != start.st_dev || strcmp(dir, "/") == 0 ||
		    ++depth > LIMIT_ANCESTOR_DEPTH || !(slash = strrchr(dir, '/'))) {
			free(dir);
			free(*sub);
			*sub = NULL;
			return NULL;
		}
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	{
		char *real_home = home ? realpath(home, NULL) : NULL;
		bool none = strcmp(dir, "/") == 0 || (real_home && strcmp(dir, real_home) == 0);

		free(real_home);
		if (none) {
			free(dir);
			free(*sub);
			*sub = NULL;
			return NULL;
		}
	}
	/* the folder named, below the one found: "src/lib" of "/x/app/src/lib" */
	if (strlen(*sub) > strlen(dir) + 1)
		memmove(*sub, *sub + strlen(dir) + 1, strlen(*sub + strlen(dir) + 1) + 1);
	else
		(*sub)[0] = '\0';
	if (!(*sub)[0]) {
		free(*sub);
		*sub = NULL;
	}
	return dir;
}

/* True when the canonical `path` is the user's home folder. */
static bool is_home(const char *path)
{
	const char *home = getenv("HOME");
	char *real = home && *home ? realpath(home, NULL) : NULL;
	bool same = real && strcmp(real, path) == 0;

	free(real);
	return same;
}

/*
 * An agent started in $HOME is in no project: what it finds there is the
 * user's own configuration (~/.claude/settings.json is Claude Code's user
 * settings), not a repository's, and the whole home folder is no tree to
 * walk at every start. Only the instruction files an agent reads in the
 * folder it starts in are taken, as instructions, to be scanned.
 */
static int home_snapshot(struct snapshot *snap, int rootfd)
{
	int error = 0;

	for (size_t i = 0; i < al_folder_instruction_file_count && !error; i++) {
		const char *name = al_folder_instruction_files[i];
		const struct surface *s = al_surface_match(name);
		struct stat st;

		if (s && fstatat(rootfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
			error = al_source_dir_add_file(snap, rootfd, name, s);
	}
	return error;
}

int airlock_project_open(airlock_project **out, const char *path, const airlock_options *opts)
{
	char *top = NULL, *sub = NULL;
	airlock_project *p = NULL;
	struct dircache dc;
	int error;

	if (out)
		*out = NULL;
	if (!out || !path || !*path)
		return al_error_set(AIRLOCK_EINVALID,
				    "airlock_project_open: no project path given");
	if ((error = al_options_check(opts)) < 0)
		return error;
	if (!(p = calloc(1, sizeof(*p))))
		return al_error_oom();
	p->rootfd = -1;
	al_snapshot_init(&p->snap, opts ? opts->max_file_size : 0);
	p->snap.all_files = opts && opts->version >= 2 && (opts->flags & AIRLOCK_OPT_ALL_FILES);
	if (opts && opts->version >= 4 && opts->walk_progress) {
		p->snap.progress = opts->walk_progress;
		p->snap.progress_arg = opts->walk_payload;
	}
	if (opts && opts->version >= 2 && opts->trust_dir &&
	    !(p->trust_dir = strdup(opts->trust_dir))) {
		error = al_error_oom();
		goto out;
	}
	if (opts && opts->version >= 2 && (opts->flags & AIRLOCK_OPT_REPO_ROOT) &&
	    (top = repo_top(path, &sub))) {
		path = top;
		p->subdir = sub;
		sub = NULL;
	}
	if ((error = al_scan_options_init(&p->scan, opts)) < 0 ||
	    (error = open_root(&p->rootfd, path)) < 0 ||
	    (error = canonical_path(&p->path, p->rootfd, path)) < 0)
		goto out;
	/* the gate commands (REPO_ROOT) start agents: in $HOME, no project */
	if (opts && opts->version >= 2 && (opts->flags & AIRLOCK_OPT_REPO_ROOT) &&
	    is_home(p->path)) {
		if ((error = home_snapshot(&p->snap, p->rootfd)) < 0 ||
		    (error = al_snapshot_finish(&p->snap)) < 0)
			goto out;
		*out = p;
		p = NULL;
		goto out;
	}
	/* the walk reuses the listings of folders unchanged since the last
	 * one (snapshot/dircache.h); `scan --no-cache` and --all-files list
	 * every folder */
	al_dircache_open(&dc, p->path, p->rootfd,
			 !(p->scan.flags & AIRLOCK_OPT_NO_CACHE) && !p->snap.all_files);
	p->snap.dircache = &dc;
	error = al_source_dir_snapshot(&p->snap, p->rootfd);
	p->snap.dircache = NULL;
	al_dircache_close(&dc);
	if (error < 0 ||
	    ((p->snap.pruned || p->snap.walk_limited) &&
	     (error = al_source_git_index_surfaces(&p->snap, p->rootfd)) < 0) ||
	    (error = al_snapshot_finish(&p->snap)) < 0)
		goto out;
	*out = p;
	p = NULL;
out:
	free(top);
	airlock_project_free(p);
	return error;
}

int al_project_require_dir(const airlock_project *p, const char *what)
{
	if (p->rootfd >= 0)
		return 0;
	return al_error_set(
		AIRLOCK_EINVALID,
		"%s: commit %.12s is a snapshot from git, not a directory; check it out first",
		what, p->commit);
}

void airlock_project_free(airlock_project *p)
{
	if (!p)
		return;
	if (p->rootfd >= 0)
		close(p->rootfd);
	al_project_git_release(p);
	for (size_t i = 0; i < p->naccepts; i++)
		free(p->accepts[i]);
	free(p->accepts);
	free(p->path);
	free(p->subdir);
	free(p->trust_dir);
	al_snapshot_free(&p->snap);
	al_scan_options_clear(&p->scan);
	airlock_report_free(p->report);
	free(p);
}

const airlock_report *airlock_project_report(const airlock_project *p)
{
	return p->report;
}

const char *airlock_project_path(const airlock_project *p)
{
	return p->path;
}

const char *airlock_project_subdir(const airlock_project *p)
{
	return p->subdir ? p->subdir : "";
}

/* Opens the folder `rel` ("a/b") beneath `dirfd` one name at a time, never
 * through a link and never out of dirfd; -1 with errno set. */
static int open_dir_beneath(int dirfd, const char *rel)
{
	char name[NAME_MAX + 1];
	int fd = dirfd;

	while (*rel) {
		size_t len = strcspn(rel, "/");
		int next;

		if (len == 0 || len > NAME_MAX) {
			if (fd != dirfd)
				close(fd);
			errno = len ? ENAMETOOLONG : EINVAL;
			return -1;
		}
		memcpy(name, rel, len);
		name[len] = '\0';
		next = al_safeio_open_beneath(fd, name, O_RDONLY | O_DIRECTORY);
		if (fd != dirfd)
			close(fd);
		if (next < 0)
			return -1;
		fd = next;
		rel += len + (rel[len] == '/');
	}
	return fd == dirfd ? fcntl(dirfd, F_DUPFD_CLOEXEC, 0) : fd;
}

int airlock_project_chdir(const airlock_project *p)
{
	int fd, error = 0;

	if (!p)
		return al_error_set(AIRLOCK_EINVALID, "airlock_project_chdir: no project");
	if ((error = al_project_require_dir(p, "airlock_project_chdir")) < 0)
		return error;
	if ((fd = open_dir_beneath(p->rootfd, airlock_project_subdir(p))) < 0) {
		int e = errno;

		if (e == ENOENT || e == ENOTDIR || e == ELOOP || e == EXDEV)
			return al_error_set(AIRLOCK_ENOTFOUND,
					    "%s/%s is no longer a folder beneath the project",
					    p->path, airlock_project_subdir(p));
		return al_error_set_errno(AIRLOCK_ERROR, e, "cannot open %s/%s", p->path,
					  airlock_project_subdir(p));
	}
	if (fchdir(fd) < 0)
		error = al_error_set_errno(AIRLOCK_ERROR, errno, "cannot change into %s", p->path);
	close(fd);
	return error;
}

const char *airlock_project_digest(const airlock_project *p)
{
	return p->snap.digest;
}

size_t airlock_project_entry_count(const airlock_project *p)
{
	return p->snap.count;
}

const airlock_entry *airlock_project_entry(const airlock_project *p, size_t i)
{
	return i < p->snap.count ? &p->snap.entries[i] : NULL;
}

const char *airlock_entry_path(const airlock_entry *e)
{
	return e->path;
}

const char *airlock_entry_agent(const airlock_entry *e)
{
	return e->surface->agent;
}

airlock_kind airlock_entry_kind(const airlock_entry *e)
{
	return e->kind;
}

airlock_class airlock_entry_class(const airlock_entry *e)
{
	return e->cls;
}

uint64_t airlock_entry_size(const airlock_entry *e)
{
	return e->size;
}

const char *airlock_entry_sha256(const airlock_entry *e)
{
	return e->sha256[0] ? e->sha256 : NULL;
}

unsigned int airlock_entry_reasons(const airlock_entry *e)
{
	return e->reasons;
}

const char *airlock_entry_data(const airlock_entry *e, size_t *len)
{
	if (len)
		*len = e->data ? e->data_len : 0;
	return (const char *)e->data;
}

const char *airlock_entry_link_target(const airlock_entry *e)
{
	return e->link_target;
}

const char *airlock_kind_name(airlock_kind kind)
{
	static const char *const names[] = {
		[AIRLOCK_KIND_JSON] = "json",         [AIRLOCK_KIND_JSONC] = "jsonc",
		[AIRLOCK_KIND_TOML] = "toml",         [AIRLOCK_KIND_YAML] = "yaml",
		[AIRLOCK_KIND_MARKDOWN] = "markdown", [AIRLOCK_KIND_SCRIPT] = "script",
		[AIRLOCK_KIND_TEXT] = "text",         [AIRLOCK_KIND_DIRECTORY] = "directory",
	};

	if ((unsigned)kind >= sizeof(names) / sizeof(names[0]) || !names[kind])
		return "unknown";
	return names[kind];
}

const char *airlock_class_name(airlock_class cls)
{
	switch (cls) {
	case AIRLOCK_CLASS_EXECUTABLE:
		return "executable";
	case AIRLOCK_CLASS_INSTRUCTIONS:
		return "instructions";
	}
	return "unknown";
}

const char *airlock_reason_name(unsigned int reason)
{
	switch (reason) {
	case AIRLOCK_REASON_SYMLINK:
		return "symlink";
	case AIRLOCK_REASON_SYMLINK_OUTSIDE:
		return "symlink to outside";
	case AIRLOCK_REASON_NOT_REGULAR:
		return "not a regular file";
	case AIRLOCK_REASON_TOO_LARGE:
		return "too large";
	case AIRLOCK_REASON_UNREADABLE:
		return "unreadable";
	case AIRLOCK_REASON_CHANGED:
		return "changed while read";
	case AIRLOCK_REASON_WRITABLE:
		return "writable by group or others";
	case AIRLOCK_REASON_BAD_NAME:
		return "name is not UTF-8";
	case AIRLOCK_REASON_LIMIT:
		return "walk limit reached";
	case AIRLOCK_REASON_MISSING:
		return "referenced but missing";
	case AIRLOCK_REASON_HARDLINK:
		return "hard link (the file has other names)";
	case AIRLOCK_REASON_SUBMODULE:
		return "submodule, not followed";
	case AIRLOCK_REASON_CASE_VARIANT:
		return "name differs from the agent's only in letter case";
	case AIRLOCK_REASON_SYMLINK_READ:
		return "symlink inside the project, read as its target";
	}
	return NULL;
}
