/*
 * code.h - fenced Python and JavaScript in an instruction file, judged from
 * their syntax trees by the ideas of the shell analysis: a credential file,
 * the whole environment or a secret variable that reaches a network call;
 * downloaded or decoded text that is run; a socket handed to a shell; writes
 * to the files that start programs; the home or root folder deleted.
 * Commands the code runs (os.system, subprocess, child_process) are handed
 * to scanners/shell.c.
 */
#ifndef AIRLOCK_SCANNERS_CODE_H
#define AIRLOCK_SCANNERS_CODE_H

#include "scanners/finding.h"
#include "scanners/tsparse.h"

/* One fence's code and where it sits in the file. */
struct code_fence {
	const char *code; /* borrowed, in->data + base */
	size_t len;
	size_t base;       /* offset of code[0] in the file */
	enum ts_grammar g; /* TS_PYTHON or TS_JAVASCRIPT */
	int lower;         /* severity levels to take off */
};

/*
 * Adds the findings of one fence to `fs`. Code that does not parse is not a
 * finding (documentation holds fragments and pseudo-code): what its tree
 * holds is judged. A fence over LIMIT_CODE_BYTES or a parse limit is one
 * finding (AL203) and is not analysed. Returns 0 or AIRLOCK_ERROR.
 */
int al_code_scan(struct findings *fs, struct ts_parsers *ps, const struct scan_input *in,
		 const struct code_fence *c);

#endif
