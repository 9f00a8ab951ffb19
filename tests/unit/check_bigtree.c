/*
 * check_bigtree.c - the walk of a large tree: the quick test the surfaces
 * table puts in front of itself, git's index read directly, and the cases
 * where a faster walk could miss what an agent loads. Real trees and real
 * repositories, made by the tests.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "airlock.h"
#include "common/limits.h"
#include "snapshot/dircache.h"
#include "common/gitlib.h"
#include "snapshot/git_index.h"
#include "surfaces/files.h"
#include "tests/tests.h"

static char *tmp, *repo;

static void sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Runs a shell command in the repository; fails the test if it fails. */
static void sh(const char *fmt, ...)
{
	char cmd[8192], full[16384];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	snprintf(full, sizeof(full), "cd '%s' && { %s; } >/dev/null 2>&1", repo, cmd);
	rc = system(full);
	ck_assert_msg(rc == 0, "command failed (%d): %s", rc, cmd);
}

static void setup(void)
{
	tmp = t_mkdtemp();
	repo = t_join(tmp, "repo");
	setenv("HOME", tmp, 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("GIT_AUTHOR_NAME", "t", 1);
	setenv("GIT_AUTHOR_EMAIL", "t@example.invalid", 1);
	setenv("GIT_COMMITTER_NAME", "t", 1);
	setenv("GIT_COMMITTER_EMAIL", "t@example.invalid", 1);
	t_mkdirs(repo, ".");
}

/* The same, with the walk's cache on (in tmp/cache) and a racy window of
 * 50 ms instead of 2 s, so that a test need not wait. */
static char *cache;

static void setup_cache(void)
{
	setup();
	cache = t_join(tmp, "cache");
	setenv("AIRLOCK_CACHE_DIR", cache, 1);
	al_dircache_racy_ns = 50 * 1000 * 1000;
}

static void teardown_cache(void)
{
	setenv("AIRLOCK_CACHE_DIR", "", 1);
	al_dircache_racy_ns = 2000000000LL;
	free(cache);
	cache = NULL;
}

/* Waits until what was just changed is older than the racy window. */
static void settle(void)
{
	usleep(120 * 1000);
}

static void teardown(void)
{
	teardown_cache();
	t_rmtree(tmp);
	free(tmp);
	free(repo);
}

/* A checkout like the benchmark's, small: sources, a node_modules tree with
 * a tracked CLAUDE.md, a build output below the walk's depth limit with a
 * tracked CLAUDE.md at its bottom. Returns the deep folder (new). */
static char *big_checkout(void)
{
	char *deep = strdup("build/out");

	for (int i = 0; i < LIMIT_WALK_DEPTH + 8; i++) {
		char *next;

		if (asprintf(&next, "%s/l%02d", deep, i) < 0)
			ck_abort();
		free(deep);
		deep = next;
		if (i % 4 == 0) {
			char *f;

			if (asprintf(&f, "%s/o.txt", deep) < 0)
				ck_abort();
			t_write(repo, f, "obj\n");
			free(f);
		}
	}
	for (int a = 0; a < 6; a++)
		for (int i = 0; i < 10; i++) {
			char rel[64];

			snprintf(rel, sizeof(rel), "src/app%d/mod/f%d.c", a, i);
			t_write(repo, rel, "int f(void) { return 0; }\n");
		}
	t_write(repo, "node_modules/p/index.js", "module.exports = 1;\n");
	t_write(repo, "node_modules/p/CLAUDE.md", "# vendored, tracked\n");
	t_write(repo, "CLAUDE.md", "# root\n");
	{
		char *f;

		if (asprintf(&f, "%s/CLAUDE.md", deep) < 0)
			ck_abort();
		t_write(repo, f, "# generated, tracked\n");
		free(f);
	}
	sh("git init -q -b main . && git add -A && git commit -q -m v1");
	return deep;
}

static bool has_limit(const airlock_project *p)
{
	for (size_t i = 0; i < airlock_project_entry_count(p); i++)
		if (airlock_entry_reasons(airlock_project_entry(p, i)) & AIRLOCK_REASON_LIMIT)
			return true;
	return false;
}

/* A CLAUDE.md (and other names the agents load) added deep in folders the
 * walk passes through without a look at most names is seen, whatever the
 * case of its name; so is a nested .claude or .cursor folder's content. */
START_TEST(deep_context_file_added_is_seen)
{
	char *deep = big_checkout(), *f;
	airlock_project *p = t_open(repo);
	size_t before = airlock_project_entry_count(p);

	ck_assert(!has_limit(p));
	ck_assert_ptr_nonnull(t_entry(p, "node_modules/p/CLAUDE.md"));
	airlock_project_free(p);

	t_write(repo, "build/out/l00/l01/l02/l03/CLAUDE.md", "# added\n");
	t_write(repo, "src/app3/mod/claude.md", "# a case variant\n");
	t_write(repo, "src/app4/mod/x.instructions.md", "# copilot\n");
	t_write(repo, "src/app5/.claude/commands/go.md", "# nested command\n");
	t_write(repo, "src/app5/mod/.cursor/rules/r.mdc", "# nested rule\n");
	t_write(repo, "src/app2/mod/notes.txt", "not a context file\n");
	p = t_open(repo);
	ck_assert_ptr_nonnull(t_entry(p, "build/out/l00/l01/l02/l03/CLAUDE.md"));
	ck_assert_ptr_nonnull(t_entry(p, "src/app3/mod/claude.md"));
	ck_assert(airlock_entry_reasons(t_entry(p, "src/app3/mod/claude.md")) &
		  AIRLOCK_REASON_CASE_VARIANT);
	ck_assert_ptr_nonnull(t_entry(p, "src/app4/mod/x.instructions.md"));
	ck_assert_ptr_nonnull(t_entry(p, "src/app5/.claude/commands/go.md"));
	ck_assert_ptr_nonnull(t_entry(p, "src/app5/mod/.cursor/rules/r.mdc"));
	ck_assert_ptr_null(t_entry(p, "src/app2/mod/notes.txt"));
	ck_assert_uint_eq(airlock_project_entry_count(p), before + 5);
	airlock_project_free(p);

	/* beyond the depth limit the index speaks for the folder, as it does
	 * for node_modules: an untracked file there is not seen (DESIGN.md,
	 * "folders ... skipped for speed"), a tracked one is */
	if (asprintf(&f, "%s/AGENTS.md", deep) < 0)
		ck_abort();
	t_write(repo, f, "# untracked, beyond the limit\n");
	p = t_open(repo);
	ck_assert_ptr_null(t_entry(p, f));
	airlock_project_free(p);
	sh("git add -A && git commit -q -m agents");
	p = t_open(repo);
	ck_assert_ptr_nonnull(t_entry(p, f));
	airlock_project_free(p);
	free(f);
	free(deep);
}
END_TEST

/* A file renamed into a surface name is seen at its new name, in a plain
 * folder as in a surface folder. */
START_TEST(renamed_into_surface_name_is_seen)
{
	char *deep = big_checkout(), *from, *to;
	airlock_project *p;

	t_write(repo, "src/app1/mod/notes.md", "# notes\n");
	t_write(repo, "src/app1/mod/draft.txt", "# draft\n");
	t_write(repo, ".github/workflows/x.md", "# not a prompt\n");
	p = t_open(repo);
	ck_assert_ptr_null(t_entry(p, "src/app1/mod/notes.md"));
	airlock_project_free(p);
	from = t_join(repo, "src/app1/mod/notes.md");
	to = t_join(repo, "src/app1/mod/AGENTS.md");
	ck_assert_int_eq(rename(from, to), 0);
	free(from);
	free(to);
	from = t_join(repo, "src/app1/mod/draft.txt");
	to = t_join(repo, "src/app1/mod/review.agent.md");
	ck_assert_int_eq(rename(from, to), 0);
	free(from);
	free(to);
	t_mkdirs(repo, ".github/prompts");
	from = t_join(repo, ".github/workflows/x.md");
	to = t_join(repo, ".github/prompts/x.md");
	ck_assert_int_eq(rename(from, to), 0);
	free(from);
	free(to);
	p = t_open(repo);
	ck_assert_ptr_nonnull(t_entry(p, "src/app1/mod/AGENTS.md"));
	ck_assert_ptr_nonnull(t_entry(p, "src/app1/mod/review.agent.md"));
	ck_assert_ptr_nonnull(t_entry(p, ".github/prompts/x.md"));
	airlock_project_free(p);
	free(deep);
}
END_TEST

/* A folder replaced by a symlink to a folder outside is not followed: what
 * lies behind the link is not read as part of the project. */
START_TEST(directory_replaced_by_symlink_not_followed)
{
	char *deep = big_checkout(), *dir, *outside;
	airlock_project *p;

	t_write(repo, "src/app2/mod/CLAUDE.md", "# inside\n");
	p = t_open(repo);
	ck_assert_ptr_nonnull(t_entry(p, "src/app2/mod/CLAUDE.md"));
	airlock_project_free(p);
	outside = t_join(tmp, "outside");
	t_write(outside, "CLAUDE.md", "# outside\n");
	t_write(outside, ".claude/settings.json", "{}\n");
	dir = t_join(repo, "src/app2/mod");
	t_rmtree(dir);
	ck_assert_int_eq(symlink(outside, dir), 0);
	p = t_open(repo);
	for (size_t i = 0; i < airlock_project_entry_count(p); i++)
		ck_assert_msg(strncmp(airlock_entry_path(airlock_project_entry(p, i)),
				      "src/app2/mod/", 13) != 0,
			      "followed the link: %s",
			      airlock_entry_path(airlock_project_entry(p, i)));
	airlock_project_free(p);
	free(dir);
	free(outside);
	free(deep);
}
END_TEST

/* --- the quick test against the table ---------------------------------- */

static const char *const dir_names[] = {
	"src",        "lib",       "a",       "B",       "node_modules", "vendor",  ".claude",
	".Claude",    ".cursor",   ".github", "docs",    "build",        "skills",  "rules",
	"commands",   "prompts",   "hooks",   ".gemini", ".codex",       ".roo",    "rules-x",
	".kiro",      "steering",  ".vscode", ".junie",  "agents",       ".agents", ".devcontainer",
	"x.agent.md", "CLAUDE.md",
};
static const char *const file_names[] = {
	"main.c",
	"index.js",
	"README.md",
	"CLAUDE.md",
	"claude.md",
	"Claude.MD",
	"AGENTS.md",
	"agents.override.md",
	"GEMINI.md",
	"QWEN.md",
	"x.agent.md",
	"y.Instructions.MD",
	"settings.json",
	"mcp.json",
	".mcp.json",
	"notes.txt",
	"CLAUDE.local.md",
	"x.md",
	"crush.json",
	".env",
	"devcontainer.json",
	"a.code-workspace",
	"SKILL.md",
	"hooks.json",
	"r.mdc",
	"config.toml",
	".cursorrules",
	"WARP.md",
	"opencode.json",
	".clinerules",
};
#define NDIRS  (sizeof(dir_names) / sizeof(dir_names[0]))
#define NFILES (sizeof(file_names) / sizeof(file_names[0]))

/* The table's answer without the quick test: the first row matching
 * exactly, else the first matching ignoring case. */
static const struct surface *table_match(const char *path)
{
	size_t n;
	const struct surface *t = al_surface_table(&n);

	for (size_t i = 0; i < n; i++)
		if (al_surface_glob(t[i].pattern, path))
			return &t[i];
	for (size_t i = 0; i < n; i++)
		if (al_surface_glob_fold(t[i].pattern, path))
			return &t[i];
	return NULL;
}

static void random_path(char *out, size_t cap, unsigned int *seed)
{
	int depth = rand_r(seed) % 6;

	out[0] = '\0';
	for (int i = 0; i < depth; i++) {
		strncat(out, dir_names[rand_r(seed) % NDIRS], cap - strlen(out) - 1);
		strncat(out, "/", cap - strlen(out) - 1);
	}
	strncat(out, file_names[rand_r(seed) % NFILES], cap - strlen(out) - 1);
}

START_TEST(quick_test_agrees_with_the_table)
{
	unsigned int seed = 20;
	char path[512];
	bool variant;

	for (int i = 0; i < 40000; i++) {
		const struct surface *want;
		char *slash;

		random_path(path, sizeof(path), &seed);
		want = table_match(path);
		ck_assert_msg(al_surface_match_fold(path, &variant) == want, "%s", path);
		if ((slash = strrchr(path, '/'))) {
			*slash = '\0';
			if (al_surface_dir_plain(path) && !al_surface_name_may_match(slash + 1))
				ck_assert_msg(!want, "%s/%s passed over", path, slash + 1);
		}
	}
}
END_TEST

/* --- the walk against a reference walk, on a tree that changes ------------ */

struct pathset {
	char **v;
	size_t n, cap;
};

static void set_add(struct pathset *s, const char *p)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = realloc(s->v, s->cap * sizeof(*s->v));
		ck_assert_ptr_nonnull(s->v);
	}
	s->v[s->n++] = strdup(p);
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void set_free(struct pathset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* Every file or link the table names, found by reading every folder (but
 * those the walk prunes) and asking every row. */
static void reference_walk(struct pathset *out, const char *root, const char *rel)
{
	char *dir = rel[0] ? t_join(root, rel) : strdup(root);
	struct dirent *de;
	DIR *d = opendir(dir);

	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d))) {
		char path[4096], *full;
		struct stat st;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s%s%s", rel, rel[0] ? "/" : "", de->d_name);
		full = t_join(root, path);
		ck_assert_int_eq(lstat(full, &st), 0);
		free(full);
		if (S_ISDIR(st.st_mode)) {
			if (!al_surface_skip_path(path))
				reference_walk(out, root, path);
		} else if (table_match(path) || (S_ISLNK(st.st_mode) && al_surface_anchor(path))) {
			set_add(out, path);
		}
	}
	closedir(d);
	free(dir);
}

static void compare_walks(const char *root, int round)
{
	struct pathset want = { 0 }, got = { 0 };
	airlock_project *p = t_open(root);

	reference_walk(&want, root, "");
	for (size_t i = 0; i < airlock_project_entry_count(p); i++)
		set_add(&got, airlock_entry_path(airlock_project_entry(p, i)));
	airlock_project_free(p);
	qsort(want.v, want.n, sizeof(*want.v), by_str);
	qsort(got.v, got.n, sizeof(*got.v), by_str);
	for (size_t i = 0; i < want.n || i < got.n; i++)
		ck_assert_msg(i < want.n && i < got.n && strcmp(want.v[i], got.v[i]) == 0,
			      "round %d: the table names %s, the walk found %s", round,
			      i < want.n ? want.v[i] : "(nothing)",
			      i < got.n ? got.v[i] : "(nothing)");
	ck_assert_uint_gt(want.n, 0);
	set_free(&want);
	set_free(&got);
}

/* Makes the folders of `rel`; false when one of them is a file or a link. */
static bool make_parents(const char *rel)
{
	char buf[512], *full;
	struct stat st;
	bool ok = true;

	snprintf(buf, sizeof(buf), "%s", rel);
	for (char *q = strchr(buf, '/'); q && ok; q = strchr(q + 1, '/')) {
		*q = '\0';
		full = t_join(repo, buf);
		if (mkdir(full, 0755) < 0)
			ok = errno == EEXIST && lstat(full, &st) == 0 && S_ISDIR(st.st_mode);
		free(full);
		*q = '/';
	}
	return ok;
}

START_TEST(walk_agrees_with_a_full_walk_on_a_changing_tree)
{
	unsigned int seed = 2026;
	char rel[512], rel2[512];

	for (int i = 0; i < 400; i++) {
		char *full;
		struct stat st;

		random_path(rel, sizeof(rel), &seed);
		if (!make_parents(rel))
			continue;
		full = t_join(repo, rel);
		if (lstat(full, &st) < 0) {
			if (i % 9 == 0)
				ck_assert_int_eq(symlink("main.c", full), 0);
			else
				t_write(repo, rel, "text\n");
		}
		free(full);
	}
	compare_walks(repo, 0);
	if (cache) {
		settle();
		compare_walks(repo, 0);
		compare_walks(repo, 0);
	}
	for (int round = 1; round <= 6; round++) {
		/* rename into a pool name, remove, replace a folder by a link */
		for (int k = 0; k < 30; k++) {
			char *a, *b, *slash;

			random_path(rel, sizeof(rel), &seed);
			a = t_join(repo, rel);
			if (access(a, F_OK) != 0) {
				free(a);
				continue;
			}
			strcpy(rel2, rel);
			slash = strrchr(rel2, '/');
			snprintf(slash ? slash + 1 : rel2,
				 sizeof(rel2) - (slash ? (size_t)(slash + 1 - rel2) : 0), "%s",
				 file_names[rand_r(&seed) % NFILES]);
			b = t_join(repo, rel2);
			if (k % 5 == 0) {
				t_rmtree(a);
			} else if (access(b, F_OK) != 0) {
				ck_assert_int_eq(rename(a, b), 0);
			}
			free(a);
			free(b);
		}
		{
			char *d, *slash;

			random_path(rel, sizeof(rel), &seed);
			if ((slash = strrchr(rel, '/'))) {
				*slash = '\0';
				d = t_join(repo, rel);
				if (access(d, F_OK) == 0) {
					t_rmtree(d);
					ck_assert_int_eq(symlink("/tmp", d), 0);
				}
				free(d);
			}
		}
		compare_walks(repo, round);
		if (cache) { /* recorded once settled, then replayed */
			settle();
			compare_walks(repo, round);
			compare_walks(repo, round);
		}
	}
}
END_TEST

/* --- git's index, read directly ---------------------------------------- */

static int collect(const char *path, size_t len, void *payload)
{
	ck_assert_uint_eq(strlen(path), len);
	set_add(payload, path);
	return 0;
}

static unsigned char *read_index(size_t *len)
{
	char *path = t_join(repo, ".git/index");
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	free(path);
	*len = (size_t)n;
	return buf;
}

/* The paths libgit2 reads from the same index. */
static void libgit2_paths(struct pathset *out)
{
	char *path = t_join(repo, ".git/index");
	git_index *index;

	ck_assert_int_eq(al_git_init(), 0);
	ck_assert_int_eq(al_git.index_open(&index, path), 0);
	for (size_t i = 0; i < al_git.index_entrycount(index); i++)
		set_add(out, al_git.index_get_byindex(index, i)->path);
	al_git.index_free(index);
	al_git.libgit2_shutdown();
	free(path);
}

static void index_agrees(const char *what)
{
	struct pathset ours = { 0 }, theirs = { 0 };
	size_t len;
	unsigned char *buf = read_index(&len);

	ck_assert_msg(al_git_index_paths(buf, len, collect, &ours) == 0, "%s: refused", what);
	libgit2_paths(&theirs);
	ck_assert_uint_eq(ours.n, theirs.n);
	for (size_t i = 0; i < ours.n; i++)
		ck_assert_msg(strcmp(ours.v[i], theirs.v[i]) == 0, "%s: %s != %s", what, ours.v[i],
			      theirs.v[i]);
	set_free(&ours);
	set_free(&theirs);
	free(buf);
}

/* Versions 2, 3 (an extended flag) and 4 (paths prefix-compressed) list the
 * paths libgit2 lists, long names included. */
START_TEST(index_reader_agrees_with_libgit2)
{
	char *deep = big_checkout();
	char longname[3200];

	/* a path past the 12-bit length field's 0xFFF is not needed: names are
	 * at most 255 bytes, so a long path is many folders */
	strcpy(longname, "long");
	for (int i = 0; i < 12; i++) {
		strcat(longname, "/");
		size_t l = strlen(longname);

		memset(longname + l, 'n', 240);
		longname[l + 240] = '\0';
	}
	strcat(longname, "/CLAUDE.md");
	t_write(repo, longname, "# long\n");
	sh("git add -A");
	index_agrees("version 2");
	sh("git update-index --skip-worktree src/app1/mod/f1.c");
	index_agrees("version 3");
	sh("git update-index --no-skip-worktree src/app1/mod/f1.c && "
	   "git update-index --index-version 4");
	index_agrees("version 4");
	free(deep);
}
END_TEST

/* An index the reader refuses (a split index: part of the entries live in
 * another file) goes to libgit2; the result is the same manifest. */
START_TEST(split_index_falls_back)
{
	char *deep = big_checkout();
	airlock_project *p;
	unsigned char *buf;
	char *digest;
	size_t len;
	struct pathset ours = { 0 };

	p = t_open(repo);
	digest = strdup(airlock_project_digest(p));
	ck_assert_ptr_nonnull(t_entry(p, "node_modules/p/CLAUDE.md"));
	airlock_project_free(p);
	sh("git update-index --split-index && echo x >> src/app0/mod/f0.c && git add -A");
	buf = read_index(&len);
	ck_assert_int_eq(al_git_index_paths(buf, len, collect, &ours), AIRLOCK_EINVALID);
	ck_assert_uint_eq(ours.n, 0); /* refused before any path is given out */
	free(buf);
	p = t_open(repo);
	/* libgit2 1.5 cannot read a split index either: the limit stands
	 * (fail closed); a libgit2 that can finds the tracked file */
	ck_assert(t_entry(p, "node_modules/p/CLAUDE.md") || has_limit(p));
	ck_assert_str_ne(airlock_project_digest(p), "");
	airlock_project_free(p);
	free(digest);
	free(deep);
}
END_TEST

/* Every truncation and many corruptions of a real index: no crash, no read
 * past the end; and a project whose index is garbage keeps its limit entry
 * (fail closed) instead of passing. */
START_TEST(corrupt_index_is_refused)
{
	char *deep = big_checkout(), *path;
	unsigned int seed = 7;
	unsigned char *buf;
	size_t len;
	airlock_project *p;
	FILE *f;

	sh("git update-index --index-version 4");
	buf = read_index(&len);
	for (size_t n = 0; n < len; n++) {
		struct pathset s = { 0 };
		unsigned char *copy = malloc(n ? n : 1);

		memcpy(copy, buf, n);
		(void)al_git_index_paths(copy, n, collect, &s);
		set_free(&s);
		free(copy);
	}
	for (int i = 0; i < 3000; i++) {
		struct pathset s = { 0 };
		unsigned char *copy = malloc(len);

		memcpy(copy, buf, len);
		for (int k = 0; k < 1 + i % 4; k++)
			copy[12 + (size_t)rand_r(&seed) % (len - 12)] =
				(unsigned char)rand_r(&seed);
		(void)al_git_index_paths(copy, len, collect, &s);
		set_free(&s);
		free(copy);
	}
	free(buf);

	path = t_join(repo, ".git/index");
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	fputs("DIRC\0\0\0\2\0\0\0\5garbage garbage garbage garbage garbage", f);
	fclose(f);
	p = t_open(repo);
	ck_assert(has_limit(p));
	ck_assert_ptr_null(t_entry(p, "node_modules/p/CLAUDE.md"));
	airlock_project_free(p);
	free(path);
	free(deep);
}
END_TEST

/* --- the walk's cache ------------------------------------------------------ */

/* Every entry's path and hash, one line each: what two walks must agree on. */
static char *manifest(const airlock_options *opts, unsigned long *listed)
{
	unsigned long before = al_dircache_listed;
	airlock_project *p = NULL;
	size_t len = 0;
	char *out = NULL;
	FILE *f = open_memstream(&out, &len);

	ck_assert_msg(airlock_project_open(&p, repo, opts) == 0, "%s", airlock_error_last());
	for (size_t i = 0; i < airlock_project_entry_count(p); i++) {
		const airlock_entry *e = airlock_project_entry(p, i);

		fprintf(f, "%s %s %u\n", airlock_entry_path(e), airlock_entry_sha256(e),
			airlock_entry_reasons(e));
	}
	fprintf(f, "digest %s\n", airlock_project_digest(p));
	fclose(f);
	airlock_project_free(p);
	if (listed)
		*listed = al_dircache_listed - before;
	return out;
}

/* The manifest with no cache at all, for comparison. */
static char *manifest_uncached(unsigned long *listed)
{
	char *m;

	setenv("AIRLOCK_CACHE_DIR", "", 1);
	m = manifest(NULL, listed);
	setenv("AIRLOCK_CACHE_DIR", cache, 1);
	return m;
}

/* The project's cache file (the one file in cache/walk). */
static char *cache_file(void)
{
	char *dir = t_join(cache, "walk"), *found = NULL;
	struct dirent *de;
	DIR *d = opendir(dir);

	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d)))
		if (de->d_name[0] != '.') {
			ck_assert_ptr_null(found);
			found = t_join(dir, de->d_name);
		}
	closedir(d);
	free(dir);
	ck_assert_ptr_nonnull(found);
	return found;
}

/* A second walk of an unchanged tree lists only the folders the cache does
 * not hold (the root, the surface folders) and finds the same manifest. */
START_TEST(cache_reuses_unchanged_folders)
{
	char *deep = big_checkout(), *ref, *m1, *m2;
	unsigned long full, first, second;

	settle();
	ref = manifest_uncached(&full);
	m1 = manifest(NULL, &first);
	m2 = manifest(NULL, &second);
	ck_assert_str_eq(m1, ref);
	ck_assert_str_eq(m2, ref);
	ck_assert_uint_eq(first, full);
	ck_assert_msg(second * 4 < full, "listed %lu of %lu folders again", second, full);
	free(ref);
	free(m1);
	free(m2);
	free(deep);
}
END_TEST

/* With the cache warm: a CLAUDE.md added deep in an unchanged-looking tree,
 * a file renamed into AGENTS.md, a folder swapped for a link to the outside:
 * each is seen (or not followed) exactly as without the cache. */
START_TEST(cache_sees_what_changed)
{
	char *deep = big_checkout(), *ref, *m, *from, *to, *outside, *dir;
	unsigned long listed;

	settle();
	free(manifest(NULL, NULL));
	free(manifest(NULL, NULL));

	t_write(repo, "build/out/l00/l01/l02/l03/l04/l05/l06/l07/CLAUDE.md", "# added deep\n");
	from = t_join(repo, "src/app1/mod/f3.c");
	to = t_join(repo, "src/app1/mod/AGENTS.md");
	ck_assert_int_eq(rename(from, to), 0);
	outside = t_join(tmp, "outside");
	t_write(outside, "CLAUDE.md", "# outside\n");
	dir = t_join(repo, "src/app2/mod");
	t_rmtree(dir);
	ck_assert_int_eq(symlink(outside, dir), 0);
	/* the content of a file the cache lists is read every time */
	t_write(repo, "src/app0/CLAUDE.md", "# changed content\n");

	m = manifest(NULL, &listed);
	ref = manifest_uncached(NULL);
	ck_assert_str_eq(m, ref);
	ck_assert_ptr_nonnull(strstr(m, "build/out/l00/l01/l02/l03/l04/l05/l06/l07/CLAUDE.md "));
	ck_assert_ptr_nonnull(strstr(m, "src/app1/mod/AGENTS.md "));
	ck_assert_ptr_nonnull(strstr(m, "src/app0/CLAUDE.md "));
	ck_assert_ptr_null(strstr(m, "src/app2/mod/"));
	free(m);
	/* settled, the changed folders are recorded and the result stays */
	settle();
	free(manifest(NULL, NULL));
	m = manifest(NULL, &listed);
	ck_assert_str_eq(m, ref);
	free(m);
	free(ref);
	free(from);
	free(to);
	free(outside);
	free(dir);
	free(deep);
}
END_TEST

enum spoil { FLIP, TRUNCATE, WORLD_WRITABLE_FILE, WORLD_WRITABLE_DIR, LINK, GARBAGE, HUGE_COUNT };

static void spoil(enum spoil how)
{
	char *file = cache_file(), *dir = t_join(cache, "walk");
	struct stat st;
	FILE *f;

	ck_assert_int_eq(stat(file, &st), 0);
	switch (how) {
	case FLIP: {
		/* the byte is written back where it was read: after fgetc the
		 * position is one further on, and the byte there may already
		 * hold the flipped value (it did, now and then, before) */
		int c;

		f = fopen(file, "r+b");
		ck_assert_ptr_nonnull(f);
		ck_assert_int_eq(fseek(f, st.st_size / 2, SEEK_SET), 0);
		ck_assert_int_ne(c = fgetc(f), EOF);
		ck_assert_int_eq(fseek(f, st.st_size / 2, SEEK_SET), 0);
		ck_assert_int_ne(fputc(c ^ 0x20, f), EOF);
		ck_assert_int_eq(fclose(f), 0);
		break;
	}
	case TRUNCATE:
		ck_assert_int_eq(truncate(file, st.st_size / 3), 0);
		break;
	case WORLD_WRITABLE_FILE:
		ck_assert_int_eq(chmod(file, 0666), 0);
		break;
	case WORLD_WRITABLE_DIR:
		ck_assert_int_eq(chmod(dir, 0777), 0);
		break;
	case LINK: {
		char *other = t_join(tmp, "elsewhere");

		ck_assert_int_eq(rename(file, other), 0);
		ck_assert_int_eq(symlink(other, file), 0);
		free(other);
		break;
	}
	case GARBAGE:
		f = fopen(file, "wb");
		fputs("airlock-walk-1\nnot a cache at all", f);
		fclose(f);
		break;
	case HUGE_COUNT:
		/* the first record's path length (after the magic, the key and
		 * its newline) claims more bytes than the file holds: the digest
		 * no longer matches, and the parse would refuse it anyway */
		f = fopen(file, "r+b");
		ck_assert_ptr_nonnull(f);
		ck_assert_int_eq(fseek(f, 15 + 64 + 1, SEEK_SET), 0);
		fputc(0xff, f);
		fputc(0xff, f);
		fputc(0xff, f);
		ck_assert_int_eq(fclose(f), 0);
		break;
	}
	free(file);
	free(dir);
}

/* A cache file that is corrupt, truncated, writable by others, in a folder
 * writable by others, a link, or not a cache: ignored, every folder listed,
 * the same manifest; and the file is rewritten sound when it can be. */
START_TEST(spoiled_cache_is_ignored)
{
	char *deep = big_checkout(), *ref, *m;
	unsigned long full, listed;

	settle();
	ref = manifest_uncached(&full);
	for (int how = FLIP; how <= HUGE_COUNT; how++) {
		free(manifest(NULL, NULL));
		free(manifest(NULL, &listed));
		ck_assert_msg(listed * 4 < full, "case %d: the cache was not used to begin with",
			      how);
		spoil((enum spoil)how);
		m = manifest(NULL, &listed);
		ck_assert_str_eq(m, ref);
		ck_assert_msg(listed == full, "case %d: %lu of %lu folders listed", how, listed,
			      full);
		free(m);
		/* start the next case from a sound cache */
		{
			char *dir = t_join(cache, "walk");

			t_rmtree(cache);
			free(dir);
		}
	}
	free(ref);
	free(deep);
}
END_TEST

/* AIRLOCK_OPT_NO_CACHE (scan --no-cache) lists every folder and finds what
 * the cached walk finds. */
START_TEST(no_cache_option_gives_the_same_result)
{
	char *deep = big_checkout(), *cached, *uncached;
	airlock_options opts = AIRLOCK_OPTIONS_INIT;
	unsigned long full, listed;

	settle();
	free(manifest_uncached(&full));
	free(manifest(NULL, NULL));
	cached = manifest(NULL, &listed);
	ck_assert_uint_lt(listed, full);
	opts.flags |= AIRLOCK_OPT_NO_CACHE;
	uncached = manifest(&opts, &listed);
	ck_assert_uint_eq(listed, full);
	ck_assert_str_eq(cached, uncached);
	free(cached);
	free(uncached);
	free(deep);
}
END_TEST

Suite *bigtree_suite(void)
{
	Suite *s = suite_create("bigtree");
	TCase *tc = tcase_create("walk");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, deep_context_file_added_is_seen);
	tcase_add_test(tc, renamed_into_surface_name_is_seen);
	tcase_add_test(tc, directory_replaced_by_symlink_not_followed);
	tcase_add_test(tc, quick_test_agrees_with_the_table);
	tcase_add_test(tc, walk_agrees_with_a_full_walk_on_a_changing_tree);
	tcase_add_test(tc, index_reader_agrees_with_libgit2);
	tcase_add_test(tc, split_index_falls_back);
	tcase_add_test(tc, corrupt_index_is_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("cache");
	tcase_add_checked_fixture(tc, setup_cache, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, cache_reuses_unchanged_folders);
	tcase_add_test(tc, cache_sees_what_changed);
	tcase_add_test(tc, spoiled_cache_is_ignored);
	tcase_add_test(tc, no_cache_option_gives_the_same_result);
	tcase_add_test(tc, deep_context_file_added_is_seen);
	tcase_add_test(tc, renamed_into_surface_name_is_seen);
	tcase_add_test(tc, directory_replaced_by_symlink_not_followed);
	tcase_add_test(tc, walk_agrees_with_a_full_walk_on_a_changing_tree);
	suite_add_tcase(s, tc);
	return s;
}
