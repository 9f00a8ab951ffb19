/*
 * wording.c - whether a piece of text gives orders: the test every hidden
 * layer of an instruction file is put to before it is reported.
 */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "scanners/wording.h"

bool al_wording_contains_ci(const char *t, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	const char *end = t + len;
	char cl = (char)tolower((unsigned char)needle[0]), cu = (char)toupper((unsigned char)cl);
	const char *lo = memchr(t, cl, len), *up = cu != cl ? memchr(t, cu, len) : NULL;

	/* the next place of each case of the first byte is kept, so memchr
	 * looks at each byte at most twice */
	while (lo || up) {
		const char *c = !lo ? up : !up ? lo : lo < up ? lo : up;

		if ((size_t)(end - c) >= n && strncasecmp(c, needle, n) == 0)
			return true;
		if (c == lo)
			lo = memchr(c + 1, cl, (size_t)(end - c - 1));
		else
			up = memchr(c + 1, cu, (size_t)(end - c - 1));
	}
	return false;
}

static bool any_ci(const char *t, size_t len, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (al_wording_contains_ci(t, len, list[i]))
			return true;
	return false;
}

static bool word_start(const char *t, size_t i)
{
	unsigned char c = i ? (unsigned char)t[i - 1] : ' ';

	return !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') &&
	       c != '_';
}

/* A word of list at t[i], starting a word; its length, or 0. */
static size_t word_here(const char *t, size_t len, size_t i, const char *const *list)
{
	if (!word_start(t, i))
		return 0;
	for (int k = 0; list[k]; k++) {
		size_t n = strlen(list[k]);

		if (i + n <= len && strncasecmp(t + i, list[k], n) == 0)
			return n;
	}
	return 0;
}

/* A word of verbs followed, on the same line and within reach bytes, by a
 * word of objects: "read ~/.aws/credentials", "send the log to https://".
 * Far apart or on other lines (YAML metadata: a description that mentions
 * sending, a pr-url line) they are not one order. */
static bool verb_then(const char *t, size_t len, const char *const *verbs,
		      const char *const *objects, size_t reach)
{
	for (size_t i = 0; i < len; i++) {
		size_t n = word_here(t, len, i, verbs);

		if (!n)
			continue;
		for (size_t j = i + n; j < len && j < i + n + reach && t[j] != '\n'; j++)
			if (word_here(t, len, j, objects))
				return true;
	}
	return false;
}

/* An order to the agent, a command, or an action on a secret or towards a
 * URL. A maintainer's note (TODO, lint switches, "see the docs at ...",
 * "instructions in CONTRIBUTING") is none of these. */
bool al_wording_imperative(const char *t, size_t len)
{
	static const char *const to_agent[] = { "ignore previous",
						"ignore all",
						"ignore the above",
						"ignore any",
						"disregard",
						"you must",
						"you are now",
						"as an ai",
						"ai assistant",
						"assistant:",
						"system prompt",
						"previous instructions",
						"new instructions",
						"do not tell",
						"don't tell",
						"do not mention",
						"don't mention",
						"without asking",
						"silently",
						"secretly",
						"new task",
						"the user must not",
						"from the user",
						"curl ",
						"wget ",
						"| sh",
						"| bash",
						"base64 -d",
						"exfiltrat",
						NULL };
	static const char *const take[] = { "read ", "cat ",   "copy",  "print",  "include",
					    "send",  "upload", "post ", "attach", NULL };
	static const char *const secrets[] = { "~/.ssh",     ".ssh/",       ".aws/",  ".env",
					       "api key",    "api_key",     "apikey", "password",
					       "credential", "private key", "token",  "secret",
					       NULL };
	static const char *const send[] = { "send", "upload", "post ", NULL };
	static const char *const urls[] = { "http://", "https://", NULL };

	return any_ci(t, len, to_agent) || verb_then(t, len, take, secrets, 80) ||
	       verb_then(t, len, send, urls, 120);
}
