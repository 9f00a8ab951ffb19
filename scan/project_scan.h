/*
 * project_scan.h - scanning a project's snapshot (and memory files kept
 * outside it) into a report, in the confined scanner child.
 */
#ifndef AIRLOCK_SCAN_PROJECT_SCAN_H
#define AIRLOCK_SCAN_PROJECT_SCAN_H

#include "common/unittest.h"
#include "scan/report.h"
#include "snapshot/project.h"

/* A report over the project's snapshot and, when not NULL, `extra` (memory
 * files kept outside the tree). The caller may add findings, then must call
 * al_findings_finish(&(*out)->fs). */
int al_scan_snapshots(airlock_report **out, airlock_project *p, const struct snapshot *extra);

/* Test seam: run in the sandboxed scanner before it scans (tests make it try
 * what the sandbox forbids). NULL in normal use. */
typedef void (*al_test_hook)(void);
AL_SEAM(al_test_hook, al_scan_sandbox_test_hook, NULL);

#endif
