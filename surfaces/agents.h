/*
 * agents.h - the agents of the files table and the programs that start them.
 */
#ifndef AIRLOCK_SURFACES_AGENTS_H
#define AIRLOCK_SURFACES_AGENTS_H

#include <stddef.h>

#include "airlock.h"

struct agent_row {
	const char *agent;   /* as the files table names it */
	const char *program; /* its command-line program, or NULL (an editor) */
};

extern const struct agent_row al_agent_rows[];
extern const size_t al_agent_row_count;

/* The row of `agent`, or NULL. */
const struct agent_row *al_agent_row(const char *agent);

#endif
