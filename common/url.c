/*
 * url.c - the host a URL names, read by libcurl's URL parser (the reader of
 * the client most hooks use), so that "https://api.anthropic.com@evil.example/"
 * is evil.example's; and hosts compared exactly or by registrable domain
 * (the Public Suffix List as libpsl compiles it in), never by substring.
 *
 * Neither library touches a file or the network here: curl_url_* parse a
 * string (no curl_global_init needed; IDNA, which would read the locale's
 * converters, is never asked for), psl_builtin() is data in libpsl itself.
 * That is what lets them run inside the scan's sandbox, offline, and give
 * the same answer on every machine that has the same libpsl.
 *
 * libcurl is not linked: it brings some twenty libraries (TLS, HTTP/2, SSH,
 * LDAP...) that every airlock process would map and relocate at start, and
 * most (status, the gate, version) never read a URL. It is dlopen()ed the
 * first time one is read, or before a scan forks (al_url_prepare), since
 * the sandboxed child cannot open files; once loaded it stays. A child
 * confined before it was loaded does not try: its URLs are an error.
 */
#include <arpa/inet.h>
#include <dlfcn.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>
#include <libpsl.h>

#include "common/error.h"
#include "common/unittest.h"
#include "common/url.h"

#define CURL_SONAME "libcurl.so.4"

AL_SEAM_DEFINE(const char *, al_url_test_library, NULL);

/* The five functions of libcurl's URL API that al_url_host calls. */
struct curl_api {
	__typeof__(curl_url) *url;
	__typeof__(curl_url_set) *set;
	__typeof__(curl_url_get) *get;
	__typeof__(curl_url_cleanup) *cleanup;
	__typeof__(curl_free) *free;
};
static struct curl_api curl;
static atomic_bool curl_loaded;   /* `curl` is filled in, for good */
static atomic_bool curl_confined; /* this process is a sandboxed child */
static pthread_mutex_t curl_lock = PTHREAD_MUTEX_INITIALIZER;

static void *sym(void *lib, const char *name, bool *missing)
{
	void *f = dlsym(lib, name);

	*missing |= f == NULL;
	return f;
}

/* dlopen and dlsym, under curl_lock. dlerror() says why (memory
 * exhaustion included: "Cannot allocate memory"). */
static int curl_open(const char *file)
{
	struct curl_api f;
	bool missing = false;
	const char *why;
	void *lib;

	if (!(lib = dlopen(file, RTLD_NOW | RTLD_LOCAL))) {
		why = dlerror();
		return al_error_set(AIRLOCK_ERROR, "cannot load libcurl (%s), which reads URLs: %s",
				    file, why ? why : "dlopen failed");
	}
	f.url = sym(lib, "curl_url", &missing);
	f.set = sym(lib, "curl_url_set", &missing);
	f.get = sym(lib, "curl_url_get", &missing);
	f.cleanup = sym(lib, "curl_url_cleanup", &missing);
	f.free = sym(lib, "curl_free", &missing);
	if (missing) {
		dlclose(lib);
		return al_error_set(AIRLOCK_ERROR,
				    "cannot load libcurl (%s), which reads URLs: no URL API "
				    "(libcurl 7.62 or later is needed)",
				    file);
	}
	curl = f;
	atomic_store_explicit(&curl_loaded, true, memory_order_release);
	return 0;
}

/* libcurl's URL API loaded, or an error: never a URL read as hostless.
 * Retried after a failure (memory may come back); one load succeeds. */
static int curl_load(void)
{
	const char *file = al_url_test_library ? al_url_test_library : CURL_SONAME;
	int error = 0;

	/* the seam: a library of the test's choice, never the one loaded */
	if (atomic_load_explicit(&curl_loaded, memory_order_acquire) && !al_url_test_library)
		return 0;
	/* no dlopen in the sandbox (it cannot open the file; the lock may
	 * have been held by another thread at the fork) */
	if (atomic_load_explicit(&curl_confined, memory_order_relaxed))
		return al_error_set(AIRLOCK_ERROR,
				    "libcurl (%s), which reads URLs, was not loaded before the "
				    "scanner was sandboxed",
				    file);
	pthread_mutex_lock(&curl_lock);
	if (!atomic_load_explicit(&curl_loaded, memory_order_relaxed) || al_url_test_library)
		error = curl_open(file);
	pthread_mutex_unlock(&curl_lock);
	return error;
}

int al_url_prepare(void)
{
	if (al_url_test_library)
		return 0; /* the seam: the sandboxed child finds nothing loaded */
	return curl_load();
}

void al_url_confined(void)
{
	atomic_store_explicit(&curl_confined, true, memory_order_relaxed);
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) */
static bool scheme_char(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

/* Lower-cases curl's host into `host` without the root's dot; false for
 * what no check should compare: empty labels, bytes that are not ASCII, a
 * host that does not fit. */
static bool canonical(const char *h, char *host, size_t cap)
{
	size_t n = strlen(h);

	if (n && h[n - 1] == '.')
		n--;
	if (n == 0 || n >= cap || h[n - 1] == '.')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = h[i];

		if ((unsigned char)c >= 0x80 || c <= ' ')
			return false;
		if (c == '.' && (i == 0 || h[i - 1] == '.'))
			return false;
		host[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	host[n] = '\0';
	return true;
}

/* curl's reading of the URL at `url`: its host in *h (curl_free it). */
static CURLUcode curl_host(const char *url, char **h)
{
	CURLU *u = curl.url();
	CURLUcode rc;

	*h = NULL;
	if (!u)
		return CURLUE_OUT_OF_MEMORY;
	/* Any scheme: git+https, ssh and wss name their host the same way. No
	 * CURLU_GUESS_SCHEME (a word without "://" is not read as a URL), no
	 * CURLU_PUNYCODE (IDNA through the locale's converters). */
	rc = curl.set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME);
	if (rc == CURLUE_OK)
		rc = curl.get(u, CURLUPART_HOST, h, 0);
	curl.cleanup(u);
	return rc;
}

int al_url_host(const char *s, char *host, size_t cap)
{
	const char *sep = s ? strstr(s, "://") : NULL, *start;
	CURLUcode rc;
	char *h = NULL;
	bool ok;
	int error;

	if (cap)
		host[0] = '\0';
	if (!sep || cap == 0)
		return 0;
	for (start = sep; start > s && scheme_char(start[-1]); start--)
		;
	while (start < sep && !is_alpha(*start))
		start++;
	if (start == sep)
		return 0;
	/* "https://evil.example\@api.anthropic.com/": WHATWG parsers (browsers,
	 * fetch) end the authority at '\' and contact evil.example; curl
	 * reads a user name and contacts api.anthropic.com. */
	if (memchr(sep + 3, '\\', strcspn(sep + 3, "/?#")))
		return 0;
	if ((error = curl_load()) < 0)
		return error;
	/* libcurl 7.88 reports some failed allocations as a refusal (a failed
	 * decode of user:password@ as CURLUE_BAD_LOGIN, of a %-encoded host as
	 * CURLUE_BAD_HOSTNAME): a refusal counts only when a second reading
	 * gives it again. */
	if ((rc = curl_host(start, &h)) != CURLUE_OK && rc != CURLUE_OUT_OF_MEMORY) {
		curl.free(h);
		rc = curl_host(start, &h);
	}
	if (rc == CURLUE_OUT_OF_MEMORY) {
		curl.free(h);
		return al_error_oom();
	}
	ok = rc == CURLUE_OK && h && canonical(h, host, cap);
	curl.free(h);
	if (!ok)
		host[0] = '\0';
	return ok ? 1 : 0;
}

/* An IP literal as curl writes it back: "[v6]" or digits and dots (curl
 * turns 0x7f.1 and 2130706433 into 127.0.0.1). No registrable domain. */
static bool ip_literal(const char *host)
{
	if (host[0] == '[')
		return true;
	return host[strspn(host, "0123456789.")] == '\0';
}

static bool lower_ascii(const char *host)
{
	for (const char *p = host; *p; p++)
		if ((unsigned char)*p >= 0x80 || (*p >= 'A' && *p <= 'Z'))
			return false;
	return true;
}

const char *al_host_registrable(const char *host)
{
	/* NULL when libpsl was built without its list: every comparison is
	 * then exact, which refuses more and allows nothing new. */
	const psl_ctx_t *psl = psl_builtin();

	if (!psl || !host || !*host || ip_literal(host) || !lower_ascii(host))
		return NULL;
	return psl_registrable_domain(psl, host);
}

bool al_host_within(const char *host, const char *domain)
{
	char d[256];
	size_t hl, dl = domain ? strlen(domain) : 0;
	const char *rh, *rd;

	if (!host || !*host || dl == 0 || dl >= sizeof(d))
		return false;
	for (size_t i = 0; i < dl; i++)
		d[i] = (char)(domain[i] >= 'A' && domain[i] <= 'Z' ? domain[i] + 32 : domain[i]);
	if (d[dl - 1] == '.')
		dl--;
	d[dl] = '\0';
	if (strcmp(host, d) == 0)
		return true;
	hl = strlen(host);
	if (hl <= dl + 1 || host[hl - dl - 1] != '.' || strcmp(host + hl - dl, d) != 0)
		return false;
	/* under it by name; the same owner only if no public suffix lies in
	 * between (attacker.github.io is not GitHub's) */
	rh = al_host_registrable(host);
	rd = al_host_registrable(d);
	return rh && rd && strcmp(rh, rd) == 0;
}

const char *al_host_registered_name(const char *host, size_t *len)
{
	const char *r = al_host_registrable(host), *dot;

	*len = 0;
	if (!r || !(dot = strchr(r, '.')) ||
	    !psl_is_public_suffix2(psl_builtin(), dot + 1, PSL_TYPE_ICANN))
		return NULL;
	*len = (size_t)(dot - r);
	return r;
}

bool al_host_loopback(const char *host)
{
	char v6[64];
	struct in_addr a4;
	struct in6_addr a6;
	size_t n;

	if (!host)
		return false;
	if (strcmp(host, "localhost") == 0)
		return true;
	if (inet_pton(AF_INET, host, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	n = strlen(host);
	if (n < 3 || host[0] != '[' || host[n - 1] != ']' || n - 2 >= sizeof(v6))
		return false;
	memcpy(v6, host + 1, n - 2);
	v6[n - 2] = '\0';
	if (inet_pton(AF_INET6, v6, &a6) != 1)
		return false;
	return IN6_IS_ADDR_LOOPBACK(&a6) || (IN6_IS_ADDR_V4MAPPED(&a6) && a6.s6_addr[12] == 127);
}
