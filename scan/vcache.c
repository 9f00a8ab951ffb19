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

static char *cache_dir(void)
{
	const char *env = getenv("AIRLOCK_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	char *out = NULL;
	int n;

	if (env)
		n = *env ? asprintf(&out, "%s", env) : -1;
	else if (xdg && xdg[0] == '/')
		n = asprintf(&out, "%s/airlock/verdicts", xdg);
	else if (home && home[0] == '/')
		n = asprintf(&out, "%s/.cache/airlock/verdicts", home);
	else
		n = -1;
	return n < 0 ? NULL : out;
}

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
	    !base_key(vc->base, so, rules_version) || !(path = cache_dir()))
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

void al_vcache_put(const struct vcache *vc, const char *key, const struct report_file *f,
		   const struct airlock_finding *v, size_t n)
{
	char tmp[SHA256_HEX_LEN + 32];
	unsigned char *buf;
	size_t len = 0;
	int fd, ok;

	if (vc->dirfd < 0 || !(buf = entry_bytes(&len, key, f, v, n)))
		return;
	snprintf(tmp, sizeof(tmp), ".tmp-%s-%ld", key, (long)getpid());
	fd = openat(vc->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd >= 0) {
		/* 0600 whatever the umask, as the reader requires */
		ok = fchmod(fd, 0600) == 0 && write_all(fd, buf, len) == 0;
		ok = close(fd) == 0 && ok;
		if (!ok || renameat(vc->dirfd, tmp, vc->dirfd, key) < 0)
			unlinkat(vc->dirfd, tmp, 0);
	}
	free(buf);
}
