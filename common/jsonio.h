/*
 * jsonio.h - jansson's parser, made to fail on a failed allocation.
 *
 * jansson's lexer (2.14, Debian's) appends each byte of a string it reads to
 * a buffer and ignores a failed growth: under memory pressure a string loses
 * bytes and the parse still succeeds ("$CLAUDE_FILE_PATHS" read as
 * "$CLAUDEFILE_PATHS", found by tests/failalloc). Every parse in airlock
 * goes through al_json_loadb, which notes any allocation jansson could not
 * make during the parse and then discards the result.
 */
#ifndef AIRLOCK_COMMON_JSONIO_H
#define AIRLOCK_COMMON_JSONIO_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

/* json_loadb, except that when an allocation failed during the parse the
 * result is discarded: NULL, *oom set (when given) and err->text saying
 * "out of memory". jansson's allocator is set once per process to malloc
 * and free with a per-thread failure note (json_set_alloc_funcs); a host
 * program that sets its own must not use libairlock. */
json_t *al_json_loadb(const char *buf, size_t len, size_t flags, json_error_t *err, bool *oom);

#endif
