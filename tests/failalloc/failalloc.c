/*
 * failalloc.c - makes the Nth allocation of a process fail, to prove that
 * every allocation failure in airlock_project_load ends in a clean error
 * (or the complete, correct result when a library recovers by itself),
 * never a crash, a partial configuration, or "trusted".
 *
 *   failalloc DIR
 *
 * DIR is a trusted project (the caller sets AIRLOCK_TRUST_DIR and HOME). The
 * driver loads it once normally, then for N = 1, 2, ... forks a child whose
 * Nth allocation fails, until N passes the number of allocations a load
 * makes (every N up to 400, then every 7th). Exit 0 when every child ended
 * well; otherwise the first bad N is printed and the exit is 1.
 *
 * Defining malloc here replaces it for the whole process, libraries
 * included (glibc allows this); it is built without sanitizers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "airlock.h"

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);

static long countdown; /* 0: disarmed; 1: the next allocation fails */
static int fired;

static int should_fail(void)
{
	if (countdown <= 0)
		return 0;
	if (--countdown == 0) {
		fired = 1;
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

__attribute__((visibility("default"))) void *malloc(size_t n)
{
	return should_fail() ? NULL : __libc_malloc(n);
}

__attribute__((visibility("default"))) void *calloc(size_t n, size_t size)
{
	return should_fail() ? NULL : __libc_calloc(n, size);
}

__attribute__((visibility("default"))) void *realloc(void *p, size_t n)
{
	return should_fail() ? NULL : __libc_realloc(p, n);
}

/* A fingerprint of a configuration: everything an agent would use. */
static void fingerprint(char *out, size_t size, const airlock_config *c)
{
	size_t len = 0;

	len += (size_t)snprintf(out + len, size - len, "%s h%zu m%zu e%zu i%zu",
				airlock_state_name(airlock_config_state(c)),
				airlock_config_hook_count(c), airlock_config_mcp_count(c),
				airlock_config_env_count(c), airlock_config_instruction_count(c));
	for (size_t i = 0; i < airlock_config_hook_count(c) && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, " %s",
					airlock_hook_command(airlock_config_hook(c, i)));
	for (size_t i = 0; i < airlock_config_instruction_count(c) && len < size; i++) {
		size_t n;

		airlock_config_instruction_text(c, i, &n);
		len += (size_t)snprintf(out + len, size - len, " %s:%zu",
					airlock_config_instruction_path(c, i), n);
	}
}

/* One load; writes the fingerprint (or the error code) to fd. */
static int load_once(const char *dir, int fd, long fail_at)
{
	airlock_project *p = NULL;
	airlock_config *c = NULL;
	char buf[8192];
	int rc;

	if ((rc = airlock_project_open(&p, dir, NULL)) < 0)
		return dprintf(fd, "open %d", rc), 0;
	countdown = fail_at;
	rc = airlock_project_load(&c, p);
	countdown = 0;
	if (rc == 0)
		fingerprint(buf, sizeof(buf), c);
	else
		snprintf(buf, sizeof(buf), "error %d", rc);
	dprintf(fd, "%s%s", fired ? "" : "unfired ", buf);
	airlock_config_free(c);
	airlock_project_free(p);
	return 0;
}

static int child(const char *dir, long n, char *out, size_t size)
{
	int fds[2], status;
	ssize_t got;
	pid_t pid;

	if (pipe(fds) < 0 || (pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		close(fds[0]);
		load_once(dir, fds[1], n);
		_exit(0);
	}
	close(fds[1]);
	got = read(fds[0], out, size - 1);
	out[got > 0 ? got : 0] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status)) {
		fprintf(stderr, "failalloc: allocation %ld: the child died of signal %d\n", n,
			WTERMSIG(status));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char ref[8192], got[8192];
	long n, errors = 0, runs = 0;

	if (argc != 2)
		return 2;
	if (child(argv[1], 0, ref, sizeof(ref)) < 0 || strncmp(ref, "unfired ", 8) != 0 ||
	    strncmp(ref + 8, "trusted", 7) != 0) {
		fprintf(stderr, "failalloc: the reference load failed: %s\n", ref);
		return 1;
	}
	memmove(ref, ref + 8, strlen(ref + 8) + 1);
	for (n = 1;; n += n < 400 ? 1 : 7) {
		if (child(argv[1], n, got, sizeof(got)) < 0)
			return 1;
		runs++;
		if (strncmp(got, "unfired ", 8) == 0 && strcmp(got + 8, ref) == 0)
			break; /* past the last allocation of a load */
		/* the failure may have struck in the sandboxed scanner, a process
		 * of its own: then this one saw no failure but got an error */
		if (strncmp(got, "unfired ", 8) == 0)
			memmove(got, got + 8, strlen(got + 8) + 1);
		if (n > 1000000) {
			fprintf(stderr, "failalloc: no end to the allocations of a load\n");
			return 1;
		}
		if (strncmp(got, "error ", 6) == 0) {
			errors++;
			continue;
		}
		if (strcmp(got, ref) != 0) {
			fprintf(stderr,
				"failalloc: allocation %ld failed, yet the load succeeded with a different result:\n  %s\n  expected %s\n",
				n, got, ref);
			return 1;
		}
	}
	printf("failalloc: %ld runs up to allocation %ld; %ld ended in an error, the rest recovered with the full result; no crash\n",
	       runs, n, errors);
	return 0;
}
