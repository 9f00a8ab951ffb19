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
	struct snapshot snap;
};

#endif
