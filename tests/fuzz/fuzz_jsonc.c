/*
 * fuzz_jsonc.c - the JSON and JSONC reader (formats/json.c); the first
 * byte's low bit picks JSONC. A document it accepts has an object for its
 * root; its d->json keeps every byte and line where it was (comments and
 * trailing commas blanked, lone surrogate escapes made \ufffd), and is plain
 * JSON that reads as the same tree; the tree written back by al_doc_emit
 * reads as the same tree too. One it refuses says why.
 *
 *   make fuzz && build/fuzz/fuzz-jsonc -max_total_time=60 tests/fuzz/corpus/jsonc
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* d->json against the source: the same length, the same newlines, and
 * every other byte the same, blanked, or part of a \ufffd escape. */
static bool kept(const struct al_doc *d, const uint8_t *data, size_t size)
{
	if (d->json_len != size)
		return false;
	for (size_t i = 0; i < size; i++) {
		char c = d->json[i];

		if ((data[i] == '\n') != (c == '\n') || (data[i] == '\r') != (c == '\r'))
			return false;
		if (c != (char)data[i] && c != ' ' && c != 'f' && c != 'd')
			return false;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bool jsonc = size && (data[0] & 1);
	struct al_doc d, plain;
	char why[256] = "";
	json_t *back;
	int rc;

	al_doc_init(&d);
	rc = al_json_load(&d, jsonc, data, size, why, sizeof(why));
	if (rc == AIRLOCK_EINVALID) {
		if (d.root || !why[0])
			abort();
		for (const char *c = why; *c; c++) /* one printable line */
			if ((unsigned char)*c < 0x20 || *c == 0x7f)
				abort();
		al_doc_free(&d);
		return 0;
	}
	if (rc != 0 || !json_is_object(d.root) || !d.json || d.lines || !kept(&d, data, size))
		abort();
	/* what JSONC blanks leaves plain JSON of the same tree */
	al_doc_init(&plain);
	if (al_json_load(&plain, false, d.json, d.json_len, why, sizeof(why)) != 0 ||
	    !json_equal(plain.root, d.root))
		abort();
	al_doc_free(&plain);
	if (al_doc_emit(&d) != 0)
		abort();
	back = json_loadb(d.json, d.json_len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, NULL);
	if (!back || !json_equal(back, d.root))
		abort();
	json_decref(back);
	al_doc_free(&d);
	return 0;
}
