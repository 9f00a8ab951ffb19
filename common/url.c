/*
 * url.c - the host a URL names, read as the clients that send it read it, so
 * that "https://api.anthropic.com@evil.example/" is judged as evil.example.
 */
#include <string.h>

#include "common/url.h"

bool al_url_host(const char *s, char *host, size_t cap)
{
	const char *p = s ? strstr(s, "://") : NULL, *at = NULL;
	size_t n, len;

	if (cap)
		host[0] = '\0';
	if (!p)
		return false;
	p += 3;
	n = strcspn(p, "/?#");
	if (memchr(p, '\\', n))
		return false;
	for (const char *q = p; q < p + n; q++)
		if (*q == '@')
			at = q + 1; /* user:password@ comes first */
	if (at) {
		n -= (size_t)(at - p);
		p = at;
	}
	if (n && p[0] == '[') {
		const char *close = memchr(p, ']', n);

		len = close ? (size_t)(close - p) + 1 : n;
	} else {
		len = strcspn(p, ":");
		len = len < n ? len : n;
	}
	if (len == 0 || len >= cap)
		return false;
	for (size_t i = 0; i < len; i++)
		host[i] = (char)((p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i]);
	host[len] = '\0';
	return true;
}
