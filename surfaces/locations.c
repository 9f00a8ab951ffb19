/*
 * locations.c - the table of memory locations under $HOME, data not code:
 * supporting another agent's memory is one row.
 */
#include <stdio.h>
#include <string.h>

#include "surfaces/locations.h"

const struct memory_row al_memory_rows[] = {
	{ "Claude Code", ".claude/CLAUDE.md", false, true },
	{ "Claude Code", ".claude/projects/*/memory", true, true },
	{ "Claude Code", ".claude/rules", true, true },
	{ "Codex", ".codex/AGENTS.md", false, true },
	{ "Codex", ".codex/AGENTS.override.md", false, true },
	{ "Codex", ".codex/memories", true, false },
	{ "Gemini CLI", ".gemini/GEMINI.md", false, true },
	{ "Qwen Code", ".qwen/QWEN.md", false, true },
	{ "OpenCode", ".config/opencode/AGENTS.md", false, true },
	{ "Copilot / VS Code", ".copilot/copilot-instructions.md", false, true },
	{ "Cursor", ".cursor/rules", true, false },
	{ "Windsurf", ".codeium/windsurf/memories", true, false },
	{ "Cline", "Documents/Cline/Rules", true, false },
};

const size_t al_memory_row_count = sizeof(al_memory_rows) / sizeof(al_memory_rows[0]);

static const struct surface memory_surfaces[] = {
	{ "", "Claude Code", AIRLOCK_KIND_MARKDOWN, false, AIRLOCK_CLASS_INSTRUCTIONS,
	  SCHEMA_NONE },
	{ "", "Codex", AIRLOCK_KIND_MARKDOWN, false, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE },
	{ "", "Gemini CLI", AIRLOCK_KIND_MARKDOWN, false, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE },
	{ "", "Qwen Code", AIRLOCK_KIND_MARKDOWN, false, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE },
	{ "", "OpenCode", AIRLOCK_KIND_MARKDOWN, false, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE },
	{ "", "Copilot / VS Code", AIRLOCK_KIND_MARKDOWN, false, AIRLOCK_CLASS_INSTRUCTIONS,
	  SCHEMA_NONE },
	{ "", "Cursor", AIRLOCK_KIND_MARKDOWN, false, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE },
	{ "", "Windsurf", AIRLOCK_KIND_MARKDOWN, false, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE },
	{ "", "Cline", AIRLOCK_KIND_MARKDOWN, false, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE },
};

const char *const al_folder_instruction_files[] = {
	"CLAUDE.md", "CLAUDE.local.md", "AGENTS.md", "AGENTS.override.md", "GEMINI.md", "QWEN.md",
};
const size_t al_folder_instruction_file_count =
	sizeof(al_folder_instruction_files) / sizeof(al_folder_instruction_files[0]);

const struct surface *al_memory_surface(const char *agent)
{
	for (size_t i = 0; i < sizeof(memory_surfaces) / sizeof(memory_surfaces[0]); i++)
		if (strcmp(memory_surfaces[i].agent, agent) == 0)
			return &memory_surfaces[i];
	return &memory_surfaces[0];
}

int al_memory_expand(char *out, size_t size, const char *pattern, const char *project)
{
	const char *mark = strchr(pattern, '*');
	size_t n;

	if (!mark)
		return snprintf(out, size, "%s", pattern) < (int)size ? 0 : -1;
	n = (size_t)(mark - pattern);
	if (snprintf(out, size, "%.*s%s%s", (int)n, pattern, project, mark + 1) >= (int)size)
		return -1;
	/* Claude Code names the folder by replacing every character of the
	 * project path that is not an ASCII letter or digit with '-'. */
	for (char *p = out + n; *p && p < out + n + strlen(project); p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9')))
			*p = '-';
	return 0;
}
