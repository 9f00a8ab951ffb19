/*
 * vcache.h - the verdict cache: the findings of a file already scanned,
 * looked up by a key over its bytes and everything that decides how it is
 * scanned, so that an unchanged file is not scanned again at each load.
 *
 * Only the parent process reads and writes it; the scanners stay in the
 * confined child. Any doubt about the cache is a miss (the file is
 * scanned), never an error and never a pass.
 */
#ifndef AIRLOCK_SCAN_VCACHE_H
#define AIRLOCK_SCAN_VCACHE_H

#include <stdbool.h>

#include "common/hash.h"
#include "common/unittest.h"
#include "scan/report.h"
#include "snapshot/snapshot.h"

struct vcache {
	int dirfd;                     /* -1: no caching */
	char base[SHA256_HEX_LEN + 1]; /* what every key of this scan shares */
};

/* Test seam: the entries of snapshots the scans sent to the scanners (the
 * misses), counted in the parent. */
AL_SEAM(size_t, al_vcache_test_scanned, 0);

/* Opens the cache for scans with `so` under the signature set `rules_version`
 * ($AIRLOCK_CACHE_DIR, empty: off; else $XDG_CACHE_HOME/airlock/verdicts,
 * else ~/.cache/airlock/verdicts). Off with AIRLOCK_OPT_NO_CACHE, when the
 * code carries no build ID, or when the directory fails the private-directory
 * checks. Never fails; vc->dirfd is -1 when off. */
void al_vcache_open(struct vcache *vc, const struct scan_options *so, const char *rules_version);
void al_vcache_close(struct vcache *vc);

/* The key of entry `e` read as `shown` into key[]: false when it is not to
 * be cached (caching off, or the entry was not read whole: its findings
 * then depend on more than its bytes). */
bool al_vcache_key(const struct vcache *vc, const struct airlock_entry *e, const char *shown,
		   char key[SHA256_HEX_LEN + 1]);

/* The findings stored under `key` appended to `fs` and *scanned set: true.
 * false (fs untouched) on a miss or any doubt about the entry. */
bool al_vcache_get(const struct vcache *vc, const char *key, const char *shown, airlock_kind kind,
		   struct findings *fs, bool *scanned);

/* Stores file `f` (its path is `shown`) with its findings v[0..n) under
 * `key`; does nothing on any failure. */
void al_vcache_put(const struct vcache *vc, const char *key, const struct report_file *f,
		   const struct airlock_finding *v, size_t n);

/* The rules' catalogue stored for this cache (same library, build, rules
 * `version`), so that a scan with nothing to scan need not load the rules:
 * new (airlock_rules_free), or NULL on a miss or any doubt. It only
 * describes rules (ids, names, severities as written, descriptions); no
 * verdict depends on it. */
struct airlock_rules *al_vcache_catalogue_get(const struct vcache *vc, const char *version);
/* Stores `cat`; when an entry is there already, only with `replace` (the
 * caller found it unusable). */
void al_vcache_catalogue_put(const struct vcache *vc, const struct airlock_rules *cat,
			     bool replace);

#endif
