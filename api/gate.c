/*
 * gate.c - trust decisions for a project: status, trust, revoke, list.
 *
 * This is where the snapshot (loader) meets the store and the policy
 * (trust/). The status path never parses a context file: it reads the
 * record, reads as bytes the files a trusted hook runs (named in the record),
 * and asks al_trust_decide. Only airlock_project_trust inspects configuration,
 * to show it and to find the files hooks run.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "common/gitlib.h"

#include "common/error.h"
#include "common/limits.h"
#include "common/utf8.h"
#include "api/analysis.h"
#include "api/gate.h"
#include "api/git_files.h"
#include "config/inspect.h"
#include "api/project_open.h"
#include "scan/signatures.h"
#include "snapshot/source_dir.h"
#include "trust/store.h"

struct airlock_status {
	struct trust_verdict v;
	struct trust_record rec; /* the usable record; rec.path NULL when none */
};

/* --- helpers ------------------------------------------------------------------ */

static bool is_executable(const struct airlock_entry *e)
{
	return e->cls == AIRLOCK_CLASS_EXECUTABLE;
}

/* The executable entries as the policy sees them; borrowed from snap. */
static int current_files(struct trust_current **out, size_t *n, const struct snapshot *snap)
{
	*out = calloc(snap->count ? snap->count : 1, sizeof(**out));
	*n = 0;
	if (!*out)
		return al_error_oom();
	for (size_t i = 0; i < snap->count; i++) {
		const struct airlock_entry *e = &snap->entries[i];

		if (!is_executable(e))
			continue;
		(*out)[*n].path = e->path;
		(*out)[*n].sha256 = e->sha256;
		(*out)[*n].reasons = e->reasons;
		(*n)++;
	}
	return 0;
}

/* Files a trusted hook runs are not surfaces: the record names them, and
 * they are read again (as bytes) so that a change to them is seen. */
static int bind_recorded(airlock_project *p, const struct trust_record *r)
{
	int error = 0;

	for (size_t i = 0; i < r->nfiles && error == 0; i++) {
		const struct trust_file *f = &r->files[i];

		if (f->reasons & AIRLOCK_REASON_LIMIT || al_surface_match(f->path))
			continue;
		error = al_source_dir_add_file(&p->snap, p->rootfd, f->path,
					       &al_inspect_program_surface);
	}
	return error;
}

static int decide(struct trust_verdict *v, airlock_project *p, const struct trust_record *rec,
		  const char *problem)
{
	struct trust_current *cur;
	size_t n;
	int error;

	if ((error = al_snapshot_finish(&p->snap)) < 0 ||
	    (error = current_files(&cur, &n, &p->snap)) < 0)
		return error;
	error = al_trust_decide(v, rec, problem, p->path, p->snap.digest, cur, n);
	free(cur);
	if (error == 0 && v->state == AIRLOCK_STATE_NONE)
		snprintf(
			v->reason, sizeof(v->reason), "%s",
			p->snap.count
				? "no executable configuration: nothing to trust; its instruction files are scanned on every load"
				: "no agent files: nothing to trust");
	return error;
}

/* --- status ------------------------------------------------------------------ */

int al_gate_check(struct trust_verdict *v, struct trust_record *rec, airlock_project *p)
{
	struct trust_store store = { -1, NULL };
	char *problem = NULL;
	bool found;
	int error;

	memset(rec, 0, sizeof(*rec));
	if ((error = al_project_require_dir(p, "status")) < 0)
		return error;
	if ((error = al_trust_store_open(&store, p->trust_dir, false)) < 0 ||
	    (error = al_trust_store_read(rec, &found, &problem, &store, p->path)) < 0)
		goto out;
	if (found && !problem && (error = bind_recorded(p, rec)) < 0)
		goto out;
	error = decide(v, p, found && !problem ? rec : NULL, problem);
out:
	if (error || !found || problem)
		al_trust_record_clear(rec);
	al_trust_store_close(&store);
	free(problem);
	return error;
}

static const struct airlock_entry *entry_in(const struct snapshot *snap, const char *path)
{
	for (size_t i = 0; snap && i < snap->count; i++)
		if (strcmp(snap->entries[i].path, path) == 0)
			return &snap->entries[i];
	return NULL;
}

void al_gate_mark_accepted(airlock_report *r, const struct trust_record *rec,
			   const struct snapshot *snap, const struct snapshot *extra)
{
	for (size_t i = 0; rec->naccepts && i < r->fs.count; i++) {
		struct airlock_finding *f = &r->fs.v[i];
		const struct airlock_entry *e = entry_in(snap, f->file);

		if (!e)
			e = entry_in(extra, f->file);
		f->accepted = e && e->sha256[0] &&
			      al_trust_record_accepts(rec, f->rule, f->file, e->sha256);
	}
}

int airlock_project_status(airlock_status **out, airlock_project *p)
{
	airlock_status *s;
	int error;

	if (!out || !p)
		return al_error_set(AIRLOCK_EINVALID, "airlock_project_status: no project");
	*out = NULL;
	if (!(s = calloc(1, sizeof(*s))))
		return al_error_oom();
	if ((error = al_gate_check(&s->v, &s->rec, p)) < 0) {
		airlock_status_free(s);
		return error;
	}
	*out = s;
	return 0;
}

void airlock_status_free(airlock_status *s)
{
	if (!s)
		return;
	al_trust_verdict_clear(&s->v);
	al_trust_record_clear(&s->rec);
	free(s);
}

airlock_state airlock_status_state(const airlock_status *s)
{
	return s->v.state;
}

const char *airlock_status_reason(const airlock_status *s)
{
	return s->v.reason;
}

const char *airlock_status_recorded_time(const airlock_status *s)
{
	return s->rec.path ? s->rec.time : NULL;
}

const char *airlock_status_recorded_digest(const airlock_status *s)
{
	return s->rec.path ? s->rec.digest : NULL;
}

size_t airlock_status_accepted_count(const airlock_status *s)
{
	return s->rec.naccepts;
}

const char *airlock_status_accepted_rule(const airlock_status *s, size_t i)
{
	return i < s->rec.naccepts ? s->rec.accepts[i].rule : NULL;
}

const char *airlock_status_accepted_file(const airlock_status *s, size_t i)
{
	return i < s->rec.naccepts ? s->rec.accepts[i].path : NULL;
}

size_t airlock_status_review_count(const airlock_status *s)
{
	return s->rec.nitems;
}

airlock_item_type airlock_status_review_type(const airlock_status *s, size_t i)
{
	return i < s->rec.nitems ? s->rec.items[i].type : 0;
}

const char *airlock_status_review_file(const airlock_status *s, size_t i)
{
	return i < s->rec.nitems ? s->rec.items[i].file : NULL;
}

const char *airlock_status_review_name(const airlock_status *s, size_t i)
{
	return i < s->rec.nitems ? s->rec.items[i].name : NULL;
}

const char *airlock_status_review_value(const airlock_status *s, size_t i)
{
	return i < s->rec.nitems ? s->rec.items[i].value : NULL;
}

size_t airlock_status_change_count(const airlock_status *s)
{
	return s->v.nchanges;
}

const char *airlock_status_change_path(const airlock_status *s, size_t i)
{
	return i < s->v.nchanges ? s->v.changes[i].path : NULL;
}

airlock_change airlock_status_change_kind(const airlock_status *s, size_t i)
{
	return i < s->v.nchanges ? s->v.changes[i].change : 0;
}

/* --- trust, deny, revoke ----------------------------------------------------- */

/* For display only: never part of the project's identity or the decision.
 * A repository with a FIFO or a device where libgit2 reads is refused (it
 * would block on it). */
static int git_info(struct trust_record *r, const char *path)
{
	git_repository *repo = NULL;
	git_remote *remote = NULL;
	git_oid oid;
	int error;

	if ((error = al_git_files_check(path)) < 0)
		return error;
	if (al_git_init() < 0)
		return 0; /* no libgit2: the record names no commit */
	if (al_git.repository_open_ext(&repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) == 0) {
		if (al_git.remote_lookup(&remote, repo, "origin") == 0 &&
		    al_git.remote_url(remote) &&
		    al_utf8_valid(al_git.remote_url(remote), strlen(al_git.remote_url(remote))))
			r->git_remote = strdup(al_git.remote_url(remote));
		if (al_git.reference_name_to_id(&oid, repo, "HEAD") == 0) {
			char hex[GIT_OID_HEXSZ + 1];

			al_git.oid_tostr(hex, sizeof(hex), &oid);
			r->git_head = strdup(hex);
		}
	}
	al_git.remote_free(remote);
	al_git.repository_free(repo);
	al_git.libgit2_shutdown();
	return 0;
}

/* The signature set in force when the decision was made, for the record. A
 * project can be trusted where no signatures are installed: then none. */
static int signature_version(struct trust_record *r, airlock_project *p)
{
	struct airlock_rules *cat = NULL;
	struct yara_set *ys = NULL;
	int error = 0;

	if (al_rules_catalogue(&cat, &ys, &p->scan, p->path) == 0 && airlock_rules_version(cat) &&
	    !(r->signatures = strdup(airlock_rules_version(cat))))
		error = al_error_oom();
	al_yara_set_free(ys);
	airlock_rules_free(cat);
	return error;
}

static int fill_record(struct trust_record *r, airlock_project *p, airlock_decision d)
{
	time_t now = time(NULL);
	struct tm tm;
	size_t n = 0;
	int error;

	memset(r, 0, sizeof(*r));
	r->decision = d;
	memcpy(r->digest, p->snap.digest, sizeof(r->digest));
	if (!gmtime_r(&now, &tm) || !strftime(r->time, sizeof(r->time), "%Y-%m-%dT%H:%M:%SZ", &tm))
		return al_error_set(AIRLOCK_ERROR, "cannot format the time");
	if (!(r->path = strdup(p->path)))
		return al_error_oom();
	if (!(r->files = calloc(p->snap.count ? p->snap.count : 1, sizeof(*r->files))))
		return al_error_oom();
	for (size_t i = 0; i < p->snap.count; i++) {
		const struct airlock_entry *e = &p->snap.entries[i];

		if (!is_executable(e))
			continue;
		if (!(r->files[n].path = strdup(e->path)))
			return al_error_oom();
		memcpy(r->files[n].sha256, e->sha256, sizeof(e->sha256));
		r->files[n].reasons = e->reasons;
		r->nfiles = ++n;
	}
	/* a denial is recorded without the repository's details */
	if ((error = git_info(r, p->path)) < 0 && d != AIRLOCK_DECISION_DENIED)
		return error;
	return signature_version(r, p);
}

/* Trusting content that could not be read would bind nothing: refuse it. */
static int check_bindable(const struct snapshot *snap)
{
	for (size_t i = 0; i < snap->count; i++) {
		const struct airlock_entry *e = &snap->entries[i];
		char *shown;

		if (!is_executable(e) || !(e->reasons & AIRLOCK_REASON_UNREAD))
			continue;
		shown = al_utf8_escape(e->path, strlen(e->path), false);
		al_error_set(
			AIRLOCK_EINVALID,
			"cannot trust: %s could not be read (%s); its content cannot be bound (record a restricted decision, or fix the file)",
			shown ? shown : "a file",
			airlock_reason_name(e->reasons & AIRLOCK_REASON_UNREAD &
					    -(e->reasons & AIRLOCK_REASON_UNREAD)));
		free(shown);
		return AIRLOCK_EINVALID;
	}
	return 0;
}

/* Trusting what runs code nobody could review needs the person's word. */
static int check_pinned(const struct airlock_inspection *in, unsigned int flags)
{
	const struct inspect_item *it = al_inspect_blocking(in);
	char *file, *value;
	int error;

	if (!it || (flags & AIRLOCK_TRUST_ACCEPT_UNBOUND))
		return 0;
	file = al_utf8_escape(it->file, strlen(it->file), false);
	value = al_utf8_escape(it->value, strlen(it->value), false);
	error = al_error_set(
		AIRLOCK_EINVALID,
		it->type == AIRLOCK_ITEM_UNBOUND
			? "cannot trust: %s: %s %s; nothing recorded (accept it with --accept-unbound, or make the command name its files)"
			: "cannot trust: %s could not be understood, so what it runs is unknown (%s%s); nothing recorded (fix it, or accept it with --accept-unbound)",
		file ? file : "a file", it->type == AIRLOCK_ITEM_UNBOUND ? it->name : "",
		value ? value : "");
	free(file);
	free(value);
	return error;
}

int airlock_project_trust(airlock_project *p, airlock_decision decision, const char *expect_digest)
{
	return airlock_project_trust_flags(p, decision, expect_digest, 0);
}

int airlock_project_accept(airlock_project *p, const char *spec)
{
	size_t n = spec ? strcspn(spec, ":") : 0;
	char **grown, *copy;

	if (!p || !spec)
		return al_error_set(AIRLOCK_EINVALID, "airlock_project_accept: bad arguments");
	if (n < 3 || n > 64 ||
	    strspn(spec, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			 "0123456789_-") != n ||
	    (spec[n] == ':' && !spec[n + 1]))
		return al_error_set(AIRLOCK_EINVALID,
				    "'%s' is not RULE or RULE:FILE (e.g. AL210:scripts/format.sh)",
				    spec);
	if (p->naccepts >= LIMIT_RECORD_ITEMS)
		return al_error_set(AIRLOCK_EINVALID, "too many accepted findings");
	if (!(grown = realloc(p->accepts, (p->naccepts + 1) * sizeof(*grown))))
		return al_error_oom();
	p->accepts = grown;
	if (!(copy = strdup(spec)))
		return al_error_oom();
	p->accepts[p->naccepts++] = copy;
	return 0;
}

int airlock_project_accepts(const airlock_project *p, const char *rule, const char *file)
{
	if (!p || !rule || !file)
		return 0;
	for (size_t i = 0; i < p->naccepts; i++) {
		const char *a = p->accepts[i];
		size_t n = strcspn(a, ":");

		if (strlen(rule) == n && strncmp(a, rule, n) == 0 &&
		    (!a[n] || strcmp(a + n + 1, file) == 0))
			return 1;
	}
	return 0;
}

/* A finding load would count against the decision: at or above the
 * threshold, and (restricted) not in a file the agent is not given. */
static bool counts(const airlock_report *r, const struct airlock_finding *f,
		   const struct airlock_entry *e, airlock_decision d)
{
	return f->severity >= r->threshold &&
	       !(d == AIRLOCK_DECISION_RESTRICTED && e && is_executable(e));
}

/* Each blocking finding is accepted by the person, or nothing is recorded:
 * a decision that load would refuse is never written. */
static int accept_findings(struct trust_record *rec, const airlock_report *r, airlock_project *p,
			   airlock_decision d)
{
	for (size_t i = 0; i < r->fs.count; i++) {
		const struct airlock_finding *f = &r->fs.v[i];
		const struct airlock_entry *e = entry_in(&p->snap, f->file);
		struct trust_accept *a;
		char *file;
		int error;

		if (!counts(r, f, e, d))
			continue;
		if (!e || !e->sha256[0] || !airlock_project_accepts(p, f->rule, f->file)) {
			file = al_utf8_escape(f->file, strlen(f->file), false);
			error = al_error_set(
				AIRLOCK_EBLOCKED,
				e && e->sha256[0]
					? "cannot trust: %s (%s) in %s:%u would block every load: %s; nothing recorded (fix it, or accept it with --accept %s:%s)"
					: "cannot trust: %s (%s) in %s:%u would block every load: %s; nothing recorded (the file was not read, so the finding cannot be accepted%s%s)",
				f->rule, airlock_severity_name(f->severity), file ? file : "a file",
				f->line, f->message, e && e->sha256[0] ? f->rule : "",
				e && e->sha256[0] && file ? file : "");
			free(file);
			return error;
		}
		if (al_trust_record_accepts(rec, f->rule, f->file, e->sha256))
			continue; /* another line, same rule and file */
		if (rec->naccepts >= LIMIT_RECORD_ITEMS)
			return al_error_set(AIRLOCK_EBLOCKED,
					    "cannot trust: more than %d accepted findings",
					    LIMIT_RECORD_ITEMS);
		if (!(a = realloc(rec->accepts, (rec->naccepts + 1) * sizeof(*a))))
			return al_error_oom();
		rec->accepts = a;
		a = &rec->accepts[rec->naccepts];
		memset(a, 0, sizeof(*a));
		memcpy(a->sha256, e->sha256, sizeof(a->sha256));
		rec->naccepts++;
		if (!(a->rule = strdup(f->rule)) || !(a->path = strdup(f->file)))
			return al_error_oom();
	}
	return 0;
}

/* A copy of at most LIMIT_RECORD_TEXT bytes, cut between characters. */
static char *cut_copy(const char *s)
{
	size_t n = strlen(s);

	if (n > LIMIT_RECORD_TEXT) {
		n = LIMIT_RECORD_TEXT;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	return strndup(s, n);
}

/* The reviewed summary, so that status can say what changed since. */
static int keep_review(struct trust_record *rec, const struct airlock_inspection *in)
{
	size_t n = in->count < LIMIT_RECORD_ITEMS ? in->count : LIMIT_RECORD_ITEMS;

	if (n && !(rec->items = calloc(n, sizeof(*rec->items))))
		return al_error_oom();
	for (size_t i = 0; i < n; i++) {
		struct trust_item *it = &rec->items[i];

		rec->nitems++;
		it->type = in->items[i].type;
		if (!(it->file = strdup(in->items[i].file)) ||
		    !(it->name = cut_copy(in->items[i].name ? in->items[i].name : "")) ||
		    !(it->value = cut_copy(in->items[i].value ? in->items[i].value : "")))
			return al_error_oom();
	}
	return 0;
}

int airlock_project_trust_flags(airlock_project *p, airlock_decision decision,
				const char *expect_digest, unsigned int flags)
{
	struct airlock_inspection in = { 0 };
	struct trust_store store = { -1, NULL };
	struct trust_record rec = { 0 };
	airlock_report *report = NULL;
	int error;

	if (!p || decision < AIRLOCK_DECISION_TRUSTED || decision > AIRLOCK_DECISION_DENIED)
		return al_error_set(AIRLOCK_EINVALID, "airlock_project_trust: bad arguments");
	if ((error = al_project_require_dir(p, "trust")) < 0)
		return error;
	/* a denial needs no scan: it only binds the content it refuses */
	error = decision == AIRLOCK_DECISION_DENIED ? al_inspect_project(&in, p, true)
						    : al_analysis_run(&report, &in, p);
	if (error < 0 || (error = al_snapshot_finish(&p->snap)) < 0)
		goto out;
	if (expect_digest && strcmp(expect_digest, p->snap.digest) != 0) {
		error = al_error_set(
			AIRLOCK_ECHANGED,
			"manifest digest is %s, not the expected %.64s: nothing recorded",
			p->snap.digest, expect_digest);
		goto out;
	}
	if (decision == AIRLOCK_DECISION_TRUSTED &&
	    ((error = check_bindable(&p->snap)) < 0 || (error = check_pinned(&in, flags)) < 0))
		goto out;
	if ((error = fill_record(&rec, p, decision)) < 0 ||
	    (report && (error = accept_findings(&rec, report, p, decision)) < 0) ||
	    (error = keep_review(&rec, &in)) < 0 ||
	    (error = al_trust_store_open(&store, p->trust_dir, true)) < 0)
		goto out;
	if (rec.naccepts > 1)
		qsort(rec.accepts, rec.naccepts, sizeof(*rec.accepts), al_trust_accept_cmp);
	error = al_trust_store_write(&store, &rec);
out:
	airlock_report_free(report);
	al_inspect_clear(&in);
	al_trust_record_clear(&rec);
	al_trust_store_close(&store);
	return error;
}

int airlock_project_revoke(airlock_project *p)
{
	struct trust_store store = { -1, NULL };
	int error;

	if (!p)
		return al_error_set(AIRLOCK_EINVALID, "airlock_project_revoke: no project");
	if ((error = al_project_require_dir(p, "revoke")) < 0)
		return error;
	if ((error = al_trust_store_open(&store, p->trust_dir, false)) == 0)
		error = al_trust_store_remove(&store, p->path);
	al_trust_store_close(&store);
	return error;
}

/* --- inspection ---------------------------------------------------------------- */

int airlock_project_inspect(airlock_inspection **out, airlock_project *p)
{
	airlock_inspection *in;
	int error;

	if (!out || !p)
		return al_error_set(AIRLOCK_EINVALID, "airlock_project_inspect: no project");
	*out = NULL;
	if (!(in = calloc(1, sizeof(*in))))
		return al_error_oom();
	if ((error = al_inspect_project(in, p, true)) < 0 ||
	    (error = al_snapshot_finish(&p->snap)) < 0) {
		airlock_inspection_free(in);
		return error;
	}
	*out = in;
	return 0;
}

void airlock_inspection_free(airlock_inspection *in)
{
	if (!in)
		return;
	al_inspect_clear(in);
	free(in);
}

size_t airlock_inspection_count(const airlock_inspection *in)
{
	return in->count;
}

const char *airlock_inspection_file(const airlock_inspection *in, size_t i)
{
	return i < in->count ? in->items[i].file : NULL;
}

airlock_item_type airlock_inspection_type(const airlock_inspection *in, size_t i)
{
	return i < in->count ? in->items[i].type : 0;
}

const char *airlock_inspection_name(const airlock_inspection *in, size_t i)
{
	return i < in->count ? in->items[i].name : NULL;
}

int airlock_inspection_blocks(const airlock_inspection *in, size_t i)
{
	return i < in->count && in->items[i].blocks;
}

const char *airlock_inspection_value(const airlock_inspection *in, size_t i)
{
	return i < in->count ? in->items[i].value : NULL;
}

/* --- the store as a whole ------------------------------------------------------ */

struct listed {
	char *path, *problem;
	char time[32];
	airlock_decision decision;
};

struct airlock_record_list {
	struct listed *items;
	size_t count;
};

static int list_one(void *arg, const char *name, const struct trust_record *r, const char *problem)
{
	struct airlock_record_list *l = arg;
	struct listed *grown = realloc(l->items, (l->count + 1) * sizeof(*grown)), *it;

	if (!grown)
		return al_error_oom();
	l->items = grown;
	it = &l->items[l->count];
	memset(it, 0, sizeof(*it));
	if (r) {
		it->path = strdup(r->path);
		it->decision = r->decision;
		memcpy(it->time, r->time, sizeof(it->time));
	} else if (asprintf(&it->problem, "%s: %s", name, problem) < 0) {
		it->problem = NULL;
	}
	if (!it->path && !it->problem)
		return al_error_oom();
	l->count++;
	return 0;
}

int airlock_trust_list(airlock_record_list **out, const airlock_options *opts)
{
	struct trust_store store = { -1, NULL };
	const char *trust_dir = NULL;
	airlock_record_list *l;
	int error;

	if (!out)
		return al_error_set(AIRLOCK_EINVALID, "airlock_trust_list: no output");
	*out = NULL;
	if ((error = al_options_check(opts)) < 0)
		return error;
	if (opts && opts->version >= 2) /* trust_dir came with version 2 */
		trust_dir = opts->trust_dir;
	if (!(l = calloc(1, sizeof(*l))))
		return al_error_oom();
	if ((error = al_trust_store_open(&store, trust_dir, false)) == 0)
		error = al_trust_store_foreach(&store, list_one, l);
	al_trust_store_close(&store);
	if (error < 0) {
		airlock_record_list_free(l);
		return error;
	}
	*out = l;
	return 0;
}

/* Collects the records whose project folder is gone (lstat says ENOENT). */
static int gone_one(void *arg, const char *name, const struct trust_record *r, const char *problem)
{
	struct stat st;

	(void)name;
	(void)problem;
	if (!r || lstat(r->path, &st) == 0 || errno != ENOENT)
		return 0;
	return list_one(arg, name, r, NULL);
}

int airlock_trust_prune(airlock_record_list **out, const airlock_options *opts)
{
	struct trust_store store = { -1, NULL };
	const char *trust_dir = NULL;
	airlock_record_list *l;
	int error;

	if (!out)
		return al_error_set(AIRLOCK_EINVALID, "airlock_trust_prune: no output");
	*out = NULL;
	if ((error = al_options_check(opts)) < 0)
		return error;
	if (opts && opts->version >= 2)
		trust_dir = opts->trust_dir;
	if (!(l = calloc(1, sizeof(*l))))
		return al_error_oom();
	if ((error = al_trust_store_open(&store, trust_dir, false)) == 0)
		error = al_trust_store_foreach(&store, gone_one, l);
	for (size_t i = 0; error == 0 && i < l->count; i++) {
		error = al_trust_store_remove(&store, l->items[i].path);
		if (error == AIRLOCK_ENOTFOUND) /* removed meanwhile */
			error = 0;
	}
	al_trust_store_close(&store);
	if (error < 0) {
		airlock_record_list_free(l);
		return error;
	}
	*out = l;
	return 0;
}

void airlock_record_list_free(airlock_record_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].path);
		free(l->items[i].problem);
	}
	free(l->items);
	free(l);
}

size_t airlock_record_list_count(const airlock_record_list *l)
{
	return l->count;
}

const char *airlock_record_list_path(const airlock_record_list *l, size_t i)
{
	return i < l->count ? l->items[i].path : NULL;
}

const char *airlock_record_list_time(const airlock_record_list *l, size_t i)
{
	return i < l->count && l->items[i].path ? l->items[i].time : NULL;
}

const char *airlock_record_list_problem(const airlock_record_list *l, size_t i)
{
	return i < l->count ? l->items[i].problem : NULL;
}

airlock_decision airlock_record_list_decision(const airlock_record_list *l, size_t i)
{
	return i < l->count ? l->items[i].decision : 0;
}

/* --- names -------------------------------------------------------------------- */

const char *airlock_state_name(airlock_state state)
{
	static const char *const names[] = { NULL,      "untrusted", "trusted", "restricted",
					     "changed", "denied",    "none" };

	return (unsigned)state < 7 && names[state] ? names[state] : "unknown";
}

const char *airlock_decision_name(airlock_decision decision)
{
	static const char *const names[] = { NULL, "trusted", "restricted", "denied" };

	return (unsigned)decision < 4 && names[decision] ? names[decision] : "unknown";
}

const char *airlock_change_name(airlock_change change)
{
	static const char *const names[] = { NULL, "added", "removed", "modified" };

	return (unsigned)change < 4 && names[change] ? names[change] : "unknown";
}

const char *airlock_item_type_name(airlock_item_type type)
{
	static const char *const names[] = { NULL,      "hook",       "mcp-server", "env",
					     "helper",  "permission", "setting",    "problem",
					     "command", "unbound" };

	return (unsigned)type < sizeof(names) / sizeof(names[0]) && names[type] ? names[type]
										: "unknown";
}
