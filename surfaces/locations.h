/*
 * locations.h - where agents keep instructions outside a project: the user's own
 * files and memory folders under $HOME. One table, read by the gated load
 * (a project's memory) and by the scheduled memory scan (every location).
 */
#ifndef AIRLOCK_SURFACES_LOCATIONS_H
#define AIRLOCK_SURFACES_LOCATIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "surfaces/files.h"

/* A path relative to $HOME; a "*" component stands for a project (the load
 * puts in the project path with every character but letters and digits
 * replaced by '-', Claude Code's naming; the memory scan takes every folder
 * there). `load`: the gated load reads it too. */
struct memory_row {
	const char *agent;
	const char *path;
	bool dir;
	bool load;
};

extern const struct memory_row al_memory_rows[];
extern const size_t al_memory_row_count;

/* Every memory file is instructions, read as Markdown. */
const struct surface *al_memory_surface(const char *agent);

/* The instruction files agents read in a folder above the project (and in
 * $HOME when an agent starts there): CLAUDE.md, AGENTS.md, GEMINI.md... */
extern const char *const al_folder_instruction_files[];
extern const size_t al_folder_instruction_file_count;

/* Expands the "*" of `pattern` with `project` (Claude Code's slug). Returns
 * 0 or -1 when it does not fit. */
int al_memory_expand(char *out, size_t size, const char *pattern, const char *project);

#endif
