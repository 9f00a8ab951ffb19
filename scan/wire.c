/*
 * wire.c - the scan's findings across the sandbox pipe.
 *
 * The child parses attacker-controlled bytes; the parent trusts nothing it
 * sends back. The format is compact and length-prefixed, and the parent
 * checks every field: a magic line, then records
 *   'F' kind(u32) scanned(u8) count(u32) path(str)          a scanned file,
 *                                          its `count` findings right after
 *   'X' severity(u32) flags(u8) line col end_line end_col (u32 x4)
 *       start end (u64 x2) rule category confidence file message
 *       excerpt hidden (str x7)                              a finding
 *   'E'                                                      the end
 * where str is a u32 length (0xffffffff: none) and that many bytes without
 * NUL. Anything short, long, out of range or after 'E' is an error.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/error.h"
#include "common/limits.h"
#include "scan/wire.h"

#define MAGIC     "airlock-scan-2\n"
#define NO_STRING 0xffffffffu

struct out {
	unsigned char *buf;
	size_t len, cap;
	bool failed;
};

static void put(struct out *o, const void *p, size_t n)
{
	if (o->failed)
		return;
	if (o->len + n > o->cap) {
		size_t cap = o->cap ? o->cap : 4096;
		unsigned char *grown;

		while (cap < o->len + n)
			cap *= 2;
		if (!(grown = realloc(o->buf, cap))) {
			o->failed = true;
			return;
		}
		o->buf = grown;
		o->cap = cap;
	}
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

static void put_u32(struct out *o, uint32_t v)
{
	put(o, &v, sizeof(v));
}

static void put_u64(struct out *o, uint64_t v)
{
	put(o, &v, sizeof(v));
}

static void put_str(struct out *o, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (s && n >= LIMIT_WIRE_STRING_BYTES)
		n = LIMIT_WIRE_STRING_BYTES - 1; /* the parent would refuse more */
	put_u32(o, s ? (uint32_t)n : NO_STRING);
	if (s)
		put(o, s, n);
}

static void put_finding(struct out *o, const struct airlock_finding *f)
{
	uint8_t flags = (uint8_t)(f->located | f->whole_file << 1 | f->normalized << 2);

	put(o, "X", 1);
	put_u32(o, (uint32_t)f->severity);
	put(o, &flags, 1);
	put_u32(o, f->line);
	put_u32(o, f->column);
	put_u32(o, f->end_line);
	put_u32(o, f->end_column);
	put_u64(o, f->start);
	put_u64(o, f->end);
	put_str(o, f->rule);
	put_str(o, f->category);
	put_str(o, f->confidence);
	put_str(o, f->file);
	put_str(o, f->message);
	put_str(o, f->excerpt);
	put_str(o, f->hidden);
}

int al_scan_wire_encode(unsigned char **out, size_t *len, const airlock_report *r)
{
	struct out o = { 0 };
	size_t next = 0;

	put(&o, MAGIC, strlen(MAGIC));
	for (size_t i = 0; i < r->nfiles; i++) {
		size_t n = r->files[i].nfindings;

		if (n > r->fs.count - next)
			n = r->fs.count - next;
		put(&o, "F", 1);
		put_u32(&o, (uint32_t)r->files[i].kind);
		put(&o, &(uint8_t){ r->files[i].scanned }, 1);
		put_u32(&o, (uint32_t)n);
		put_str(&o, r->files[i].path);
		for (size_t k = 0; k < n; k++)
			put_finding(&o, &r->fs.v[next++]);
	}
	while (next < r->fs.count)
		put_finding(&o, &r->fs.v[next++]);
	put(&o, "E", 1);
	if (o.failed) {
		free(o.buf);
		return -1;
	}
	*out = o.buf;
	*len = o.len;
	return 0;
}

int al_scan_wire_write(int fd, const airlock_report *r)
{
	unsigned char *buf;
	const unsigned char *p;
	size_t left;

	if (al_scan_wire_encode(&buf, &left, r) < 0)
		return -1;
	for (p = buf; left > 0;) {
		ssize_t n = write(fd, p, left);

		if (n <= 0) {
			free(buf);
			return -1;
		}
		p += n;
		left -= (size_t)n;
	}
	free(buf);
	return 0;
}

/* --- reading, in the parent: every byte is checked ----------------------------- */

struct in {
	const unsigned char *p;
	size_t left;
};

static bool get(struct in *in, void *out, size_t n)
{
	if (in->left < n)
		return false;
	memcpy(out, in->p, n);
	in->p += n;
	in->left -= n;
	return true;
}

static bool get_u32(struct in *in, uint32_t *v)
{
	return get(in, v, sizeof(*v));
}

static bool get_u64(struct in *in, uint64_t *v)
{
	return get(in, v, sizeof(*v));
}

/* A new string, or NULL for none (*ok tells the two apart from an error). */
static char *get_str(struct in *in, bool *ok)
{
	uint32_t n;
	char *s;

	if (!*ok || !get_u32(in, &n))
		return *ok = false, NULL;
	if (n == NO_STRING)
		return NULL;
	if (n >= LIMIT_WIRE_STRING_BYTES || in->left < n || memchr(in->p, 0, n))
		return *ok = false, NULL;
	if (!(s = malloc((size_t)n + 1)))
		return *ok = false, NULL;
	memcpy(s, in->p, n);
	s[n] = '\0';
	in->p += n;
	in->left -= n;
	return s;
}

static int add_file_record(airlock_report *r, struct in *in, uint32_t *count)
{
	uint32_t kind = 0;
	uint8_t scanned = 0;
	bool ok = get_u32(in, &kind) && get(in, &scanned, 1) && get_u32(in, count);
	char *path = get_str(in, &ok);
	struct report_file *grown;

	if (!ok || !path || kind > AIRLOCK_KIND_DIRECTORY || scanned > 1) {
		free(path);
		return -1;
	}
	if (!(grown = realloc(r->files, (r->nfiles + 1) * sizeof(*grown)))) {
		free(path);
		return -1;
	}
	r->files = grown;
	r->files_alloc = r->nfiles + 1;
	grown[r->nfiles].path = path;
	grown[r->nfiles].kind = (airlock_kind)kind;
	grown[r->nfiles].scanned = scanned;
	grown[r->nfiles].nfindings = *count;
	r->nfiles++;
	return 0;
}

static int add_finding_record(airlock_report *r, struct in *in)
{
	struct airlock_finding f = { 0 }, *grown;
	uint32_t sev = 0;
	uint64_t start = 0, end = 0;
	uint8_t flags = 0;
	bool ok = get_u32(in, &sev) && get(in, &flags, 1) && get_u32(in, &f.line) &&
		  get_u32(in, &f.column) && get_u32(in, &f.end_line) &&
		  get_u32(in, &f.end_column) && get_u64(in, &start) && get_u64(in, &end);

	f.rule = get_str(in, &ok);
	f.category = get_str(in, &ok);
	f.confidence = get_str(in, &ok);
	f.file = get_str(in, &ok);
	f.message = get_str(in, &ok);
	f.excerpt = get_str(in, &ok);
	f.hidden = get_str(in, &ok);
	if (!ok || !f.rule || !f.file || !f.message || sev < AIRLOCK_SEVERITY_INFO ||
	    sev > AIRLOCK_SEVERITY_CRITICAL || flags > 7 || start > SIZE_MAX || end > SIZE_MAX ||
	    !(grown = realloc(r->fs.v, (r->fs.count + 1) * sizeof(*grown)))) {
		al_finding_clear(&f);
		return -1;
	}
	f.severity = (airlock_severity)sev;
	f.located = flags & 1;
	f.whole_file = flags & 2;
	f.normalized = flags & 4;
	f.start = (size_t)start;
	f.end = (size_t)end;
	r->fs.v = grown;
	r->fs.alloc = r->fs.count + 1;
	r->fs.v[r->fs.count++] = f;
	return 0;
}

int al_scan_wire_read(airlock_report *r, const unsigned char *buf, size_t len)
{
	struct in in = { buf, len };
	char magic[sizeof(MAGIC) - 1];
	size_t records = 0;
	uint32_t owed = 0; /* findings the last file said follow it */

	if (!get(&in, magic, sizeof(magic)) || memcmp(magic, MAGIC, sizeof(magic)) != 0)
		return al_error_set(AIRLOCK_ERROR, "the sandboxed scanner sent no report");
	for (;;) {
		char type;
		int rc;

		if (!get(&in, &type, 1) || ++records > LIMIT_WIRE_RECORDS)
			break;
		if (type != 'X' && owed > 0)
			break;
		if (type == 'E')
			return in.left == 0
				       ? 0
				       : al_error_set(
						 AIRLOCK_ERROR,
						 "the sandboxed scanner's report has trailing bytes");
		if (type == 'F') {
			rc = add_file_record(r, &in, &owed);
		} else if (type == 'X') {
			rc = add_finding_record(r, &in);
			owed -= owed > 0;
		} else
			break;
		if (rc < 0)
			break;
	}
	return al_error_set(AIRLOCK_ERROR, "the sandboxed scanner's report is malformed");
}
