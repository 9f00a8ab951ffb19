/*
 * repo.c - fetching a repository without checking it out, checking it out
 * once it has been judged, and listing the commits of a range.
 *
 * libgit2 runs no hooks, no external filter drivers and no submodule
 * commands; a clone here fetches objects and nothing else.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/gitlib.h"

#include "common/error.h"
#include "snapshot/source_git.h"

struct progress {
	airlock_progress_cb cb;
	void *payload;
	bool cancelled;
};

/* A non-zero return makes libgit2 stop the clone (and remove the directory
 * it made); remembered, so that the caller gets AIRLOCK_EUSER. */
static int on_transfer(const git_indexer_progress *stats, void *payload)
{
	struct progress *pr = payload;

	if (pr->cb && pr->cb(stats->received_objects, stats->total_objects, stats->received_bytes,
			     pr->payload) != 0) {
		pr->cancelled = true;
		return GIT_EUSER;
	}
	return 0;
}

int airlock_repo_fetch(const char *url, const char *dir, airlock_progress_cb cb, void *payload)
{
	git_clone_options opts;
	struct progress pr = { cb, payload, false };
	git_repository *repo = NULL;
	struct stat st;
	int rc, error = 0;

	if (!url || !*url || !dir || !*dir)
		return al_error_set(AIRLOCK_EINVALID, "airlock_repo_fetch: no URL or directory");
	if (lstat(dir, &st) == 0)
		return al_error_set(AIRLOCK_EINVALID, "'%s' already exists", dir);
	/* A local path that is not there is said so, not "unsupported URL
	 * protocol": anything without "://" and without a "host:" before its
	 * first '/' is a path to git too. */
	if (!strstr(url, "://") &&
	    !(strchr(url, ':') && (!strchr(url, '/') || strchr(url, ':') < strchr(url, '/'))) &&
	    stat(url, &st) < 0)
		return errno == ENOENT
			       ? al_error_set(
					 AIRLOCK_ENOTFOUND,
					 "local path '%s' does not exist (a remote needs a URL such as https://host/repo.git)",
					 url)
			       : al_error_set_errno(AIRLOCK_ERROR, errno, "cannot reach '%s'", url);
	if ((error = al_git_init()) < 0)
		return error;
	al_git.clone_options_init(&opts, GIT_CLONE_OPTIONS_VERSION);
	opts.checkout_opts.checkout_strategy = GIT_CHECKOUT_NONE;
	opts.fetch_opts.callbacks.transfer_progress = on_transfer;
	opts.fetch_opts.callbacks.payload = &pr;
	rc = al_git.clone(&repo, url, dir, &opts);
	if (rc < 0 && pr.cancelled)
		error = al_error_set(AIRLOCK_EUSER, "git: the fetch was cancelled by its callback");
	else if (rc < 0)
		error = al_source_git_error("git: cannot fetch");
	al_git.repository_free(repo);
	al_git.libgit2_shutdown();
	return error;
}

int airlock_repo_checkout(const char *dir)
{
	git_checkout_options opts;
	git_repository *repo = NULL;
	int error;

	if ((error = al_git_init()) < 0)
		return error;
	al_git.checkout_options_init(&opts, GIT_CHECKOUT_OPTIONS_VERSION);
	/* The working tree is empty (fetched without a checkout): force writes
	 * every file of HEAD, and nothing else runs. */
	opts.checkout_strategy = GIT_CHECKOUT_FORCE;
	if ((error = al_project_git_open_repo(&repo, dir)) == 0 &&
	    al_git.checkout_head(repo, &opts) < 0)
		error = al_source_git_error("git: cannot check out");
	al_git.repository_free(repo);
	al_git.libgit2_shutdown();
	return error;
}

static int push_commit(char ***list, size_t *n, const git_oid *id)
{
	char **grown = realloc(*list, (*n + 1) * sizeof(**list));

	if (!grown)
		return al_error_oom();
	*list = grown;
	if (!(grown[*n] = malloc(GIT_OID_HEXSZ + 1)))
		return al_error_oom();
	al_git.oid_tostr(grown[*n], GIT_OID_HEXSZ + 1, id);
	(*n)++;
	return 0;
}

/* The commit a revision names; new (git_commit_free). */
static int lookup_commit(git_commit **out, git_repository *repo, const char *rev)
{
	git_object *obj = NULL, *commit = NULL;
	int ok = al_git.revparse_single(&obj, repo, rev) == 0 &&
		 al_git.object_peel(&commit, obj, GIT_OBJECT_COMMIT) == 0;

	al_git.object_free(obj);
	*out = (git_commit *)commit;
	return ok ? 0 : al_error_set(AIRLOCK_EINVALID, "git: unknown revision '%s'", rev);
}

/* Commits of `range` oldest first: "A..B" as git rev-list --reverse A..B,
 * a single revision as itself. */
static int walk(char ***list, size_t *n, git_repository *repo, const char *range)
{
	git_revwalk *rw = NULL;
	git_commit *c = NULL;
	git_oid id;
	int error = 0;

	if (!strstr(range, "..")) {
		if ((error = lookup_commit(&c, repo, range)) < 0)
			return error;
		error = push_commit(list, n, al_git.commit_id(c));
		al_git.commit_free(c);
		return error;
	}
	if (al_git.revwalk_new(&rw, repo) < 0)
		return al_source_git_error("git: cannot walk the history");
	al_git.revwalk_sorting(rw, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	if (al_git.revwalk_push_range(rw, range) < 0) {
		al_git.revwalk_free(rw);
		return al_error_set(AIRLOCK_EINVALID, "git: unknown range '%s'", range);
	}
	while (error == 0 && al_git.revwalk_next(&id, rw) == 0)
		error = push_commit(list, n, &id);
	al_git.revwalk_free(rw);
	return error;
}

int airlock_repo_commits(char ***out, size_t *count, const char *repo_path, const char *range)
{
	git_repository *repo = NULL;
	char **list = NULL;
	size_t n = 0;
	int error;

	*out = NULL;
	*count = 0;
	if ((error = al_git_init()) < 0)
		return error;
	if ((error = al_project_git_open_repo(&repo, repo_path)) == 0)
		error = walk(&list, &n, repo, range ? range : "HEAD");
	al_git.repository_free(repo);
	al_git.libgit2_shutdown();
	if (error < 0) {
		airlock_strings_free(list, n);
		return error;
	}
	*out = list;
	*count = n;
	return 0;
}

int airlock_repo_parent(char out[41], const char *repo_path, const char *commit)
{
	git_repository *repo = NULL;
	git_commit *c = NULL;
	int error = 0;

	out[0] = '\0';
	if ((error = al_git_init()) < 0)
		return error;
	if ((error = al_project_git_open_repo(&repo, repo_path)) < 0 ||
	    (error = lookup_commit(&c, repo, commit)) < 0)
		goto out;
	if (al_git.commit_parentcount(c) == 0)
		error = al_error_set(AIRLOCK_ENOTFOUND, "commit %.12s has no parent", commit);
	else
		al_git.oid_tostr(out, 41, al_git.commit_parent_id(c, 0));
out:
	al_git.commit_free(c);
	al_git.repository_free(repo);
	al_git.libgit2_shutdown();
	return error;
}

void airlock_strings_free(char **s, size_t n)
{
	for (size_t i = 0; s && i < n; i++)
		free(s[i]);
	free(s);
}
