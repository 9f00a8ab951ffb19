/*
 * url.h - the host a URL sends to, for the checks that ask where a secret
 * goes.
 */
#ifndef AIRLOCK_COMMON_URL_H
#define AIRLOCK_COMMON_URL_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The host of the URL that starts at the first "://" of `s` ("url=https://..."
 * and "git+https://..." included), lower-cased into `host` (`cap` bytes):
 * the authority ends at '/', '?' or '#'; the host follows its last '@' (what
 * comes before is user and password) and ends at the port's ':' ("[v6]" kept
 * whole). False, with `host` empty, when there is no URL, no host, a host
 * that does not fit, or a backslash in the authority, which browsers read as
 * '/' and curl as part of the user name: no answer is then safer than either.
 */
bool al_url_host(const char *s, char *host, size_t cap);

#endif
