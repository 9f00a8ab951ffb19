/*
 * imports.c - "@path" imports that leave the project.
 */
#include <string.h>

#include "common/path.h"
#include "scanners/imports.h"
#include "scanners/catalogue.h"

/* Line by line: a fence toggles at a line's start; a line inside a fence,
 * or with no '@', has nothing to follow; a code span ends with its line. */
void al_imports_each(const unsigned char *buf, size_t len,
		     bool (*fn)(void *arg, size_t start, size_t n), void *arg)
{
	bool fenced = false;

	if (!memchr(buf, '@', len))
		return; /* most files: nothing to follow */
	for (size_t ls = 0; ls < len;) {
		const unsigned char *nl = memchr(buf + ls, '\n', len - ls);
		size_t le = nl ? (size_t)(nl - buf) : len, f = ls, stop;
		const unsigned char *at;
		bool code = false;

		/* a fence may be indented (inside a list item) */
		while (f < len && f - ls < 12 && (buf[f] == ' ' || buf[f] == '\t'))
			f++;
		if (len - f >= 3 &&
		    (memcmp(buf + f, "```", 3) == 0 || memcmp(buf + f, "~~~", 3) == 0))
			fenced = !fenced;
		at = fenced ? NULL : memrchr(buf + ls, '@', le - ls);
		stop = at ? (size_t)(at - buf) + 1 : ls; /* past the line's last '@' */
		for (size_t i = ls; i < stop; i++) {
			size_t end;

			if (buf[i] == '`')
				code = !code;
			if (code || buf[i] != '@' || (i > 0 && !strchr(" \t\n(", buf[i - 1])))
				continue;
			end = i + 1;
			while (end < len && !strchr(" \t\r\n)`\"'<>,;", buf[end]) && buf[end])
				end++;
			while (end > i + 1 && strchr(".:!?", buf[end - 1]))
				end--;
			if (end - i - 1 == 0 || (!memchr(buf + i + 1, '.', end - i - 1) &&
						 !memchr(buf + i + 1, '/', end - i - 1)))
				continue;
			if (!fn(arg, i + 1, end - i - 1))
				return;
		}
		ls = le + 1;
	}
}

bool al_imports_escape(const char *from, const char *target)
{
	/* a file outside the tree (memory) imports relative to where it lives:
	 * that is the user's own layout, not a project reaching out */
	if (from[0] == '~' || from[0] == '/')
		return false;
	return target[0] == '/' || target[0] == '~' || al_path_climbs_out(from, target);
}

struct ctx {
	struct findings *fs;
	const struct scan_input *in;
	int error;
};

static bool check(void *arg, size_t start, size_t n)
{
	struct ctx *c = arg;
	struct finding_spec s;
	char word[1024], msg[512];

	if (n >= sizeof(word))
		return true;
	memcpy(word, c->in->data + start, n);
	word[n] = '\0';
	if (!al_imports_escape(c->in->path, word))
		return true;
	al_finding_spec_rule(&s, "AL012", 0, msg, sizeof(msg), NULL);
	s.start = start - 1; /* the '@' */
	s.end = start + n;
	c->error = al_findings_add(c->fs, c->in, &s);
	return c->error == 0;
}

int al_imports_scan(struct findings *fs, const struct scan_input *in)
{
	struct ctx c = { fs, in, 0 };

	if (in->kind != AIRLOCK_KIND_MARKDOWN)
		return 0;
	al_imports_each(in->data, in->len, check, &c);
	return c.error;
}
