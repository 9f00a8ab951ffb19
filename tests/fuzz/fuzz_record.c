/*
 * fuzz_record.c - the trust record parser: any bytes either fail to parse or
 * round-trip through the serialiser to the same record.
 */
#include <stdlib.h>
#include <string.h>

#include "trust/record.h"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct trust_record r, back;
	char *text;
	size_t len;

	if (al_trust_record_parse(&r, (const char *)data, size) == 0 &&
	    al_trust_record_serialize(&text, &len, &r) == 0) {
		if (al_trust_record_parse(&back, text, len) != 0 ||
		    strcmp(back.path, r.path) != 0 || back.decision != r.decision ||
		    back.nfiles != r.nfiles)
			abort();
		al_trust_record_clear(&back);
		free(text);
	}
	al_trust_record_clear(&r);
	return 0;
}
