/*
 * entry.h - scanning one entry of a snapshot into a list of findings.
 */
#ifndef AIRLOCK_SCAN_ENTRY_H
#define AIRLOCK_SCAN_ENTRY_H

#include <stdbool.h>

#include "scanners/finding.h"
#include "snapshot/snapshot.h"

struct yara_set;

/* The findings of one entry (reasons it was not read, then its content) into
 * `fs`, under the display name `shown`. Touches nothing but `fs`, so threads
 * may scan different entries at once. *scanned: the content was scanned. */
int al_scan_entry_into(struct findings *fs, bool *scanned, const struct yara_set *ys,
		       const struct snapshot *snap, const struct airlock_entry *e,
		       const char *shown, unsigned int timeout);

/* The name an entry's findings carry: its path, escaped when it is not valid
 * UTF-8 (then new: free it with al_scan_shown_free), "." for the root. NULL when
 * out of memory. */
const char *al_scan_shown_name(const struct airlock_entry *e);
void al_scan_shown_free(const struct airlock_entry *e, const char *shown);

#endif
