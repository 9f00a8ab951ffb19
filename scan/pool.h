/*
 * pool.h - scanning many entries on every core, the largest first.
 *
 * Each item is scanned by al_scan_entry_into() into its own findings, so the
 * order of the results does not depend on which thread took which file.
 * Used inside the confined scanner child (threads are created after the
 * fork).
 */
#ifndef AIRLOCK_SCAN_POOL_H
#define AIRLOCK_SCAN_POOL_H

#include <stdint.h>

#include "scan/entry.h"

struct scan_item {
	const struct snapshot *snap;
	const struct airlock_entry *e;
	const char *shown;  /* the name findings carry */
	struct findings fs; /* out */
	bool scanned;       /* out */
};

struct scan_pool_options {
	unsigned int threads; /* 0: one per core (at most LIMIT_SCAN_THREADS) */
	unsigned int timeout; /* YARA's, per file, in seconds */
	/* called under the pool's lock after each file, when not NULL and no
	 * error has happened; non-zero from it stops the pool (AIRLOCK_EUSER) */
	airlock_progress_cb progress;
	void *progress_payload;
};

/* Scans items[0..n); stops at the first error or cancel, which it returns
 * (the other items' findings may then be partial; files in flight finish). */
int al_scan_pool_run(struct scan_item *items, size_t n, const struct yara_set *ys,
		     const struct scan_pool_options *po);

#endif
