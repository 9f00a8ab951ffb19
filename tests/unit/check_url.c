/*
 * check_url.c - al_url_host: the one reading of a URL's host that the
 * settings and shell checks share (user:password@ first, the port after).
 */
#include <string.h>

#include "common/url.h"
#include "tests/tests.h"

static const struct {
	const char *url;
	const char *host; /* NULL: no host */
} host_cases[] = {
	/* the host follows user:password@ */
	{ "https://api.anthropic.com@evil.example/x", "evil.example" },
	{ "https://api.anthropic.com:443@evil.example/mcp", "evil.example" },
	{ "https://user:pw@host:8443/p", "host" },
	{ "https://user@api.github.com", "api.github.com" },
	{ "https://a@b@evil.example/", "evil.example" },
	/* an '@' after the authority is in the path, query or fragment */
	{ "https://host/path@x", "host" },
	{ "https://evil.example?@api.anthropic.com/", "evil.example" },
	{ "https://evil.example#@api.anthropic.com/", "evil.example" },
	/* ports, case, IPv6 literals */
	{ "https://host:8443", "host" },
	{ "HTTPS://API.GitHub.COM/x", "api.github.com" },
	{ "http://[::1]:8080/x", "[::1]" },
	{ "http://user@[fe80::1]/", "[fe80::1]" },
	/* the URL inside a word */
	{ "url=https://api.github.com/x", "api.github.com" },
	{ "git+https://github.com/o/r", "github.com" },
	/* browsers read '\' as '/', curl as a user-name byte: no answer */
	{ "https://api.anthropic.com\\@evil.example/", NULL },
	/* no host */
	{ "no url here", NULL },
	{ "https://", NULL },
	{ "https:///path", NULL },
	{ "https://user@/x", NULL },
	{ "https://:443/x", NULL },
	{ "", NULL },
};

START_TEST(host_table)
{
	char host[32];
	bool found = al_url_host(host_cases[_i].url, host, sizeof(host));

	ck_assert_msg(found == (host_cases[_i].host != NULL), "%s: found %d", host_cases[_i].url,
		      found);
	ck_assert_str_eq(host, host_cases[_i].host ? host_cases[_i].host : "");
}
END_TEST

/* A host cut to fit could read as its vendor's ("api.github.com.evil..."
 * cut after "api.github.com"): none rather than a part. */
START_TEST(host_that_does_not_fit)
{
	char host[16];

	ck_assert(!al_url_host("https://api.github.com.evil.example/", host, sizeof(host)));
	ck_assert_str_eq(host, "");
	ck_assert(al_url_host("https://api.github.com/", host, sizeof(host)));
	ck_assert_str_eq(host, "api.github.com");
}
END_TEST

Suite *url_suite(void)
{
	Suite *s = suite_create("url");
	TCase *tc = tcase_create("host");

	tcase_add_loop_test(tc, host_table, 0, sizeof(host_cases) / sizeof(host_cases[0]));
	tcase_add_test(tc, host_that_does_not_fit);
	suite_add_tcase(s, tc);
	return s;
}
