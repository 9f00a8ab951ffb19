/*
 * options.c - the options structs' versions checked (the one place for
 * each), set up for language bindings, and airlock_options copied into
 * struct scan_options.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/limits.h"
#include "snapshot/options.h"

static int check_version(const char *what, unsigned int version, unsigned int newest)
{
	if (version < 1 || version > newest)
		return al_error_set(AIRLOCK_EINVALID, "%s version %u is not supported", what,
				    version);
	return 0;
}

int al_options_check(const airlock_options *opts)
{
	return opts ? check_version("airlock_options", opts->version, AIRLOCK_OPTIONS_VERSION) : 0;
}

int al_memory_options_check(const airlock_memory_options *mopts)
{
	return mopts ? check_version("airlock_memory_options", mopts->version,
				     AIRLOCK_MEMORY_OPTIONS_VERSION)
		     : 0;
}

int airlock_options_init(airlock_options *opts, unsigned int version)
{
	int error;

	if (!opts)
		return al_error_set(AIRLOCK_EINVALID, "airlock_options_init: no options");
	if ((error = check_version("airlock_options", version, AIRLOCK_OPTIONS_VERSION)) < 0)
		return error;
	/* an older struct ends where the next version began */
	memset(opts, 0,
	       version == 1   ? offsetof(airlock_options, signatures)
	       : version == 2 ? offsetof(airlock_options, disabled_rules)
	       : version == 3 ? offsetof(airlock_options, walk_progress)
			      : sizeof(*opts));
	opts->version = version;
	return 0;
}

int airlock_memory_options_init(airlock_memory_options *opts, unsigned int version)
{
	int error;

	if (!opts)
		return al_error_set(AIRLOCK_EINVALID, "airlock_memory_options_init: no options");
	if ((error = check_version("airlock_memory_options", version,
				   AIRLOCK_MEMORY_OPTIONS_VERSION)) < 0)
		return error;
	memset(opts, 0, sizeof(*opts));
	opts->version = version;
	return 0;
}

/* A rule id as the catalogue writes them: letters, digits, '_' and '-'. */
static bool rule_id_ok(const char *id)
{
	size_t n = id ? strnlen(id, LIMIT_RULE_ID_BYTES + 1) : 0;

	if (n == 0 || n > LIMIT_RULE_ID_BYTES)
		return false;
	for (; *id; id++)
		if (!((*id >= 'A' && *id <= 'Z') || (*id >= 'a' && *id <= 'z') ||
		      (*id >= '0' && *id <= '9') || *id == '_' || *id == '-'))
			return false;
	return true;
}

/* Version 3: the disabled rule ids, checked and copied. */
static int copy_disabled(struct scan_options *so, const airlock_options *opts)
{
	if (!opts->ndisabled)
		return 0;
	if (!opts->disabled_rules || opts->ndisabled > LIMIT_DISABLED_RULES)
		return al_error_set(AIRLOCK_EINVALID, "disabled rules: %zu ids %s", opts->ndisabled,
				    opts->disabled_rules ? "is over the maximum" : "but no array");
	if (!(so->disabled = calloc(opts->ndisabled, sizeof(*so->disabled))))
		return al_error_oom();
	for (size_t i = 0; i < opts->ndisabled; i++) {
		if (!rule_id_ok(opts->disabled_rules[i]))
			return al_error_set(
				AIRLOCK_EINVALID,
				"disabled rule %zu is not a rule id (letters, digits, '_' or '-', at most %d)",
				i, LIMIT_RULE_ID_BYTES);
		if (!(so->disabled[i] = strdup(opts->disabled_rules[i])))
			return al_error_oom();
		so->ndisabled = i + 1;
	}
	return 0;
}

bool al_scan_options_disabled(const struct scan_options *so, const char *id)
{
	for (size_t i = 0; i < so->ndisabled; i++)
		if (strcmp(so->disabled[i], id) == 0)
			return true;
	return false;
}

int al_scan_options_init(struct scan_options *so, const airlock_options *opts)
{
	int error;

	memset(so, 0, sizeof(*so));
	so->threshold = AIRLOCK_SEVERITY_HIGH;
	so->timeout = LIMIT_SCAN_TIMEOUT_DEFAULT;
	if ((error = al_options_check(opts)) < 0)
		return error;
	if (!opts || opts->version < 2)
		return 0; /* the fields below are not there */
	if (opts->block_threshold && (opts->block_threshold < AIRLOCK_SEVERITY_INFO ||
				      opts->block_threshold > AIRLOCK_SEVERITY_CRITICAL))
		return al_error_set(AIRLOCK_EINVALID, "block threshold %d is not a severity",
				    (int)opts->block_threshold);
	if (opts->scan_timeout > LIMIT_SCAN_TIMEOUT_MAX)
		return al_error_set(AIRLOCK_EINVALID,
				    "scan timeout %u s is over the maximum (%d s)",
				    opts->scan_timeout, LIMIT_SCAN_TIMEOUT_MAX);
	if (opts->block_threshold)
		so->threshold = opts->block_threshold;
	if (opts->scan_timeout)
		so->timeout = opts->scan_timeout;
	so->flags = opts->flags;
	if ((opts->signatures && !(so->signatures = strdup(opts->signatures))) ||
	    (opts->rules_dir && !(so->rules_dir = strdup(opts->rules_dir)))) {
		al_scan_options_clear(so);
		return al_error_oom();
	}
	if (opts->version >= 3 && (error = copy_disabled(so, opts)) < 0)
		al_scan_options_clear(so);
	return error;
}

void al_scan_options_clear(struct scan_options *so)
{
	free(so->signatures);
	free(so->rules_dir);
	for (size_t i = 0; i < so->ndisabled; i++)
		free(so->disabled[i]);
	free(so->disabled);
	memset(so, 0, sizeof(*so));
}
