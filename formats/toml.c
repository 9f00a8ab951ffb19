/*
 * toml.c - TOML 1.0 documents (Codex's config.toml, Gemini's command files).
 *
 * A parser written here, into the jansson tree, with the semantics of the
 * specification as Python's tomllib reads it (tests/formats/toml_diff.py
 * compares the two): tables, arrays of tables, inline tables, dotted keys,
 * every string form and escape, integers in 64 bits, floats, booleans.
 * What JSON has no type for is a string: an offset or local date-time, a
 * date or a time is its RFC 3339 text as written; inf and nan are the
 * strings "inf", "-inf" and "nan". A key holding U+0000 is refused (the tree
 * keys are C strings); so is a byte order mark, as tomllib does.
 *
 * Which tables may still be extended is kept per table (struct kinds): one
 * [header] defines a table once; dotted keys define the tables they pass
 * through, which a later section may neither reopen nor extend; an inline
 * table or a static array is closed. Recursion is bounded by the nesting
 * limit (LIMIT_JSON_DEPTH, the root being level 1), and every step is linear
 * in what it reads.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/limits.h"
#include "common/utf8.h"
#include "formats/formats.h"

/* What may still happen to a table or an array (the root is EXPLICIT). */
enum kind {
	IMPLICIT = 1,    /* made by a header passing through it: a [header] may define it */
	EXPLICIT,        /* defined by a [header], or an array-of-tables element */
	DOTTED_PENDING,  /* made by dotted keys of the current section: they may extend it */
	DOTTED,          /* made by dotted keys of an earlier section: closed to keys */
	INLINE_OPEN,     /* made by dotted keys inside an inline table being read */
	INLINE,          /* an inline table: closed */
	ARRAY_STATIC,    /* an array value: closed */
	ARRAY_OF_TABLES, /* made by [[header]]: open to [[header]] */
};

struct kind_slot {
	const json_t *node;
	unsigned char kind, depth;
};

struct buf {
	char *s;
	size_t len, cap;
};

struct key {
	char *part[LIMIT_JSON_DEPTH];
	size_t n;
	unsigned line;
};

struct toml {
	const unsigned char *s;
	size_t len, pos;
	unsigned line;
	struct al_doc *d;
	char *why;
	size_t cap;
	struct kind_slot *slots; /* open addressing, by node */
	size_t nslots, used;
	json_t **pending; /* DOTTED_PENDING tables, closed at the next header */
	size_t npending, cappending;
	json_t *table; /* where the current section's keys go */
	struct buf str;
};

static int fail(struct toml *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(struct toml *t, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(t->why, t->cap, "line %u: %s", t->line, msg);
	return AIRLOCK_EINVALID;
}

/* A failure naming a key (escaped: it is the document's text). */
static int fail_key(struct toml *t, const char *before, const char *key, const char *after)
{
	char *shown = al_utf8_escape(key, strlen(key), false);
	int error = fail(t, "%s\"%s\"%s", before, shown ? shown : "?", after);

	free(shown);
	return error;
}

static int peek(const struct toml *t, size_t ahead)
{
	return t->pos + ahead < t->len ? t->s[t->pos + ahead] : -1;
}

static bool starts(const struct toml *t, const char *lit)
{
	size_t n = strlen(lit);

	return t->len - t->pos >= n && memcmp(t->s + t->pos, lit, n) == 0;
}

/* --- kinds -------------------------------------------------------------------------- */

static size_t slot_of(const struct kind_slot *slots, size_t n, const json_t *node)
{
	size_t i = ((uintptr_t)node >> 4) * 0x9E3779B97F4A7C15ull & (n - 1);

	while (slots[i].node && slots[i].node != node)
		i = (i + 1) & (n - 1);
	return i;
}

static int set_kind(struct toml *t, const json_t *node, enum kind k, unsigned depth)
{
	size_t i;

	if (2 * (t->used + 1) > t->nslots) {
		size_t n = t->nslots ? t->nslots * 2 : 64;
		struct kind_slot *grown = calloc(n, sizeof(*grown));

		if (!grown)
			return al_error_oom();
		for (size_t j = 0; j < t->nslots; j++)
			if (t->slots[j].node)
				grown[slot_of(grown, n, t->slots[j].node)] = t->slots[j];
		free(t->slots);
		t->slots = grown;
		t->nslots = n;
	}
	i = slot_of(t->slots, t->nslots, node);
	if (!t->slots[i].node)
		t->used++;
	t->slots[i] = (struct kind_slot){ node, (unsigned char)k, (unsigned char)depth };
	return 0;
}

static struct kind_slot *kind_of(struct toml *t, const json_t *node)
{
	size_t i;

	if (!t->nslots)
		return NULL;
	i = slot_of(t->slots, t->nslots, node);
	return t->slots[i].node ? &t->slots[i] : NULL;
}

/* A new container one level below `depth`, with its kind, or NULL with
 * *error set. */
static json_t *new_container(struct toml *t, bool array, enum kind k, unsigned depth, int *error)
{
	json_t *v;

	if (depth + 1 > LIMIT_JSON_DEPTH) {
		*error = fail(t, "nested deeper than %d levels", LIMIT_JSON_DEPTH);
		return NULL;
	}
	if (!(v = array ? json_array() : json_object())) {
		*error = al_error_oom();
		return NULL;
	}
	if ((*error = set_kind(t, v, k, depth + 1)) < 0) {
		json_decref(v);
		return NULL;
	}
	return v;
}

/* --- whitespace, comments, newlines -------------------------------------------------- */

static void skip_ws(struct toml *t)
{
	while (t->pos < t->len && (t->s[t->pos] == ' ' || t->s[t->pos] == '\t'))
		t->pos++;
}

/* The length of the newline at pos (1 for "\n", 2 for "\r\n"), or 0. */
static size_t newline_len(const struct toml *t)
{
	if (peek(t, 0) == '\n')
		return 1;
	return peek(t, 0) == '\r' && peek(t, 1) == '\n' ? 2 : 0;
}

static bool take_newline(struct toml *t)
{
	size_t n = newline_len(t);

	if (!n)
		return false;
	t->pos += n;
	t->line++;
	return true;
}

static bool control(int c)
{
	return (c >= 0 && c < 0x20 && c != '\t') || c == 0x7F;
}

static int skip_comment(struct toml *t)
{
	if (peek(t, 0) != '#')
		return 0;
	for (t->pos++; t->pos < t->len && t->s[t->pos] != '\n'; t->pos++)
		if (control(t->s[t->pos]) && !newline_len(t))
			return fail(t, "control character in a comment");
	return 0;
}

/* Whitespace, newlines and comments, as between an array's values. */
static int skip_array_space(struct toml *t)
{
	int error;

	for (;;) {
		skip_ws(t);
		if ((error = skip_comment(t)) < 0)
			return error;
		if (!take_newline(t))
			return 0;
	}
}

/* --- strings -------------------------------------------------------------------------- */

static int put(struct buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *grown;

		while (b->len + n + 1 > cap)
			cap *= 2;
		if (!(grown = realloc(b->s, cap)))
			return al_error_oom();
		b->s = grown;
		b->cap = cap;
	}
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

static int put_cp(struct buf *b, uint32_t cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80)
		u[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	else if (cp < 0x10000)
		u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3F)),
		u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	else
		u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | (cp >> 12 & 0x3F)),
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	return put(b, u, n);
}

static int hexval(int c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

/* An escape at pos (the backslash) of a basic string. */
static int escape(struct toml *t, bool multiline)
{
	static const char from[] = "btnfr\"\\", to[] = "\b\t\n\f\r\"\\";
	int c = peek(t, 1);
	const char *at;

	if (multiline && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
		/* a line-ending backslash: drops the whitespace up to the next text */
		t->pos++;
		skip_ws(t);
		if (t->pos < t->len && !take_newline(t))
			return fail(t, "invalid escape in a string");
		for (;;) {
			skip_ws(t);
			if (!take_newline(t))
				return 0;
		}
	}
	if (c == 'u' || c == 'U') {
		size_t n = c == 'u' ? 4 : 8;
		uint32_t cp = 0;

		for (size_t i = 0; i < n; i++) {
			int h = hexval(peek(t, 2 + i));

			if (h < 0)
				return fail(t, "invalid \\%c escape in a string", c);
			cp = cp << 4 | (uint32_t)h;
		}
		if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return fail(t, "escape of a code point that is no Unicode scalar value");
		t->pos += 2 + n;
		return put_cp(&t->str, cp);
	}
	if (c > 0 && (at = strchr(from, c))) {
		t->pos += 2;
		return put(&t->str, &to[at - from], 1);
	}
	return fail(t, "invalid escape in a string");
}

/* Up to two quotes after the closing three of a multi-line string are its
 * own. */
static int extra_quotes(struct toml *t, char q)
{
	for (int i = 0; i < 2 && peek(t, 0) == q; i++, t->pos++) {
		int error = put(&t->str, &q, 1);

		if (error < 0)
			return error;
	}
	return 0;
}

/* A string of any form at pos, into t->str. */
static int string(struct toml *t, bool allow_multiline)
{
	char q = (char)peek(t, 0);
	bool literal = q == '\'';
	bool multi = allow_multiline && (literal ? starts(t, "'''") : starts(t, "\"\"\""));
	int error;

	t->str.len = 0;
	if ((error = put(&t->str, "", 0)) < 0)
		return error;
	t->pos += multi ? 3 : 1;
	if (multi)
		take_newline(t); /* a newline right after the opening is not content */
	for (;;) {
		int c = peek(t, 0);
		size_t start = t->pos;

		if (c < 0)
			return fail(t, "unterminated string");
		if (c == q) {
			if (!multi) {
				t->pos++;
				return 0;
			}
			if (starts(t, literal ? "'''" : "\"\"\"")) {
				t->pos += 3;
				return extra_quotes(t, q);
			}
			t->pos++;
			if ((error = put(&t->str, &q, 1)) < 0)
				return error;
			continue;
		}
		if (c == '\\' && !literal) {
			if ((error = escape(t, multi)) < 0)
				return error;
			continue;
		}
		if (multi && take_newline(t)) {
			if ((error = put(&t->str, "\n", 1)) < 0)
				return error;
			continue;
		}
		if (control(c))
			return fail(t, c == '\n' || c == '\r' ? "newline in a one-line string"
							      : "control character in a string");
		/* a run of plain bytes (the whole text is valid UTF-8) */
		while (t->pos < t->len && t->s[t->pos] != (unsigned char)q &&
		       (literal || t->s[t->pos] != '\\') && !control(t->s[t->pos]))
			t->pos++;
		if ((error = put(&t->str, t->s + start, t->pos - start)) < 0)
			return error;
	}
}

/* --- keys ----------------------------------------------------------------------------- */

static bool bare_key_char(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-';
}

static void key_free(struct key *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->part[i]);
	k->n = 0;
}

/* A key, dotted or not, at pos; whitespace after it is skipped. */
static int key(struct toml *t, struct key *k)
{
	int error;

	k->n = 0;
	k->line = t->line;
	for (;;) {
		int c = peek(t, 0);
		char *part;

		if (bare_key_char(c)) {
			size_t start = t->pos;

			while (bare_key_char(peek(t, 0)))
				t->pos++;
			t->str.len = 0;
			if ((error = put(&t->str, t->s + start, t->pos - start)) < 0)
				return error;
		} else if (c == '"' || c == '\'') {
			if ((error = string(t, false)) < 0)
				return error;
			if (memchr(t->str.s, '\0', t->str.len))
				return fail(t, "a key holds U+0000");
		} else {
			return fail(t, c == '=' ? "empty key" : "invalid character in a key");
		}
		if (k->n == LIMIT_JSON_DEPTH)
			return fail(t, "nested deeper than %d levels", LIMIT_JSON_DEPTH);
		if (!(part = strdup(t->str.s)))
			return al_error_oom();
		k->part[k->n++] = part;
		skip_ws(t);
		if (peek(t, 0) != '.')
			return 0;
		t->pos++;
		skip_ws(t);
	}
}

/* --- values ----------------------------------------------------------------------------- */

static bool digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool digits_at(const struct toml *t, size_t at, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!digit(peek(t, at + i)))
			return false;
	return true;
}

static int num2(const struct toml *t, size_t at)
{
	return (peek(t, at) - '0') * 10 + peek(t, at + 1) - '0';
}

/* The length of a time "HH:MM:SS[.frac]" at pos + at, or 0. */
static size_t time_len(const struct toml *t, size_t at)
{
	size_t n = 8;

	if (!digits_at(t, at, 2) || peek(t, at + 2) != ':' || !digits_at(t, at + 3, 2) ||
	    peek(t, at + 5) != ':' || !digits_at(t, at + 6, 2))
		return 0;
	if (num2(t, at) > 23 || num2(t, at + 3) > 59 || num2(t, at + 6) > 59)
		return 0;
	if (peek(t, at + 8) == '.' && digit(peek(t, at + 9)))
		for (n = 9; digit(peek(t, at + n)); n++)
			;
	return n;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* A date, date-time or time at pos, as the string it is written as; 0
 * when there is none there (*out NULL). */
static int datetime(struct toml *t, json_t **out)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	size_t n;

	*out = NULL;
	if (digits_at(t, 0, 4) && peek(t, 4) == '-' && digits_at(t, 5, 2) && peek(t, 7) == '-' &&
	    digits_at(t, 8, 2)) {
		int y = (peek(t, 0) - '0') * 1000 + num2(t, 1) * 10 + peek(t, 3) - '0';
		int m = num2(t, 5), day = num2(t, 8), c = peek(t, 10);
		size_t tl;

		if (y < 1 || m < 1 || m > 12 || day < 1 || day > mdays[m - 1] + (m == 2 && leap(y)))
			return fail(t, "invalid date");
		n = 10;
		if ((c == 'T' || c == 't' || c == ' ') && (tl = time_len(t, 11))) {
			n = 11 + tl;
			c = peek(t, n);
			if (c == 'Z' || c == 'z')
				n++;
			else if ((c == '+' || c == '-') && digits_at(t, n + 1, 2) &&
				 peek(t, n + 3) == ':' && digits_at(t, n + 4, 2) &&
				 num2(t, n + 1) <= 23 && num2(t, n + 4) <= 59)
				n += 6;
		}
	} else if (!(n = time_len(t, 0))) {
		return 0;
	}
	if (!(*out = json_stringn((const char *)t->s + t->pos, n)))
		return al_error_oom();
	t->pos += n;
	return 0;
}

/* Digits of `base` with single underscores between them, from pos; into
 * t->str without the underscores. Returns how many digits. */
static size_t digit_run(struct toml *t, int base)
{
	size_t n = 0;

	for (;;) {
		int c = peek(t, 0), v = hexval(c);

		if (v < 0 || v >= base) {
			if (c == '_' && n && (v = hexval(peek(t, 1))) >= 0 && v < base) {
				t->pos++;
				continue;
			}
			return n;
		}
		if (put(&t->str, &t->s[t->pos], 1) < 0)
			return SIZE_MAX;
		t->pos++;
		n++;
	}
}

/* A float's text (in t->str, without underscores) as a value; past the
 * range, "inf" or "-inf". */
static int real_value(struct toml *t, json_t **out)
{
	double v = al_json_strtod(t->str.s);

	if (isinf(v))
		*out = json_string(v < 0 ? "-inf" : "inf");
	else
		*out = json_real(v);
	return *out ? 0 : al_error_oom();
}

/* An integer, float, inf or nan at pos (*out NULL when there is none). */
static int number(struct toml *t, json_t **out)
{
	int c = peek(t, 0), sign = c == '-' ? -1 : 1;
	size_t skip = c == '+' || c == '-';
	uint64_t v = 0, limit;
	bool real = false;

	*out = NULL;
	t->str.len = 0;
	if (c == '0' && (peek(t, 1) == 'x' || peek(t, 1) == 'o' || peek(t, 1) == 'b')) {
		int base = peek(t, 1) == 'x' ? 16 : peek(t, 1) == 'o' ? 8 : 2;
		int d = hexval(peek(t, 2));

		if (d >= 0 && d < base) {
			t->pos += 2;
			if (digit_run(t, base) == SIZE_MAX)
				return al_error_oom();
			for (size_t i = 0; i < t->str.len; i++) {
				if (v >
				    (UINT64_C(0x7FFFFFFFFFFFFFFF) - (uint64_t)hexval(t->str.s[i])) /
					    (uint64_t)base)
					return fail(t, "integer out of the 64-bit range");
				v = v * (uint64_t)base + (uint64_t)hexval(t->str.s[i]);
			}
			return (*out = json_integer((json_int_t)v)) ? 0 : al_error_oom();
		}
	}
	if (starts(t, "inf") || starts(t, "nan") ||
	    (skip && (t->len - t->pos >= 4) &&
	     (memcmp(t->s + t->pos + 1, "inf", 3) == 0 ||
	      memcmp(t->s + t->pos + 1, "nan", 3) == 0))) {
		bool nan = t->s[t->pos + skip] == 'n';

		t->pos += 3 + skip;
		*out = json_string(nan ? "nan" : sign < 0 ? "-inf" : "inf");
		return *out ? 0 : al_error_oom();
	}
	if (!digit(peek(t, skip)))
		return 0;
	if (sign < 0 && put(&t->str, "-", 1) < 0)
		return al_error_oom();
	t->pos += skip;
	if (peek(t, 0) == '0') {
		t->pos++;
		if (put(&t->str, "0", 1) < 0)
			return al_error_oom();
	} else if (digit_run(t, 10) == SIZE_MAX) {
		return al_error_oom();
	}
	if (peek(t, 0) == '.' && digit(peek(t, 1))) {
		real = true;
		t->pos++;
		if (put(&t->str, ".", 1) < 0 || digit_run(t, 10) == SIZE_MAX)
			return al_error_oom();
	}
	if ((peek(t, 0) == 'e' || peek(t, 0) == 'E') &&
	    (digit(peek(t, 1)) ||
	     ((peek(t, 1) == '+' || peek(t, 1) == '-') && digit(peek(t, 2))))) {
		real = true;
		if (put(&t->str, "e", 1) < 0)
			return al_error_oom();
		t->pos++;
		if (peek(t, 0) == '+' || peek(t, 0) == '-') {
			if (put(&t->str, &t->s[t->pos], 1) < 0)
				return al_error_oom();
			t->pos++;
		}
		if (digit_run(t, 10) == SIZE_MAX)
			return al_error_oom();
	}
	if (real)
		return real_value(t, out);
	limit = sign < 0 ? UINT64_C(0x8000000000000000) : UINT64_C(0x7FFFFFFFFFFFFFFF);
	for (size_t i = sign < 0; i < t->str.len; i++) {
		uint64_t d = (uint64_t)(t->str.s[i] - '0');

		if (v > (limit - d) / 10)
			return fail(t, "integer out of the 64-bit range");
		v = v * 10 + d;
	}
	*out = json_integer(sign < 0 ? (json_int_t)(0 - v) : (json_int_t)v);
	return *out ? 0 : al_error_oom();
}

static int value(struct toml *t, json_t **out, unsigned depth);

/* An array at pos ('['); its values one level below `depth`. */
static int array(struct toml *t, json_t **out, unsigned depth)
{
	int error = 0;
	json_t *a = new_container(t, true, ARRAY_STATIC, depth, &error), *item;

	*out = NULL;
	if (!a)
		return error;
	t->pos++;
	for (;;) {
		unsigned line;

		if ((error = skip_array_space(t)) < 0)
			goto fail;
		if (peek(t, 0) == ']')
			break;
		line = t->line;
		if ((error = value(t, &item, depth + 1)) < 0)
			goto fail;
		if (json_array_append_new(a, item) < 0) {
			error = al_error_oom();
			goto fail;
		}
		if ((error = al_doc_mark_item(t->d, a, json_array_size(a) - 1, line)) < 0 ||
		    (error = skip_array_space(t)) < 0)
			goto fail;
		if (peek(t, 0) == ']')
			break;
		if (peek(t, 0) != ',') {
			error = fail(t, "expected ',' or ']' in an array");
			goto fail;
		}
		t->pos++;
	}
	t->pos++;
	*out = a;
	return 0;
fail:
	json_decref(a);
	return error;
}

static int inline_table(struct toml *t, json_t **out, unsigned depth);

/* Sets key k (relative to `table`) to `v` (taken), creating the tables its
 * dots pass through; `inline_kv` for a key inside an inline table. */
static int set_key(struct toml *t, json_t *table, const struct key *k, json_t *v, bool inline_kv)
{
	json_t *cur = table, *next;
	int error = 0;

	for (size_t i = 0; i + 1 < k->n; i++, cur = next) {
		struct kind_slot *ks;

		if (!(next = json_object_get(cur, k->part[i]))) {
			struct kind_slot *here = kind_of(t, cur);

			next = new_container(t, false, inline_kv ? INLINE_OPEN : DOTTED_PENDING,
					     here ? here->depth : 1, &error);
			if (!next || json_object_set_new(cur, k->part[i], next) < 0) {
				json_decref(v);
				return next ? al_error_oom() : error;
			}
			if ((error = al_doc_mark_key(t->d, cur, k->part[i], k->line)) < 0) {
				json_decref(v);
				return error;
			}
			if (inline_kv)
				continue;
		} else if (!(ks = kind_of(t, next)) ||
			   (inline_kv ? ks->kind != INLINE_OPEN
				      : ks->kind != IMPLICIT && ks->kind != DOTTED_PENDING)) {
			json_decref(v);
			return fail_key(t, "key ", k->part[i],
					" is no table these keys may add to");
		} else if (ks->kind == DOTTED_PENDING || inline_kv) {
			continue;
		} else {
			ks->kind = DOTTED_PENDING;
		}
		if (t->npending == t->cappending) {
			size_t cap = t->cappending ? t->cappending * 2 : 16;
			json_t **grown = realloc(t->pending, cap * sizeof(*grown));

			if (!grown) {
				json_decref(v);
				return al_error_oom();
			}
			t->pending = grown;
			t->cappending = cap;
		}
		t->pending[t->npending++] = next;
	}
	if (json_object_get(cur, k->part[k->n - 1])) {
		json_decref(v);
		return fail_key(t, "duplicate key ", k->part[k->n - 1], "");
	}
	if (json_object_set_new(cur, k->part[k->n - 1], v) < 0)
		return al_error_oom();
	return al_doc_mark_key(t->d, cur, k->part[k->n - 1], k->line);
}

/* "key = value" at pos, into `table` (at `depth`). */
static int key_value(struct toml *t, json_t *table, unsigned depth, bool inline_kv)
{
	struct key k;
	json_t *v;
	int error;

	if ((error = key(t, &k)) < 0)
		goto out;
	if (peek(t, 0) != '=') {
		error = fail(t, "expected '=' after a key");
		goto out;
	}
	t->pos++;
	skip_ws(t);
	/* a value under a dotted key lies as deep as the key's last table */
	if ((error = value(t, &v, depth + (unsigned)k.n - 1)) < 0)
		goto out;
	error = set_key(t, table, &k, v, inline_kv);
out:
	key_free(&k);
	return error;
}

static int inline_table(struct toml *t, json_t **out, unsigned depth)
{
	int error = 0;
	json_t *tab = new_container(t, false, INLINE_OPEN, depth, &error);

	*out = NULL;
	if (!tab)
		return error;
	t->pos++;
	skip_ws(t);
	if (peek(t, 0) != '}') {
		for (;;) {
			if ((error = key_value(t, tab, depth + 1, true)) < 0)
				goto fail;
			skip_ws(t);
			if (peek(t, 0) == '}')
				break;
			if (peek(t, 0) != ',') {
				error = fail(t, "expected ',' or '}' in an inline table");
				goto fail;
			}
			t->pos++;
			skip_ws(t);
		}
	}
	t->pos++;
	if ((error = set_kind(t, tab, INLINE, depth + 1)) < 0)
		goto fail;
	*out = tab;
	return 0;
fail:
	json_decref(tab);
	return error;
}

/* A value at pos; containers it makes lie one level below `depth`. */
static int value(struct toml *t, json_t **out, unsigned depth)
{
	int c = peek(t, 0), error;

	*out = NULL;
	if (c == '"' || c == '\'') {
		if ((error = string(t, true)) < 0)
			return error;
		return (*out = json_stringn(t->str.s, t->str.len)) ? 0 : al_error_oom();
	}
	if (starts(t, "true") || starts(t, "false")) {
		t->pos += c == 't' ? 4 : 5;
		*out = json_boolean(c == 't');
		return 0;
	}
	if (c == '[')
		return array(t, out, depth);
	if (c == '{')
		return inline_table(t, out, depth);
	if ((error = datetime(t, out)) < 0 || *out)
		return error;
	if ((error = number(t, out)) < 0 || *out)
		return error;
	return fail(t, "invalid value");
}

/* --- sections ------------------------------------------------------------------------- */

/* [header] or [[header]] at pos: t->table becomes the table it names. */
static int header(struct toml *t)
{
	bool aot = peek(t, 1) == '[';
	json_t *cur = t->d->root, *next;
	struct kind_slot *ks;
	unsigned depth = 1;
	struct key k;
	int error;

	/* dotted keys of the section that ends close the tables they made */
	for (size_t i = 0; i < t->npending; i++)
		if ((ks = kind_of(t, t->pending[i])) && ks->kind == DOTTED_PENDING)
			ks->kind = DOTTED;
	t->npending = 0;
	t->pos += aot ? 2 : 1;
	skip_ws(t);
	if ((error = key(t, &k)) < 0)
		goto out;
	if (!starts(t, aot ? "]]" : "]")) {
		error = fail(t, aot ? "expected ']]' after a table name"
				    : "expected ']' after a table name");
		goto out;
	}
	t->pos += aot ? 2 : 1;
	for (size_t i = 0; i < k.n; i++, cur = next) {
		bool last = i + 1 == k.n;

		if (!(next = json_object_get(cur, k.part[i]))) {
			bool list = last && aot;

			next = new_container(t, list,
					     list   ? ARRAY_OF_TABLES
					     : last ? EXPLICIT
						    : IMPLICIT,
					     depth, &error);
			if (!next)
				goto out;
			if (json_object_set_new(cur, k.part[i], next) < 0) {
				error = al_error_oom();
				goto out;
			}
			if ((error = al_doc_mark_key(t->d, cur, k.part[i], k.line)) < 0)
				goto out;
		} else if (!(ks = kind_of(t, next)) || ks->kind == INLINE ||
			   ks->kind == ARRAY_STATIC) {
			error = fail_key(t, "table ", k.part[i],
					 " cannot be extended: it is a value");
			goto out;
		} else if (last && !aot && ks->kind != IMPLICIT) {
			error = fail_key(t, "table ", k.part[i], " is defined twice");
			goto out;
		} else if (last && !aot) {
			ks->kind = EXPLICIT;
		} else if (last && ks->kind != ARRAY_OF_TABLES) {
			error = fail_key(t, "", k.part[i], " is no array of tables");
			goto out;
		}
		depth++;
		if (json_is_array(next)) {
			json_t *elem;

			if (last) {
				if (!(elem = new_container(t, false, EXPLICIT, depth, &error)))
					goto out;
				if (json_array_append_new(next, elem) < 0) {
					error = al_error_oom();
					goto out;
				}
				if ((error = al_doc_mark_item(t->d, next, json_array_size(next) - 1,
							      k.line)) < 0)
					goto out;
			}
			next = json_array_get(next, json_array_size(next) - 1);
			depth++;
		}
	}
	t->table = cur;
out:
	key_free(&k);
	return error;
}

/* The line of the first byte that is not UTF-8, or 0. */
static unsigned bad_utf8_line(const unsigned char *s, size_t len)
{
	unsigned line = 1;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = s[i] < 0x80 ? 1 : al_utf8_decode(s + i, len - i, &cp);

		if (!n)
			return line;
		line += s[i] == '\n';
		i += n;
	}
	return 0;
}

int al_toml_load(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap)
{
	struct toml t = { .s = buf, .len = len, .line = 1, .d = d, .why = why, .cap = cap };
	unsigned bad;
	int error = 0;

	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		snprintf(why, cap, "line 1: byte order mark");
		return AIRLOCK_EINVALID;
	}
	if ((bad = bad_utf8_line(buf, len))) {
		snprintf(why, cap, "line %u: not UTF-8", bad);
		return AIRLOCK_EINVALID;
	}
	if (!(d->root = json_object()))
		return al_error_oom();
	if ((error = set_kind(&t, d->root, EXPLICIT, 1)) < 0)
		goto out;
	t.table = d->root;
	while (t.pos < t.len) {
		int c;
		struct kind_slot *ks;

		skip_ws(&t);
		if (take_newline(&t))
			continue;
		c = peek(&t, 0);
		if (c < 0)
			break;
		if (c == '[') {
			error = header(&t);
		} else if (bare_key_char(c) || c == '"' || c == '\'') {
			ks = kind_of(&t, t.table);
			error = key_value(&t, t.table, ks ? ks->depth : 1, false);
		} else if (c != '#') {
			error = fail(&t, "expected a key or a [table]");
		}
		if (error < 0)
			goto out;
		skip_ws(&t);
		if ((error = skip_comment(&t)) < 0)
			goto out;
		if (t.pos < t.len && !take_newline(&t)) {
			error = fail(&t, "expected the end of the line");
			goto out;
		}
	}
	error = al_doc_emit(d);
out:
	if (error < 0) {
		json_decref(d->root);
		d->root = NULL;
		d->nmarks = 0;
	}
	free(t.slots);
	free(t.pending);
	free(t.str.s);
	return error;
}
