/*
 * check_fixtures.c - the data-driven scan cases: each folder
 * fixtures/scan/<category>/<case>/ is a project tree with an EXPECTED file
 * listing every finding (rule, file, line, optionally severity) the scan must
 * report, no more and no less, and an optional max-severity bound that
 * benign look-alikes must stay under. Adding a case is adding a folder.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/tests.h"

/* --- the data-driven cases -------------------------------------------------------- */

struct expect {
	char **lines; /* "rule\tfile\tline" */
	size_t count;
	char **sevs; /* "rule\tfile\tline\tseverity" for lines that name one */
	size_t nsevs;
	airlock_severity max; /* 0: no bound */
};

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void expect_read(struct expect *e, const char *dir)
{
	char *path = t_join(dir, "EXPECTED"), line[1024];
	FILE *f = fopen(path, "r");

	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	memset(e, 0, sizeof(*e));
	e->lines = calloc(256, sizeof(char *));
	e->sevs = calloc(256, sizeof(char *));
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '\0' || line[0] == '#')
			continue;
		if (strncmp(line, "max-severity\t", 13) == 0) {
			ck_assert_int_eq(airlock_severity_parse(&e->max, line + 13), 0);
			continue;
		}
		ck_assert_uint_lt(e->count, 256);
		if (strchr(strchr(strchr(line, '\t') + 1, '\t') + 1, '\t')) {
			e->sevs[e->nsevs++] = strdup(line);
			*strrchr(line, '\t') = '\0';
		}
		e->lines[e->count++] = strdup(line);
	}
	fclose(f);
	free(path);
	qsort(e->lines, e->count, sizeof(char *), by_str);
}

static void expect_free(struct expect *e)
{
	for (size_t i = 0; i < e->count; i++)
		free(e->lines[i]);
	for (size_t i = 0; i < e->nsevs; i++)
		free(e->sevs[i]);
	free(e->lines);
	free(e->sevs);
}

static char **found_lines(const airlock_report *r, size_t *n)
{
	char **v = calloc(airlock_report_finding_count(r) + 1, sizeof(char *));

	*n = airlock_report_finding_count(r);
	for (size_t i = 0; i < *n; i++) {
		const airlock_finding *f = airlock_report_finding(r, i);

		ck_assert_int_gt(asprintf(&v[i], "%s\t%s\t%u", airlock_finding_rule(f),
					  airlock_finding_file(f), airlock_finding_line(f)),
				 0);
	}
	qsort(v, *n, sizeof(char *), by_str);
	return v;
}

/* True when a finding matches "rule\tfile\tline\tseverity". */
static bool has_severity(const airlock_report *r, const char *want)
{
	for (size_t i = 0; i < airlock_report_finding_count(r); i++) {
		const airlock_finding *f = airlock_report_finding(r, i);
		char *line;
		bool same;

		ck_assert_int_gt(asprintf(&line, "%s\t%s\t%u\t%s", airlock_finding_rule(f),
					  airlock_finding_file(f), airlock_finding_line(f),
					  airlock_severity_name(airlock_finding_severity(f))),
				 0);
		same = strcmp(line, want) == 0;
		free(line);
		if (same)
			return true;
	}
	return false;
}

/* Returns a description of the difference, or NULL when the case passes. */
static char *check_case(const char *dir)
{
	airlock_project *p = t_open(dir);
	airlock_report *r = NULL;
	struct expect e;
	char **got, *why = NULL;
	size_t n;
	int rc = airlock_project_scan(&r, p);

	if (rc != 0) {
		ck_assert_int_gt(asprintf(&why, "%s: scan failed: %s", dir, airlock_error_last()),
				 0);
		airlock_project_free(p);
		return why;
	}
	expect_read(&e, dir);
	got = found_lines(r, &n);
	for (size_t i = 0; i < (n > e.count ? n : e.count) && !why; i++)
		if (i >= n || i >= e.count || strcmp(got[i], e.lines[i]) != 0)
			ck_assert_int_gt(asprintf(&why, "%s: got '%s', expected '%s' (%zu vs %zu)",
						  dir, i < n ? got[i] : "(nothing)",
						  i < e.count ? e.lines[i] : "(nothing)", n,
						  e.count),
					 0);
	for (size_t i = 0; i < e.nsevs && !why; i++)
		if (!has_severity(r, e.sevs[i]))
			ck_assert_int_gt(asprintf(&why, "%s: no finding '%s'", dir, e.sevs[i]), 0);
	if (!why && e.max && airlock_report_max_severity(r) > e.max)
		ck_assert_int_gt(asprintf(&why, "%s: a benign look-alike reached %s (bound: %s)",
					  dir,
					  airlock_severity_name(airlock_report_max_severity(r)),
					  airlock_severity_name(e.max)),
				 0);
	for (size_t i = 0; i < n; i++)
		free(got[i]);
	free(got);
	expect_free(&e);
	airlock_report_free(r);
	airlock_project_free(p);
	return why;
}

static char **list_dirs(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **v = calloc(512, sizeof(char *));

	ck_assert_msg(d != NULL, "%s: %s", dir, strerror(errno));
	*n = 0;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.' && de->d_type == DT_DIR && *n < 511)
			v[(*n)++] = strdup(de->d_name);
	closedir(d);
	qsort(v, *n, sizeof(char *), by_str);
	return v;
}

START_TEST(fixtures_match_expected)
{
	char *base = t_join(t_fixtures(), "scan");
	size_t ncat, cases = 0, failed = 0;
	char **cats = list_dirs(base, &ncat);

	for (size_t c = 0; c < ncat; c++) {
		char *cdir = t_join(base, cats[c]);
		size_t ncase;
		char **names = list_dirs(cdir, &ncase);

		ck_assert_msg(ncase > 0, "category %s has no cases", cats[c]);
		for (size_t i = 0; i < ncase; i++) {
			char *dir = t_join(cdir, names[i]), *why = check_case(dir);

			if (why) {
				fprintf(stderr, "fixture: %s\n", why);
				failed++;
				free(why);
			}
			cases++;
			free(dir);
			free(names[i]);
		}
		free(names);
		free(cdir);
		free(cats[c]);
	}
	free(cats);
	free(base);
	ck_assert_uint_ge(ncat, 10);
	ck_assert_uint_ge(cases, 30);
	ck_assert_msg(failed == 0, "%zu of %zu fixture cases differ (see stderr)", failed, cases);
}
END_TEST

/* Every signature has a positive case: a rule nobody has seen fire is a rule
 * nobody knows works. */
START_TEST(every_signature_has_a_fixture)
{
	char *base = t_join(t_fixtures(), "scan");
	airlock_rules *rules = NULL;
	char *cmd, buf[64 * 1024];
	size_t len;
	FILE *f;

	ck_assert_int_eq(airlock_rules_load(&rules, NULL), 0);
	ck_assert_int_gt(asprintf(&cmd, "cat %s/*/*/EXPECTED", base), 0);
	f = popen(cmd, "r");
	ck_assert_ptr_nonnull(f);
	len = fread(buf, 1, sizeof(buf) - 1, f);
	buf[len] = '\0';
	pclose(f);
	for (size_t i = 0; i < airlock_rules_count(rules); i++) {
		const airlock_rule *r = airlock_rules_get(rules, i);
		char needle[32];

		if (strcmp(airlock_rule_source(r), "signature") != 0)
			continue;
		snprintf(needle, sizeof(needle), "\n%s\t", airlock_rule_id(r));
		ck_assert_msg(strstr(buf, needle) != NULL, "no fixture shows %s firing",
			      airlock_rule_id(r));
	}
	airlock_rules_free(rules);
	free(cmd);
	free(base);
}
END_TEST

Suite *fixtures_suite(void)
{
	Suite *s = suite_create("scan-fixtures");
	TCase *tc = tcase_create("scan-fixtures");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, fixtures_match_expected);
	tcase_add_test(tc, every_signature_has_a_fixture);
	suite_add_tcase(s, tc);
	return s;
}
