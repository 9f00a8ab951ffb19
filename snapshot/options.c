/*
 * options.c - airlock_options checked and copied into struct scan_options.
 */
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/limits.h"
#include "snapshot/options.h"

int al_scan_options_init(struct scan_options *so, const airlock_options *opts)
{
	memset(so, 0, sizeof(*so));
	so->threshold = AIRLOCK_SEVERITY_HIGH;
	so->timeout = LIMIT_SCAN_TIMEOUT_DEFAULT;
	if (!opts)
		return 0;
	if (opts->version < 1 || opts->version > AIRLOCK_OPTIONS_VERSION)
		return al_error_set(AIRLOCK_EINVALID, "airlock_options version %u is not supported",
				    opts->version);
	if (opts->version < 2)
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
	return 0;
}

void al_scan_options_clear(struct scan_options *so)
{
	free(so->signatures);
	free(so->rules_dir);
	memset(so, 0, sizeof(*so));
}
