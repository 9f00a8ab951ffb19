/*
 * project.h - the opened project: its directory, canonical path and snapshot.
 */
#ifndef AIRLOCK_SNAPSHOT_PROJECT_H
#define AIRLOCK_SNAPSHOT_PROJECT_H

#include <stdbool.h>

#include "snapshot/options.h"
#include "snapshot/snapshot.h"

struct git_repository;
struct git_tree;

struct airlock_project {
	int rootfd; /* the directory as opened; every later open is beneath it */
	char *path; /* canonical path of rootfd */
	/* The folder the caller named, relative to rootfd, when
	 * AIRLOCK_OPT_REPO_ROOT opened a folder above it ("src/lib"); NULL
	 * when the folder named is the project's own. */
	char *subdir;
	char *trust_dir; /* from the options; NULL: the default store */
	char commit[41]; /* a git commit's snapshot: its id; "" for a directory */
	/* a git commit's snapshot: its repository and tree, kept open so that
	 * the files configuration names are read from the same commit */
	struct git_repository *repo;
	struct git_tree *tree;
	struct snapshot snap;
	struct scan_options scan;
	airlock_report *report; /* of the last airlock_project_load; may be NULL */
	char **accepts;         /* airlock_project_accept: "RULE" or "RULE:FILE" */
	size_t naccepts;
};

/*
 * The file at `relpath` (relative, normalised; outside the project: nothing)
 * added to the snapshot from wherever the project comes from: beneath the
 * directory's descriptor, or from the commit's tree. A path already in the
 * snapshot is not added again. Returns 0 or AIRLOCK_ERROR.
 */
int al_project_add_file(struct airlock_project *p, const char *relpath, const struct surface *s);

/* True when `relpath` names something in the project (a file, a link, a
 * folder), or cannot be told: only a certain absence is false. */
bool al_project_has_path(const struct airlock_project *p, const char *relpath);

/* Frees a git snapshot's repository and tree (and libgit2's reference). */
void al_project_git_release(struct airlock_project *p);

#endif
