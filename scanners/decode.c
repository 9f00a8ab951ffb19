/*
 * decode.c - the decoded view: text hidden in an encoding (base64, hex,
 * percent-encoding, HTML character references, \xHH escapes) decoded, so
 * that the signatures run on what a model asked to "decode and follow" it
 * would read. Only runs that decode to text are kept: a key, a hash or an
 * image stays what it is.
 *
 * The view is a norm_view (scanners/unicode.h): each decoded byte maps back
 * into the run it came from, and the run's bytes are marked hidden, so a
 * match is reported where the run is, with the decoded text, as hiding.
 */
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/utf8.h"
#include "scanners/bytevec.h"
#include "scanners/decode.h"

AL_SEAM_DEFINE(bool, al_decode_fast, true);

/* Runs shorter than these decode to too little to judge. */
#define MIN_BASE64  24
#define MIN_HEX     24
#define MIN_ESCAPES 6  /* %HH, \xHH or &#...; in one run */
#define MIN_TEXT    12 /* decoded bytes */

struct out {
	struct norm_view *v;
	size_t cap;
	bool failed;
};

static bool push(struct out *o, unsigned char c, size_t from)
{
	if (o->v->len + 2 > o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 256;
		unsigned char *d = realloc(o->v->data, cap);
		size_t *m;

		if (!d) {
			o->failed = true;
			return false;
		}
		o->v->data = d;
		if (!(m = realloc(o->v->map, (cap + 1) * sizeof(*m)))) {
			o->failed = true;
			return false;
		}
		o->v->map = m;
		o->cap = cap;
	}
	o->v->data[o->v->len] = c;
	o->v->map[o->v->len++] = from;
	return true;
}

/* Mostly printable text: what an instruction would be. */
static bool is_text(const unsigned char *d, size_t n)
{
	size_t ok = 0, letters = 0;

	if (n < MIN_TEXT || !al_utf8_valid((const char *)d, n))
		return false;
	for (size_t i = 0; i < n; i++) {
		ok += (d[i] >= 0x20 && d[i] < 0x7f) || d[i] == '\n' || d[i] == '\r' ||
		      d[i] == '\t' || d[i] >= 0x80;
		letters += (d[i] | 0x20) >= 'a' && (d[i] | 0x20) <= 'z';
	}
	/* all printable, and words rather than digits or symbols */
	return ok == n && letters * 2 >= n;
}

/* Appends decoded run [s, e) of the input, mapped proportionally, and
 * marks the run hidden. */
static void emit(struct out *o, const unsigned char *dec, size_t n, size_t s, size_t e)
{
	for (size_t k = 0; k < n; k++)
		if (!push(o, dec[k], s + (k * (e - s)) / n))
			return;
	push(o, '\n', e > s ? e - 1 : s);
	for (size_t i = s; i < e; i++)
		o->v->hid[i >> 3] |= (unsigned char)(1u << (i & 7));
}

/* The value of each byte as a base64 digit (standard or URL-safe) and as a
 * hex digit, -1 where it is none: looked up, since every byte of a file is. */
/* clang-format off */
static const signed char b64_digit[256] = {
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 62, -1, 62, -1, 63,
	52, 53, 54, 55, 56, 57, 58, 59, 60, 61, -1, -1, -1, -1, -1, -1,
	-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
	15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, -1, -1, -1, -1, 63,
	-1, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
	41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
};

static const signed char hex_digit[256] = {
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1, -1, -1, -1, -1,
	-1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
};

/* The bytes that can start a run or an escape: the others are skipped. */
static const unsigned char starts[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
/* clang-format on */

static inline int b64_value(unsigned char c)
{
	return b64_digit[c];
}

static inline int hex_value(unsigned char c)
{
	return hex_digit[c];
}

/* base64 (standard or URL-safe) in [s, e): decoded into buf; its length. */
static size_t b64_decode(unsigned char *buf, const unsigned char *d, size_t s, size_t e)
{
	unsigned int acc = 0;
	int bits = 0;
	size_t n = 0;

	for (size_t i = s; i < e; i++) {
		int v = b64_value(d[i]);

		if (v < 0)
			break;
		acc = (acc << 6) | (unsigned int)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf[n++] = (unsigned char)(acc >> bits);
		}
	}
	return n;
}

/* Base64 digits, standard or URL-safe: letters, '+' to '9' but ',' and
 * '.', and '_'. */
static inline bytevec b64_digits(bytevec x)
{
	return bytevec_in(x | 0x20, 'a', 'z') |
	       (bytevec_in(x, '+', '9') & ~(x == ',') & ~(x == '.')) | (x == '_');
}

/*
 * The same, but giving up (returning 0) at the first byte that shows that
 * is_text() would refuse what [s, e) decodes to: a control character, a
 * byte that cannot start a UTF-8 character where one starts (at the start
 * or after ASCII), or more bytes that are not letters than half of the
 * whole (all of [s, e) is digits: it decodes to (e - s) * 6 / 8 bytes).
 * Most long runs are paths and URLs, whose bytes are noise that shows
 * within a few.
 */
static size_t b64_decode_text(unsigned char *buf, const unsigned char *d, size_t s, size_t e)
{
	size_t n = 0, others = 0, most = (e - s) * 6 / 8 / 2;
	unsigned int acc = 0;
	int bits = 0;
	bool starts_char = true;

	for (size_t i = s; i < e; i++) {
		int v = b64_value(d[i]);
		unsigned char c;

		if (v < 0)
			break;
		acc = (acc << 6) | (unsigned int)v;
		bits += 6;
		if (bits < 8)
			continue;
		bits -= 8;
		c = (unsigned char)(acc >> bits);
		if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
			return 0;
		if (c >= 0x80 && starts_char && (c < 0xc2 || c > 0xf4))
			return 0;
		starts_char = c < 0x80;
		others += !((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
		if (others > most)
			return 0;
		buf[n++] = c;
	}
	return n;
}

/* Where the base64 digits from d[j] end: sixteen at a time, since most
 * long runs are paths and URLs. */
static size_t b64_end(const unsigned char *d, size_t len, size_t j)
{
	for (; al_decode_fast && len - j >= BYTEVEC_LEN; j += BYTEVEC_LEN) {
		unsigned int other = bytevec_bits(~b64_digits(bytevec_load(d + j)));

		if (other)
			return j + (size_t)__builtin_ctz(other);
	}
	while (j < len && b64_value(d[j]) >= 0)
		j++;
	return j;
}

/* A run of base64 characters from d[i]; *hex: all of it hex digits (a run
 * of hex digits is also one, and is tried as hex first). Only a run long
 * enough to decode is looked at twice. */
static size_t b64_run(const unsigned char *d, size_t len, size_t i, bool *hex)
{
	size_t j = b64_end(d, len, i);

	*hex = j - i >= MIN_HEX;
	for (size_t k = i; *hex && k < j; k++)
		*hex = hex_value(d[k]) >= 0;
	return j - i;
}

/* The escape at d[j] (%HH, \xHH, \uHHHH, &#N; or &#xH; for ASCII): its
 * byte into *c and its length, or 0 when there is none. */
static size_t escape_at(const unsigned char *d, size_t len, size_t j, unsigned char *c)
{
	if (d[j] == '%' && j + 2 < len && hex_value(d[j + 1]) >= 0 && hex_value(d[j + 2]) >= 0) {
		*c = (unsigned char)(hex_value(d[j + 1]) << 4 | hex_value(d[j + 2]));
		return 3;
	}
	if (d[j] == '\\' && j + 3 < len && d[j + 1] == 'x' && hex_value(d[j + 2]) >= 0 &&
	    hex_value(d[j + 3]) >= 0) {
		*c = (unsigned char)(hex_value(d[j + 2]) << 4 | hex_value(d[j + 3]));
		return 4;
	}
	/* "\u0049\u0067\u006e...": a string of Unicode escapes in any file */
	if (d[j] == '\\' && j + 5 < len && (d[j + 1] == 'u' || d[j + 1] == 'U') &&
	    d[j + 2] == '0' && d[j + 3] == '0' && hex_value(d[j + 4]) >= 0 &&
	    hex_value(d[j + 5]) >= 0) {
		*c = (unsigned char)(hex_value(d[j + 4]) << 4 | hex_value(d[j + 5]));
		if (*c >= 0x20 && *c < 0x7f)
			return 6;
	}
	if (d[j] == '&' && j + 3 < len && d[j + 1] == '#') {
		size_t k = j + 2;
		unsigned long cp = 0;
		bool x = d[k] == 'x' || d[k] == 'X';

		k += x;
		while (k < len && k < j + 12 &&
		       (x ? hex_value(d[k]) >= 0 : (d[k] >= '0' && d[k] <= '9')))
			cp = cp * (x ? 16 : 10) + (unsigned long)hex_value(d[k++]);
		/* only ASCII: enough to spell an instruction */
		if (k < len && d[k] == ';' && cp >= 0x20 && cp < 0x7f) {
			*c = (unsigned char)cp;
			return k + 1 - j;
		}
	}
	return 0;
}

/* The line from d[i] with its escapes decoded, when it has enough of them
 * and reads as text: each byte mapped to where it stands, the escapes
 * marked hidden. Returns where the line ends. */
static size_t escape_line(struct out *o, unsigned char *buf, const unsigned char *d, size_t len,
			  size_t i)
{
	size_t n = 0, escapes = 0, end = i, step;
	unsigned char c;

	while (end < len && d[end] != '\n')
		end++;
	for (size_t j = i; j < end; j += step) {
		if ((step = escape_at(d, end, j, &c)))
			escapes++;
		else
			c = d[j], step = 1;
		buf[n++] = c;
	}
	/* not text: the rest of the line is not tried again (linear time) */
	if (escapes < MIN_ESCAPES || !is_text(buf, n))
		return end;
	for (size_t j = i; j < end && !o->failed; j += step) {
		if ((step = escape_at(d, end, j, &c))) {
			for (size_t k = j; k < j + step; k++)
				o->v->hid[k >> 3] |= (unsigned char)(1u << (k & 7));
		} else {
			c = d[j], step = 1;
		}
		push(o, c, j);
	}
	push(o, '\n', end > i ? end - 1 : i);
	return end;
}

/* A base64 or hex run from d[i] that decodes to text: appended, and its
 * length returned; otherwise the number of bytes to step over. */
static size_t try_run(struct out *o, unsigned char *buf, const unsigned char *d, size_t len,
		      size_t i)
{
	bool hex;
	size_t run = b64_run(d, len, i, &hex), n;

	if (hex && run >= MIN_HEX && run % 2 == 0) {
		for (n = 0; n < run / 2; n++)
			buf[n] = (unsigned char)(hex_value(d[i + 2 * n]) << 4 |
						 hex_value(d[i + 2 * n + 1]));
		if (is_text(buf, n)) {
			emit(o, buf, n, i, i + run);
			return run;
		}
	}
	if (run >= MIN_BASE64) {
		n = al_decode_fast ? b64_decode_text(buf, d, i, i + run)
				   : b64_decode(buf, d, i, i + run);
		if (is_text(buf, n)) {
			emit(o, buf, n, i, i + run);
			return run;
		}
	}
	return run ? run : 1;
}

static bool escape_byte(unsigned char c)
{
	return c == '%' || c == '\\' || c == '&';
}

/* The shortest run try_run() can decode: shorter ones are stepped over. */
#define MIN_RUN (MIN_BASE64 < MIN_HEX ? MIN_BASE64 : MIN_HEX)
_Static_assert(MIN_RUN > BYTEVEC_LEN, "a run inside one block must be too short to decode");

/* From j, one byte at a time: the first escape byte or start of a run of
 * MIN_RUN base64 digits, or len. j is not inside a run. */
static size_t event_bytewise(const unsigned char *d, size_t len, size_t j)
{
	while (j < len) {
		size_t k = j;

		if (escape_byte(d[j]))
			return j;
		if (b64_value(d[j]) < 0) {
			j++;
			continue;
		}
		while (k < len && k - j < MIN_RUN && b64_value(d[k]) >= 0)
			k++;
		if (k - j >= MIN_RUN)
			return j;
		j = k;
	}
	return j;
}

/*
 * The next offset from i that al_decoded_view() acts on: an escape byte, or
 * the start of a base64 run long enough to decode; len when there is none.
 * i is not inside a run. Sixteen bytes at a time, from a mask of the digits
 * and one of the escape bytes: `run` counts the digits that end the bytes
 * before the block, so a run is measured across blocks without going back.
 */
static size_t next_event(const unsigned char *d, size_t len, size_t i)
{
	size_t j = i, run = 0;

	for (; len - j >= BYTEVEC_LEN; j += BYTEVEC_LEN) {
		bytevec x = bytevec_load(d + j);
		unsigned int other = bytevec_bits(~b64_digits(x));
		unsigned int esc;

		if (!other) {
			if ((run += BYTEVEC_LEN) >= MIN_RUN)
				return j + BYTEVEC_LEN - run;
			continue;
		}
		/* the run before the block ends at its first other byte */
		if (run + (size_t)__builtin_ctz(other) >= MIN_RUN)
			return j - run;
		/* a run that starts and ends in the block is too short */
		esc = bytevec_bits(bytevec_in(x, '%', '&') | (x == '\\'));
		if (esc)
			return j + (size_t)__builtin_ctz(esc);
		run = (size_t)__builtin_clz(other) - (sizeof(other) * 8 - BYTEVEC_LEN);
	}
	return event_bytewise(d, len, j - run);
}

int al_decoded_view(struct norm_view *v, const struct scan_input *in)
{
	const unsigned char *d = in->data;
	struct out o = { v, 0, false };
	unsigned char *buf = NULL, c;
	size_t i = 0;

	memset(v, 0, sizeof(*v));
	v->in_len = in->len;
	if (!in->len)
		return 0;
	if (!(v->hid = calloc(in->len / 8 + 1, 1)) || !(buf = malloc(in->len)))
		goto oom;
	while (al_decode_fast && !o.failed && (i = next_event(d, in->len, i)) < in->len) {
		if (b64_value(d[i]) >= 0)
			i += try_run(&o, buf, d, in->len, i);
		else if (escape_at(d, in->len, i, &c))
			i = escape_line(&o, buf, d, in->len, i);
		else
			i++;
	}
	/* byte by byte, as the tests compare */
	while (!al_decode_fast && i < in->len && !o.failed) {
		if (b64_value(d[i]) >= 0 && (i == 0 || b64_value(d[i - 1]) < 0)) {
			i += try_run(&o, buf, d, in->len, i);
			continue;
		}
		if (escape_byte(d[i]) && escape_at(d, in->len, i, &c)) {
			i = escape_line(&o, buf, d, in->len, i);
			continue;
		}
		/* past the bytes that start neither a run nor an escape */
		for (i++; i < in->len && starts[d[i]] == 0; i++)
			;
	}
	free(buf);
	if (o.failed)
		goto oom;
	if (v->len) {
		v->map[v->len] = in->len;
		v->changed = true;
	}
	return 0;
oom:
	free(buf);
	return al_error_oom();
}

/* ---- ROT13 ---- */

/* Words that most English sentences hold and that ROT13 turns into none
 * ("the" into "gur"): a line with several of them only once turned is
 * English written in ROT13. */
static const char *const common_words[] = { "the",  "and",    "you",   "your", "to",   "of",
					    "in",   "is",     "it",    "for",  "that", "with",
					    "all",  "every",  "any",   "this", "are",  "be",
					    "or",   "not",    "from",  "into", "what", "were",
					    "each", "before", "after", "then", NULL };

static unsigned char rot13(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return (unsigned char)('a' + (c - 'a' + 13) % 26);
	if (c >= 'A' && c <= 'Z')
		return (unsigned char)('A' + (c - 'A' + 13) % 26);
	return c;
}

/* How many of the line's words are common English words, as written and
 * turned by ROT13. English prose stops the count early: with two common
 * words as written the line is not ROT13. */
static void common_counts(const unsigned char *d, size_t s, size_t e, size_t *plain, size_t *turned)
{
	char w[8], r[8];

	*plain = *turned = 0;
	for (size_t i = s; i < e && *plain < 2;) {
		size_t n = 0;

		while (i < e && !((d[i] | 0x20) >= 'a' && (d[i] | 0x20) <= 'z'))
			i++;
		while (i < e && (d[i] | 0x20) >= 'a' && (d[i] | 0x20) <= 'z') {
			if (n < sizeof(w) - 1) {
				w[n] = (char)(d[i] | 0x20);
				r[n] = (char)(rot13(d[i]) | 0x20);
			}
			n++;
			i++;
		}
		if (n < 2 || n > 6)
			continue;
		w[n] = r[n] = '\0';
		for (int k = 0; common_words[k]; k++) {
			*plain += w[0] == common_words[k][0] && strcmp(w, common_words[k]) == 0;
			*turned += r[0] == common_words[k][0] && strcmp(r, common_words[k]) == 0;
		}
	}
}

int al_rot13_view(struct norm_view *v, const struct scan_input *in)
{
	const unsigned char *d = in->data;
	struct out o = { v, 0, false };

	memset(v, 0, sizeof(*v));
	v->in_len = in->len;
	if (!in->len)
		return 0;
	/* English in ROT13 has "the", "you" or "and" in it turned: a file
	 * with none of them has no such line (most files: one quick pass) */
	if (!memmem(d, in->len, " gur ", 5) && !memmem(d, in->len, "Gur ", 4) &&
	    !memmem(d, in->len, " lbh", 4) && !memmem(d, in->len, " naq ", 5) &&
	    !memmem(d, in->len, "GUR ", 4))
		return 0;
	for (size_t s = 0; s < in->len && !o.failed;) {
		const unsigned char *nl = memchr(d + s, '\n', in->len - s);
		size_t e = nl ? (size_t)(nl - d) : in->len, letters = 0, plain, turned;

		for (size_t i = s; i < e; i++)
			letters += (d[i] | 0x20) >= 'a' && (d[i] | 0x20) <= 'z';
		if (letters >= 24) {
			common_counts(d, s, e, &plain, &turned);
			if (turned >= 3 && turned >= 2 * plain + 2) {
				if (!v->hid && !(v->hid = calloc(in->len / 8 + 1, 1)))
					return al_error_oom();
				for (size_t i = s; i < e; i++)
					if (!push(&o, rot13(d[i]), i))
						break;
				push(&o, '\n', e > s ? e - 1 : s);
				for (size_t i = s; i < e; i++)
					v->hid[i >> 3] |= (unsigned char)(1u << (i & 7));
			}
		}
		s = e + 1;
	}
	if (o.failed)
		return al_error_oom();
	if (v->len) {
		v->map[v->len] = in->len;
		v->changed = true;
	}
	return 0;
}
