/*
 * dircache.c - the walk's cache of folder listings (dircache.h says why an
 * unchanged stat means an unchanged listing).
 *
 * The file: "airlock-walk-1\n", the key (64 hex digits: the project, the
 * library, its build) and '\n'; then per folder, sorted by path: u32 path
 * length, the path, u64 dev, u64 ino, i64 mtime s, ns, ctime s, ns, u32 names
 * listed, u32 bytes of names, the names; then the SHA-256 (hex) of all that
 * comes before it. Integers are little-endian. Every field is checked on
 * reading; one that does not fit discards the whole file.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include "airlock.h"
#include "common/buildid.h"
#include "common/hash.h"
#include "common/limits.h"
#include "common/privdir.h"
#include "common/safeio.h"
#include "snapshot/dircache.h"

#define MAGIC "airlock-walk-1\n"
#define HEAD  (sizeof(MAGIC) - 1 + SHA256_HEX_LEN + 1)

AL_SEAM_DEFINE(long long, al_dircache_racy_ns, 2000000000LL);
unsigned long al_dircache_listed;

/* File systems that set a folder's mtime and ctime on every change to its
 * names, at a resolution finer than the racy window. */
static bool trusted_fs(int fd)
{
	struct statfs sf;

	if (fstatfs(fd, &sf) < 0)
		return false;
	switch ((unsigned long)sf.f_type) {
	case EXT4_SUPER_MAGIC: /* also ext2 and ext3 */
	case XFS_SUPER_MAGIC:
	case BTRFS_SUPER_MAGIC:
	case TMPFS_MAGIC:
	case F2FS_SUPER_MAGIC:
		return true;
	default:
		return false;
	}
}

static bool key_of(char out[SHA256_HEX_LEN + 1], const char *path, const struct stat *root)
{
	char build[128], num[64];
	hash_ctx *h;

	if (!al_build_id(build, sizeof(build)) || !(h = al_hash_new()))
		return false;
	snprintf(num, sizeof(num), "%llu %llu", (unsigned long long)root->st_dev,
		 (unsigned long long)root->st_ino);
	if (al_hash_update(h, MAGIC, sizeof(MAGIC)) < 0 ||
	    al_hash_update(h, AIRLOCK_VERSION, sizeof(AIRLOCK_VERSION)) < 0 ||
	    al_hash_update(h, build, strlen(build) + 1) < 0 ||
	    al_hash_update(h, path, strlen(path) + 1) < 0 ||
	    al_hash_update(h, num, strlen(num) + 1) < 0) {
		al_hash_free(h);
		return false;
	}
	return al_hash_final(h, out) == 0;
}

static void record_free(struct dir_record *r)
{
	free(r->path);
	free(r->names);
}

static void records_free(struct dir_record *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		record_free(&v[i]);
	free(v);
}

/* --- reading ------------------------------------------------------------- */

struct rd {
	const unsigned char *p, *end;
};

static bool get(struct rd *r, void *out, size_t n)
{
	if ((size_t)(r->end - r->p) < n)
		return false;
	memcpy(out, r->p, n);
	r->p += n;
	return true;
}

static bool get_u32(struct rd *r, uint32_t *v)
{
	unsigned char b[4];

	if (!get(r, b, 4))
		return false;
	*v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
	return true;
}

static bool get_u64(struct rd *r, uint64_t *v)
{
	uint32_t lo, hi;

	if (!get_u32(r, &lo) || !get_u32(r, &hi))
		return false;
	*v = (uint64_t)hi << 32 | lo;
	return true;
}

static bool get_i64(struct rd *r, int64_t *v)
{
	uint64_t u;

	if (!get_u64(r, &u))
		return false;
	*v = (int64_t)u;
	return true;
}

/* Names: a known d_type byte, a non-empty name without '/', not "." or
 * "..", NUL-terminated; as many as `count` at most. */
static bool names_valid(const char *s, size_t len, uint32_t count)
{
	size_t i = 0, n = 0;

	while (i < len) {
		unsigned char type = (unsigned char)s[i++];
		const char *name = s + i, *nul = memchr(name, '\0', len - i);

		if (!nul || nul == name || memchr(name, '/', (size_t)(nul - name)) ||
		    strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
			return false;
		if (type != DT_DIR && type != DT_REG && type != DT_LNK && type != DT_FIFO &&
		    type != DT_SOCK && type != DT_CHR && type != DT_BLK)
			return false;
		i += (size_t)(nul - name) + 1;
		n++;
	}
	return n <= count;
}

static bool read_record(struct rd *r, struct dir_record *d)
{
	uint32_t plen;

	memset(d, 0, sizeof(*d));
	if (!get_u32(r, &plen) || plen == 0 || plen > LIMIT_PATH_BYTES ||
	    (size_t)(r->end - r->p) < plen || memchr(r->p, '\0', plen))
		return false;
	if (!(d->path = strndup((const char *)r->p, plen)))
		return false;
	r->p += plen;
	if (!get_u64(r, &d->dev) || !get_u64(r, &d->ino) || !get_i64(r, &d->mtime_sec) ||
	    !get_i64(r, &d->mtime_nsec) || !get_i64(r, &d->ctime_sec) ||
	    !get_i64(r, &d->ctime_nsec) || !get_u32(r, &d->count) || !get_u32(r, &d->names_len) ||
	    (size_t)(r->end - r->p) < d->names_len)
		return false;
	if (!(d->names = malloc(d->names_len ? d->names_len : 1)))
		return false;
	memcpy(d->names, r->p, d->names_len);
	r->p += d->names_len;
	return names_valid(d->names, d->names_len, d->count);
}

/* The records of buf[0..len) into dc->old; false (none kept) on any doubt. */
static bool parse(struct dircache *dc, const unsigned char *buf, size_t len)
{
	char digest[SHA256_HEX_LEN + 1];
	struct rd r;
	size_t alloc = 0;

	if (len < HEAD + SHA256_HEX_LEN || memcmp(buf, MAGIC, sizeof(MAGIC) - 1) != 0 ||
	    memcmp(buf + sizeof(MAGIC) - 1, dc->file, SHA256_HEX_LEN) != 0 ||
	    buf[HEAD - 1] != '\n' || al_hash_sha256_hex(digest, buf, len - SHA256_HEX_LEN) < 0 ||
	    memcmp(digest, buf + len - SHA256_HEX_LEN, SHA256_HEX_LEN) != 0)
		return false;
	r.p = buf + HEAD;
	r.end = buf + len - SHA256_HEX_LEN;
	while (r.p < r.end) {
		struct dir_record d;

		if (dc->nold == alloc) {
			struct dir_record *v;

			alloc = alloc ? 2 * alloc : 64;
			if (!(v = realloc(dc->old, alloc * sizeof(*v))))
				return false;
			dc->old = v;
		}
		if (!read_record(&r, &d)) {
			record_free(&d);
			return false;
		}
		dc->old[dc->nold++] = d;
		/* sorted and unique, for the look-up */
		if (dc->nold > 1 && strcmp(dc->old[dc->nold - 2].path, d.path) >= 0)
			return false;
	}
	return true;
}

void al_dircache_open(struct dircache *dc, const char *path, int rootfd, bool enabled)
{
	char key[SHA256_HEX_LEN + 1], *dir;
	struct timespec now;
	struct safe_file f;
	unsigned char *buf = NULL;
	struct stat root;
	size_t len = 0;
	int fd;

	memset(dc, 0, sizeof(*dc));
	dc->dirfd = -1;
	if (!enabled || fstat(rootfd, &root) < 0 || !trusted_fs(rootfd) ||
	    clock_gettime(CLOCK_REALTIME, &now) < 0 || !key_of(key, path, &root) ||
	    !(dir = al_privdir_cache("walk", "walk")))
		return;
	fd = al_privdir_open(dir, "walk cache", true);
	free(dir);
	if (fd < 0)
		return;
	dc->dirfd = fd;
	dc->root_dev = (uint64_t)root.st_dev;
	dc->now_sec = (int64_t)now.tv_sec;
	dc->now_nsec = now.tv_nsec;
	memcpy(dc->file, key, sizeof(key));
	if (al_safeio_load(&buf, &len, &f, fd, dc->file, AL_SAFEIO_PRIVATE, LIMIT_DIRCACHE_BYTES) ==
		    0 &&
	    buf && !parse(dc, buf, len)) {
		records_free(dc->old, dc->nold);
		dc->old = NULL;
		dc->nold = 0;
	}
	/* a file that was there and is not read back is rewritten */
	dc->changed = !buf || dc->nold == 0;
	free(buf);
}

static int by_path(const void *key, const void *elem)
{
	return strcmp(key, ((const struct dir_record *)elem)->path);
}

const struct dir_record *al_dircache_find(const struct dircache *dc, const char *relpath,
					  const struct stat *st)
{
	const struct dir_record *r;

	if (dc->dirfd < 0 || !dc->nold ||
	    !(r = bsearch(relpath, dc->old, dc->nold, sizeof(*r), by_path)))
		return NULL;
	if (r->dev != (uint64_t)st->st_dev || r->ino != (uint64_t)st->st_ino ||
	    r->mtime_sec != (int64_t)st->st_mtim.tv_sec || r->mtime_nsec != st->st_mtim.tv_nsec ||
	    r->ctime_sec != (int64_t)st->st_ctim.tv_sec || r->ctime_nsec != st->st_ctim.tv_nsec)
		return NULL;
	return r;
}

static void append(struct dircache *dc, struct dir_record *r)
{
	if (dc->ncur == dc->acur) {
		size_t n = dc->acur ? 2 * dc->acur : 64;
		struct dir_record *v = realloc(dc->cur, n * sizeof(*v));

		if (!v) { /* what this walk knows is incomplete: no file */
			record_free(r);
			close(dc->dirfd);
			dc->dirfd = -1;
			return;
		}
		dc->cur = v;
		dc->acur = n;
	}
	dc->cur[dc->ncur++] = *r;
}

void al_dircache_keep(struct dircache *dc, const struct dir_record *r)
{
	struct dir_record copy = *r;

	if (dc->dirfd < 0)
		return;
	copy.path = strdup(r->path);
	copy.names = malloc(r->names_len ? r->names_len : 1);
	if (!copy.path || !copy.names) {
		record_free(&copy);
		return;
	}
	memcpy(copy.names, r->names, r->names_len);
	append(dc, &copy);
}

void al_dircache_put(struct dircache *dc, const char *relpath, const struct stat *st,
		     uint32_t count, const char *names, size_t names_len)
{
	struct dir_record r = { 0 };
	long long age;

	if (dc->dirfd < 0 || (uint64_t)st->st_dev != dc->root_dev || names_len > UINT32_MAX)
		return;
	dc->changed = true;
	/* changed in the last clock ticks: a change in the same tick would
	 * leave the same ctime; not recorded (listed again next time) */
	age = (long long)(dc->now_sec - (int64_t)st->st_ctim.tv_sec) * 1000000000LL +
	      (dc->now_nsec - st->st_ctim.tv_nsec);
	if (age <= al_dircache_racy_ns)
		return;
	r.path = strdup(relpath);
	r.names = malloc(names_len ? names_len : 1);
	if (!r.path || !r.names) {
		record_free(&r);
		return;
	}
	if (names_len) /* an empty folder's names may be NULL */
		memcpy(r.names, names, names_len);
	r.names_len = (uint32_t)names_len;
	r.count = count;
	r.dev = (uint64_t)st->st_dev;
	r.ino = (uint64_t)st->st_ino;
	r.mtime_sec = (int64_t)st->st_mtim.tv_sec;
	r.mtime_nsec = st->st_mtim.tv_nsec;
	r.ctime_sec = (int64_t)st->st_ctim.tv_sec;
	r.ctime_nsec = st->st_ctim.tv_nsec;
	append(dc, &r);
}

/* --- writing ------------------------------------------------------------- */

struct buf {
	unsigned char *p;
	size_t len, cap;
	bool failed;
};

static void put(struct buf *b, const void *p, size_t n)
{
	if (b->failed)
		return;
	if (n > LIMIT_DIRCACHE_BYTES - b->len) {
		b->failed = true;
		return;
	}
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		unsigned char *q;

		while (cap < b->len + n)
			cap *= 2;
		if (!(q = realloc(b->p, cap))) {
			b->failed = true;
			return;
		}
		b->p = q;
		b->cap = cap;
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

static void put_u32(struct buf *b, uint32_t v)
{
	unsigned char x[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
			       (unsigned char)(v >> 24) };

	put(b, x, 4);
}

static void put_u64(struct buf *b, uint64_t v)
{
	put_u32(b, (uint32_t)v);
	put_u32(b, (uint32_t)(v >> 32));
}

static int record_cmp(const void *a, const void *b)
{
	return strcmp(((const struct dir_record *)a)->path, ((const struct dir_record *)b)->path);
}

static void write_file(struct dircache *dc)
{
	char tmp[SHA256_HEX_LEN + 64], digest[SHA256_HEX_LEN + 1];
	struct buf b = { 0 };
	bool ok;
	int fd;

	if (dc->ncur > 0) /* qsort's array may not be NULL, even when empty */
		qsort(dc->cur, dc->ncur, sizeof(*dc->cur), record_cmp);
	put(&b, MAGIC, sizeof(MAGIC) - 1);
	put(&b, dc->file, SHA256_HEX_LEN);
	put(&b, "\n", 1);
	for (size_t i = 0; i < dc->ncur; i++) {
		const struct dir_record *r = &dc->cur[i];

		/* a folder listed twice (never, in one walk): keep the first */
		if (i > 0 && strcmp(dc->cur[i - 1].path, r->path) == 0)
			continue;
		put_u32(&b, (uint32_t)strlen(r->path));
		put(&b, r->path, strlen(r->path));
		put_u64(&b, r->dev);
		put_u64(&b, r->ino);
		put_u64(&b, (uint64_t)r->mtime_sec);
		put_u64(&b, (uint64_t)r->mtime_nsec);
		put_u64(&b, (uint64_t)r->ctime_sec);
		put_u64(&b, (uint64_t)r->ctime_nsec);
		put_u32(&b, r->count);
		put_u32(&b, r->names_len);
		put(&b, r->names, r->names_len);
	}
	if (b.failed || al_hash_sha256_hex(digest, b.p, b.len) < 0) {
		free(b.p);
		return;
	}
	put(&b, digest, SHA256_HEX_LEN);
	if (b.failed) {
		free(b.p);
		return;
	}
	snprintf(tmp, sizeof(tmp), ".tmp-%s-%ld", dc->file, (long)getpid());
	fd = openat(dc->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd >= 0) {
		size_t off = 0;

		ok = fchmod(fd, 0600) == 0;
		while (ok && off < b.len) {
			ssize_t n = write(fd, b.p + off, b.len - off);

			if (n < 0 && errno == EINTR)
				continue;
			ok = n > 0;
			off += ok ? (size_t)n : 0;
		}
		ok = close(fd) == 0 && ok;
		if (!ok || renameat(dc->dirfd, tmp, dc->dirfd, dc->file) < 0)
			unlinkat(dc->dirfd, tmp, 0);
	}
	free(b.p);
}

void al_dircache_close(struct dircache *dc)
{
	if (dc->dirfd >= 0 && (dc->changed || dc->ncur != dc->nold))
		write_file(dc);
	records_free(dc->old, dc->nold);
	records_free(dc->cur, dc->ncur);
	if (dc->dirfd >= 0)
		close(dc->dirfd);
	memset(dc, 0, sizeof(*dc));
	dc->dirfd = -1;
}
