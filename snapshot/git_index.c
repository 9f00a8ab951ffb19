/*
 * git_index.c - the paths of git's index file, read without libgit2.
 *
 * The format (git's Documentation/gitformat-index.txt): a 12-byte header
 * "DIRC", version, entry count; the entries; extensions; a trailing hash.
 * An entry is 62 bytes of stat data, object id and flags (64 in version 3+
 * when the extended flag is set), then its path: NUL-terminated and padded
 * with NULs to a multiple of 8 in versions 2 and 3; in version 4 a varint
 * saying how many bytes of the previous path to drop, then the rest of the
 * path, NUL-terminated, unpadded. Every read is checked against the end of
 * the buffer. The trailing hash is not checked: the file is the project's
 * own, a matching hash would vouch for nothing.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "airlock.h"
#include "common/limits.h"
#include "snapshot/git_index.h"

#define ENTRY_FIXED   62 /* stat data (40), SHA-1 (20), flags (2) */
#define FLAG_EXTENDED 0x4000
#define HASH_LEN      20

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* git's offset varint (varint.c): 7 bits a byte, each continuation adds one. */
static bool varint(size_t *out, const unsigned char **p, const unsigned char *end)
{
	uint64_t v;

	if (*p >= end)
		return false;
	v = **p & 0x7f;
	while (*(*p)++ & 0x80) {
		if (*p >= end || v > (UINT64_MAX >> 8))
			return false;
		v = ((v + 1) << 7) | (**p & 0x7f);
	}
	*out = (size_t)v;
	return v <= SIZE_MAX;
}

/* True when the extensions after the entries name a split index. */
static bool split_index(const unsigned char *p, const unsigned char *end)
{
	while (end - p >= 8) {
		uint32_t n = be32(p + 4);

		if (memcmp(p, "link", 4) == 0)
			return true;
		if ((size_t)(end - p - 8) < n)
			return false;
		p += 8 + n;
	}
	return false;
}

int al_git_index_paths(const unsigned char *buf, size_t len,
		       int (*fn)(const char *path, size_t len, void *payload), void *payload)
{
	char path[LIMIT_PATH_BYTES + 1];
	const unsigned char *p = buf, *end = buf + len, *entries;
	size_t plen = 0;
	uint32_t version, count;

	if (len < 12 + HASH_LEN || memcmp(buf, "DIRC", 4) != 0)
		return AIRLOCK_EINVALID;
	version = be32(buf + 4);
	count = be32(buf + 8);
	if (version < 2 || version > 4)
		return AIRLOCK_EINVALID;
	end -= HASH_LEN;
	p += 12;
	entries = p;
	/* a first pass finds the extensions (a split index is refused before
	 * any path is given out); the second gives the paths */
	for (int pass = 0; pass < 2; pass++) {
		p = entries;
		plen = 0;
		for (uint32_t i = 0; i < count; i++) {
			const unsigned char *start = p, *nul;
			size_t fixed = ENTRY_FIXED, n;
			uint16_t flags;
			int rc;

			if ((size_t)(end - p) < fixed)
				return AIRLOCK_EINVALID;
			flags = (uint16_t)(p[60] << 8 | p[61]);
			if (flags & FLAG_EXTENDED) {
				if (version < 3)
					return AIRLOCK_EINVALID;
				fixed += 2;
				if ((size_t)(end - p) < fixed)
					return AIRLOCK_EINVALID;
			}
			p += fixed;
			if (version == 4) {
				size_t drop;

				if (!varint(&drop, &p, end) || drop > plen)
					return AIRLOCK_EINVALID;
				plen -= drop;
			} else {
				plen = 0;
			}
			if (!(nul = memchr(p, '\0', (size_t)(end - p))))
				return AIRLOCK_EINVALID;
			n = (size_t)(nul - p);
			if (n > LIMIT_PATH_BYTES - plen)
				return AIRLOCK_EINVALID;
			memcpy(path + plen, p, n);
			plen += n;
			path[plen] = '\0';
			if (version == 4) {
				p = nul + 1;
			} else {
				size_t size = (fixed + n + 8) & ~(size_t)7;

				if ((size_t)(end - start) < size)
					return AIRLOCK_EINVALID;
				p = start + size;
			}
			if (pass == 1 && plen > 0 && (rc = fn(path, plen, payload)) != 0)
				return rc;
		}
		if (pass == 0 && split_index(p, end))
			return AIRLOCK_EINVALID;
	}
	return 0;
}
