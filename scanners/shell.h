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
int shell_scan(struct findings *fs, struct ts_parsers *ps, const struct scan_input *in,
	       const struct shell_code *c);

/* True when `name` (a program's base name) is a shell. */
bool shell_is_shell(const char *name, size_t len);

/* True when `name` is an interpreter that runs code given with -c/-e. */
bool shell_is_interpreter(const char *name, size_t len);

/* True when the path names a credential file or store (~/.ssh/, .env,
 * ~/.aws/credentials, ~/.netrc ...). */
bool shell_credential_path(const char *path);

/* True when a variable's name says it holds a secret ($GITHUB_TOKEN,
 * $AWS_SECRET_ACCESS_KEY, $DB_PASSWORD). */
bool shell_secret_name(const char *var);

/* True when the variable's vendor (GITHUB_TOKEN: github) is in `host` (a
 * lower-case host name): a vendor's token sent to the vendor. A variable
 * named after no known vendor belongs anywhere. */
bool shell_vendor_host(const char *var, const char *host);
bool shell_named_host(const char *var, const char *host);

/* True when the variable is named after a known vendor (GITHUB_, AWS_ ...). */
bool shell_foreign_vendor(const char *var);

#endif
