/*
 * memscan.c - airlock_memory_scan: every memory file as instructions,
 * incremental over a state file, spread over threads.
 *
 * The walk reads through the one safe-read path (source_dir.c) and asks the
 * state, after fstat and before reading, whether the file is unchanged; such
 * a file is never read and its recorded findings are carried over. The
 * state only ever saves work: a finding is never dropped because of it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/error.h"
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

#define UNREAD_HASH "0000000000000000000000000000000000000000000000000000000000000000"

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
	same = f && same_stamp(&f->stamp, st) && strcmp(f->signatures, run->sigver) == 0;
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
		return error; /* AIRLOCK_EUSER crosses as the exit status */
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

static int run_pool_confined(struct run *run)
{
	airlock_report *tmp;
	unsigned char *buf = NULL;
	size_t len = 0;
	unsigned int seconds = LIMIT_SCAN_DEADLINE;
	int error;

	if (run->mo && (run->mo->flags & AIRLOCK_MEMORY_NO_SANDBOX))
		return run_pool(run);
	if (run->njobs < LIMIT_SCAN_DEADLINE / (run->timeout + 1))
		seconds = (unsigned int)(run->njobs * (run->timeout + 1) + 10);
	if (!(tmp = calloc(1, sizeof(*tmp))))
		return al_error_oom();
	error = al_sandbox_run(&buf, &len, LIMIT_SCAN_REPORT_BYTES, seconds, pool_child, run);
	if (error == AIRLOCK_EUSER && !(run->mo && run->mo->progress))
		/* only a callback can cancel: without one, the child's claim is a failure */
		error = al_error_set(AIRLOCK_ERROR,
				     "the sandboxed scanner failed (exit cancelled)");
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

/* The job's findings (or, for a file not read, the recorded ones) into the
 * report and into the new state. */
static int collect(airlock_report *r, struct state *next, struct job *j, const struct state *old,
		   const char *sigver, bool new_only)
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
	/* Entries that were not read (a symlink, a FIFO) are recorded too, with
	 * a hash of zeros, so that their findings are known on the next run. */
	if (!(f.path = strdup(j->key)))
		return al_error_oom();
	f.stamp = j->e->stamp;
	snprintf(f.sha256, sizeof(f.sha256), "%s",
		 j->e->cached      ? prev->sha256
		 : j->e->sha256[0] ? j->e->sha256
				   : UNREAD_HASH);
	snprintf(f.signatures, sizeof(f.signatures), "%s", sigver);
	for (size_t i = 0; i < fs->count && !error; i++)
		error = al_findings_copy(&f.fs, &fs->v[i], j->key);
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

/* Cached files first need nothing; the pool gets the rest. */
static int scan_jobs(struct run *run)
{
	struct job *all = run->jobs;
	size_t nall = run->njobs, n = 0;
	struct job *todo;
	int error;

	if (!(todo = calloc(nall ? nall : 1, sizeof(*todo))))
		return al_error_oom();
	for (size_t i = 0; i < nall; i++)
		if (!all[i].e->cached)
			todo[n++] = all[i];
	run->jobs = todo;
	run->njobs = n;
	error = n ? run_pool_confined(run) : 0;
	/* Give the findings back to their jobs. */
	for (size_t i = 0, k = 0; i < nall; i++)
		if (!all[i].e->cached) {
			all[i].fs = todo[k].fs;
			all[i].scanned = todo[k].scanned;
			k++;
		}
	free(todo);
	run->jobs = all;
	run->njobs = nall;
	return error;
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

static int save_state(airlock_report *r, struct state *next, const char *dir)
{
	if (al_state_save(next, dir) == 0)
		return 0;
	free(r->warning);
	if (asprintf(&r->warning, "the state was not saved: %s", airlock_error_last()) < 0) {
		r->warning = NULL;
		return al_error_oom();
	}
	return 0;
}

int airlock_memory_scan(airlock_report **out, const char *const *dirs, size_t ndirs,
			const airlock_options *opts, const airlock_memory_options *mopts)
{
	struct scan_options so = { 0 };
	struct state old = { 0 }, next = { 0 };
	struct yara_set *ys = NULL;
	struct root *roots = NULL;
	struct run run = { 0 };
	airlock_report *r = NULL;
	char *sdir = NULL;
	size_t nroots = 0;
	unsigned long reads = __atomic_load_n(&al_source_dir_reads, __ATOMIC_RELAXED);
	int error;

	if (!out || (ndirs && !dirs))
		return al_error_set(AIRLOCK_EINVALID, "airlock_memory_scan: bad arguments");
	*out = NULL;
	if ((error = al_memory_options_check(mopts)) < 0)
		return error;
	if ((error = al_scan_options_init(&so, opts)) < 0 ||
	    (error = al_scan_report_new(&r, &so)) < 0 ||
	    (error = al_rules_open(&r->rules, &ys, &so, NULL)) < 0 ||
	    (error = al_state_dir(&sdir, mopts ? mopts->state_dir : NULL)) < 0 ||
	    (error = al_state_load(&old, &r->warning, sdir)) < 0)
		goto out;
	run.old = &old;
	run.sigver = r->rules->version;
	run.use_cache = !(mopts && (mopts->flags & AIRLOCK_MEMORY_NO_CACHE));
	run.ys = ys;
	run.timeout = so.timeout;
	run.mo = mopts;
	if ((error = read_roots(&roots, &nroots, &run, dirs, ndirs,
				opts ? opts->max_file_size : 0)) < 0 ||
	    (error = make_jobs(&run, roots, nroots)) < 0 || (error = scan_jobs(&run)) < 0)
		goto out;
	for (size_t i = 0; i < run.njobs && !error; i++)
		error = collect(r, &next, &run.jobs[i], &old, run.sigver,
				mopts && (mopts->flags & AIRLOCK_MEMORY_NEW_ONLY));
	if (error < 0 || (error = keep_others(&next, &old, roots, nroots)) < 0)
		goto out;
	al_state_sort(&next);
	r->files_read = __atomic_load_n(&al_source_dir_reads, __ATOMIC_RELAXED) - reads;
	/* Nothing read and nothing gone: the state on disk is already this one. */
	if ((r->files_read || next.count != old.count || r->warning || !run.use_cache) &&
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
	airlock_report_free(r);
	al_scan_options_clear(&so);
	return error;
}
