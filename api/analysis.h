/*
 * analysis.h - the one analysis behind scan, clone, the server hook and
 * trust: follow what configuration runs, then scan everything.
 */
#ifndef AIRLOCK_API_ANALYSIS_H
#define AIRLOCK_API_ANALYSIS_H

#include "config/inspect.h"
#include "scan/report.h"
#include "snapshot/project.h"

/* Inspects the project binding the programs it runs (the snapshot grows and
 * is finished again), scans it, and adds AL422 for each unbound entry. On
 * success *out is a finished report and *in the inspection (clear it with
 * al_inspect_clear); on error both are empty. */
int al_analysis_run(airlock_report **out, struct airlock_inspection *in, airlock_project *p);

#endif
