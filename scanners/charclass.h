/*
 * charclass.h - character classes for the Unicode analysis.
 */
#ifndef AIRLOCK_SCANNERS_CHARCLASS_H
#define AIRLOCK_SCANNERS_CHARCLASS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool al_char_is_tag(uint32_t cp);            /* U+E0000-E007F */
bool al_char_is_bidi_control(uint32_t cp);   /* embeddings, overrides, isolates */
bool al_char_is_direction_mark(uint32_t cp); /* LRM, RLM, ALM */
bool al_char_is_emoji(uint32_t cp);
bool al_char_is_joining_script(uint32_t cp); /* scripts whose spelling uses ZWJ/ZWNJ */
bool al_char_is_cjk(uint32_t cp);
bool al_char_is_blank(uint32_t cp);
bool al_char_is_latin_letter(uint32_t cp);
bool al_char_is_wordish(uint32_t cp); /* a letter or digit of any script, roughly */

/* al_char_is_wordish, inline for ASCII: it runs on nearly every byte scanned. */
static inline bool char_wordish(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	return al_char_is_wordish(cp);
}

/* The ASCII letter a Cyrillic or Greek look-alike stands for, or 0. */
char al_char_confusable(uint32_t cp);

/* The ASCII character a fullwidth form (U+FF01-FF5E) stands for, or 0. */
char al_char_fullwidth(uint32_t cp);

/* The ASCII letter or digit a styled one stands for: mathematical
 * alphanumerics (bold, italic, script, fraktur, double-struck, sans-serif,
 * monospace: U+1D400-U+1D6A3, U+1D7CE-U+1D7FF) and circled letters
 * (U+24B6-U+24E9); 0 for any other code point. */
char al_char_styled(uint32_t cp);

/* Four hex digits at d[i..i+4) into *out; -1 when they are not. */
int al_char_hex4(const unsigned char *d, size_t len, size_t i, uint32_t *out);

/* UTF-8 of a code point into out; returns its length (1-4). */
size_t al_char_utf8_encode(unsigned char out[4], uint32_t cp);

#endif
