/*
 * signatures.h - finding and loading the signature set: the compiled signatures
 * from an installed file (never from a project), the user's rule sources.
 */
#ifndef AIRLOCK_SCAN_SIGNATURES_H
#define AIRLOCK_SCAN_SIGNATURES_H

#include "snapshot/options.h"
#include "scanners/catalogue.h"
#include "scanners/yara.h"

/*
 * Builds the catalogue and the YARA set for `so`. When `project` (a canonical
 * path) is given, signatures that lie inside it are refused. Both outputs are
 * new: airlock_rules_free() and al_yara_set_free(). For a scan: libcurl,
 * which the scanners' URL reading needs and their sandboxed child cannot
 * load, is loaded too (al_url_prepare).
 */
int al_rules_open(struct airlock_rules **cat, struct yara_set **ys, const struct scan_options *so,
		  const char *project);

/* As al_rules_open, for what scans nothing (the catalogue, the signature
 * version a trust record notes): libcurl is not loaded. */
int al_rules_read(struct airlock_rules **cat, struct yara_set **ys, const struct scan_options *so,
		  const char *project);

#endif
