/*
 * project_open.h - what the public entry points share about an opened project.
 */
#ifndef AIRLOCK_API_PROJECT_OPEN_H
#define AIRLOCK_API_PROJECT_OPEN_H

#include "snapshot/project.h"

/* AIRLOCK_EINVALID (message set) when the project is a git commit's snapshot:
 * trust decisions and loading are for directories an agent opens. */
int al_project_require_dir(const airlock_project *p, const char *what);

#endif
