/*
 * fuzz_yaml.c - libFuzzer target: one YAML document through formats/yaml.c.
 * A document read has a mapping root, a JSON text that parses back to the
 * same tree, and every line of that text mapped to a line of the input; a
 * refused one has a one-line reason.
 *
 *   make fuzz && build/fuzz/fuzz-yaml -max_total_time=60 tests/fuzz/corpus/yaml
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Shared with fuzz_frontmatter.c's copy: the invariants of a read document
 * whose lines are those of data[0..size). */
static void check_doc(const struct al_doc *d, const uint8_t *data, size_t size)
{
	unsigned lines = 1;
	json_t *back;

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (!json_is_object(d->root) || !d->json || strlen(d->json) != d->json_len)
		abort();
	back = json_loads(d->json, JSON_REJECT_DUPLICATES, NULL);
	if (!back || !json_equal(back, d->root))
		abort();
	json_decref(back);
	for (size_t k = 1; k <= d->nlines; k++) {
		unsigned at = al_doc_source_line(d, (unsigned)k);

		if (at < 1 || at > lines)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct al_doc d;
	char why[256];
	int error;

	al_doc_init(&d);
	error = al_yaml_load(&d, data, size, why, sizeof(why));
	if (error == 0)
		check_doc(&d, data, size);
	else if (error != AIRLOCK_EINVALID || !why[0] || strchr(why, '\n'))
		abort();
	al_doc_free(&d);
	return 0;
}
