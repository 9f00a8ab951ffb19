/*
 * unicode.c - the Unicode and terminal analysis, and the normalized view.
 *
 * Decoding is strict (common/utf8.c): a byte that is not UTF-8 is a finding
 * and is carried into the view as it is, never a reason to stop. What honest
 * text needs is left alone: the zero-width joiner inside emoji sequences and
 * in scripts that use it, emoji flag tag sequences, variation selectors after
 * emoji and CJK, directional marks in right-to-left text, a leading BOM.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/utf8.h"
#include "common/limits.h"
#include "scanners/bytevec.h"
#include "scanners/charclass.h"
#include "scanners/catalogue.h"
#include "scanners/unicode.h"

AL_SEAM_DEFINE(bool, al_unicode_ascii_fast, true);

struct ctx {
	struct findings *fs;
	const struct scan_input *in;
	struct norm_view *nv;
	size_t found;        /* findings added for this buffer */
	size_t line_start;   /* offset of the current line */
	size_t last_line[8]; /* per rule: line_start + 1 of its last finding */
	uint32_t prev;       /* last visible code point (0 at the start) */
	bool prev_set;       /* step() set prev itself (a decoded JSON escape) */
	size_t fold_until;   /* confusables before this offset are folded */
	bool identical;      /* the view so far is the original's prefix, unwritten */
	/* Answers kept so a run of invisible or bidi characters costs linear
	 * time: the first visible code point at or after any offset in
	 * [vis_from, vis_at], and whether the line that starts at rtl_line - 1
	 * holds a right-to-left letter. */
	size_t vis_from, vis_at;
	uint32_t vis_cp;
	bool vis_set;
	size_t rtl_line;
	bool rtl_has;
};

/* --- reporting ----------------------------------------------------------------- */

enum { R_TAGS, R_BIDI, R_INVISIBLE, R_ESCAPE, R_BLANKS, R_CONFUSABLE, R_INVALID, R_SELECTORS };

static const char *const rule_ids[] = { "AL501", "AL502", "AL503", "AL504",
					"AL505", "AL506", "AL507", "AL508" };

/* One finding per rule per line: a line of a thousand zero-width spaces is
 * one problem. Past the per-file cap one LIMIT finding says so. */
static int report(struct ctx *c, int rule, airlock_severity sev, size_t start, size_t end,
		  const char *message, const char *hidden, size_t hidden_len)
{
	const struct al_builtin_rule *b = al_builtin_rule(rule_ids[rule]);
	struct finding_spec s = { 0 };

	if (c->last_line[rule] == c->line_start + 1 && rule != R_TAGS)
		return 0;
	/* A file in another encoding is one problem, not one per line. */
	if (rule == R_INVALID && c->last_line[rule])
		return 0;
	c->last_line[rule] = c->line_start + 1;
	if (c->found >= LIMIT_FINDINGS_PER_FILE)
		return 0;
	s.rule = b->id;
	s.category = b->category;
	s.confidence = b->confidence;
	s.severity = sev ? sev : b->severity;
	s.message = message;
	s.start = start;
	s.end = end;
	s.hidden = hidden;
	s.hidden_len = hidden_len;
	if (++c->found == LIMIT_FINDINGS_PER_FILE) {
		b = al_builtin_rule("AL010");
		s.rule = b->id;
		s.category = b->category;
		s.severity = b->severity;
		s.message =
			"Too many hidden-character findings in this file; the rest are not listed";
		s.hidden = NULL;
	}
	return al_findings_add(c->fs, c->in, &s);
}

/* --- the normalized view -------------------------------------------------------- */

/* Until the view first differs from the original it is not written at all:
 * most files never differ, and then it is never read either. */
static void materialize(struct ctx *c)
{
	struct norm_view *nv = c->nv;

	if (!c->identical)
		return;
	memcpy(nv->data, c->in->data, nv->len);
	for (size_t k = 0; k < nv->len; k++)
		nv->map[k] = k;
	c->identical = false;
}

static void emit(struct ctx *c, const unsigned char *bytes, size_t n, size_t orig)
{
	struct norm_view *nv = c->nv;

	if (c->identical && bytes == c->in->data + orig && orig == nv->len) {
		nv->len += n;
		return;
	}
	materialize(c);
	for (size_t i = 0; i < n; i++) {
		nv->data[nv->len] = bytes[i];
		nv->map[nv->len++] = orig;
	}
}

/* Original bytes [orig, orig + n) kept as they are, each mapped to itself
 * (emit() maps all its bytes to one place: one character). */
static void emit_original(struct ctx *c, size_t orig, size_t n)
{
	struct norm_view *nv = c->nv;

	if (c->identical && orig == nv->len) {
		nv->len += n;
		return;
	}
	materialize(c);
	memcpy(nv->data + nv->len, c->in->data + orig, n);
	for (size_t k = 0; k < n; k++)
		nv->map[nv->len + k] = orig + k;
	nv->len += n;
}

static void emit_char(struct ctx *c, char ch, size_t orig)
{
	unsigned char b = (unsigned char)ch;

	emit(c, &b, 1, orig);
	c->nv->changed = true;
}

/* Marks original offset i as a place where the view undid a way of hiding
 * text (a character removed, decoded or folded), as opposed to plain syntax
 * such as a JSON "\/" escape. */
static void hide(struct ctx *c, size_t i)
{
	c->nv->hid[i >> 3] |= (unsigned char)(1u << (i & 7));
	c->nv->changed = true;
}

static void drop(struct ctx *c, size_t i)
{
	hide(c, i);
}

/* --- the checks ------------------------------------------------------------------ */

/* A run of tag characters at d[i]; returns its length in bytes. An emoji flag
 * tag sequence (U+1F3F4, tag letters/digits, U+E007F) is honest and dropped
 * from the view without a finding. */
static int check_tags(struct ctx *c, size_t i, size_t *used)
{
	const unsigned char *d = c->in->data;
	size_t len = c->in->len, j = i, spec = 0;
	char hidden[256];
	size_t hlen = 0;
	bool cancel_last = false, spec_ok = true;
	uint32_t cp;

	for (size_t n; j < len && (n = al_utf8_decode(d + j, len - j, &cp)) && al_char_is_tag(cp);
	     j += n) {
		cancel_last = cp == 0xe007f;
		if (!cancel_last) {
			spec++;
			if (!((cp >= 0xe0030 && cp <= 0xe0039) || (cp >= 0xe0061 && cp <= 0xe007a)))
				spec_ok = false;
		}
		if (cp >= 0xe0020 && cp <= 0xe007e) {
			if (hlen < sizeof(hidden))
				hidden[hlen++] = (char)(cp - 0xe0000);
			emit_char(c, (char)(cp - 0xe0000), j);
		} else {
			c->nv->changed = true;
		}
	}
	*used = j - i;
	if (c->prev == 0x1f3f4 && cancel_last && spec_ok && spec >= 2 && spec <= 7) {
		/* Undo what the loop emitted: a flag carries no text. */
		materialize(c);
		while (c->nv->len > 0 && c->nv->map[c->nv->len - 1] >= i)
			c->nv->len--;
		return 0;
	}
	for (size_t k = i; k < j; k++)
		hide(c, k);
	return report(c, R_TAGS, 0, i, j, "Unicode tag characters hide text from the reader",
		      hidden, hlen);
}

static bool variation_selector(uint32_t cp)
{
	return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/* Two or more variation selectors in a row: a character takes at most one,
 * so a run is data, one byte per selector (U+FE00-FE0F: 0-15, U+E0100-E01EF:
 * 16-255), hidden behind an emoji or a letter. The bytes go to the view. */
static int check_selectors(struct ctx *c, size_t i, size_t *used)
{
	const unsigned char *d = c->in->data;
	size_t len = c->in->len, j = i, hlen = 0;
	char hidden[256];
	uint32_t cp;

	for (size_t n;
	     j < len && (n = al_utf8_decode(d + j, len - j, &cp)) && variation_selector(cp);
	     j += n) {
		unsigned int b = cp <= 0xfe0f ? cp - 0xfe00 : cp - 0xe0100 + 16;

		if (b >= 0x20 && b < 0x7f) {
			if (hlen < sizeof(hidden))
				hidden[hlen++] = (char)b;
			emit_char(c, (char)b, j);
		}
		hide(c, j);
	}
	*used = j - i;
	c->nv->changed = true;
	return report(c, R_SELECTORS, 0, i, j, "A run of variation selectors carries hidden bytes",
		      hidden, hlen);
}

/* An ESC sequence at d[i]: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST)
 * or a two-byte escape. Returns its length. */
static size_t escape_len(const unsigned char *d, size_t len, size_t i, char *final)
{
	size_t j = i + 1;

	*final = 0;
	if (j >= len)
		return 1;
	if (d[j] == '[') {
		for (j++; j < len && j - i < 64; j++)
			if (d[j] >= 0x40 && d[j] <= 0x7e) {
				*final = (char)d[j];
				return j - i + 1;
			}
		return j - i;
	}
	if (d[j] == ']') {
		for (j++; j < len && j - i < 512; j++) {
			if (d[j] == 0x07)
				return j - i + 1;
			if (d[j] == 0x1b && j + 1 < len && d[j + 1] == '\\')
				return j - i + 2;
		}
		*final = ']';
		return j - i;
	}
	*final = (char)d[j];
	return 2;
}

static int check_escape(struct ctx *c, size_t i, size_t *used)
{
	const unsigned char *d = c->in->data;
	char final;
	size_t n = escape_len(d, c->in->len, i, &final);
	airlock_severity sev = AIRLOCK_SEVERITY_MEDIUM;
	const char *msg = "Terminal escape sequence in the file";

	if (final == 'm' && n > 3) {
		/* SGR: parameter 8 conceals text. */
		for (size_t k = i + 2; k < i + n - 1; k++)
			if (d[k] == '8' && (k == i + 2 || d[k - 1] == ';') &&
			    (d[k + 1] == ';' || d[k + 1] == 'm')) {
				sev = AIRLOCK_SEVERITY_HIGH;
				msg = "Terminal escape that conceals text (SGR 8)";
			}
	} else if (final && strchr("ABCDEFGHJKSTfsu", final) && d[i + 1] == '[') {
		sev = AIRLOCK_SEVERITY_HIGH;
		msg = "Terminal escape that moves the cursor or erases text";
	} else if (final == ']') {
		msg = "Terminal OSC sequence (title, hyperlink or clipboard)";
	}
	*used = n;
	drop(c, i);
	return report(c, R_ESCAPE, sev, i, i + n, msg, NULL, 0);
}

/* An invisible character that honest text does not need here. */
static bool invisible_allowed(struct ctx *c, size_t i, uint32_t cp, uint32_t next)
{
	uint32_t prev = c->prev;

	if (cp == 0xfeff && i == 0)
		return true; /* byte order mark */
	if (cp == 0x200d)
		return al_char_is_emoji(prev) || al_char_is_emoji(next) ||
		       al_char_is_joining_script(prev) || al_char_is_joining_script(next);
	if (cp == 0x200c)
		return al_char_is_joining_script(prev) || al_char_is_joining_script(next);
	if (cp >= 0xfe00 && cp <= 0xfe0f)
		return prev >= 0x80 || prev == '#' || prev == '*' || (prev >= '0' && prev <= '9');
	if (cp >= 0xe0100 && cp <= 0xe01ef)
		return al_char_is_cjk(prev);
	return false;
}

/* The first code point at or after `j` that is not invisible (0 at the end
 * or at invalid UTF-8). Offsets of one run of invisible characters share the
 * answer, so it is found once per run, not once per character. */
static uint32_t next_visible(struct ctx *c, size_t j)
{
	const unsigned char *d = c->in->data;
	size_t len = c->in->len, from = j;
	uint32_t cp = 0;

	if (c->vis_set && j >= c->vis_from && j <= c->vis_at)
		return c->vis_cp;
	while (j < len) {
		size_t n = al_utf8_decode(d + j, len - j, &cp);

		if (n == 0) {
			cp = 0;
			break;
		}
		if (!al_utf8_is_invisible(cp))
			break;
		j += n;
		cp = 0;
	}
	c->vis_from = from;
	c->vis_at = j;
	c->vis_cp = cp;
	c->vis_set = true;
	return cp;
}

static int check_invisible(struct ctx *c, size_t i, size_t n, uint32_t cp)
{
	uint32_t next = next_visible(c, i + n);
	char msg[128];
	bool inside;

	if (invisible_allowed(c, i, cp, next)) {
		/* Honest text keeps it, and the view stays the file itself. */
		emit(c, c->in->data + i, n, i);
		return 0;
	}
	drop(c, i);
	if (cp >= 0x80 && cp <= 0x9f) {
		snprintf(msg, sizeof(msg), "C1 control character U+%04X", (unsigned)cp);
		return report(c, R_ESCAPE, AIRLOCK_SEVERITY_MEDIUM, i, i + n, msg, NULL, 0);
	}
	inside = char_wordish(c->prev) && char_wordish(next);
	snprintf(msg, sizeof(msg), "Invisible character U+%04X %s", (unsigned)cp,
		 inside ? "inside a word" : "in the text");
	return report(c, R_INVISIBLE, inside ? AIRLOCK_SEVERITY_MEDIUM : AIRLOCK_SEVERITY_LOW, i,
		      i + n, msg, NULL, 0);
}

/* A word that mixes Latin letters with look-alikes from another script: its
 * look-alikes are folded in the view up to the word's end. */
static int check_word(struct ctx *c, size_t i)
{
	const unsigned char *d = c->in->data;
	size_t len = c->in->len, j = i;
	size_t latin = 0, fake = 0;
	char folded[128];
	size_t flen = 0;
	uint32_t cp;

	/* Fast path: a word of ASCII letters and digits that ends in ASCII
	 * cannot mix scripts. */
	while (j < len && d[j] < 0x80 && char_wordish(d[j]))
		j++;
	if (j >= len || d[j] < 0x80)
		return 0;
	j = i;
	while (j < len) {
		size_t n = al_utf8_decode(d + j, len - j, &cp);
		char a;

		if (n == 0 ||
		    !(char_wordish(cp) || (al_utf8_is_invisible(cp) && !al_char_is_tag(cp))))
			break;
		if ((a = al_char_confusable(cp)))
			fake++;
		else if (al_char_is_latin_letter(cp))
			latin++;
		if (!al_utf8_is_invisible(cp) && flen + 4 < sizeof(folded)) {
			if (a) {
				folded[flen++] = a;
			} else {
				memcpy(folded + flen, d + j, n);
				flen += n;
			}
		}
		j += n;
	}
	if (!(latin > 0 && fake > 0))
		return 0;
	c->fold_until = j;
	return report(c, R_CONFUSABLE, 0, i, j,
		      "Look-alike letters from another script in a Latin word", folded, flen);
}

/* True when the blank run at d[i] pads a Markdown table cell: the line
 * starts with '|' (looked for LIMIT_BLANK_LINE bytes back at most). A '|'
 * after blanks in a command is a pipe: `x      | true; payload`. */
static bool table_cell(const struct ctx *c, size_t i)
{
	const unsigned char *d = c->in->data;
	size_t k = i;

	if (c->in->kind != AIRLOCK_KIND_MARKDOWN)
		return false;
	while (k > 0 && i - k < LIMIT_BLANK_LINE && d[k - 1] != '\n')
		k--;
	if (k > 0 && d[k - 1] != '\n')
		return false;
	while (k < i && (d[k] == ' ' || d[k] == '\t'))
		k++;
	return k < i && d[k] == '|';
}

/* A run of blanks at d[i]; a long one followed by more text on the line is
 * collapsed to one space in the view and reported. */
static int check_blanks(struct ctx *c, size_t i, size_t *used)
{
	const unsigned char *d = c->in->data;
	size_t len = c->in->len, j = i, count = 0, n;
	uint32_t cp = 0;

	for (;;) {
		/* indentation: spaces and tabs, one byte each */
		while (j < len && (d[j] == ' ' || d[j] == '\t')) {
			j++;
			count++;
		}
		if (!(j < len && d[j] >= 0x80 && (n = al_utf8_decode(d + j, len - j, &cp)) &&
		      al_char_is_blank(cp)))
			break;
		j += n;
		count++;
	}
	*used = j - i;
	/* Padding that ends a line or a table cell hides nothing. */
	if (count < LIMIT_BLANK_RUN || j >= len || d[j] == '\n' || d[j] == '\r' ||
	    (d[j] == '|' && table_cell(c, i))) {
		emit_original(c, i, j - i);
		return 0;
	}
	emit_char(c, ' ', i);
	hide(c, i);
	return report(c, R_BLANKS, 0, i, j,
		      "A long run of blanks pushes the rest of the line off screen", NULL, 0);
}

/*
 * A JSON string escape: what a hook command or an env value becomes once the
 * file is parsed. The view holds the decoded text, so "cu\u0072l" is read as
 * "curl"; an escaped invisible, bidi or tag character is reported as if it
 * were written out.
 */
static int check_json_escape(struct ctx *c, size_t i, size_t *used)
{
	static const char simple[] = "\"\\/bfnrt", decoded[] = "\"\\/  \n\r\t";
	const unsigned char *d = c->in->data;
	size_t len = c->in->len;
	unsigned char buf[4];
	const char *p;
	uint32_t cp, lo;

	*used = 1;
	if (i + 1 >= len) {
		emit(c, d + i, 1, i);
		return 0;
	}
	if (d[i + 1] != 'u' && (p = strchr(simple, d[i + 1])) && d[i + 1]) {
		*used = 2;
		c->prev = (unsigned char)decoded[p - simple];
		c->prev_set = true;
		emit_char(c, decoded[p - simple], i);
		return 0;
	}
	if (d[i + 1] != 'u' || al_char_hex4(d, len, i + 2, &cp) < 0) {
		emit(c, d + i, 1, i);
		return 0;
	}
	*used = 6;
	if (cp >= 0xd800 && cp <= 0xdbff && i + 12 <= len && d[i + 6] == '\\' && d[i + 7] == 'u' &&
	    al_char_hex4(d, len, i + 8, &lo) == 0 && lo >= 0xdc00 && lo <= 0xdfff) {
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
		*used = 12;
	}
	c->prev_set = true;
	if (cp >= 0xd800 && cp <= 0xdfff) {
		drop(c, i);
		return report(c, R_INVALID, 0, i, i + *used, "A lone surrogate in a JSON escape",
			      NULL, 0);
	}
	if (al_char_is_tag(cp)) {
		char ch = (char)(cp - 0xe0000);

		if (cp >= 0xe0020 && cp <= 0xe007e)
			emit_char(c, ch, i);
		hide(c, i);
		if (c->last_line[R_TAGS] == c->line_start + 1)
			return 0;
		return report(c, R_TAGS, 0, i, i + *used,
			      "Unicode tag characters, written as JSON escapes, hide text", NULL,
			      0);
	}
	if (al_char_is_bidi_control(cp)) {
		drop(c, i);
		return report(
			c, R_BIDI, 0, i, i + *used,
			"Bidirectional control character (as a JSON escape) reorders the text",
			NULL, 0);
	}
	if (al_utf8_is_invisible(cp) && !al_char_is_direction_mark(cp))
		return check_invisible(c, i, *used, cp);
	if (al_char_is_direction_mark(cp)) {
		drop(c, i);
		return 0;
	}
	c->prev = cp;
	emit(c, buf, al_char_utf8_encode(buf, cp), i);
	c->nv->changed = true;
	/* "\u0072" for "r" spells a word so that no pattern sees it;
	 * "caf\u00e9" is how some serializers write any non-ASCII text. */
	if (cp < 0x80)
		hide(c, i);
	return 0;
}

/* Hebrew, Arabic and the other right-to-left scripts. */
static bool rtl_letter(uint32_t cp)
{
	return (cp >= 0x0590 && cp <= 0x08ff) || (cp >= 0xfb1d && cp <= 0xfdff) ||
	       (cp >= 0xfe70 && cp <= 0xfeff);
}

/* An isolate or embedding (not an override) in prose whose line holds
 * right-to-left letters: how Hebrew and Arabic writers keep `code` or a
 * version number in order. An override reorders the letters themselves, and
 * code or settings have no use for any of them. */
static bool rtl_formatting(struct ctx *c, uint32_t cp)
{
	const unsigned char *d = c->in->data;
	size_t len = c->in->len, n;
	uint32_t x;

	if (cp == 0x202d || cp == 0x202e ||
	    (c->in->kind != AIRLOCK_KIND_MARKDOWN && c->in->kind != AIRLOCK_KIND_TEXT))
		return false;
	/* once per line: a line of a million marks is read once */
	if (c->rtl_line == c->line_start + 1)
		return c->rtl_has;
	c->rtl_line = c->line_start + 1;
	c->rtl_has = false;
	for (size_t k = c->line_start; k < len && d[k] != '\n'; k += n ? n : 1) {
		n = d[k] < 0x80 ? 1 : al_utf8_decode(d + k, len - k, &x);
		if (n > 1 && rtl_letter(x)) {
			c->rtl_has = true;
			break;
		}
	}
	return c->rtl_has;
}

static bool is_json(airlock_kind kind)
{
	return kind == AIRLOCK_KIND_JSON || kind == AIRLOCK_KIND_JSONC;
}

static int step(struct ctx *c, size_t i, size_t *used)
{
	const unsigned char *d = c->in->data;
	size_t len = c->in->len, n;
	uint32_t cp;
	char a;

	if (d[i] == '\\' && is_json(c->in->kind))
		return check_json_escape(c, i, used);
	/* Fast path: printable ASCII other than blanks needs no more than the
	 * word check. */
	if (d[i] > 0x20 && d[i] < 0x7f) {
		*used = 1;
		if (char_wordish(d[i]) && !char_wordish(c->prev) && i >= c->fold_until) {
			int error = check_word(c, i);

			if (error < 0)
				return error;
		}
		emit(c, d + i, 1, i);
		return 0;
	}
	n = al_utf8_decode(d + i, len - i, &cp);
	*used = n ? n : 1;
	if (n == 0) {
		emit(c, d + i, 1, i);
		return report(c, R_INVALID, 0, i, i + 1,
			      "Bytes that are not valid UTF-8 (the first place in the file)", NULL,
			      0);
	}
	if (cp == 0x1b)
		return check_escape(c, i, used);
	if (al_char_is_tag(cp))
		return check_tags(c, i, used);
	if (variation_selector(cp) && i + n < len) {
		uint32_t next;

		if (al_utf8_decode(d + i + n, len - i - n, &next) && variation_selector(next))
			return check_selectors(c, i, used);
	}
	/* One no-break space is typography ("10\u00a0km"); a run of them is a
	 * blank run like any other. */
	if (al_char_is_blank(cp) &&
	    (cp != 0xa0 || (i + 3 < len && d[i + 2] == 0xc2 && d[i + 3] == 0xa0)))
		return check_blanks(c, i, used);
	if (al_char_is_bidi_control(cp)) {
		drop(c, i);
		if (rtl_formatting(c, cp))
			return report(c, R_BIDI, AIRLOCK_SEVERITY_LOW, i, i + n,
				      "Bidirectional isolate or embedding in right-to-left text",
				      NULL, 0);
		return report(c, R_BIDI, 0, i, i + n,
			      "Bidirectional control character reorders how the text is shown",
			      NULL, 0);
	}
	if (al_char_is_direction_mark(cp)) {
		drop(c, i);
		return 0;
	}
	if ((cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\r' && cp != '\f') || cp == 0x7f) {
		drop(c, i);
		return report(c, R_ESCAPE, AIRLOCK_SEVERITY_MEDIUM, i, i + n,
			      "Control character that a terminal acts on", NULL, 0);
	}
	if (cp == '\r' && i + 1 < len && d[i + 1] != '\n') {
		emit(c, d + i, n, i);
		return report(
			c, R_ESCAPE, AIRLOCK_SEVERITY_MEDIUM, i, i + n,
			"Carriage return inside a line: a terminal overwrites what came before",
			NULL, 0);
	}
	if (al_utf8_is_invisible(cp))
		return check_invisible(c, i, n, cp);
	if (char_wordish(cp) && !char_wordish(c->prev) && i >= c->fold_until) {
		int error = check_word(c, i);

		if (error < 0)
			return error;
	}
	if ((i < c->fold_until && (a = al_char_confusable(cp))) || (a = al_char_fullwidth(cp)) ||
	    (a = al_char_styled(cp))) {
		emit_char(c, a, i);
		hide(c, i);
	} else
		emit(c, d + i, n, i);
	return 0;
}

enum { A_STOP, A_PLAIN, A_WORD, A_NEWLINE, A_SPACE, A_BACKSLASH };

/* What each byte is to ascii_run(). */
static const unsigned char ascii_class[256] = {
	['\n'] = A_NEWLINE,     [' '] = A_SPACE,         ['!' ... '/'] = A_PLAIN,
	['0' ... '9'] = A_WORD, [':' ... '@'] = A_PLAIN, ['A' ... 'Z'] = A_WORD,
	['['] = A_PLAIN,        ['\\'] = A_BACKSLASH,    [']' ... '`'] = A_PLAIN,
	['a' ... 'z'] = A_WORD, ['{' ... '~'] = A_PLAIN,
};

/* Whether ascii_run() stops at d[j]: a byte other than printable ASCII, a
 * single space or a newline; a space before a blank, a newline or such a
 * byte (a run of blanks, or a blank that is not ASCII); a backslash in
 * JSON. */
static bool ascii_stop_at(const unsigned char *d, size_t len, size_t j, bool json)
{
	switch (ascii_class[d[j]]) {
	case A_STOP:
		return true;
	case A_BACKSLASH:
		return json;
	case A_SPACE:
		return j + 1 < len &&
		       (ascii_class[d[j + 1]] == A_STOP || ascii_class[d[j + 1]] == A_NEWLINE ||
			ascii_class[d[j + 1]] == A_SPACE);
	default:
		return false;
	}
}

/* The first offset from i where ascii_stop_at() holds, or len. Most files
 * are plain ASCII prose: sixteen bytes are judged at once, each with the
 * byte after it. A byte passes when it is printable ASCII other than a
 * space, a newline, or a space before such a printable byte. In JSON a
 * backslash stops too (outside JSON the comparison looks for a NUL, which
 * stops anyway). */
static size_t ascii_stop(const unsigned char *d, size_t len, size_t i, bool json)
{
	signed char backslash = json ? '\\' : 0;
	size_t j = i;

	for (; len - j > BYTEVEC_LEN; j += BYTEVEC_LEN) {
		bytevec x = bytevec_load(d + j), y = bytevec_load(d + j + 1);
		bytevec pass = bytevec_in(x, '!', '~') | (x == '\n') |
			       ((x == ' ') & bytevec_in(y, '!', '~'));
		unsigned int bits = bytevec_bits(~pass | (x == backslash));

		if (bits)
			return j + (size_t)__builtin_ctz(bits);
	}
	while (j < len && !ascii_stop_at(d, len, j, json))
		j++;
	return j;
}

/* The length of the plain ASCII prose at d[i] that the view keeps as it is:
 * printable characters, single spaces before printable ASCII, newlines.
 * Anything else ends it, and so does a word that runs on into non-ASCII
 * (the look-alike check must see it from its start); step() takes over
 * there. The same as stepping byte by byte (al_unicode_ascii_fast off), as
 * tests/unit/check_unicode.c checks. */
static size_t ascii_run(struct ctx *c, size_t i)
{
	const unsigned char *d = c->in->data;
	size_t len = c->in->len, j = ascii_stop(d, len, i, is_json(c->in->kind)), w = j;
	const unsigned char *nl;

	/* The word before a non-ASCII byte: step() checks it for look-alikes
	 * where it starts, unless it started before i in a word step() has
	 * seen, or lies where confusables are folded already. */
	if (j < len && d[j] >= 0x80) {
		while (w > i && ascii_class[d[w - 1]] == A_WORD)
			w--;
		if (w < j && (w > i || !char_wordish(c->prev)) && w >= c->fold_until)
			j = w;
	}
	if ((nl = memrchr(d + i, '\n', j - i)))
		c->line_start = (size_t)(nl - d) + 1;
	return j - i;
}

int al_unicode_scan(struct findings *fs, struct norm_view *nv, const struct scan_input *in)
{
	struct ctx c = { 0 };
	int error = 0;

	memset(nv, 0, sizeof(*nv));
	if (in->len > SIZE_MAX / sizeof(size_t) - 1)
		return al_error_oom();
	nv->data = malloc(in->len + 1);
	nv->map = malloc((in->len + 1) * sizeof(size_t));
	nv->hid = calloc(in->len / 8 + 1, 1);
	if (!nv->data || !nv->map || !nv->hid)
		return al_error_oom();
	c.fs = fs;
	c.in = in;
	c.nv = nv;
	c.identical = true;
	nv->in_len = in->len;
	for (size_t i = 0, used; i < in->len && error == 0; i += used) {
		uint32_t cp;
		size_t n;

		if (al_unicode_ascii_fast && (used = ascii_run(&c, i)) > 0) {
			emit_original(&c, i, used);
			c.prev = in->data[i + used - 1];
			continue;
		}
		c.prev_set = false;
		error = step(&c, i, &used);
		if (c.prev_set)
			continue;
		if (in->data[i] < 0x80) {
			if (in->data[i] == '\n')
				c.line_start = i + 1;
			c.prev = in->data[i];
			continue;
		}
		n = al_utf8_decode(in->data + i, in->len - i, &cp);
		if (n && !al_utf8_is_invisible(cp) && !al_char_is_tag(cp))
			c.prev = cp;
		else if (n == 0)
			c.prev = 0;
	}
	/* hiding undone without a byte changed (a flag's tags) still asks for
	 * the second pass, over a written view */
	if (nv->changed)
		materialize(&c);
	if (!c.identical) {
		nv->map[nv->len] = in->len;
		nv->data[nv->len] = '\0';
	}
	return error;
}

void al_norm_view_free(struct norm_view *nv)
{
	free(nv->data);
	free(nv->map);
	free(nv->hid);
	memset(nv, 0, sizeof(*nv));
}

void al_norm_view_span(const struct norm_view *nv, const struct scan_input *in, size_t start,
		       size_t end, size_t *ostart, size_t *oend)
{
	uint32_t cp;
	size_t last, n;

	if (start > nv->len)
		start = nv->len;
	if (end > nv->len)
		end = nv->len;
	*ostart = nv->map[start];
	if (end <= start) {
		*oend = *ostart;
		return;
	}
	last = nv->map[end - 1];
	n = last < in->len ? al_utf8_decode(in->data + last, in->len - last, &cp) : 0;
	*oend = last + (n ? n : 1);
	if (*oend > in->len)
		*oend = in->len;
}

bool al_norm_view_hides(const struct norm_view *nv, size_t start, size_t end)
{
	for (size_t i = start; i < end && i < nv->in_len; i++)
		if (nv->hid[i >> 3] & (1u << (i & 7)))
			return true;
	return false;
}
