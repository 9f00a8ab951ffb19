/*
 * policy.h - the one function that decides a project's trust state.
 *
 * Pure: it looks at a record (or its absence or problem) and the current
 * executable files, and returns the state with its reasons. The library, the
 * CLI and the loader all ask it; nobody decides "trusted" anywhere else.
 */
#ifndef AIRLOCK_TRUST_POLICY_H
#define AIRLOCK_TRUST_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#include "trust/record.h"

/* One executable file as it is now: path, hash ("" when unread), reasons. */
struct trust_current {
	const char *path;
	const char *sha256;
	unsigned int reasons;
};

struct trust_diff {
	char *path;
	airlock_change change;
};

struct trust_verdict {
	airlock_state state;
	char reason[512];
	struct trust_diff *changes; /* CHANGED only, in path order */
	size_t nchanges;
};

/*
 * Decides. `rec` is NULL when there is no usable record, and then `problem`
 * (may be NULL) says why. `current` is sorted by path. Returns 0 or
 * AIRLOCK_ERROR (out of memory); free the verdict with al_trust_verdict_clear.
 */
int al_trust_decide(struct trust_verdict *out, const struct trust_record *rec, const char *problem,
		    const char *project, const char *digest, const struct trust_current *current,
		    size_t ncurrent);

void al_trust_verdict_clear(struct trust_verdict *v);

#endif
