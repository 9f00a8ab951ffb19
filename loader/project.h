/*
 * project.h - the opened project: its directory, canonical path and snapshot.
 */
#ifndef AIRLOCK_LOADER_PROJECT_H
#define AIRLOCK_LOADER_PROJECT_H

#include "loader/snapshot.h"

/* The scan settings of airlock_options, copied at open. */
struct scan_options {
	char *signatures; /* NULL: $AIRLOCK_SIGNATURES or the installed file */
	char *rules_dir;  /* NULL: none */
	unsigned int timeout;
	unsigned int flags;
	airlock_severity threshold;
};

struct airlock_project {
	int rootfd;      /* the directory as opened; every later open is beneath it */
	char *path;      /* canonical path of rootfd */
	char *trust_dir; /* from the options; NULL: the default store */
	char commit[41]; /* a git commit's snapshot: its id; "" for a directory */
	struct snapshot snap;
	struct scan_options scan;
	airlock_report *report; /* of the last airlock_project_load; may be NULL */
};

/* AIRLOCK_EINVALID (message set) when the project is a git commit's snapshot:
 * trust decisions and loading are for directories an agent opens. */
int project_require_dir(const airlock_project *p, const char *what);

/* Copies the scan settings of `opts` (NULL: defaults) into `so`, checking
 * them. Free with scan_options_clear. */
int scan_options_init(struct scan_options *so, const airlock_options *opts);
void scan_options_clear(struct scan_options *so);

#endif
