/*
 * mdchunks.h - the parts of a Markdown file worth a syntax tree.
 *
 * tree-sitter-markdown parses at a few MB/s; most of an instruction file is
 * prose the signatures judge on their own. A line scan splits the file into
 * runs of lines separated by blank lines (a blank line inside a fence, an
 * HTML comment, a raw HTML block or front matter does not split), and keeps
 * the runs holding something a structural check looks for (see al_md_wanted), a
 * fence or front matter.
 * Each kept run ends with the blank line after it, so that runs parsed
 * together stay separate blocks; a fence is a run of its own, always kept
 * when it is a shell fence, or a Python or JavaScript fence with a name
 * the code analysis needs (al_code_wanted), otherwise kept
 * like any run (where this scan and CommonMark disagree on a fence's end,
 * tree-sitter still sees what it holds).
 */
#ifndef AIRLOCK_SCANNERS_MDCHUNKS_H
#define AIRLOCK_SCANNERS_MDCHUNKS_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

#include "common/unittest.h"

/* The language a fence's code is analysed in, from its info string (what
 * follows the ``` or ~~~): shell for sh, bash, shell, zsh or no language;
 * Python for python, py, python3; JavaScript for javascript, js, node, mjs,
 * cjs, nodejs; configuration for json, jsonc, yaml, yml (the commands its
 * "run:", "cmd" or "command" values hold); other languages are not
 * analysed. */
enum md_fence {
	MD_FENCE_OTHER,
	MD_FENCE_SHELL,
	MD_FENCE_PYTHON,
	MD_FENCE_JAVASCRIPT,
	MD_FENCE_CONFIG
};

/* The runs of `buf` to parse, in order: *out is new (free() it; NULL when
 * *n is 0). Returns 0 or AIRLOCK_ERROR. */
int al_md_chunks(TSRange **out, unsigned int *n, const char *buf, size_t len);

/* A fenced code block found for sure by the line scan (at the left margin,
 * outside an HTML block), in byte offsets of the file: the opening line, and
 * the code between the fences (the closing fence's line excluded; to the
 * end of the file when it has none), read in `lang`. */
struct md_code {
	size_t line;
	size_t start, len;
	enum md_fence lang;
	/* Its two fence lines stay in the runs to parse, as an empty fence
	 * that keeps the runs around it apart: the index of the run that
	 * ends with the opening line (the next one starts with the closing
	 * line), or UINT_MAX when there is no closing line. */
	unsigned int opening_run;
};

/* al_md_chunks, where the fences whose code an analysis reads and that
 * the scan finds for sure are not runs to parse but *code (new, free() it;
 * NULL when *ncode is 0), in order. */
int al_md_split(TSRange **out, unsigned int *n, struct md_code **code, unsigned int *ncode,
		const char *buf, size_t len);

/* True when t[0..len) may hold something a structural check of markdown.c
 * acts on (<details> or a hiding tag, a link with no text, an image, a
 * !`command`, or an HTML comment or link reference definition when the text
 * gives orders); false is certain. Fences and front matter are found by
 * al_md_chunks itself. */
bool al_md_wanted(const char *t, size_t len);

/* Test seam (internal, not exported): every run is kept, every fence too,
 * as if each held something to check. The analysis must find the same with
 * it as without; tests compare. */
AL_SEAM(bool, al_md_keep_everything, false);

enum md_fence al_md_fence_language(const char *info, size_t len);

/* al_md_fence_language(info, len) == MD_FENCE_SHELL */
bool al_md_shell_fence(const char *info, size_t len);

/* Whether t[0..n) is a key whose value a configuration fence runs as a
 * command: "run", "cmd", "command", "script", "exec", "shell". */
bool al_md_command_key(const char *t, size_t n);

/* Whether configuration text names one of those keys followed by a
 * colon. */
bool al_md_config_commands(const char *t, size_t len);

#endif
