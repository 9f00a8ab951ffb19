/*
 * options.h - the scan settings of airlock_options, copied and checked when
 * a project is opened (or a file scanned), so that later steps never see a
 * caller's struct.
 */
#ifndef AIRLOCK_SNAPSHOT_OPTIONS_H
#define AIRLOCK_SNAPSHOT_OPTIONS_H

#include <stdbool.h>

#include "airlock.h"

/* The scan settings of airlock_options, copied at open. */
struct scan_options {
	char *signatures; /* NULL: $AIRLOCK_SIGNATURES or the installed file */
	char *rules_dir;  /* NULL: none */
	unsigned int timeout;
	unsigned int flags;
	airlock_severity threshold;
	char **disabled; /* rule ids whose findings are dropped (options v3) */
	size_t ndisabled;
};

/* The one check of each options struct's version, for every call that
 * takes one: 0 for NULL or a version this library knows, else
 * AIRLOCK_EINVALID with the message set. */
int al_options_check(const airlock_options *opts);
int al_memory_options_check(const airlock_memory_options *mopts);

/* Copies the scan settings of `opts` (NULL: defaults) into `so`, checking
 * them; a field the version of `opts` does not have is never read. Free with
 * al_scan_options_clear. */
int al_scan_options_init(struct scan_options *so, const airlock_options *opts);
void al_scan_options_clear(struct scan_options *so);

/* True when findings of rule `id` are dropped (airlock_options.disabled_rules). */
bool al_scan_options_disabled(const struct scan_options *so, const char *id);

#endif
