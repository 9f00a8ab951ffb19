/*
 * cmd_scan_git.c - `airlock scan --git REPO [--rev REV | --rev A..B]`: judge
 * commits from the object database, never touching a working tree.
 *
 * With a range, every commit is scanned and only the findings it introduced
 * (absent from its first parent) are reported against it, so a bad commit
 * buried under a clean HEAD is still named.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"

/* What identifies a finding across commits: lines move, content does not. */
static char *finding_key(const airlock_finding *f)
{
	char *key;
	const char *ex = airlock_finding_excerpt(f);

	if (asprintf(&key, "%s\x1f%s\x1f%s\x1f%s", airlock_finding_rule(f), airlock_finding_file(f),
		     airlock_finding_message(f), ex ? ex : "") < 0)
		return NULL;
	return key;
}

static bool in_report(const airlock_report *r, const char *key)
{
	for (size_t i = 0; r && i < airlock_report_finding_count(r); i++) {
		char *k = finding_key(airlock_report_finding(r, i));
		bool same = k && strcmp(k, key) == 0;

		free(k);
		if (same)
			return true;
	}
	return false;
}

static int scan_commit(airlock_report **out, const char *repo, const char *rev,
		       const airlock_options *opts)
{
	airlock_project *p = NULL;
	int rc;

	*out = NULL;
	if ((rc = airlock_project_open_git(&p, repo, rev, opts)) == 0)
		rc = airlock_project_scan(out, p);
	airlock_project_free(p);
	return rc < 0 ? cli_lib_error(rc, "scan --git") : 0;
}

static int single(const char *repo, const char *rev, enum output_format format,
		  airlock_severity fail_on, const airlock_options *opts)
{
	struct scan_result res = { .report = NULL };
	int rc;

	if ((rc = scan_commit(&res.report, repo, rev, opts)) != 0)
		return rc;
	if (format == FORMAT_JSON)
		rc = report_print_json(&res, 1, fail_on);
	else if (format == FORMAT_SARIF)
		rc = report_print_sarif(&res, 1, SARIF_GIT);
	else
		rc = report_print_text(&res, 1, fail_on);
	if (rc == 0)
		rc = airlock_report_blocks(res.report) ? EXIT_FINDINGS : EXIT_OK;
	airlock_report_free(res.report);
	return rc;
}

struct range_out {
	enum output_format format;
	airlock_severity fail_on;
	json_t *commits;
	struct sarif *sarif;
	size_t introduced;
	bool blocked;
};

/* Reports the findings of `cur` that `parent` does not have. 0, or
 * EXIT_USAGE when SARIF output cannot be built. */
static int introduced(struct range_out *o, const char *commit, const airlock_report *cur,
		      const airlock_report *parent)
{
	json_t *list = o->format == FORMAT_JSON ? json_array() : NULL;
	bool header = false, color = cli_color(stdout);
	const char *file = NULL;

	for (size_t i = 0; i < airlock_report_finding_count(cur); i++) {
		const airlock_finding *f = airlock_report_finding(cur, i);
		char *key = finding_key(f);
		bool old = !key || in_report(parent, key);

		free(key);
		if (old)
			continue;
		o->introduced++;
		o->blocked |= airlock_finding_severity(f) >= o->fail_on;
		if (o->sarif) {
			if (sarif_add(o->sarif, f, NULL, commit) != 0)
				return EXIT_USAGE;
			continue;
		}
		if (list) {
			json_array_append_new(list,
					      report_finding_json(f, airlock_finding_file(f)));
			continue;
		}
		if (!header) {
			printf("commit %s\n", commit);
			header = true;
		}
		if (!file || strcmp(file, airlock_finding_file(f)) != 0) {
			char *shown = cli_escape(airlock_finding_file(f));

			printf("%s\n", shown);
			free(shown);
			file = airlock_finding_file(f);
		}
		report_print_finding(f, color);
	}
	if (list)
		json_array_append_new(o->commits,
				      json_pack("{s:s, s:o}", "commit", commit, "findings", list));
	return 0;
}

static int range(const char *repo, const char *spec, enum output_format format,
		 airlock_severity fail_on, const airlock_options *opts)
{
	struct range_out o = { format, fail_on, NULL, NULL, 0, false };
	airlock_report *prev = NULL, *cur = NULL;
	airlock_rules *rules = NULL;
	char **commits = NULL, parent[41], last[41] = "";
	bool progress = isatty(STDERR_FILENO) != 0;
	size_t n = 0;
	int rc;

	if ((rc = airlock_repo_commits(&commits, &n, repo, spec)) < 0)
		return cli_lib_error(rc, "scan --git");
	/* SARIF: one run of every commit's new findings, each naming its commit
	 * (a pull request's range, for code scanning) */
	if (format == FORMAT_SARIF) {
		if ((rc = airlock_rules_load(&rules, opts)) < 0) {
			airlock_strings_free(commits, n);
			return cli_lib_error(rc, "scan --git");
		}
		if (!(o.sarif = sarif_new(SARIF_GIT, rules, NULL))) {
			airlock_rules_free(rules);
			airlock_strings_free(commits, n);
			return EXIT_USAGE;
		}
	}
	o.commits = json_array();
	for (size_t i = 0; i < n && rc == 0; i++) {
		/* on a terminal, which commit is being read: the line is cleared
		 * before anything else is printed (issue 19 item 11) */
		if (progress)
			fprintf(stderr, "\r\033[Kairlock: scanning commit %zu of %zu (%.12s)",
				i + 1, n, commits[i]);
		/* the baseline is the first parent: the previous commit when the
		 * history is a line, else scanned on its own; none for a root */
		if (airlock_repo_parent(parent, repo, commits[i]) < 0) {
			airlock_report_free(prev);
			prev = NULL;
		} else if (strcmp(parent, last) != 0) {
			airlock_report_free(prev);
			if ((rc = scan_commit(&prev, repo, parent, opts)) != 0)
				break;
		}
		if ((rc = scan_commit(&cur, repo, commits[i], opts)) != 0)
			break;
		if (progress)
			fputs("\r\033[K", stderr);
		rc = introduced(&o, commits[i], cur, prev);
		airlock_report_free(prev);
		prev = cur;
		cur = NULL;
		snprintf(last, sizeof(last), "%s", commits[i]);
	}
	if (progress)
		fputs("\r\033[K", stderr); /* also after a failure mid-range */
	if (rc == 0 && o.sarif) {
		rc = sarif_finish(o.sarif);
		o.sarif = NULL;
	} else if (rc == 0 && format == FORMAT_JSON) {
		rc = cli_json_emit(json_pack("{s:s, s:o, s:O}", "range", spec, "disabled_rules",
					     cli_disabled_json(), "commits", o.commits),
				   NULL);
	} else if (rc == 0) {
		printf("%zu finding%s introduced in %zu commit%s; failing at %s and above\n",
		       o.introduced, o.introduced == 1 ? "" : "s", n, n == 1 ? "" : "s",
		       airlock_severity_name(fail_on));
		cli_disabled_note(stdout);
	}
	json_decref(o.commits);
	sarif_free(o.sarif);
	airlock_rules_free(rules);
	airlock_report_free(prev);
	airlock_report_free(cur);
	airlock_strings_free(commits, n);
	if (rc != 0)
		return rc;
	return o.blocked ? EXIT_FINDINGS : EXIT_OK;
}

int scan_git(const char *repo, const char *rev, enum output_format format, airlock_severity fail_on,
	     const airlock_options *opts)
{
	if (rev && strstr(rev, ".."))
		return range(repo, rev, format, fail_on, opts);
	return single(repo, rev, format, fail_on, opts);
}
