/*
 * project_git.c - airlock_project_open_git: a project read from a commit of
 * a repository's object database, for judging content before it is checked
 * out. Such a project can be scanned, never trusted or loaded.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common/gitlib.h"

#include "api/git_files.h"
#include "common/error.h"
#include "snapshot/project.h"
#include "snapshot/source_git.h"

/*
 * In a pre-receive hook the pushed objects wait in a quarantine directory
 * (git sets GIT_QUARANTINE_PATH) until the hook accepts them; libgit2 does not
 * read git's environment, so that directory is added as an alternate.
 */
static int add_quarantine(git_repository *repo)
{
	const char *q = getenv("GIT_QUARANTINE_PATH");
	git_odb *odb = NULL;
	int rc;

	if (!q || !*q)
		return 0;
	if (al_git.repository_odb(&odb, repo) < 0)
		return al_source_git_error("git: cannot open the object database");
	rc = al_git.odb_add_disk_alternate(odb, q);
	al_git.odb_free(odb);
	return rc < 0 ? al_source_git_error("git: cannot read the push quarantine") : 0;
}

int al_project_git_open_repo(git_repository **repo, const char *path)
{
	int rc;

	*repo = NULL;
	if ((rc = al_git_files_check(path)) < 0)
		return rc;
	rc = al_git.repository_open_ext(repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);

	if (rc == GIT_ENOTFOUND)
		return al_error_set(AIRLOCK_ENOTFOUND, "'%s' is not a git repository", path);
	if (rc < 0)
		return al_source_git_error("git: cannot open the repository");
	if ((rc = add_quarantine(*repo)) < 0) {
		al_git.repository_free(*repo);
		*repo = NULL;
	}
	return rc;
}

static int resolve_tree(git_tree **tree, char hex[GIT_OID_HEXSZ + 1], git_repository *repo,
			const char *rev)
{
	git_object *obj = NULL, *commit = NULL;
	int error = 0;

	if (al_git.revparse_single(&obj, repo, rev) < 0) {
		error = al_error_set(AIRLOCK_EINVALID, "git: unknown revision '%s'", rev);
		goto out;
	}
	if (al_git.object_peel(&commit, obj, GIT_OBJECT_COMMIT) < 0 ||
	    al_git.commit_tree(tree, (git_commit *)commit) < 0) {
		error = al_source_git_error("git: cannot read the commit");
		goto out;
	}
	al_git.oid_tostr(hex, GIT_OID_HEXSZ + 1, al_git.object_id(commit));
out:
	al_git.object_free(commit);
	al_git.object_free(obj);
	return error;
}

int airlock_project_open_git(airlock_project **out, const char *repo_path, const char *rev,
			     const airlock_options *opts)
{
	git_repository *repo = NULL;
	git_tree *tree = NULL;
	airlock_project *p = NULL;
	int error;

	if (out)
		*out = NULL;
	if (!out || !repo_path || !*repo_path)
		return al_error_set(AIRLOCK_EINVALID,
				    "airlock_project_open_git: no repository given");
	if ((error = al_options_check(opts)) < 0)
		return error;
	if ((error = al_git_init()) < 0)
		return error;
	if (!(p = calloc(1, sizeof(*p)))) {
		error = al_error_oom();
		goto out;
	}
	p->rootfd = -1;
	al_snapshot_init(&p->snap, opts ? opts->max_file_size : 0);
	if ((error = al_scan_options_init(&p->scan, opts)) < 0 ||
	    (error = al_project_git_open_repo(&repo, repo_path)) < 0 ||
	    (error = resolve_tree(&tree, p->commit, repo, rev ? rev : "HEAD")) < 0)
		goto out;
	if (!(p->path = realpath(repo_path, NULL))) {
		error = al_error_set_errno(AIRLOCK_ERROR, errno, "cannot resolve '%s'", repo_path);
		goto out;
	}
	if ((error = al_source_git_snapshot(&p->snap, repo, tree)) < 0 ||
	    (error = al_snapshot_finish(&p->snap)) < 0)
		goto out;
	/* kept (with libgit2's reference) until airlock_project_free */
	p->repo = repo;
	p->tree = tree;
	repo = NULL;
	tree = NULL;
	*out = p;
	p = NULL;
	return 0;
out:
	al_git.tree_free(tree);
	al_git.repository_free(repo);
	airlock_project_free(p);
	al_git.libgit2_shutdown();
	return error;
}

const char *airlock_project_commit(const airlock_project *p)
{
	return p->commit[0] ? p->commit : NULL;
}
