/*
 * project_scan.c - airlock_project_scan and airlock_file_scan: the snapshot's
 * bytes (or one named file's) through the scanners, in a confined child.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/limits.h"
#include "common/url.h"
#include "common/utf8.h"
#include "sandbox/sandbox.h"
#include "scan/entry.h"
#include "scan/pool.h"
#include "scan/project_scan.h"
#include "scan/signatures.h"
#include "scan/vcache.h"
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

/* One entry of the snapshots, in order: from the verdict cache (hit) or to
 * be scanned. */
struct slot {
	struct scan_item it; /* it.fs, it.scanned: a hit's */
	char key[SHA256_HEX_LEN + 1];
	bool cacheable, hit; /* hit: it.fs holds its findings, not scanned here */
};

struct scan_job {
	airlock_report *r; /* the child's own copy of the empty report */
	const struct yara_set *ys;
	struct scan_item *items; /* the misses, in order */
	size_t n;
	const struct scan_options *so;
};

/* The misses through the pool, then into the report in their order, each
 * file with the count of its findings. */
static int scan_all(struct scan_job *job)
{
	struct scan_pool_options po = { 0 };
	uint64_t bytes = 0;
	int error;

	for (size_t i = 0; i < job->n; i++)
		bytes += job->items[i].e->data_len;
	po.threads = bytes < LIMIT_SCAN_PARALLEL_BYTES ? 1 : 0;
	po.timeout = job->so->timeout;
	error = al_scan_pool_run(job->items, job->n, job->ys, &po);
	for (size_t i = 0; i < job->n && error == 0; i++) {
		struct scan_item *it = &job->items[i];

		if ((error = al_scan_report_add_file(job->r, it->shown, it->e->kind,
						     it->scanned)) == 0) {
			job->r->files[job->r->nfiles - 1].nfindings = it->fs.count;
			error = al_findings_move(&job->r->fs, &it->fs);
		}
	}
	return error;
}

/* Each file has its own YARA timeout; the child as a whole gets that per
 * file it scans, and a floor for the set-up, capped. */
static unsigned int scan_deadline(const struct scan_job *job)
{
	size_t files = job->n + 1;

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

static void free_slots(struct slot *slots, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		al_scan_shown_free(slots[i].it.e, slots[i].it.shown);
		al_findings_free(&slots[i].it.fs);
	}
	free(slots);
}

/* An entry whose bytes were not read has only the findings of its reasons,
 * about the file as a whole: they take no parser, so the parent makes them
 * and no child is started for them. Any other entry is looked up in the
 * cache. */
static int prepare_slot(struct slot *s, const struct vcache *vc)
{
	const struct airlock_entry *e = s->it.e;

	if (!e->data || (e->reasons & AIRLOCK_REASON_UNREAD)) {
		s->hit = true;
		return al_scan_entry_into(&s->it.fs, &s->it.scanned, NULL, s->it.snap, e,
					  s->it.shown, 0);
	}
	s->cacheable = al_vcache_key(vc, e, s->it.shown, s->key);
	s->hit = s->cacheable &&
		 al_vcache_get(vc, s->key, s->it.shown, e->kind, &s->it.fs, &s->it.scanned);
	return 0;
}

/* A slot per entry of both snapshots, in order; the hits filled from the
 * cache. *misses: the slots left to scan. */
static int prepare(struct slot **out, size_t *count, size_t *misses,
		   const struct snapshot *snaps[2], const struct vcache *vc)
{
	struct slot *slots;
	size_t n = 0, total = 0;
	int error;

	for (size_t k = 0; k < 2; k++)
		total += snaps[k] ? snaps[k]->count : 0;
	if (!(slots = calloc(total ? total : 1, sizeof(*slots))))
		return al_error_oom();
	*misses = 0;
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; snaps[k] && i < snaps[k]->count; i++) {
			struct slot *s = &slots[n];

			s->it.snap = snaps[k];
			s->it.e = &snaps[k]->entries[i];
			if (!(s->it.shown = al_scan_shown_name(s->it.e))) {
				free_slots(slots, n);
				return al_error_oom();
			}
			n++;
			if ((error = prepare_slot(s, vc)) < 0) {
				free_slots(slots, n);
				return error;
			}
			*misses += !s->hit;
		}
	*out = slots;
	*count = n;
	return 0;
}

/* The misses' scan, in the confined child unless the caller said not to;
 * their files and findings end in `scanned`, in order. */
static int scan_misses(airlock_report *scanned, struct slot *slots, size_t n, size_t misses,
		       const struct yara_set *ys, const struct scan_options *so)
{
	struct scan_job job = { scanned, ys, NULL, 0, so };
	int error;

	if (misses == 0)
		return 0;
	if (!(job.items = calloc(misses, sizeof(*job.items))))
		return al_error_oom();
	for (size_t i = 0; i < n; i++)
		if (!slots[i].hit)
			job.items[job.n++] = slots[i].it; /* borrowed: e, shown */
#ifdef AIRLOCK_UNITTESTS
	al_vcache_test_scanned += job.n;
#endif
	error = so->flags & AIRLOCK_OPT_NO_SANDBOX ? scan_all(&job) : scan_confined(&job);
	for (size_t i = 0; i < job.n; i++)
		al_findings_free(&job.items[i].fs);
	free(job.items);
	return error;
}

/* Every slot into `r` in order: a hit's findings, or the next scanned file
 * with its own findings (stored in the cache when it may be). The child's
 * report must be exactly the misses, in order. */
static int merge(airlock_report *r, struct slot *slots, size_t n, airlock_report *scanned,
		 const struct vcache *vc)
{
	size_t file = 0, next = 0;
	int error = 0;

	for (size_t i = 0; i < n && error == 0; i++) {
		struct slot *s = &slots[i];
		const struct report_file *f;
		struct findings own;

		if (s->hit) {
			if ((error = al_scan_report_add_file(r, s->it.shown, s->it.e->kind,
							     s->it.scanned)) == 0)
				error = al_findings_move(&r->fs, &s->it.fs);
			continue;
		}
		if (file == scanned->nfiles ||
		    strcmp(scanned->files[file].path, s->it.shown) != 0 ||
		    scanned->files[file].kind != s->it.e->kind ||
		    scanned->files[file].nfindings > scanned->fs.count - next)
			return al_error_set(
				AIRLOCK_ERROR,
				"the sandboxed scanner's report does not match the files sent");
		f = &scanned->files[file++];
		if (s->cacheable)
			al_vcache_put(vc, s->key, f, scanned->fs.v + next, f->nfindings);
		if ((error = al_scan_report_add_file(r, f->path, f->kind, f->scanned)) < 0)
			break;
		own.v = scanned->fs.v + next;
		own.count = f->nfindings;
		next += f->nfindings;
		for (size_t k = 0; k < own.count && error == 0; k++)
			error = al_findings_copy(&r->fs, &own.v[k], own.v[k].file);
	}
	if (error == 0 && (file != scanned->nfiles || next != scanned->fs.count))
		error = al_error_set(
			AIRLOCK_ERROR,
			"the sandboxed scanner's report does not match the files sent");
	return error;
}

/* The catalogue of the rules: from the cache when nothing is to be scanned
 * (then no rules are loaded at all), else built with the YARA set. */
static int rules_for(airlock_report *r, struct yara_set **ys, struct rules_source *src,
		     size_t misses, const struct vcache *vc)
{
	int error;

	if (misses == 0 && (r->rules = al_vcache_catalogue_get(vc, al_rules_source_version(src))))
		return 0;
	/* something will be scanned: libcurl, which reads URLs, is loaded
	 * before the sandboxed child is forked */
	if ((misses && (error = al_url_prepare()) < 0) ||
	    (error = al_rules_compile(&r->rules, ys, src)) < 0)
		return error;
	al_vcache_catalogue_put(vc, r->rules, misses == 0);
	return 0;
}

int al_scan_snapshots(airlock_report **out, airlock_project *p, const struct snapshot *extra)
{
	const struct snapshot *snaps[2] = { &p->snap, extra };
	struct rules_source *src = NULL;
	struct yara_set *ys = NULL;
	airlock_report *r = NULL, *scanned = NULL;
	struct vcache vc = { -1, "" };
	struct slot *slots = NULL;
	size_t n = 0, misses = 0;
	int error;

	*out = NULL;
	if ((error = al_scan_report_new(&r, &p->scan)) < 0 ||
	    (error = al_scan_report_new(&scanned, &p->scan)) < 0 ||
	    (error = al_rules_read(&src, &p->scan, p->path)) < 0)
		goto out;
	al_vcache_open(&vc, &p->scan, al_rules_source_version(src));
	if ((error = prepare(&slots, &n, &misses, snaps, &vc)) < 0 ||
	    (error = rules_for(r, &ys, src, misses, &vc)) < 0 ||
	    (error = al_rules_check_disabled(r->rules, &p->scan)) < 0 ||
	    (error = scan_misses(scanned, slots, n, misses, ys, &p->scan)) < 0 ||
	    (error = merge(r, slots, n, scanned, &vc)) < 0)
		goto out;
	*out = r;
	r = NULL;
out:
	if (slots)
		free_slots(slots, n);
	al_vcache_close(&vc);
	al_yara_set_free(ys);
	al_rules_source_free(src);
	airlock_report_free(scanned);
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
