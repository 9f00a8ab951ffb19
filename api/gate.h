/*
 * gate.h - the trust check shared by airlock_project_status and the loader.
 */
#ifndef AIRLOCK_API_GATE_H
#define AIRLOCK_API_GATE_H

#include "snapshot/project.h"
#include "scan/report.h"
#include "trust/policy.h"
#include "trust/record.h"

/*
 * Reads the project's record and decides its state (see al_trust_decide).
 * Reads bound files as bytes; parses nothing of the project. On success
 * `rec` holds the usable record (zeroed when there is none: rec->path is
 * NULL); clear it with al_trust_record_clear in every case. Returns 0 or
 * AIRLOCK_ERROR (store checks, I/O).
 */
int al_gate_check(struct trust_verdict *v, struct trust_record *rec, airlock_project *p);

/* Marks each finding of `r` that `rec` accepted: its rule, in a file of the
 * snapshot (or `extra`) that holds the bytes the decision saw. */
void al_gate_mark_accepted(airlock_report *r, const struct trust_record *rec,
			   const struct snapshot *snap, const struct snapshot *extra);

#endif
