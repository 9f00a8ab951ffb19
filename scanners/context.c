/*
 * context.c - where a signature match sits, when the place changes what it
 * means. Each test reads only the bytes around the match and is bounded.
 */
#include <string.h>
#include <strings.h>

#include "common/limits.h"
#include "scanners/context.h"

static size_t line_start(const unsigned char *d, size_t at)
{
	while (at > 0 && d[at - 1] != '\n')
		at--;
	return at;
}

static size_t line_end(const unsigned char *d, size_t len, size_t at)
{
	while (at < len && d[at] != '\n')
		at++;
	return at;
}

bool al_context_in_deny_list(const unsigned char *d, size_t len, size_t start)
{
	size_t i = start, seen = 0;
	int depth = 0;

	(void)len;
	/* back to the '[' that opens the array holding the match; strings
	 * are not tracked, so a bracket inside one could mislead: the result
	 * only lowers a finding one step */
	while (i > 0 && seen++ < LIMIT_CONTEXT_SCAN_BYTES) {
		unsigned char c = d[--i];

		if (c == ']' || c == '}')
			depth++;
		else if (c == '{' && depth-- == 0)
			return false;
		else if (c == '[' && depth-- == 0)
			break;
	}
	if (i == 0 || d[i] != '[' || depth >= 0)
		return false;
	/* the key before it: "deny" : [ */
	while (i > 0 && strchr(" \t\r\n", d[i - 1]))
		i--;
	if (i == 0 || d[i - 1] != ':')
		return false;
	i--;
	while (i > 0 && strchr(" \t\r\n", d[i - 1]))
		i--;
	return i >= 6 && memcmp(d + i - 6, "\"deny\"", 6) == 0;
}

bool al_context_flag_entry(const unsigned char *d, size_t len, size_t start, size_t end)
{
	size_t ls = line_start(d, start), le = line_end(d, len, start), i = ls, close;

	while (i < le && (d[i] == ' ' || d[i] == '\t'))
		i++;
	if (i + 2 >= le || !strchr("-*+", d[i]) || d[i + 1] != ' ')
		return false;
	i += 2;
	while (i < le && (d[i] == ' ' || d[i] == '*'))
		i++;
	/* the code span opens the item, holds the match, and closes */
	if (i >= le || d[i] != '`' || start < i)
		return false;
	for (close = i + 1; close < le && d[close] != '`'; close++)
		;
	if (close >= le || end > close + 1)
		return false;
	i = close + 1;
	while (i < le && (d[i] == '*' || d[i] == ' '))
		i++;
	/* and an explanation follows: "`--flag`: ...", "`--flag` (...)", "— ..." */
	return i < le && (d[i] == ':' || d[i] == '(' || d[i] == '-' ||
			  (le - i >= 3 && memcmp(d + i, "\xe2\x80\x94", 3) == 0));
}

bool al_context_toml_profile(const unsigned char *d, size_t start)
{
	size_t i = line_start(d, start), seen = 0;

	/* the nearest table header above the match */
	while (i > 0 && seen < LIMIT_CONTEXT_SCAN_BYTES) {
		size_t ls = line_start(d, i - 1), j = ls;

		seen += i - ls;
		while (d[j] == ' ' || d[j] == '\t')
			j++;
		if (d[j] == '[')
			return strncmp((const char *)d + j, "[profiles.", 10) == 0;
		i = ls;
	}
	return false;
}

bool al_context_path_only(const unsigned char *d, size_t len, size_t start)
{
	size_t ls = line_start(d, start), le = line_end(d, len, start);
	char line[LIMIT_CONTEXT_LINE_BYTES];
	const char *p, *v, *e;
	size_t n = le - ls;

	if (n >= sizeof(line))
		return false;
	memcpy(line, d + ls, n);
	line[n] = '\0';
	if (!(p = strstr(line, "export PATH=")) || strstr(p + 12, "export "))
		return false;
	/* the value: only $HOME/... directories and $PATH, joined by ':' */
	v = p + 12;
	while (*v == '"' || *v == '\\')
		v++;
	e = strstr(v, ">>");
	if (!e || strchr(v, ';') || strchr(v, '&') || strchr(v, '|') || strchr(v, '`') ||
	    strstr(v, "$("))
		return false;
	for (const char *q = v; q < e; q++) {
		if (strncmp(q, "$HOME/", 6) == 0 || strncmp(q, "${HOME}/", 8) == 0 ||
		    strncmp(q, "$PATH", 5) == 0 || strncmp(q, "${PATH}", 7) == 0) {
			q += strncmp(q, "${", 2) == 0 ? 6 : 4;
			continue;
		}
		if (*q == '$')
			return false; /* any other variable */
	}
	return strstr(v, "$PATH") || strstr(v, "${PATH}");
}

bool al_context_always_loaded(const char *path, const unsigned char *d, size_t len)
{
	static const char *const names[] = {
		"CLAUDE.md", "CLAUDE.local.md", "AGENTS.md",      "AGENTS.override.md",
		"GEMINI.md", ".cursorrules",    ".windsurfrules", "copilot-instructions.md",
		NULL
	};
	const char *base = strrchr(path, '/');
	size_t n, fm;

	base = base ? base + 1 : path;
	for (int i = 0; names[i]; i++)
		if (strcmp(base, names[i]) == 0)
			return true;
	n = strlen(base);
	if (n < 4 || strcmp(base + n - 4, ".mdc") != 0 || len < 4 || memcmp(d, "---", 3) != 0)
		return false;
	/* the front matter: up to the closing --- line */
	for (fm = 3; fm + 4 <= len && fm < LIMIT_CONTEXT_SCAN_BYTES; fm++)
		if (d[fm] == '\n' && memcmp(d + fm + 1, "---", 3) == 0)
			break;
	for (size_t i = 0; i + 17 <= fm; i++)
		if (memcmp(d + i, "alwaysApply: true", 17) == 0 && (i == 0 || d[i - 1] == '\n'))
			return true;
	return false;
}

/* A Markdown list item: "- ", "* ", "+ " or "12. " after indentation. */
static bool list_item(const unsigned char *d, size_t ls, size_t le)
{
	size_t i = ls;

	while (i < le && (d[i] == ' ' || d[i] == '\t'))
		i++;
	if (i + 1 < le && strchr("-*+", d[i]) && d[i + 1] == ' ')
		return true;
	while (i < le && d[i] >= '0' && d[i] <= '9')
		i++;
	return i > ls && i + 1 < le && (d[i] == '.' || d[i] == ')') && d[i + 1] == ' ' &&
	       d[i - 1] >= '0' && d[i - 1] <= '9';
}

static bool forbidding(const unsigned char *d, size_t ls, size_t le)
{
	static const char *const words[] = { " not ",        " not:",      " not*",    "never",
					     "don't",        "do not",     "must not", "avoid",
					     "forbidden",    "prohibited", "won't",    "will not",
					     "anti-pattern", "dont",       NULL };
	char line[LIMIT_CONTEXT_LINE_BYTES];
	size_t n = le - ls < sizeof(line) - 2 ? le - ls : sizeof(line) - 2;

	line[0] = ' ';
	memcpy(line + 1, d + ls, n);
	line[n + 1] = '\0';
	for (int i = 0; words[i]; i++)
		if (strcasestr(line, words[i]))
			return true;
	return false;
}

bool al_context_forbidden_list(const unsigned char *d, size_t len, size_t start)
{
	size_t ls = line_start(d, start), le = line_end(d, len, start), seen = 0;

	if (!list_item(d, ls, le))
		return false;
	/* up through the items (and single blank lines) to the lead-in */
	while (ls > 0 && seen < LIMIT_CONTEXT_SCAN_BYTES) {
		size_t pe = ls - 1, ps = line_start(d, pe);
		bool blank = true;

		seen += ls - ps;
		for (size_t i = ps; i < pe; i++)
			if (d[i] != ' ' && d[i] != '\t' && d[i] != '\r')
				blank = false;
		ls = ps;
		if (blank || list_item(d, ps, pe))
			continue;
		return forbidding(d, ps, pe);
	}
	return false;
}

/* Words of a text that discusses attacks, not of one that gives orders:
 * "for example" alone is how instructions are written too. */
bool al_context_example_cue(const unsigned char *d, size_t from, size_t to)
{
	static const char *const cues[] = {
		"attack",
		"injection",
		"malicious",
		"phrases",
		"detect",
		"flags",
		"suspicious",
		"never follow",
		"do not follow",
		"don't follow",
		"never run",
		"do not run",
		"don't run",
		"never obey",
		"do not obey",
		/* defensive text: what to treat as data, not as an order */
		"as data",
		"look like",
		"looks like",
		"crafted",
		"not as a command",
		"never as a",
		"shaped like",
		"never instructions",
		"not instructions",
		"inert",
	};
	char line[512];
	size_t n = to - from < sizeof(line) - 1 ? to - from : sizeof(line) - 1;

	memcpy(line, d + from, n);
	line[n] = '\0';
	for (size_t i = 0; i < sizeof(cues) / sizeof(cues[0]); i++)
		if (strcasestr(line, cues[i]))
			return true;
	return false;
}

bool al_context_fence_example(const unsigned char *d, size_t fence)
{
	size_t from = fence;
	int lines = 0;

	while (from > 0 && !(d[from - 1] == '\n' && ++lines > 3))
		from--;
	return al_context_example_cue(d, from, fence);
}
