/*
 * keys.h - the settings keys that make an agent run a helper program: one
 * table, read by the trust review (which binds the scripts they run), the
 * typed configuration, the settings scanner and, through airlock_helper_*,
 * the CLI.
 */
#ifndef AIRLOCK_SURFACES_KEYS_H
#define AIRLOCK_SURFACES_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "airlock.h"

/* The last airlock_helper; the table has a row for each of 1..HELPER_LAST. */
#define HELPER_LAST AIRLOCK_HELPER_MCP_HEADERS

/* How the key holds its command. */
enum helper_form {
	HELPER_STRING, /* "apiKeyHelper": "command" */
	HELPER_OBJECT, /* "statusLine": {"type": "command", "command": "command"} */
};

/* Which object the key belongs to. */
enum helper_scope {
	HELPER_SETTINGS,   /* the top level of a settings file */
	HELPER_MCP_SERVER, /* one MCP server's object (mcpServers.NAME) */
};

struct helper_key {
	airlock_helper helper;
	const char *key;
	enum helper_form form;
	enum helper_scope scope;
	bool credentials;  /* runs for credentials or request headers (AL412) */
	const char *about; /* a few words; how a scan names an HELPER_OBJECT command */
};

/* In airlock_helper order: al_helper_keys[h - 1] is helper h. */
extern const struct helper_key al_helper_keys[];
extern const size_t al_helper_key_count;

/* The row of helper `h`, or NULL when out of range. */
const struct helper_key *al_helper_key(airlock_helper h);

/* The row whose key is `key`, or NULL. */
const struct helper_key *al_helper_key_named(const char *key);

#endif
