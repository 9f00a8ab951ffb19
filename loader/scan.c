/*
 * scan.c - airlock_project_scan and airlock_file_scan: the snapshot's bytes
 * (or one named file's) through the scanners, and the report accessors.
 *
 * Fail closed: an entry that could not be read is itself a finding (nothing
 * unscanned passes as clean), and any scanner error fails the whole scan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/utf8.h"
#include "loader/limits.h"
#include "loader/rules.h"
#include "loader/scan_wire.h"
#include "scanners/sandbox.h"
#include "loader/scan.h"
#include "loader/scan_pool.h"
#include "loader/source_dir.h"
#include "scanners/scan.h"

int scan_options_init(struct scan_options *so, const airlock_options *opts)
{
	memset(so, 0, sizeof(*so));
	so->threshold = AIRLOCK_SEVERITY_HIGH;
	so->timeout = LIMIT_SCAN_TIMEOUT_DEFAULT;
	if (!opts)
		return 0;
	if (opts->version < 1 || opts->version > AIRLOCK_OPTIONS_VERSION)
		return error_set(AIRLOCK_EINVALID, "airlock_options version %u is not supported",
				 opts->version);
	if (opts->version < 2)
		return 0; /* the fields below are not there */
	if (opts->block_threshold && (opts->block_threshold < AIRLOCK_SEVERITY_INFO ||
				      opts->block_threshold > AIRLOCK_SEVERITY_CRITICAL))
		return error_set(AIRLOCK_EINVALID, "block threshold %d is not a severity",
				 (int)opts->block_threshold);
	if (opts->scan_timeout > LIMIT_SCAN_TIMEOUT_MAX)
		return error_set(AIRLOCK_EINVALID, "scan timeout %u s is over the maximum (%d s)",
				 opts->scan_timeout, LIMIT_SCAN_TIMEOUT_MAX);
	if (opts->block_threshold)
		so->threshold = opts->block_threshold;
	if (opts->scan_timeout)
		so->timeout = opts->scan_timeout;
	so->flags = opts->flags;
	if ((opts->signatures && !(so->signatures = strdup(opts->signatures))) ||
	    (opts->rules_dir && !(so->rules_dir = strdup(opts->rules_dir)))) {
		scan_options_clear(so);
		return error_oom();
	}
	return 0;
}

void scan_options_clear(struct scan_options *so)
{
	free(so->signatures);
	free(so->rules_dir);
	memset(so, 0, sizeof(*so));
}

int scan_report_new(airlock_report **out, const struct scan_options *so)
{
	airlock_report *r = calloc(1, sizeof(*r));

	if (!r)
		return error_oom();
	r->threshold = so->threshold;
	*out = r;
	return 0;
}

int scan_report_add_file(airlock_report *r, const char *path, airlock_kind kind, bool scanned)
{
	struct report_file *f;

	if (r->nfiles == r->files_alloc) {
		size_t n = r->files_alloc ? r->files_alloc * 2 : 16;

		if (n > SIZE_MAX / sizeof(*f) || !(f = realloc(r->files, n * sizeof(*f))))
			return error_oom();
		r->files = f;
		r->files_alloc = n;
	}
	f = &r->files[r->nfiles];
	if (!(f->path = strdup(path)))
		return error_oom();
	f->kind = kind;
	f->scanned = scanned;
	r->nfiles++;
	return 0;
}

static const struct {
	unsigned int reason;
	const char *rule;
} reason_rules[] = {
	{ AIRLOCK_REASON_SYMLINK_OUTSIDE, "AL001" }, { AIRLOCK_REASON_SYMLINK, "AL002" },
	{ AIRLOCK_REASON_NOT_REGULAR, "AL003" },     { AIRLOCK_REASON_TOO_LARGE, "AL004" },
	{ AIRLOCK_REASON_UNREADABLE, "AL005" },      { AIRLOCK_REASON_CHANGED, "AL006" },
	{ AIRLOCK_REASON_LIMIT, "AL007" },           { AIRLOCK_REASON_WRITABLE, "AL008" },
	{ AIRLOCK_REASON_BAD_NAME, "AL009" },        { AIRLOCK_REASON_SUBMODULE, "AL011" },
	{ AIRLOCK_REASON_HARDLINK, "AL013" },
};

/* A link inside the project to another context file that was read and is
 * scanned on its own (CLAUDE.md -> AGENTS.md) hides nothing. */
static bool links_to_scanned(const struct snapshot *snap, const struct airlock_entry *e)
{
	char dest[LIMIT_PATH_BYTES + 1];

	if (!(e->reasons & AIRLOCK_REASON_SYMLINK) || !e->link_target ||
	    !snapshot_join(dest, sizeof(dest), e->path, e->link_target))
		return false;
	for (size_t i = 0; snap && i < snap->count; i++)
		if (strcmp(snap->entries[i].path, dest) == 0)
			return snap->entries[i].data != NULL;
	return false;
}

/* Each reason an entry carries is a finding about the file as a whole. */
static int reason_findings(struct findings *fs, const struct snapshot *snap,
			   const struct airlock_entry *e, const char *shown)
{
	int error;

	for (size_t i = 0; i < sizeof(reason_rules) / sizeof(reason_rules[0]); i++) {
		const struct builtin_rule *b = builtin_rule(reason_rules[i].rule);
		struct finding_spec s = { 0 };
		char msg[LIMIT_LINK_TARGET * 4 + 128], target_shown[LIMIT_LINK_TARGET * 4 + 1];
		char *target = NULL;

		if (!(e->reasons & reason_rules[i].reason))
			continue;
		if (e->link_target &&
		    !(target = utf8_escape(e->link_target, strlen(e->link_target), true)))
			return error_oom();
		snprintf(msg, sizeof(msg), "%s%s%s", b->description, target ? " -> " : "",
			 target ? target : "");
		snprintf(target_shown, sizeof(target_shown), "%s", target ? target : "");
		free(target);
		s.rule = b->id;
		s.category = b->category;
		s.confidence = b->confidence;
		s.severity = b->severity;
		if (reason_rules[i].reason == AIRLOCK_REASON_SYMLINK && links_to_scanned(snap, e)) {
			s.severity = AIRLOCK_SEVERITY_LOW;
			snprintf(msg, sizeof(msg),
				 "A symlink to another context file, scanned on its own -> %s",
				 target_shown);
		}
		s.message = msg;
		if ((error = findings_add_file(fs, shown, &s)) < 0)
			return error;
	}
	return 0;
}

/* --all-files takes every regular file; one with a NUL byte near its start is
 * a binary, not text an agent reads. */
static bool looks_binary(const unsigned char *d, size_t len)
{
	return memchr(d, '\0', len < 8192 ? len : 8192) != NULL;
}

int scan_entry_into(struct findings *fs, bool *scanned, const struct yara_set *ys,
		    const struct snapshot *snap, const struct airlock_entry *e, const char *shown,
		    unsigned int timeout)
{
	struct scan_input in;
	bool scan = e->data && !(e->reasons & AIRLOCK_REASON_UNREAD);
	int error;

	if (scan && e->surface == &snapshot_any_surface && looks_binary(e->data, e->data_len))
		scan = false;
	*scanned = scan;
	if ((error = reason_findings(fs, snap, e, shown)) < 0 || !scan)
		return error;
	in.path = shown;
	in.data = e->data;
	in.len = e->data_len;
	in.kind = e->kind;
	in.cls = e->surface->cls;
	return scan_buffer(fs, ys, &in, (int)timeout);
}

/* The name an entry's findings carry: its path, escaped when it is not
 * valid UTF-8 (then new: free it with shown_free), "." for the root. NULL
 * when out of memory. */
static const char *shown_name(const struct airlock_entry *e)
{
	if (e->reasons & AIRLOCK_REASON_BAD_NAME)
		return utf8_escape(e->path, strlen(e->path), true);
	return *e->path ? e->path : ".";
}

static void shown_free(const struct airlock_entry *e, const char *shown)
{
	if (e->reasons & AIRLOCK_REASON_BAD_NAME)
		free((char *)shown);
}

static int scan_entry(airlock_report *r, const struct yara_set *ys, const struct snapshot *snap,
		      const struct airlock_entry *e, const struct scan_options *so)
{
	const char *shown = shown_name(e);
	size_t at = r->nfiles;
	bool scanned;
	int error;

	if (!shown)
		return error_oom();
	if ((error = scan_report_add_file(r, shown, e->kind, false)) < 0 ||
	    (error = scan_entry_into(&r->fs, &scanned, ys, snap, e, shown, so->timeout)) < 0)
		goto out;
	r->files[at].scanned = scanned;
out:
	shown_free(e, shown);
	return error;
}

void (*scan_sandbox_test_hook)(void);

struct scan_job {
	airlock_report *r; /* the child's own copy of the empty report */
	const struct yara_set *ys;
	const struct snapshot *snaps[2];
	const struct scan_options *so;
};

/* Below this many bytes the files are scanned one after another: threads
 * would cost more than they save on a typical project. */
#define SCAN_PARALLEL_BYTES (512 * 1024)

static void free_items(struct scan_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		shown_free(items[i].e, items[i].shown);
		findings_free(&items[i].fs);
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
		return error_oom();
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; job->snaps[k] && i < job->snaps[k]->count; i++) {
			const struct airlock_entry *e = &job->snaps[k]->entries[i];
			struct scan_item *it = &items[n];

			it->snap = job->snaps[k];
			it->e = e;
			if (!(it->shown = shown_name(e))) {
				free_items(items, n);
				return error_oom();
			}
			n++;
			bytes += e->data_len;
		}
	po.threads = bytes < SCAN_PARALLEL_BYTES ? 1 : 0;
	po.timeout = job->so->timeout;
	error = scan_pool_run(items, n, job->ys, &po);
	for (size_t i = 0; i < n && error == 0; i++)
		if ((error = scan_report_add_file(job->r, items[i].shown, items[i].e->kind,
						  items[i].scanned)) == 0)
			error = findings_move(&job->r->fs, &items[i].fs);
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

	if (scan_sandbox_test_hook)
		scan_sandbox_test_hook();
	if (scan_all(job) < 0) {
		/* the reason crosses as text; the parent shows it as one line */
		dprintf(outfd, SANDBOX_ERROR_PREFIX "%s\n", airlock_error_last());
		return -1;
	}
	return scan_wire_write(outfd, job->r);
}

/*
 * The parsers (libyara, the Unicode analysis, and what later reads structure)
 * meet attacker-controlled bytes, so they run in a forked child that cannot
 * execute, reach the network or write files (scanners/sandbox.c); only a
 * bounded, validated byte string comes back. The rules are loaded before the
 * fork, in the parent, which stays unconfined.
 */
static int scan_confined(struct scan_job *job)
{
	unsigned char *buf = NULL;
	size_t len = 0;
	int error;

	error = sandbox_run(&buf, &len, LIMIT_SCAN_REPORT_BYTES, scan_deadline(job), scan_child,
			    job);
	if (error == 0)
		error = scan_wire_read(job->r, buf, len);
	free(buf);
	return error;
}

int scan_snapshots(airlock_report **out, airlock_project *p, const struct snapshot *extra)
{
	struct yara_set *ys = NULL;
	airlock_report *r = NULL;
	struct scan_job job;
	int error;

	*out = NULL;
	if ((error = scan_report_new(&r, &p->scan)) < 0 ||
	    (error = rules_open(&r->rules, &ys, &p->scan, p->path)) < 0)
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
	yara_set_free(ys);
	airlock_report_free(r);
	return error;
}

int airlock_project_scan(airlock_report **out, airlock_project *p)
{
	int error;

	if (!out || !p)
		return error_set(AIRLOCK_EINVALID, "airlock_project_scan: no project given");
	if ((error = scan_snapshots(out, p, NULL)) == 0)
		findings_finish(&(*out)->fs);
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
		if (*p && (s = surface_match(p)))
			break;
		if (!(slash = strchr(p, '/')))
			break;
		p = slash + 1;
	}
	if (s) {
		*kind = surface_kind(s, p);
		*cls = s->cls;
		return;
	}
	*kind = surface_kind(&snapshot_any_surface, path);
	*cls = *kind == AIRLOCK_KIND_MARKDOWN || *kind == AIRLOCK_KIND_TEXT
		       ? AIRLOCK_CLASS_INSTRUCTIONS
		       : AIRLOCK_CLASS_EXECUTABLE;
}

int airlock_file_scan(airlock_report **out, const char *path, const airlock_options *opts)
{
	struct scan_options so;
	struct yara_set *ys = NULL;
	airlock_report *r = NULL;
	struct airlock_entry e = { 0 };
	struct surface s = { "", "(file)", AIRLOCK_KIND_TEXT, false, AIRLOCK_CLASS_INSTRUCTIONS };
	int error;

	if (!out || !path || !*path)
		return error_set(AIRLOCK_EINVALID, "airlock_file_scan: no file given");
	*out = NULL;
	if ((error = scan_options_init(&so, opts)) < 0)
		return error;
	guess_kind(path, &s.kind, &s.cls);
	e.path = (char *)path;
	e.surface = &s;
	e.kind = s.kind;
	if ((error = source_file_read(&e.data, &e.reasons, &e.size, path,
				      opts ? opts->max_file_size : 0)) < 0 ||
	    (error = scan_report_new(&r, &so)) < 0 ||
	    (error = rules_open(&r->rules, &ys, &so, NULL)) < 0)
		goto out;
	e.data_len = e.data ? (size_t)e.size : 0;
	if (!utf8_valid(path, strlen(path)))
		e.reasons |= AIRLOCK_REASON_BAD_NAME;
	if ((error = scan_entry(r, ys, NULL, &e, &so)) < 0)
		goto out;
	findings_finish(&r->fs);
	*out = r;
	r = NULL;
out:
	free(e.data);
	yara_set_free(ys);
	airlock_report_free(r);
	scan_options_clear(&so);
	return error;
}

/* --- accessors ------------------------------------------------------------------ */

void airlock_report_free(airlock_report *r)
{
	if (!r)
		return;
	findings_free(&r->fs);
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
	return airlock_report_max_severity(r) >= r->threshold;
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
