/*
 * cmd_clone.c - `airlock clone URL [DIR]`: fetch, judge HEAD from the object
 * database, and only then check out.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

const char cmd_clone_help[] =
	"Usage: airlock clone [OPTIONS] URL [DIR]\n"
	"\n"
	"Fetches the repository at URL into DIR (default: the URL's last name) without\n"
	"checking anything out, scans the tree of the default branch's HEAD from the\n"
	"object database, and checks it out only if no finding is at or above the\n"
	"threshold. No hook, filter driver or submodule runs at any point.\n"
	"\n"
	"On a block, the report is printed, DIR/.git keeps the fetched objects for\n"
	"inspection (e.g. 'airlock scan --git DIR'), no working-tree file is written,\n"
	"and the exit code is 1.\n"
	"\n"
	"Options:\n"
	"  --fail-on SEVERITY   block at SEVERITY and above (default: your config's, else high)\n"
	"  --force              check out even when blocked, after printing the report\n"
	"  --trust              after a clean checkout, review and trust the project\n"
	"                       (as 'airlock trust'; asks unless --yes)\n"
	"  --yes                with --trust: do not ask\n"
	"  -h, --help           show this help\n"
	"\n"
	"Exit codes: 0 cloned, 1 blocked (nothing checked out), 2 usage, network or\n"
	"repository error, 3 trust declined at the prompt.\n";

struct clone_args {
	const char *url, *dir;
	airlock_severity fail_on;
	bool force, trust, yes;
};

static int parse_args(struct clone_args *a, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		int r;

		if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			fputs(cmd_clone_help, stdout);
			return -1;
		} else if (strcmp(arg, "--force") == 0) {
			a->force = true;
		} else if (strcmp(arg, "--trust") == 0) {
			a->trust = true;
		} else if (strcmp(arg, "--yes") == 0) {
			a->yes = true;
		} else if ((r = cli_fail_on_option(&a->fail_on, argc, argv, &i)) != 0) {
			if (r < 0)
				return EXIT_USAGE;
		} else if (arg[0] == '-' && arg[1]) {
			return cli_error("clone: unknown option '%s' (run 'airlock help clone')",
					 arg);
		} else if (!a->url) {
			a->url = arg;
		} else if (!a->dir) {
			a->dir = arg;
		} else {
			return cli_error("clone: takes a URL and at most one directory");
		}
	}
	if (!a->url)
		return cli_error("clone: no URL given (run 'airlock help clone')");
	if (a->yes && !a->trust)
		return cli_error("clone: --yes goes with --trust");
	/* asked before anything is fetched, not after the checkout */
	if (a->trust && !a->yes && !isatty(STDIN_FILENO))
		return cli_error(
			"clone: --trust asks on a terminal, and this is none: clone, then run 'airlock trust --yes --expect DIGEST DIR' with the digest 'airlock status DIR' shows, or pass --yes");
	return 0;
}

/* "https://host/org/name.git" -> "name", as git names the directory. */
static char *default_dir(const char *url)
{
	size_t len = strlen(url);
	const char *base;
	char *dir;

	while (len > 1 && url[len - 1] == '/')
		len--;
	base = url + len;
	while (base > url && base[-1] != '/' && base[-1] != ':')
		base--;
	if (!(dir = strndup(base, (size_t)(url + len - base))))
		return NULL;
	if (strlen(dir) > 4 && strcmp(dir + strlen(dir) - 4, ".git") == 0)
		dir[strlen(dir) - 4] = '\0';
	if (!*dir || strcmp(dir, ".") == 0 || strcmp(dir, "..") == 0) {
		free(dir);
		return NULL;
	}
	return dir;
}

static int progress(size_t done, size_t total, uint64_t bytes, void *payload)
{
	(void)bytes;
	(void)payload;
	fprintf(stderr, "\rairlock: receiving objects %zu/%zu", done, total);
	if (done == total)
		fputc('\n', stderr);
	return 0;
}

int cmd_clone(int argc, char **argv)
{
	struct clone_args a = { 0 };
	struct scan_result res = { .report = NULL };
	airlock_options opts;
	airlock_project *p = NULL;
	char *dir = NULL;
	bool blocked;
	int rc = parse_args(&a, argc, argv);

	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (!(dir = a.dir ? strdup(a.dir) : default_dir(a.url)))
		return cli_error("clone: cannot name a directory for '%s'; give one", a.url);
	if ((rc = cli_options(&opts)) != 0) {
		free(dir);
		return rc;
	}
	if (a.fail_on)
		opts.block_threshold = a.fail_on;
	a.fail_on = opts.block_threshold;
	if ((rc = airlock_repo_fetch(a.url, dir, isatty(STDERR_FILENO) ? progress : NULL, NULL)) <
	    0) {
		rc = cli_lib_error(rc, "clone");
		goto out;
	}
	if ((rc = airlock_project_open_git(&p, dir, "HEAD", &opts)) < 0 ||
	    (rc = airlock_project_scan(&res.report, p)) < 0) {
		rc = cli_lib_error(rc, "clone");
		goto out;
	}
	blocked = airlock_report_blocks(res.report) != 0;
	if ((rc = report_print_text(&res, 1, a.fail_on)) != 0)
		goto out;
	if (blocked && !a.force) {
		char *shown = cli_escape(dir);

		cli_error(
			"clone: blocked: nothing was checked out; the fetched objects are in %s/.git (airlock scan --git %s)",
			shown, shown);
		free(shown);
		rc = EXIT_FINDINGS;
		goto out;
	}
	if (blocked)
		fprintf(stderr,
			"airlock: clone: --force: checking out despite the findings above\n");
	if ((rc = airlock_repo_checkout(dir)) < 0) {
		rc = cli_lib_error(rc, "clone");
		goto out;
	}
	rc = EXIT_OK;
	if (a.trust) {
		char *targv[] = { "trust", a.yes ? "--yes" : dir, a.yes ? dir : NULL, NULL };

		rc = cmd_trust(a.yes ? 3 : 2, targv);
	}
out:
	airlock_report_free(res.report);
	airlock_project_free(p);
	free(dir);
	return rc;
}
