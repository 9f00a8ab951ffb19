/*
 * shell.h - what a command line does, from its bash syntax tree: secrets
 * read, network sinks, flows from one to the other, download-and-execute,
 * persistence, reverse shells, destruction.
 *
 * The command may be a piece of a larger file (a JSON string, a Markdown
 * line): every finding is placed at the byte of the original file the
 * command's byte came from.
 */
#ifndef AIRLOCK_SCANNERS_SHELL_H
#define AIRLOCK_SCANNERS_SHELL_H

#include "scanners/finding.h"
#include "scanners/tsparse.h"

/* One command string and where its bytes came from. */
struct shell_code {
	const char *code; /* borrowed; need not be NUL-terminated */
	size_t len;
	const size_t *map; /* code[i] came from in->data[map[i]]; NULL: from base + i */
	size_t base;
	const char *what; /* "hook command", "script": for messages */
	int lower;        /* severity levels to take off (quoted in documentation) */
	int depth;        /* nesting of `sh -c` (0 at the top) */
};

/*
 * Adds to `fs` the findings of one command string of `in`. A command that
 * does not parse is a finding, and the rest of its tree is still analysed;
 * an input over a parse limit is a finding. Returns 0 or AIRLOCK_ERROR.
 */
int al_shell_scan(struct findings *fs, struct ts_parsers *ps, const struct scan_input *in,
		  const struct shell_code *c);

#endif
