/*
 * fuzz_wire.c - what the sandboxed scanner sends back: the parent must
 * refuse anything malformed without crashing or leaking.
 */
#include <stdint.h>
#include <stdlib.h>

#include "scan/wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	airlock_report *r = calloc(1, sizeof(*r));

	if (!r)
		return 0;
	al_scan_wire_read(r, data, size);
	airlock_report_free(r);
	return 0;
}
