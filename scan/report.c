/*
 * report.c - building a report, and every airlock_report_* and
 * airlock_finding_* accessor.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "scan/report.h"

int al_scan_report_new(airlock_report **out, const struct scan_options *so)
{
	airlock_report *r = calloc(1, sizeof(*r));

	if (!r)
		return al_error_oom();
	r->threshold = so->threshold;
	*out = r;
	return 0;
}

int al_scan_report_add_file(airlock_report *r, const char *path, airlock_kind kind, bool scanned)
{
	struct report_file *f;

	if (r->nfiles == r->files_alloc) {
		size_t n = r->files_alloc ? r->files_alloc * 2 : 16;

		if (n > SIZE_MAX / sizeof(*f) || !(f = realloc(r->files, n * sizeof(*f))))
			return al_error_oom();
		r->files = f;
		r->files_alloc = n;
	}
	f = &r->files[r->nfiles];
	if (!(f->path = strdup(path)))
		return al_error_oom();
	f->kind = kind;
	f->scanned = scanned;
	f->nfindings = 0;
	r->nfiles++;
	return 0;
}

void al_scan_report_finish(airlock_report *r, const struct scan_options *so)
{
	size_t out = 0;

	for (size_t i = 0; i < r->fs.count; i++) {
		if (al_scan_options_disabled(so, r->fs.v[i].rule)) {
			al_finding_clear(&r->fs.v[i]);
			continue;
		}
		r->fs.v[out++] = r->fs.v[i];
	}
	r->fs.count = out;
	al_findings_finish(&r->fs);
}

void airlock_report_free(airlock_report *r)
{
	if (!r)
		return;
	al_findings_free(&r->fs);
	free(r->warning);
	for (size_t i = 0; i < r->nfiles; i++)
		free(r->files[i].path);
	free(r->files);
	airlock_rules_free(r->rules);
	free(r);
}

size_t airlock_report_finding_count(const airlock_report *r)
{
	return r->fs.count;
}

const airlock_finding *airlock_report_finding(const airlock_report *r, size_t i)
{
	return i < r->fs.count ? &r->fs.v[i] : NULL;
}

airlock_severity airlock_report_max_severity(const airlock_report *r)
{
	airlock_severity max = 0;

	for (size_t i = 0; i < r->fs.count; i++)
		if (r->fs.v[i].severity > max)
			max = r->fs.v[i].severity;
	return max;
}

int airlock_report_blocks(const airlock_report *r)
{
	for (size_t i = 0; i < r->fs.count; i++)
		if (r->fs.v[i].severity >= r->threshold && !r->fs.v[i].accepted)
			return 1;
	return 0;
}

size_t airlock_report_file_count(const airlock_report *r)
{
	return r->nfiles;
}

const char *airlock_report_file_path(const airlock_report *r, size_t i)
{
	return i < r->nfiles ? r->files[i].path : NULL;
}

airlock_kind airlock_report_file_kind(const airlock_report *r, size_t i)
{
	return i < r->nfiles ? r->files[i].kind : 0;
}

int airlock_report_file_scanned(const airlock_report *r, size_t i)
{
	return i < r->nfiles && r->files[i].scanned;
}

const airlock_rules *airlock_report_rules(const airlock_report *r)
{
	return r->rules;
}

const char *airlock_finding_rule(const airlock_finding *f)
{
	return f->rule;
}

const char *airlock_finding_category(const airlock_finding *f)
{
	return f->category;
}

airlock_severity airlock_finding_severity(const airlock_finding *f)
{
	return f->severity;
}

const char *airlock_finding_confidence(const airlock_finding *f)
{
	return f->confidence;
}

const char *airlock_finding_file(const airlock_finding *f)
{
	return f->file;
}

unsigned int airlock_finding_line(const airlock_finding *f)
{
	return f->line;
}

unsigned int airlock_finding_column(const airlock_finding *f)
{
	return f->column;
}

unsigned int airlock_finding_end_line(const airlock_finding *f)
{
	return f->end_line;
}

unsigned int airlock_finding_end_column(const airlock_finding *f)
{
	return f->end_column;
}

const char *airlock_finding_message(const airlock_finding *f)
{
	return f->message;
}

const char *airlock_finding_excerpt(const airlock_finding *f)
{
	return f->excerpt;
}

const char *airlock_finding_hidden(const airlock_finding *f)
{
	return f->hidden;
}

/* Set by memory scans only. */
const char *airlock_report_warning(const airlock_report *r)
{
	return r ? r->warning : NULL;
}

size_t airlock_report_files_read(const airlock_report *r)
{
	return r ? r->files_read : 0;
}

int airlock_finding_accepted(const airlock_finding *f)
{
	return f && f->accepted;
}

size_t airlock_report_files_unchanged(const airlock_report *r)
{
	return r ? r->files_unchanged : 0;
}

size_t airlock_report_files_skipped(const airlock_report *r)
{
	return r ? r->files_skipped : 0;
}

int airlock_finding_known(const airlock_finding *f)
{
	return f && f->known;
}
