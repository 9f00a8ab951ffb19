/*
 * report.h - the report: findings of a project's snapshot or of named files,
 * the files they came from, and the signature set that found them.
 */
#ifndef AIRLOCK_SCAN_REPORT_H
#define AIRLOCK_SCAN_REPORT_H

#include "snapshot/options.h"
#include "scanners/finding.h"
#include "scanners/catalogue.h"

struct yara_set;

struct report_file {
	char *path;
	airlock_kind kind;
	bool scanned;
	/* On the wire: how many of the report's findings, in order, are this
	 * file's (the verdict cache stores them per file); 0 says nothing. */
	size_t nfindings;
};

struct airlock_report {
	struct findings fs;
	struct report_file *files;
	size_t nfiles, files_alloc;
	struct airlock_rules *rules;
	airlock_severity threshold;
	char *warning; /* memory scans: a state file that was not used */
	/* memory scans: files whose content was read (scanned, or found
	 * binary), carried over unread, and neither scanned nor carried over */
	size_t files_read, files_unchanged, files_skipped;
};

int al_scan_report_new(airlock_report **out, const struct scan_options *so);
int al_scan_report_add_file(airlock_report *r, const char *path, airlock_kind kind, bool scanned);

/* The one last step of every report: drops the findings of the rules `so`
 * disables (airlock_options.disabled_rules), then deduplicates and sorts
 * (al_findings_finish). */
void al_scan_report_finish(airlock_report *r, const struct scan_options *so);

#endif
