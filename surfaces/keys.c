/*
 * keys.c - the table of settings keys that run a helper program, data not
 * code: a key the agents learn is one row (and one airlock_helper value at
 * the end of the enum), and trust, the typed configuration, the scan and the
 * CLI all know it.
 */
#include <string.h>

#include "surfaces/keys.h"

/* clang-format off */
const struct helper_key al_helper_keys[] = {
	{ AIRLOCK_HELPER_API_KEY, "apiKeyHelper", HELPER_STRING, HELPER_SETTINGS, true,
	  "prints the API key" },
	{ AIRLOCK_HELPER_STATUS_LINE, "statusLine", HELPER_OBJECT, HELPER_SETTINGS, false,
	  "status line command" },
	{ AIRLOCK_HELPER_OTEL_HEADERS, "otelHeadersHelper", HELPER_STRING, HELPER_SETTINGS, true,
	  "prints OpenTelemetry headers" },
	{ AIRLOCK_HELPER_AWS_AUTH_REFRESH, "awsAuthRefresh", HELPER_STRING, HELPER_SETTINGS, true,
	  "refreshes AWS credentials" },
	{ AIRLOCK_HELPER_AWS_CREDENTIAL_EXPORT, "awsCredentialExport", HELPER_STRING,
	  HELPER_SETTINGS, true, "prints AWS credentials" },
	{ AIRLOCK_HELPER_GCP_AUTH_REFRESH, "gcpAuthRefresh", HELPER_STRING, HELPER_SETTINGS, true,
	  "refreshes Google Cloud credentials" },
	{ AIRLOCK_HELPER_MCP_HEADERS, "headersHelper", HELPER_STRING, HELPER_MCP_SERVER, true,
	  "prints an MCP server's request headers" },
};
/* clang-format on */

const size_t al_helper_key_count = sizeof(al_helper_keys) / sizeof(al_helper_keys[0]);

_Static_assert(sizeof(al_helper_keys) / sizeof(al_helper_keys[0]) == HELPER_LAST,
	       "one row per airlock_helper");

const struct helper_key *al_helper_key(airlock_helper h)
{
	if (h < AIRLOCK_HELPER_API_KEY || h > HELPER_LAST)
		return NULL;
	return &al_helper_keys[h - 1];
}

const struct helper_key *al_helper_key_named(const char *key)
{
	for (size_t i = 0; i < al_helper_key_count; i++)
		if (strcmp(al_helper_keys[i].key, key) == 0)
			return &al_helper_keys[i];
	return NULL;
}

size_t airlock_helper_count(void)
{
	return al_helper_key_count;
}

const char *airlock_helper_name(airlock_helper h)
{
	const struct helper_key *k = al_helper_key(h);

	return k ? k->key : NULL;
}
