/*
 * hash.c - SHA-256 via libcrypto's SHA-256 functions.
 *
 * Not the EVP interface: in OpenSSL 3 its first use sets up the provider
 * machinery and the table of every algorithm's names, about 3.5 million
 * instructions, a third of `airlock status` on a typical project. The
 * SHA256_* functions are the same implementation (with the CPU's SHA
 * extensions) and need none of it. They are deprecated in 3.0 for new
 * algorithms' sake, not removed; should they go, hash_* is the one place to
 * change.
 */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <stdlib.h>

#include <openssl/sha.h>

#include "common/error.h"
#include "common/hash.h"

struct hash_ctx {
	SHA256_CTX sha;
};

static void to_hex(char *hex, const unsigned char *bin, size_t len)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < len; i++) {
		hex[2 * i] = digits[bin[i] >> 4];
		hex[2 * i + 1] = digits[bin[i] & 0xf];
	}
	hex[2 * len] = '\0';
}

int al_hash_sha256_hex(char hex[SHA256_HEX_LEN + 1], const void *data, size_t len)
{
	unsigned char bin[SHA256_LEN];
	SHA256_CTX sha;

	/* not SHA256(): in OpenSSL 3 that one goes through EVP (and allocates) */
	if (!SHA256_Init(&sha) || !SHA256_Update(&sha, data, len) || !SHA256_Final(bin, &sha))
		return al_error_set(AIRLOCK_ERROR, "SHA-256 failed in libcrypto");
	to_hex(hex, bin, SHA256_LEN);
	return 0;
}

hash_ctx *al_hash_new(void)
{
	hash_ctx *h = calloc(1, sizeof(*h));

	if (!h) {
		al_error_oom();
		return NULL;
	}
	if (!SHA256_Init(&h->sha)) {
		free(h);
		al_error_set(AIRLOCK_ERROR, "SHA-256 initialisation failed in libcrypto");
		return NULL;
	}
	return h;
}

int al_hash_update(hash_ctx *h, const void *data, size_t len)
{
	if (!SHA256_Update(&h->sha, data, len))
		return al_error_set(AIRLOCK_ERROR, "SHA-256 update failed in libcrypto");
	return 0;
}

int al_hash_final(hash_ctx *h, char hex[SHA256_HEX_LEN + 1])
{
	unsigned char bin[SHA256_LEN];
	int error = 0;

	if (!SHA256_Final(bin, &h->sha))
		error = al_error_set(AIRLOCK_ERROR, "SHA-256 finalisation failed in libcrypto");
	else
		to_hex(hex, bin, SHA256_LEN);
	al_hash_free(h);
	return error;
}

void al_hash_free(hash_ctx *h)
{
	free(h);
}
