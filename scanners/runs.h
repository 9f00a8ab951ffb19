/*
 * runs.h - what a command runs, from its bash syntax tree, with the shell's
 * semantics: the project files it executes (scripts, sourced files, the file
 * that defines a task it runs), and what it runs that cannot be pinned.
 *
 * Fails closed: every program word is either resolved (a program looked up
 * in PATH, a file outside the project, or a file inside it, reported) or
 * reported as unbound with the reason in plain words. Buffers only: the
 * caller reads the files (package.json's scripts) and calls back in.
 */
#ifndef AIRLOCK_SCANNERS_RUNS_H
#define AIRLOCK_SCANNERS_RUNS_H

#include <stdbool.h>
#include <stddef.h>

#include "scanners/tsparse.h"

enum al_run_kind {
	AL_RUN_FILE,   /* path: a project file the command executes or reads as code */
	AL_RUN_TASK,   /* path: a package.json; task: the script of it that runs */
	AL_RUN_UNBOUND /* why: what runs that airlock cannot pin */
};

struct al_run {
	enum al_run_kind kind;
	const char *path;    /* project-relative, normalized */
	const char *task;    /* AL_RUN_TASK */
	const char *command; /* the simple command, quoted for messages (cut) */
	const char *why;     /* AL_RUN_UNBOUND */
	int depth;           /* nesting of the command (pass depth + 1 to follow a task) */
	bool optional;       /* AL_RUN_FILE: read when it exists (a Makefile, package.json) */
};

struct al_runs {
	struct ts_parsers *ps;
	void (*fn)(void *arg, const struct al_run *r);
	void *arg;
	size_t steps;
	bool optional; /* while reporting a file looked up only when it exists */
	int error;     /* AIRLOCK_ERROR (memory) once set */
};

/*
 * Reports through rs->fn what the shell command `code` runs when started in
 * the project folder `base` ("" for the root). Returns 0 or AIRLOCK_ERROR.
 */
int al_runs_shell(struct al_runs *rs, const char *code, size_t len, const char *base, int depth);

/* The same for a program started with an argument vector (no shell between:
 * words are taken as they are, only the editors' ${workspaceFolder} is
 * expanded). */
int al_runs_argv(struct al_runs *rs, const char *const *argv, size_t n, const char *base,
		 int depth);

#endif
