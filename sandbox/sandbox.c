/*
 * sandbox.c - seccomp (libseccomp) and Landlock confinement of a forked
 * inspection child.
 *
 * The filter is a deny list, not an allow list: libyara, tree-sitter and
 * jansson need only memory and the pipe, but glibc's choice of system calls
 * varies between versions, and an allow list that is wrong kills every scan.
 * What is denied is what turns a parser bug into harm: running a program,
 * reaching the network, writing or changing files, attaching to processes.
 * Landlock (when present) additionally removes all file system access, so
 * even read-only opens fail: the child works on buffers read before it.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <poll.h>
#include <seccomp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "common/error.h"
#include "common/url.h"
#include "sandbox/sandbox.h"

/* Landlock ABI 1 file system rights: every one of them is handled and none
 * is granted. */
#define LANDLOCK_ALL_FS ((1ULL << 13) - 1)

/* The child's exit status besides 0 and 1 (failed): it could not be
 * confined. Nothing the child says can cancel a scan: only the caller's
 * progress callback, which runs in this process, can (a child taken over
 * must not turn its failure into "cancelled"). */
#define EXIT_UNCONFINED 3

static void landlock_enter(void)
{
#ifdef SYS_landlock_create_ruleset
	struct landlock_ruleset_attr attr = { .handled_access_fs = LANDLOCK_ALL_FS };
	long fd = syscall(SYS_landlock_create_ruleset, &attr, sizeof(attr), 0);

	if (fd < 0)
		return; /* kernel without Landlock: seccomp still applies */
	syscall(SYS_landlock_restrict_self, (int)fd, 0);
	close((int)fd);
#endif
}

static int deny(scmp_filter_ctx ctx, int action, int nr)
{
	return seccomp_rule_add(ctx, action, nr, 0);
}

/* open/openat with any of the write or create flags. */
static int deny_write_opens(scmp_filter_ctx ctx)
{
	static const unsigned long flags[] = { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND };
	int rc = 0;

	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]) && rc == 0; i++) {
		rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(open), 1,
				      SCMP_A1(SCMP_CMP_MASKED_EQ, flags[i], flags[i]));
		if (rc == 0)
			rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(openat), 1,
					      SCMP_A2(SCMP_CMP_MASKED_EQ, flags[i], flags[i]));
	}
	return rc;
}

static int seccomp_enter(void)
{
	static const int killed[] = { SCMP_SYS(execve), SCMP_SYS(execveat) };
	static const int refused[] = {
		SCMP_SYS(socket),
		SCMP_SYS(socketpair),
		SCMP_SYS(connect),
		SCMP_SYS(bind),
		SCMP_SYS(listen),
		SCMP_SYS(accept),
		SCMP_SYS(accept4),
		SCMP_SYS(ptrace),
		SCMP_SYS(process_vm_writev),
		SCMP_SYS(process_vm_readv),
		SCMP_SYS(openat2),
		SCMP_SYS(creat),
		SCMP_SYS(unlink),
		SCMP_SYS(unlinkat),
		SCMP_SYS(rename),
		SCMP_SYS(renameat),
		SCMP_SYS(renameat2),
		SCMP_SYS(mkdir),
		SCMP_SYS(mkdirat),
		SCMP_SYS(rmdir),
		SCMP_SYS(link),
		SCMP_SYS(linkat),
		SCMP_SYS(symlink),
		SCMP_SYS(symlinkat),
		SCMP_SYS(chmod),
		SCMP_SYS(fchmod),
		SCMP_SYS(fchmodat),
		SCMP_SYS(chown),
		SCMP_SYS(fchown),
		SCMP_SYS(fchownat),
		SCMP_SYS(lchown),
		SCMP_SYS(truncate),
		SCMP_SYS(ftruncate),
		SCMP_SYS(mknod),
		SCMP_SYS(mknodat),
		SCMP_SYS(mount),
		SCMP_SYS(umount2),
		SCMP_SYS(setuid),
		SCMP_SYS(setgid),
		SCMP_SYS(memfd_create),
	};
	pid_t self = getpid();
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	int rc = ctx ? 0 : -ENOMEM;

	for (size_t i = 0; i < sizeof(killed) / sizeof(killed[0]) && rc == 0; i++)
		rc = deny(ctx, SCMP_ACT_KILL_PROCESS, killed[i]);
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]) && rc == 0; i++)
		rc = deny(ctx, SCMP_ACT_ERRNO(EPERM), refused[i]);
	if (rc == 0)
		rc = deny_write_opens(ctx);
	/* signals only to itself (abort() raises SIGABRT with tgkill) */
	if (rc == 0)
		rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(kill), 1,
				      SCMP_A0(SCMP_CMP_NE, (scmp_datum_t)self));
	if (rc == 0)
		rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(tgkill), 1,
				      SCMP_A0(SCMP_CMP_NE, (scmp_datum_t)self));
	if (rc == 0)
		rc = seccomp_load(ctx);
	seccomp_release(ctx);
	if (rc < 0) {
		errno = -rc;
		return -1;
	}
	return 0;
}

int al_sandbox_enter(void)
{
	al_url_confined(); /* loads nothing from here on: libcurl came before */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	landlock_enter();
	return seccomp_enter();
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The child's output as it arrives: at most `max` bytes. */
struct output {
	unsigned char *buf;
	size_t cap, got, max;
};

/* Reads what is there; 1 at EOF, 0 to go on, or an error. */
static int read_output(struct output *o, int fd)
{
	ssize_t n;

	if (o->got == o->cap) {
		unsigned char *grown;

		if (o->cap > o->max)
			return al_error_set(AIRLOCK_ERROR, "scanner output exceeds %zu bytes",
					    o->max);
		if (!(grown = realloc(o->buf, o->cap * 2 + 1)))
			return al_error_oom();
		o->buf = grown;
		o->cap *= 2;
	}
	n = read(fd, o->buf + o->got, o->cap - o->got);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n < 0)
		return al_error_set_errno(AIRLOCK_ERROR, errno, "reading the scanner's output");
	o->got += (size_t)n;
	return n == 0;
}

/* The child's ticks as they arrive, each handed to the caller's callback. */
struct ticks {
	struct sandbox_progress *p;
	unsigned char part[sizeof(struct sandbox_tick)];
	size_t have;
};

/* Reads what is there; 1 at EOF, 0 to go on, or an error (AIRLOCK_EUSER: the
 * callback stopped the scan). */
static int read_ticks(struct ticks *t, int fd)
{
	unsigned char buf[sizeof(struct sandbox_tick) * 64];
	ssize_t n = read(fd, buf, sizeof(buf));
	int error;

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n < 0)
		return al_error_set_errno(AIRLOCK_ERROR, errno, "reading the scanner's progress");
	if (n == 0)
		return 1;
	for (ssize_t i = 0; i < n; i++) {
		struct sandbox_tick tick;

		t->part[t->have++] = buf[i];
		if (t->have < sizeof(t->part))
			continue;
		t->have = 0;
		memcpy(&tick, t->part, sizeof(tick));
		if ((error = t->p->cb(&tick, t->p->payload)) < 0)
			return error == AIRLOCK_EUSER
				       ? al_error_set(
						 AIRLOCK_EUSER,
						 "the scan was cancelled by its progress callback")
				       : error;
	}
	return 0;
}

/* Reads the output until EOF (and the ticks, when `progfd` is open, until
 * theirs), more than `max` bytes, the deadline, or a callback's stop. */
static int collect(unsigned char **out, size_t *len, int fd, int progfd,
		   struct sandbox_progress *progress, size_t max, unsigned int seconds)
{
	long long deadline = now_ms() + (long long)seconds * 1000;
	struct output o = { malloc(4096 + 1), 4096, 0, max };
	struct ticks t = { progress, { 0 }, 0 };
	int error = 0;

	if (!o.buf)
		return al_error_oom();
	while (fd >= 0 || progfd >= 0) {
		struct pollfd pfd[2] = { { fd, POLLIN, 0 }, { progfd, POLLIN, 0 } };
		long long left = deadline - now_ms();
		int rc;

		if (left <= 0 || (rc = poll(pfd, 2, (int)(left > 60000 ? 60000 : left))) == 0) {
			if (now_ms() < deadline)
				continue;
			error = al_error_set(AIRLOCK_ERROR,
					     "the sandboxed scanner did not finish within %u s",
					     seconds);
			break;
		}
		if (rc < 0) {
			if (errno == EINTR)
				continue;
			error = al_error_set_errno(AIRLOCK_ERROR, errno, "waiting for the scanner");
			break;
		}
		/* ticks first: a callback sees every file before the output ends */
		if (progfd >= 0 && pfd[1].revents) {
			if ((error = read_ticks(&t, progfd)) < 0)
				break;
			if (error == 1)
				progfd = -1;
			error = 0;
		}
		if (fd >= 0 && pfd[0].revents) {
			if ((error = read_output(&o, fd)) < 0)
				break;
			if (error == 1)
				fd = -1;
			error = 0;
		}
	}
	if (error == 0 && o.got > max)
		error = al_error_set(AIRLOCK_ERROR, "scanner output exceeds %zu bytes", max);
	if (error < 0) {
		free(o.buf);
		return error;
	}
	o.buf[o.got] = '\0';
	*out = o.buf;
	*len = o.got;
	return 0;
}

int al_sandbox_tick(const struct sandbox_progress *p, size_t done, size_t total, uint64_t bytes)
{
	struct sandbox_tick tick = { done, total, bytes };
	const unsigned char *b = (const unsigned char *)&tick;
	size_t off = 0;

	/* one write of 24 bytes is atomic on a pipe (PIPE_BUF): no interleaving */
	while (off < sizeof(tick)) {
		ssize_t n = write(p->fd, b + off, sizeof(tick) - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return AIRLOCK_ERROR; /* the parent is gone or stopped reading */
		off += (size_t)n;
	}
	return 0;
}

static int child_status(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return al_error_set_errno(AIRLOCK_ERROR, errno, "waiting for the scanner");
	if (WIFSIGNALED(status))
		return al_error_set(
			AIRLOCK_ERROR,
			"the sandboxed scanner was killed by signal %d (a forbidden system call, or a crash)",
			WTERMSIG(status));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return al_error_set(AIRLOCK_ERROR, "the sandboxed scanner failed (exit %d)",
				    WEXITSTATUS(status));
	return 0;
}

int al_sandbox_run_progress(unsigned char **out, size_t *len, size_t max, unsigned int seconds,
			    sandbox_fn fn, void *arg, struct sandbox_progress *progress)
{
	unsigned char *buf = NULL;
	int fds[2], prog[2] = { -1, -1 }, error;
	pid_t pid;

	*out = NULL;
	*len = 0;
	if (pipe2(fds, O_CLOEXEC) < 0)
		return al_error_set_errno(AIRLOCK_ERROR, errno, "cannot create the scanner's pipe");
	if (progress && pipe2(prog, O_CLOEXEC) < 0) {
		close(fds[0]);
		close(fds[1]);
		return al_error_set_errno(AIRLOCK_ERROR, errno, "cannot create the scanner's pipe");
	}
	if (progress)
		progress->fd = prog[1];
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		if (progress) {
			close(prog[0]);
			close(prog[1]);
		}
		return al_error_set_errno(AIRLOCK_ERROR, errno,
					  "cannot start the sandboxed scanner");
	}
	if (pid == 0) {
		int rc;

		close(fds[0]);
		if (progress)
			close(prog[0]);
		if (al_sandbox_enter() < 0)
			_exit(EXIT_UNCONFINED);
		rc = fn(arg, fds[1]);
		_exit(rc == 0 ? 0 : 1);
	}
	close(fds[1]);
	if (progress) {
		close(prog[1]);
		progress->fd = -1;
	}
	error = collect(&buf, len, fds[0], prog[0], progress, max, seconds);
	close(fds[0]);
	if (progress)
		close(prog[0]);
	if (error < 0) {
		kill(pid, SIGKILL); /* it may be blocked writing what we refused */
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
	} else if ((error = child_status(pid)) < 0 && buf &&
		   strncmp((char *)buf, SANDBOX_ERROR_PREFIX, strlen(SANDBOX_ERROR_PREFIX)) == 0) {
		/* the child said why it failed: one line, shown as the reason */
		char *msg = (char *)buf + strlen(SANDBOX_ERROR_PREFIX);

		msg[strcspn(msg, "\r\n")] = '\0';
		al_error_set(error, "%.400s", msg);
	}
	if (error < 0) {
		free(buf);
		*len = 0;
		return error;
	}
	*out = buf;
	return 0;
}

int al_sandbox_run(unsigned char **out, size_t *len, size_t max, unsigned int seconds,
		   sandbox_fn fn, void *arg)
{
	return al_sandbox_run_progress(out, len, max, seconds, fn, arg, NULL);
}
