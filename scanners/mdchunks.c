/*
 * mdchunks.c - a line scan that finds the runs of a Markdown file the block
 * grammar must see. It only has to agree with CommonMark on where blocks can
 * end: fences (``` and ~~~, any indentation, inside quotes), HTML comments
 * and raw blocks (<script>, <pre>, <style>, <textarea>), which run over blank
 * lines; and front matter. Wherever it is unsure it keeps more, not less.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/error.h"
#include "common/limits.h"
#include "scanners/codewords.h"
#include "scanners/mdchunks.h"
#include "scanners/wording.h"

struct scan {
	TSRange *v;
	unsigned int n, alloc;
	struct md_code *code; /* fences found for sure, analysed without a tree */
	unsigned int ncode, code_alloc;
	uint32_t row;  /* of the line being read */
	size_t anchor; /* the last run whose first line is not indented */
	uint32_t anchor_row;
};

static bool contains(const char *t, size_t len, const char *needle)
{
	return memmem(t, len, needle, strlen(needle)) != NULL;
}

/* True when `c` occurs in t[0..len) followed by `next` (or, with `run`, by
 * two more of itself: a fence). memchr is much faster than memmem here. */
static bool char_then(const char *t, size_t len, char c, const char *next)
{
	const char *p = t, *end = t + len;

	while ((p = memchr(p, c, (size_t)(end - p)))) {
		if (p + 1 < end && strchr(next, p[1]))
			return true;
		p++;
	}
	return false;
}

enum md_fence al_md_fence_language(const char *info, size_t len)
{
	static const struct {
		const char *name;
		enum md_fence lang;
	} names[] = {
		{ "sh", MD_FENCE_SHELL },          { "bash", MD_FENCE_SHELL },
		{ "shell", MD_FENCE_SHELL },       { "zsh", MD_FENCE_SHELL },
		{ "python", MD_FENCE_PYTHON },     { "py", MD_FENCE_PYTHON },
		{ "python3", MD_FENCE_PYTHON },    { "javascript", MD_FENCE_JAVASCRIPT },
		{ "js", MD_FENCE_JAVASCRIPT },     { "node", MD_FENCE_JAVASCRIPT },
		{ "mjs", MD_FENCE_JAVASCRIPT },    { "cjs", MD_FENCE_JAVASCRIPT },
		{ "nodejs", MD_FENCE_JAVASCRIPT }, { "json", MD_FENCE_CONFIG },
		{ "jsonc", MD_FENCE_CONFIG },      { "json5", MD_FENCE_CONFIG },
		{ "yaml", MD_FENCE_CONFIG },       { "yml", MD_FENCE_CONFIG },
	};
	size_t i = 0, l;

	while (i < len && (info[i] == ' ' || info[i] == '\t'))
		i++;
	for (l = 0; i + l < len && !strchr(" \t{\r", info[i + l]); l++)
		; /* ```bash title="x" */
	if (l == 0)
		return MD_FENCE_SHELL;
	for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (strlen(names[k].name) == l && memcmp(info + i, names[k].name, l) == 0)
			return names[k].lang;
	return MD_FENCE_OTHER;
}

static const char *const command_keys[] = {
	"run", "cmd", "command", "script", "exec", "shell", NULL
};

bool al_md_command_key(const char *t, size_t n)
{
	for (int k = 0; command_keys[k]; k++)
		if (strlen(command_keys[k]) == n && memcmp(t, command_keys[k], n) == 0)
			return true;
	return false;
}

bool al_md_config_commands(const char *t, size_t len)
{
	const char *const *keys = command_keys;

	for (int k = 0; keys[k]; k++) {
		size_t n = strlen(keys[k]);

		for (const char *p = t; (p = memmem(p, (size_t)(t + len - p), keys[k], n));
		     p += n) {
			const char *q = p + n;

			if (q < t + len && *q == '"')
				q++;
			while (q < t + len && *q == ' ')
				q++;
			if (q < t + len && *q == ':')
				return true;
		}
	}
	return false;
}

bool al_md_shell_fence(const char *info, size_t len)
{
	return al_md_fence_language(info, len) == MD_FENCE_SHELL;
}

/* [](url) or [ ](url): a link with no text. */
static bool empty_link(const char *t, size_t len)
{
	const char *p = t, *end = t + len;

	while ((p = memchr(p, ']', (size_t)(end - p)))) {
		const char *b = p;

		if (p + 1 < end && p[1] == '(') {
			while (b > t && (b[-1] == ' ' || b[-1] == '\t'))
				b--;
			if (b > t && b[-1] == '[')
				return true;
		}
		p++;
	}
	return false;
}

/* "<!--" (memchr is much faster than memmem for it) */
static bool has_comment(const char *t, size_t len)
{
	const char *p = t, *end = t + len;

	while ((p = memchr(p, '<', (size_t)(end - p)))) {
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
			return true;
		p++;
	}
	return false;
}

/* What the block and inline checks of markdown.c act on, and nothing else:
 * an HTML comment, <details>, a tag styled or marked to hide (the words are
 * looked for anywhere once a '<' is there), a link reference definition, a
 * link with no text, an image, a !`command`. Links with text, tags that
 * hide nothing and code spans are left to the signatures: in a changelog or
 * a manual they are on every line, and the inline grammar parses at about
 * 1 MB/s. */
static bool any_hiding_word(const char *t, size_t len)
{
	static const char *const hiding[] = { "hidden",  "display", "visibility", "font-size",
					      "opacity", "details", NULL };

	for (int i = 0; hiding[i]; i++)
		if (al_wording_contains_ci(t, len, hiding[i]))
			return true;
	return false;
}

static bool tag_start(const char *p, const char *end)
{
	return p + 1 < end && *p == '<' && ((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z');
}

/* A tag that may hide, or open <details>: a hiding word inside a tag (up to
 * its '>'), or anywhere from a line that starts with a tag (an HTML block,
 * which markdown.c judges whole) to the end. Autolinks and anchors in
 * changelogs are tags with none of these words. */
static bool hiding_tag(const char *t, size_t len)
{
	const char *p = t, *end = t + len;

	while ((p = memchr(p, '<', (size_t)(end - p)))) {
		if (tag_start(p, end) || (p + 1 < end && p[1] == '/')) {
			const char *line = p;
			size_t n = (size_t)(end - p) < 1024 ? (size_t)(end - p) : 1024;
			const char *close = memchr(p, '>', n);

			while (line > t && (line[-1] == ' ' || line[-1] == '\t' || line[-1] == '>'))
				line--;
			if (line == t || line[-1] == '\n')
				return any_hiding_word(p, (size_t)(end - p));
			if (any_hiding_word(p, close ? (size_t)(close - p) + 1 : n))
				return true;
		}
		p++;
	}
	return false;
}

AL_SEAM_DEFINE(bool, al_md_keep_everything, false);

bool al_md_wanted(const char *t, size_t len)
{
	bool quiet = false; /* a comment or definition: reported only if it gives orders */

	if (al_md_keep_everything)
		return true;
	if (char_then(t, len, '!', "`[") || empty_link(t, len))
		return true;
	if (memchr(t, '<', len)) {
		if (hiding_tag(t, len))
			return true;
		quiet = has_comment(t, len);
	}
	quiet = quiet || char_then(t, len, ']', ":");
	/* What a comment or a link reference definition hides is reported only
	 * when it reads as an order (al_wording_imperative), and it lies within
	 * these bytes: text with no order anywhere has none to report. */
	return quiet && al_wording_imperative(t, len);
}

static int keep(struct scan *s, const char *buf, size_t start, size_t end, TSPoint p0, TSPoint p1,
		bool force)
{
	TSRange *r;
	bool indented = end > start && (buf[start] == ' ' || buf[start] == '\t');
	bool text = end > start && buf[start] != '\n' && buf[start] != '\r';

	if (text && !indented) {
		s->anchor = start;
		s->anchor_row = p0.row;
	}
	if (end <= start || !(force || al_md_wanted(buf + start, end - start)))
		return 0;
	/* An indented run may belong to a list item (or a quote) that began
	 * before a blank line: parsed alone, "    <!-- x -->" would be code.
	 * It is parsed with everything back to the last run that is not. */
	if (indented && s->anchor < start) {
		if (s->n > 0 && s->v[s->n - 1].end_byte >= s->anchor) {
			start = s->v[s->n - 1].end_byte;
			p0 = s->v[s->n - 1].end_point;
		} else {
			start = s->anchor;
			p0 = (TSPoint){ s->anchor_row, 0 };
		}
	}
	if (s->n > 0 && s->v[s->n - 1].end_byte == start) { /* one run after another */
		s->v[s->n - 1].end_byte = (uint32_t)end;
		s->v[s->n - 1].end_point = p1;
		return 0;
	}
	if (s->n == s->alloc) {
		unsigned int a = s->alloc ? s->alloc * 2 : 64;

		if (a > UINT32_MAX / sizeof(*r) || !(r = realloc(s->v, a * sizeof(*r))))
			return al_error_oom();
		s->v = r;
		s->alloc = a;
	}
	r = &s->v[s->n++];
	r->start_byte = (uint32_t)start;
	r->end_byte = (uint32_t)end;
	r->start_point = p0;
	r->end_point = p1;
	return 0;
}

/* The line without indentation and quote markers. */
static const char *strip(const char *t, const char *end)
{
	while (t < end && (*t == ' ' || *t == '\t' || *t == '>'))
		t++;
	return t;
}

static size_t run_of(const char *t, const char *end, char c)
{
	size_t n = 0;

	while (t + n < end && t[n] == c)
		n++;
	return n;
}

/* CommonMark's HTML blocks that run over blank lines: how each starts, and
 * what ends it (in any letter case). */
static const struct {
	const char *open, *close;
} raw_blocks[] = {
	{ "<script", "</script" },     { "<pre", "</pre" }, { "<style", "</style" },
	{ "<textarea", "</textarea" }, { "<?", "?>" },      { "<![CDATA[", "]]>" },
};

/* The end of the raw block a line opens without closing it, or NULL. The
 * end is one of the constants above: several threads scan at once (a
 * static buffer here was shared by all of them), and "</PRE>" ends "<PRE>"
 * (a case-sensitive search left the rest of the file in the block). */
static const char *raw_open(const char *t, const char *end)
{
	const char *close = NULL;
	size_t n = (size_t)(end - t);

	if (n < 2 || *t != '<')
		return NULL;
	for (size_t i = 0; i < sizeof(raw_blocks) / sizeof(raw_blocks[0]) && !close; i++) {
		size_t k = strlen(raw_blocks[i].open);

		/* a tag name ends there: "<prefix>" opens no <pre> block */
		if (n >= k && strncasecmp(t, raw_blocks[i].open, k) == 0 &&
		    (!isalpha((unsigned char)t[k - 1]) || n == k || t[k] == ' ' || t[k] == '\t' ||
		     t[k] == '>' || t[k] == '\r'))
			close = raw_blocks[i].close;
	}
	/* <!DOCTYPE and the like: to the next '>' */
	if (!close && t[1] == '!' && n > 2 && isalpha((unsigned char)t[2]))
		close = ">";
	if (!close || al_wording_contains_ci(t + 1, n - 1, close))
		return NULL;
	return close;
}

/* Past the list markers a line's content starts after ("- ", "1. ", "2) "),
 * and the spaces and block quote markers between them. */
static const char *past_markers(const char *t, const char *end)
{
	for (;;) {
		const char *p = t;

		if (p < end && (*p == '-' || *p == '*' || *p == '+')) {
			p++;
		} else {
			while (p < end && p - t < 9 && *p >= '0' && *p <= '9')
				p++;
			if (p == t || p >= end || (*p != '.' && *p != ')'))
				return t;
			p++;
		}
		if (p >= end || (*p != ' ' && *p != '\t'))
			return t;
		t = strip(p, end);
	}
}

/* True when the line opens an HTML comment block it does not close. In
 * CommonMark only a line that starts with "<!--" (past its indentation and
 * its quote and list markers) opens one, and any "-->" on a line ends it;
 * an unclosed "<!--" inside a paragraph is text, and a blank line still
 * ends the paragraph. Reading it as a comment here would hide every fence
 * after it from the shell analysis. */
static bool comment_opens(const char *t, const char *end)
{
	t = past_markers(t, end);
	if (end - t < 4 || memcmp(t, "<!--", 4) != 0)
		return false;
	return !memmem(t + 2, (size_t)(end - t) - 2, "-->", 3);
}

/* The width of a line's indentation and block quote markers (tabs to the
 * next multiple of four), and the number of those markers. */
static size_t prefix_width(const char *line, const char *t, unsigned int *quotes)
{
	size_t col = 0;

	*quotes = 0;
	for (; line < t; line++) {
		*quotes += *line == '>';
		col = *line == '\t' ? (col + 4) & ~(size_t)3 : col + 1;
	}
	return col;
}

/* The run of a line that opens a fence (three or more ` or ~), or 0. A
 * backtick fence's info string holds no backtick: "```x`" starts a
 * paragraph with a code span, not a fence. */
static size_t fence_run(const char *t, const char *end, char *ch)
{
	size_t n;

	if (t >= end || (*t != '`' && *t != '~') || (n = run_of(t, end, *t)) < 3)
		return 0;
	if (*t == '`' && memchr(t + n, '`', (size_t)(end - t) - n))
		return 0;
	*ch = *t;
	return n;
}

/* Nothing but spaces from t to the line's end. */
static bool rest_blank(const char *t, const char *end)
{
	while (t < end && (*t == ' ' || *t == '\t' || *t == '\r'))
		t++;
	return t == end;
}

/* A fence whose code an analysis judges: every shell fence; a Python or
 * JavaScript one that holds a name a finding needs, or is too large to
 * parse (that is a finding). */
static bool fence_analysed(enum md_fence lang, const char *t, size_t len)
{
	if (lang == MD_FENCE_SHELL)
		return true;
	if (lang == MD_FENCE_OTHER)
		return false;
	if (lang == MD_FENCE_CONFIG)
		return al_md_config_commands(t, len);
	return len > LIMIT_CODE_BYTES || al_code_wanted(t, len);
}

/* The fence the scan is in: its opening run and where it stands. */
struct fence {
	char ch;             /* ` or ~; 0: not in a fence */
	size_t len, col;     /* the run's length, and its indentation */
	unsigned int quotes; /* block quote markers before it */
	enum md_fence lang;
	size_t code; /* the first byte after the opening line */
	bool direct; /* found for sure: its code is handed over (al_md_split) */
};

/* The fence a line opens: the run of `run` `ch` at t, `col` columns and
 * `quotes` markers in; its code starts at `next`. */
static void fence_begin(struct fence *f, char ch, size_t run, size_t col, unsigned int quotes,
			const char *t, const char *end, size_t next)
{
	f->ch = ch;
	f->len = run;
	f->col = col;
	f->quotes = quotes;
	f->lang = al_md_fence_language(t + run, (size_t)(end - t) - run);
	f->code = next;
	f->direct = false;
}

static int add_code(struct scan *s, size_t line, size_t start, size_t len, enum md_fence lang)
{
	if (s->ncode == s->code_alloc) {
		unsigned int a = s->code_alloc ? s->code_alloc * 2 : 16;
		struct md_code *v;

		if (a > UINT32_MAX / sizeof(*v) || !(v = realloc(s->code, a * sizeof(*v))))
			return al_error_oom();
		s->code = v;
		s->code_alloc = a;
	}
	s->code[s->ncode++] = (struct md_code){ line, start, len, lang, UINT_MAX };
	return 0;
}

int al_md_chunks(TSRange **out, unsigned int *n, const char *buf, size_t len)
{
	return al_md_split(out, n, NULL, NULL, buf, len);
}

int al_md_split(TSRange **out, unsigned int *n, struct md_code **code, unsigned int *ncode,
		const char *buf, size_t len)
{
	struct scan s = { 0 };
	struct fence f = { 0 }; /* while in one, `start` is its opening line */
	size_t pos = 0, start = 0, last = 0;
	uint32_t start_row = 0;
	const char *raw = NULL;
	bool comment = false, front = false, force = false, html = false;
	int error = 0;

	*out = NULL;
	*n = 0;
	if (code) {
		*code = NULL;
		*ncode = 0;
	}
	/* Front matter: kept whatever it holds (agent files put hooks there). */
	if (len >= 4 && (memcmp(buf, "---\n", 4) == 0 || memcmp(buf, "+++\n", 4) == 0 ||
			 (len >= 5 && memcmp(buf, "---\r\n", 5) == 0))) {
		front = force = true;
		pos = (size_t)((const char *)memchr(buf, '\n', len) - buf) + 1;
		s.row = 1;
	}
	while (pos < len && error == 0) {
		const char *line = buf + pos, *nl = memchr(line, '\n', len - pos);
		const char *end = nl ? nl : buf + len, *t = strip(line, end);
		size_t next = nl ? (size_t)(nl - buf) + 1 : len, l = (size_t)(end - line);
		bool blank = t == end || (t + 1 == end && *t == '\r');
		unsigned int quotes;
		size_t col = prefix_width(line, t, &quotes), run;
		/* where the line ends: the next row, or this one's end at the
		 * end of a file with no final newline */
		TSPoint eol =
			nl ? (TSPoint){ s.row + 1, 0 } : (TSPoint){ s.row, (uint32_t)(len - pos) };
		char ch = 0;

		last = pos;
		if (front) {
			if (l >= 3 && (memcmp(line, "---", 3) == 0 || memcmp(line, "+++", 3) == 0 ||
				       memcmp(line, "...", 3) == 0))
				front = false;
		} else if (f.ch) {
			run = fence_run(t, end, &ch);
			if (run > 0 && (quotes != f.quotes || col < f.col)) {
				/* Less indented or in another quote: the list item
				 * or quote the fence was in may end here, and
				 * CommonMark then reads this line as a fence of its
				 * own. The fence is cut here and one starts: both
				 * runs go to tree-sitter, which decides. */
				error = keep(&s, buf, start, pos, (TSPoint){ start_row, 0 },
					     (TSPoint){ s.row, 0 },
					     fence_analysed(f.lang, buf + start, pos - start));
				start = pos;
				start_row = s.row;
				fence_begin(&f, ch, run, col, quotes, t, end, next);
			} else if (run > 0 && ch == f.ch && run >= f.len && col <= f.col + 3 &&
				   rest_blank(t + run, end)) {
				/* A fence is a run of its own: it starts and ends
				 * blocks. What closes it is CommonMark's closing
				 * fence: indented less than four columns past the
				 * opening one, nothing after it; any other line is
				 * code (closing early would leave the rest to be
				 * read as prose, not as commands). */
				f.ch = 0;
				/* a shell fence is analysed as commands, always; any
				 * other is kept like prose, when it holds something to
				 * check (this line scan may disagree with CommonMark
				 * on where a fence ends, in lists: then tree-sitter
				 * must still see what it would call a hidden layer) */
				if (f.direct && fence_analysed(f.lang, buf + start, next - start)) {
					error = add_code(&s, start, f.code, pos - f.code, f.lang);
					/* its two fence lines stay, an empty fence
					 * between the runs around it: they must not
					 * run together (a backtick left open in one
					 * would pair with one in the next) */
					if (error == 0)
						error = keep(&s, buf, start, f.code,
							     (TSPoint){ start_row, 0 },
							     (TSPoint){ start_row + 1, 0 }, true);
					/* (at the very end, nothing follows to keep
					 * apart, and tree-sitter-markdown reads a
					 * last "```" with no newline as code) */
					if (error == 0 && nl) {
						s.code[s.ncode - 1].opening_run = s.n - 1;
						error = keep(&s, buf, pos, next,
							     (TSPoint){ s.row, 0 }, eol, true);
					}
				} else {
					error = keep(
						&s, buf, start, next, (TSPoint){ start_row, 0 },
						eol,
						fence_analysed(f.lang, buf + start, next - start));
				}
				start = next;
				start_row = s.row + 1;
			}
		} else if (comment) {
			comment = !contains(line, l, "-->");
		} else if (raw) {
			raw = al_wording_contains_ci(line, l, raw) ? NULL : raw;
		} else if (blank) {
			error = keep(&s, buf, start, next, (TSPoint){ start_row, 0 },
				     (TSPoint){ s.row + 1, 0 }, force);
			force = false;
			start = next;
			start_row = s.row + 1;
		} else if ((run = fence_run(t, end, &ch)) > 0) {
			error = keep(&s, buf, start, pos, (TSPoint){ start_row, 0 },
				     (TSPoint){ s.row, 0 }, force);
			force = false;
			start = pos;
			start_row = s.row;
			fence_begin(&f, ch, run, col, quotes, t, end, next);
			/* A fence at the left margin is one for sure: it ends
			 * any paragraph, list item or quote before it, and
			 * CommonMark's rule for its end is the one above; only
			 * an HTML block may hold it (those that run over blank
			 * lines are followed here; the others end at one).
			 * Its code needs no syntax tree of the file (the block
			 * grammar parses at a few MB/s). */
			f.direct =
				code && !al_md_keep_everything && !html && col == 0 && quotes == 0;
		} else if (comment_opens(t, end)) {
			comment = true;
		} else {
			raw = raw_open(t, end);
		}
		/* an HTML block that a blank line ends may have started */
		if (blank)
			html = false;
		else if (!f.ch && *t == '<')
			html = true;
		pos = next;
		s.row++;
	}
	if (error == 0 && start < len) {
		TSPoint p1 = buf[len - 1] == '\n' ? (TSPoint){ s.row, 0 }
						  : (TSPoint){ s.row - 1, (uint32_t)(len - last) };

		/* a fence left open runs to the end of the file */
		if (f.ch && f.direct && fence_analysed(f.lang, buf + start, len - start)) {
			error = add_code(&s, start, f.code, len > f.code ? len - f.code : 0,
					 f.lang);
			if (error == 0)
				error = keep(&s, buf, start, f.code, (TSPoint){ start_row, 0 },
					     f.code < len || buf[len - 1] == '\n'
						     ? (TSPoint){ start_row + 1, 0 }
						     : p1,
					     true);
		} else
			error = keep(&s, buf, start, len, (TSPoint){ start_row, 0 }, p1,
				     force || (f.ch &&
					       fence_analysed(f.lang, buf + start, len - start)));
	}
	if (error < 0) {
		free(s.v);
		free(s.code);
		return error;
	}
	*out = s.v;
	*n = s.n;
	if (code) {
		*code = s.code;
		*ncode = s.ncode;
	}
	return 0;
}
