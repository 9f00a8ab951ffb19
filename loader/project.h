/*
 * project.h - the opened project: its directory, canonical path and snapshot.
 */
#ifndef AIRLOCK_LOADER_PROJECT_H
#define AIRLOCK_LOADER_PROJECT_H

#include "loader/snapshot.h"

struct airlock_project {
	int rootfd;      /* the directory as opened; every later open is beneath it */
	char *path;      /* canonical path of rootfd */
	char *trust_dir; /* from the options; NULL: the default store */
	char commit[41]; /* a git commit's snapshot: its id; "" for a directory */
	struct snapshot snap;
};

/* AIRLOCK_EINVALID (message set) when the project is a git commit's snapshot:
 * trust decisions and loading are for directories an agent opens. */
int project_require_dir(const airlock_project *p, const char *what);

#endif
