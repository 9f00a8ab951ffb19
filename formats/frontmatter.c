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
 */
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

int al_doc_front_matter(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap)
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
			d->line_offset = 1; /* the YAML's first line is the file's second */
			return al_yaml_load(d, block, (size_t)(line - block), why, cap);
		}
		if (!eol)
			break;
	}
	return 1;
}
