/*
 * fuzz_utf8.c - strict decoding and escaping: the escaped form is always
 * valid UTF-8 without control or invisible characters.
 */
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out = al_utf8_escape((const char *)data, size, true);
	const unsigned char *p;
	size_t left;

	al_utf8_valid((const char *)data, size);
	if (!out)
		return 0;
	left = strlen(out);
	if (!al_utf8_valid(out, left))
		abort();
	for (p = (const unsigned char *)out; left > 0;) {
		uint32_t cp;
		size_t n = al_utf8_decode(p, left, &cp);

		if (n == 0 || cp < 0x20 || cp == 0x7f || al_utf8_is_invisible(cp))
			abort();
		p += n;
		left -= n;
	}
	free(out);
	return 0;
}
