/*
 * tests.h - the Check suites and the helpers they share.
 */
#ifndef AIRLOCK_TESTS_H
#define AIRLOCK_TESTS_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>

#include "airlock.h"

Suite *utf8_suite(void);
Suite *url_suite(void);
Suite *surfaces_suite(void);
Suite *snapshot_suite(void);
Suite *trust_suite(void);
Suite *load_suite(void);
Suite *git_suite(void);
Suite *sandbox_suite(void);
Suite *clone_suite(void);
Suite *hostile_suite(void);
Suite *cli_suite(void);
Suite *friction_suite(void);
Suite *accept_suite(void);
Suite *basics_suite(void);
Suite *scan_suite(void);
Suite *fixtures_suite(void);
Suite *unicode_suite(void);
Suite *scan_cli_suite(void);
Suite *sarif_suite(void);
Suite *memory_suite(void);
Suite *structure_suite(void);
Suite *code_suite(void);
Suite *safeio_suite(void);
Suite *formats_yaml_suite(void);
Suite *formats_suite(void);
Suite *userconf_suite(void);
Suite *vcache_suite(void);
Suite *bigtree_suite(void);

/* A fresh directory under $TMPDIR (or /tmp); new, free() it after
 * t_rmtree(). Fails the test on error. */
char *t_mkdtemp(void);

/* Removes a tree without following symlinks, however deep it is. */
void t_rmtree(const char *path);

/* Writes `text` to root/rel, creating parent directories. */
void t_write(const char *root, const char *rel, const char *text);

/* mkdir -p root/rel. */
void t_mkdirs(const char *root, const char *rel);

/* root/rel as a new string. */
char *t_join(const char *root, const char *rel);

/* Opens the project and fails the test when that fails. */
airlock_project *t_open(const char *path);

/* The entry at `path`, or NULL. */
const airlock_entry *t_entry(const airlock_project *p, const char *path);

/* The fixtures directory (AIRLOCK_FIXTURES, else "fixtures"). */
const char *t_fixtures(void);

/* The airlock binary ($AIRLOCK_BIN) run with `args` (NULL-terminated), no
 * stdin; `env` entries "NAME=value" are set and "NAME" alone is unset in
 * the child. Free with t_run_free. */
struct t_run {
	int status; /* exit code */
	char *out, *err;
};

struct t_run t_run_env(const char *const *env, const char *const *args);
struct t_run t_run(const char *const *args);
void t_run_free(struct t_run *r);

/* Whether the tests run under valgrind, which has no seccomp(2): there the
 * sandbox forks but confines nothing (tests/valgrind_seccomp.c). */
bool t_under_valgrind(void);

/* Under valgrind, says on stderr that `test` is skipped and returns true:
 * for the tests that prove what the seccomp filter forbids. */
bool t_skip_under_valgrind(const char *test);

/* Fails unless stderr is exactly one line starting "airlock: ". */
void t_assert_one_line_error(const struct t_run *r);

#endif
