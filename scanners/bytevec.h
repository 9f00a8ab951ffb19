/*
 * bytevec.h - sixteen bytes at a time, for the scanners that look at every
 * byte of a file but act on few: the Unicode analysis skips plain ASCII
 * prose (scanners/unicode.c), the decoded view what cannot start an encoded
 * run (scanners/decode.c).
 *
 * GCC and clang vector types: SSE2 on x86-64, NEON on arm64, integer code
 * elsewhere. The bytes are signed so that one comparison `x > 0x20` also
 * rejects every byte of 0x80 and above. Comparisons give -1 (all bits) in
 * each byte where they hold, 0 elsewhere.
 */
#ifndef AIRLOCK_SCANNERS_BYTEVEC_H
#define AIRLOCK_SCANNERS_BYTEVEC_H

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef signed char bytevec __attribute__((vector_size(16)));
typedef unsigned char bytevec_u __attribute__((vector_size(16)));

#define BYTEVEC_LEN 16

/* p[0..16), at any alignment: the caller has checked the bounds. */
static inline bytevec bytevec_load(const unsigned char *p)
{
	bytevec v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* The bytes from lo to hi (as unsigned values, lo <= hi): moved so that the
 * range starts at -128, one signed comparison tells them apart (the sum
 * wraps, which unsigned arithmetic may). */
static inline bytevec bytevec_in(bytevec x, unsigned char lo, unsigned char hi)
{
	bytevec_u moved = (bytevec_u)x + (unsigned char)(0x80 - lo);

	return (bytevec)moved <= (signed char)(hi - lo - 0x80);
}

/* One bit per byte of a comparison's result, bit k for byte k (in memory
 * order whatever the machine's byte order). */
static inline unsigned int bytevec_bits(bytevec m)
{
#ifdef __SSE2__
	return (unsigned int)_mm_movemask_epi8((__m128i)m);
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* each byte's top bit, gathered into the top byte by one multiply */
	uint64_t lo, hi;

	memcpy(&lo, &m, 8);
	memcpy(&hi, (const char *)&m + 8, 8);
	lo = ((lo & 0x8080808080808080ull) * 0x0002040810204081ull) >> 56;
	hi = ((hi & 0x8080808080808080ull) * 0x0002040810204081ull) >> 56;
	return (unsigned int)(lo | hi << 8);
#else
	unsigned int bits = 0;

	for (int k = 0; k < BYTEVEC_LEN; k++)
		bits |= (unsigned int)(m[k] & 1) << k;
	return bits;
#endif
}

#endif
