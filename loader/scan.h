/*
 * scan.h - the report: findings of a project's snapshot or of named files.
 */
#ifndef AIRLOCK_LOADER_SCAN_H
#define AIRLOCK_LOADER_SCAN_H

#include "loader/project.h"
#include "scanners/finding.h"
#include "scanners/rules.h"

struct yara_set;

struct report_file {
	char *path;
	airlock_kind kind;
	bool scanned;
};

struct airlock_report {
	struct findings fs;
	struct report_file *files;
	size_t nfiles, files_alloc;
	struct airlock_rules *rules;
	airlock_severity threshold;
	char *warning;     /* memory scans: a state file that was not used */
	size_t files_read; /* memory scans: files whose content was read */
};

int scan_report_new(airlock_report **out, const struct scan_options *so);
int scan_report_add_file(airlock_report *r, const char *path, airlock_kind kind, bool scanned);

/* The findings of one entry (reasons it was not read, then its content) into
 * `fs`, under the display name `shown`. Touches nothing but `fs`, so threads
 * may scan different entries at once. *scanned: the content was scanned. */
int scan_entry_into(struct findings *fs, bool *scanned, const struct yara_set *ys,
		    const struct snapshot *snap, const struct airlock_entry *e, const char *shown,
		    unsigned int timeout);

/* A report over the project's snapshot and, when not NULL, `extra` (memory
 * files kept outside the tree). The caller may add findings, then must call
 * findings_finish(&(*out)->fs). */
int scan_snapshots(airlock_report **out, airlock_project *p, const struct snapshot *extra);

/* Test seam: run in the sandboxed scanner before it scans (tests make it try
 * what the sandbox forbids). NULL in normal use. */
extern void (*scan_sandbox_test_hook)(void);

#endif
