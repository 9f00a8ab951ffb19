/*
 * utf8.h - strict UTF-8 decoding and escaping for display.
 *
 * Attacker-chosen bytes (file names now, file content later) are shown to
 * people and to machines. Escaping makes what is hidden visible: invisible
 * and bidirectional-control characters appear as <U+XXXX>, bytes that are not
 * UTF-8 as \xNN, control characters as \n, \t, \xNN.
 */
#ifndef AIRLOCK_COMMON_UTF8_H
#define AIRLOCK_COMMON_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airlock.h"

/* Decodes one code point from s[0..len). Returns its length in bytes (1-4),
 * or 0 when the bytes there are not well-formed UTF-8 (overlong forms,
 * surrogates and values past U+10FFFF are rejected, as RFC 3629 requires). */
size_t al_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

bool al_utf8_valid(const char *s, size_t len);

/* True for code points a reader does not see or that reorder what they see:
 * zero-width and joiner characters, bidirectional controls, Unicode tags,
 * variation selectors, invisible fillers, the BOM, C1 controls. */
bool al_utf8_is_invisible(uint32_t cp);

/* Escaped copy of s[0..len) for display; new, caller frees with free().
 * NULL when memory runs out. Printable ASCII and visible UTF-8 pass through;
 * a backslash is doubled only when `strict` is set (so that the escaped form
 * can be told apart from a name that contains "\x41" literally). */
char *al_utf8_escape(const char *s, size_t len, bool strict);

#endif
