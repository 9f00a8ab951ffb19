/*
 * fuzz_frontmatter.c - libFuzzer target: one Markdown file's front matter
 * through formats/frontmatter.c and formats/yaml.c, with the invariants of
 * fuzz_yaml.c and the file's own lines; without front matter the document
 * stays untouched.
 *
 *   make fuzz && build/fuzz/fuzz-frontmatter -max_total_time=60 tests/fuzz/corpus/frontmatter
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	char why[256] = "";
	int error;

	al_doc_init(&d);
	error = al_doc_front_matter(&d, data, size, why, sizeof(why));
	if (error == 0)
		check_doc(&d, data, size);
	else if (error == 1 && (d.root || d.json || d.nmarks || why[0]))
		abort();
	else if (error < 0 && (error != AIRLOCK_EINVALID || !why[0] || strchr(why, '\n')))
		abort();
	al_doc_free(&d);
	return 0;
}
