/*
 * doc_dump.c - reads one file with formats/ and prints the tree, for the
 * differential tests against the agents' own readers (toml_diff.py,
 * json_diff.js).
 *
 *   doc_dump json|jsonc|toml|yaml FILE
 *
 * Prints d->root as JSON with sorted keys on one line and exits 0, or
 * prints "INVALID: why" and exits 1 (2 on any other failure). With
 * --emit first, prints d->json and then each of its lines' source line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (!f)
		return NULL;
	do {
		if (*len == cap) {
			unsigned char *grown = realloc(buf, cap = cap ? cap * 2 : 4096);

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

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		airlock_kind kind;
	} kinds[] = { { "json", AIRLOCK_KIND_JSON },
		      { "jsonc", AIRLOCK_KIND_JSONC },
		      { "toml", AIRLOCK_KIND_TOML },
		      { "yaml", AIRLOCK_KIND_YAML } };
	bool emit = argc > 1 && strcmp(argv[1], "--emit") == 0;
	struct al_doc d;
	unsigned char *buf;
	size_t len, k;
	char why[256], *text;
	int rc;

	argv += emit, argc -= emit;
	if (argc != 3) {
		fprintf(stderr, "usage: doc_dump [--emit] json|jsonc|toml|yaml FILE\n");
		return 2;
	}
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]) && strcmp(kinds[k].name, argv[1]); k++)
		;
	if (k == sizeof(kinds) / sizeof(kinds[0]) || !(buf = slurp(argv[2], &len))) {
		fprintf(stderr, "doc_dump: %s: cannot read it as %s\n", argv[2], argv[1]);
		return 2;
	}
	al_doc_init(&d);
	rc = al_doc_load(&d, kinds[k].kind, buf, len, why, sizeof(why));
	free(buf);
	if (rc == AIRLOCK_EINVALID) {
		printf("INVALID: %s\n", why);
		al_doc_free(&d);
		return 1;
	}
	if (rc < 0) {
		fprintf(stderr, "doc_dump: %s: failed (%d)\n", argv[2], rc);
		al_doc_free(&d);
		return 2;
	}
	if (emit) {
		fwrite(d.json, 1, d.json_len, stdout);
		for (unsigned i = 1; i <= d.nlines; i++)
			printf("%u%c", al_doc_source_line(&d, i), i == d.nlines ? '\n' : ' ');
	} else {
		text = json_dumps(d.root, JSON_SORT_KEYS | JSON_COMPACT | JSON_ENSURE_ASCII);
		if (!text) {
			al_doc_free(&d);
			return 2;
		}
		printf("%s\n", text);
		free(text);
	}
	al_doc_free(&d);
	return 0;
}
