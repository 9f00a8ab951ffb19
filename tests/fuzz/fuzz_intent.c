/*
 * fuzz_intent.c - libFuzzer target: one instruction file through the intent
 * analysis (scanners/intent.c), over the file itself and over its Unicode
 * and decoded views, checking that every finding lies inside the buffer and
 * gets a position.
 *
 *   make fuzz FUZZ_TARGETS=intent && build/fuzz/fuzz-intent tests/fuzz/corpus/intent
 */
#include <stdint.h>
#include <stdlib.h>

#include "scanners/decode.h"
#include "scanners/finding.h"
#include "scanners/intent.h"
#include "scanners/unicode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scan_input in = { "CLAUDE.md", data, size, AIRLOCK_KIND_MARKDOWN,
				 AIRLOCK_CLASS_INSTRUCTIONS };
	struct findings fs = { 0 };
	struct norm_view nv = { 0 }, dv = { 0 };

	if (al_intent_scan(&fs, &in) < 0)
		abort();
	if (al_unicode_scan(&fs, &nv, &in) < 0 || al_intent_scan_view(&fs, &in, &nv) < 0)
		abort();
	if (al_decoded_view(&dv, &in) < 0 || al_intent_scan_view(&fs, &in, &dv) < 0)
		abort();
	if (al_findings_locate(&fs, 0, &in) < 0)
		abort();
	for (size_t i = 0; i < fs.count; i++)
		if (fs.v[i].start > fs.v[i].end || fs.v[i].end > size || fs.v[i].line < 1 ||
		    fs.v[i].column < 1)
			abort();
	al_norm_view_free(&nv);
	al_norm_view_free(&dv);
	al_findings_free(&fs);
	return 0;
}
