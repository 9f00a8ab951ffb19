/*
 * hash.c - SHA-256 via libcrypto's EVP interface.
 */
#include <pthread.h>
#include <stdlib.h>

#include <openssl/err.h>
#include <openssl/evp.h>

#include "common/error.h"
#include "common/hash.h"

struct hash_ctx {
	EVP_MD_CTX *md;
};

/* OpenSSL 3 looks the algorithm up again at every digest given EVP_sha256()
 * (an implicit fetch, about a third of a small file's hashing): it is
 * fetched once, and kept for the process's life. */
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;
static const EVP_MD *sha256_md;

static void sha256_fetch(void)
{
	EVP_MD *md = EVP_MD_fetch(NULL, "SHA2-256", NULL);

	sha256_md = md ? md : EVP_sha256();
}

static const EVP_MD *sha256(void)
{
	pthread_once(&sha256_once, sha256_fetch);
	return sha256_md;
}

static void to_hex(char *hex, const unsigned char *bin, size_t len)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < len; i++) {
		hex[2 * i] = digits[bin[i] >> 4];
		hex[2 * i + 1] = digits[bin[i] & 0xf];
	}
	hex[2 * len] = '\0';
}

/* libcrypto reports a failure on this thread's error queue, with strings
 * it keeps until the queue is cleared: consumed here, at the boundary, so
 * that a failed hash leaves nothing behind in the caller's thread. */
static int crypto_failed(const char *msg)
{
	ERR_clear_error();
	return error_set(AIRLOCK_ERROR, "%s", msg);
}

int hash_sha256_hex(char hex[SHA256_HEX_LEN + 1], const void *data, size_t len)
{
	unsigned char bin[SHA256_LEN];
	unsigned int n = 0;

	if (!EVP_Digest(data, len, bin, &n, sha256(), NULL) || n != SHA256_LEN)
		return crypto_failed("SHA-256 failed in libcrypto");
	to_hex(hex, bin, SHA256_LEN);
	return 0;
}

hash_ctx *hash_new(void)
{
	hash_ctx *h = calloc(1, sizeof(*h));

	if (!h) {
		error_oom();
		return NULL;
	}
	h->md = EVP_MD_CTX_new();
	if (!h->md || !EVP_DigestInit_ex(h->md, sha256(), NULL)) {
		hash_free(h);
		crypto_failed("SHA-256 initialisation failed in libcrypto");
		return NULL;
	}
	return h;
}

int hash_update(hash_ctx *h, const void *data, size_t len)
{
	if (!EVP_DigestUpdate(h->md, data, len))
		return crypto_failed("SHA-256 update failed in libcrypto");
	return 0;
}

int hash_final(hash_ctx *h, char hex[SHA256_HEX_LEN + 1])
{
	unsigned char bin[SHA256_LEN];
	unsigned int n = 0;
	int error = 0;

	if (!EVP_DigestFinal_ex(h->md, bin, &n) || n != SHA256_LEN)
		error = crypto_failed("SHA-256 finalisation failed in libcrypto");
	else
		to_hex(hex, bin, SHA256_LEN);
	hash_free(h);
	return error;
}

void hash_free(hash_ctx *h)
{
	if (!h)
		return;
	EVP_MD_CTX_free(h->md);
	free(h);
}
