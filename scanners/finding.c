/*
 * finding.c - findings: adding, locating (bytes -> line and column in
 * characters), combining weak signals, sorting and de-duplicating.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/error.h"
#include "common/utf8.h"
#include "common/limits.h"
#include "scanners/context.h"
#include "scanners/finding.h"
#include "scanners/catalogue.h"

static const char *const severity_names[] = {
	[AIRLOCK_SEVERITY_INFO] = "info",         [AIRLOCK_SEVERITY_LOW] = "low",
	[AIRLOCK_SEVERITY_MEDIUM] = "medium",     [AIRLOCK_SEVERITY_HIGH] = "high",
	[AIRLOCK_SEVERITY_CRITICAL] = "critical",
};

const char *airlock_severity_name(airlock_severity s)
{
	if (s < AIRLOCK_SEVERITY_INFO || s > AIRLOCK_SEVERITY_CRITICAL)
		return "unknown";
	return severity_names[s];
}

int airlock_severity_parse(airlock_severity *out, const char *name)
{
	for (int s = AIRLOCK_SEVERITY_INFO; name && s <= AIRLOCK_SEVERITY_CRITICAL; s++)
		if (strcasecmp(name, severity_names[s]) == 0) {
			*out = (airlock_severity)s;
			return 0;
		}
	return al_error_set(AIRLOCK_EINVALID,
			    "unknown severity '%s' (expected info, low, medium, high or critical)",
			    name ? name : "");
}

airlock_severity al_severity_raise(airlock_severity s)
{
	return s < AIRLOCK_SEVERITY_CRITICAL ? s + 1 : AIRLOCK_SEVERITY_CRITICAL;
}

airlock_severity al_severity_lower(airlock_severity s)
{
	return s > AIRLOCK_SEVERITY_INFO ? s - 1 : AIRLOCK_SEVERITY_INFO;
}

void al_finding_clear(struct airlock_finding *f)
{
	free(f->rule);
	free(f->category);
	free(f->confidence);
	free(f->file);
	free(f->message);
	free(f->excerpt);
	free(f->hidden);
}

void al_findings_free(struct findings *fs)
{
	for (size_t i = 0; i < fs->count; i++)
		al_finding_clear(&fs->v[i]);
	free(fs->v);
	memset(fs, 0, sizeof(*fs));
}

static int reserve(struct findings *fs, size_t n)
{
	struct airlock_finding *v;
	size_t want;

	if (fs->count + n <= fs->alloc)
		return 0;
	want = fs->alloc ? fs->alloc : 16;
	while (want < fs->count + n) {
		if (want > SIZE_MAX / 2 / sizeof(*v))
			return al_error_oom();
		want *= 2;
	}
	if (!(v = realloc(fs->v, want * sizeof(*v))))
		return al_error_oom();
	fs->v = v;
	fs->alloc = want;
	return 0;
}

static char *copy_or_null(const char *s, bool *failed)
{
	char *c = s ? strdup(s) : NULL;

	if (s && !c)
		*failed = true;
	return c;
}

int al_findings_copy(struct findings *fs, const struct airlock_finding *f, const char *file)
{
	struct airlock_finding *c;
	bool failed = false;
	int error;

	if ((error = reserve(fs, 1)) < 0)
		return error;
	c = &fs->v[fs->count];
	*c = *f;
	c->rule = copy_or_null(f->rule, &failed);
	c->category = copy_or_null(f->category, &failed);
	c->confidence = copy_or_null(f->confidence, &failed);
	c->file = copy_or_null(file, &failed);
	c->message = copy_or_null(f->message, &failed);
	c->excerpt = copy_or_null(f->excerpt, &failed);
	c->hidden = copy_or_null(f->hidden, &failed);
	if (failed) {
		al_finding_clear(c);
		return al_error_oom();
	}
	fs->count++;
	return 0;
}

int al_findings_move(struct findings *to, struct findings *from)
{
	int error;

	if (from->count && (error = reserve(to, from->count)) < 0)
		return error;
	if (from->count)
		memcpy(to->v + to->count, from->v, from->count * sizeof(*from->v));
	to->count += from->count;
	free(from->v);
	memset(from, 0, sizeof(*from));
	return 0;
}

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

static int add(struct findings *fs, const char *path, const struct finding_spec *s, bool whole_file)
{
	struct airlock_finding *f;
	int error;

	if ((error = reserve(fs, 1)) < 0)
		return error;
	f = &fs->v[fs->count];
	memset(f, 0, sizeof(*f));
	f->rule = dup_or_empty(s->rule);
	f->category = dup_or_empty(s->category);
	f->confidence = dup_or_empty(s->confidence);
	f->file = dup_or_empty(path);
	f->message = dup_or_empty(s->message);
	f->excerpt = strdup("");
	if (s->hidden)
		f->hidden = al_utf8_escape(s->hidden, s->hidden_len, false);
	if (!f->rule || !f->category || !f->confidence || !f->file || !f->message || !f->excerpt ||
	    (s->hidden && !f->hidden)) {
		al_finding_clear(f);
		return al_error_oom();
	}
	f->severity = s->severity;
	f->start = s->start;
	f->end = s->end < s->start ? s->start : s->end;
	f->normalized = s->normalized;
	f->whole_file = whole_file;
	if (whole_file) {
		f->located = true;
		f->line = f->column = f->end_line = f->end_column = 1;
	}
	fs->count++;
	return 0;
}

int al_findings_add(struct findings *fs, const struct scan_input *in, const struct finding_spec *s)
{
	struct finding_spec c = *s;

	/* a span never runs past the file: a parse range of a file with NUL
	 * bytes ends at UINT32_MAX (markdown.c's one range) */
	if (c.end > in->len)
		c.end = in->len;
	if (c.start > c.end)
		c.start = c.end;
	return add(fs, in->path, &c, false);
}

int al_findings_add_file(struct findings *fs, const char *path, const struct finding_spec *s)
{
	return add(fs, path, s, true);
}

/* --- positions -------------------------------------------------------------- */

struct cursor {
	size_t off; /* byte offset reached */
	size_t line_start;
	unsigned int line, column;
};

/* Advances the cursor to `to`, counting lines and characters. A byte that is
 * not UTF-8 counts as one character, as the escaped excerpt shows it. */
static void advance(struct cursor *c, const unsigned char *d, size_t len, size_t to)
{
	if (to > len)
		to = len;
	while (c->off < to) {
		uint32_t cp;
		size_t n = al_utf8_decode(d + c->off, len - c->off, &cp);

		if (n == 0)
			n = 1;
		if (d[c->off] == '\n') {
			c->line++;
			c->column = 1;
			c->line_start = c->off + 1;
		} else {
			c->column++;
		}
		c->off += n;
	}
}

static size_t back_to_boundary(const unsigned char *d, size_t lo, size_t i)
{
	while (i > lo && (d[i] & 0xc0) == 0x80)
		i--;
	return i;
}

/* The line holding the match, cut to LIMIT_EXCERPT_BYTES around it. */
static char *excerpt(const unsigned char *d, size_t len, size_t line_start, size_t start)
{
	size_t end = start, from = line_start, to;
	char *out;

	while (end < len && d[end] != '\n')
		end++;
	if (start - from > LIMIT_EXCERPT_BYTES / 3)
		from = back_to_boundary(d, line_start, start - LIMIT_EXCERPT_BYTES / 3);
	to = end;
	if (to - from > LIMIT_EXCERPT_BYTES)
		to = back_to_boundary(d, from, from + LIMIT_EXCERPT_BYTES);
	while (to > from && (d[to - 1] == '\r' || d[to - 1] == ' ' || d[to - 1] == '\t'))
		to--;
	while (from < to && (d[from] == ' ' || d[from] == '\t'))
		from++;
	out = al_utf8_escape((const char *)d + from, to - from, false);
	return out;
}

static int by_start(const void *a, const void *b)
{
	const struct airlock_finding *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

int al_findings_locate(struct findings *fs, size_t from, const struct scan_input *in)
{
	struct cursor c = { 0, 0, 1, 1 };

	if (from >= fs->count)
		return 0;
	qsort(fs->v + from, fs->count - from, sizeof(fs->v[0]), by_start);
	for (size_t i = from; i < fs->count; i++) {
		struct airlock_finding *f = &fs->v[i];
		struct cursor e;
		char *ex;

		if (f->located)
			continue;
		advance(&c, in->data, in->len, f->start);
		f->line = c.line;
		f->column = c.column;
		if (!(ex = excerpt(in->data, in->len, c.line_start, c.off)))
			return al_error_oom();
		free(f->excerpt);
		f->excerpt = ex;
		e = c;
		advance(&e, in->data, in->len, f->end);
		f->end_line = e.line;
		f->end_column = e.column;
		f->located = true;
	}
	return 0;
}

/* --- combinations ------------------------------------------------------------ */

/* SIG_CHANNEL: an outbound channel stronger than a generic upload command
 * (a capture host, data in an image URL, DNS, the environment sent out):
 * enough, next to a credential path, to be high without concealment. */
enum { SIG_CONCEAL, SIG_CREDENTIAL, SIG_EXFIL, SIG_SECRET, SIG_CHANNEL, SIG_COUNT };

static int signal_of(const struct airlock_finding *f)
{
	/* the intent analysis weighs its own parts: a finding of it is a
	 * judgement, not a part of another one */
	if (strncmp(f->rule, "AL6", 3) == 0 && strcmp(f->rule, "AL615") != 0 &&
	    strcmp(f->rule, "AL616") != 0)
		return -1;
	if (strcmp(f->category, "concealment") == 0)
		return SIG_CONCEAL;
	if (strcmp(f->category, "credential-access") == 0)
		return SIG_CREDENTIAL;
	if (strcmp(f->category, "exfiltration") == 0)
		return SIG_EXFIL;
	if (strcmp(f->category, "embedded-secret") == 0)
		return SIG_SECRET;
	return -1;
}

/* A channel strong enough for AL903: not a generic upload (AL133) or a
 * command that merely talks to the network (AL211), not one the scan
 * itself judged weak (a command line lowered below high, anything below
 * medium). */
static bool strong_channel(const struct airlock_finding *f)
{
	if (strcmp(f->rule, "AL133") == 0 || strcmp(f->rule, "AL211") == 0)
		return false;
	if (f->severity < AIRLOCK_SEVERITY_MEDIUM)
		return false;
	return strncmp(f->rule, "AL2", 3) != 0 || f->severity >= AIRLOCK_SEVERITY_HIGH;
}

static int add_combined(struct findings *fs, const struct scan_input *in, const char *rule,
			airlock_severity sev, const char *what, const struct airlock_finding *first,
			const struct airlock_finding *const *parts, size_t nparts)
{
	char msg[512];
	size_t n;
	struct finding_spec s = { 0 };

	n = (size_t)snprintf(msg, sizeof(msg), "%s (", what);
	for (size_t i = 0; i < nparts && n < sizeof(msg); i++)
		n += (size_t)snprintf(msg + n, sizeof(msg) - n, "%s%s line %u", i ? ", " : "",
				      parts[i]->rule, parts[i]->line);
	if (n < sizeof(msg))
		snprintf(msg + n, sizeof(msg) - n, ")");
	s.rule = rule;
	s.category = "combination";
	s.confidence = "high";
	s.severity = sev;
	s.message = msg;
	s.start = first->start;
	s.end = first->end;
	return al_findings_add(fs, in, &s);
}

/* Several invisible characters (AL503) in a file the agent loads into every
 * session are a pattern, not a stray paste: each is raised to high. */
static int raise_smuggled(struct findings *fs, size_t from, size_t end, const struct scan_input *in)
{
	size_t count = 0, reported = 0;

	for (size_t i = from; i < end; i++)
		reported += strcmp(fs->v[i].rule, "AL503") == 0;
	if (!reported || !al_context_always_loaded(in->path, in->data, in->len))
		return 0;
	/* the findings merge neighbours: count the characters themselves
	 * (zero-width space and non-joiner, word joiner and invisible
	 * operators, a BOM past the start; not the joiner emoji use) */
	for (size_t i = 0, n; i < in->len; i += n ? n : 1) {
		uint32_t cp;

		n = in->data[i] < 0x80 ? 1 : al_utf8_decode(in->data + i, in->len - i, &cp);
		if (n > 1 && (cp == 0x200b || cp == 0x200c || (cp >= 0x2060 && cp <= 0x2064) ||
			      (cp == 0xfeff && i > 0)))
			count++;
	}
	if (count < LIMIT_SMUGGLED_INVISIBLES)
		return 0;
	for (size_t i = from; i < end; i++) {
		static const char fmt[] = "%s (one of %zu in a file loaded into every session)";
		struct airlock_finding *f = &fs->v[i];
		size_t n;
		char *m;

		if (strcmp(f->rule, "AL503") != 0 || f->severity >= AIRLOCK_SEVERITY_HIGH)
			continue;
		n = strlen(f->message) + sizeof(fmt) + 24;
		if (!(m = malloc(n)))
			return al_error_oom();
		snprintf(m, n, fmt, f->message, count);
		free(f->message);
		f->message = m;
		f->severity = AIRLOCK_SEVERITY_HIGH;
	}
	return 0;
}

/* A command the scan judged critical and lowered as fenced code of an
 * instruction file (not further, as an introduced example). */
static bool lowered_command(const struct airlock_finding *f)
{
	static const char *const rules[] = { "AL210", "AL220", "AL221", "AL222",
					     "AL230", "AL232", "AL614", NULL };

	if (f->severity != AIRLOCK_SEVERITY_MEDIUM)
		return false;
	for (int i = 0; rules[i]; i++)
		if (strcmp(f->rule, rules[i]) == 0)
			return true;
	return false;
}

/* Text that keeps something from the user ("do not mention it", in any
 * language) or clears the way ("no need to ask", "already approved"). */
static bool hides_or_clears(const struct airlock_finding *f)
{
	return strcmp(f->category, "concealment") == 0 || strcmp(f->rule, "AL603") == 0 ||
	       strcmp(f->rule, "AL605") == 0;
}

/* AL904: the fence is no example when the text around it hides it or
 * clears its way. */
static int hidden_command(struct findings *fs, size_t from, size_t end, const struct scan_input *in)
{
	struct airlock_finding cmd, hide;
	const struct airlock_finding *p[2] = { &cmd, &hide };
	bool have_cmd = false, have_hide = false;

	for (size_t i = from; i < end; i++) {
		if (!have_cmd && lowered_command(&fs->v[i])) {
			cmd = fs->v[i];
			have_cmd = true;
		}
		if (!have_hide && hides_or_clears(&fs->v[i])) {
			hide = fs->v[i];
			have_hide = true;
		}
	}
	if (!have_cmd || !have_hide)
		return 0;
	return add_combined(fs, in, "AL904", AIRLOCK_SEVERITY_HIGH,
			    "A dangerous command lowered as fenced code, in a file that keeps "
			    "something from the user or clears the way for it",
			    &cmd, p, 2);
}

int al_findings_combine(struct findings *fs, size_t from, const struct scan_input *in)
{
	const struct airlock_finding *first[SIG_COUNT] = { 0 };
	size_t end = fs->count, start_count = fs->count;
	int error = 0;

	for (size_t i = from; i < end; i++) {
		const struct airlock_finding *f = &fs->v[i];
		int sig = signal_of(f);

		if (sig >= 0 && (!first[sig] || f->start < first[sig]->start))
			first[sig] = f;
		if (sig == SIG_EXFIL && strong_channel(f) &&
		    (!first[SIG_CHANNEL] || f->start < first[SIG_CHANNEL]->start))
			first[SIG_CHANNEL] = f;
	}
	/* The pointers above point into fs->v, which add may move: copy first. */
	struct airlock_finding parts[SIG_COUNT];
	const struct airlock_finding *p[3];
	bool have[SIG_COUNT];

	for (int i = 0; i < SIG_COUNT; i++) {
		have[i] = first[i] != NULL;
		if (have[i])
			parts[i] = *first[i];
	}
	if (have[SIG_CONCEAL] && have[SIG_CREDENTIAL] && have[SIG_EXFIL]) {
		p[0] = &parts[SIG_CONCEAL];
		p[1] = &parts[SIG_CREDENTIAL];
		p[2] = &parts[SIG_EXFIL];
		error = add_combined(
			fs, in, "AL901", AIRLOCK_SEVERITY_CRITICAL,
			"Concealment, a credential path and an outbound channel in one file", p[1],
			p, 3);
	} else if (have[SIG_CREDENTIAL] && have[SIG_CHANNEL]) {
		p[0] = &parts[SIG_CREDENTIAL];
		p[1] = &parts[SIG_CHANNEL];
		error = add_combined(fs, in, "AL903", AIRLOCK_SEVERITY_HIGH,
				     "A credential path and a strong outbound channel in one file",
				     p[0], p, 2);
	}
	if (error == 0 && have[SIG_SECRET] && have[SIG_EXFIL]) {
		p[0] = &parts[SIG_SECRET];
		p[1] = &parts[SIG_EXFIL];
		error = add_combined(
			fs, in, "AL902", AIRLOCK_SEVERITY_CRITICAL,
			"An API key next to upload instructions: a key to collect stolen data with",
			p[0], p, 2);
	}
	if (error == 0)
		error = hidden_command(fs, from, end, in);
	if (error == 0)
		error = raise_smuggled(fs, from, end, in);
	if (error < 0)
		return error;
	return al_findings_locate(fs, start_count, in);
}

/* --- ordering ---------------------------------------------------------------- */

static int by_place(const void *a, const void *b)
{
	const struct airlock_finding *x = a, *y = b;
	int c;

	if ((c = strcmp(x->file, y->file)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if ((c = strcmp(x->rule, y->rule)) != 0)
		return c;
	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return (int)x->normalized - (int)y->normalized;
}

static int by_position(const void *a, const void *b)
{
	const struct airlock_finding *x = a, *y = b;
	int c;

	if ((c = strcmp(x->file, y->file)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

void al_findings_finish(struct findings *fs)
{
	size_t out = 0;

	if (fs->count < 1)
		return;
	qsort(fs->v, fs->count, sizeof(fs->v[0]), by_place);
	for (size_t i = 0; i < fs->count; i++) {
		if (out > 0) {
			const struct airlock_finding *k = &fs->v[out - 1], *f = &fs->v[i];

			if (strcmp(k->file, f->file) == 0 && k->line == f->line &&
			    strcmp(k->rule, f->rule) == 0) {
				al_finding_clear(&fs->v[i]);
				continue;
			}
		}
		fs->v[out++] = fs->v[i];
	}
	fs->count = out;
	qsort(fs->v, fs->count, sizeof(fs->v[0]), by_position);
}

void al_finding_spec_rule(struct finding_spec *s, const char *id, airlock_severity sev, char *msg,
			  size_t size, const char *detail)
{
	const struct al_builtin_rule *b = al_builtin_rule(id);

	memset(s, 0, sizeof(*s));
	snprintf(msg, size, "%s%s%s", b->description, detail && *detail ? ": " : "",
		 detail ? detail : "");
	s->rule = b->id;
	s->category = b->category;
	s->confidence = b->confidence;
	s->severity = sev ? sev : b->severity;
	s->message = msg;
}
