/*
 * dotenv.c - a .env file as the tools that load it read it: one NAME=value
 * per line, an optional "export ", '#' comments, values in single quotes
 * (literal) or double quotes (\n, \", \\ escapes), else up to an unquoted
 * " #". The document is {"env": {NAME: value}}, so the settings analysis
 * of "env" objects (AL403) judges it like any agent's env block.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/limits.h"
#include "formats/formats.h"

static bool name_char(char c, bool first)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
	       (!first && ((c >= '0' && c <= '9') || c == '.' || c == '-'));
}

/* The value of one line from `s` to `eol` into out (NUL-terminated). */
static void value_of(const char *s, const char *eol, char *out)
{
	size_t n = 0;

	if (s < eol && (*s == '\'' || *s == '"')) {
		char q = *s++;

		for (; s < eol && *s != q; s++) {
			if (q == '"' && *s == '\\' && s + 1 < eol) {
				s++;
				out[n++] = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
			} else {
				out[n++] = *s;
			}
		}
	} else {
		const char *end = eol;

		for (const char *p = s; p < eol; p++)
			if (*p == '#' && p > s && (p[-1] == ' ' || p[-1] == '\t')) {
				end = p;
				break;
			}
		while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
			end--;
		memcpy(out, s, (size_t)(end - s));
		n = (size_t)(end - s);
	}
	out[n] = '\0';
}

int al_dotenv_load(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap)
{
	const char *s = buf, *end = s + len;
	json_t *env;
	char *value = NULL;
	unsigned line = 0;
	int error = 0;

	if (!(d->root = json_object()) || !(env = json_object()) ||
	    json_object_set_new(d->root, "env", env) < 0 || !(value = malloc(len + 1)))
		return al_error_oom();
	al_doc_mark(d, env, 1);
	while (s < end && !error) {
		const char *nl = memchr(s, '\n', (size_t)(end - s)), *eol = nl ? nl : end;
		const char *name;
		json_t *v;

		line++;
		while (s < eol && (*s == ' ' || *s == '\t'))
			s++;
		if (eol - s > 7 && strncmp(s, "export ", 7) == 0)
			s += 7;
		name = s;
		while (s < eol && name_char(*s, s == name))
			s++;
		if (s > name && s < eol && *s == '=') {
			value_of(s + 1, eol, value);
			if (!(v = json_string(value)))
				v = json_stringn(value, 0); /* not UTF-8: shown empty */
			if (!v || json_object_setn_new(env, name, (size_t)(s - name), v) < 0)
				error = al_error_oom();
			else
				error = al_doc_mark(d, v, line);
		} else if (s < eol && *name != '#' && *name != '\r') {
			snprintf(why, cap, "line %u: not NAME=value", line);
			/* tools skip such lines; so does the analysis */
		}
		s = eol + 1;
	}
	free(value);
	if (error)
		return error;
	return al_doc_emit(d);
}
