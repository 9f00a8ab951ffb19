/*
 * source_git.c - a commit's tree as a source of context files, read from the
 * object database with libgit2: no checkout, no working tree, no filters, no
 * hooks, no submodules.
 *
 * The same surfaces table, limits and reasons as the directory source apply:
 * a symlink entry (mode 120000) is recorded with its target and never
 * followed, a submodule (gitlink) is listed and not entered, and a blob over
 * the size cap is judged by the size in its object header, never inflated.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/gitlib.h"

#include "common/error.h"
#include "common/utf8.h"
#include "common/limits.h"
#include "common/safeio.h"
#include "snapshot/git_index.h"
#include "snapshot/source_dir.h"
#include "snapshot/source_git.h"

struct gwalk {
	struct snapshot *snap;
	git_repository *repo;
	git_odb *odb;
	char path[LIMIT_PATH_BYTES + 1];
	size_t entries_seen;
	size_t pruned_seen; /* entries inside folders a directory walk prunes */
	int pruned_depth;   /* > 0 while inside such a folder */
	bool limit_reported;
	bool variant; /* the current path matched a row only ignoring case */
};

int al_source_git_error(const char *what)
{
	const git_error *e = al_git.error_last();

	return al_error_set(AIRLOCK_ERROR, "%s: %s", what, e && e->message ? e->message : "failed");
}

static int add(struct airlock_entry **out, struct gwalk *w, const struct surface *s,
	       unsigned int reasons, uint64_t size, const char *target)
{
	struct airlock_entry *e = NULL;
	int error;

	if (!al_utf8_valid(w->path, strlen(w->path)))
		reasons |= AIRLOCK_REASON_BAD_NAME;
	if (w->variant && s != &al_snapshot_walk_surface)
		reasons |= AIRLOCK_REASON_CASE_VARIANT;
	error = al_snapshot_add(&e, w->snap, w->path, s, reasons, size, target);
	if (out)
		*out = e;
	return error;
}

/* The row for the current path, matched as case-insensitive file systems
 * (and some agents) match names; a match only that way is noted. */
static const struct surface *match(struct gwalk *w)
{
	return al_surface_match_fold(w->path, &w->variant);
}

static int add_limit(struct gwalk *w)
{
	if (w->limit_reported)
		return 0;
	w->limit_reported = true;
	return add(NULL, w, &al_snapshot_walk_surface, AIRLOCK_REASON_LIMIT, 0, NULL);
}

/* The size from the object header: a huge blob is refused before it is
 * inflated into memory. */
static int blob_size(size_t *size, struct gwalk *w, const git_oid *id)
{
	git_object_t type;

	if (al_git.odb_read_header(size, &type, w->odb, id) < 0)
		return al_source_git_error("git: cannot read an object header");
	if (type != GIT_OBJECT_BLOB)
		return al_error_set(AIRLOCK_ERROR, "git: a tree entry of blob mode is not a blob");
	return 0;
}

static int read_blob(unsigned char **data, struct gwalk *w, const git_oid *id, size_t size)
{
	git_blob *blob;

	*data = NULL;
	if (al_git.blob_lookup(&blob, w->repo, id) < 0)
		return al_source_git_error("git: cannot read a blob");
	if ((size_t)al_git.blob_rawsize(blob) != size) {
		al_git.blob_free(blob);
		return al_error_set(AIRLOCK_ERROR, "git: a blob's size does not match its header");
	}
	if (!(*data = malloc(size ? size : 1))) {
		al_git.blob_free(blob);
		return al_error_oom();
	}
	memcpy(*data, al_git.blob_rawcontent(blob), size);
	al_git.blob_free(blob);
	return 0;
}

static int visit_link(struct gwalk *w, const git_tree_entry *te, const struct surface *s)
{
	bool anchor = false;
	char target[LIMIT_LINK_TARGET + 1];
	unsigned char *data;
	struct airlock_entry *e;
	unsigned int reasons;
	size_t size;
	int error;

	if (!s && (s = al_surface_anchor(w->path)))
		anchor = true;
	if (!s)
		return 0;
	if ((error = blob_size(&size, w, al_git.tree_entry_id(te))) < 0)
		return error;
	if (size > LIMIT_LINK_TARGET) {
		target[0] = '\0';
		reasons = AIRLOCK_REASON_SYMLINK_OUTSIDE;
	} else {
		if ((error = read_blob(&data, w, al_git.tree_entry_id(te), size)) < 0)
			return error;
		memcpy(target, data, size);
		target[size] = '\0';
		free(data);
		/* a NUL inside the target hides the rest: judge it as outside */
		reasons = strlen(target) != size || al_snapshot_link_escapes(w->path, target)
				  ? AIRLOCK_REASON_SYMLINK_OUTSIDE
				  : AIRLOCK_REASON_SYMLINK;
	}
	if ((error = add(&e, w, s, reasons, 0, target)) < 0)
		return error;
	if (e && anchor)
		e->kind = AIRLOCK_KIND_DIRECTORY;
	return 0;
}

static int visit_blob(struct gwalk *w, const git_tree_entry *te, const struct surface *s)
{
	struct airlock_entry *e;
	unsigned char *data;
	size_t size;
	int error;

	if (!s)
		return 0;
	if ((error = blob_size(&size, w, al_git.tree_entry_id(te))) < 0)
		return error;
	if (size > w->snap->max_file_size)
		return add(NULL, w, s, AIRLOCK_REASON_TOO_LARGE, size, NULL);
	if ((error = read_blob(&data, w, al_git.tree_entry_id(te), size)) < 0)
		return error;
	if ((error = add(&e, w, s, 0, size, NULL)) < 0 || !e) {
		free(data);
		return error;
	}
	return al_snapshot_set_content(w->snap, e, data, size);
}

static int walk_tree(struct gwalk *w, const git_tree *tree, size_t len, int depth);

static int visit_tree(struct gwalk *w, const git_tree_entry *te, size_t len, int depth)
{
	git_tree *sub;
	int error;

	bool pruned = false;

	/* A commit's vendored folders are part of what a checkout gives the
	 * agent (a working tree's index would list them): they are walked, on a
	 * budget of their own, past which the rest of them is left as a
	 * directory walk leaves it. */
	if (w->pruned_depth == 0 && al_surface_skip_path(w->path)) {
		if (strcmp(al_git.tree_entry_name(te), ".git") == 0 ||
		    w->pruned_seen >= LIMIT_WALK_ENTRIES)
			return 0;
		pruned = true;
	}
	if (depth >= LIMIT_WALK_DEPTH)
		return pruned ? 0
			      : add(NULL, w, &al_snapshot_walk_surface, AIRLOCK_REASON_LIMIT, 0,
				    NULL);
	if (al_git.tree_lookup(&sub, w->repo, al_git.tree_entry_id(te)) < 0)
		return al_source_git_error("git: cannot read a tree");
	w->pruned_depth += pruned;
	error = walk_tree(w, sub, len, depth + 1);
	w->pruned_depth -= pruned;
	al_git.tree_free(sub);
	return error;
}

static int visit(struct gwalk *w, const git_tree_entry *te, size_t len, int depth)
{
	switch (al_git.tree_entry_filemode(te)) {
	case GIT_FILEMODE_TREE:
		return visit_tree(w, te, len, depth);
	case GIT_FILEMODE_LINK:
		return visit_link(w, te, match(w));
	case GIT_FILEMODE_COMMIT:
		return add(NULL, w, &al_snapshot_walk_surface, AIRLOCK_REASON_SUBMODULE, 0, NULL);
	case GIT_FILEMODE_BLOB:
	case GIT_FILEMODE_BLOB_EXECUTABLE:
		return visit_blob(w, te, match(w));
	default:
		return 0;
	}
}

static int walk_tree(struct gwalk *w, const git_tree *tree, size_t len, int depth)
{
	size_t n = al_git.tree_entrycount(tree);
	int error = 0;

	for (size_t i = 0; i < n && error == 0; i++) {
		const git_tree_entry *te = al_git.tree_entry_byindex(tree, i);
		const char *name = al_git.tree_entry_name(te);
		size_t nlen = strlen(name), clen = len ? len + 1 + nlen : nlen;

		/* a crafted tree may hold names a checkout would refuse */
		if (!*name || strcmp(name, ".") == 0 || strcmp(name, "..") == 0 ||
		    strchr(name, '/'))
			continue;
		if (w->pruned_depth > 0) {
			if (++w->pruned_seen > LIMIT_WALK_ENTRIES)
				return 0;
		} else if (++w->entries_seen > LIMIT_WALK_ENTRIES)
			return add_limit(w);
		if (clen > LIMIT_PATH_BYTES) {
			if (w->pruned_depth == 0)
				error = add(NULL, w, &al_snapshot_walk_surface,
					    AIRLOCK_REASON_LIMIT, 0, NULL);
			continue;
		}
		if (len)
			w->path[len] = '/';
		memcpy(w->path + (len ? len + 1 : 0), name, nlen + 1);
		w->variant = false;
		error = visit(w, te, clen, depth);
		w->path[len] = '\0';
	}
	return error;
}

int al_source_git_snapshot(struct snapshot *snap, git_repository *repo, const git_tree *tree)
{
	struct gwalk *w = calloc(1, sizeof(*w));
	int error;

	if (!w)
		return al_error_oom();
	w->snap = snap;
	w->repo = repo;
	if (al_git.repository_odb(&w->odb, repo) < 0) {
		free(w);
		return al_source_git_error("git: cannot open the object database");
	}
	error = walk_tree(w, tree, 0, 0);
	al_git.odb_free(w->odb);
	free(w);
	return error;
}

/* The entry at w->path, component by component: a folder that is a link, a
 * submodule or a file ends the path as a directory walk's open would. */
static int add_path(struct gwalk *w, const git_tree *root, const struct surface *s)
{
	const git_tree *tree = root;
	git_tree *sub = NULL;
	char *p = w->path, *slash;
	int error = 0;

	for (;;) {
		const git_tree_entry *te;

		slash = strchr(p, '/');
		if (slash)
			*slash = '\0';
		te = al_git.tree_entry_byname(tree, p);
		if (slash)
			*slash = '/';
		if (!te) {
			error = add(NULL, w, s, AIRLOCK_REASON_MISSING, 0, NULL);
			break;
		}
		if (!slash) {
			switch (al_git.tree_entry_filemode(te)) {
			case GIT_FILEMODE_LINK:
				error = visit_link(w, te, s);
				break;
			case GIT_FILEMODE_BLOB:
			case GIT_FILEMODE_BLOB_EXECUTABLE:
				error = visit_blob(w, te, s);
				break;
			case GIT_FILEMODE_COMMIT:
				error = add(NULL, w, s, AIRLOCK_REASON_SUBMODULE, 0, NULL);
				break;
			default: /* a folder named as a file */
				error = add(NULL, w, s, AIRLOCK_REASON_NOT_REGULAR, 0, NULL);
			}
			break;
		}
		if (al_git.tree_entry_filemode(te) != GIT_FILEMODE_TREE) {
			/* a file or a link where a folder was named: not followed */
			error = add(NULL, w, s,
				    al_git.tree_entry_filemode(te) == GIT_FILEMODE_LINK
					    ? AIRLOCK_REASON_SYMLINK
					    : AIRLOCK_REASON_MISSING,
				    0, NULL);
			break;
		}
		al_git.tree_free(sub);
		if (al_git.tree_lookup(&sub, w->repo, al_git.tree_entry_id(te)) < 0) {
			sub = NULL;
			error = al_source_git_error("git: cannot read a tree");
			break;
		}
		tree = sub;
		p = slash + 1;
	}
	al_git.tree_free(sub);
	return error;
}

int al_source_git_add_file(struct snapshot *snap, git_repository *repo, const git_tree *tree,
			   const char *relpath, const struct surface *s)
{
	struct gwalk *w;
	int error;

	if (!(w = calloc(1, sizeof(*w))))
		return al_error_oom();
	if (!al_snapshot_clean_relpath(w->path, sizeof(w->path), relpath) ||
	    al_snapshot_has(snap, w->path)) {
		free(w);
		return 0;
	}
	w->snap = snap;
	w->repo = repo;
	if (al_git.repository_odb(&w->odb, repo) < 0) {
		free(w);
		return al_source_git_error("git: cannot open the object database");
	}
	error = add_path(w, tree, s);
	al_git.odb_free(w->odb);
	free(w);
	return error;
}

struct index_pass;
static void note_pruned(struct index_pass *x, const char *dir, size_t len);

/* True when some folder of `path` is one the walk prunes (noted in `x`). */
static bool under_pruned(struct index_pass *x, const char *path)
{
	char dir[LIMIT_PATH_BYTES + 1];
	const char *slash;

	for (const char *p = path; (slash = strchr(p, '/')); p = slash + 1) {
		size_t n = (size_t)(slash - path), k = (size_t)(slash - p);

		if (n >= sizeof(dir) || k >= sizeof(dir))
			return false;
		/* the name first: al_surface_skip_path only for a skipped name */
		memcpy(dir, p, k);
		dir[k] = '\0';
		if (!al_surface_skip_dir(dir) && strcmp(dir, ".git") != 0)
			continue;
		memcpy(dir, path, n);
		dir[n] = '\0';
		if (al_surface_skip_path(dir)) {
			note_pruned(x, dir, n);
			return true;
		}
	}
	return false;
}

/* True when `path` lies below a folder where the walk stopped at its depth
 * limit (a LIMIT entry), or anywhere when it stopped at its entry limit. */
static bool beyond_limit(const struct snapshot *snap, const char *path)
{
	if (!snap->walk_limited)
		return false;
	if (snap->walk_stopped)
		return true;
	for (size_t i = 0; i < snap->count; i++) {
		const struct airlock_entry *e = &snap->entries[i];
		size_t n = strlen(e->path);

		if (e->surface == &al_snapshot_limit_surface && strncmp(path, e->path, n) == 0 &&
		    path[n] == '/')
			return true;
	}
	return false;
}

/* Drops the walk-limit entries: git's index has said what is tracked
 * beyond them. */
static void drop_walk_limits(struct snapshot *snap)
{
	size_t out = 0;

	for (size_t i = 0; i < snap->count; i++) {
		if (snap->entries[i].surface == &al_snapshot_limit_surface) {
			free(snap->entries[i].path);
			free(snap->entries[i].data);
			free(snap->entries[i].link_target);
			continue;
		}
		snap->entries[out++] = snap->entries[i];
	}
	snap->count = out;
}

/* What the index pass keeps from one entry to the next. */
struct index_pass {
	struct snapshot *snap;
	int rootfd;
	char dir[LIMIT_PATH_BYTES + 1]; /* the folder of the last entry... */
	size_t dlen;
	bool have_dir;
	bool unwalked;                     /* ...lies where the walk did not go */
	bool plain;                        /* ...lies outside every surface folder */
	char pruned[LIMIT_PATH_BYTES + 1]; /* the last folder found pruned */
	size_t pruned_len;
};

static void note_pruned(struct index_pass *x, const char *dir, size_t len)
{
	memcpy(x->pruned, dir, len + 1);
	x->pruned_len = len;
}

/* One tracked path: added when it lies where the walk did not go, matches
 * the table and is in the working tree. */
static int index_entry(const char *path, size_t len, void *payload)
{
	struct index_pass *x = payload;
	const char *slash = memrchr(path, '/', len);
	size_t dlen = slash ? (size_t)(slash - path) : 0;
	const struct surface *s;
	struct stat st;
	bool variant;

	if (path[0] == '/')
		return 0; /* not a path inside the project */
	/* the index is sorted: a folder's files come together, and what is
	 * true of the folder is worked out once for them all */
	if (!x->have_dir || x->dlen != dlen || memcmp(x->dir, path, dlen) != 0) {
		memcpy(x->dir, path, dlen);
		x->dir[dlen] = '\0';
		x->dlen = dlen;
		x->have_dir = true;
		if (x->pruned_len && dlen > x->pruned_len && path[x->pruned_len] == '/' &&
		    memcmp(path, x->pruned, x->pruned_len) == 0)
			x->unwalked = true; /* below the pruned folder of the last entry */
		else
			x->unwalked = beyond_limit(x->snap, path) || under_pruned(x, path);
		x->plain = x->unwalked && dlen > 0 && al_surface_dir_plain(x->dir);
	}
	/* past a walk limit, every tracked path is a candidate: those the
	 * walk reached are already there and not added again */
	if (!x->unwalked || (x->plain && !al_surface_name_may_match(slash + 1)) ||
	    !(s = al_surface_match_fold(path, &variant)))
		return 0;
	if (fstatat(x->rootfd, path, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return 0; /* tracked, but not in the working tree */
	return al_source_dir_add_file(x->snap, x->rootfd, path, s);
}

/* The same pass through libgit2, for an index al_git_index_paths does not
 * read (a split index, a version it does not know); *read says whether
 * libgit2 could read it. */
static int index_libgit2(struct index_pass *x, int rootfd, bool *read)
{
	git_index *index = NULL;
	struct stat st;
	char link[64];
	int gitfd, fd, error = 0;
	size_t n;

	*read = false;
	if ((gitfd = al_safeio_open_beneath(rootfd, ".git", O_RDONLY | O_DIRECTORY)) < 0)
		return 0;
	fd = al_safeio_open_beneath(gitfd, "index", O_RDONLY | O_NONBLOCK);
	close(gitfd);
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > LIMIT_GIT_INDEX_BYTES ||
	    al_git_init() < 0) {
		close(fd);
		return 0;
	}
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	if (al_git.index_open(&index, link) < 0) {
		al_git.libgit2_shutdown();
		close(fd);
		return 0; /* unreadable index: the walk stands as it is */
	}
	*read = true;
	n = al_git.index_entrycount(index);
	for (size_t i = 0; i < n && !error; i++) {
		const git_index_entry *e = al_git.index_get_byindex(index, i);

		if (e)
			error = index_entry(e->path, strlen(e->path), x);
	}
	al_git.index_free(index);
	al_git.libgit2_shutdown();
	close(fd);
	return error;
}

int al_source_git_index_surfaces(struct snapshot *snap, int rootfd)
{
	struct index_pass *x = NULL;
	unsigned char *buf = NULL;
	struct safe_file f;
	bool read = true;
	size_t len;
	int gitfd, error = 0;

	if ((gitfd = al_safeio_open_beneath(rootfd, ".git", O_RDONLY | O_DIRECTORY)) < 0)
		return 0; /* no repository here (or .git is a file: a worktree) */
	/* a FIFO, a device, a huge file: not git's index */
	error = al_safeio_load(&buf, &len, &f, gitfd, "index", 0, LIMIT_GIT_INDEX_BYTES);
	close(gitfd);
	if (error < 0 || !buf)
		return error < 0 ? error : 0;
	if (!(x = calloc(1, sizeof(*x)))) {
		free(buf);
		return al_error_oom();
	}
	x->snap = snap;
	x->rootfd = rootfd;
	error = al_git_index_paths(buf, len, index_entry, x);
	if (error == AIRLOCK_EINVALID) {
		x->have_dir = false;
		error = index_libgit2(x, rootfd, &read);
	}
	/* only an index that was read says what lies beyond the limits */
	if (!error && read && snap->walk_limited)
		drop_walk_limits(snap);
	free(x);
	free(buf);
	return error;
}
