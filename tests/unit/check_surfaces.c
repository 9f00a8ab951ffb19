/*
 * check_surfaces.c - the surfaces table and its glob.
 */
#include <stdio.h>
#include <string.h>

#include "surfaces/agents.h"
#include "surfaces/files.h"
#include "surfaces/locations.h"
#include "surfaces/keys.h"
#include "tests/tests.h"

static const struct {
	const char *pattern, *path;
	bool match;
} glob_cases[] = {
	{ "CLAUDE.md", "CLAUDE.md", true },
	{ "CLAUDE.md", "claude.md", false },
	{ "CLAUDE.md", "sub/CLAUDE.md", false },
	{ "**/CLAUDE.md", "CLAUDE.md", true },
	{ "**/CLAUDE.md", "a/CLAUDE.md", true },
	{ "**/CLAUDE.md", "a/b/c/CLAUDE.md", true },
	{ "**/CLAUDE.md", "a/b/CLAUDE.md.bak", false },
	{ "**/CLAUDE.md", "a/xCLAUDE.md", false },
	{ ".claude/hooks/**", ".claude/hooks/a.sh", true },
	{ ".claude/hooks/**", ".claude/hooks/deep/er/a.sh", true },
	{ ".claude/hooks/**", ".claude/hooks", false },
	{ ".claude/hooks/**", ".claude/hooksx/a", false },
	{ ".claude/hooks/**", "x/.claude/hooks/a", false },
	{ "**/*.agent.md", "planner.agent.md", true },
	{ "**/*.agent.md", "a/b/planner.agent.md", true },
	{ "**/*.agent.md", "a/b/planner.agent.mdx", false },
	{ "**/*.agent.md", "a/.agent.md/x", false },
	{ "a*b*c", "aXXbYYc", true },
	{ "a*b*c", "abcabc", true },
	{ "a*b*c", "aXXbYY", false },
	{ "*", "", false },
	{ "*", "x/y", false },
};

START_TEST(glob_table)
{
	ck_assert_msg(al_surface_glob(glob_cases[_i].pattern, glob_cases[_i].path) ==
			      glob_cases[_i].match,
		      "glob(%s, %s) should be %d", glob_cases[_i].pattern, glob_cases[_i].path,
		      glob_cases[_i].match);
}
END_TEST

START_TEST(glob_is_not_exponential)
{
	/* 40 stars against a long non-matching name: backtracking must stay
	 * linear-ish (Check's timeout fails a run-away match). */
	char pat[128], name[4096];

	memset(pat, 0, sizeof(pat));
	for (int i = 0; i < 40; i++)
		strcat(pat, "*a");
	strcat(pat, "b");
	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	ck_assert(!al_surface_glob(pat, name));
}
END_TEST

/* Every row must match a path built from its own pattern, and first-match
 * order must give that path to a row of the same agent and class. */
START_TEST(every_row_matches_itself)
{
	size_t n;
	const struct surface *t = al_surface_table(&n);

	ck_assert_uint_gt(n, 40);
	for (size_t i = 0; i < n; i++) {
		char path[256];
		const char *pat = t[i].pattern;
		const struct surface *m;

		if (strncmp(pat, "**/", 3) == 0)
			snprintf(path, sizeof(path), "deep/er/%s", pat + 3);
		else
			snprintf(path, sizeof(path), "%s", pat);
		if (strlen(path) >= 2 && strcmp(path + strlen(path) - 2, "**") == 0)
			strcpy(path + strlen(path) - 2, "x/file.md");
		for (char *p = path; (p = strchr(p, '*'));)
			*p = 'x';
		m = al_surface_match(path);
		ck_assert_msg(m != NULL, "row %s: %s unmatched", pat, path);
		ck_assert_msg(strcmp(m->agent, t[i].agent) == 0 && m->cls == t[i].cls,
			      "row %s: %s went to %s", pat, path, m->pattern);
	}
}
END_TEST

/* The glob's work grows with the power of the number of '**' in a pattern:
 * keep the table at two at most. */
START_TEST(one_double_star_per_row)
{
	size_t n;
	const struct surface *t = al_surface_table(&n);

	for (size_t i = 0; i < n; i++) {
		const char *first = strstr(t[i].pattern, "**");
		const char *second = first ? strstr(first + 2, "**") : NULL;

		ck_assert_msg(!second || !strstr(second + 2, "**"), "%s", t[i].pattern);
	}
}
END_TEST

/* Every agent of the files table has a row saying which program starts it
 * (or that it is an editor), so shell-init wraps it. */
START_TEST(every_agent_has_a_program_row)
{
	size_t n;
	const struct surface *t = al_surface_table(&n);

	for (size_t i = 0; i < n; i++)
		ck_assert_msg(al_agent_row(t[i].agent), "%s has no row in surfaces/agents.c",
			      t[i].agent);
	ck_assert_ptr_nonnull(al_agent_row("OpenCode")->program);
	ck_assert_ptr_null(airlock_agent_program(1000));
}
END_TEST

/* Case-insensitive file systems load ".Claude/settings.json" and "Claude.md"
 * as the agent's own; the table matches them and says so. */
START_TEST(case_variants_match_and_are_flagged)
{
	bool variant;
	const struct surface *s = al_surface_match_fold(".Claude/Settings.json", &variant);

	ck_assert_ptr_nonnull(s);
	ck_assert(variant);
	ck_assert_str_eq(s->pattern, ".claude/settings.json");
	s = al_surface_match_fold("docs/Claude.md", &variant);
	ck_assert(s && variant && s->cls == AIRLOCK_CLASS_INSTRUCTIONS);
	s = al_surface_match_fold("CLAUDE.md", &variant);
	ck_assert(s && !variant);
	ck_assert_ptr_null(al_surface_match_fold("README.md", &variant));
	ck_assert(!variant);
}
END_TEST

/* Skipped folders are pruned in the project, never inside a folder the
 * table reads whole. */
START_TEST(skips_stop_at_surface_trees)
{
	ck_assert(al_surface_skip_path("node_modules"));
	ck_assert(al_surface_skip_path("src/vendor"));
	ck_assert(!al_surface_skip_path(".claude/hooks/node_modules"));
	ck_assert(!al_surface_skip_path(".claude/skills/x/vendor"));
	ck_assert(!al_surface_skip_path("pkg/.claude/skills/x/.venv"));
	ck_assert(al_surface_skip_path(".claude/hooks/.git"));
	ck_assert(!al_surface_skip_path("src"));
}
END_TEST

/* Claude Code names a project's memory folder by replacing every character
 * but ASCII letters and digits with '-'. */
START_TEST(claude_memory_slug)
{
	char out[256];

	ck_assert_int_eq(al_memory_expand(out, sizeof(out), ".claude/projects/*/memory",
					  "/home/u/my_app.v2"),
			 0);
	ck_assert_str_eq(out, ".claude/projects/-home-u-my-app-v2/memory");
}
END_TEST

START_TEST(agents_covered)
{
	static const char *const agents[] = {
		"Claude Code",       "Codex",    "Gemini CLI", "Cursor",
		"Copilot / VS Code", "Windsurf", "Cline",      "Aider"
	};
	size_t n;
	const struct surface *t = al_surface_table(&n);

	for (size_t a = 0; a < sizeof(agents) / sizeof(agents[0]); a++) {
		bool exe = false;

		for (size_t i = 0; i < n; i++)
			exe |= strcmp(t[i].agent, agents[a]) == 0 &&
			       t[i].cls == AIRLOCK_CLASS_EXECUTABLE;
		ck_assert_msg(exe, "%s has no executable surface", agents[a]);
	}
}
END_TEST

START_TEST(classes_and_kinds)
{
	const struct surface *s;

	s = al_surface_match(".claude/settings.json");
	ck_assert_int_eq(s->cls, AIRLOCK_CLASS_EXECUTABLE);
	ck_assert_int_eq(al_surface_kind(s, ".claude/settings.json"), AIRLOCK_KIND_JSON);
	s = al_surface_match(".claude/CLAUDE.md");
	ck_assert_int_eq(s->cls, AIRLOCK_CLASS_INSTRUCTIONS);
	s = al_surface_match(".claude/hooks/x.py");
	ck_assert_int_eq(s->cls, AIRLOCK_CLASS_EXECUTABLE);
	ck_assert_int_eq(al_surface_kind(s, ".claude/hooks/x.py"), AIRLOCK_KIND_SCRIPT);
	ck_assert_int_eq(al_surface_kind(s, ".claude/hooks/noext"), AIRLOCK_KIND_SCRIPT);
	ck_assert_int_eq(al_surface_kind(s, ".claude/hooks/.hidden"), AIRLOCK_KIND_SCRIPT);
	s = al_surface_match(".clinerules/hooks/pre");
	ck_assert_int_eq(s->cls, AIRLOCK_CLASS_EXECUTABLE);
	s = al_surface_match(".clinerules/notes.MD");
	ck_assert_int_eq(s->cls, AIRLOCK_CLASS_INSTRUCTIONS);
	ck_assert_int_eq(al_surface_kind(s, ".clinerules/notes.MD"), AIRLOCK_KIND_MARKDOWN);
	s = al_surface_match(".vscode/tasks.json");
	ck_assert_int_eq(al_surface_kind(s, ".vscode/tasks.json"), AIRLOCK_KIND_JSONC);
	ck_assert_ptr_null(al_surface_match("README.md"));
	ck_assert_ptr_null(al_surface_match(".vscode/extensions.json"));
	ck_assert_ptr_null(al_surface_match(".github/workflows/ci.yml"));
}
END_TEST

START_TEST(anchors_and_skips)
{
	ck_assert_ptr_nonnull(al_surface_anchor(".claude"));
	ck_assert_int_eq(al_surface_anchor(".claude")->cls, AIRLOCK_CLASS_EXECUTABLE);
	ck_assert_ptr_nonnull(al_surface_anchor(".claude/hooks"));
	ck_assert_ptr_nonnull(al_surface_anchor(".github"));
	ck_assert_int_eq(al_surface_anchor(".github")->cls, AIRLOCK_CLASS_EXECUTABLE); /* hooks */
	ck_assert_int_eq(al_surface_anchor(".github/prompts")->cls, AIRLOCK_CLASS_INSTRUCTIONS);
	ck_assert_ptr_nonnull(al_surface_anchor(".clinerules"));
	ck_assert_ptr_null(al_surface_anchor("src"));
	ck_assert_ptr_null(al_surface_anchor(".cla"));
	ck_assert_ptr_null(al_surface_anchor(""));
	ck_assert(al_surface_skip_dir(".git"));
	ck_assert(al_surface_skip_dir("node_modules"));
	ck_assert(!al_surface_skip_dir(".claude"));
	ck_assert(!al_surface_skip_dir("src"));
}
END_TEST

/* The helper table has one row per airlock_helper, in order, and the public
 * names are its keys. */
START_TEST(helper_table_follows_the_enum)
{
	ck_assert_uint_eq(al_helper_key_count, airlock_helper_count());
	ck_assert_uint_eq(al_helper_key_count, HELPER_LAST);
	for (size_t i = 0; i < al_helper_key_count; i++) {
		const struct helper_key *k = &al_helper_keys[i];

		ck_assert_int_eq(k->helper, (int)i + 1);
		ck_assert_ptr_eq(al_helper_key(k->helper), k);
		ck_assert_ptr_eq(al_helper_key_named(k->key), k);
		ck_assert_str_eq(airlock_helper_name(k->helper), k->key);
		ck_assert(k->about && *k->about);
	}
	ck_assert_str_eq(airlock_helper_name(AIRLOCK_HELPER_GCP_AUTH_REFRESH), "gcpAuthRefresh");
	ck_assert_str_eq(airlock_helper_name(AIRLOCK_HELPER_MCP_HEADERS), "headersHelper");
	ck_assert_ptr_null(airlock_helper_name(0));
	ck_assert_ptr_null(airlock_helper_name((airlock_helper)(airlock_helper_count() + 1)));
	ck_assert_ptr_null(al_helper_key_named("command"));
}
END_TEST

Suite *surfaces_suite(void)
{
	Suite *s = suite_create("surfaces");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, glob_table, 0, sizeof(glob_cases) / sizeof(glob_cases[0]));
	tcase_add_test(tc, glob_is_not_exponential);
	tcase_add_test(tc, every_row_matches_itself);
	tcase_add_test(tc, one_double_star_per_row);
	tcase_add_test(tc, agents_covered);
	tcase_add_test(tc, every_agent_has_a_program_row);
	tcase_add_test(tc, case_variants_match_and_are_flagged);
	tcase_add_test(tc, skips_stop_at_surface_trees);
	tcase_add_test(tc, claude_memory_slug);
	tcase_add_test(tc, classes_and_kinds);
	tcase_add_test(tc, anchors_and_skips);
	tcase_add_test(tc, helper_table_follows_the_enum);
	suite_add_tcase(s, tc);
	return s;
}
