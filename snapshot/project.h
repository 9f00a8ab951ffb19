/*
 * project.h - the opened project: its directory, canonical path and snapshot.
 */
#ifndef AIRLOCK_SNAPSHOT_PROJECT_H
#define AIRLOCK_SNAPSHOT_PROJECT_H

#include "snapshot/options.h"
#include "snapshot/snapshot.h"

struct airlock_project {
	int rootfd; /* the directory as opened; every later open is beneath it */
	char *path; /* canonical path of rootfd */
	/* The folder the caller named, relative to rootfd, when
	 * AIRLOCK_OPT_REPO_ROOT opened a folder above it ("src/lib"); NULL
	 * when the folder named is the project's own. */
	char *subdir;
	char *trust_dir; /* from the options; NULL: the default store */
	char commit[41]; /* a git commit's snapshot: its id; "" for a directory */
	struct snapshot snap;
	struct scan_options scan;
	airlock_report *report; /* of the last airlock_project_load; may be NULL */
};

#endif
