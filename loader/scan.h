/*
 * scan.h - the report: findings of a project's snapshot or of named files.
 */
#ifndef AIRLOCK_LOADER_SCAN_H
#define AIRLOCK_LOADER_SCAN_H

#include "loader/project.h"
#include "scanners/finding.h"
#include "scanners/rules.h"

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
};

/* A report over the project's snapshot and, when not NULL, `extra` (memory
 * files kept outside the tree). The caller may add findings, then must call
 * findings_finish(&(*out)->fs). */
int scan_snapshots(airlock_report **out, airlock_project *p, const struct snapshot *extra);

/* Test seam: run in the sandboxed scanner before it scans (tests make it try
 * what the sandbox forbids). NULL in normal use. */
extern void (*scan_sandbox_test_hook)(void);

#endif
