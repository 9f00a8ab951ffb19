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

/*
 * The keys of each schema that run a program, name a file the agent reads,
 * send data somewhere, or change what the agent may do. Claude Code's helper
 * keys (apiKeyHelper...) are the table above; they apply to
 * SCHEMA_CLAUDE_SETTINGS and, for headersHelper, to every MCP server.
 */
#define K(schema, path, action)                                                                    \
	{                                                                                          \
		SCHEMA_##schema, path, KEY_##action, false                                         \
	}
/* keys that make a Markdown file's front matter executable */
#define X(schema, path, action)                                                                    \
	{                                                                                          \
		SCHEMA_##schema, path, KEY_##action, true                                          \
	}

/* clang-format off */
const struct config_key al_config_keys[] = {
	/* Claude Code settings (code.claude.com/docs/en/settings, /hooks, /plugins) */
	K(CLAUDE_SETTINGS, "hooks/*/*/hooks/*", HOOK),
	K(CLAUDE_SETTINGS, "env", ENV),
	K(CLAUDE_SETTINGS, "permissions/allow", PERMISSION),
	K(CLAUDE_SETTINGS, "permissions/deny", PERMISSION),
	K(CLAUDE_SETTINGS, "permissions/ask", PERMISSION),
	K(CLAUDE_SETTINGS, "permissions/additionalDirectories", PERMISSION),
	K(CLAUDE_SETTINGS, "permissions/defaultMode", PERMISSION),
	K(CLAUDE_SETTINGS, "fileSuggestion/command", COMMAND),
	K(CLAUDE_SETTINGS, "enableAllProjectMcpServers", SETTING),
	K(CLAUDE_SETTINGS, "enabledMcpjsonServers", SETTING),
	K(CLAUDE_SETTINGS, "disableAllHooks", SETTING),
	K(CLAUDE_SETTINGS, "mcpServers/*", SERVER),
	K(CLAUDE_SETTINGS, "enabledPlugins", PLUGIN),
	K(CLAUDE_SETTINGS, "extraKnownMarketplaces", PLUGIN),
	K(CLAUDE_SETTINGS, "outputStyle", SETTING),
	K(CLAUDE_SETTINGS, "forceLoginMethod", SETTING),

	/* MCP server lists: Claude's .mcp.json, Cursor, Roo, Kiro, Amazon Q,
	 * VS Code ("servers"), Continue (a list of named servers) */
	K(MCP, "mcpServers/*", SERVER),
	K(MCP, "servers/*", SERVER),

	/* Codex (developers.openai.com/codex/config-reference) */
	K(CODEX_CONFIG, "mcp_servers/*", SERVER),
	K(CODEX_CONFIG, "notify", COMMAND),
	K(CODEX_CONFIG, "model_providers/*/base_url", URL),
	K(CODEX_CONFIG, "model_providers/*/env_key", SETTING),
	K(CODEX_CONFIG, "model_providers/*/http_headers", SETTING),
	K(CODEX_CONFIG, "shell_environment_policy/set", ENV),
	K(CODEX_CONFIG, "project_doc_fallback_filenames", INSTRUCTIONS),
	K(CODEX_CONFIG, "model_instructions_file", INSTRUCTIONS),
	K(CODEX_CONFIG, "experimental_instructions_file", INSTRUCTIONS),
	K(CODEX_CONFIG, "approval_policy", PERMISSION),
	K(CODEX_CONFIG, "sandbox_mode", PERMISSION),
	K(CODEX_CONFIG, "sandbox_workspace_write/network_access", PERMISSION),
	K(CODEX_CONFIG, "profiles/*/approval_policy", PERMISSION),
	K(CODEX_CONFIG, "profiles/*/sandbox_mode", PERMISSION),

	/* Gemini CLI and Qwen Code (docs/get-started/configuration.md) */
	K(GEMINI_SETTINGS, "mcpServers/*", SERVER),
	K(GEMINI_SETTINGS, "tools/discoveryCommand", COMMAND),
	K(GEMINI_SETTINGS, "tools/callCommand", COMMAND),
	K(GEMINI_SETTINGS, "toolDiscoveryCommand", COMMAND),
	K(GEMINI_SETTINGS, "toolCallCommand", COMMAND),
	K(GEMINI_SETTINGS, "hooks/*/*/hooks/*", HOOK),
	K(GEMINI_SETTINGS, "context/fileName", INSTRUCTIONS),
	K(GEMINI_SETTINGS, "contextFileName", INSTRUCTIONS),
	K(GEMINI_SETTINGS, "context/includeDirectories", INSTRUCTIONS),
	K(GEMINI_SETTINGS, "tools/allowed", PERMISSION),
	K(GEMINI_SETTINGS, "tools/core", PERMISSION),
	K(GEMINI_SETTINGS, "tools/autoAccept", PERMISSION),
	K(GEMINI_SETTINGS, "general/defaultApprovalMode", PERMISSION),
	K(GEMINI_SETTINGS, "security/auth/selectedType", SETTING),
	K(GEMINI_SETTINGS, "advanced/excludedEnvVars", SETTING),
	K(GEMINI_COMMAND, "prompt", PROMPT_SHELL),

	/* Cursor and Windsurf hooks, Cursor's background-agent environment */
	K(CURSOR_HOOKS, "hooks/*/*", HOOK),
	K(CURSOR_ENVIRONMENT, "install", COMMAND),
	K(CURSOR_ENVIRONMENT, "start", COMMAND),
	K(CURSOR_ENVIRONMENT, "terminals/*/command", COMMAND),
	K(CURSOR_ENVIRONMENT, "build/dockerfile", PROGRAM_FILE),

	/* VS Code tasks (runOptions.runOn "folderOpen" runs one unasked when
	 * task.allowAutomaticTasks is on) and launch configurations */
	K(VSCODE_TASKS, "tasks/*", COMMAND),
	K(VSCODE_TASKS, "configurations/*/preLaunchTask", SETTING),
	K(VSCODE_TASKS, "configurations/*/program", PROGRAM_FILE),
	K(VSCODE_TASKS, "configurations/*/runtimeExecutable", COMMAND),
	K(VSCODE_TASKS, "configurations/*/runtimeArgs", SETTING),
	K(VSCODE_SETTINGS, "chat.tools.autoApprove", PERMISSION),
	K(VSCODE_SETTINGS, "chat.tools.global.autoApprove", PERMISSION),
	K(VSCODE_SETTINGS, "chat.tools.terminal.autoApprove", PERMISSION),
	K(VSCODE_SETTINGS, "chat.tools.edits.autoApprove", PERMISSION),
	K(VSCODE_SETTINGS, "task.allowAutomaticTasks", PERMISSION),
	K(VSCODE_SETTINGS, "terminal.integrated.env.linux", ENV),
	K(VSCODE_SETTINGS, "terminal.integrated.env.osx", ENV),
	K(VSCODE_SETTINGS, "terminal.integrated.env.windows", ENV),
	K(VSCODE_SETTINGS, "chat.instructionsFilesLocations", INSTRUCTIONS),
	K(VSCODE_SETTINGS, "chat.promptFilesLocations", INSTRUCTIONS),
	K(VSCODE_SETTINGS, "chat.modeFilesLocations", INSTRUCTIONS),
	K(VSCODE_SETTINGS, "chat.agentFilesLocations", INSTRUCTIONS),
	K(VSCODE_SETTINGS, "github.copilot.chat.codeGeneration.instructions", INSTRUCTIONS),
	K(VSCODE_SETTINGS, "mcp/servers/*", SERVER),
	K(VSCODE_WORKSPACE, "settings/chat.tools.autoApprove", PERMISSION),
	K(VSCODE_WORKSPACE, "settings/chat.tools.terminal.autoApprove", PERMISSION),
	K(VSCODE_WORKSPACE, "settings/task.allowAutomaticTasks", PERMISSION),
	K(VSCODE_WORKSPACE, "settings/terminal.integrated.env.linux", ENV),
	K(VSCODE_WORKSPACE, "settings/terminal.integrated.env.osx", ENV),
	K(VSCODE_WORKSPACE, "settings/chat.instructionsFilesLocations", INSTRUCTIONS),
	K(VSCODE_WORKSPACE, "settings/chat.promptFilesLocations", INSTRUCTIONS),
	K(VSCODE_WORKSPACE, "settings/mcp/servers/*", SERVER),
	K(VSCODE_WORKSPACE, "tasks/tasks/*", COMMAND),
	K(VSCODE_WORKSPACE, "launch/configurations/*/program", PROGRAM_FILE),

	/* Dev containers (containers.dev/implementors/json_reference) */
	K(DEVCONTAINER, "initializeCommand", COMMANDS),
	K(DEVCONTAINER, "onCreateCommand", COMMANDS),
	K(DEVCONTAINER, "updateContentCommand", COMMANDS),
	K(DEVCONTAINER, "postCreateCommand", COMMANDS),
	K(DEVCONTAINER, "postStartCommand", COMMANDS),
	K(DEVCONTAINER, "postAttachCommand", COMMANDS),
	K(DEVCONTAINER, "build/dockerfile", PROGRAM_FILE),
	K(DEVCONTAINER, "dockerFile", PROGRAM_FILE),
	K(DEVCONTAINER, "dockerComposeFile", PROGRAM_FILE),
	K(DEVCONTAINER, "features", PLUGIN),
	K(DEVCONTAINER, "image", SETTING),
	K(DEVCONTAINER, "runArgs", SETTING),
	K(DEVCONTAINER, "mounts", SETTING),
	K(DEVCONTAINER, "privileged", PERMISSION),
	K(DEVCONTAINER, "containerEnv", ENV),
	K(DEVCONTAINER, "remoteEnv", ENV),
	K(DEVCONTAINER, "customizations/vscode/settings/task.allowAutomaticTasks", PERMISSION),
	K(DEVCONTAINER, "customizations/vscode/settings/chat.tools.autoApprove", PERMISSION),

	/* Copilot hooks (.github/hooks/ (JSON)): {"hooks": {event: [{"bash"}]}} */
	K(COPILOT_HOOKS, "hooks/*/*", HOOK),

	/* Roo Code modes: instructions and tool groups */
	K(ROO_MODES, "customModes/*/roleDefinition", SETTING),
	K(ROO_MODES, "customModes/*/customInstructions", SETTING),
	K(ROO_MODES, "customModes/*/groups", PERMISSION),

	/* Kiro hooks: {"when": {...}, "then": {"type": "runCommand", "command"}} */
	K(KIRO_HOOK, "then/command", COMMAND),
	K(KIRO_HOOK, "then/prompt", SETTING),
	K(KIRO_HOOK, "when", SETTING),

	/* OpenCode (opencode.ai/docs/config) */
	K(OPENCODE, "mcp/*", SERVER),
	K(OPENCODE, "plugin", PLUGIN),
	K(OPENCODE, "instructions", INSTRUCTIONS),
	K(OPENCODE, "formatter/*/command", COMMAND),
	K(OPENCODE, "formatter/*/environment", ENV),
	K(OPENCODE, "lsp/*/command", COMMAND),
	K(OPENCODE, "lsp/*/env", ENV),
	K(OPENCODE, "provider/*/options/baseURL", URL),
	K(OPENCODE, "permission", PERMISSION),
	K(OPENCODE, "agent/*/prompt", SETTING),
	K(OPENCODE, "agent/*/permission", PERMISSION),
	K(OPENCODE, "command/*/template", PROMPT_SHELL),

	/* Crush (values may hold $(cmd), which it runs) */
	K(CRUSH, "mcp/*", SERVER),
	K(CRUSH, "lsp/*/command", COMMAND),
	K(CRUSH, "lsp/*/env", ENV),
	K(CRUSH, "providers/*/base_url", URL),
	K(CRUSH, "providers/*/api_key", SETTING),
	K(CRUSH, "options/context_paths", INSTRUCTIONS),
	K(CRUSH, "permissions/allowed_tools", PERMISSION),

	/* Zed: context servers, language servers, tasks */
	K(ZED_SETTINGS, "context_servers/*", SERVER),
	K(ZED_SETTINGS, "context_servers/*/command", SERVER),
	K(ZED_SETTINGS, "lsp/*/binary", SERVER),
	K(ZED_SETTINGS, "agent/always_allow_tool_actions", PERMISSION),
	K(ZED_SETTINGS, "terminal/env", ENV),
	K(ZED_TASKS, "*", COMMAND),

	/* Aider (aider.chat/docs/config/aider_conf.html) */
	K(AIDER, "lint-cmd", COMMAND),
	K(AIDER, "test-cmd", COMMAND),
	K(AIDER, "openai-api-base", URL),
	K(AIDER, "anthropic-api-base", URL),
	K(AIDER, "set-env", ENV),
	K(AIDER, "read", INSTRUCTIONS),
	K(AIDER, "env-file", PROGRAM_FILE),
	K(AIDER, "yes-always", PERMISSION),
	K(AIDER, "auto-test", PERMISSION),
	K(AIDER, "auto-lint", PERMISSION),

	/* Front matter: Claude Code agents, skills and commands (and the skills
	 * Codex and Copilot read) */
	X(CLAUDE_FRONT_MATTER, "hooks/*/*/hooks/*", HOOK),
	X(CLAUDE_FRONT_MATTER, "mcpServers/*", SERVER),
	X(CLAUDE_FRONT_MATTER, "permissionMode", PERMISSION),
	X(CLAUDE_FRONT_MATTER, "allowed-tools", PERMISSION),
	X(CLAUDE_FRONT_MATTER, "allowed_tools", PERMISSION),
	K(CLAUDE_FRONT_MATTER, "tools", SETTING),
	K(CLAUDE_FRONT_MATTER, "model", SETTING),
	X(COPILOT_FRONT_MATTER, "tools", PERMISSION),
	X(COPILOT_FRONT_MATTER, "mcp-servers/*", SERVER),
	K(COPILOT_FRONT_MATTER, "model", SETTING),
	X(OPENCODE_FRONT_MATTER, "permission", PERMISSION),
	X(OPENCODE_FRONT_MATTER, "tools", PERMISSION),
	K(OPENCODE_FRONT_MATTER, "model", SETTING),
};
/* clang-format on */

const size_t al_config_key_count = sizeof(al_config_keys) / sizeof(al_config_keys[0]);

const char *al_schema_name(enum schema s)
{
	static const char *const names[] = {
		[SCHEMA_NONE] = "",
		[SCHEMA_CLAUDE_SETTINGS] = "Claude settings",
		[SCHEMA_MCP] = "MCP servers",
		[SCHEMA_CODEX_CONFIG] = "Codex config",
		[SCHEMA_GEMINI_SETTINGS] = "Gemini settings",
		[SCHEMA_GEMINI_COMMAND] = "Gemini command",
		[SCHEMA_DOTENV] = "dotenv",
		[SCHEMA_CURSOR_HOOKS] = "hooks",
		[SCHEMA_CURSOR_ENVIRONMENT] = "Cursor environment",
		[SCHEMA_VSCODE_TASKS] = "VS Code tasks",
		[SCHEMA_VSCODE_SETTINGS] = "VS Code settings",
		[SCHEMA_VSCODE_WORKSPACE] = "VS Code workspace",
		[SCHEMA_DEVCONTAINER] = "dev container",
		[SCHEMA_COPILOT_HOOKS] = "Copilot hooks",
		[SCHEMA_ROO_MODES] = "Roo modes",
		[SCHEMA_KIRO_HOOK] = "Kiro hook",
		[SCHEMA_OPENCODE] = "OpenCode config",
		[SCHEMA_CRUSH] = "Crush config",
		[SCHEMA_ZED_SETTINGS] = "Zed settings",
		[SCHEMA_ZED_TASKS] = "Zed tasks",
		[SCHEMA_AIDER] = "Aider config",
		[SCHEMA_CLAUDE_FRONT_MATTER] = "front matter",
		[SCHEMA_COPILOT_FRONT_MATTER] = "front matter",
		[SCHEMA_OPENCODE_FRONT_MATTER] = "front matter",
	};
	_Static_assert(sizeof(names) / sizeof(names[0]) == SCHEMA_LAST + 1, "a name per schema");

	return (unsigned)s <= SCHEMA_LAST ? names[s] : "";
}
