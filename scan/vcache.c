/*
 * vcache.c - the verdict cache: one file per scanned file version, named by
 * its key, holding that file's findings.
 *
 * MUST:
 *  1. The directory passes the private-directory checks of common/privdir.c
 *     (al_privdir_open: no symlink in its place, owned by the user, not
 *     writable by group or others, nor anything above it by others); else
 *     nothing in it is used and nothing is written.
 *  2. The key is a SHA-256 over everything that decides a file's findings:
 *     the cache format, the library's version and build ID (the scanners'
 *     code), the signature set's version (compiled rules and the user's rule
 *     sources), the block threshold, and of the file: the SHA-256 of the
 *     bytes read, the name it is scanned under, its kind and class, and the
 *     surface row it was read as. Entries with a reason (not read whole, a
 *     link, a bad name...) are never cached: their findings depend on more
 *     than their bytes.
 *  3. An entry is read through common/safeio.c (AL_SAFEIO_BENEATH |
 *     AL_SAFEIO_PRIVATE: no link, regular, owned by the user, not writable
 *     by group or others, at most LIMIT_VCACHE_ENTRY_BYTES), then must carry
 *     the magic line, the key it is stored under, a report in the checked
 *     wire format (scan/wire.c) of exactly that one file with its findings
 *     and nothing else, and a SHA-256 over all of that. Anything else is a
 *     miss: the file is scanned again.
 *  4. Writes: temp file O_CREAT|O_EXCL|O_NOFOLLOW 0600, write, rename. No
 *     fsync: a torn entry fails its digest and is a miss.
 *
 * Who can write the directory can make a blocking file pass: that is the
 * user (or root), who can equally edit the trust store. SECURITY.md.
 */
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/buildid.h"
#include "common/error.h"
#include "common/limits.h"
#include "common/privdir.h"
#include "common/safeio.h"
#include "scan/vcache.h"
#include "scan/wire.h"

#define MAGIC "airlock-verdict-1\n"
#define HEAD  (sizeof(MAGIC) - 1 + SHA256_HEX_LEN + 1) /* magic, key, '\n' */

AL_SEAM_DEFINE(size_t, al_vcache_test_scanned, 0);

static int hash_str(hash_ctx *h, const char *s)
{
	return al_hash_update(h, s, strlen(s) + 1);
}

static bool base_key(char out[SHA256_HEX_LEN + 1], const struct scan_options *so,
		     const char *rules_version)
{
	char build[128], num[32];
	hash_ctx *h;

	if (!al_build_id(build, sizeof(build)) || !(h = al_hash_new()))
		return false;
	snprintf(num, sizeof(num), "%d", (int)so->threshold);
	if (hash_str(h, MAGIC) < 0 || hash_str(h, AIRLOCK_VERSION) < 0 || hash_str(h, build) < 0 ||
	    hash_str(h, rules_version) < 0 || hash_str(h, num) < 0) {
		al_hash_free(h);
		return false;
	}
	return al_hash_final(h, out) == 0;
}

void al_vcache_open(struct vcache *vc, const struct scan_options *so, const char *rules_version)
{
	char *path;
	int fd;

	vc->dirfd = -1;
	if ((so->flags & AIRLOCK_OPT_NO_CACHE) || !rules_version || !*rules_version ||
	    !base_key(vc->base, so, rules_version) || !(path = al_privdir_cache("verdicts", NULL)))
		return;
	fd = al_privdir_open(path, "verdict cache", true);
	free(path);
	vc->dirfd = fd >= 0 ? fd : -1;
}

void al_vcache_close(struct vcache *vc)
{
	if (vc->dirfd >= 0)
		close(vc->dirfd);
	vc->dirfd = -1;
}

bool al_vcache_key(const struct vcache *vc, const struct airlock_entry *e, const char *shown,
		   char key[SHA256_HEX_LEN + 1])
{
	char data[SHA256_HEX_LEN + 1], how[64];
	hash_ctx *h;

	if (vc->dirfd < 0 || !e->data || e->reasons || !e->surface ||
	    al_hash_sha256_hex(data, e->data, e->data_len) < 0)
		return false;
	snprintf(how, sizeof(how), "%d %d %d", (int)e->kind, (int)e->cls,
		 e->surface == &al_snapshot_any_surface);
	if (!(h = al_hash_new()))
		return false;
	if (hash_str(h, vc->base) < 0 || hash_str(h, data) < 0 || hash_str(h, shown) < 0 ||
	    hash_str(h, how) < 0 || hash_str(h, e->surface->agent ? e->surface->agent : "") < 0 ||
	    hash_str(h, e->surface->pattern ? e->surface->pattern : "") < 0) {
		al_hash_free(h);
		return false;
	}
	return al_hash_final(h, key) == 0;
}

/* buf[0..len) is a whole entry for `key`: magic, key, body, digest. */
static bool entry_intact(const unsigned char *buf, size_t len, const char *key)
{
	char digest[SHA256_HEX_LEN + 1];

	if (len < HEAD + SHA256_HEX_LEN || memcmp(buf, MAGIC, sizeof(MAGIC) - 1) != 0 ||
	    memcmp(buf + sizeof(MAGIC) - 1, key, SHA256_HEX_LEN) != 0 || buf[HEAD - 1] != '\n')
		return false;
	if (al_hash_sha256_hex(digest, buf, len - SHA256_HEX_LEN) < 0)
		return false;
	return memcmp(digest, buf + len - SHA256_HEX_LEN, SHA256_HEX_LEN) == 0;
}

/* The stored report is one file, `shown` of `kind`, with all of the
 * report's findings its own and every one of them about it. */
static bool report_fits(const airlock_report *r, const char *shown, airlock_kind kind)
{
	if (r->nfiles != 1 || strcmp(r->files[0].path, shown) != 0 || r->files[0].kind != kind ||
	    r->files[0].nfindings != r->fs.count)
		return false;
	for (size_t i = 0; i < r->fs.count; i++)
		if (strcmp(r->fs.v[i].file, shown) != 0)
			return false;
	return true;
}

bool al_vcache_get(const struct vcache *vc, const char *key, const char *shown, airlock_kind kind,
		   struct findings *fs, bool *scanned)
{
	struct safe_file f;
	unsigned char *buf = NULL;
	airlock_report *r = NULL;
	size_t len = 0;
	bool hit = false;

	if (vc->dirfd < 0 ||
	    al_safeio_load(&buf, &len, &f, vc->dirfd, key, AL_SAFEIO_BENEATH | AL_SAFEIO_PRIVATE,
			   LIMIT_VCACHE_ENTRY_BYTES) < 0 ||
	    f.why != AL_SAFEIO_OK || !entry_intact(buf, len, key) || !(r = calloc(1, sizeof(*r))) ||
	    al_scan_wire_read(r, buf + HEAD, len - HEAD - SHA256_HEX_LEN) < 0 ||
	    !report_fits(r, shown, kind) || al_findings_move(fs, &r->fs) < 0)
		goto out;
	*scanned = r->files[0].scanned;
	hit = true;
out:
	airlock_report_free(r);
	free(buf);
	return hit;
}

static int write_all(int fd, const unsigned char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The whole entry: magic, key, '\n', the report of one file, digest. */
static unsigned char *entry_bytes(size_t *len, const char *key, const struct report_file *file,
				  const struct airlock_finding *v, size_t n)
{
	struct report_file one = *file;
	airlock_report r = { 0 };
	unsigned char *body = NULL, *buf = NULL;
	size_t blen = 0;

	one.nfindings = n;
	r.files = &one;
	r.nfiles = 1;
	r.fs.v = (struct airlock_finding *)v;
	r.fs.count = n;
	if (al_scan_wire_encode(&body, &blen, &r) < 0)
		return NULL;
	if (blen > LIMIT_VCACHE_ENTRY_BYTES - HEAD - SHA256_HEX_LEN ||
	    !(buf = malloc(HEAD + blen + SHA256_HEX_LEN + 1)))
		goto out;
	memcpy(buf, MAGIC, sizeof(MAGIC) - 1);
	memcpy(buf + sizeof(MAGIC) - 1, key, SHA256_HEX_LEN);
	buf[HEAD - 1] = '\n';
	memcpy(buf + HEAD, body, blen);
	if (al_hash_sha256_hex((char *)buf + HEAD + blen, buf, HEAD + blen) < 0) {
		free(buf);
		buf = NULL;
		goto out;
	}
	*len = HEAD + blen + SHA256_HEX_LEN;
out:
	free(body);
	return buf;
}

/* Writes `name` in the cache: temp file, rename; nothing on failure. */
static void store(const struct vcache *vc, const char *name, const unsigned char *buf, size_t len)
{
	char tmp[SHA256_HEX_LEN + 64];
	int fd;
	bool ok;

	snprintf(tmp, sizeof(tmp), ".tmp-%s-%ld", name, (long)getpid());
	fd = openat(vc->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	/* 0600 whatever the umask, as the reader requires */
	ok = fchmod(fd, 0600) == 0 && write_all(fd, buf, len) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok || renameat(vc->dirfd, tmp, vc->dirfd, name) < 0)
		unlinkat(vc->dirfd, tmp, 0);
}

void al_vcache_put(const struct vcache *vc, const char *key, const struct report_file *f,
		   const struct airlock_finding *v, size_t n)
{
	unsigned char *buf;
	size_t len = 0;

	if (vc->dirfd < 0 || !(buf = entry_bytes(&len, key, f, v, n)))
		return;
	store(vc, key, buf, len);
	free(buf);
}

/* --- the catalogue: the rules' descriptions, for a scan that loads no rules --- */

#define CAT_MAGIC "airlock-catalogue-1\n"

static const char *const sources[] = { "builtin", "signature", "user" };

struct buf {
	unsigned char *p;
	size_t len, cap;
	bool failed;
};

static void bput(struct buf *b, const void *p, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 65536;
		unsigned char *grown;

		while (cap < b->len + n)
			cap *= 2;
		if (cap > LIMIT_VCACHE_ENTRY_BYTES || !(grown = realloc(b->p, cap))) {
			b->failed = true;
			return;
		}
		b->p = grown;
		b->cap = cap;
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

static void bput_str(struct buf *b, const char *s)
{
	uint32_t n = (uint32_t)strlen(s);

	bput(b, &n, sizeof(n));
	bput(b, s, n);
}

struct rd {
	const unsigned char *p;
	size_t left;
};

static bool rget(struct rd *r, void *out, size_t n)
{
	if (r->left < n)
		return false;
	memcpy(out, r->p, n);
	r->p += n;
	r->left -= n;
	return true;
}

static char *rget_str(struct rd *r, bool *ok)
{
	uint32_t n;
	char *s;

	if (!*ok || !rget(r, &n, sizeof(n)) || n > r->left || memchr(r->p, 0, n) ||
	    !(s = strndup((const char *)r->p, n)))
		return *ok = false, NULL;
	r->p += n;
	r->left -= n;
	return s;
}

static void catalogue_name(char *name, size_t size, const struct vcache *vc)
{
	snprintf(name, size, "catalogue-%s", vc->base);
}

/* One rule from r into cat->v[cat->count]; false on anything malformed. */
static bool rule_read(struct airlock_rules *cat, struct rd *r)
{
	struct airlock_rule *e = &cat->v[cat->count];
	uint32_t sev = 0;
	uint8_t src = 0;
	bool ok = rget(r, &sev, sizeof(sev)) && rget(r, &src, 1);

	e->id = rget_str(r, &ok);
	e->name = rget_str(r, &ok);
	e->category = rget_str(r, &ok);
	e->confidence = rget_str(r, &ok);
	e->description = rget_str(r, &ok);
	e->severity = (airlock_severity)sev;
	e->source = src < sizeof(sources) / sizeof(sources[0]) ? sources[src] : NULL;
	cat->count++; /* freed with the catalogue whatever happened */
	return ok && e->source && sev >= AIRLOCK_SEVERITY_INFO && sev <= AIRLOCK_SEVERITY_CRITICAL;
}

struct airlock_rules *al_vcache_catalogue_get(const struct vcache *vc, const char *version)
{
	char name[SHA256_HEX_LEN + 16], digest[SHA256_HEX_LEN + 1];
	const size_t head = sizeof(CAT_MAGIC) - 1 + 2 * SHA256_HEX_LEN;
	struct airlock_rules *cat = NULL;
	struct safe_file f;
	unsigned char *buf = NULL;
	struct rd r;
	uint32_t count;
	size_t len = 0;
	bool ok = false;

	if (vc->dirfd < 0)
		return NULL;
	catalogue_name(name, sizeof(name), vc);
	if (al_safeio_load(&buf, &len, &f, vc->dirfd, name, AL_SAFEIO_BENEATH | AL_SAFEIO_PRIVATE,
			   LIMIT_VCACHE_ENTRY_BYTES) < 0 ||
	    f.why != AL_SAFEIO_OK || len < head + sizeof(count) + SHA256_HEX_LEN ||
	    memcmp(buf, CAT_MAGIC, sizeof(CAT_MAGIC) - 1) != 0 ||
	    memcmp(buf + sizeof(CAT_MAGIC) - 1, vc->base, SHA256_HEX_LEN) != 0 ||
	    memcmp(buf + sizeof(CAT_MAGIC) - 1 + SHA256_HEX_LEN, version, SHA256_HEX_LEN) != 0 ||
	    al_hash_sha256_hex(digest, buf, len - SHA256_HEX_LEN) < 0 ||
	    memcmp(digest, buf + len - SHA256_HEX_LEN, SHA256_HEX_LEN) != 0)
		goto out;
	r.p = buf + head;
	r.left = len - head - SHA256_HEX_LEN;
	if (!rget(&r, &count, sizeof(count)) || count > r.left / 25 ||
	    !(cat = calloc(1, sizeof(*cat))) ||
	    !(cat->v = calloc(count ? count : 1, sizeof(*cat->v))))
		goto out;
	cat->alloc = count ? count : 1;
	for (uint32_t i = 0; i < count; i++)
		if (!rule_read(cat, &r))
			goto out;
	if (r.left != 0)
		goto out;
	memcpy(cat->version, version, SHA256_HEX_LEN + 1);
	ok = true;
out:
	if (!ok) {
		airlock_rules_free(cat);
		cat = NULL;
	}
	free(buf);
	return cat;
}

void al_vcache_catalogue_put(const struct vcache *vc, const struct airlock_rules *cat, bool replace)
{
	static const char room[SHA256_HEX_LEN + 1];
	char name[SHA256_HEX_LEN + 16];
	struct buf b = { 0 };
	uint32_t count = (uint32_t)cat->count;
	struct stat st;

	if (vc->dirfd < 0)
		return;
	catalogue_name(name, sizeof(name), vc);
	if (!replace && fstatat(vc->dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
		return;
	bput(&b, CAT_MAGIC, sizeof(CAT_MAGIC) - 1);
	bput(&b, vc->base, SHA256_HEX_LEN);
	bput(&b, cat->version, SHA256_HEX_LEN);
	bput(&b, &count, sizeof(count));
	for (size_t i = 0; i < cat->count; i++) {
		const struct airlock_rule *e = &cat->v[i];
		uint32_t sev = (uint32_t)e->severity;
		uint8_t src = 0;

		while (src < 2 && strcmp(sources[src], e->source) != 0)
			src++;
		bput(&b, &sev, sizeof(sev));
		bput(&b, &src, 1);
		bput_str(&b, e->id);
		bput_str(&b, e->name);
		bput_str(&b, e->category);
		bput_str(&b, e->confidence);
		bput_str(&b, e->description);
	}
	bput(&b, room, sizeof(room)); /* for the digest and its NUL */
	if (b.failed || al_hash_sha256_hex((char *)b.p + b.len - SHA256_HEX_LEN - 1, b.p,
					   b.len - SHA256_HEX_LEN - 1) < 0) {
		free(b.p);
		return;
	}
	store(vc, name, b.p, b.len - 1);
	free(b.p);
}
