/*
 * yaml_dump.c - reads one YAML file (or, with --front-matter, a Markdown
 * file's front matter) with formats/yaml.c and prints the tree as canonical
 * JSON (sorted keys, one line), for tests/formats/yaml_diff.py to compare
 * with another reader. On a refused document prints "INVALID: why" and
 * exits 1; a Markdown file without front matter prints "NONE". With --lines
 * it prints the JSON text written back instead, each line prefixed with its
 * source line.
 *
 *   build/tests/yaml_dump [--front-matter] [--lines] FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (!f)
		return NULL;
	do {
		if (*len == cap) {
			char *grown = realloc(buf, cap = cap ? cap * 2 : 4096);

			if (!grown) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = grown;
		}
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
	} while (n > 0);
	fclose(f);
	return buf;
}

static void print_lines(const struct al_doc *d)
{
	const char *line = d->json;
	unsigned k = 1;

	while (line && *line) {
		const char *eol = strchr(line, '\n');
		int n = eol ? (int)(eol - line) : (int)strlen(line);

		printf("%u\t%.*s\n", al_doc_source_line(d, k++), n, line);
		line = eol ? eol + 1 : line + n;
	}
}

int main(int argc, char **argv)
{
	bool front = false, lines = false;
	const char *path = NULL;
	struct al_doc d;
	char why[256] = "", *buf, *text;
	size_t len;
	int error;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--front-matter") == 0)
			front = true;
		else if (strcmp(argv[i], "--lines") == 0)
			lines = true;
		else
			path = argv[i];
	}
	if (!path) {
		fprintf(stderr, "usage: yaml_dump [--front-matter] [--lines] FILE\n");
		return 2;
	}
	if (!(buf = slurp(path, &len))) {
		perror(path);
		return 2;
	}
	al_doc_init(&d);
	error = front ? al_doc_front_matter(&d, buf, len, why, sizeof(why))
		      : al_yaml_load(&d, buf, len, why, sizeof(why));
	free(buf);
	if (error == 1) {
		printf("NONE\n");
		al_doc_free(&d);
		return 0;
	}
	if (error < 0) {
		printf("INVALID: %s\n", error == AIRLOCK_EINVALID ? why : "out of memory");
		al_doc_free(&d);
		return 1;
	}
	if (lines) {
		print_lines(&d);
	} else {
		text = json_dumps(d.root, JSON_SORT_KEYS | JSON_COMPACT | JSON_ENCODE_ANY);
		printf("%s\n", text ? text : "null");
		free(text);
	}
	al_doc_free(&d);
	return 0;
}
