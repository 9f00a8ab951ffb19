/*
 * gate.h - the trust check shared by airlock_project_status and the loader.
 */
#ifndef AIRLOCK_API_GATE_H
#define AIRLOCK_API_GATE_H

#include "snapshot/project.h"
#include "trust/policy.h"

/*
 * Reads the project's record and decides its state (see al_trust_decide).
 * Reads bound files as bytes; parses nothing of the project. On success
 * `recorded_time`/`recorded_digest` are filled when a usable record exists
 * (empty strings otherwise). Returns 0 or AIRLOCK_ERROR (store checks, I/O).
 */
int al_gate_check(struct trust_verdict *v, char recorded_time[32],
		  char recorded_digest[SHA256_HEX_LEN + 1], airlock_project *p);

#endif
