/*
 * files.c - which files are an agent's persistent context.
 *
 * The table is data: supporting a new agent is adding rows. Rows are tried in
 * order and the first match wins, so exact paths come before folders and
 * folders before the "nested anywhere" ('**') rows.
 */
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "surfaces/files.h"

#define EXE AIRLOCK_CLASS_EXECUTABLE
#define INS AIRLOCK_CLASS_INSTRUCTIONS

/* clang-format off */
/* A file the agent reads as instructions (or, for TREE_ROW, a folder of
 * files by extension). */
#define FILE_ROW(pat, agent, kind, cls) { pat, agent, AIRLOCK_KIND_##kind, false, cls, SCHEMA_NONE }
#define TREE_ROW(pat, agent, kind, cls) { pat, agent, AIRLOCK_KIND_##kind, true, cls, SCHEMA_NONE }
/* A configuration file whose keys (surfaces/keys.c, schema) run programs. */
#define EXE_ROW(pat, agent, kind, schema) \
	{ pat, agent, AIRLOCK_KIND_##kind, false, EXE, SCHEMA_##schema }
#define EXE_TREE_ROW(pat, agent, kind, schema) \
	{ pat, agent, AIRLOCK_KIND_##kind, true, EXE, SCHEMA_##schema }
/* Markdown whose front matter may run programs (hooks, MCP servers, tool
 * permissions): instructions, and executable when its front matter says so. */
#define FM_ROW(pat, agent, schema) \
	{ pat, agent, AIRLOCK_KIND_MARKDOWN, true, INS, SCHEMA_##schema }
/* clang-format on */

static const struct surface surfaces[] = {
	/* Claude Code 2.x: code.claude.com/docs/en/settings, /hooks, /mcp, /memory,
	 * /slash-commands, /sub-agents, /skills, /output-styles (2026-11) */
	EXE_ROW(".claude/settings.json", "Claude Code", JSON, CLAUDE_SETTINGS),
	EXE_ROW(".claude/settings.local.json", "Claude Code", JSON, CLAUDE_SETTINGS),
	EXE_ROW(".mcp.json", "Claude Code", JSON, MCP),
	EXE_ROW(".claude/launch.json", "Claude Code", JSON, VSCODE_TASKS),
	TREE_ROW(".claude/hooks/**", "Claude Code", SCRIPT, EXE),
	FILE_ROW("CLAUDE.md", "Claude Code", MARKDOWN, INS),
	FILE_ROW(".claude/CLAUDE.md", "Claude Code", MARKDOWN, INS),
	FILE_ROW("CLAUDE.local.md", "Claude Code", MARKDOWN, INS),
	TREE_ROW(".claude/rules/**", "Claude Code", MARKDOWN, INS),
	FM_ROW(".claude/commands/**", "Claude Code", CLAUDE_FRONT_MATTER),
	FM_ROW(".claude/agents/**", "Claude Code", CLAUDE_FRONT_MATTER),
	FM_ROW(".claude/skills/**", "Claude Code", CLAUDE_FRONT_MATTER),
	TREE_ROW(".claude/output-styles/**", "Claude Code", MARKDOWN, INS),

	/* Codex 0.6x: developers.openai.com/codex/config-reference, /codex/guides/agents-md,
	 * /codex/skills (2026-11) */
	EXE_ROW(".codex/config.toml", "Codex", TOML, CODEX_CONFIG),
	EXE_ROW(".codex/hooks.json", "Codex", JSON, CLAUDE_SETTINGS),
	FILE_ROW("AGENTS.md", "Codex", MARKDOWN, INS),
	FILE_ROW("AGENTS.override.md", "Codex", MARKDOWN, INS),
	FM_ROW(".agents/skills/**", "Codex", CLAUDE_FRONT_MATTER),
	FM_ROW(".codex/skills/**", "Codex", CLAUDE_FRONT_MATTER),

	/* Gemini CLI 0.1x: github.com/google-gemini/gemini-cli docs/get-started/configuration.md,
	 * docs/cli/custom-commands.md, docs/cli/gemini-md.md (2026-11) */
	EXE_ROW(".gemini/settings.json", "Gemini CLI", JSONC, GEMINI_SETTINGS),
	EXE_ROW(".gemini/.env", "Gemini CLI", TEXT, DOTENV),
	EXE_TREE_ROW(".gemini/commands/**", "Gemini CLI", TOML, GEMINI_COMMAND),
	FILE_ROW("GEMINI.md", "Gemini CLI", MARKDOWN, INS),
	/* Gemini CLI and Aider load the project's .env into their environment
	 * (docs/get-started/authentication.md; aider.chat/docs/config/dotenv.html) */
	EXE_ROW(".env", "Gemini CLI / Aider", TEXT, DOTENV),

	/* Qwen Code (a Gemini CLI fork): qwenlm.github.io/qwen-code-docs (2026-11) */
	EXE_ROW(".qwen/settings.json", "Qwen Code", JSONC, GEMINI_SETTINGS),
	EXE_ROW(".qwen/.env", "Qwen Code", TEXT, DOTENV),
	EXE_TREE_ROW(".qwen/commands/**", "Qwen Code", TOML, GEMINI_COMMAND),
	FILE_ROW("QWEN.md", "Qwen Code", MARKDOWN, INS),

	/* Cursor 2.x: cursor.com/docs/context/rules, /context/mcp, /agent/hooks,
	 * /background-agent (environment.json), /agent/chat/commands (2026-11) */
	EXE_ROW(".cursor/mcp.json", "Cursor", JSON, MCP),
	EXE_ROW(".cursor/hooks.json", "Cursor", JSON, CURSOR_HOOKS),
	TREE_ROW(".cursor/hooks/**", "Cursor", SCRIPT, EXE),
	EXE_ROW(".cursor/environment.json", "Cursor", JSON, CURSOR_ENVIRONMENT),
	TREE_ROW(".cursor/rules/**", "Cursor", MARKDOWN, INS),
	TREE_ROW(".cursor/commands/**", "Cursor", MARKDOWN, INS),
	FILE_ROW(".cursorrules", "Cursor", MARKDOWN, INS),

	/* VS Code 1.10x and GitHub Copilot: code.visualstudio.com/docs/copilot/customization/
	 * (mcp-servers, custom-instructions, prompt-files, custom-agents),
	 * /docs/editor/tasks, /docs/editor/workspaces, containers.dev/implementors/json_reference,
	 * docs.github.com/copilot (coding agent hooks, agent skills) (2026-11). Its JSON
	 * files allow comments. */
	EXE_ROW(".vscode/mcp.json", "Copilot / VS Code", JSONC, MCP),
	EXE_ROW(".vscode/tasks.json", "Copilot / VS Code", JSONC, VSCODE_TASKS),
	EXE_ROW(".vscode/settings.json", "Copilot / VS Code", JSONC, VSCODE_SETTINGS),
	EXE_ROW(".vscode/launch.json", "Copilot / VS Code", JSONC, VSCODE_TASKS),
	EXE_ROW("*.code-workspace", "Copilot / VS Code", JSONC, VSCODE_WORKSPACE),
	EXE_ROW(".devcontainer.json", "Copilot / VS Code", JSONC, DEVCONTAINER),
	EXE_ROW(".devcontainer/devcontainer.json", "Copilot / VS Code", JSONC, DEVCONTAINER),
	EXE_ROW(".devcontainer/*/devcontainer.json", "Copilot / VS Code", JSONC, DEVCONTAINER),
	TREE_ROW(".devcontainer/**", "Copilot / VS Code", SCRIPT, EXE),
	EXE_TREE_ROW(".github/hooks/**", "Copilot / VS Code", JSON, COPILOT_HOOKS),
	FILE_ROW(".github/copilot-instructions.md", "Copilot / VS Code", MARKDOWN, INS),
	TREE_ROW(".github/instructions/**", "Copilot / VS Code", MARKDOWN, INS),
	TREE_ROW(".github/prompts/**", "Copilot / VS Code", MARKDOWN, INS),
	FM_ROW(".github/agents/**", "Copilot / VS Code", COPILOT_FRONT_MATTER),
	FM_ROW(".github/chatmodes/**", "Copilot / VS Code", COPILOT_FRONT_MATTER),
	FM_ROW(".github/skills/**", "Copilot / VS Code", CLAUDE_FRONT_MATTER),

	/* Windsurf: docs.windsurf.com/windsurf/cascade/hooks, /memories, /workflows (2026-11) */
	EXE_ROW(".windsurf/hooks.json", "Windsurf", JSON, CURSOR_HOOKS),
	FILE_ROW(".windsurfrules", "Windsurf", MARKDOWN, INS),
	TREE_ROW(".windsurf/rules/**", "Windsurf", MARKDOWN, INS),
	TREE_ROW(".windsurf/workflows/**", "Windsurf", MARKDOWN, INS),

	/* Cline: docs.cline.bot/features/cline-rules, /features/hooks (2026-11);
	 * .clinerules is a file or a folder */
	TREE_ROW(".clinerules/hooks/**", "Cline", SCRIPT, EXE),
	FILE_ROW(".clinerules", "Cline", MARKDOWN, INS),
	TREE_ROW(".clinerules/**", "Cline", MARKDOWN, INS),

	/* Roo Code: docs.roocode.com/features/mcp/using-mcp-in-roo, /features/custom-modes,
	 * /features/custom-instructions (2026-11) */
	EXE_ROW(".roo/mcp.json", "Roo Code", JSON, MCP),
	EXE_ROW(".roomodes", "Roo Code", YAML, ROO_MODES),
	TREE_ROW(".roo/rules*/**", "Roo Code", MARKDOWN, INS),
	FILE_ROW(".roorules", "Roo Code", MARKDOWN, INS),
	FILE_ROW(".roorules-*", "Roo Code", MARKDOWN, INS),

	/* Kiro: kiro.dev/docs/mcp/configuration, /docs/hooks, /docs/steering (2026-11) */
	EXE_ROW(".kiro/settings/mcp.json", "Kiro", JSON, MCP),
	EXE_TREE_ROW(".kiro/hooks/**", "Kiro", JSON, KIRO_HOOK),
	TREE_ROW(".kiro/steering/**", "Kiro", MARKDOWN, INS),

	/* OpenCode: opencode.ai/docs/config, /docs/plugins, /docs/agents, /docs/commands,
	 * /docs/mcp-servers, /docs/rules (2026-11) */
	EXE_ROW("opencode.json", "OpenCode", JSONC, OPENCODE),
	EXE_ROW("opencode.jsonc", "OpenCode", JSONC, OPENCODE),
	EXE_ROW(".opencode/opencode.json", "OpenCode", JSONC, OPENCODE),
	EXE_ROW(".opencode/opencode.jsonc", "OpenCode", JSONC, OPENCODE),
	TREE_ROW(".opencode/plugin/**", "OpenCode", SCRIPT, EXE),
	TREE_ROW(".opencode/plugins/**", "OpenCode", SCRIPT, EXE),
	TREE_ROW(".opencode/tool/**", "OpenCode", SCRIPT, EXE),
	TREE_ROW(".opencode/tools/**", "OpenCode", SCRIPT, EXE),
	FM_ROW(".opencode/agent/**", "OpenCode", OPENCODE_FRONT_MATTER),
	FM_ROW(".opencode/agents/**", "OpenCode", OPENCODE_FRONT_MATTER),
	FM_ROW(".opencode/command/**", "OpenCode", OPENCODE_FRONT_MATTER),
	FM_ROW(".opencode/commands/**", "OpenCode", OPENCODE_FRONT_MATTER),

	/* Crush: github.com/charmbracelet/crush README, "Configuration" (2026-11); it
	 * matches its context file names case-insensitively itself */
	EXE_ROW("crush.json", "Crush", JSON, CRUSH),
	EXE_ROW(".crush.json", "Crush", JSON, CRUSH),
	FILE_ROW("CRUSH.md", "Crush", MARKDOWN, INS),
	FILE_ROW("CRUSH.local.md", "Crush", MARKDOWN, INS),

	/* Continue: docs.continue.dev/customize/deep-dives/mcp, /customize/deep-dives/rules
	 * (2026-11) */
	EXE_TREE_ROW(".continue/mcpServers/**", "Continue", YAML, MCP),
	EXE_ROW(".continue/config.yaml", "Continue", YAML, MCP),
	EXE_ROW(".continue/config.json", "Continue", JSON, MCP),
	TREE_ROW(".continue/rules/**", "Continue", MARKDOWN, INS),
	TREE_ROW(".continue/prompts/**", "Continue", MARKDOWN, INS),

	/* Zed: zed.dev/docs/ai/mcp, /docs/tasks, /docs/ai/rules, /docs/configuring-zed
	 * (2026-11) */
	EXE_ROW(".zed/settings.json", "Zed", JSONC, ZED_SETTINGS),
	EXE_ROW(".zed/tasks.json", "Zed", JSONC, ZED_TASKS),
	FILE_ROW(".rules", "Zed", MARKDOWN, INS),

	/* Amazon Q Developer: docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/
	 * context-project-rules.html, command-line-mcp-configuration.html (2026-11) */
	EXE_ROW(".amazonq/mcp.json", "Amazon Q", JSON, MCP),
	TREE_ROW(".amazonq/rules/**", "Amazon Q", MARKDOWN, INS),

	/* Aider: aider.chat/docs/config/aider_conf.html (2026-11) */
	EXE_ROW(".aider.conf.yml", "Aider", YAML, AIDER),

	/* Junie: jetbrains.com/help/junie/customize-guidelines.html; Goose:
	 * block.github.io/goose/docs/guides/using-goosehints; Amp: ampcode.com/manual;
	 * Warp: docs.warp.dev/knowledge-and-collaboration/rules (2026-11) */
	TREE_ROW(".junie/**", "Junie", MARKDOWN, INS),
	FILE_ROW(".goosehints", "Goose", MARKDOWN, INS),
	FILE_ROW("AGENT.md", "Amp", MARKDOWN, INS),
	FILE_ROW("WARP.md", "Warp", MARKDOWN, INS),

	/* Nested, anywhere in the tree (last: least specific). Claude Code loads
	 * a subfolder's CLAUDE.md, skills and rules when it works there; the
	 * others their nested AGENTS.md or rules. */
	FILE_ROW("**/CLAUDE.md", "Claude Code", MARKDOWN, INS),
	FILE_ROW("**/CLAUDE.local.md", "Claude Code", MARKDOWN, INS),
	FM_ROW("**/.claude/skills/**", "Claude Code", CLAUDE_FRONT_MATTER),
	FM_ROW("**/.claude/commands/**", "Claude Code", CLAUDE_FRONT_MATTER),
	FM_ROW("**/.claude/agents/**", "Claude Code", CLAUDE_FRONT_MATTER),
	TREE_ROW("**/.claude/rules/**", "Claude Code", MARKDOWN, INS),
	FILE_ROW("**/AGENTS.md", "Codex", MARKDOWN, INS),
	FILE_ROW("**/AGENTS.override.md", "Codex", MARKDOWN, INS),
	FILE_ROW("**/GEMINI.md", "Gemini CLI", MARKDOWN, INS),
	FILE_ROW("**/QWEN.md", "Qwen Code", MARKDOWN, INS),
	TREE_ROW("**/.cursor/rules/**", "Cursor", MARKDOWN, INS),
	FILE_ROW("**/*.agent.md", "Copilot / VS Code", MARKDOWN, INS),
	FILE_ROW("**/*.instructions.md", "Copilot / VS Code", MARKDOWN, INS),
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
static bool same(char a, char b, bool fold)
{
	if (a == b)
		return true;
	if (!fold)
		return false;
	if (a >= 'A' && a <= 'Z')
		a = (char)(a - 'A' + 'a');
	if (b >= 'A' && b <= 'Z')
		b = (char)(b - 'A' + 'a');
	return a == b;
}

static bool match_name(const char *pat, size_t plen, const char *name, size_t nlen, bool fold)
{
	size_t p = 0, n = 0, star = (size_t)-1, mark = 0;

	while (n < nlen) {
		if (p < plen && pat[p] == '*') {
			star = p++;
			mark = n;
		} else if (p < plen && same(pat[p], name[n], fold)) {
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
static bool glob_from(const char *pat, const char *path, bool fold)
{
	for (;;) {
		size_t pl = component_len(pat), nl = component_len(path);

		if (pl == 2 && pat[0] == '*' && pat[1] == '*') {
			const char *rest = pat[2] == '/' ? pat + 3 : pat + 2;

			if (*rest == '\0')
				return *path != '\0'; /* a trailing '**' needs one name */
			for (const char *p = path;; p += component_len(p) + 1) {
				if (glob_from(rest, p, fold))
					return true;
				if (p[component_len(p)] == '\0')
					return false;
			}
		}
		if (!match_name(pat, pl, path, nl, fold))
			return false;
		pat += pl;
		path += nl;
		if (*pat == '\0' || *path == '\0')
			return *pat == '\0' && *path == '\0';
		pat++;
		path++;
	}
}

/*
 * The quick test in front of the table, derived from it once. A row matches
 * a path of two or more names only through one of these names:
 *  - a row that does not start with '**' matches name by name from the
 *    front, so the path's first name matches the row's first (`first`);
 *  - a row '**' '/' NAME matches a path whose last name matches NAME (`last`);
 *  - a row '**' '/' F '/' ... matches a path with a folder matching F
 *    (`inner`): F is followed by at least one more name.
 * All compared ignoring case, as al_surface_match_fold does, so the test
 * never says no where the table would say yes. A row of another shape sets
 * `opaque` and turns the test off.
 */
struct name_key {
	const char *s;
	size_t len;
	size_t tail; /* the literal end after the last '*': compared first */
};

static struct {
	struct name_key first[NSURFACES], last[NSURFACES], inner[NSURFACES];
	size_t nfirst, nlast, ninner;
	size_t common; /* the literal end every `last` key shares (".md") */
	bool opaque;
} quick;
static pthread_once_t quick_once = PTHREAD_ONCE_INIT;

static void key_add(struct name_key *keys, size_t *n, const char *s, size_t len)
{
	for (size_t i = 0; i < *n; i++)
		if (keys[i].len == len && memcmp(keys[i].s, s, len) == 0)
			return;
	keys[*n].s = s;
	keys[*n].len = len;
	keys[*n].tail = len;
	for (size_t i = 0; i < len; i++)
		if (s[i] == '*')
			keys[*n].tail = len - i - 1;
	(*n)++;
}

static void quick_build(void)
{
	for (size_t i = 0; i < NSURFACES; i++) {
		const char *pat = surfaces[i].pattern, *tail;
		size_t n = component_len(pat);

		if (n == 2 && pat[0] == '*' && pat[1] == '*') {
			if (pat[2] != '/') {
				quick.opaque = true;
				continue;
			}
			tail = pat + 3;
			n = component_len(tail);
			if ((n == 2 && tail[0] == '*' && tail[1] == '*') || n == 0)
				quick.opaque = true;
			else if (tail[n] == '\0')
				key_add(quick.last, &quick.nlast, tail, n);
			else
				key_add(quick.inner, &quick.ninner, tail, n);
		} else if (pat[n] == '/') {
			key_add(quick.first, &quick.nfirst, pat, n);
		}
		/* else one name: only a path of one name can match it */
	}
	for (size_t i = 0; i < quick.nlast; i++) {
		const struct name_key *k = &quick.last[i], *k0 = &quick.last[0];
		size_t c = 0;

		while (c < k->tail && c < k0->tail &&
		       same(k->s[k->len - 1 - c], k0->s[k0->len - 1 - c], true))
			c++;
		if (i == 0 || c < quick.common)
			quick.common = c;
	}
}

/* The last n bytes of a and of b are the same, ignoring ASCII case. */
static bool same_end(const char *a, size_t alen, const char *b, size_t blen, size_t n)
{
	if (alen < n || blen < n)
		return false;
	for (size_t i = 1; i <= n; i++)
		if (!same(a[alen - i], b[blen - i], true))
			return false;
	return true;
}

static bool any_key(const struct name_key *keys, size_t n, const char *name, size_t len)
{
	for (size_t i = 0; i < n; i++) {
		size_t t = keys[i].tail;

		if (same_end(keys[i].s, keys[i].len, name, len, t) &&
		    match_name(keys[i].s, keys[i].len, name, len, true))
			return true;
	}
	return false;
}

bool al_surface_name_may_match(const char *name)
{
	size_t len = strlen(name), c;

	pthread_once(&quick_once, quick_build);
	if (quick.opaque)
		return true;
	c = quick.common;
	if (c && !same_end(quick.last[0].s, quick.last[0].len, name, len, c))
		return false;
	return any_key(quick.last, quick.nlast, name, len);
}

bool al_surface_dir_plain(const char *reldir)
{
	pthread_once(&quick_once, quick_build);
	if (quick.opaque || *reldir == '\0' ||
	    any_key(quick.first, quick.nfirst, reldir, component_len(reldir)))
		return false;
	for (const char *p = reldir;; p += component_len(p) + 1) {
		if (any_key(quick.inner, quick.ninner, p, component_len(p)))
			return false;
		if (p[component_len(p)] == '\0')
			return true;
	}
}

/* False only when no row of the table can match `relpath` (ignoring case). */
static bool may_match(const char *relpath)
{
	const char *slash = strrchr(relpath, '/');

	if (!slash)
		return true;
	pthread_once(&quick_once, quick_build);
	if (quick.opaque || any_key(quick.first, quick.nfirst, relpath, component_len(relpath)) ||
	    any_key(quick.last, quick.nlast, slash + 1, strlen(slash + 1)))
		return true;
	for (const char *p = relpath; p < slash; p += component_len(p) + 1)
		if (any_key(quick.inner, quick.ninner, p, component_len(p)))
			return true;
	return false;
}

bool al_surface_glob(const char *pattern, const char *path)
{
	if (*path == '\0')
		return false;
	return glob_from(pattern, path, false);
}

bool al_surface_glob_fold(const char *pattern, const char *path)
{
	if (*path == '\0')
		return false;
	return glob_from(pattern, path, true);
}

const struct surface *al_surface_match(const char *relpath)
{
	if (!may_match(relpath))
		return NULL;
	for (size_t i = 0; i < NSURFACES; i++)
		if (al_surface_glob(surfaces[i].pattern, relpath))
			return &surfaces[i];
	return NULL;
}

const struct surface *al_surface_match_fold(const char *relpath, bool *variant)
{
	const struct surface *s = al_surface_match(relpath);

	*variant = false;
	if (s || *relpath == '\0' || !may_match(relpath))
		return s;
	for (size_t i = 0; i < NSURFACES; i++)
		if (glob_from(surfaces[i].pattern, relpath, true)) {
			*variant = true;
			return &surfaces[i];
		}
	return NULL;
}

airlock_class al_surface_class(const struct surface *s, const char *relpath)
{
	if (s->pattern[0] && s->by_extension && s->cls == AIRLOCK_CLASS_INSTRUCTIONS &&
	    al_surface_kind(s, relpath) == AIRLOCK_KIND_SCRIPT)
		return AIRLOCK_CLASS_EXECUTABLE;
	return s->cls;
}

/* True when the folder `reldir` lies inside a folder that a tree row reads
 * whole (its pattern, ending in a double star, matches it). */
static bool inside_tree(const char *reldir)
{
	for (size_t i = 0; i < NSURFACES; i++) {
		const char *pat = surfaces[i].pattern;
		size_t n = strlen(pat);

		if (surfaces[i].by_extension && n >= 3 && strcmp(pat + n - 3, "/**") == 0 &&
		    glob_from(pat, reldir, true))
			return true;
	}
	return false;
}

bool al_surface_skip_path(const char *reldir)
{
	const char *name = strrchr(reldir, '/');

	name = name ? name + 1 : reldir;
	if (strcmp(name, ".git") == 0)
		return true;
	return al_surface_skip_dir(name) && !inside_tree(reldir);
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

size_t airlock_surface_count(void)
{
	return NSURFACES;
}

int airlock_surface_info(size_t i, const char **pattern, const char **agent, airlock_kind *kind,
			 airlock_class *cls, const char **format)
{
	if (i >= NSURFACES)
		return AIRLOCK_EINVALID;
	if (pattern)
		*pattern = surfaces[i].pattern;
	if (agent)
		*agent = surfaces[i].agent;
	if (kind)
		*kind = surfaces[i].kind;
	if (cls)
		*cls = surfaces[i].cls;
	if (format)
		*format = al_schema_name(surfaces[i].schema);
	return 0;
}
