/*
 * frontmatter.c - the YAML front matter of a Markdown file (Claude Code's
 * agents, skills and commands, Copilot's .agent.md, Cursor's .mdc rules).
 *
 * Front matter is a first line of exactly "---" and the YAML up to the next
 * line of "---" or "..."; a UTF-8 byte order mark before the first line, and
 * spaces, tabs and a CR after either delimiter are allowed (gray-matter
 * strips the mark, and CRLF files are common).
 *
 * Without a closing line there is no front matter: the file is Markdown
 * whose first line is a thematic break, as the regular-expression readers
 * (`^---\s*\n(.*?)\n---`) see it. gray-matter alone reads such a file to
 * its end as YAML; that text is still scanned as the file's Markdown, and
 * the agents that take settings from front matter close it.
 *
 * Front matter YAML refuses is common in published agents and skills
 * ("description: Use this agent when: ..." with an unquoted colon), and the
 * agents still load those files: their readers fall back to taking each
 * top-level "key: value" line as it is. So does this one, except when a
 * structured key that runs something (hooks, mcpServers) is in the block:
 * what the agent would make of it cannot be known, and the file stays
 * refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"

/* Whether s[0..n) is `word` followed by nothing but spaces, tabs or CRs. */
static bool delimiter(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);

	if (n < w || memcmp(s, word, w) != 0)
		return false;
	for (size_t i = w; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* Keys whose value is a structure that runs something: no line-wise reading
 * stands in for YAML there. */
static bool structured_key(const char *line, size_t n)
{
	static const char *const keys[] = { "hooks", "mcpServers", "mcp-servers", "mcp_servers" };

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		size_t k = strlen(keys[i]);

		if (n > k && memcmp(line, keys[i], k) == 0 && (line[k] == ':' || line[k] == ' '))
			return true;
	}
	return false;
}

/* Whether a top-level value is one YAML refuses but the agents read as text:
 * it holds ": " ("Use when: x"), or starts a flow collection that does not
 * end the line ("[user prompt] [orchestration prompt]"). */
static bool sloppy_value(const char *v, size_t n)
{
	if (n == 0 || *v == '\'' || *v == '"' || *v == '|' || *v == '>')
		return false;
	for (size_t i = 0; i + 1 < n; i++)
		if (v[i] == ':' && v[i + 1] == ' ')
			return true;
	if (*v == '[' || *v == '{') {
		char close = *v == '[' ? ']' : '}';
		int depth = 0;

		for (size_t i = 0; i < n; i++) {
			depth += v[i] == *v ? 1 : v[i] == close ? -1 : 0;
			if (depth == 0)
				return i + 1 < n; /* text after the collection */
		}
		return true; /* not closed on its line */
	}
	return false;
}

/* The block with each sloppy top-level value single-quoted, as the agents'
 * readers repair it before reading it as YAML again; NULL when nothing was
 * quoted (or out of memory: the caller then reads line by line). */
static char *quoted(const char *block, size_t len, size_t *out_len)
{
	const char *end = block + len, *eol;
	char *out = malloc(len * 2 + 16), *o = out;
	bool changed = false;

	if (!out)
		return NULL;
	for (const char *s = block; s < end; s = eol + 1) {
		const char *colon, *v;
		size_t n;

		eol = memchr(s, '\n', (size_t)(end - s));
		if (!eol)
			eol = end;
		n = (size_t)(eol - s);
		colon = n && *s != ' ' && *s != '\t' && *s != '#' && *s != '-' ? memchr(s, ':', n)
									       : NULL;
		for (v = colon ? colon + 1 : NULL; v && v < eol && (*v == ' ' || *v == '\t'); v++)
			;
		if (colon && colon + 1 < eol && colon[1] == ' ' && v < eol) {
			size_t vn = (size_t)(eol - v);

			while (vn && (v[vn - 1] == '\r' || v[vn - 1] == ' '))
				vn--;
			if (sloppy_value(v, vn)) {
				memcpy(o, s, (size_t)(v - s));
				o += v - s;
				*o++ = '\'';
				for (size_t i = 0; i < vn; i++) {
					if (v[i] == '\'')
						*o++ = '\'';
					*o++ = v[i];
				}
				*o++ = '\'';
				changed = true;
				if (eol < end)
					*o++ = '\n';
				continue;
			}
		}
		memcpy(o, s, n + (eol < end));
		o += n + (eol < end);
	}
	if (!changed) {
		free(out);
		return NULL;
	}
	*out_len = (size_t)(o - out);
	return out;
}

/* Each top-level "key: value" line of block[0..len) as a string member; an
 * indented or other line is part of the value before it, and not read. */
static int lenient(struct al_doc *d, const char *block, size_t len)
{
	const char *end = block + len, *eol;
	unsigned line = 1;
	int error = 0;

	if (!(d->root = json_object()))
		return AIRLOCK_ERROR;
	for (const char *s = block; s < end && !error; s = eol + 1, line++) {
		const char *colon, *v;
		size_t n;
		json_t *value;

		eol = memchr(s, '\n', (size_t)(end - s));
		if (!eol)
			eol = end;
		n = (size_t)(eol - s);
		if (n == 0 || *s == ' ' || *s == '\t' || *s == '#' || *s == '-' ||
		    !(colon = memchr(s, ':', n)) || colon == s)
			continue;
		if (structured_key(s, n))
			return AIRLOCK_EINVALID;
		for (v = colon + 1; v < eol && (*v == ' ' || *v == '\t'); v++)
			;
		n = (size_t)(eol - v);
		while (n && (v[n - 1] == '\r' || v[n - 1] == ' '))
			n--;
		if (json_object_getn(d->root, s, (size_t)(colon - s)))
			return AIRLOCK_EINVALID; /* a repeated key: which one wins is unknown */
		if (!(value = json_stringn(v, n)))
			continue; /* not UTF-8: left out, as the YAML reader would refuse it */
		if (json_object_setn_new(d->root, s, (size_t)(colon - s), value) < 0)
			return AIRLOCK_ERROR;
		error = al_doc_mark(d, value, line);
	}
	return error ? error : al_doc_emit(d);
}

static int front_matter(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap,
			bool as_agents)
{
	const char *s = buf, *end = s + len, *eol, *block, *line;

	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	if (!(eol = memchr(s, '\n', (size_t)(end - s))) || !delimiter(s, (size_t)(eol - s), "---"))
		return 1;
	block = eol + 1;
	for (line = block; line < end; line = eol + 1) {
		size_t n;

		eol = memchr(line, '\n', (size_t)(end - line));
		n = (size_t)((eol ? eol : end) - line);
		if (delimiter(line, n, "---") || delimiter(line, n, "...")) {
			int rc;

			d->line_offset = 1; /* the YAML's first line is the file's second */
			rc = al_yaml_load(d, block, (size_t)(line - block), why, cap);
			if (rc != AIRLOCK_EINVALID || !as_agents)
				return rc;
			al_doc_free(d);
			d->line_offset = 1;
			{
				size_t qlen = 0;
				char *q = quoted(block, (size_t)(line - block), &qlen);
				char qwhy[8];

				rc = q ? al_yaml_load(d, q, qlen, qwhy, sizeof(qwhy))
				       : AIRLOCK_EINVALID;
				free(q);
				if (rc != AIRLOCK_EINVALID)
					return rc;
				al_doc_free(d);
				d->line_offset = 1;
			}
			rc = lenient(d, block, (size_t)(line - block));
			if (rc != 0) {
				al_doc_free(d);
				d->line_offset = 1;
			}
			return rc == AIRLOCK_ERROR ? rc : rc ? AIRLOCK_EINVALID : 0;
		}
		if (!eol)
			break;
	}
	return 1;
}

int al_doc_front_matter(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap)
{
	return front_matter(d, buf, len, why, cap, false);
}

int al_doc_front_matter_agent(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap)
{
	return front_matter(d, buf, len, why, cap, true);
}
