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

/* What a configuration file's keys mean: one schema per file format an agent
 * defines (the files table, files.c, gives each file its schema). */
enum schema {
	SCHEMA_NONE,
	SCHEMA_CLAUDE_SETTINGS,     /* .claude/settings*.json, Codex hooks.json */
	SCHEMA_MCP,                 /* {"mcpServers"|"servers": {name: server}} */
	SCHEMA_CODEX_CONFIG,        /* .codex/config.toml */
	SCHEMA_GEMINI_SETTINGS,     /* .gemini/settings.json, .qwen/settings.json */
	SCHEMA_GEMINI_COMMAND,      /* .gemini/commands/ (TOML): prompt with !{cmd} */
	SCHEMA_DOTENV,              /* KEY=value lines */
	SCHEMA_CURSOR_HOOKS,        /* {"hooks": {event: [{"command"}]}} */
	SCHEMA_CURSOR_ENVIRONMENT,  /* .cursor/environment.json */
	SCHEMA_VSCODE_TASKS,        /* tasks.json, launch.json */
	SCHEMA_VSCODE_SETTINGS,     /* .vscode/settings.json (dotted keys) */
	SCHEMA_VSCODE_WORKSPACE,    /* *.code-workspace: settings, tasks, launch */
	SCHEMA_DEVCONTAINER,        /* devcontainer.json */
	SCHEMA_COPILOT_HOOKS,       /* .github/hooks/ (JSON) */
	SCHEMA_ROO_MODES,           /* .roomodes */
	SCHEMA_KIRO_HOOK,           /* .kiro/hooks/ (JSON) */
	SCHEMA_OPENCODE,            /* opencode.json(c) */
	SCHEMA_CRUSH,               /* crush.json */
	SCHEMA_ZED_SETTINGS,        /* .zed/settings.json */
	SCHEMA_ZED_TASKS,           /* .zed/tasks.json (an array) */
	SCHEMA_AIDER,               /* .aider.conf.yml */
	SCHEMA_CLAUDE_FRONT_MATTER, /* agents, skills, commands */
	SCHEMA_COPILOT_FRONT_MATTER,
	SCHEMA_OPENCODE_FRONT_MATTER,
	SCHEMA_LAST = SCHEMA_OPENCODE_FRONT_MATTER,
};

/* What the value at a key path is. */
enum key_action {
	KEY_COMMAND,      /* a shell command line, or an argv array */
	KEY_COMMANDS,     /* a command, or an object of named commands (devcontainer) */
	KEY_HOOK,         /* a hook object: "command"/"bash"/"powershell", "url" or "prompt" */
	KEY_SERVER,       /* an MCP server: command + args, or url; env, headers, type */
	KEY_ENV,          /* an object of environment variables */
	KEY_PERMISSION,   /* a permission rule, a list of them, or a mode */
	KEY_SETTING,      /* a value the review shows */
	KEY_URL,          /* an endpoint the agent sends requests (and keys) to */
	KEY_INSTRUCTIONS, /* names files the agent reads as instructions */
	KEY_PROGRAM_FILE, /* names a file that is built or run (a Dockerfile) */
	KEY_PLUGIN,       /* brings code from elsewhere (plugins, marketplaces) */
	KEY_PROMPT_SHELL, /* prompt text whose !{...} or !`...` runs a command */
};

struct config_key {
	enum schema schema;
	/* '/'-separated keys from the root; '*' is any key or array index. A
	 * key may hold dots (VS Code's "chat.tools.autoApprove"). */
	const char *path;
	enum key_action action;
	bool executes; /* a file whose front matter holds it is executable */
};

extern const struct config_key al_config_keys[];
extern const size_t al_config_key_count;

/* The name of a schema, for listings and the README table. */
const char *al_schema_name(enum schema s);

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
