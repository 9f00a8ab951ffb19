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

#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

#include "common/unittest.h"

/* The runs of `buf` to parse, in order: *out is new (free() it; NULL when
 * *n is 0). Returns 0 or AIRLOCK_ERROR. */
int al_md_chunks(TSRange **out, unsigned int *n, const char *buf, size_t len);

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

/* The language a fence's code is analysed in, from its info string (what
 * follows the ``` or ~~~): shell for sh, bash, shell, zsh or no language;
 * Python for python, py, python3; JavaScript for javascript, js, node, mjs,
 * cjs, nodejs; other languages are not analysed. */
enum md_fence { MD_FENCE_OTHER, MD_FENCE_SHELL, MD_FENCE_PYTHON, MD_FENCE_JAVASCRIPT };

enum md_fence al_md_fence_language(const char *info, size_t len);

/* al_md_fence_language(info, len) == MD_FENCE_SHELL */
bool al_md_shell_fence(const char *info, size_t len);

#endif
