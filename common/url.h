/*
 * url.h - the host a URL sends to, and how two hosts compare: the one
 * reading every check that asks where something goes shares (issue 17
 * item 7). URLs are parsed by libcurl's URL API, registrable domains come
 * from the Public Suffix List compiled into libpsl; neither does any I/O, so
 * both work offline and inside the scan's sandbox.
 */
#ifndef AIRLOCK_COMMON_URL_H
#define AIRLOCK_COMMON_URL_H

#include <stdbool.h>
#include <stddef.h>

#include "common/unittest.h"

/*
 * libcurl (libcurl.so.4) is loaded with dlopen() the first time a URL is
 * read, not linked: what never reads one does not map it. al_url_prepare
 * loads it now: every scan calls it in the parent before it forks its
 * sandboxed child, which cannot open the file. Thread-safe; loads once and
 * keeps it. AIRLOCK_ERROR, the message naming libcurl, when it cannot be
 * loaded (missing, or memory exhausted); a later call tries again.
 */
int al_url_prepare(void);

/*
 * Called in a sandboxed child: from now on nothing is loaded, and a URL read
 * when libcurl was not loaded before the fork is an error (never a URL
 * without a host).
 */
void al_url_confined(void);

/* Tests: dlopen this file instead of libcurl.so.4 at every read, and skip the
 * load of al_url_prepare (a sandboxed child then finds nothing loaded). */
AL_SEAM(const char *, al_url_test_library, NULL);

/*
 * The host of the URL that starts at the scheme before the first "://" of
 * `s` ("url=https://..." and "git+https://..." included) and runs to the end
 * of `s`, as libcurl reads it: after user:password@, before the port,
 * percent-decoding undone, IPv4 in any of its forms written as a dotted
 * quad, IPv6 in brackets ("[::1]"). Lower-cased and without the root's
 * trailing dot ("API.Anthropic.COM." is "api.anthropic.com") into `host`
 * (`cap` bytes).
 *
 * Returns 1 with the host; 0, with `host` empty, when there is no answer to
 * trust: no URL, a URL curl refuses (two '@', a space, curl's {a,b} globbing,
 * a bad port), no host, a host that does not fit (cut, it could read as a
 * vendor's), an empty label, a name that is not ASCII (IDNA maps those by
 * rules clients do not share: use punycode), or a backslash before the path
 * (browsers read it as '/', curl as part of the user name). Every caller
 * treats 0 as a host it knows nothing good about. Negative when memory runs
 * out or libcurl cannot be loaded (al_url_prepare): never 0 for that.
 */
int al_url_host(const char *s, char *host, size_t cap);

/*
 * True when `host` (as al_url_host gives it) is `domain` or a name under it
 * that belongs to the same registrable domain: api.anthropic.com is within
 * anthropic.com; anthropic.com.evil.example, evilanthropic.com and
 * anthropic.com.co.uk are not, and neither is attacker.github.io within
 * github.io nor x.s3.amazonaws.com within amazonaws.com (a public suffix
 * lies between: anyone can own a name there). Exact comparison only for IP
 * literals and for a `domain` that is itself a public suffix. Never a
 * substring. Case and a trailing dot of `domain` do not matter.
 */
bool al_host_within(const char *host, const char *domain);

/*
 * The registrable domain of `host` by the Public Suffix List (a public
 * suffix and the label before it: anthropic.com of api.anthropic.com,
 * evil.co.uk of x.evil.co.uk, attacker.github.io), pointing into `host`;
 * NULL for an IP literal, a public suffix itself, or a host that is not
 * lower-case ASCII.
 */
const char *al_host_registrable(const char *host);

/*
 * The name registered with a domain registry that `host` belongs to: the
 * first label of its registrable domain when the suffix after it is one of
 * the registries' (the List's ICANN part): "codecov" of api.codecov.io and of
 * codecov.co.uk. NULL when the registrable domain sits under a suffix a
 * company hands out to its users (pushover.herokuapp.com, x.github.io: a
 * user's name, not a registrant's) or there is none. `*len` is its length.
 */
const char *al_host_registered_name(const char *host, size_t *len);

/* True when `host` is this machine: localhost, 127.0.0.0/8, [::1]. */
bool al_host_loopback(const char *host);

#endif
