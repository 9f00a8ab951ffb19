/*
 * state.c - the memory scan's state file: a pure parser (fuzzed by
 * tests/fuzz/fuzz_state.c) and its serializer.
 *
 * The format is lines of tab-separated fields, read in one pass without a
 * general-purpose parser (an unchanged rescan is mostly this parse):
 *
 *   airlock-memory-state 2
 *   S  <signature-set version>                  one per version; F names it by number
 *   C  <signature-set version>                  then its rules (not the built-in ones):
 *   R  <signature|user> <severity> <id> <name> <category> <confidence> <description>
 *   F  <S#> <s|b|u> <dev> <ino> <size> <mtime s> <mtime ns> <ctime s> <ctime ns>
 *      <sha256 or -> <findings> <path>          one per file, sorted by path
 *   f  <severity> <whole file 0|1> <line> <column> <end line> <end column>
 *      <rule> <category> <confidence> <message> <excerpt> <- or =hidden>
 *                                               as many as F said, after it
 *   end <SHA-256 of every byte before this line>
 *
 * Strings are written with every control byte and the backslash as \xHH, so
 * no field holds a tab or a newline. Strict: an unknown version, a field out
 * of range, an unsorted or repeated path, a count that does not match, or a
 * closing digest that does not match rejects the whole file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/limits.h"
#include "memory/state.h"

#define STATE_HEADER "airlock-memory-state 2\n"
#define STATE_END    "end\t"
/* "end\t" + 64 hex digits + "\n" */
#define END_LEN      (sizeof(STATE_END) - 1 + SHA256_HEX_LEN + 1)

AL_SEAM_DEFINE(size_t, al_state_max_bytes, LIMIT_STATE_BYTES);

static void file_clear(struct state_file *f)
{
	free(f->path);
	al_findings_free(&f->fs);
	memset(f, 0, sizeof(*f));
}

void al_state_free(struct state *st)
{
	for (size_t i = 0; i < st->count; i++)
		file_clear(&st->v[i]);
	free(st->v);
	al_rules_clear(&st->rules);
	memset(st, 0, sizeof(*st));
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct state_file *)a)->path, ((const struct state_file *)b)->path);
}

void al_state_sort(struct state *st)
{
	if (st->count > 1)
		qsort(st->v, st->count, sizeof(st->v[0]), by_path);
}

const struct state_file *al_state_find(const struct state *st, const char *path)
{
	struct state_file key = { .path = (char *)path };

	if (!st->count)
		return NULL;
	return bsearch(&key, st->v, st->count, sizeof(st->v[0]), by_path);
}

int al_state_put(struct state *st, struct state_file *f)
{
	struct state_file *v;

	if (st->count == st->alloc) {
		size_t n = st->alloc ? st->alloc * 2 : 64;

		if (n > SIZE_MAX / sizeof(*v) || !(v = realloc(st->v, n * sizeof(*v))))
			return al_error_oom();
		st->v = v;
		st->alloc = n;
	}
	st->v[st->count++] = *f;
	memset(f, 0, sizeof(*f));
	return 0;
}

static const char verdict_char[] = {
	[STATE_SCANNED] = 's', [STATE_BINARY] = 'b', [STATE_UNREAD] = 'u'
};

/* --- parse ------------------------------------------------------------------ */

/* One line's fields: where each starts in the buffer and how long it is. */
#define MAX_FIELDS 13

struct line {
	const char *f[MAX_FIELDS];
	size_t n[MAX_FIELDS];
	size_t count;
};

/* Splits [p, end) into at most MAX_FIELDS fields; false when there are more. */
static bool split(struct line *l, const char *p, const char *end)
{
	l->count = 0;
	for (;;) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		const char *stop = tab ? tab : end;

		if (l->count == MAX_FIELDS)
			return false;
		l->f[l->count] = p;
		l->n[l->count++] = (size_t)(stop - p);
		if (!tab)
			return true;
		p = tab + 1;
	}
}

static bool field_is(const struct line *l, size_t i, const char *s)
{
	return l->n[i] == strlen(s) && memcmp(l->f[i], s, l->n[i]) == 0;
}

/* A decimal number as the serializer writes it: no sign, no leading zero. */
static bool get_u64(const struct line *l, size_t i, uint64_t max, uint64_t *out)
{
	const char *p = l->f[i];
	size_t n = l->n[i];
	uint64_t v = 0;

	if (n == 0 || n > 20 || (n > 1 && p[0] == '0'))
		return false;
	for (size_t k = 0; k < n; k++) {
		unsigned d = (unsigned char)p[k] - '0';

		if (d > 9 || v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	if (v > max)
		return false;
	*out = v;
	return true;
}

static bool get_i64(const struct line *l, size_t i, int64_t *out)
{
	struct line tail = *l;
	bool neg = l->n[i] > 0 && l->f[i][0] == '-';
	uint64_t v;

	tail.f[i] += neg;
	tail.n[i] -= neg;
	if (!get_u64(&tail, i, neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX, &v) ||
	    (neg && v == 0))
		return false;
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	return true;
}

static bool get_uint(const struct line *l, size_t i, unsigned int *out)
{
	uint64_t v;

	if (!get_u64(l, i, 0xffffffffu, &v))
		return false;
	*out = (unsigned int)v;
	return true;
}

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Lower-case hex digits: the bytes a digest is written with. */
static const bool hexdigit[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
	['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
};

static bool get_hex(const struct line *l, size_t i, char out[SHA256_HEX_LEN + 1])
{
	const unsigned char *p = (const unsigned char *)l->f[i];
	bool ok = true;

	if (l->n[i] != SHA256_HEX_LEN)
		return false;
	for (size_t k = 0; k < SHA256_HEX_LEN; k++)
		ok &= hexdigit[p[k]];
	if (!ok)
		return false;
	memcpy(out, l->f[i], SHA256_HEX_LEN);
	out[SHA256_HEX_LEN] = '\0';
	return true;
}

/* Whether byte c is written as \xHH. */
static bool escaped(unsigned char c)
{
	return c < 0x20 || c == 0x7f || c == '\\';
}

/* The string in [p, p+n), unescaped (new); NULL when malformed or out of
 * memory (*oom says which). */
static char *get_string(const char *p, size_t n, bool *oom)
{
	char *s = malloc(n + 1), *o = s;

	if (!s) {
		*oom = true;
		return NULL;
	}
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)p[k];
		int hi, lo;

		if (c != '\\') {
			if (escaped(c))
				goto bad;
			*o++ = (char)c;
			continue;
		}
		if (n - k < 4 || p[k + 1] != 'x' || (hi = hexval((unsigned char)p[k + 2])) < 0 ||
		    (lo = hexval((unsigned char)p[k + 3])) < 0)
			goto bad;
		c = (unsigned char)(hi << 4 | lo);
		if (c == 0 || !escaped(c)) /* one spelling per string, and no NUL */
			goto bad;
		*o++ = (char)c;
		k += 3;
	}
	*o = '\0';
	return s;
bad:
	free(s);
	return NULL;
}

struct parser {
	const char *p, *end;
	char (*sigs)[SHA256_HEX_LEN + 1];
	size_t nsigs, sigs_alloc;
	bool oom;
};

/* The next line (without its newline) into l; false at the end or when the
 * last line has no newline. */
static bool next_line(struct parser *ps, struct line *l, bool *ok)
{
	const char *nl;

	*ok = false;
	if (ps->p == ps->end)
		return false;
	if (!(nl = memchr(ps->p, '\n', (size_t)(ps->end - ps->p))))
		return false;
	*ok = split(l, ps->p, nl);
	ps->p = nl + 1;
	return true;
}

static bool parse_finding(struct airlock_finding *f, const struct line *l, const char *path,
			  bool *oom)
{
	char sev[16];
	airlock_severity s;

	memset(f, 0, sizeof(*f));
	if (l->count != 13 || !field_is(l, 0, "f") || l->n[1] == 0 || l->n[1] >= sizeof(sev))
		return false;
	memcpy(sev, l->f[1], l->n[1]);
	sev[l->n[1]] = '\0';
	if (airlock_severity_parse(&s, sev) < 0 || strcmp(sev, airlock_severity_name(s)) != 0 ||
	    !(field_is(l, 2, "0") || field_is(l, 2, "1")) || !get_uint(l, 3, &f->line) ||
	    !get_uint(l, 4, &f->column) || !get_uint(l, 5, &f->end_line) ||
	    !get_uint(l, 6, &f->end_column) || l->n[12] == 0 ||
	    (l->f[12][0] == '-' ? l->n[12] != 1 : l->f[12][0] != '='))
		return false;
	f->severity = s;
	f->whole_file = l->f[2][0] == '1';
	f->located = true;
	if (!(f->rule = get_string(l->f[7], l->n[7], oom)) ||
	    !(f->category = get_string(l->f[8], l->n[8], oom)) ||
	    !(f->confidence = get_string(l->f[9], l->n[9], oom)) ||
	    !(f->message = get_string(l->f[10], l->n[10], oom)) ||
	    !(f->excerpt = get_string(l->f[11], l->n[11], oom)))
		return false;
	if (l->f[12][0] == '=' && !(f->hidden = get_string(l->f[12] + 1, l->n[12] - 1, oom)))
		return false;
	if (!(f->file = strdup(path))) {
		*oom = true;
		return false;
	}
	return true;
}

static bool parse_file(struct parser *ps, struct state_file *f, const struct line *l)
{
	uint64_t sig, n, v;
	struct line fl;
	bool ok;

	if (l->count != 13 || !field_is(l, 0, "F") || ps->nsigs == 0 ||
	    !get_u64(l, 1, ps->nsigs - 1, &sig) || l->n[2] != 1)
		return false;
	switch (l->f[2][0]) {
	case 's':
		f->verdict = STATE_SCANNED;
		break;
	case 'b':
		f->verdict = STATE_BINARY;
		break;
	case 'u':
		f->verdict = STATE_UNREAD;
		break;
	default:
		return false;
	}
	if (!get_u64(l, 3, UINT64_MAX, &f->stamp.dev) ||
	    !get_u64(l, 4, UINT64_MAX, &f->stamp.ino) ||
	    !get_u64(l, 5, INT64_MAX, &f->stamp.size) || !get_i64(l, 6, &f->stamp.mtime_sec) ||
	    !get_u64(l, 7, 999999999, &v))
		return false;
	f->stamp.mtime_nsec = (long)v;
	if (!get_i64(l, 8, &f->stamp.ctime_sec) || !get_u64(l, 9, 999999999, &v))
		return false;
	f->stamp.ctime_nsec = (long)v;
	if (field_is(l, 10, "-"))
		f->sha256[0] = '\0';
	else if (!get_hex(l, 10, f->sha256))
		return false;
	if (f->verdict == STATE_SCANNED && !f->sha256[0])
		return false;
	memcpy(f->signatures, ps->sigs[sig], sizeof(f->signatures));
	if (!get_u64(l, 11, LIMIT_FINDINGS_PER_FILE + 1, &n) || l->n[12] == 0 ||
	    l->n[12] > LIMIT_PATH_BYTES * 4 || l->f[12][0] != '/' ||
	    !(f->path = get_string(l->f[12], l->n[12], &ps->oom)))
		return false;
	if (n && !(f->fs.v = calloc(n, sizeof(*f->fs.v)))) {
		ps->oom = true;
		return false;
	}
	f->fs.alloc = n;
	for (uint64_t k = 0; k < n; k++) {
		if (!next_line(ps, &fl, &ok) || !ok)
			return false;
		/* Counted first, so that al_findings_free frees a half-parsed one. */
		if (!parse_finding(&f->fs.v[f->fs.count++], &fl, f->path, &ps->oom))
			return false;
	}
	return true;
}

static bool parse_sig(struct parser *ps, const struct line *l)
{
	if (l->count != 2 || ps->nsigs == LIMIT_STATE_FILES)
		return false;
	if (ps->nsigs == ps->sigs_alloc) {
		size_t n = ps->sigs_alloc ? ps->sigs_alloc * 2 : 4;
		void *v = realloc(ps->sigs, n * sizeof(*ps->sigs));

		if (!v) {
			ps->oom = true;
			return false;
		}
		ps->sigs = v;
		ps->sigs_alloc = n;
	}
	return get_hex(l, 1, ps->sigs[ps->nsigs++]);
}

static bool parse_rule(struct state *st, const struct line *l, bool *oom)
{
	char *v[5] = { 0 };
	const char *source;
	airlock_severity sev;
	char name[16];
	bool ok = false;

	if (l->count != 8 || l->n[2] == 0 || l->n[2] >= sizeof(name))
		return false;
	if (field_is(l, 1, "signature"))
		source = "signature";
	else if (field_is(l, 1, "user"))
		source = "user";
	else
		return false;
	memcpy(name, l->f[2], l->n[2]);
	name[l->n[2]] = '\0';
	if (airlock_severity_parse(&sev, name) < 0 || strcmp(name, airlock_severity_name(sev)) != 0)
		return false;
	for (size_t i = 0; i < 5; i++)
		if (!(v[i] = get_string(l->f[3 + i], l->n[3 + i], oom)))
			goto out;
	if (al_rules_add(&st->rules, v[0], v[1], v[2], sev, v[3], v[4], source) == 0)
		ok = true;
	else if (airlock_error_last() && strstr(airlock_error_last(), "out of memory"))
		*oom = true;
out:
	for (size_t i = 0; i < 5; i++)
		free(v[i]);
	return ok;
}

/* The closing line: where it starts, when it is there and its digest is
 * that of the bytes before it. */
static int check_end(size_t *body, const unsigned char *buf, size_t len)
{
	char want[SHA256_HEX_LEN + 1];
	const char *end;
	int error;

	if (len < sizeof(STATE_HEADER) - 1 + END_LEN ||
	    memcmp(buf, STATE_HEADER, sizeof(STATE_HEADER) - 1) != 0)
		return al_error_set(AIRLOCK_EINVALID, "state file has an unknown layout");
	end = (const char *)buf + len - END_LEN;
	if (memcmp(end, STATE_END, sizeof(STATE_END) - 1) != 0 || buf[len - 1] != '\n' ||
	    end[-1] != '\n')
		return al_error_set(AIRLOCK_EINVALID, "state file is truncated");
	*body = len - END_LEN;
	if ((error = al_hash_sha256_hex(want, buf, *body)) < 0)
		return error;
	if (memcmp(want, end + sizeof(STATE_END) - 1, SHA256_HEX_LEN) != 0)
		return al_error_set(AIRLOCK_EINVALID, "state file does not match its digest");
	return 0;
}

int al_state_parse(struct state *out, const unsigned char *buf, size_t len)
{
	struct parser ps = { 0 };
	struct line l;
	size_t body = 0, i = 0;
	bool ok;
	int error;

	memset(out, 0, sizeof(*out));
	if ((error = check_end(&body, buf, len)) < 0)
		return error;
	ps.p = (const char *)buf + sizeof(STATE_HEADER) - 1;
	ps.end = (const char *)buf + body;
	while (next_line(&ps, &l, &ok)) {
		struct state_file f = { 0 };

		if (ok && l.count && field_is(&l, 0, "S") && out->count == 0 &&
		    !out->rules.version[0]) {
			if (parse_sig(&ps, &l))
				continue;
		} else if (ok && l.count == 2 && field_is(&l, 0, "C") && out->count == 0 &&
			   !out->rules.version[0]) {
			if (get_hex(&l, 1, out->rules.version))
				continue;
		} else if (ok && l.count && field_is(&l, 0, "R") && out->count == 0 &&
			   out->rules.version[0]) {
			if (out->rules.count < LIMIT_STATE_FILES && parse_rule(out, &l, &ps.oom))
				continue;
		} else if (ok && out->count < LIMIT_STATE_FILES && parse_file(&ps, &f, &l) &&
			   (!out->count || strcmp(out->v[out->count - 1].path, f.path) < 0)) {
			if ((error = al_state_put(out, &f)) < 0) {
				file_clear(&f);
				goto out;
			}
			i++;
			continue;
		}
		file_clear(&f);
		error = ps.oom ? al_error_oom()
			       : al_error_set(AIRLOCK_EINVALID,
					      "state file record %zu is malformed or out of order",
					      i + 1);
		goto out;
	}
out:
	free(ps.sigs);
	if (error < 0)
		al_state_free(out);
	return error;
}

/* --- serialize ----------------------------------------------------------------- */

struct sbuf {
	char *p;
	size_t len, cap;
	bool oom;
};

static bool reserve(struct sbuf *b, size_t n)
{
	char *p;
	size_t cap;

	if (b->oom)
		return false;
	if (b->cap - b->len >= n)
		return true;
	cap = b->cap ? b->cap : 4096;
	while (cap - b->len < n) {
		if (cap > SIZE_MAX / 2) {
			b->oom = true;
			return false;
		}
		cap *= 2;
	}
	if (!(p = realloc(b->p, cap))) {
		b->oom = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

static void put(struct sbuf *b, const char *s, size_t n)
{
	if (reserve(b, n)) {
		memcpy(b->p + b->len, s, n);
		b->len += n;
	}
}

static void puts_(struct sbuf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void putc_(struct sbuf *b, char c)
{
	put(b, &c, 1);
}

static void put_u64(struct sbuf *b, uint64_t v)
{
	char tmp[24];
	int n = snprintf(tmp, sizeof(tmp), "\t%llu", (unsigned long long)v);

	put(b, tmp, (size_t)n);
}

static void put_i64(struct sbuf *b, int64_t v)
{
	char tmp[24];
	int n = snprintf(tmp, sizeof(tmp), "\t%lld", (long long)v);

	put(b, tmp, (size_t)n);
}

/* The string with control bytes and backslashes as \xHH. */
static void put_escaped(struct sbuf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";

	while (s && *s) {
		size_t run = 0;

		while (s[run] && !escaped((unsigned char)s[run]))
			run++;
		put(b, s, run);
		s += run;
		if (*s) {
			char e[4] = { '\\', 'x', hex[(unsigned char)*s >> 4],
				      hex[(unsigned char)*s & 15] };

			put(b, e, 4);
			s++;
		}
	}
}

static void put_string(struct sbuf *b, const char *s)
{
	putc_(b, '\t');
	put_escaped(b, s);
}

static void put_finding(struct sbuf *b, const struct airlock_finding *f)
{
	putc_(b, 'f');
	putc_(b, '\t');
	puts_(b, airlock_severity_name(f->severity));
	puts_(b, f->whole_file ? "\t1" : "\t0");
	put_u64(b, f->line);
	put_u64(b, f->column);
	put_u64(b, f->end_line);
	put_u64(b, f->end_column);
	put_string(b, f->rule);
	put_string(b, f->category);
	put_string(b, f->confidence);
	put_string(b, f->message);
	put_string(b, f->excerpt);
	if (f->hidden) {
		puts_(b, "\t=");
		put_escaped(b, f->hidden);
	} else {
		puts_(b, "\t-");
	}
	putc_(b, '\n');
}

static void put_file(struct sbuf *b, const struct state_file *f, size_t sig)
{
	putc_(b, 'F');
	put_u64(b, sig);
	putc_(b, '\t');
	putc_(b, verdict_char[f->verdict]);
	put_u64(b, f->stamp.dev);
	put_u64(b, f->stamp.ino);
	put_u64(b, f->stamp.size);
	put_i64(b, f->stamp.mtime_sec);
	put_u64(b, (uint64_t)f->stamp.mtime_nsec);
	put_i64(b, f->stamp.ctime_sec);
	put_u64(b, (uint64_t)f->stamp.ctime_nsec);
	putc_(b, '\t');
	puts_(b, f->sha256[0] ? f->sha256 : "-");
	put_u64(b, f->fs.count);
	put_string(b, f->path);
	putc_(b, '\n');
	for (size_t i = 0; i < f->fs.count; i++)
		put_finding(b, &f->fs.v[i]);
}

/* The catalogue, but for the built-in rules. */
static void put_rules(struct sbuf *b, const struct airlock_rules *r)
{
	if (!r->version[0])
		return;
	puts_(b, "C\t");
	puts_(b, r->version);
	putc_(b, '\n');
	for (size_t i = 0; i < r->count; i++) {
		const struct airlock_rule *e = &r->v[i];

		if (strcmp(e->source, "signature") != 0 && strcmp(e->source, "user") != 0)
			continue;
		puts_(b, "R\t");
		puts_(b, e->source);
		putc_(b, '\t');
		puts_(b, airlock_severity_name(e->severity));
		put_string(b, e->id);
		put_string(b, e->name);
		put_string(b, e->category);
		put_string(b, e->confidence);
		put_string(b, e->description);
		putc_(b, '\n');
	}
}

/* The index of `sig` in the table, adding it. */
static size_t sig_index(char (*sigs)[SHA256_HEX_LEN + 1], size_t *n, const char *sig)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(sigs[i], sig) == 0)
			return i;
	memcpy(sigs[*n], sig, SHA256_HEX_LEN + 1);
	return (*n)++;
}

struct record {
	size_t off, len, index;
	bool dropped;
};

static int larger_first(const void *a, const void *b)
{
	const struct record *x = *(const struct record *const *)a;
	const struct record *y = *(const struct record *const *)b;

	if (x->len != y->len)
		return x->len < y->len ? 1 : -1;
	return x->index < y->index ? -1 : 1;
}

/* Leaves out the largest records until the rest and `fixed` bytes fit in
 * `max` and there are at most LIMIT_STATE_FILES of them. */
static int fit(struct record *rec, size_t n, size_t fixed, size_t max, size_t *dropped)
{
	size_t total = fixed, kept = n;
	struct record **order;

	for (size_t i = 0; i < n; i++)
		total += rec[i].len;
	*dropped = 0;
	if (total <= max && n <= LIMIT_STATE_FILES)
		return 0;
	if (!(order = malloc(n * sizeof(*order))))
		return al_error_oom();
	for (size_t i = 0; i < n; i++)
		order[i] = &rec[i];
	qsort(order, n, sizeof(*order), larger_first);
	for (size_t i = 0; i < n && (total > max || kept > LIMIT_STATE_FILES); i++) {
		order[i]->dropped = true;
		total -= order[i]->len;
		kept--;
		(*dropped)++;
	}
	free(order);
	return total <= max
		       ? 0
		       : al_error_set(AIRLOCK_ERROR, "the state does not fit in %zu bytes", max);
}

int al_state_serialize(char **out, size_t *len, size_t *dropped, const struct state *st, size_t max)
{
	char(*sigs)[SHA256_HEX_LEN + 1] = calloc(st->count + 1, sizeof(*sigs));
	struct record *rec = calloc(st->count + 1, sizeof(*rec));
	struct sbuf recs = { 0 }, b = { 0 };
	size_t nsigs = 0, fixed;
	char digest[SHA256_HEX_LEN + 1];
	int error = 0;

	*out = NULL;
	*len = 0;
	*dropped = 0;
	if (!sigs || !rec) {
		error = al_error_oom();
		goto out;
	}
	for (size_t i = 0; i < st->count; i++) {
		rec[i].off = recs.len;
		rec[i].index = i;
		put_file(&recs, &st->v[i], sig_index(sigs, &nsigs, st->v[i].signatures));
		rec[i].len = recs.len - rec[i].off;
	}
	if (recs.oom) {
		error = al_error_oom();
		goto out;
	}
	puts_(&b, STATE_HEADER);
	for (size_t i = 0; i < nsigs; i++) {
		puts_(&b, "S\t");
		put(&b, sigs[i], SHA256_HEX_LEN);
		putc_(&b, '\n');
	}
	put_rules(&b, &st->rules);
	fixed = b.len + END_LEN;
	if (b.oom) {
		error = al_error_oom();
		goto out;
	}
	if ((error = fit(rec, st->count, fixed, max, dropped)) < 0)
		goto out;
	for (size_t i = 0; i < st->count; i++)
		if (!rec[i].dropped)
			put(&b, recs.p + rec[i].off, rec[i].len);
	if (b.oom || (error = al_hash_sha256_hex(digest, b.p, b.len)) < 0) {
		error = error < 0 ? error : al_error_oom();
		goto out;
	}
	puts_(&b, STATE_END);
	put(&b, digest, SHA256_HEX_LEN);
	putc_(&b, '\n');
	if (b.oom) {
		error = al_error_oom();
		goto out;
	}
	*out = b.p;
	*len = b.len;
	b.p = NULL;
out:
	free(b.p);
	free(recs.p);
	free(rec);
	free(sigs);
	return error;
}
