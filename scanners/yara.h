/*
 * yara.h - the signatures: compiled rules loaded from bytes (never compiled
 * at run time), the user's own rule sources compiled with includes disabled,
 * and scans of a buffer or of its normalized view.
 */
#ifndef AIRLOCK_SCANNERS_YARA_H
#define AIRLOCK_SCANNERS_YARA_H

#include "scanners/finding.h"
#include "scanners/catalogue.h"
#include "scanners/unicode.h"

struct yara_set;

/* A user rule source: a display name and NUL-terminated text. */
struct rule_source {
	const char *name;
	const char *text;
};

/*
 * Loads the compiled signatures from `compiled` and compiles `user` sources;
 * adds every rule to `catalog` (meta: id, category, severity, confidence,
 * description). A compiled rule without an id is an error; a user rule
 * without one is named by its identifier. `catalog` is borrowed and must
 * outlive the set. *out is new: al_yara_set_free().
 */
int al_yara_set_load(struct yara_set **out, struct airlock_rules *catalog,
		     const unsigned char *compiled, size_t len, const struct rule_source *user,
		     size_t nuser);

void al_yara_set_free(struct yara_set *ys);

/*
 * Scans `in` (or, when `nv` is given, its normalized view, reporting matches
 * at their original positions; a match the view adds where it undid hiding
 * is raised one severity: hiding an attack makes it worse; one it adds only
 * because of syntax, such as JSON's "\/", is not). A YARA error or timeout is
 * returned as AIRLOCK_ERROR: never a clean result.
 */
int al_yara_set_scan(const struct yara_set *ys, struct findings *fs, const struct scan_input *in,
		     const struct norm_view *nv, int timeout);

#endif
