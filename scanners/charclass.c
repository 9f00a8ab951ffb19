/*
 * charclass.c - the character classes the Unicode analysis decides by: which
 * code points are tags, bidi controls, emoji, letters of which script, and
 * which look like Latin letters. Rough on purpose where Unicode's own tables
 * would be a dependency: each class errs towards reporting.
 */
#include <string.h>

#include "common/utf8.h"
#include "scanners/charclass.h"

bool al_char_is_tag(uint32_t cp)
{
	return cp >= 0xe0000 && cp <= 0xe007f;
}

bool al_char_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

bool al_char_is_direction_mark(uint32_t cp)
{
	return cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

bool al_char_is_emoji(uint32_t cp)
{
	return cp >= 0x1f000 || (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x2190 && cp <= 0x21ff) ||
	       (cp >= 0x2b00 && cp <= 0x2bff) || cp == 0x20e3 || cp == 0xfe0f || cp == 0x2640 ||
	       cp == 0x2642 || cp == 0x00a9 || cp == 0x00ae;
}

/* Scripts whose spelling uses ZWJ/ZWNJ (Hebrew and Arabic through the Indic
 * and South-East Asian blocks). */
bool al_char_is_joining_script(uint32_t cp)
{
	return cp >= 0x0590 && cp < 0x1e00;
}

bool al_char_is_cjk(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
	       (cp >= 0x20000 && cp <= 0x3ffff);
}

bool al_char_is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200a) ||
	       cp == 0x3000;
}

bool al_char_is_latin_letter(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7);
}

/* Letters and digits of any script, roughly: enough to tell "inside a word". */
bool al_char_is_wordish(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z');
	if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7 || al_utf8_is_invisible(cp))
		return false;
	if ((cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) ||
	    al_char_is_emoji(cp))
		return false;
	return true;
}

/* Cyrillic and Greek letters that look like Latin ones, and their fold. */
static const struct {
	uint32_t cp;
	char ascii;
} confusables[] = {
	{ 0x0391, 'A' }, { 0x0392, 'B' }, { 0x0395, 'E' }, { 0x0396, 'Z' }, { 0x0397, 'H' },
	{ 0x0399, 'I' }, { 0x039a, 'K' }, { 0x039c, 'M' }, { 0x039d, 'N' }, { 0x039f, 'O' },
	{ 0x03a1, 'P' }, { 0x03a4, 'T' }, { 0x03a5, 'Y' }, { 0x03a7, 'X' }, { 0x03b1, 'a' },
	{ 0x03b9, 'i' }, { 0x03ba, 'k' }, { 0x03bd, 'v' }, { 0x03bf, 'o' }, { 0x03c1, 'p' },
	{ 0x03c5, 'u' }, { 0x0405, 'S' }, { 0x0406, 'I' }, { 0x0408, 'J' }, { 0x0410, 'A' },
	{ 0x0412, 'B' }, { 0x0415, 'E' }, { 0x041a, 'K' }, { 0x041c, 'M' }, { 0x041d, 'H' },
	{ 0x041e, 'O' }, { 0x0420, 'P' }, { 0x0421, 'C' }, { 0x0422, 'T' }, { 0x0423, 'Y' },
	{ 0x0425, 'X' }, { 0x0430, 'a' }, { 0x0435, 'e' }, { 0x043e, 'o' }, { 0x0440, 'p' },
	{ 0x0441, 'c' }, { 0x0443, 'y' }, { 0x0445, 'x' }, { 0x0455, 's' }, { 0x0456, 'i' },
	{ 0x0458, 'j' }, { 0x04bb, 'h' }, { 0x0501, 'd' }, { 0x051b, 'q' }, { 0x051d, 'w' },
};

char al_char_confusable(uint32_t cp)
{
	if (cp < 0x0391 || cp > 0x051d)
		return 0;
	for (size_t i = 0; i < sizeof(confusables) / sizeof(confusables[0]); i++)
		if (confusables[i].cp == cp)
			return confusables[i].ascii;
	return 0;
}

/* Fullwidth forms of ASCII (U+FF01-FF5E) read as ASCII. */
char al_char_fullwidth(uint32_t cp)
{
	return cp >= 0xff01 && cp <= 0xff5e ? (char)(cp - 0xff01 + 0x21) : 0;
}

char al_char_styled(uint32_t cp)
{
	uint32_t k;

	if (cp >= 0x1d400 && cp <= 0x1d6a3) {
		k = (cp - 0x1d400) % 52;
		return (char)(k < 26 ? 'A' + k : 'a' + k - 26);
	}
	if (cp >= 0x1d7ce && cp <= 0x1d7ff)
		return (char)('0' + (cp - 0x1d7ce) % 10);
	if (cp >= 0x24b6 && cp <= 0x24cf)
		return (char)('A' + cp - 0x24b6);
	if (cp >= 0x24d0 && cp <= 0x24e9)
		return (char)('a' + cp - 0x24d0);
	return 0;
}

int al_char_hex4(const unsigned char *d, size_t len, size_t i, uint32_t *out)
{
	uint32_t v = 0;

	if (i + 4 > len)
		return -1;
	for (size_t k = i; k < i + 4; k++) {
		unsigned char h = d[k];

		v <<= 4;
		if (h >= '0' && h <= '9')
			v |= h - '0';
		else if ((h | 0x20) >= 'a' && (h | 0x20) <= 'f')
			v |= (h | 0x20) - 'a' + 10;
		else
			return -1;
	}
	*out = v;
	return 0;
}

size_t al_char_utf8_encode(unsigned char out[4], uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xc0 | (cp >> 6));
		out[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (unsigned char)(0xe0 | (cp >> 12));
		out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (unsigned char)(0xf0 | (cp >> 18));
	out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}
