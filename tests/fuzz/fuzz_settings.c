/*
 * fuzz_settings.c - libFuzzer target: one JSON or JSONC file through the settings analysis (scanners/settings.c),
 * checking that every finding lies inside the buffer and gets a position.
 *
 *   make fuzz && build/fuzz/fuzz-settings -max_total_time=60 tests/fuzz/corpus/settings
 */
#include <stdint.h>
#include <stdlib.h>

#include "scanners/finding.h"
#include "scanners/settings.h"
#include "scanners/tsparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scan_input in = { "fuzz", data, size, AIRLOCK_KIND_TEXT, AIRLOCK_CLASS_EXECUTABLE };
	struct ts_parsers ps = { 0 };
	struct findings fs = { 0 };
	in.kind = size && (data[0] & 1) ? AIRLOCK_KIND_JSONC : AIRLOCK_KIND_JSON;
	if (al_settings_scan(&fs, &ps, &in) < 0)
		abort();
	if (al_findings_locate(&fs, 0, &in) < 0)
		abort();
	for (size_t i = 0; i < fs.count; i++)
		if (fs.v[i].start > fs.v[i].end || fs.v[i].end > size || fs.v[i].line < 1 ||
		    fs.v[i].column < 1)
			abort();
	al_findings_free(&fs);
	al_ts_parsers_free(&ps);
	return 0;
}
