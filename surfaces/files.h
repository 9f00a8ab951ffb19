/*
 * files.h - the table of files that count as an agent's persistent
 * context: path pattern -> agent, kind, class.
 */
#ifndef AIRLOCK_SURFACES_FILES_H
#define AIRLOCK_SURFACES_FILES_H

#include <stdbool.h>

#include "airlock.h"
#include "surfaces/keys.h"

struct surface {
	const char *pattern; /* '/'-separated; '*' within a name, '**' any depth
			      * (at most two '**' per pattern; paths are at most
			      * LIMIT_WALK_DEPTH deep, so matching stays bounded) */
	const char *agent;
	airlock_kind kind;  /* the kind, or the fallback when by_extension */
	bool by_extension;  /* a folder of mixed files: kind from the extension */
	airlock_class cls;  /* by_extension rows: a script is executable */
	enum schema schema; /* what the file's keys or front matter mean (keys.h) */
};

/* The first row whose pattern matches the relative path, or NULL. Rows are
 * ordered so that the more specific row comes first. */
const struct surface *al_surface_match(const char *relpath);

/* As al_surface_match, ignoring ASCII case the way macOS's and Windows's
 * file systems (and Crush) do; *variant is set when the path matched only
 * that way (".Claude/settings.json", "Claude.md"). */
const struct surface *al_surface_match_fold(const char *relpath, bool *variant);

/* The quick test the walk makes before the table (derived from it):
 * al_surface_dir_plain is true when no row can match a path below the
 * folder `reldir` (not the root, "") but by its last name alone, i.e. the
 * folder lies outside every surface folder (".claude", ".github/prompts",
 * a nested ".claude" or ".cursor"); in such a folder a name for which
 * al_surface_name_may_match is false ("main.c", "index.js") matches no row,
 * ignoring case or not, and needs no further look. */
bool al_surface_dir_plain(const char *reldir);
bool al_surface_name_may_match(const char *name);

/* The kind of `relpath` under row `s` (resolving by_extension rows). */
airlock_kind al_surface_kind(const struct surface *s, const char *relpath);

/* The class of `relpath` under row `s`: the row's, except that a script in a
 * folder of mixed files (a skill's scripts/) is executable. */
airlock_class al_surface_class(const struct surface *s, const char *relpath);

/* True when the folder at `reldir` is not walked: a vendored or tool-owned
 * tree (al_surface_skip_dir), unless it lies inside a folder the table reads
 * whole (".claude/hooks/node_modules" is walked). ".git" is never walked. */
bool al_surface_skip_path(const char *reldir);

/* When a directory at `reldir` holds context files through a literal
 * (non-'**'-prefixed) pattern, e.g. ".claude" or ".github/prompts", the row
 * that names it (an executable-class row when there is one); else NULL. A
 * symlink at such a path is recorded instead of being skipped silently. */
const struct surface *al_surface_anchor(const char *reldir);

/* True for directory names whose trees are vendored or tool-owned and are
 * not searched for nested context files (".git", "node_modules", ...). */
bool al_surface_skip_dir(const char *name);

/* Glob match of `path` against `pattern` ('*' does not cross '/'; a '**'
 * component matches zero or more whole components). Exposed for tests. */
bool al_surface_glob(const char *pattern, const char *path);
/* The same ignoring ASCII case (al_surface_match_fold's test of one row). */
bool al_surface_glob_fold(const char *pattern, const char *path);

/* The whole table, for listings and tests. */
const struct surface *al_surface_table(size_t *count);

#endif
