/*
 * hash.h - SHA-256 through OpenSSL's libcrypto (never a hand-written hash).
 */
#ifndef AIRLOCK_COMMON_HASH_H
#define AIRLOCK_COMMON_HASH_H

#include <stddef.h>

#define SHA256_LEN     32
#define SHA256_HEX_LEN 64

typedef struct hash_ctx hash_ctx;

/* One-shot digest of `len` bytes as lower-case hex into `hex` (65 bytes with
 * the NUL). Returns 0 or AIRLOCK_ERROR with the message set. */
int hash_sha256_hex(char hex[SHA256_HEX_LEN + 1], const void *data, size_t len);

/* Incremental digest. hash_new returns NULL (message set) on failure;
 * hash_final writes the hex digest and frees the context in every case. */
hash_ctx *hash_new(void);
int hash_update(hash_ctx *h, const void *data, size_t len);
int hash_final(hash_ctx *h, char hex[SHA256_HEX_LEN + 1]);
void hash_free(hash_ctx *h);

#endif
