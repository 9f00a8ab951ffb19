/*
 * fuzz_shell.c - libFuzzer target: one command string through the shell analysis (scanners/shell.c),
 * checking that every finding lies inside the buffer and gets a position.
 *
 *   make fuzz && build/fuzz/fuzz-shell -max_total_time=60 tests/fuzz/corpus/shell
 */
#include <stdint.h>
#include <stdlib.h>

#include "scanners/finding.h"
#include "scanners/shell.h"
#include "scanners/tsparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scan_input in = { "fuzz", data, size, AIRLOCK_KIND_TEXT, AIRLOCK_CLASS_EXECUTABLE };
	struct ts_parsers ps = { 0 };
	struct findings fs = { 0 };
	struct shell_code c = { (const char *)data, size, NULL, 0, "fuzz", 0, 0 };

	in.kind = AIRLOCK_KIND_SCRIPT;
	if (al_shell_scan(&fs, &ps, &in, &c) < 0)
		abort(); /* only memory exhaustion may fail, and the fuzzer has memory */
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
