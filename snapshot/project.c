/*
 * project.c - reading one more file of an opened project, from its directory
 * or from its commit alike, so that what configuration names is followed the
 * same way before checkout as after it.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "common/gitlib.h"

#include "common/limits.h"
#include "snapshot/project.h"
#include "snapshot/source_dir.h"
#include "snapshot/source_git.h"

int al_project_add_file(struct airlock_project *p, const char *relpath, const struct surface *s)
{
	if (!relpath || !*relpath)
		return 0;
	if (p->rootfd >= 0)
		return al_source_dir_add_file(&p->snap, p->rootfd, relpath, s);
	if (p->repo && p->tree)
		return al_source_git_add_file(&p->snap, p->repo, p->tree, relpath, s);
	return 0;
}

bool al_project_has_path(const struct airlock_project *p, const char *relpath)
{
	char path[LIMIT_PATH_BYTES + 1];
	git_tree_entry *te;
	struct stat st;
	int rc;

	if (p->rootfd >= 0)
		return !(fstatat(p->rootfd, relpath, &st, AT_SYMLINK_NOFOLLOW) < 0 &&
			 errno == ENOENT);
	if (!p->tree || !al_snapshot_clean_relpath(path, sizeof(path), relpath))
		return true;
	rc = al_git.tree_entry_bypath(&te, p->tree, path);
	if (rc == 0)
		al_git.tree_entry_free(te);
	if (rc != GIT_ENOTFOUND)
		return true;
	/* absent, unless a folder on the way is a link the tree cannot follow */
	for (char *slash = strrchr(path, '/'); slash; slash = strrchr(path, '/')) {
		*slash = '\0';
		if (al_git.tree_entry_bypath(&te, p->tree, path) == 0) {
			bool link = al_git.tree_entry_filemode(te) == GIT_FILEMODE_LINK;

			al_git.tree_entry_free(te);
			return link;
		}
	}
	return false;
}

void al_project_git_release(struct airlock_project *p)
{
	if (!p->repo)
		return;
	al_git.tree_free(p->tree);
	al_git.repository_free(p->repo);
	p->tree = NULL;
	p->repo = NULL;
	al_git.libgit2_shutdown();
}
