/*
 * failalloc.c - makes the Nth allocation of a process fail, to prove that
 * every allocation failure in airlock_project_load ends in a clean error
 * (or the complete, correct result when a library recovers by itself),
 * never a crash, a leak, a partial configuration, or "trusted".
 *
 *   failalloc DIR
 *
 * DIR is a trusted project (the caller sets AIRLOCK_TRUST_DIR and HOME). The
 * driver loads it once normally, then for N = 1, 2, ... forks a child whose
 * Nth allocation fails, until N passes the number of allocations a load
 * makes (every N up to 400, then every 7th). Exit 0 when every child ended
 * well; otherwise the first bad N is printed and the exit is 1.
 *
 * It does so twice. The first sweep starts each child cold, so that the
 * first-use set-up of the libraries (OpenSSL, libgit2) meets the failures
 * too. Before the second sweep the driver loads the project once itself:
 * what a library keeps for the life of a process is then in place, and any
 * block still allocated after the child has freed its project and
 * configuration is a leak of the failure path (the count is taken over the
 * whole open, load and free, so a block the load hangs on the project
 * counts only if the project's free forgets it).
 *
 * Defining malloc here replaces it for the whole process, libraries
 * included (glibc allows this); it is built without sanitizers.
 *
 * Two known leaks are not ours: libyara 4.2's yr_rules_load_stream returns
 * without releasing the arena it loaded when yr_rules_from_arena fails; and
 * glibc's dlopen (of libcurl, common/url.c), whose loader and the loaded
 * libraries' constructors (GnuTLS) keep what they allocated when a later
 * allocation fails. A failure that strikes inside either (seen on the stack
 * when it fires) is still checked for a clean error, not for leaks, and
 * counted.
 */
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "airlock.h"

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);
extern void *__libc_memalign(size_t align, size_t n);
extern void __libc_free(void *p);

static long countdown; /* 0: disarmed; 1: the next allocation fails */
static int fired;
static int in_known_leak; /* it fired inside libyara's yr_rules_load_stream */

static void note_known_leak(void)
{
	void *frames[64];
	int n = backtrace(frames, 64);
	Dl_info info;

	for (int i = 0; i < n; i++)
		if (dladdr(frames[i], &info) && info.dli_sname &&
		    (strcmp(info.dli_sname, "yr_rules_load_stream") == 0 ||
		     strncmp(info.dli_sname, "dlopen", 6) == 0))
			in_known_leak = 1;
}

static int should_fail(void)
{
	if (countdown <= 0)
		return 0;
	if (--countdown == 0) {
		fired = 1;
		note_known_leak(); /* backtrace allocates: countdown is 0 by now */
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

/* Blocks allocated and not yet freed, and their usable bytes. */
static long live_blocks, live_bytes;

static void *counted(void *p)
{
	if (p) {
		__atomic_add_fetch(&live_blocks, 1, __ATOMIC_RELAXED);
		__atomic_add_fetch(&live_bytes, (long)malloc_usable_size(p), __ATOMIC_RELAXED);
	}
	return p;
}

static void uncounted(void *p)
{
	if (p) {
		__atomic_sub_fetch(&live_blocks, 1, __ATOMIC_RELAXED);
		__atomic_sub_fetch(&live_bytes, (long)malloc_usable_size(p), __ATOMIC_RELAXED);
	}
}

__attribute__((visibility("default"))) void *malloc(size_t n)
{
	return should_fail() ? NULL : counted(__libc_malloc(n));
}

__attribute__((visibility("default"))) void *calloc(size_t n, size_t size)
{
	return should_fail() ? NULL : counted(__libc_calloc(n, size));
}

__attribute__((visibility("default"))) void *realloc(void *p, size_t n)
{
	long before = p ? (long)malloc_usable_size(p) : 0;
	void *q;

	if (should_fail())
		return NULL;
	if (p && n == 0) {
		uncounted(p);
		return __libc_realloc(p, 0); /* frees p */
	}
	if (!(q = __libc_realloc(p, n)))
		return NULL;
	if (!p)
		return counted(q);
	__atomic_add_fetch(&live_bytes, (long)malloc_usable_size(q) - before, __ATOMIC_RELAXED);
	return q;
}

/* The aligned allocators too, so that every block freed was counted. */
__attribute__((visibility("default"))) void *memalign(size_t align, size_t n)
{
	return should_fail() ? NULL : counted(__libc_memalign(align, n));
}

__attribute__((visibility("default"))) void *aligned_alloc(size_t align, size_t n)
{
	return memalign(align, n);
}

__attribute__((visibility("default"))) int posix_memalign(void **out, size_t align, size_t n)
{
	void *p;

	if (align % sizeof(void *) != 0 || (align & (align - 1)) != 0)
		return EINVAL;
	if (!(p = memalign(align, n)))
		return ENOMEM;
	*out = p;
	return 0;
}

__attribute__((visibility("default"))) void free(void *p)
{
	uncounted(p);
	__libc_free(p);
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

/* One open, load and free; writes to fd the blocks and bytes left
 * allocated, then the fingerprint (or the error code). */
static void load_once(const char *dir, int fd, long fail_at)
{
	long blocks = live_blocks, bytes = live_bytes;
	airlock_project *p = NULL;
	airlock_config *c = NULL;
	char buf[8192];
	int rc;

	if ((rc = airlock_project_open(&p, dir, NULL)) < 0) {
		dprintf(fd, "0 0 open %d", rc);
		return;
	}
	countdown = fail_at;
	rc = airlock_project_load(&c, p);
	countdown = 0;
	if (rc == 0)
		fingerprint(buf, sizeof(buf), c);
	else
		snprintf(buf, sizeof(buf), "error %d", rc);
	airlock_config_free(c);
	airlock_project_free(p);
	dprintf(fd, "%ld %ld %s%s%s", live_blocks - blocks, live_bytes - bytes,
		in_known_leak ? "known-leak " : "", fired ? "" : "unfired ", buf);
}

struct outcome {
	long blocks, bytes; /* left allocated after everything was freed */
	bool known_leak;    /* the failure struck inside libyara's known leak */
	char text[8192];    /* "[unfired ]" and the fingerprint or "error N" */
};

static int child(const char *dir, long n, struct outcome *o)
{
	char out[8192 + 64];
	int fds[2], status, at = 0;
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
	got = read(fds[0], out, sizeof(out) - 1);
	out[got > 0 ? got : 0] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status)) {
		fprintf(stderr, "failalloc: allocation %ld: the child died of signal %d\n", n,
			WTERMSIG(status));
		return -1;
	}
	if (sscanf(out, "%ld %ld %n", &o->blocks, &o->bytes, &at) != 2 || at == 0) {
		fprintf(stderr, "failalloc: allocation %ld: the child said nothing\n", n);
		return -1;
	}
	o->known_leak = strncmp(out + at, "known-leak ", 11) == 0;
	snprintf(o->text, sizeof(o->text), "%s", out + at + (o->known_leak ? 11 : 0));
	return 0;
}

/* Fails the Nth allocation for every N of a load; with `leaks`, any block
 * left allocated fails the sweep too. */
static int sweep(const char *dir, bool leaks)
{
	struct outcome ref, got;
	char *text = got.text;
	long n, errors = 0, runs = 0, known = 0;

	if (child(dir, 0, &ref) < 0 || strncmp(ref.text, "unfired trusted", 15) != 0) {
		fprintf(stderr, "failalloc: the reference load failed: %s\n", ref.text);
		return -1;
	}
	if (leaks && (ref.blocks != 0 || ref.bytes != 0)) {
		fprintf(stderr,
			"failalloc: a load that succeeded left %ld blocks (%ld bytes) allocated\n",
			ref.blocks, ref.bytes);
		return -1;
	}
	memmove(ref.text, ref.text + 8, strlen(ref.text + 8) + 1);
	for (n = 1;; n += n < 400 ? 1 : 7) {
		if (child(dir, n, &got) < 0)
			return -1;
		runs++;
		known += got.known_leak;
		if (leaks && !got.known_leak && (got.blocks != 0 || got.bytes != 0)) {
			fprintf(stderr,
				"failalloc: allocation %ld failed (%s) and %ld blocks (%ld bytes) were never freed\n",
				n, text, got.blocks, got.bytes);
			return -1;
		}
		if (strncmp(text, "unfired ", 8) == 0 && strcmp(text + 8, ref.text) == 0)
			break; /* past the last allocation of a load */
		/* the failure may have struck in the sandboxed scanner, a process
		 * of its own: then this one saw no failure but got an error */
		if (strncmp(text, "unfired ", 8) == 0)
			memmove(text, text + 8, strlen(text + 8) + 1);
		if (n > 1000000) {
			fprintf(stderr, "failalloc: no end to the allocations of a load\n");
			return -1;
		}
		if (strncmp(text, "error ", 6) == 0) {
			errors++;
			continue;
		}
		if (strcmp(text, ref.text) != 0) {
			fprintf(stderr,
				"failalloc: allocation %ld failed, yet the load succeeded with a different result:\n  %s\n  expected %s\n",
				n, text, ref.text);
			return -1;
		}
	}
	printf("failalloc: %s: %ld runs up to allocation %ld; %ld ended in an error, the rest recovered with the full result; no crash%s\n",
	       leaks ? "warm" : "cold", runs, n, errors, leaks ? ", no leak" : "");
	if (known)
		printf("failalloc: %s: %ld failures struck inside libyara's yr_rules_load_stream (which leaks its arena then, libyara 4.2) or glibc's dlopen of libcurl: not counted as leaks\n",
		       leaks ? "warm" : "cold", known);
	return 0;
}

int main(int argc, char **argv)
{
	airlock_rules *rules;
	int devnull;
	void *frame[1];

	if (argc != 2)
		return 2;
	backtrace(frame, 1); /* its first call loads libgcc: before any count */
	if (sweep(argv[1], false) < 0)
		return 1;
	/* what the libraries set up once per process, set up before the forks */
	if ((devnull = open("/dev/null", O_WRONLY | O_CLOEXEC)) < 0)
		return 1;
	load_once(argv[1], devnull, 0);
	close(devnull);
	/* That load's scan came from the verdict cache and loaded no rules; a
	 * child whose failure turns a cache look-up into a miss loads them, and
	 * libyara's first initialization in a process registers its OIDs with
	 * OpenSSL for good. Load the rules once here, so that is in place too. */
	if (airlock_rules_load(&rules, NULL) < 0)
		return 1;
	airlock_rules_free(rules);
	/* likewise libcurl, which a scan (such a miss) loads for good: a scan of
	 * a few bytes loads it here (common/url.c) */
	{
		airlock_report *r = NULL;

		if (airlock_buffer_scan(&r, "warm-up.md", "https://example.com/\n", 21, NULL) < 0)
			return 1;
		airlock_report_free(r);
	}
	return sweep(argv[1], true) < 0 ? 1 : 0;
}
