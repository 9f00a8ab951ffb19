/*
 * output.c - the outputs of `airlock scan`: text for people, JSON for
 * programs, SARIF 2.1.0 for code-scanning tools.
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
	struct scan_result res = { (airlock_report *)r, NULL };
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

/* --- sarif ----------------------------------------------------------------------- */

static const char *sarif_level(airlock_severity s)
{
	if (s >= AIRLOCK_SEVERITY_HIGH)
		return "error";
	if (s == AIRLOCK_SEVERITY_MEDIUM)
		return "warning";
	return "note";
}

/* A relative URI reference for a path: unreserved bytes and '/' as they are,
 * everything else percent-encoded. New; free(). */
static char *uri_of(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *out = malloc(n * 3 + 1), *o = out;

	if (!out)
		return NULL;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}

static json_t *sarif_rules(const airlock_rules *rules)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < airlock_rules_count(rules); i++) {
		const airlock_rule *r = airlock_rules_get(rules, i);
		json_t *o = json_pack(
			"{s:s, s:s, s:{s:o}, s:{s:s}, s:{s:s, s:s, s:s, s:[s]}}", "id",
			airlock_rule_id(r), "name", airlock_rule_name(r), "shortDescription",
			"text", cli_json_string(airlock_rule_description(r)),
			"defaultConfiguration", "level", sarif_level(airlock_rule_severity(r)),
			"properties", "category", airlock_rule_category(r), "severity",
			airlock_severity_name(airlock_rule_severity(r)), "confidence",
			airlock_rule_confidence(r), "tags", airlock_rule_category(r));

		if (append(a, o) < 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static long rule_index(const airlock_rules *rules, const char *id)
{
	for (size_t i = 0; i < airlock_rules_count(rules); i++)
		if (strcmp(airlock_rule_id(airlock_rules_get(rules, i)), id) == 0)
			return (long)i;
	return -1;
}

static json_t *sarif_result(const airlock_finding *f, const char *path, const airlock_rules *rules)
{
	char *uri = uri_of(path);
	const char *ex = airlock_finding_excerpt(f);
	json_t *region, *o, *props;

	if (!uri)
		return NULL;
	region = json_pack("{s:I, s:I, s:I, s:I}", "startLine", (json_int_t)airlock_finding_line(f),
			   "startColumn", (json_int_t)airlock_finding_column(f), "endLine",
			   (json_int_t)airlock_finding_end_line(f), "endColumn",
			   (json_int_t)airlock_finding_end_column(f));
	if (region && ex && *ex)
		json_object_set_new(region, "snippet",
				    json_pack("{s:o}", "text", cli_json_string(ex)));
	props = json_pack("{s:s, s:s, s:s}", "severity",
			  airlock_severity_name(airlock_finding_severity(f)), "category",
			  airlock_finding_category(f), "confidence", airlock_finding_confidence(f));
	if (props && airlock_finding_hidden(f))
		json_object_set_new(props, "hidden", cli_json_string(airlock_finding_hidden(f)));
	o = json_pack("{s:s, s:I, s:s, s:{s:o}, s:[{s:{s:{s:s}, s:o}}], s:o}", "ruleId",
		      airlock_finding_rule(f), "ruleIndex",
		      (json_int_t)rule_index(rules, airlock_finding_rule(f)), "level",
		      sarif_level(airlock_finding_severity(f)), "message", "text",
		      cli_json_string(airlock_finding_message(f)), "locations", "physicalLocation",
		      "artifactLocation", "uri", uri, "region", region, "properties", props);
	free(uri);
	return o;
}

int report_print_sarif(const struct scan_result *res, size_t n)
{
	const airlock_rules *rules = n ? airlock_report_rules(res[0].report) : NULL;
	json_t *results = json_array(), *root = NULL;
	int rc = -1;

	if (!results || !rules)
		goto out;
	for (size_t k = 0; k < n; k++) {
		const airlock_report *r = res[k].report;

		for (size_t i = 0; i < airlock_report_finding_count(r); i++) {
			const airlock_finding *f = airlock_report_finding(r, i);
			char *path = shown_path(res[k].prefix, airlock_finding_file(f));

			rc = path ? append(results, sarif_result(f, path, rules)) : -1;
			free(path);
			if (rc < 0)
				goto out;
		}
	}
	/* A failed scan never gets here (exit 2, no output), so the one
	 * invocation recorded was successful. */
	root = json_pack("{s:s, s:s, s:[{s:{s:{s:s, s:s, s:s, s:o, s:{s:s}}}, s:[{s:b}], s:s, "
			 "s:O}]}",
			 "$schema", "https://json.schemastore.org/sarif-2.1.0.json", "version",
			 "2.1.0", "runs", "tool", "driver", "name", "airlock", "version",
			 airlock_version(), "semanticVersion", airlock_version(), "rules",
			 sarif_rules(rules), "properties", "signatures",
			 airlock_rules_version(rules), "invocations", "executionSuccessful", 1,
			 "columnKind", "unicodeCodePoints", "results", results);
	rc = root ? 0 : -1;
out:
	if (rc == 0 && (json_dumpf(root, stdout, JSON_INDENT(2) | JSON_ENSURE_ASCII) < 0 ||
			fputc('\n', stdout) == EOF))
		rc = cli_error("cannot write the output");
	else if (rc < 0)
		rc = out_of_memory();
	json_decref(root);
	json_decref(results);
	return rc ? rc : finish_output();
}
