/*
 * check_main.c - runs every suite in one runner, so the closing line counts
 * all of them.
 */
#include <stdlib.h>
#include <sys/stat.h>

#include "tests/tests.h"

int main(void)
{
	SRunner *sr = srunner_create(utf8_suite());
	int failed;

	umask(022); /* the group-writable checks must not depend on the caller */
	/* no verdict cache but the vcache suite's: every other suite scans what
	 * it wrote, and nothing lands in the real home */
	setenv("AIRLOCK_CACHE_DIR", "", 1);
	srunner_add_suite(sr, url_suite());
	srunner_add_suite(sr, surfaces_suite());
	srunner_add_suite(sr, snapshot_suite());
	srunner_add_suite(sr, trust_suite());
	srunner_add_suite(sr, load_suite());
	srunner_add_suite(sr, git_suite());
	srunner_add_suite(sr, sandbox_suite());
	srunner_add_suite(sr, clone_suite());
	srunner_add_suite(sr, hostile_suite());
	srunner_add_suite(sr, cli_suite());
	srunner_add_suite(sr, friction_suite());
	srunner_add_suite(sr, accept_suite());
	srunner_add_suite(sr, basics_suite());
	srunner_add_suite(sr, scan_suite());
	srunner_add_suite(sr, fixtures_suite());
	srunner_add_suite(sr, unicode_suite());
	srunner_add_suite(sr, scan_cli_suite());
	srunner_add_suite(sr, sarif_suite());
	srunner_add_suite(sr, memory_suite());
	srunner_add_suite(sr, structure_suite());
	srunner_add_suite(sr, code_suite());
	srunner_add_suite(sr, safeio_suite());
	srunner_add_suite(sr, formats_yaml_suite());
	srunner_add_suite(sr, formats_suite());
	srunner_add_suite(sr, userconf_suite());
	srunner_add_suite(sr, vcache_suite());
	srunner_add_suite(sr, bigtree_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
