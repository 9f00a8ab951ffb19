/*
 * source_dir.c - walk a project directory and read its context files once.
 *
 * The rules, all enforced on descriptors (the opens and reads are
 * common/safeio.c's):
 *  - every name is opened relative to its parent directory's descriptor, one
 *    component at a time, with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS |
 *    RESOLVE_NO_MAGICLINKS) and O_NOFOLLOW: nothing is reached through a link;
 *  - the type is checked on the open descriptor (fstat): only regular files
 *    are read, and non-regular files are never opened when the listing
 *    already says what they are (a FIFO must not block us, a device must not
 *    see an open);
 *  - a file larger than the cap is not read at all; a file whose size or
 *    change time moved while it was read is not trusted to be what we hashed;
 *  - depth, entry count and path length are bounded; reaching a bound is an
 *    entry in the manifest (fail closed), not a silent stop.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/error.h"
#include "common/utf8.h"
#include "common/limits.h"
#include "common/safeio.h"
#include "snapshot/dircache.h"
#include "snapshot/source_dir.h"

AL_SEAM_DEFINE(al_open_hook, al_source_dir_before_open, NULL);
AL_SEAM_DEFINE(void *, al_source_dir_before_open_arg, NULL);
unsigned long al_source_dir_reads;

struct walk {
	struct snapshot *snap;
	int rootfd;                      /* what link targets are resolved beneath */
	char path[LIMIT_PATH_BYTES + 1]; /* relative path of the current name */
	size_t entries_seen;
	bool entry_limit_reported;
	const struct surface *all; /* set: every file is this surface */
	struct dircache *dc;       /* set: listings of unchanged folders are reused */
	bool variant;              /* the current path matched a row only ignoring case */
};

/* Adds an entry for the current path, noting a name that is not UTF-8. */
static int add(struct airlock_entry **out, struct walk *w, const struct surface *s,
	       unsigned int reasons, uint64_t size, const char *link_target)
{
	struct airlock_entry *e = NULL;
	int error;

	if (!al_utf8_valid(w->path, strlen(w->path)))
		reasons |= AIRLOCK_REASON_BAD_NAME;
	if (w->variant && s != &al_snapshot_walk_surface && s != &al_snapshot_limit_surface)
		reasons |= AIRLOCK_REASON_CASE_VARIANT;
	error = al_snapshot_add(&e, w->snap, w->path, s, reasons, size, link_target);
	if (out)
		*out = e;
	return error;
}

/* The row for the current path, matched as case-insensitive file systems
 * (and some agents) match names; a match only that way is noted. */
static const struct surface *match(struct walk *w)
{
	return al_surface_match_fold(w->path, &w->variant);
}

/* One LIMIT entry per place: a directory full of over-long names is one
 * problem, not thousands. */
/* A depth or entry limit: what lies beyond is not walked; git's index may
 * tell what is tracked there (snapshot.h). */
static int add_walk_limit(struct walk *w)
{
	const struct snapshot *snap = w->snap;

	w->snap->walk_limited = true;
	if (snap->count > 0) {
		const struct airlock_entry *last = &snap->entries[snap->count - 1];

		if ((last->reasons & AIRLOCK_REASON_LIMIT) && strcmp(last->path, w->path) == 0)
			return 0;
	}
	return add(NULL, w, &al_snapshot_limit_surface, AIRLOCK_REASON_LIMIT, 0, NULL);
}

static int add_limit(struct walk *w)
{
	const struct snapshot *snap = w->snap;

	if (snap->count > 0) {
		const struct airlock_entry *last = &snap->entries[snap->count - 1];

		if ((last->reasons & AIRLOCK_REASON_LIMIT) && strcmp(last->path, w->path) == 0)
			return 0;
	}
	return add(NULL, w, &al_snapshot_walk_surface, AIRLOCK_REASON_LIMIT, 0, NULL);
}

static int read_open(struct walk *w, struct safe_file *f, const struct surface *s,
		     unsigned int reasons, const char *link_target);

/* Opens the folder of `path` (relative to rootfd) one component at a time,
 * never through a link; returns its descriptor (or -1) and the last name. */
static int open_folder_of(int rootfd, char *path, char **last)
{
	char *p = path, *slash;
	int fd = openat(rootfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	while (fd >= 0 && (slash = strchr(p, '/'))) {
		int next;

		*slash = '\0';
		next = al_safeio_open_beneath(fd, p, O_RDONLY | O_DIRECTORY);
		*slash = '/';
		close(fd);
		fd = next;
		p = slash + 1;
	}
	*last = p;
	return fd;
}

/*
 * The regular file inside the root that the link at `path` with text
 * `target` ends at, opened into `f` (CLAUDE.md -> AGENTS.md). Each hop is
 * worked out on the link's text (al_snapshot_join: never absolute, never
 * above the root) and opened beneath the root without following any link;
 * at most LIMIT_LINK_HOPS links. False leaves the link unread.
 */
static bool open_link_target(struct safe_file *f, int rootfd, const char *path, const char *target)
{
	char cur[LIMIT_PATH_BYTES + 1], dest[LIMIT_PATH_BYTES + 1], text[LIMIT_LINK_TARGET + 1];
	bool ok = false;

	if (rootfd < 0 || strlen(path) >= sizeof(cur) || strlen(target) >= sizeof(text))
		return false;
	memcpy(cur, path, strlen(path) + 1);
	memcpy(text, target, strlen(target) + 1);
	for (int hop = 0; hop < LIMIT_LINK_HOPS && !ok; hop++) {
		struct stat st;
		char *name;
		ssize_t n;
		int fd;

		if (!al_snapshot_join(dest, sizeof(dest), cur, text))
			return false;
		memcpy(cur, dest, strlen(dest) + 1);
		if ((fd = open_folder_of(rootfd, dest, &name)) < 0)
			return false;
		if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
			close(fd);
			return false;
		}
		if (S_ISLNK(st.st_mode)) {
			n = readlinkat(fd, name, text, sizeof(text));
			close(fd);
			if (n <= 0 || (size_t)n >= sizeof(text))
				return false;
			text[n] = '\0';
			continue;
		}
		ok = S_ISREG(st.st_mode) &&
		     al_safeio_open(f, fd, name, AL_SAFEIO_BENEATH) == AL_SAFEIO_OK;
		close(fd);
		if (!ok)
			return false;
	}
	return ok;
}

/* Records the symlink at w->path as entry of surface `s` (NULL: look it up;
 * skip it when it is no context location). A link to a regular file inside
 * the root is read as that file; any other is recorded unread. */
static int visit_link(struct walk *w, int dirfd, const char *name, unsigned int extra,
		      const struct surface *s)
{
	bool anchor = false;
	char target[LIMIT_LINK_TARGET + 1];
	unsigned int reasons = extra;
	struct airlock_entry *e;
	ssize_t n;
	int error;

	if (!s && !(s = match(w))) {
		s = al_surface_anchor(w->path);
		anchor = s != NULL;
	}
	if (!s)
		return 0;
	n = readlinkat(dirfd, name, target, sizeof(target));
	if (n < 0) {
		target[0] = '\0';
		reasons |= AIRLOCK_REASON_UNREADABLE;
	} else if ((size_t)n >= sizeof(target)) {
		target[sizeof(target) - 1] = '\0';
	} else {
		target[n] = '\0';
	}
	if (n < 0 || (size_t)n >= sizeof(target) || al_snapshot_link_escapes(w->path, target))
		reasons |= AIRLOCK_REASON_SYMLINK_OUTSIDE;
	else
		reasons |= AIRLOCK_REASON_SYMLINK;
	if (reasons == AIRLOCK_REASON_SYMLINK && !anchor) {
		struct safe_file f;

		if (open_link_target(&f, w->rootfd, w->path, target))
			return read_open(w, &f, s, AIRLOCK_REASON_SYMLINK_READ, target);
	}
	if ((error = add(&e, w, s, reasons, 0, target)) < 0)
		return error;
	if (e && anchor)
		e->kind = AIRLOCK_KIND_DIRECTORY;
	return 0;
}

static int visit_special(struct walk *w, const struct surface *s)
{
	if (!s)
		return 0;
	return add(NULL, w, s, AIRLOCK_REASON_NOT_REGULAR, 0, NULL);
}

/* Reads the file open in `f` once (common/safeio.c). On success *data holds
 * exactly f->st.st_size bytes; otherwise *reasons says why there is no
 * content. */
static int read_once(unsigned char **data, unsigned int *reasons, struct safe_file *f, uint64_t cap)
{
	int error = al_safeio_read(data, f, cap);

	if (f->why != AL_SAFEIO_TOO_LARGE)
		__atomic_add_fetch(&al_source_dir_reads, 1, __ATOMIC_RELAXED);
	switch (f->why) {
	case AL_SAFEIO_OK:
		break;
	case AL_SAFEIO_TOO_LARGE:
		*reasons |= AIRLOCK_REASON_TOO_LARGE;
		break;
	case AL_SAFEIO_READ_FAILED:
		*reasons |= AIRLOCK_REASON_UNREADABLE;
		break;
	default:
		*reasons |= AIRLOCK_REASON_CHANGED;
		break;
	}
	return error;
}

static unsigned int open_failure_reason(int errnum)
{
	switch (errnum) {
	case ENOENT: /* removed after the listing */
		return AIRLOCK_REASON_CHANGED | AIRLOCK_REASON_UNREADABLE;
	case ENXIO: /* a socket took its place */
		return AIRLOCK_REASON_CHANGED | AIRLOCK_REASON_NOT_REGULAR;
	default:
		return AIRLOCK_REASON_UNREADABLE;
	}
}

static void stamp_of(struct file_stamp *out, const struct stat *st)
{
	out->dev = (uint64_t)st->st_dev;
	out->ino = (uint64_t)st->st_ino;
	out->size = (uint64_t)st->st_size;
	out->mtime_sec = (int64_t)st->st_mtim.tv_sec;
	out->mtime_nsec = st->st_mtim.tv_nsec;
	out->ctime_sec = (int64_t)st->st_ctim.tv_sec;
	out->ctime_nsec = st->st_ctim.tv_nsec;
}

/* The reasons the stat data of the file at w->path gives. */
static unsigned int stat_reasons(const struct surface *s, const struct stat *st)
{
	unsigned int reasons = 0;

	if (s->cls == AIRLOCK_CLASS_EXECUTABLE && (st->st_mode & (S_IWGRP | S_IWOTH)))
		reasons |= AIRLOCK_REASON_WRITABLE;
	/* Another name for the same inode may sit outside the project, where
	 * someone else can rewrite what was trusted and scanned. */
	if (st->st_nlink > 1)
		reasons |= AIRLOCK_REASON_HARDLINK;
	return reasons;
}

/* When the caller says the file at w->path (stat data `st`) is unchanged: its
 * entry, unread, marked cached; *done says whether it was. */
static int add_if_unchanged(bool *done, struct walk *w, const struct surface *s,
			    unsigned int reasons, const struct stat *st, const char *link_target)
{
	struct file_stamp stamp;
	struct airlock_entry *e;
	int error;

	*done = false;
	stamp_of(&stamp, st);
	if (!w->snap->unchanged || !w->snap->unchanged(w->snap->unchanged_arg, w->path, &stamp))
		return 0;
	*done = true;
	if ((error = add(&e, w, s, reasons | stat_reasons(s, st), (uint64_t)st->st_size,
			 link_target)) < 0 ||
	    !e)
		return error;
	e->stamp = stamp;
	e->cached = true;
	return 0;
}

/* Reads the regular file at w->path as an entry of surface `s`. */
static int visit_file(struct walk *w, int dirfd, const char *name, const struct surface *s)
{
	struct safe_file f;

	if (!s && w->snap->all_files)
		s = &al_snapshot_any_surface;
	if (!s)
		return 0;
	if (al_source_dir_before_open)
		al_source_dir_before_open(dirfd, name, al_source_dir_before_open_arg);
	/* A file the caller has unchanged is not read: its stat data, taken
	 * without following a link, is all it needs (no open, no read). */
	if (w->snap->unchanged && !al_snapshot_full(w->snap)) {
		struct stat st;
		bool done;
		int error;

		if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
		    ((error = add_if_unchanged(&done, w, s, 0, &st, NULL)) < 0 || done))
			return error;
	}
	switch (al_safeio_open(&f, dirfd, name, AL_SAFEIO_BENEATH)) {
	case AL_SAFEIO_OK:
		break;
	case AL_SAFEIO_OPEN_FAILED:
		if (f.errnum == ELOOP) /* a symlink took its place */
			return visit_link(w, dirfd, name, AIRLOCK_REASON_CHANGED, s);
		return add(NULL, w, s, open_failure_reason(f.errnum), 0, NULL);
	case AL_SAFEIO_NOT_REGULAR:
		return add(NULL, w, s, AIRLOCK_REASON_NOT_REGULAR | AIRLOCK_REASON_CHANGED, 0,
			   NULL);
	default:
		return add(NULL, w, s, AIRLOCK_REASON_UNREADABLE, 0, NULL);
	}
	return read_open(w, &f, s, 0, NULL);
}

/* Reads the regular file open in `f` (closed here) as the entry at w->path. */
static int read_open(struct walk *w, struct safe_file *fp, const struct surface *s,
		     unsigned int reasons, const char *link_target)
{
	struct safe_file f = *fp;
	struct airlock_entry *e;
	unsigned char *data = NULL;
	struct file_stamp stamp;
	bool done;
	int error;

	if (s != &al_snapshot_walk_surface && al_snapshot_full(w->snap)) {
		/* past the manifest's bound: one LIMIT entry, and nothing read */
		al_safeio_close(&f);
		return add(NULL, w, s, reasons, (uint64_t)f.st.st_size, link_target);
	}
	if ((error = add_if_unchanged(&done, w, s, reasons, &f.st, link_target)) < 0 || done) {
		al_safeio_close(&f);
		return error;
	}
	reasons |= stat_reasons(s, &f.st);
	stamp_of(&stamp, &f.st);
	error = read_once(&data, &reasons, &f, w->snap->max_file_size);
	al_safeio_close(&f);
	if (error < 0)
		return error;
	if ((error = add(&e, w, s, reasons, (uint64_t)f.st.st_size, link_target)) < 0 || !e ||
	    !data) {
		free(data);
		return error;
	}
	e->stamp = stamp;
	return al_snapshot_set_content(w->snap, e, data, (size_t)f.st.st_size);
}

static int walk_dir(struct walk *w, int dirfd, size_t len, int depth);

static int visit_dir(struct walk *w, int dirfd, const char *name, size_t len, int depth)
{
	int fd;

	if (al_surface_skip_path(w->path)) {
		w->snap->pruned |= strcmp(name, ".git") != 0;
		return 0;
	}
	if (depth >= LIMIT_WALK_DEPTH)
		return add_walk_limit(w);
	fd = al_safeio_open_beneath(dirfd, name, O_RDONLY | O_DIRECTORY);
	if (fd < 0) {
		if (errno == ELOOP) /* swapped for a symlink since the listing */
			return visit_link(w, dirfd, name, AIRLOCK_REASON_CHANGED, NULL);
		if (errno == ENOENT || errno == ENOTDIR)
			return 0; /* gone, or a file now: nothing of ours below it */
		return add(NULL, w, &al_snapshot_walk_surface, AIRLOCK_REASON_UNREADABLE, 0, NULL);
	}
	return walk_dir(w, fd, len, depth + 1);
}

static unsigned char type_of(int dirfd, const struct dirent *de)
{
	struct stat st;

	if (de->d_type != DT_UNKNOWN)
		return de->d_type;
	if (fstatat(dirfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return DT_UNKNOWN;
	return IFTODT(st.st_mode);
}

static int visit(struct walk *w, int dirfd, const char *name, unsigned char type, size_t len,
		 int depth)
{
	const struct surface *s = w->all;

	switch (type) {
	case DT_DIR:
		return visit_dir(w, dirfd, name, len, depth);
	case DT_LNK:
		return visit_link(w, dirfd, name, 0, s);
	case DT_REG:
		return visit_file(w, dirfd, name, s ? s : match(w));
	case DT_UNKNOWN:
		return 0; /* vanished between readdir and fstatat */
	default:
		return visit_special(w, s ? s : match(w));
	}
}

/* What walk_dir keeps of a folder's listing for the cache: the names the
 * walk acts on (dircache.h). */
struct listing {
	char *names;
	size_t len, cap;
	uint32_t count;
	bool failed;
};

static void listing_add(struct listing *l, unsigned char type, const char *name)
{
	size_t n = strlen(name) + 2;

	if (l->failed)
		return;
	if (l->len + n > l->cap) {
		size_t cap = l->cap ? l->cap : 256;
		char *p;

		while (cap < l->len + n)
			cap *= 2;
		if (!(p = realloc(l->names, cap))) {
			l->failed = true;
			return;
		}
		l->names = p;
		l->cap = cap;
	}
	l->names[l->len] = (char)type;
	memcpy(l->names + l->len + 1, name, n - 1);
	l->len += n;
}

/* One name of the folder at w->path[0..len): its path, then a visit. In a
 * `plain` folder (outside every surface folder, al_surface_dir_plain) a name
 * the table cannot end with is passed over without a look. */
static int walk_entry(struct walk *w, int dirfd, const char *name, unsigned char type, size_t len,
		      int depth, bool plain)
{
	size_t nlen = strlen(name), clen = len ? len + 1 + nlen : nlen;
	int error;

	if (clen > LIMIT_PATH_BYTES)
		return add_limit(w);
	if (type == DT_UNKNOWN)
		return 0; /* vanished between readdir and fstatat */
	if (plain && type != DT_DIR && !al_surface_name_may_match(name))
		return 0;
	if (len)
		w->path[len] = '/';
	memcpy(w->path + (len ? len + 1 : 0), name, nlen + 1);
	w->variant = false;
	error = visit(w, dirfd, name, type, clen, depth);
	w->path[len] = '\0';
	return error;
}

/* The walk of a folder whose listing the cache holds: its names again, in
 * the order listed; the entry count as if they had been read. */
static int walk_cached(struct walk *w, int dirfd, const struct dir_record *r, size_t len, int depth)
{
	size_t before = w->entries_seen;
	int error = 0;

	w->entries_seen += r->count;
	if (w->snap->progress &&
	    before / LIMIT_WALK_PROGRESS != w->entries_seen / LIMIT_WALK_PROGRESS &&
	    w->snap->progress(w->entries_seen, 0, 0, w->snap->progress_arg) != 0)
		return al_error_set(AIRLOCK_EUSER, "the walk of the project was cancelled");
	for (size_t i = 0; i < r->names_len && error >= 0;) {
		unsigned char type = (unsigned char)r->names[i];
		const char *name = r->names + i + 1;

		i += strlen(name) + 2;
		error = walk_entry(w, dirfd, name, type, len, depth, true);
	}
	return error;
}

/* Walks the directory open at `dirfd` (consumed) whose relative path is
 * w->path[0..len). */
static int walk_dir(struct walk *w, int dirfd, size_t len, int depth)
{
	bool plain = !w->all && !w->snap->all_files && len > 0 && al_surface_dir_plain(w->path);
	struct listing l = { 0 };
	bool cache = false, complete = false;
	struct dirent *de;
	struct stat st;
	DIR *dir;
	int error = 0;

	if (plain && w->dc && fstat(dirfd, &st) == 0) {
		const struct dir_record *r = al_dircache_find(w->dc, w->path, &st);

		if (r && w->entries_seen + r->count <= LIMIT_WALK_ENTRIES) {
			al_dircache_keep(w->dc, r);
			error = walk_cached(w, dirfd, r, len, depth);
			close(dirfd);
			return error;
		}
		cache = true;
	}
	__atomic_add_fetch(&al_dircache_listed, 1, __ATOMIC_RELAXED);
	if (!(dir = fdopendir(dirfd))) {
		close(dirfd);
		return add(NULL, w, &al_snapshot_walk_surface, AIRLOCK_REASON_UNREADABLE, 0, NULL);
	}
	for (;;) {
		unsigned char type;

		errno = 0;
		if (!(de = readdir(dir))) {
			if (errno)
				error = add(NULL, w, &al_snapshot_walk_surface,
					    AIRLOCK_REASON_UNREADABLE, 0, NULL);
			else
				complete = true;
			break;
		}
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (w->snap->progress && (w->entries_seen + 1) % LIMIT_WALK_PROGRESS == 0 &&
		    w->snap->progress(w->entries_seen + 1, 0, 0, w->snap->progress_arg) != 0) {
			error = al_error_set(AIRLOCK_EUSER,
					     "the walk of the project was cancelled");
			break;
		}
		if (++w->entries_seen > LIMIT_WALK_ENTRIES) {
			if (!w->entry_limit_reported) {
				w->entry_limit_reported = true;
				w->snap->walk_stopped = true;
				error = add_walk_limit(w);
			}
			break;
		}
		type = type_of(dirfd, de);
		if (cache) {
			l.count++;
			/* what walk_entry acts on: a name too long (a LIMIT
			 * entry), a folder, a name the table may end with */
			if ((len ? len + 1 : 0) + strlen(de->d_name) > LIMIT_PATH_BYTES)
				listing_add(&l, DT_REG, de->d_name);
			else if (type == DT_DIR ||
				 (type != DT_UNKNOWN && al_surface_name_may_match(de->d_name)))
				listing_add(&l, type, de->d_name);
		}
		if ((error = walk_entry(w, dirfd, de->d_name, type, len, depth, plain)) < 0)
			break;
	}
	/* w->path is this folder's again (walk_entry restores it) */
	if (cache && complete && error >= 0 && !l.failed)
		al_dircache_put(w->dc, w->path, &st, l.count, l.names ? l.names : "", l.len);
	free(l.names);
	closedir(dir);
	return error;
}

int al_source_dir_snapshot(struct snapshot *snap, int rootfd)
{
	struct walk *w;
	int fd, error;

	/* The walk consumes its descriptor and the caller keeps rootfd: a fresh
	 * open of "." has its own directory offset, where a dup would share it. */
	if ((fd = openat(rootfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return al_error_set_errno(AIRLOCK_ERROR, errno,
					  "cannot open the project directory");
	if (!(w = calloc(1, sizeof(*w)))) {
		close(fd);
		return al_error_oom();
	}
	w->snap = snap;
	w->rootfd = rootfd;
	w->dc = snap->dircache;
	error = walk_dir(w, fd, 0, 0);
	free(w);
	return error;
}

int al_source_dir_snapshot_all(struct snapshot *snap, int dirfd, const struct surface *s)
{
	struct walk *w;
	int fd, error;

	if ((fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return al_error_set_errno(AIRLOCK_ERROR, errno, "cannot open the directory");
	if (!(w = calloc(1, sizeof(*w)))) {
		close(fd);
		return al_error_oom();
	}
	w->snap = snap;
	w->rootfd = dirfd;
	w->all = s;
	error = walk_dir(w, fd, 0, 0);
	free(w);
	return error;
}

/* Opens every directory of w->path but the last name, component by
 * component; returns the parent's descriptor or -1 with *reasons set. */
static int open_parent(struct walk *w, int rootfd, char **last, unsigned int *reasons)
{
	char *p = w->path, *slash;
	int fd = openat(rootfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	while (fd >= 0 && (slash = strchr(p, '/'))) {
		int next;

		*slash = '\0';
		next = al_safeio_open_beneath(fd, p, O_RDONLY | O_DIRECTORY);
		if (next < 0) {
			*reasons = errno == ELOOP ? AIRLOCK_REASON_SYMLINK
				   : (errno == ENOENT || errno == ENOTDIR)
					   ? AIRLOCK_REASON_MISSING
					   : AIRLOCK_REASON_UNREADABLE;
		}
		*slash = '/';
		close(fd);
		fd = next;
		p = slash + 1;
	}
	if (fd < 0 && !*reasons)
		*reasons = AIRLOCK_REASON_UNREADABLE;
	*last = p;
	return fd;
}

int al_source_dir_add_file(struct snapshot *snap, int rootfd, const char *relpath,
			   const struct surface *s)
{
	struct walk *w;
	unsigned int reasons = 0;
	struct stat st;
	char *name;
	int fd, error;

	if (!(w = calloc(1, sizeof(*w))))
		return al_error_oom();
	w->snap = snap;
	w->rootfd = rootfd;
	if (!al_snapshot_clean_relpath(w->path, sizeof(w->path), relpath) ||
	    al_snapshot_has(snap, w->path)) {
		free(w);
		return 0;
	}
	fd = open_parent(w, rootfd, &name, &reasons);
	if (fd < 0) {
		error = add(NULL, w, s, reasons, 0, NULL);
	} else if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		error = add(NULL, w, s,
			    errno == ENOENT ? AIRLOCK_REASON_MISSING : AIRLOCK_REASON_UNREADABLE, 0,
			    NULL);
	} else if (S_ISLNK(st.st_mode)) {
		error = visit_link(w, fd, name, 0, s);
	} else if (S_ISREG(st.st_mode)) {
		error = visit_file(w, fd, name, s);
	} else {
		error = visit_special(w, s);
	}
	if (fd >= 0)
		close(fd);
	free(w);
	return error;
}

int al_source_dir_snapshot_tree(struct snapshot *snap, int rootfd, const char *reldir,
				const struct surface *s)
{
	unsigned int reasons = 0;
	struct walk *w;
	char *name;
	int fd, dirfd, error;

	if (!(w = calloc(1, sizeof(*w))))
		return al_error_oom();
	w->snap = snap;
	w->rootfd = rootfd;
	w->all = s;
	if (!al_snapshot_clean_relpath(w->path, sizeof(w->path), reldir)) {
		free(w);
		return al_error_set(AIRLOCK_EINVALID, "not a relative path inside the directory");
	}
	fd = open_parent(w, rootfd, &name, &reasons);
	dirfd = fd < 0 ? -1 : al_safeio_open_beneath(fd, name, O_RDONLY | O_DIRECTORY);
	if (dirfd < 0 && fd >= 0)
		reasons = errno == ENOENT  ? AIRLOCK_REASON_MISSING
			  : errno == ELOOP ? AIRLOCK_REASON_SYMLINK
					   : AIRLOCK_REASON_UNREADABLE;
	if (fd >= 0)
		close(fd);
	if (dirfd < 0)
		error = reasons == AIRLOCK_REASON_MISSING ? 0 : add(NULL, w, s, reasons, 0, NULL);
	else
		error = walk_dir(w, dirfd, strlen(w->path), 0);
	free(w);
	return error;
}

int al_source_file_read(unsigned char **data, unsigned int *reasons, uint64_t *size,
			const char *path, uint64_t cap)
{
	struct safe_file f;
	int error;

	*data = NULL;
	*reasons = 0;
	*size = 0;
	switch (al_safeio_open(&f, AT_FDCWD, path, 0)) {
	case AL_SAFEIO_OK:
		break;
	case AL_SAFEIO_OPEN_FAILED:
		if (f.errnum == ENOENT)
			return al_error_set(AIRLOCK_ENOTFOUND, "'%s' does not exist", path);
		if (f.errnum == ELOOP)
			return al_error_set(AIRLOCK_EINVALID, "'%s' is a symlink (not followed)",
					    path);
		if (f.errnum == ENXIO)
			return al_error_set(AIRLOCK_EINVALID, "'%s' is not a regular file", path);
		return al_error_set_errno(AIRLOCK_ERROR, f.errnum, "cannot open '%s'", path);
	case AL_SAFEIO_STAT_FAILED:
		return al_error_set_errno(AIRLOCK_ERROR, f.errnum, "cannot stat '%s'", path);
	default:
		return al_error_set(AIRLOCK_EINVALID, "'%s' is not a regular file", path);
	}
	*size = (uint64_t)f.st.st_size;
	error = read_once(data, reasons, &f, cap ? cap : LIMIT_FILE_SIZE_DEFAULT);
	al_safeio_close(&f);
	return error;
}
