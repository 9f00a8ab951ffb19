/*
 * fuzz_markdown.c - libFuzzer target: one instruction file through the Markdown analysis (scanners/markdown.c),
 * checking that every finding lies inside the buffer and gets a position.
 *
 *   make fuzz && build/fuzz/fuzz-markdown -max_total_time=60 tests/fuzz/corpus/markdown
 */
#include <stdint.h>
#include <stdlib.h>

#include "scanners/finding.h"
#include "scanners/markdown.h"
#include "scanners/tsparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scan_input in = { "fuzz", data, size, AIRLOCK_KIND_TEXT, AIRLOCK_CLASS_EXECUTABLE };
	struct ts_parsers ps = { 0 };
	struct findings fs = { 0 };
	in.kind = AIRLOCK_KIND_MARKDOWN;
	if (al_markdown_scan(&fs, &ps, &in) < 0)
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
