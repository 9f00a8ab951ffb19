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

/* al_rules_open in two steps, for a caller that needs the version before
 * (or without) the rules: the memory scan's cache. */
struct user_rules;
struct rules_source {
	unsigned char *compiled; /* the compiled signatures' bytes */
	size_t len;
	struct user_rules *user;          /* the --rules DIR sources */
	char version[SHA256_HEX_LEN + 1]; /* airlock_rules_version of what they build */
};

/* Reads the signatures and the user's rule sources and takes the version;
 * loads nothing into libyara. */
int al_rules_read(struct rules_source *src, const struct scan_options *so, const char *project);

/* The catalogue and the YARA set of what al_rules_read read. */
int al_rules_build(struct airlock_rules **cat, struct yara_set **ys,
		   const struct rules_source *src);

void al_rules_source_free(struct rules_source *src);

/* As al_rules_open, for what scans nothing (the catalogue, the signature
 * version a trust record notes): libcurl is not loaded. */
int al_rules_catalogue(struct airlock_rules **cat, struct yara_set **ys,
		       const struct scan_options *so, const char *project);

#endif
