/*
 * imports.c - "@path" imports that leave the project.
 */
#include <string.h>

#include "common/path.h"
#include "scanners/imports.h"
#include "scanners/catalogue.h"

void al_imports_each(const unsigned char *buf, size_t len,
		     bool (*fn)(void *arg, size_t start, size_t n), void *arg)
{
	bool fenced = false, code = false;

	if (!memchr(buf, '@', len))
		return; /* most files: nothing to follow */
	for (size_t i = 0; i < len; i++) {
		bool line_start = i == 0 || buf[i - 1] == '\n';
		size_t end;

		if (line_start) {
			/* a fence may be indented (inside a list item) */
			size_t f = i;

			while (f < len && f - i < 12 && (buf[f] == ' ' || buf[f] == '\t'))
				f++;
			if (len - f >= 3 &&
			    (memcmp(buf + f, "```", 3) == 0 || memcmp(buf + f, "~~~", 3) == 0))
				fenced = !fenced;
		}
		if (buf[i] == '`')
			code = !code;
		if (buf[i] == '\n')
			code = false;
		if (fenced || code || buf[i] != '@' || (i > 0 && !strchr(" \t\n(", buf[i - 1])))
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
