/*
 * error.h - the thread-local "last error" behind airlock_error_last().
 *
 * Every failing internal function sets the message once, at the place that
 * knows what went wrong, and returns a negative AIRLOCK_E* code.
 */
#ifndef AIRLOCK_COMMON_ERROR_H
#define AIRLOCK_COMMON_ERROR_H

#include "airlock.h"

/* Sets the message (printf-style) and returns `code`, so callers can write
 * `return al_error_set(AIRLOCK_EINVALID, "...")`. A message longer than the
 * buffer is cut and ends in "...". */
int al_error_set(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* As al_error_set, with ": strerror(errnum)" appended. */
int al_error_set_errno(int code, int errnum, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Marks memory exhaustion; returns AIRLOCK_ERROR. */
int al_error_oom(void);

void al_error_clear(void);

#endif
