/*
 * agents.c - each agent of the files table and the program that starts it,
 * so that `airlock shell-init` wraps every agent whose files airlock knows.
 */
#include <string.h>

#include "surfaces/agents.h"

/* clang-format off */
const struct agent_row al_agent_rows[] = {
	{ "Claude Code", "claude" },
	{ "Codex", "codex" },
	{ "Gemini CLI", "gemini" },
	{ "Qwen Code", "qwen" },
	{ "Cursor", "cursor-agent" },
	{ "Copilot / VS Code", "copilot" },
	{ "OpenCode", "opencode" },
	{ "Crush", "crush" },
	{ "Aider", "aider" },
	{ "Goose", "goose" },
	{ "Kiro", "kiro-cli" },
	{ "Amazon Q", "q" },
	{ "Amp", "amp" },
	{ "Cline", "cline" },
	{ "Continue", "cn" },
	/* editors and IDE plugins: no command-line agent to wrap */
	{ "Gemini CLI / Aider", NULL },
	{ "Windsurf", NULL },
	{ "Roo Code", NULL },
	{ "Zed", NULL },
	{ "Junie", NULL },
	{ "Warp", NULL },
};
/* clang-format on */

const size_t al_agent_row_count = sizeof(al_agent_rows) / sizeof(al_agent_rows[0]);

const struct agent_row *al_agent_row(const char *agent)
{
	for (size_t i = 0; i < al_agent_row_count; i++)
		if (strcmp(al_agent_rows[i].agent, agent) == 0)
			return &al_agent_rows[i];
	return NULL;
}

const char *airlock_agent_program(size_t i)
{
	for (size_t r = 0; r < al_agent_row_count; r++)
		if (al_agent_rows[r].program && i-- == 0)
			return al_agent_rows[r].program;
	return NULL;
}
