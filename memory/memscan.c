/*
 * memscan.c - airlock_memory_scan: every memory file as instructions,
 * incremental over a state file, spread over threads.
 *
 * The walk reads through the one safe-read path (source_dir.c) and asks the
 * state, after fstat and before reading, whether the file is unchanged; such
 * a file is never read and its recorded findings are carried over. The
 * state only ever saves work: a finding is never dropped because of it.
 *
 * Every file ends in exactly one of three counts: scanned (read and scanned
 * this run), unchanged (carried over), or skipped (neither: binary by its
 * content, too large, not a regular file, unreadable). They are counted per
 * file here, never worked out by subtraction.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/error.h"
#include "common/url.h"
#include "common/utf8.h"
#include "common/limits.h"
#include "surfaces/locations.h"
#include "scan/signatures.h"
#include "scan/report.h"
#include "scan/pool.h"
#include "scan/project_scan.h"
#include "scan/wire.h"
#include "sandbox/sandbox.h"
#include "snapshot/source_dir.h"
#include "memory/state.h"

/* One folder scanned: its snapshot, and the absolute path its entries'
 * relative paths hang from. */
struct root {
	char *abs;
	struct snapshot snap;
};

struct job {
	const struct root *root;
	const struct airlock_entry *e;
	char *key; /* absolute path: state key and display name */
	struct findings fs;
	bool scanned;
};

/* The child's progress, checked before the caller's callback sees it. */
struct ticks {
	const airlock_memory_options *mo;
	uint64_t done, bytes, total;
};

struct run {
	const struct state *old;
	const char *sigver;
	bool use_cache;
	const struct root *root; /* the walk in progress */
	/* the pool */
	struct job *jobs;
	size_t njobs;
	const struct yara_set *ys;
	unsigned int timeout;
	const airlock_memory_options *mo;
	struct sandbox_progress *progress; /* in the child: where ticks go */
};

size_t airlock_memory_location_count(void)
{
	return al_memory_row_count;
}

const char *airlock_memory_location_agent(size_t i)
{
	return i < al_memory_row_count ? al_memory_rows[i].agent : NULL;
}

const char *airlock_memory_location_path(size_t i)
{
	return i < al_memory_row_count ? al_memory_rows[i].path : NULL;
}

static char *join(const char *a, const char *b)
{
	char *s;

	if (asprintf(&s, "%s%s%s", a, strcmp(a, "/") == 0 ? "" : "/", b) < 0)
		return NULL;
	return s;
}

static bool same_stamp(const struct file_stamp *a, const struct file_stamp *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	       a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec &&
	       a->ctime_sec == b->ctime_sec && a->ctime_nsec == b->ctime_nsec;
}

/* The walk's question: may this file be skipped? */
static bool unchanged(void *arg, const char *path, const struct file_stamp *st)
{
	struct run *run = arg;
	const struct state_file *f;
	char *key = join(run->root->abs, path);
	bool same;

	if (!key)
		return false;
	f = al_state_find(run->old, key);
	/* only a file whose content was judged stands for its content */
	same = f && f->verdict != STATE_UNREAD && same_stamp(&f->stamp, st) &&
	       strcmp(f->signatures, run->sigver) == 0;
	free(key);
	return same;
}

/* --- finding the files ------------------------------------------------------- */

/* A row with a "*" component: that part of it is every folder there. */
static int walk_pattern(struct snapshot *snap, int homefd, const struct memory_row *row)
{
	const char *star = strchr(row->path, '*');
	char base[LIMIT_PATH_BYTES], rel[LIMIT_PATH_BYTES * 2];
	const struct surface *s = al_memory_surface(row->agent);
	struct dirent *de;
	DIR *dir;
	int fd, error = 0;

	snprintf(base, sizeof(base), "%.*s", (int)(star - row->path - 1), row->path);
	fd = openat(homefd, base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || !(dir = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return 0; /* no such agent here */
	}
	while (!error && (de = readdir(dir))) {
		if (de->d_name[0] == '.' || de->d_type != DT_DIR)
			continue;
		if (snprintf(rel, sizeof(rel), "%s/%s%s", base, de->d_name, star + 1) >=
		    (int)sizeof(rel))
			continue;
		error = al_source_dir_snapshot_tree(snap, homefd, rel, s);
	}
	closedir(dir);
	return error;
}

static int discover(struct root *r, const char *home)
{
	int homefd, error = 0;

	if (!(r->abs = strdup(home)))
		return al_error_oom();
	homefd = open(home, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (homefd < 0)
		return al_error_set_errno(AIRLOCK_ENOTFOUND, errno,
					  "cannot open the home folder %s", home);
	for (size_t i = 0; i < al_memory_row_count && !error; i++) {
		const struct memory_row *row = &al_memory_rows[i];
		const struct surface *s = al_memory_surface(row->agent);

		if (strchr(row->path, '*'))
			error = walk_pattern(&r->snap, homefd, row);
		else if (row->dir)
			error = al_source_dir_snapshot_tree(&r->snap, homefd, row->path, s);
		else
			error = al_source_dir_add_file(&r->snap, homefd, row->path, s);
	}
	close(homefd);
	return error;
}

static const struct surface folder_surface = {
	"", "(memory)", AIRLOCK_KIND_MARKDOWN, true, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE,
};

static int open_folder(struct root *r, const char *dir)
{
	int fd, error;

	if (!(r->abs = realpath(dir, NULL)))
		return errno == ENOENT ? al_error_set(AIRLOCK_ENOTFOUND, "'%s' does not exist", dir)
				       : al_error_set_errno(AIRLOCK_ERROR, errno, "'%s'", dir);
	if ((fd = open(r->abs, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return al_error_set_errno(AIRLOCK_EINVALID, errno, "'%s' is not a folder", dir);
	error = al_source_dir_snapshot_all(&r->snap, fd, &folder_surface);
	close(fd);
	return error;
}

/* --- the pool ------------------------------------------------------------------ */

/* In the sandboxed child: each file done is a tick to the parent, which
 * calls the caller's callback (check_tick). */
static int tick_to_parent(size_t done, size_t total, uint64_t bytes, void *payload)
{
	al_sandbox_tick(payload, done, total, bytes);
	return 0;
}

/* The jobs through scan/pool.c; their findings come back to them. */
static int run_pool(struct run *run)
{
	struct scan_pool_options po = { 0 };
	struct scan_item *items = calloc(run->njobs ? run->njobs : 1, sizeof(*items));
	int error;

	if (!items)
		return al_error_oom();
	for (size_t i = 0; i < run->njobs; i++) {
		items[i].snap = &run->jobs[i].root->snap;
		items[i].e = run->jobs[i].e;
		items[i].shown = run->jobs[i].key;
	}
	if (run->mo) {
		po.threads = run->mo->threads;
		po.progress = run->mo->progress;
		po.progress_payload = run->mo->progress_payload;
	}
	if (run->progress) {
		po.progress = tick_to_parent;
		po.progress_payload = run->progress;
	}
	po.timeout = run->timeout;
	error = al_scan_pool_run(items, run->njobs, run->ys, &po);
	for (size_t i = 0; i < run->njobs; i++) {
		run->jobs[i].fs = items[i].fs;
		run->jobs[i].scanned = items[i].scanned;
	}
	free(items);
	return error;
}

/*
 * The pool runs in a confined child (sandbox/sandbox.c), like every scan:
 * the files were read before the fork, and the findings come back per job,
 * in job order, through the validated wire format (scan/wire.c).
 */
static int pool_child(void *arg, int fd)
{
	struct run *run = arg;
	airlock_report *tmp = calloc(1, sizeof(*tmp));
	int error;

	if (al_scan_sandbox_test_hook)
		al_scan_sandbox_test_hook();
	error = tmp ? run_pool(run) : al_error_oom();

	for (size_t i = 0; i < run->njobs && error == 0; i++) {
		struct job *j = &run->jobs[i];

		error = al_scan_report_add_file(tmp, j->key, j->e->kind, j->scanned);
		for (size_t k = 0; k < j->fs.count && error == 0; k++)
			error = al_findings_copy(&tmp->fs, &j->fs.v[k], j->key);
	}
	if (error < 0) {
		dprintf(fd, SANDBOX_ERROR_PREFIX "%s\n", airlock_error_last());
		return error;
	}
	return al_scan_wire_write(fd, tmp); /* the child exits: nothing to free */
}

static int distribute(struct run *run, const airlock_report *tmp)
{
	size_t k = 0;

	if (tmp->nfiles != run->njobs)
		return al_error_set(AIRLOCK_ERROR, "the sandboxed memory scan lost files");
	for (size_t i = 0; i < tmp->nfiles; i++) {
		if (strcmp(tmp->files[i].path, run->jobs[i].key) != 0)
			return al_error_set(AIRLOCK_ERROR,
					    "the sandboxed memory scan mixed up files");
		run->jobs[i].scanned = tmp->files[i].scanned;
	}
	for (size_t i = 0; i < tmp->fs.count; i++) {
		const struct airlock_finding *f = &tmp->fs.v[i];
		int error;

		while (k < run->njobs && strcmp(f->file, run->jobs[k].key) != 0)
			k++;
		if (k == run->njobs)
			return al_error_set(AIRLOCK_ERROR,
					    "the sandboxed memory scan mixed up findings");
		if ((error = al_findings_copy(&run->jobs[k].fs, f, run->jobs[k].key)) < 0)
			return error;
	}
	return 0;
}

/* In this process: a tick from the child, checked (one more file each
 * time, never past the files sent), then given to the caller's callback. */
static int check_tick(const struct sandbox_tick *t, void *payload)
{
	struct ticks *k = payload;

	if (t->total != k->total || t->done != k->done + 1 || t->done > t->total ||
	    t->bytes < k->bytes)
		return al_error_set(AIRLOCK_ERROR,
				    "the sandboxed memory scan sent progress that does not add up");
	k->done = t->done;
	k->bytes = t->bytes;
	return k->mo->progress((size_t)t->done, (size_t)t->total, t->bytes,
			       k->mo->progress_payload) != 0
		       ? AIRLOCK_EUSER
		       : 0;
}

static int run_pool_confined(struct run *run)
{
	airlock_report *tmp;
	unsigned char *buf = NULL;
	size_t len = 0;
	unsigned int seconds = LIMIT_SCAN_DEADLINE;
	struct ticks ticks = { run->mo, 0, 0, run->njobs };
	struct sandbox_progress progress = { check_tick, &ticks, -1 };
	int error;

	if (run->mo && (run->mo->flags & AIRLOCK_MEMORY_NO_SANDBOX))
		return run_pool(run);
	if (run->njobs < LIMIT_SCAN_DEADLINE / (run->timeout + 1))
		seconds = (unsigned int)(run->njobs * (run->timeout + 1) + 10);
	if (!(tmp = calloc(1, sizeof(*tmp))))
		return al_error_oom();
	/* the callback runs here, in the caller's thread: the child only says
	 * how far it is */
	run->progress = run->mo && run->mo->progress ? &progress : NULL;
	error = al_sandbox_run_progress(&buf, &len, LIMIT_SCAN_REPORT_BYTES, seconds, pool_child,
					run, run->progress);
	run->progress = NULL;
	if (error == 0 && (error = al_scan_wire_read(tmp, buf, len)) == 0)
		error = distribute(run, tmp);
	free(buf);
	airlock_report_free(tmp);
	return error;
}

/* --- results --------------------------------------------------------------------- */

static bool seen_before(const struct state_file *old, const struct airlock_finding *f)
{
	for (size_t i = 0; old && i < old->fs.count; i++)
		if (strcmp(old->fs.v[i].rule, f->rule) == 0 &&
		    strcmp(old->fs.v[i].excerpt, f->excerpt) == 0)
			return true;
	return false;
}

static bool same_finding(const struct airlock_finding *a, const struct airlock_finding *b)
{
	return a->severity == b->severity && a->line == b->line && a->column == b->column &&
	       strcmp(a->rule, b->rule) == 0 && strcmp(a->message, b->message) == 0 &&
	       strcmp(a->excerpt, b->excerpt) == 0;
}

/* Whether the record on disk already says what `b` says. */
static bool same_record(const struct state_file *a, const struct state_file *b)
{
	if (!a || a->verdict != b->verdict || !same_stamp(&a->stamp, &b->stamp) ||
	    strcmp(a->signatures, b->signatures) != 0 || strcmp(a->sha256, b->sha256) != 0 ||
	    a->fs.count != b->fs.count)
		return false;
	for (size_t i = 0; i < a->fs.count; i++)
		if (!same_finding(&a->fs.v[i], &b->fs.v[i]))
			return false;
	return true;
}

struct counts {
	size_t read, scanned, unchanged, skipped;
	bool changed; /* the new state differs from the old */
};

/* The job's findings (or, for a file not read, the recorded ones) into the
 * report and into the new state; the file into exactly one count. */
static int collect(airlock_report *r, struct state *next, struct counts *c, struct job *j,
		   const struct state *old, const char *sigver, bool new_only)
{
	const struct state_file *prev = al_state_find(old, j->key);
	const struct findings *fs = j->e->cached ? &prev->fs : &j->fs;
	struct state_file f = { 0 };
	int error;

	if ((error = al_scan_report_add_file(r, j->key, j->e->kind, j->scanned)) < 0)
		return error;
	for (size_t i = 0; i < fs->count; i++) {
		struct airlock_finding *v = &fs->v[i];

		if (!j->e->cached)
			v->known = seen_before(prev, v);
		else
			v->known = true;
		if (!(new_only && v->known) && (error = al_findings_copy(&r->fs, v, j->key)) < 0)
			return error;
	}
	/* Entries that were not judged by content (a symlink, a FIFO, a file
	 * too large) are recorded too, so that their findings are known on the
	 * next run; they are never skipped on their stamp. */
	if (!(f.path = strdup(j->key)))
		return al_error_oom();
	f.stamp = j->e->stamp;
	if (j->e->cached) {
		f.verdict = prev->verdict;
		memcpy(f.sha256, prev->sha256, sizeof(f.sha256));
		c->unchanged++;
	} else if (j->e->binary) {
		f.verdict = STATE_BINARY;
		c->read++;
		c->skipped++;
	} else if (j->scanned) {
		f.verdict = STATE_SCANNED;
		memcpy(f.sha256, j->e->sha256, sizeof(f.sha256));
		c->read++;
		c->scanned++;
	} else {
		f.verdict = STATE_UNREAD;
		memset(&f.stamp, 0, sizeof(f.stamp));
		c->skipped++;
	}
	snprintf(f.signatures, sizeof(f.signatures), "%s", sigver);
	for (size_t i = 0; i < fs->count && !error; i++)
		error = al_findings_copy(&f.fs, &fs->v[i], j->key);
	/* as the report holds them: one per rule and line */
	al_findings_finish(&f.fs);
	if (error == 0 && !j->e->cached && !same_record(prev, &f))
		c->changed = true;
	if (error == 0)
		error = al_state_put(next, &f);
	al_findings_free(&f.fs);
	free(f.path);
	return error;
}

/* Files of the old state that are outside every folder scanned now are kept:
 * scanning one folder does not forget another's. */
static int keep_others(struct state *next, const struct state *old, const struct root *roots,
		       size_t nroots)
{
	for (size_t i = 0; i < old->count; i++) {
		struct state_file f = { 0 };
		bool inside = false;
		int error = 0;

		for (size_t k = 0; k < nroots && !inside; k++) {
			size_t n = strlen(roots[k].abs);

			inside = strncmp(old->v[i].path, roots[k].abs, n) == 0 &&
				 (old->v[i].path[n] == '/' || strcmp(roots[k].abs, "/") == 0);
		}
		if (inside)
			continue;
		f = old->v[i];
		f.fs = (struct findings){ 0 };
		if (!(f.path = strdup(old->v[i].path)))
			return al_error_oom();
		for (size_t k = 0; k < old->v[i].fs.count && !error; k++)
			error = al_findings_copy(&f.fs, &old->v[i].fs.v[k], f.path);
		if (error == 0)
			error = al_state_put(next, &f);
		al_findings_free(&f.fs);
		free(f.path);
		if (error < 0)
			return error;
	}
	return 0;
}

/* --- the scan ------------------------------------------------------------------- */

static int make_jobs(struct run *run, struct root *roots, size_t nroots)
{
	size_t total = 0, n = 0;

	for (size_t k = 0; k < nroots; k++)
		total += roots[k].snap.count;
	if (total && !(run->jobs = calloc(total, sizeof(*run->jobs))))
		return al_error_oom();
	for (size_t k = 0; k < nroots; k++)
		for (size_t i = 0; i < roots[k].snap.count; i++) {
			const struct airlock_entry *e = &roots[k].snap.entries[i];
			struct job *j = &run->jobs[n];

			if (e->reasons & AIRLOCK_REASON_MISSING)
				continue; /* a location this user's agents do not use */
			j->root = &roots[k];
			j->e = e;
			if (e->reasons & AIRLOCK_REASON_BAD_NAME) {
				char *shown = al_utf8_escape(e->path, strlen(e->path), true);

				j->key = shown ? join(roots[k].abs, shown) : NULL;
				free(shown);
			} else {
				j->key = join(roots[k].abs, e->path);
			}
			if (!j->key)
				return al_error_oom();
			n++;
		}
	run->njobs = n;
	return 0;
}

/* Cached files need nothing, nor do binaries (judged by the walk); the pool
 * gets the rest. */
static int scan_jobs(struct run *run)
{
	struct job *all = run->jobs;
	size_t nall = run->njobs, n = 0;
	struct job *todo;
	int error;

	if (!(todo = calloc(nall ? nall : 1, sizeof(*todo))))
		return al_error_oom();
	for (size_t i = 0; i < nall; i++)
		if (!all[i].e->cached && !all[i].e->binary)
			todo[n++] = all[i];
	run->jobs = todo;
	run->njobs = n;
	error = n ? run_pool_confined(run) : 0;
	/* Give the findings back to their jobs. */
	for (size_t i = 0, k = 0; i < nall; i++)
		if (!all[i].e->cached && !all[i].e->binary) {
			all[i].fs = todo[k].fs;
			all[i].scanned = todo[k].scanned;
			k++;
		}
	free(todo);
	run->jobs = all;
	run->njobs = nall;
	return error;
}

/* --- the rules ------------------------------------------------------------------- */

/* Whether a job's content is to be scanned (al_scan_entry_into's test): the
 * only thing libyara is needed for. */
static bool needs_rules(const struct run *run)
{
	for (size_t i = 0; i < run->njobs; i++) {
		const struct airlock_entry *e = run->jobs[i].e;

		if (!e->cached && !e->binary && e->data && !(e->reasons & AIRLOCK_REASON_UNREAD))
			return true;
	}
	return false;
}

/* Copies the rules of `from` that came from the signature set (not the
 * built-in ones) into `to`. */
static int copy_set_rules(struct airlock_rules *to, const struct airlock_rules *from)
{
	int error = 0;

	for (size_t i = 0; i < from->count && !error; i++) {
		const struct airlock_rule *e = &from->v[i];

		if (strcmp(e->source, "builtin") != 0)
			error = al_rules_add(to, e->id, e->name, e->category, e->severity,
					     e->confidence, e->description, e->source);
	}
	return error;
}

/*
 * The catalogue (and the YARA set, when files are to be scanned). A rescan
 * that scans nothing takes the signature set's rules from the state, where
 * the run that loaded them recorded them under the set's version (a SHA-256
 * of the very bytes read now), and never loads libyara: the rules are most
 * of what such a run would cost.
 */
static int open_rules(struct airlock_rules **cat, struct yara_set **ys, const struct run *run,
		      struct rules_source *src, const struct state *old)
{
	struct airlock_rules *r;
	int error;

	/* something will be scanned: libcurl, which reads URLs, is loaded here,
	 * before the sandboxed children are forked */
	if (needs_rules(run) || strcmp(old->rules.version, al_rules_source_version(src)) != 0)
		return (error = al_url_prepare()) < 0 ? error : al_rules_compile(cat, ys, src);
	*ys = NULL;
	if (!(r = calloc(1, sizeof(*r))))
		return al_error_oom();
	if ((error = al_rules_add_builtins(r)) < 0 ||
	    (error = copy_set_rules(r, &old->rules)) < 0) {
		airlock_rules_free(r);
		return error;
	}
	memcpy(r->version, al_rules_source_version(src), sizeof(r->version));
	al_rules_sort(r);
	*cat = r;
	return 0;
}

static int read_roots(struct root **out, size_t *nout, struct run *run, const char *const *dirs,
		      size_t ndirs, uint64_t cap)
{
	size_t n = ndirs ? ndirs : 1;
	struct root *roots = calloc(n, sizeof(*roots));
	const char *home = getenv("HOME");
	int error = 0;

	if (!roots)
		return al_error_oom();
	*out = roots;
	*nout = n;
	for (size_t k = 0; k < n && !error; k++) {
		al_snapshot_init(&roots[k].snap, cap);
		roots[k].snap.skip_binary = true;
		roots[k].snap.max_files = LIMIT_MEMORY_FILES;
		roots[k].snap.unchanged = run->use_cache ? unchanged : NULL;
		roots[k].snap.unchanged_arg = run;
		run->root = &roots[k];
		if (ndirs)
			error = open_folder(&roots[k], dirs[k]);
		else if (!home || home[0] != '/')
			error = al_error_set(AIRLOCK_ERROR, "cannot find memory: HOME is not set");
		else
			error = discover(&roots[k], home);
	}
	run->root = NULL;
	return error;
}

static void free_roots(struct root *roots, size_t n)
{
	for (size_t k = 0; roots && k < n; k++) {
		free(roots[k].abs);
		al_snapshot_free(&roots[k].snap);
	}
	free(roots);
}

/* Adds `fmt` to the report's warning (after the one there, if any). */
static int add_warning(airlock_report *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int add_warning(airlock_report *r, const char *fmt, ...)
{
	char *msg, *both;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		return al_error_oom();
	if (!r->warning) {
		r->warning = msg;
		return 0;
	}
	n = asprintf(&both, "%s; %s", r->warning, msg);
	free(msg);
	if (n < 0)
		return al_error_oom();
	free(r->warning);
	r->warning = both;
	return 0;
}

static int save_state(airlock_report *r, struct state *next, const char *dir)
{
	size_t dropped = 0;

	if (al_state_save(next, dir, &dropped) < 0)
		return add_warning(r, "the state was not saved: %s", airlock_error_last());
	if (dropped)
		return add_warning(r,
				   "%zu file%s left out of the state (it would pass %zu bytes); "
				   "the next run reads %s again",
				   dropped, dropped == 1 ? " was" : "s were",
				   (size_t)al_state_max_bytes, dropped == 1 ? "it" : "them");
	return 0;
}

int airlock_memory_scan(airlock_report **out, const char *const *dirs, size_t ndirs,
			const airlock_options *opts, const airlock_memory_options *mopts)
{
	struct scan_options so = { 0 };
	struct state old = { 0 }, next = { 0 };
	struct yara_set *ys = NULL;
	struct rules_source *src = NULL;
	struct root *roots = NULL;
	struct run run = { 0 };
	airlock_report *r = NULL;
	char *sdir = NULL;
	size_t nroots = 0;
	struct counts c = { 0 };
	bool discarded;
	int error;

	if (!out || (ndirs && !dirs))
		return al_error_set(AIRLOCK_EINVALID, "airlock_memory_scan: bad arguments");
	*out = NULL;
	if ((error = al_memory_options_check(mopts)) < 0)
		return error;
	if ((error = al_scan_options_init(&so, opts)) < 0 ||
	    (error = al_scan_report_new(&r, &so)) < 0 ||
	    (error = al_rules_read(&src, &so, NULL)) < 0 ||
	    (error = al_state_dir(&sdir, mopts ? mopts->state_dir : NULL)) < 0 ||
	    (error = al_state_load(&old, &r->warning, sdir)) < 0)
		goto out;
	discarded = r->warning != NULL;
	run.old = &old;
	run.sigver = al_rules_source_version(src);
	run.use_cache = !(mopts && (mopts->flags & AIRLOCK_MEMORY_NO_CACHE));
	run.timeout = so.timeout;
	run.mo = mopts;
	if ((error = read_roots(&roots, &nroots, &run, dirs, ndirs,
				opts ? opts->max_file_size : 0)) < 0 ||
	    (error = make_jobs(&run, roots, nroots)) < 0 ||
	    (error = open_rules(&r->rules, &ys, &run, src, &old)) < 0)
		goto out;
	run.ys = ys;
	if ((error = scan_jobs(&run)) < 0 || (error = copy_set_rules(&next.rules, r->rules)) < 0)
		goto out;
	memcpy(next.rules.version, r->rules->version, sizeof(next.rules.version));
	for (size_t i = 0; i < run.njobs && !error; i++)
		error = collect(r, &next, &c, &run.jobs[i], &old, run.sigver,
				mopts && (mopts->flags & AIRLOCK_MEMORY_NEW_ONLY));
	if (error < 0 || (error = keep_others(&next, &old, roots, nroots)) < 0)
		goto out;
	al_state_sort(&next);
	r->files_read = c.read;
	r->files_unchanged = c.unchanged;
	r->files_skipped = c.skipped;
	/* Every record as it was and none gone: the state on disk is this one. */
	if ((c.changed || next.count != old.count || discarded || !run.use_cache ||
	     strcmp(old.rules.version, next.rules.version) != 0) &&
	    (error = save_state(r, &next, sdir)) < 0)
		goto out;
	al_scan_report_finish(r, &so);
	*out = r;
	r = NULL;
out:
	for (size_t i = 0; run.jobs && i < run.njobs; i++) {
		free(run.jobs[i].key);
		al_findings_free(&run.jobs[i].fs);
	}
	free(run.jobs);
	free_roots(roots, nroots);
	al_state_free(&old);
	al_state_free(&next);
	free(sdir);
	al_yara_set_free(ys);
	al_rules_source_free(src);
	airlock_report_free(r);
	al_scan_options_clear(&so);
	return error;
}
