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
#include <stdint.h>

/* A child that fails may write this prefix and a one-line reason as its
 * only output; the parent then reports that reason. */
#define SANDBOX_ERROR_PREFIX "error: "

/* The work done inside: write the result to `outfd`, return 0 on success,
 * anything else on failure. */
typedef int (*sandbox_fn)(void *arg, int outfd);

/* How far the child has come: a fixed-size record it writes to the parent. */
struct sandbox_tick {
	uint64_t done, total, bytes;
};

/*
 * Progress from the child to the parent, on a pipe of its own: the child
 * writes ticks (al_sandbox_tick), the parent reads them as they come and
 * calls `cb` with each, in the calling thread. What the child sends is not
 * trusted: `cb` checks it. `cb` returns 0 to go on, AIRLOCK_EUSER to stop the
 * scan (the child is killed; al_sandbox_run_progress returns AIRLOCK_EUSER),
 * or another negative code (message set) to fail it.
 */
struct sandbox_progress {
	int (*cb)(const struct sandbox_tick *t, void *payload);
	void *payload;
	int fd; /* set for the child before fn runs: where it writes ticks */
};

/* In the child: sends one tick. 0, or AIRLOCK_ERROR when the parent is gone. */
int al_sandbox_tick(const struct sandbox_progress *p, size_t done, size_t total, uint64_t bytes);

/*
 * Forks, confines the child (al_sandbox_enter), runs fn there, and collects at
 * most `max` bytes it writes within `seconds`. *out is new (free() it) and
 * NUL-terminated. Returns 0, or AIRLOCK_ERROR when the child could not be
 * confined, was killed (a forbidden system call kills it), failed, wrote too
 * much or took too long (it is killed): an inspection that did not finish
 * is never a clean one; a child's exit status never says "cancelled".
 */
int al_sandbox_run(unsigned char **out, size_t *len, size_t max, unsigned int seconds,
		   sandbox_fn fn, void *arg);

/* As al_sandbox_run, with the child's progress (see struct sandbox_progress;
 * NULL: none). Returns AIRLOCK_EUSER when progress->cb stopped the scan. */
int al_sandbox_run_progress(unsigned char **out, size_t *len, size_t max, unsigned int seconds,
			    sandbox_fn fn, void *arg, struct sandbox_progress *progress);

/* Confines the calling process for good: no new privileges, Landlock with
 * no file system access at all (when the kernel supports it), and a seccomp
 * filter that kills on execve/execveat and refuses with EPERM sockets,
 * ptrace, and every call that opens for writing or changes the file system.
 * Returns 0 or -1 with errno set (the seccomp filter is not optional). */
int al_sandbox_enter(void);

#endif
