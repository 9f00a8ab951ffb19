/*
 * source_git.h - a git commit's tree as a source of context files.
 */
#ifndef AIRLOCK_SNAPSHOT_SOURCE_GIT_H
#define AIRLOCK_SNAPSHOT_SOURCE_GIT_H

#include "common/gitlib.h"

#include "snapshot/snapshot.h"

/* Adds every context file of `tree` to `snap`, read from the object
 * database. Returns 0, or AIRLOCK_ERROR for a corrupt repository. */
int al_source_git_snapshot(struct snapshot *snap, git_repository *repo, const git_tree *tree);

/* Adds the file at `relpath` of `tree` (normalised; outside or already
 * there: nothing) as a directory's al_source_dir_add_file does: read when it
 * is a blob, its target recorded when it is a link, missing otherwise.
 * Returns 0 or AIRLOCK_ERROR. */
int al_source_git_add_file(struct snapshot *snap, git_repository *repo, const git_tree *tree,
			   const char *relpath, const struct surface *s);

/* Adds the context files git's index (.git/index, read only when it is a
 * regular file) tracks inside folders the walk prunes: a committed
 * vendor/x/CLAUDE.md is loaded by Claude Code when it works there. Each is
 * read from the working tree through the safe path. Returns 0 or
 * AIRLOCK_ERROR (memory); an unreadable index adds nothing. */
int al_source_git_index_surfaces(struct snapshot *snap, int rootfd);

/* Sets the message from libgit2's last error, prefixed by `what`; returns
 * AIRLOCK_ERROR. */
int al_source_git_error(const char *what);

/* Opens a repository at `path` exactly (no search upwards), with a push's
 * quarantined objects when run from a pre-receive hook. */
int al_project_git_open_repo(git_repository **repo, const char *path);

#endif
