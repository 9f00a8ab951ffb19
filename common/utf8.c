/*
 * utf8.c - strict UTF-8 decoding and escaping for display.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"

size_t al_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t c, min;
	size_t n;

	if (len == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		c &= 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		c &= 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

bool al_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	while (len > 0) {
		size_t n = al_utf8_decode(p, len, &cp);

		if (n == 0)
			return false;
		p += n;
		len -= n;
	}
	return true;
}

bool al_utf8_is_invisible(uint32_t cp)
{
	static const struct {
		uint32_t lo, hi;
	} ranges[] = {
		{ 0x0080, 0x009f },   /* C1 controls */
		{ 0x00ad, 0x00ad },   /* soft hyphen */
		{ 0x034f, 0x034f },   /* combining grapheme joiner */
		{ 0x061c, 0x061c },   /* Arabic letter mark */
		{ 0x115f, 0x1160 },   /* Hangul fillers */
		{ 0x17b4, 0x17b5 },   /* Khmer inherent vowels */
		{ 0x180b, 0x180f },   /* Mongolian selectors and vowel separator */
		{ 0x200b, 0x200f },   /* zero-width space/joiners, LRM, RLM */
		{ 0x2028, 0x202e },   /* line/paragraph separators, bidi embeddings */
		{ 0x2060, 0x206f },   /* word joiner, invisible operators, bidi isolates */
		{ 0x3164, 0x3164 },   /* Hangul filler */
		{ 0xfe00, 0xfe0f },   /* variation selectors */
		{ 0xfeff, 0xfeff },   /* byte order mark / zero-width no-break space */
		{ 0xffa0, 0xffa0 },   /* halfwidth Hangul filler */
		{ 0xfff0, 0xfffb },   /* unassigned specials, interlinear annotations */
		{ 0x1bca0, 0x1bca3 }, /* shorthand format controls */
		{ 0x1d173, 0x1d17a }, /* musical formatting */
		{ 0xe0000, 0xe0fff }, /* tags and variation selectors supplement */
	};

	if (cp < 0x80)
		return false; /* the common case, on every character of a scan */
	for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
		if (cp >= ranges[i].lo && cp <= ranges[i].hi)
			return true;
	return false;
}

/* Worst case per input byte is "\xNN" (4 bytes); per code point "<U+10FFFF>"
 * (10 bytes for at least 4 input bytes). 4x plus the NUL bounds both. */
char *al_utf8_escape(const char *s, size_t len, bool strict)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out, *o;

	if (len > (SIZE_MAX - 1) / 4)
		return NULL;
	out = malloc(len * 4 + 1);
	if (!out)
		return NULL;
	o = out;
	while (len > 0) {
		uint32_t cp;
		size_t n = al_utf8_decode(p, len, &cp);

		if (n == 0) {
			o += sprintf(o, "\\x%02X", p[0]);
			n = 1;
		} else if (cp == '\n') {
			o += sprintf(o, "\\n");
		} else if (cp == '\t') {
			o += sprintf(o, "\\t");
		} else if (cp == '\r') {
			o += sprintf(o, "\\r");
		} else if (cp < 0x20 || cp == 0x7f) {
			o += sprintf(o, "\\x%02X", (unsigned)cp);
		} else if (cp == '\\' && strict) {
			o += sprintf(o, "\\\\");
		} else if (al_utf8_is_invisible(cp)) {
			o += sprintf(o, "<U+%04X>", (unsigned)cp);
		} else {
			memcpy(o, p, n);
			o += n;
		}
		p += n;
		len -= n;
	}
	*o = '\0';
	return out;
}

char *airlock_escape(const char *s, size_t len)
{
	return al_utf8_escape(s, len, false);
}
