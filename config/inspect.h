/*
 * inspect.h - what a project's executable configuration would do: hooks,
 * MCP servers, env overrides, helpers and permission rules, read from the
 * snapshot's bytes for a person to review. Inspection never runs anything.
 */
#ifndef AIRLOCK_CONFIG_INSPECT_H
#define AIRLOCK_CONFIG_INSPECT_H

#include "snapshot/project.h"

struct inspect_item {
	char *file;
	airlock_item_type type;
	char *name, *value;
	bool blocks; /* an unbound entry, or a file not understood: trust refuses */
};

struct airlock_inspection {
	struct inspect_item *items;
	size_t count;
};

/* The pseudo-surface of files that configuration names as programs to run
 * (a hook's script, an MCP server's entry point). */
extern const struct surface al_inspect_program_surface;

/*
 * Inspects every executable JSON file of the project. With `bind_programs`,
 * each project file a hook, helper or MCP server would run is added to the
 * snapshot (read once, or recorded missing) so that trust covers it; the
 * caller re-finishes the snapshot. Returns 0 or AIRLOCK_ERROR (memory, I/O).
 */
int al_inspect_project(struct airlock_inspection *out, airlock_project *p, bool bind_programs);

/* Only the instruction files configuration names, added to the snapshot:
 * no command is analysed (load, after the gate bound the programs from the
 * record; tree-sitter aborts when memory runs out, the load must not). */
int al_inspect_named_files(airlock_project *p);

void al_inspect_clear(struct airlock_inspection *in);

/* What one command line runs, for tests: calls fn with each project file it
 * runs ("package.json:test" for a task) and, with `unbound`, each reason
 * something it runs cannot be pinned. */
void al_inspect_command_programs(const char *command,
				 void (*fn)(void *arg, const char *path, bool unbound), void *arg);

/* The first item that keeps trust from being recorded (an unbound entry or
 * a file not understood), or NULL. */
const struct inspect_item *al_inspect_blocking(const struct airlock_inspection *in);

#endif
