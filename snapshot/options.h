/*
 * options.h - the scan settings of airlock_options, copied and checked when
 * a project is opened (or a file scanned), so that later steps never see a
 * caller's struct.
 */
#ifndef AIRLOCK_SNAPSHOT_OPTIONS_H
#define AIRLOCK_SNAPSHOT_OPTIONS_H

#include "airlock.h"

/* The scan settings of airlock_options, copied at open. */
struct scan_options {
	char *signatures; /* NULL: $AIRLOCK_SIGNATURES or the installed file */
	char *rules_dir;  /* NULL: none */
	unsigned int timeout;
	unsigned int flags;
	airlock_severity threshold;
};

/* The one check of each options struct's version, for every call that
 * takes one: 0 for NULL or a version this library knows, else
 * AIRLOCK_EINVALID with the message set. */
int al_options_check(const airlock_options *opts);
int al_memory_options_check(const airlock_memory_options *mopts);

/* Copies the scan settings of `opts` (NULL: defaults) into `so`, checking
 * them. Free with al_scan_options_clear. */
int al_scan_options_init(struct scan_options *so, const airlock_options *opts);
void al_scan_options_clear(struct scan_options *so);

#endif
