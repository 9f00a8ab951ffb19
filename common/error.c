/*
 * error.c - thread-local last-error message.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "common/error.h"
#include "common/limits.h"

static _Thread_local char last_error[LIMIT_ERROR_BYTES];

/* Keeps the message on one line: a file name with a newline in it must not
 * split the CLI's one-line error. */
static void flatten(char *s)
{
	for (; *s; s++)
		if (*s == '\n' || *s == '\r')
			*s = ' ';
}

static void mark_cut(int n)
{
	if (n >= (int)sizeof(last_error))
		memcpy(last_error + sizeof(last_error) - 4, "...", 4);
}

int al_error_set(int code, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	if (n < 0)
		strcpy(last_error, "error message could not be formatted");
	mark_cut(n);
	flatten(last_error);
	return code;
}

int al_error_set_errno(int code, int errnum, const char *fmt, ...)
{
	va_list ap;
	size_t len;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	if (n < 0) {
		strcpy(last_error, "error message could not be formatted");
		n = 0;
	}
	len = strlen(last_error);
	n = snprintf(last_error + len, sizeof(last_error) - len, ": %s", strerror(errnum));
	mark_cut((int)len + n);
	flatten(last_error);
	return code;
}

int al_error_oom(void)
{
	return al_error_set(AIRLOCK_ERROR, "out of memory");
}

void al_error_clear(void)
{
	last_error[0] = '\0';
}

const char *airlock_error_last(void)
{
	return last_error;
}
