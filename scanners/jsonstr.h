/*
 * jsonstr.h - JSON strings decoded with a byte map back to the file.
 */
#ifndef AIRLOCK_SCANNERS_JSONSTR_H
#define AIRLOCK_SCANNERS_JSONSTR_H

#include <stddef.h>
#include <tree_sitter/api.h>

/* Decodes the JSON string node `n` of `buf` (escapes, \uXXXX and surrogate
 * pairs; a \u0000 becomes U+FFFD): a new NUL-terminated string and, per
 * byte, the offset in `buf` it came from, map[len] being the string's end
 * (both freed by the caller). Returns 0 or AIRLOCK_ERROR. */
int al_json_string_decode(char **out, size_t **map, size_t *len, const char *buf, TSNode n);

#endif
