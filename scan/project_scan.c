/*
 * project_scan.c - airlock_project_scan and airlock_file_scan: the snapshot's
 * bytes (or one named file's) through the scanners, in a confined child.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/limits.h"
#include "common/utf8.h"
#include "sandbox/sandbox.h"
#include "scan/entry.h"
#include "scan/pool.h"
#include "scan/project_scan.h"
#include "scan/signatures.h"
#include "scan/wire.h"
#include "snapshot/source_dir.h"

static int scan_entry(airlock_report *r, const struct yara_set *ys, const struct snapshot *snap,
		      const struct airlock_entry *e, const struct scan_options *so)
{
	const char *shown = al_scan_shown_name(e);
	size_t at = r->nfiles;
	bool scanned;
	int error;

	if (!shown)
		return al_error_oom();
	if ((error = al_scan_report_add_file(r, shown, e->kind, false)) < 0 ||
	    (error = al_scan_entry_into(&r->fs, &scanned, ys, snap, e, shown, so->timeout)) < 0)
		goto out;
	r->files[at].scanned = scanned;
out:
	al_scan_shown_free(e, shown);
	return error;
}

AL_SEAM_DEFINE(al_test_hook, al_scan_sandbox_test_hook, NULL);

struct scan_job {
	airlock_report *r; /* the child's own copy of the empty report */
	const struct yara_set *ys;
	const struct snapshot *snaps[2];
	const struct scan_options *so;
};

static void free_items(struct scan_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		al_scan_shown_free(items[i].e, items[i].shown);
		al_findings_free(&items[i].fs);
	}
	free(items);
}

/* Every entry of both snapshots through the pool, then into the report in
 * their order. */
static int scan_all(struct scan_job *job)
{
	struct scan_pool_options po = { 0 };
	struct scan_item *items;
	size_t n = 0, total = 0;
	uint64_t bytes = 0;
	int error = 0;

	for (size_t k = 0; k < 2; k++)
		total += job->snaps[k] ? job->snaps[k]->count : 0;
	if (!(items = calloc(total ? total : 1, sizeof(*items))))
		return al_error_oom();
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; job->snaps[k] && i < job->snaps[k]->count; i++) {
			const struct airlock_entry *e = &job->snaps[k]->entries[i];
			struct scan_item *it = &items[n];

			it->snap = job->snaps[k];
			it->e = e;
			if (!(it->shown = al_scan_shown_name(e))) {
				free_items(items, n);
				return al_error_oom();
			}
			n++;
			bytes += e->data_len;
		}
	po.threads = bytes < LIMIT_SCAN_PARALLEL_BYTES ? 1 : 0;
	po.timeout = job->so->timeout;
	error = al_scan_pool_run(items, n, job->ys, &po);
	for (size_t i = 0; i < n && error == 0; i++)
		if ((error = al_scan_report_add_file(job->r, items[i].shown, items[i].e->kind,
						     items[i].scanned)) == 0)
			error = al_findings_move(&job->r->fs, &items[i].fs);
	free_items(items, n);
	return error;
}

/* Each file has its own YARA timeout; the child as a whole gets that per
 * file it scans, and a floor for the set-up, capped. */
static unsigned int scan_deadline(const struct scan_job *job)
{
	size_t files = 1;

	for (size_t k = 0; k < 2; k++)
		files += job->snaps[k] ? job->snaps[k]->count : 0;
	if (files > LIMIT_SCAN_DEADLINE / (job->so->timeout + 1))
		return LIMIT_SCAN_DEADLINE;
	return (unsigned int)(files * (job->so->timeout + 1) + 10);
}

/* In the confined child: scan, then send the findings to the parent. */
static int scan_child(void *arg, int outfd)
{
	struct scan_job *job = arg;

	if (al_scan_sandbox_test_hook)
		al_scan_sandbox_test_hook();
	if (scan_all(job) < 0) {
		/* the reason crosses as text; the parent shows it as one line */
		dprintf(outfd, SANDBOX_ERROR_PREFIX "%s\n", airlock_error_last());
		return -1;
	}
	return al_scan_wire_write(outfd, job->r);
}

/*
 * The parsers (libyara, the Unicode analysis, and what later reads structure)
 * meet attacker-controlled bytes, so they run in a forked child that cannot
 * execute, reach the network or write files (sandbox/sandbox.c); only a
 * bounded, validated byte string comes back. The rules are loaded before the
 * fork, in the parent, which stays unconfined.
 */
static int scan_confined(struct scan_job *job)
{
	unsigned char *buf = NULL;
	size_t len = 0;
	int error;

	error = al_sandbox_run(&buf, &len, LIMIT_SCAN_REPORT_BYTES, scan_deadline(job), scan_child,
			       job);
	if (error == AIRLOCK_EUSER) /* no callback here: a child that says so lies */
		error = al_error_set(AIRLOCK_ERROR,
				     "the sandboxed scanner failed (exit cancelled)");
	if (error == 0)
		error = al_scan_wire_read(job->r, buf, len);
	free(buf);
	return error;
}

int al_scan_snapshots(airlock_report **out, airlock_project *p, const struct snapshot *extra)
{
	struct yara_set *ys = NULL;
	airlock_report *r = NULL;
	struct scan_job job;
	int error;

	*out = NULL;
	if ((error = al_scan_report_new(&r, &p->scan)) < 0 ||
	    (error = al_rules_open(&r->rules, &ys, &p->scan, p->path)) < 0)
		goto out;
	job.r = r;
	job.ys = ys;
	job.snaps[0] = &p->snap;
	job.snaps[1] = extra;
	job.so = &p->scan;
	error = p->scan.flags & AIRLOCK_OPT_NO_SANDBOX ? scan_all(&job) : scan_confined(&job);
	if (error < 0)
		goto out;
	*out = r;
	r = NULL;
out:
	al_yara_set_free(ys);
	airlock_report_free(r);
	return error;
}

/* The kind and class a named file is read as: a surfaces-table row when one
 * of its trailing paths matches (".claude/settings.json"), else its
 * extension. Settings, scripts and config count as executable. */
static void guess_kind(const char *path, airlock_kind *kind, airlock_class *cls)
{
	const struct surface *s = NULL;
	const char *p = path, *slash;

	for (;;) {
		if (*p && (s = al_surface_match(p)))
			break;
		if (!(slash = strchr(p, '/')))
			break;
		p = slash + 1;
	}
	if (s) {
		*kind = al_surface_kind(s, p);
		*cls = s->cls;
		return;
	}
	*kind = al_surface_kind(&al_snapshot_any_surface, path);
	*cls = *kind == AIRLOCK_KIND_MARKDOWN || *kind == AIRLOCK_KIND_TEXT
		       ? AIRLOCK_CLASS_INSTRUCTIONS
		       : AIRLOCK_CLASS_EXECUTABLE;
}

/* One entry read by the caller (e->data, ownership kept) through the
 * scanners, into a finished report. */
static int scan_one(airlock_report **out, struct airlock_entry *e, struct scan_options *so)
{
	struct yara_set *ys = NULL;
	airlock_report *r = NULL;
	int error;

	if ((error = al_scan_report_new(&r, so)) < 0 ||
	    (error = al_rules_open(&r->rules, &ys, so, NULL)) < 0)
		goto out;
	if (!al_utf8_valid(e->path, strlen(e->path)))
		e->reasons |= AIRLOCK_REASON_BAD_NAME;
	if ((error = scan_entry(r, ys, NULL, e, so)) < 0)
		goto out;
	al_scan_report_finish(r, so);
	*out = r;
	r = NULL;
out:
	al_yara_set_free(ys);
	airlock_report_free(r);
	return error;
}

int airlock_file_scan(airlock_report **out, const char *path, const airlock_options *opts)
{
	struct scan_options so;
	struct airlock_entry e = { 0 };
	struct surface s = {
		"", "(file)", AIRLOCK_KIND_TEXT, false, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE
	};
	int error;

	if (!out || !path || !*path)
		return al_error_set(AIRLOCK_EINVALID, "airlock_file_scan: no file given");
	*out = NULL;
	if ((error = al_scan_options_init(&so, opts)) < 0)
		return error;
	guess_kind(path, &s.kind, &s.cls);
	e.path = (char *)path;
	e.surface = &s;
	e.kind = s.kind;
	if ((error = al_source_file_read(&e.data, &e.reasons, &e.size, path,
					 opts ? opts->max_file_size : 0)) == 0) {
		e.data_len = e.data ? (size_t)e.size : 0;
		error = scan_one(out, &e, &so);
	}
	free(e.data);
	al_scan_options_clear(&so);
	return error;
}

int airlock_buffer_scan(airlock_report **out, const char *name, const void *data, size_t len,
			const airlock_options *opts)
{
	struct scan_options so;
	struct airlock_entry e = { 0 };
	struct surface s = {
		"", "(file)", AIRLOCK_KIND_TEXT, false, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE
	};
	uint64_t cap = opts && opts->max_file_size ? opts->max_file_size : LIMIT_FILE_SIZE_DEFAULT;
	int error;

	if (!out || !name || !*name || (!data && len))
		return al_error_set(AIRLOCK_EINVALID, "airlock_buffer_scan: bad arguments");
	*out = NULL;
	if ((error = al_scan_options_init(&so, opts)) < 0)
		return error;
	guess_kind(name, &s.kind, &s.cls);
	e.path = (char *)name;
	e.surface = &s;
	e.kind = s.kind;
	e.size = len;
	if (len > cap) {
		e.reasons = AIRLOCK_REASON_TOO_LARGE; /* reported, not scanned */
	} else {
		e.data = (unsigned char *)data;
		e.data_len = len;
	}
	error = scan_one(out, &e, &so);
	al_scan_options_clear(&so);
	return error;
}
