/*
 * json.c - JSON and JSONC documents, as the agents' JavaScript reads them.
 *
 * Claude Code, Cursor and most agents read JSON with JavaScript's
 * JSON.parse; VS Code (jsonc-parser) and Gemini CLI read JSONC: the same
 * with // and block comments and trailing commas. d->json is a copy of the
 * text with comments and trailing commas blanked (newlines kept, so every
 * line and column stays), and jansson parses that copy. Where jansson would
 * refuse what JSON.parse accepts, the copy it parses is adjusted so that
 * both see the same value:
 *   - a lone UTF-16 surrogate escape ("\ud800") becomes "\ufffd" (U+FFFD,
 *     which is what the string holds for any use the agent makes of it);
 *   - an integer past 2^53 becomes the double JSON.parse makes of it, and a
 *     number past the double range becomes the string "inf" or "-inf" (the
 *     tree has no infinity; TOML's are written the same way);
 *   - bytes that are not UTF-8 inside a string become U+FFFD, as Node's
 *     UTF-8 decoding of the file makes them before JSON.parse sees it.
 * Deliberately stricter than the agents: a key defined twice (the agent
 * takes the last, a reader of the file may see the first), a key holding
 * U+0000, and nesting past LIMIT_JSON_DEPTH are invalid. A byte order mark
 * is skipped in JSONC (editors do) and invalid in JSON (JSON.parse throws).
 */
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/jsonio.h"
#include "common/limits.h"
#include "common/utf8.h"
#include "formats/formats.h"

bool al_json_depth_ok(const char *buf, size_t len, int max)
{
	bool in_string = false;
	int depth = 0;

	for (size_t i = 0; i < len; i++) {
		char ch = buf[i];

		if (in_string) {
			if (ch == '\\')
				i++;
			else if (ch == '"')
				in_string = false;
		} else if (ch == '"') {
			in_string = true;
		} else if (ch == '/' && i + 1 < len && (buf[i + 1] == '/' || buf[i + 1] == '*')) {
			/* a comment: jansson refuses it, but not for its depth */
			const char *end = buf[i + 1] == '/'
						  ? memchr(buf + i, '\n', len - i)
						  : memmem(buf + i + 2, len - i - 2, "*/", 2);

			if (!end)
				break;
			i = (size_t)(end - buf) + (buf[i + 1] == '*'); /* at the '\n' or the '/' */
		} else if (ch == '[' || ch == '{') {
			if (++depth > max)
				return false;
		} else if (ch == ']' || ch == '}') {
			depth--;
		}
	}
	return true;
}

/* --- the text jansson parses ------------------------------------------------------ */

struct prep {
	char *text; /* d->json, being blanked */
	size_t len;
	bool jsonc;
	/* the text jansson parses, when it differs in length from d->json:
	 * text[0..copied) rewritten into out[0..outlen) */
	char *out;
	size_t outlen, outcap, copied;
	unsigned line; /* of an error */
	const char *error;
};

/* Bytes [at, at + len) of d->json are read as `with` by jansson. Changes
 * come in the order of the text, and before the text they change is
 * blanked or rewritten in place. */
static int substitute(struct prep *p, size_t at, size_t len, const char *with)
{
	size_t w = strlen(with), need = p->outlen + (at - p->copied) + w + 1;

	if (need > p->outcap) {
		size_t cap = p->outcap ? p->outcap : p->len + p->len / 4 + 64;
		char *grown;

		while (cap < need)
			cap *= 2;
		if (!(grown = realloc(p->out, cap)))
			return al_error_oom();
		p->out = grown;
		p->outcap = cap;
	}
	memcpy(p->out + p->outlen, p->text + p->copied, at - p->copied);
	p->outlen += at - p->copied;
	memcpy(p->out + p->outlen, with, w);
	p->outlen += w;
	p->copied = at + len;
	return 0;
}

static unsigned line_at(const char *text, size_t pos)
{
	unsigned line = 1;

	for (size_t i = 0; i < pos; i++)
		line += text[i] == '\n';
	return line;
}

static int hex4(const char *s, size_t avail)
{
	int v = 0;

	if (avail < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9'   ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10
					       : -1;

		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* The length of the maximal subpart of an ill-formed UTF-8 sequence at
 * s[0..avail) (Unicode 3.9, table 3-7): what one U+FFFD replaces in a
 * WHATWG decoder such as Node's. */
static size_t bad_utf8_len(const unsigned char *s, size_t avail)
{
	unsigned char b = s[0], lo = 0x80, hi = 0xBF;
	size_t need, n = 1;

	if (b >= 0xC2 && b <= 0xDF)
		need = 1;
	else if (b >= 0xE0 && b <= 0xEF)
		need = 2, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
	else if (b >= 0xF0 && b <= 0xF4)
		need = 3, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
	else
		return 1;
	for (size_t k = 0; k < need && n < avail; k++, n++) {
		if (s[n] < lo || s[n] > hi)
			break;
		lo = 0x80, hi = 0xBF;
	}
	return n;
}

/* A string from the '"' at text[i]; returns the index after its closing
 * quote (or len). Lone surrogate escapes are rewritten in place, bytes
 * that are not UTF-8 substituted. */
static size_t scan_string(struct prep *p, size_t i)
{
	char *t = p->text;

	for (i++; i < p->len; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c == '"')
			return i + 1;
		if (c == '\\') {
			int u, low;

			if (i + 1 >= p->len || t[i + 1] != 'u') {
				i++;
				continue;
			}
			u = hex4(t + i + 2, p->len - i - 2);
			if (u < 0) {
				i++; /* jansson refuses the escape */
				continue;
			}
			if (u >= 0xD800 && u <= 0xDBFF && i + 11 < p->len && t[i + 6] == '\\' &&
			    t[i + 7] == 'u' && (low = hex4(t + i + 8, p->len - i - 8)) >= 0xDC00 &&
			    low <= 0xDFFF) {
				i += 11; /* a pair */
				continue;
			}
			if (u >= 0xD800 && u <= 0xDFFF)
				memcpy(t + i + 2, "fffd", 4);
			i += 5;
		} else if (c >= 0x80) {
			uint32_t cp;
			size_t n = al_utf8_decode((const unsigned char *)t + i, p->len - i, &cp);

			if (n) {
				i += n - 1;
				continue;
			}
			n = bad_utf8_len((const unsigned char *)t + i, p->len - i);
			if (substitute(p, i, n, "\xEF\xBF\xBD") < 0)
				return SIZE_MAX;
			i += n - 1;
		}
	}
	return i;
}

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

double al_json_strtod(const char *s)
{
	/* glibc's C locale object is static: newlocale allocates nothing */
	locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	double v = c ? strtod_l(s, NULL, c) : strtod(s, NULL);

	if (c)
		freelocale(c);
	return v;
}

/* Whether the JSON number at num (which strtod reads to its end) is past
 * the double range. */
static bool overflows(const char *num, size_t len)
{
	if (!memchr(num, 'e', len) && !memchr(num, 'E', len) && len < 300)
		return false;
	return isinf(al_json_strtod(num));
}

/* A number from text[i] (a '-' or a digit): one that JSON.parse reads as
 * a double where jansson would not is substituted. Returns the index after
 * it. */
static size_t scan_number(struct prep *p, size_t i, bool value)
{
	const char *t = p->text;
	size_t start = i, digits;
	bool integer = true;

	if (t[i] == '-')
		i++;
	if (i >= p->len || !digit(t[i]))
		return i;
	if (t[i] == '0')
		i++;
	else
		while (i < p->len && digit(t[i]))
			i++;
	digits = i - start - (t[start] == '-');
	if (i < p->len && t[i] == '.') {
		integer = false;
		if (++i >= p->len || !digit(t[i]))
			return i;
		while (i < p->len && digit(t[i]))
			i++;
	}
	if (i < p->len && (t[i] == 'e' || t[i] == 'E')) {
		integer = false;
		if (++i < p->len && (t[i] == '+' || t[i] == '-'))
			i++;
		if (i >= p->len || !digit(t[i]))
			return i;
		while (i < p->len && digit(t[i]))
			i++;
	}
	if (!value) /* a number where a key belongs stays invalid */
		return i;
	if (integer) {
		/* past 2^53 = 9007199254740992, JSON.parse rounds to a double */
		const char *mag = t + start + (t[start] == '-');

		if (!(digits > 16 || (digits == 16 && memcmp(mag, "9007199254740992", 16) > 0)))
			return i;
		if (!overflows(t + start, i - start))
			return substitute(p, i, 0, ".0") < 0 ? SIZE_MAX : i;
	}
	if (overflows(t + start, i - start) &&
	    substitute(p, start, i - start, t[start] == '-' ? "\"-inf\"" : "\"inf\"") < 0)
		return SIZE_MAX;
	return i;
}

/* Blanks the comments and trailing commas of a JSONC text; for both
 * formats, finds what the parse copy must change. Returns 0,
 * AIRLOCK_EINVALID (p->error, p->line) or AIRLOCK_ERROR. */
static int prepare(struct prep *p)
{
	char *t = p->text;
	size_t i = 0, comma = SIZE_MAX;  /* a comma that may be trailing */
	char before_comma = 0, last = 0; /* the last significant characters */
	char open[LIMIT_JSON_DEPTH + 1]; /* the brackets around i */
	size_t depth = 0;

	while (i < p->len) {
		char c = t[i];

		if (c == '"') {
			i = scan_string(p, i);
			last = '"';
		} else if (c == '/' && p->jsonc && i + 1 < p->len && t[i + 1] == '/') {
			while (i < p->len && t[i] != '\n' && t[i] != '\r')
				t[i++] = ' ';
		} else if (c == '/' && p->jsonc && i + 1 < p->len && t[i + 1] == '*') {
			const char *end = memmem(t + i + 2, p->len - i - 2, "*/", 2);

			if (!end) {
				p->line = line_at(t, i);
				p->error = "unterminated comment";
				return AIRLOCK_EINVALID;
			}
			for (size_t stop = (size_t)(end - t) + 2; i < stop; i++)
				if (t[i] != '\n' && t[i] != '\r')
					t[i] = ' ';
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			i++;
		} else if (c == '-' || digit(c)) {
			bool value =
				last == ':' || last == 0 ||
				(depth && open[depth - 1] == '[' && (last == '[' || last == ','));

			i = scan_number(p, i, value);
			last = '0';
		} else {
			if (c == '[' || c == '{') {
				if (depth > LIMIT_JSON_DEPTH)
					return 0; /* al_json_depth_ok refuses it */
				open[depth++] = c;
			} else if ((c == ']' || c == '}') && depth) {
				depth--;
			}
			if (c == ',') {
				comma = i;
				before_comma = last;
			} else if ((c == ']' || c == '}') && p->jsonc && last == ',' &&
				   before_comma && !strchr("[{,:", before_comma)) {
				t[comma] = ' ';
			}
			last = c;
			i++;
		}
		if (i == SIZE_MAX)
			return AIRLOCK_ERROR;
	}
	return 0;
}

/* The text jansson parses: d->json with p's substitutions (p->out), or
 * d->json itself. */
static int parse_copy(struct prep *p, const char **out, size_t *outlen)
{
	*out = p->text;
	*outlen = p->len;
	if (!p->out)
		return 0;
	if (substitute(p, p->len, 0, "") < 0)
		return AIRLOCK_ERROR;
	p->out[p->outlen] = '\0';
	*out = p->out;
	*outlen = p->outlen;
	return 0;
}

/* "duplicate object key near '"k"'" as `duplicate key "k"`, k escaped. */
static void duplicate_reason(char *why, size_t cap, const json_error_t *jerr)
{
	const char *near = strstr(jerr->text, "near '"), *end;
	json_t *key = NULL;
	char *shown = NULL;

	if (near && (end = strrchr(near + 6, '\'')) && end > near + 6)
		key = al_json_loadb(near + 6, (size_t)(end - near - 6),
				    JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL, NULL);
	if (json_is_string(key))
		shown = al_utf8_escape(json_string_value(key), json_string_length(key), false);
	snprintf(why, cap, "line %d: duplicate key \"%s\"", jerr->line, shown ? shown : "?");
	free(shown);
	json_decref(key);
}

/* jansson's message, which quotes the text near the error: escaped, so
 * that the reason stays one printable line. */
static void jansson_reason(char *why, size_t cap, const json_error_t *jerr)
{
	char *shown = al_utf8_escape(jerr->text, strlen(jerr->text), false);

	snprintf(why, cap, "line %d: %s", jerr->line, shown ? shown : "invalid JSON");
	free(shown);
}

int al_json_load(struct al_doc *d, bool jsonc, const void *buf, size_t len, char *why, size_t cap)
{
	struct prep p = { .len = len, .jsonc = jsonc };
	json_error_t jerr;
	const char *parse;
	size_t parse_len;
	int error;
	bool oom;

	if (!(p.text = malloc(len + 1)))
		return al_error_oom();
	memcpy(p.text, buf, len);
	p.text[len] = '\0';
	if (len >= 3 && memcmp(p.text, "\xEF\xBB\xBF", 3) == 0) {
		if (!jsonc) {
			snprintf(why, cap, "line 1: byte order mark");
			error = AIRLOCK_EINVALID;
			goto out;
		}
		memset(p.text, ' ', 3);
	}
	if ((error = prepare(&p)) < 0) {
		if (error == AIRLOCK_EINVALID)
			snprintf(why, cap, "line %u: %s", p.line, p.error);
		goto out;
	}
	if (!al_json_depth_ok(p.text, p.len, LIMIT_JSON_DEPTH)) {
		snprintf(why, cap, "nested deeper than %d levels", LIMIT_JSON_DEPTH);
		error = AIRLOCK_EINVALID;
		goto out;
	}
	if ((error = parse_copy(&p, &parse, &parse_len)) < 0)
		goto out;
	d->root = al_json_loadb(parse, parse_len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr,
				&oom);
	if (!d->root) {
		error = AIRLOCK_EINVALID;
		/* jansson reports most allocation failures as syntax errors
		 * (al_json_loadb notes them); one before it read anything has
		 * no line */
		if (oom || json_error_code(&jerr) == json_error_out_of_memory || jerr.line < 0)
			error = al_error_oom();
		else if (json_error_code(&jerr) == json_error_duplicate_key)
			duplicate_reason(why, cap, &jerr);
		else
			jansson_reason(why, cap, &jerr);
		goto out;
	}
	if (!json_is_object(d->root)) {
		snprintf(why, cap, "not a JSON object");
		json_decref(d->root);
		d->root = NULL;
		error = AIRLOCK_EINVALID;
		goto out;
	}
	free(d->json);
	free(d->lines);
	d->json = p.text;
	d->json_len = p.len;
	d->lines = NULL;
	d->nlines = 0;
	p.text = NULL;
out:
	free(p.text);
	free(p.out);
	return error;
}
