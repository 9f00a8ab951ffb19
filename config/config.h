/*
 * config.h - the typed, effective configuration of a trusted project.
 */
#ifndef AIRLOCK_CONFIG_CONFIG_H
#define AIRLOCK_CONFIG_CONFIG_H

#include <stddef.h>

#include "snapshot/snapshot.h"
#include "surfaces/keys.h"

struct kv {
	char *name, *value;
};

struct airlock_hook {
	char *event, *matcher, *type, *command;
	char *url; /* the hook's url, whatever its type picks */
	double timeout;
};

struct airlock_mcp_server {
	char *name, *transport, *command, *url;
	char **args;
	size_t nargs;
	struct kv *env, *headers;
	size_t nenv, nheaders;
	char *helpers[HELPER_LAST + 1]; /* by airlock_helper; HELPER_MCP_SERVER rows */
};

struct strlist {
	char **items;
	size_t count;
};

struct instruction {
	char *path;
	char *text;
	size_t len;
};

struct airlock_config {
	airlock_state state;
	struct airlock_hook *hooks;
	size_t nhooks;
	struct airlock_mcp_server *mcp;
	size_t nmcp;
	struct kv *env;
	size_t nenv;
	struct strlist permissions[AIRLOCK_PERMISSION_ADDITIONAL_DIRECTORIES + 1];
	char *default_mode;
	char *helpers[HELPER_LAST + 1]; /* by airlock_helper; HELPER_SETTINGS rows */
	struct instruction *instructions;
	size_t ninstructions;
};

/* Parses the executable configuration (Claude Code's settings, local over
 * project, and .mcp.json) from the snapshot into `c`. A file that is not
 * valid, duplicate-free JSON of the expected shape is AIRLOCK_EINVALID with
 * the file and the reason in the message; `c` is then left for the caller
 * to free. */
int al_config_parse_executable(struct airlock_config *c, const struct snapshot *snap);

/* Appends an instruction file (text copied). */
int al_config_add_instruction(struct airlock_config *c, const char *path, const void *text,
			      size_t len);

#endif
