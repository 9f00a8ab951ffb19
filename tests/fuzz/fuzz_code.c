/*
 * fuzz_code.c - libFuzzer target: one fence's Python or JavaScript through the code analysis
 * (scanners/code.c, and scanners/shell.c for the commands it runs), checking that every
 * finding lies inside the buffer and gets a position, and that code al_code_wanted would let
 * the Markdown scan skip has no finding indeed. The first byte picks the grammar
 * (even: Python, odd: JavaScript); the rest is the code.
 *
 *   make fuzz FUZZ_TARGETS=code && build/fuzz/fuzz-code -max_total_time=60 tests/fuzz/corpus/code
 */
#include <stdint.h>
#include <stdlib.h>

#include "common/limits.h"
#include "scanners/code.h"
#include "scanners/codewords.h"
#include "scanners/finding.h"
#include "scanners/tsparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scan_input in = { "CLAUDE.md", data, size, AIRLOCK_KIND_MARKDOWN,
				 AIRLOCK_CLASS_INSTRUCTIONS };
	struct ts_parsers ps = { 0 };
	struct findings fs = { 0 };
	struct code_fence c = { 0 };

	if (size < 1)
		return 0;
	c.code = (const char *)data + 1;
	c.len = size - 1;
	c.base = 1;
	c.g = data[0] % 2 ? TS_JAVASCRIPT : TS_PYTHON;
	c.lower = 1;
	if (al_code_scan(&fs, &ps, &in, &c) < 0)
		abort(); /* only memory exhaustion may fail, and the fuzzer has memory */
	if (al_findings_locate(&fs, 0, &in) < 0)
		abort();
	if (fs.count > 0 && c.len <= LIMIT_CODE_BYTES && !al_code_wanted(c.code, c.len))
		abort(); /* the skip would lose a finding */
	for (size_t i = 0; i < fs.count; i++)
		if (fs.v[i].start > fs.v[i].end || fs.v[i].end > size || fs.v[i].line < 1 ||
		    fs.v[i].column < 1)
			abort();
	al_findings_free(&fs);
	al_ts_parsers_free(&ps);
	return 0;
}
