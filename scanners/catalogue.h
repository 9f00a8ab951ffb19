/*
 * catalogue.h - the rule catalogue: every rule a scan can report, with the same
 * fields whether it is a check written in C (built-in) or a YARA signature
 * (its meta: block).
 */
#ifndef AIRLOCK_SCANNERS_CATALOGUE_H
#define AIRLOCK_SCANNERS_CATALOGUE_H

#include <stddef.h>

#include "airlock.h"
#include "common/hash.h"

struct airlock_rule {
	char *id, *name, *category, *confidence, *description;
	airlock_severity severity;
	const char *source; /* "builtin", "signature", "user" */
};

struct airlock_rules {
	struct airlock_rule *v;
	size_t count, alloc;
	char version[SHA256_HEX_LEN + 1];
};

/* A check written in C. */
struct al_builtin_rule {
	const char *id, *name, *category;
	airlock_severity severity;
	const char *confidence, *description;
};

/* The built-in rule `id` ("AL501"); NULL when there is none. */
const struct al_builtin_rule *al_builtin_rule(const char *id);

/* Adds one rule (strings copied). A second rule with an id already present is
 * refused: ids are how findings are suppressed and explained. */
int al_rules_add(struct airlock_rules *r, const char *id, const char *name, const char *category,
		 airlock_severity severity, const char *confidence, const char *description,
		 const char *source);

/* Adds every built-in rule. */
int al_rules_add_builtins(struct airlock_rules *r);

/* Sorts by id. */
void al_rules_sort(struct airlock_rules *r);

void al_rules_clear(struct airlock_rules *r);

#endif
