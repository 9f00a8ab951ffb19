/*
 * wording.c - whether a piece of text gives orders: the test every hidden
 * layer of an instruction file is put to before it is reported.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
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

/* The word lists of al_wording_imperative: each in lower case, since the
 * text is folded to meet them (ASCII, as strncasecmp in the C locale). */
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
static const char *const secrets[] = { "~/.ssh",  ".ssh/",  ".aws/",    ".env",       "api key",
				       "api_key", "apikey", "password", "credential", "private key",
				       "token",   "secret", NULL };
static const char *const send[] = { "send", "upload", "post ", NULL };
static const char *const urls[] = { "http://", "https://", NULL };

AL_SEAM_DEFINE(bool, al_wording_fast, true);

/* --- the fast path: one pass, each position tried only against the words
 * that start with its byte ---------------------------------------------------- */

enum { L_TO_AGENT, L_TAKE, L_SECRETS, L_SEND, L_URLS, L_COUNT };

static const char *const *const lists[L_COUNT] = { to_agent, take, secrets, send, urls };

/* heads[l][c]: the words of list l (a bit each, in list order) whose first
 * byte is c or its upper case; lens[l][k]: their lengths. */
static struct {
	uint32_t heads[L_COUNT][256];
	unsigned char lens[L_COUNT][32];
} index_;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void index_build(void)
{
	for (int l = 0; l < L_COUNT; l++)
		for (int k = 0; lists[l][k]; k++) {
			unsigned char c = (unsigned char)lists[l][k][0];

			index_.lens[l][k] = (unsigned char)strlen(lists[l][k]);
			index_.heads[l][c] |= 1u << k;
			if (c >= 'a' && c <= 'z')
				index_.heads[l][c - 'a' + 'A'] |= 1u << k;
		}
}

static inline unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* The first word of list l at t[i] (any case), its length; 0 if none. */
static size_t word_at(const char *t, size_t len, size_t i, int l)
{
	for (uint32_t m = index_.heads[l][(unsigned char)t[i]]; m; m &= m - 1) {
		int k = __builtin_ctz(m);
		const char *w = lists[l][k];
		size_t n = index_.lens[l][k], j = 1;

		if (len - i < n)
			continue;
		while (j < n && fold((unsigned char)t[i + j]) == (unsigned char)w[j])
			j++;
		if (j == n)
			return n;
	}
	return 0;
}

static bool word_start_at(const char *t, size_t i)
{
	unsigned char c = i ? (unsigned char)t[i - 1] : ' ';

	return !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') &&
	       c != '_';
}

/* An object word starting a word within reach bytes after j, on its line. */
static bool object_after(const char *t, size_t len, size_t j, int l, size_t reach)
{
	for (size_t end = j + reach; j < len && j < end && t[j] != '\n'; j++)
		if (index_.heads[l][(unsigned char)t[j]] && word_start_at(t, j) &&
		    word_at(t, len, j, l))
			return true;
	return false;
}

static bool imperative_fast(const char *t, size_t len)
{
	pthread_once(&index_once, index_build);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];
		size_t n;

		if (index_.heads[L_TO_AGENT][c] && word_at(t, len, i, L_TO_AGENT))
			return true;
		if (!index_.heads[L_TAKE][c] || !word_start_at(t, i))
			continue;
		if ((n = word_at(t, len, i, L_TAKE)) && object_after(t, len, i + n, L_SECRETS, 80))
			return true;
		if (index_.heads[L_SEND][c] && (n = word_at(t, len, i, L_SEND)) &&
		    object_after(t, len, i + n, L_URLS, 120))
			return true;
	}
	return false;
}

/* --- the reference: each word searched for over the whole text --------------- */

static bool any_ci(const char *t, size_t len, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (al_wording_contains_ci(t, len, list[i]))
			return true;
	return false;
}

/* A word of list at t[i], starting a word; its length, or 0. */
static size_t word_here(const char *t, size_t len, size_t i, const char *const *list)
{
	if (!word_start_at(t, i))
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
	if (al_wording_fast)
		return imperative_fast(t, len);
	return any_ci(t, len, to_agent) || verb_then(t, len, take, secrets, 80) ||
	       verb_then(t, len, send, urls, 120);
}
