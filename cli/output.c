/*
 * output.c - the outputs of `airlock scan`: text for people, JSON for
 * programs (SARIF is cli/sarif.c).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"

/* The name a finding's file is shown under: prefixed with the PATH given on
 * the command line when several were. New; free(). */
static char *shown_path(const char *prefix, const char *file)
{
	size_t n;
	char *out;

	if (!prefix)
		return strdup(file);
	n = strlen(prefix);
	while (n > 1 && prefix[n - 1] == '/')
		n--;
	if (asprintf(&out, "%.*s/%s", (int)n, prefix, file) < 0)
		return NULL;
	return out;
}

static int out_of_memory(void)
{
	return cli_error("cannot build the output (out of memory)");
}

static int finish_output(void)
{
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : cli_error("cannot write the output");
}

/* --- text ------------------------------------------------------------------------ */

static const char *severity_color(airlock_severity s)
{
	switch (s) {
	case AIRLOCK_SEVERITY_CRITICAL:
		return "\033[1;35m";
	case AIRLOCK_SEVERITY_HIGH:
		return "\033[1;31m";
	case AIRLOCK_SEVERITY_MEDIUM:
		return "\033[33m";
	default:
		return "\033[36m";
	}
}

/* One finding: "  LINE:COL SEVERITY RULE  message", its excerpt and hidden
 * text below; `status` (a memory scan's new or known) leads when given. */
static void print_finding(const airlock_finding *f, bool color, const char *status)
{
	airlock_severity s = airlock_finding_severity(f);
	char *msg = cli_escape(airlock_finding_message(f));
	const char *ex = airlock_finding_excerpt(f), *hidden = airlock_finding_hidden(f);

	if (status)
		printf("  %-6s", status);
	printf("  %u:%-5u %s%-8s%s %s  %s\n", airlock_finding_line(f), airlock_finding_column(f),
	       color ? severity_color(s) : "", airlock_severity_name(s), color ? "\033[0m" : "",
	       airlock_finding_rule(f), msg);
	if (ex && *ex)
		printf("%s          %s| %s%s\n", status ? "        " : "", color ? "\033[2m" : "",
		       ex, color ? "\033[0m" : "");
	if (hidden && *hidden) {
		char *h = cli_escape(hidden);

		printf("%s          hidden: %s\n", status ? "        " : "", h);
		free(h);
	}
	free(msg);
}

void report_print_finding(const airlock_finding *f, bool color)
{
	print_finding(f, color, NULL);
}

/* Every finding of the reports, grouped under their file's name; counts them
 * by severity (and, with `memory`, known ones). */
static int print_grouped(const struct scan_result *res, size_t n, bool color, bool memory,
			 size_t counts[AIRLOCK_SEVERITY_CRITICAL + 1], size_t *total, size_t *known)
{
	for (size_t k = 0; k < n; k++) {
		const airlock_report *r = res[k].report;
		char *current = NULL;

		for (size_t i = 0; i < airlock_report_finding_count(r); i++) {
			const airlock_finding *f = airlock_report_finding(r, i);
			char *path = shown_path(res[k].prefix, airlock_finding_file(f));
			bool was = airlock_finding_known(f) != 0;

			if (!path) {
				free(current);
				return out_of_memory();
			}
			if (!current || strcmp(current, path) != 0) {
				char *shown = cli_escape(path);

				printf(color ? "%s\033[1m%s\033[0m\n" : "%s%s\n",
				       *total ? "\n" : "", shown);
				free(shown);
				free(current);
				current = path;
			} else {
				free(path);
			}
			print_finding(f, color, memory ? (was ? "known" : "new") : NULL);
			counts[airlock_finding_severity(f)]++;
			*known += was;
			(*total)++;
		}
		free(current);
	}
	if (*total)
		printf("\n");
	return 0;
}

static void print_counts(const size_t counts[AIRLOCK_SEVERITY_CRITICAL + 1])
{
	for (int s = AIRLOCK_SEVERITY_CRITICAL; s >= AIRLOCK_SEVERITY_INFO; s--)
		if (counts[s])
			printf(", %zu %s", counts[s], airlock_severity_name((airlock_severity)s));
}

int report_print_text(const struct scan_result *res, size_t n, airlock_severity fail_on)
{
	bool color = cli_color(stdout);
	size_t counts[AIRLOCK_SEVERITY_CRITICAL + 1] = { 0 }, total = 0, known = 0, files = 0,
						  scanned = 0;
	int rc;

	for (size_t k = 0; k < n; k++) {
		const airlock_report *r = res[k].report;

		files += airlock_report_file_count(r);
		for (size_t i = 0; i < airlock_report_file_count(r); i++)
			scanned += airlock_report_file_scanned(r, i) != 0;
	}
	if ((rc = print_grouped(res, n, color, false, counts, &total, &known)) != 0)
		return rc;
	printf("%zu finding%s", total, total == 1 ? "" : "s");
	print_counts(counts);
	printf(" in %zu file%s (%zu scanned); failing at %s and above\n", files,
	       files == 1 ? "" : "s", scanned, airlock_severity_name(fail_on));
	cli_disabled_note(stdout);
	return finish_output();
}

/* A memory scan's text: the project scan's layout, each finding marked new
 * or known, and the files as scanned, unchanged and skipped (which add up). */
int report_print_text_memory(const airlock_report *r, airlock_severity fail_on)
{
	struct scan_result res = { (airlock_report *)r, NULL, NULL, false };
	bool color = cli_color(stdout);
	size_t counts[AIRLOCK_SEVERITY_CRITICAL + 1] = { 0 }, total = 0, known = 0, scanned = 0;
	size_t files = airlock_report_file_count(r);
	int rc;

	for (size_t i = 0; i < files; i++)
		scanned += airlock_report_file_scanned(r, i) != 0;
	if ((rc = print_grouped(&res, 1, color, true, counts, &total, &known)) != 0)
		return rc;
	printf("%zu finding%s (%zu new, %zu known)", total, total == 1 ? "" : "s", total - known,
	       known);
	print_counts(counts);
	printf(" in %zu file%s (%zu scanned, %zu unchanged, %zu skipped); failing at %s and "
	       "above\n",
	       files, files == 1 ? "" : "s", scanned, airlock_report_files_unchanged(r),
	       airlock_report_files_skipped(r), airlock_severity_name(fail_on));
	return finish_output();
}

/* --- json ------------------------------------------------------------------------ */

json_t *report_finding_json(const airlock_finding *f, const char *path)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:o, s:I, s:I, s:I, s:I, s:o, s:o}", "rule",
			      airlock_finding_rule(f), "severity",
			      airlock_severity_name(airlock_finding_severity(f)), "category",
			      airlock_finding_category(f), "confidence",
			      airlock_finding_confidence(f), "file", cli_json_string(path), "line",
			      (json_int_t)airlock_finding_line(f), "column",
			      (json_int_t)airlock_finding_column(f), "end_line",
			      (json_int_t)airlock_finding_end_line(f), "end_column",
			      (json_int_t)airlock_finding_end_column(f), "message",
			      cli_json_string(airlock_finding_message(f)), "excerpt",
			      cli_json_string(airlock_finding_excerpt(f)));

	if (o && airlock_finding_hidden(f) &&
	    json_object_set_new(o, "hidden", cli_json_string(airlock_finding_hidden(f))) < 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int append(json_t *a, json_t *v)
{
	return v && json_array_append_new(a, v) == 0 ? 0 : -1;
}

int report_print_json(const struct scan_result *res, size_t n, airlock_severity fail_on)
{
	json_t *findings = json_array(), *files = json_array(), *root = NULL;
	airlock_severity max = 0;
	int rc = -1;

	if (!findings || !files)
		goto out;
	for (size_t k = 0; k < n; k++) {
		const airlock_report *r = res[k].report;

		if (airlock_report_max_severity(r) > max)
			max = airlock_report_max_severity(r);
		for (size_t i = 0; i < airlock_report_finding_count(r); i++) {
			const airlock_finding *f = airlock_report_finding(r, i);
			char *path = shown_path(res[k].prefix, airlock_finding_file(f));

			rc = path ? append(findings, report_finding_json(f, path)) : -1;
			free(path);
			if (rc < 0)
				goto out;
		}
		for (size_t i = 0; i < airlock_report_file_count(r); i++) {
			char *path = shown_path(res[k].prefix, airlock_report_file_path(r, i));

			rc = path ? append(files,
					   json_pack("{s:o, s:s, s:b}", "path",
						     cli_json_string(path), "kind",
						     airlock_kind_name(
							     airlock_report_file_kind(r, i)),
						     "scanned", airlock_report_file_scanned(r, i)))
				  : -1;
			free(path);
			if (rc < 0)
				goto out;
		}
	}
	root = json_pack("{s:s, s:s, s:o, s:o, s:O, s:O}", "signatures",
			 n ? airlock_rules_version(airlock_report_rules(res[0].report)) : "",
			 "fail_on", airlock_severity_name(fail_on), "max_severity",
			 max ? json_string(airlock_severity_name(max)) : json_null(),
			 "disabled_rules", cli_disabled_json(), "findings", findings, "files",
			 files);
	rc = root ? 0 : -1;
out:
	if (rc == 0) {
		rc = cli_json_emit(root, NULL);
		root = NULL;
	} else if (rc < 0) {
		rc = out_of_memory();
	}
	json_decref(root);
	json_decref(findings);
	json_decref(files);
	return rc ? rc : finish_output();
}
