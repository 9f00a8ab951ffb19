/*
 * valgrind_seccomp.c - lets the sandboxed scans run under `make valgrind`.
 *
 * Valgrind does not implement seccomp(2): it returns ENOSYS, libseccomp
 * then refuses SCMP_ACT_KILL_PROCESS, and every confined child would fail
 * closed, so `make valgrind` would check nothing but that. Defined in the
 * test program, these two take the place of libseccomp's for the library
 * linked into it: under valgrind they add and load nothing (the children
 * still fork, scan and answer over the pipe, and valgrind checks their
 * memory); anywhere else they do what libseccomp's own do.
 * The tests that prove what the filter forbids skip under valgrind
 * (t_skip_under_valgrind); `make test` and the sanitizer run keep them.
 */
#include <dlfcn.h>
#include <errno.h>
#include <seccomp.h>
#include <stdarg.h>
#include <stdio.h>

#include "tests/tests.h"

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

bool t_under_valgrind(void)
{
	return RUNNING_ON_VALGRIND != 0;
}

bool t_skip_under_valgrind(const char *test)
{
	if (!t_under_valgrind())
		return false;
	fprintf(stderr, "%s: skipped under valgrind, which has no seccomp(2)\n", test);
	return true;
}

int seccomp_load(const scmp_filter_ctx ctx)
{
	static int (*real)(const scmp_filter_ctx);

	if (t_under_valgrind())
		return 0;
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "seccomp_load");
	return real ? real(ctx) : -ENOSYS;
}

int seccomp_rule_add(scmp_filter_ctx ctx, uint32_t action, int syscall, unsigned int arg_cnt, ...)
{
	struct scmp_arg_cmp args[6];
	va_list ap;

	if (t_under_valgrind())
		return 0;
	if (arg_cnt > sizeof(args) / sizeof(args[0]))
		return -EINVAL;
	va_start(ap, arg_cnt);
	for (unsigned int i = 0; i < arg_cnt; i++)
		args[i] = va_arg(ap, struct scmp_arg_cmp);
	va_end(ap);
	return seccomp_rule_add_array(ctx, action, syscall, arg_cnt, args);
}
