/*
 * sandbox.h - run an inspection in a forked child that cannot execute
 * programs, open network sockets, write files or trace processes.
 *
 * airlock parses attacker-controlled bytes with three parsers (jansson,
 * tree-sitter, libyara). A bug in one must not become code execution with
 * the user's rights, so the parsing happens in a child process behind a
 * seccomp filter (and Landlock where the kernel has it), and only a bounded
 * byte string comes back over a pipe for the parent to validate. Forking
 * keeps the caller's own process unrestricted.
 */
#ifndef AIRLOCK_SANDBOX_SANDBOX_H
#define AIRLOCK_SANDBOX_SANDBOX_H

#include <stddef.h>

/* A child that fails may write this prefix and a one-line reason as its
 * only output; the parent then reports that reason. */
#define SANDBOX_ERROR_PREFIX "error: "

/* The work done inside: write the result to `outfd`, return 0 on success,
 * AIRLOCK_EUSER when a caller's callback cancelled it, anything else on
 * failure. */
typedef int (*sandbox_fn)(void *arg, int outfd);

/*
 * Forks, confines the child (al_sandbox_enter), runs fn there, and collects at
 * most `max` bytes it writes within `seconds`. *out is new (free() it) and
 * NUL-terminated. Returns 0, or AIRLOCK_ERROR when the child could not be
 * confined, was killed (a forbidden system call kills it), failed, wrote too
 * much or took too long (it is killed): an inspection that did not finish
 * is never a clean one. AIRLOCK_EUSER when fn returned it (cancelled).
 */
int al_sandbox_run(unsigned char **out, size_t *len, size_t max, unsigned int seconds,
		   sandbox_fn fn, void *arg);

/* Confines the calling process for good: no new privileges, Landlock with
 * no file system access at all (when the kernel supports it), and a seccomp
 * filter that kills on execve/execveat and refuses with EPERM sockets,
 * ptrace, and every call that opens for writing or changes the file system.
 * Returns 0 or -1 with errno set (the seccomp filter is not optional). */
int al_sandbox_enter(void);

#endif
