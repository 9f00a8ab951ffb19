/*
 * context.h - where a signature match sits, when the place changes what it
 * means: a permissions.deny list, a flag's entry in a reference list, an
 * opt-in TOML profile, a PATH line appended to a shell start-up file.
 */
#ifndef AIRLOCK_SCANNERS_CONTEXT_H
#define AIRLOCK_SCANNERS_CONTEXT_H

#include <stdbool.h>
#include <stddef.h>

/* The match at d[start] is a string inside an array under a "deny" key (a
 * JSON permissions list): what it names is forbidden, not done. */
bool al_context_in_deny_list(const unsigned char *d, size_t len, size_t start);

/* The match is a flag in a code span that opens a list item and is then
 * explained ("- `--yolo`: ...", "* `--permission-mode X` (override with"):
 * a reference entry that describes the flag. */
bool al_context_flag_entry(const unsigned char *d, size_t len, size_t start, size_t end);

/* The match sits in a [profiles.NAME] table of a TOML file: a profile the
 * person must choose, not the default. */
bool al_context_toml_profile(const unsigned char *d, size_t start);

/* The line of the match only prepends a directory under the home folder to
 * PATH in a shell start-up file (echo 'export PATH="$HOME/.x/bin:$PATH"' >>
 * ~/.bashrc): an installer's usual step, nothing that runs. */
bool al_context_path_only(const unsigned char *d, size_t len, size_t start);

/* The match is an item of a list whose lead-in (the heading or line the
 * list hangs from) forbids: "**Will NOT**:", "## Never do this", "Avoid:".
 * The items name what is not to be done. */
bool al_context_forbidden_list(const unsigned char *d, size_t len, size_t start);

/* The instruction file at `path` (project-relative) is loaded into every
 * session: CLAUDE.md, AGENTS.md, GEMINI.md, .cursorrules, .windsurfrules,
 * copilot-instructions.md, or a Cursor rule whose front matter (d) says
 * alwaysApply: true. */
bool al_context_always_loaded(const char *path, const unsigned char *d, size_t len);

/* d[from..to) holds a word of text that discusses attacks or says what not
 * to follow ("malicious", "never run", "treat as data"), not of one that
 * gives orders. */
bool al_context_example_cue(const unsigned char *d, size_t from, size_t to);

/* The fenced code block that opens at d[fence] (its ``` line) is introduced
 * as an example: a cue (al_context_example_cue) in the three lines before
 * it ("never run this:", "a malicious hook looks like"). */
bool al_context_fence_example(const unsigned char *d, size_t fence);

#endif
