/*
 * fuzz_toml.c - the TOML reader (formats/toml.c): a document it accepts has
 * an object for its root, is written back as JSON that jansson reads as the
 * same tree, no deeper than LIMIT_JSON_DEPTH, with every line mapped to a
 * line of the document; one it refuses says on which line.
 *
 *   make fuzz && build/fuzz/fuzz-toml -max_total_time=60 tests/fuzz/corpus/toml
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/limits.h"
#include "formats/formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t count_lines(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct al_doc d;
	char why[256] = "";
	size_t source_lines = count_lines((const char *)data, size) + 1;
	json_t *back;
	int rc;

	al_doc_init(&d);
	rc = al_toml_load(&d, data, size, why, sizeof(why));
	if (rc == AIRLOCK_EINVALID) {
		if (d.root || strncmp(why, "line ", 5) != 0)
			abort();
		for (const char *c = why; *c; c++) /* one printable line */
			if ((unsigned char)*c < 0x20 || *c == 0x7f)
				abort();
	} else if (rc != 0) {
		abort();
	} else {
		if (!json_is_object(d.root) || !d.json || strlen(d.json) > d.json_len)
			abort();
		back = json_loadb(d.json, d.json_len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES,
				  NULL);
		if (!back || !json_equal(back, d.root))
			abort();
		json_decref(back);
		if (!al_json_depth_ok(d.json, d.json_len, LIMIT_JSON_DEPTH))
			abort();
		if (d.nlines != count_lines(d.json, d.json_len))
			abort();
		for (size_t i = 0; i < d.nlines; i++)
			if (d.lines[i] < 1 || d.lines[i] > source_lines)
				abort();
	}
	al_doc_free(&d);
	return 0;
}
