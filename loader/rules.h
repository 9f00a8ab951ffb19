/*
 * rules.h - finding and loading the signature set: the compiled signatures
 * from an installed file (never from a project), the user's rule sources.
 */
#ifndef AIRLOCK_LOADER_RULES_H
#define AIRLOCK_LOADER_RULES_H

#include "loader/project.h"
#include "scanners/rules.h"
#include "scanners/yara.h"

/*
 * Builds the catalogue and the YARA set for `so`. When `project` (a canonical
 * path) is given, signatures that lie inside it are refused. Both outputs are
 * new: airlock_rules_free() and yara_set_free().
 */
int rules_open(struct airlock_rules **cat, struct yara_set **ys, const struct scan_options *so,
	       const char *project);

#endif
