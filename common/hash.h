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
int al_hash_sha256_hex(char hex[SHA256_HEX_LEN + 1], const void *data, size_t len);

/* Incremental digest. al_hash_new returns NULL (message set) on failure;
 * al_hash_final writes the hex digest and frees the context in every case. */
hash_ctx *al_hash_new(void);
int al_hash_update(hash_ctx *h, const void *data, size_t len);
int al_hash_final(hash_ctx *h, char hex[SHA256_HEX_LEN + 1]);
void al_hash_free(hash_ctx *h);

#endif
