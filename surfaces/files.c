/*
 * files.c - which files are an agent's persistent context.
 *
 * The table is data: supporting a new agent is adding rows. Rows are tried in
 * order and the first match wins, so exact paths come before folders and
 * folders before the "nested anywhere" ('**') rows.
 */
#include <string.h>
#include <strings.h>

#include "surfaces/files.h"

#define EXE AIRLOCK_CLASS_EXECUTABLE
#define INS AIRLOCK_CLASS_INSTRUCTIONS

/* clang-format off */
#define FILE_ROW(pat, agent, kind, cls) { pat, agent, AIRLOCK_KIND_##kind, false, cls }
#define TREE_ROW(pat, agent, kind, cls) { pat, agent, AIRLOCK_KIND_##kind, true, cls }
/* clang-format on */

static const struct surface surfaces[] = {
	/* Claude Code */
	FILE_ROW(".claude/settings.json", "Claude Code", JSON, EXE),
	FILE_ROW(".claude/settings.local.json", "Claude Code", JSON, EXE),
	FILE_ROW(".mcp.json", "Claude Code", JSON, EXE),
	FILE_ROW(".claude/launch.json", "Claude Code", JSON, EXE),
	TREE_ROW(".claude/hooks/**", "Claude Code", SCRIPT, EXE),
	FILE_ROW("CLAUDE.md", "Claude Code", MARKDOWN, INS),
	FILE_ROW(".claude/CLAUDE.md", "Claude Code", MARKDOWN, INS),
	FILE_ROW("CLAUDE.local.md", "Claude Code", MARKDOWN, INS),
	TREE_ROW(".claude/rules/**", "Claude Code", MARKDOWN, INS),
	TREE_ROW(".claude/commands/**", "Claude Code", MARKDOWN, INS),
	TREE_ROW(".claude/agents/**", "Claude Code", MARKDOWN, INS),
	TREE_ROW(".claude/skills/**", "Claude Code", MARKDOWN, INS),
	TREE_ROW(".claude/output-styles/**", "Claude Code", MARKDOWN, INS),

	/* Codex */
	FILE_ROW(".codex/config.toml", "Codex", TOML, EXE),
	FILE_ROW(".codex/hooks.json", "Codex", JSON, EXE),
	FILE_ROW("AGENTS.md", "Codex", MARKDOWN, INS),
	FILE_ROW("AGENTS.override.md", "Codex", MARKDOWN, INS),

	/* Gemini CLI */
	FILE_ROW(".gemini/settings.json", "Gemini CLI", JSON, EXE),
	FILE_ROW(".gemini/.env", "Gemini CLI", TEXT, EXE),
	TREE_ROW(".gemini/commands/**", "Gemini CLI", TOML, EXE),
	FILE_ROW("GEMINI.md", "Gemini CLI", MARKDOWN, INS),

	/* Cursor */
	FILE_ROW(".cursor/mcp.json", "Cursor", JSON, EXE),
	FILE_ROW(".cursor/hooks.json", "Cursor", JSON, EXE),
	FILE_ROW(".cursor/environment.json", "Cursor", JSON, EXE),
	TREE_ROW(".cursor/rules/**", "Cursor", MARKDOWN, INS),
	FILE_ROW(".cursorrules", "Cursor", MARKDOWN, INS),

	/* Copilot / VS Code: its JSON files allow comments */
	FILE_ROW(".vscode/mcp.json", "Copilot / VS Code", JSONC, EXE),
	FILE_ROW(".vscode/tasks.json", "Copilot / VS Code", JSONC, EXE),
	FILE_ROW(".vscode/settings.json", "Copilot / VS Code", JSONC, EXE),
	FILE_ROW(".vscode/launch.json", "Copilot / VS Code", JSONC, EXE),
	FILE_ROW(".devcontainer/devcontainer.json", "Copilot / VS Code", JSONC, EXE),
	FILE_ROW(".github/copilot-instructions.md", "Copilot / VS Code", MARKDOWN, INS),
	TREE_ROW(".github/instructions/**", "Copilot / VS Code", MARKDOWN, INS),
	TREE_ROW(".github/prompts/**", "Copilot / VS Code", MARKDOWN, INS),

	/* Windsurf */
	FILE_ROW(".windsurf/hooks.json", "Windsurf", JSON, EXE),
	FILE_ROW(".windsurfrules", "Windsurf", MARKDOWN, INS),
	TREE_ROW(".windsurf/rules/**", "Windsurf", MARKDOWN, INS),
	TREE_ROW(".windsurf/workflows/**", "Windsurf", MARKDOWN, INS),

	/* Cline: .clinerules is a file or a folder */
	TREE_ROW(".clinerules/hooks/**", "Cline", SCRIPT, EXE),
	FILE_ROW(".clinerules", "Cline", MARKDOWN, INS),
	TREE_ROW(".clinerules/**", "Cline", MARKDOWN, INS),

	/* Aider */
	FILE_ROW(".aider.conf.yml", "Aider", YAML, EXE),

	/* Nested instruction files, anywhere in the tree (last: least specific) */
	FILE_ROW("**/CLAUDE.md", "Claude Code", MARKDOWN, INS),
	FILE_ROW("**/AGENTS.md", "Codex", MARKDOWN, INS),
	FILE_ROW("**/AGENTS.override.md", "Codex", MARKDOWN, INS),
	FILE_ROW("**/GEMINI.md", "Gemini CLI", MARKDOWN, INS),
	FILE_ROW("**/*.agent.md", "Copilot / VS Code", MARKDOWN, INS),
};

#define NSURFACES (sizeof(surfaces) / sizeof(surfaces[0]))

/* Folders never searched for nested context files: version control, package
 * managers' install trees, virtual environments and caches. */
static const char *const skipped_dirs[] = {
	".git",  ".hg",  ".svn",        "node_modules", "bower_components", "vendor",
	".venv", "venv", "__pycache__", ".tox",         ".mypy_cache",      ".pytest_cache",
};

static const struct {
	const char *ext;
	airlock_kind kind;
} extensions[] = {
	{ ".md", AIRLOCK_KIND_MARKDOWN },       { ".mdc", AIRLOCK_KIND_MARKDOWN },
	{ ".markdown", AIRLOCK_KIND_MARKDOWN }, { ".json", AIRLOCK_KIND_JSON },
	{ ".jsonc", AIRLOCK_KIND_JSONC },       { ".toml", AIRLOCK_KIND_TOML },
	{ ".yml", AIRLOCK_KIND_YAML },          { ".yaml", AIRLOCK_KIND_YAML },
	{ ".sh", AIRLOCK_KIND_SCRIPT },         { ".bash", AIRLOCK_KIND_SCRIPT },
	{ ".zsh", AIRLOCK_KIND_SCRIPT },        { ".fish", AIRLOCK_KIND_SCRIPT },
	{ ".py", AIRLOCK_KIND_SCRIPT },         { ".js", AIRLOCK_KIND_SCRIPT },
	{ ".mjs", AIRLOCK_KIND_SCRIPT },        { ".cjs", AIRLOCK_KIND_SCRIPT },
	{ ".ts", AIRLOCK_KIND_SCRIPT },         { ".rb", AIRLOCK_KIND_SCRIPT },
	{ ".pl", AIRLOCK_KIND_SCRIPT },         { ".ps1", AIRLOCK_KIND_SCRIPT },
	{ ".txt", AIRLOCK_KIND_TEXT },
};

/* '*' matches any run of characters within one name. Iterative with one
 * backtrack point, so it is linear-ish and cannot blow the stack. */
static bool match_name(const char *pat, size_t plen, const char *name, size_t nlen)
{
	size_t p = 0, n = 0, star = (size_t)-1, mark = 0;

	while (n < nlen) {
		if (p < plen && pat[p] == '*') {
			star = p++;
			mark = n;
		} else if (p < plen && pat[p] == name[n]) {
			p++;
			n++;
		} else if (star != (size_t)-1) {
			p = star + 1;
			n = ++mark;
		} else {
			return false;
		}
	}
	while (p < plen && pat[p] == '*')
		p++;
	return p == plen;
}

static size_t component_len(const char *s)
{
	const char *slash = strchr(s, '/');

	return slash ? (size_t)(slash - s) : strlen(s);
}

/* Patterns hold at most two '**' components, so the recursion over them is
 * shallow; the walk over path components is a loop. */
static bool glob_from(const char *pat, const char *path)
{
	for (;;) {
		size_t pl = component_len(pat), nl = component_len(path);

		if (pl == 2 && pat[0] == '*' && pat[1] == '*') {
			const char *rest = pat[2] == '/' ? pat + 3 : pat + 2;

			if (*rest == '\0')
				return *path != '\0'; /* a trailing '**' needs one name */
			for (const char *p = path;; p += component_len(p) + 1) {
				if (glob_from(rest, p))
					return true;
				if (p[component_len(p)] == '\0')
					return false;
			}
		}
		if (!match_name(pat, pl, path, nl))
			return false;
		pat += pl;
		path += nl;
		if (*pat == '\0' || *path == '\0')
			return *pat == '\0' && *path == '\0';
		pat++;
		path++;
	}
}

bool al_surface_glob(const char *pattern, const char *path)
{
	if (*path == '\0')
		return false;
	return glob_from(pattern, path);
}

const struct surface *al_surface_match(const char *relpath)
{
	for (size_t i = 0; i < NSURFACES; i++)
		if (al_surface_glob(surfaces[i].pattern, relpath))
			return &surfaces[i];
	return NULL;
}

airlock_kind al_surface_kind(const struct surface *s, const char *relpath)
{
	const char *base, *dot;

	if (!s->by_extension)
		return s->kind;
	base = strrchr(relpath, '/');
	base = base ? base + 1 : relpath;
	dot = strrchr(base, '.');
	if (!dot || dot == base)
		return s->kind;
	for (size_t i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++)
		if (strcasecmp(dot, extensions[i].ext) == 0)
			return extensions[i].kind;
	return s->kind;
}

const struct surface *al_surface_anchor(const char *reldir)
{
	const struct surface *found = NULL;
	size_t len = strlen(reldir);

	if (len == 0 || memchr(reldir, '*', len))
		return NULL;
	for (size_t i = 0; i < NSURFACES; i++) {
		const char *pat = surfaces[i].pattern;

		if (strncmp(pat, reldir, len) != 0 || pat[len] != '/' || memchr(pat, '*', len))
			continue;
		if (surfaces[i].cls == AIRLOCK_CLASS_EXECUTABLE)
			return &surfaces[i];
		if (!found)
			found = &surfaces[i];
	}
	return found;
}

bool al_surface_skip_dir(const char *name)
{
	for (size_t i = 0; i < sizeof(skipped_dirs) / sizeof(skipped_dirs[0]); i++)
		if (strcmp(name, skipped_dirs[i]) == 0)
			return true;
	return false;
}

const struct surface *al_surface_table(size_t *count)
{
	*count = NSURFACES;
	return surfaces;
}
