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

/* The two steps of al_rules_open, for a caller that may need only the
 * version: al_rules_read opens the compiled signatures, reads the user's
 * sources and computes the version without keeping the compiled bytes
 * (*out new: al_rules_source_free); al_rules_compile reads them from the
 * same descriptor, refuses them unless they still have that version, and
 * builds the catalogue and the YARA set. Compile at most once per source. */
struct rules_source;
int al_rules_read(struct rules_source **out, const struct scan_options *so, const char *project);
const char *al_rules_source_version(const struct rules_source *src);
int al_rules_compile(struct airlock_rules **cat, struct yara_set **ys, struct rules_source *src);
void al_rules_source_free(struct rules_source *src);

/* AIRLOCK_EINVALID (message set) when `so` disables a rule that is not in
 * the catalogue; else 0. */
int al_rules_check_disabled(const struct airlock_rules *cat, const struct scan_options *so);

/* As al_rules_open, for what scans nothing (the catalogue, the signature
 * version a trust record notes): libcurl is not loaded. */
int al_rules_catalogue(struct airlock_rules **cat, struct yara_set **ys,
		       const struct scan_options *so, const char *project);

#endif
