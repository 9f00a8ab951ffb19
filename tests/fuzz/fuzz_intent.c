/*
 * fuzz_intent.c - libFuzzer target: one instruction file through the intent
 * analysis (scanners/intent.c), over the file itself and over its Unicode
 * and decoded views, checking that every finding lies inside the buffer and
 * gets a position, and (built with AIRLOCK_UNITTESTS, as `make fuzz` and
 * `make fuzz-replay` do) that both views come out the same when built byte
 * by byte, their fast paths turned off.
 *
 *   make fuzz FUZZ_TARGETS=intent && build/fuzz/fuzz-intent tests/fuzz/corpus/intent
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scanners/decode.h"
#include "scanners/finding.h"
#include "scanners/intent.h"
#include "scanners/unicode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifdef AIRLOCK_UNITTESTS
static bool same_view(const struct norm_view *a, const struct norm_view *b, size_t size)
{
	if (a->changed != b->changed || a->len != b->len ||
	    (size && memcmp(a->hid, b->hid, size / 8 + 1) != 0))
		return false;
	/* an unchanged Unicode view is the file itself, left unwritten */
	if (!a->changed)
		return true;
	return memcmp(a->data, b->data, a->len) == 0 &&
	       memcmp(a->map, b->map, (a->len + 1) * sizeof(*a->map)) == 0;
}

/* The views again, byte by byte: the same views, and the same findings as
 * the Unicode analysis added at fast[0..n). */
static void check_slow_paths(const struct scan_input *in, const struct airlock_finding *fast,
			     size_t n, const struct norm_view *nv, const struct norm_view *dv)
{
	struct findings fs = { 0 };
	struct norm_view slow_nv = { 0 }, slow_dv = { 0 };

	al_unicode_ascii_fast = false;
	al_decode_fast = false;
	if (al_unicode_scan(&fs, &slow_nv, in) < 0 || al_decoded_view(&slow_dv, in) < 0)
		abort();
	al_unicode_ascii_fast = true;
	al_decode_fast = true;
	if (!same_view(nv, &slow_nv, in->len) || !same_view(dv, &slow_dv, in->len) || fs.count != n)
		abort();
	for (size_t i = 0; i < n; i++)
		if (strcmp(fs.v[i].rule, fast[i].rule) != 0 || fs.v[i].start != fast[i].start ||
		    fs.v[i].end != fast[i].end)
			abort();
	al_norm_view_free(&slow_nv);
	al_norm_view_free(&slow_dv);
	al_findings_free(&fs);
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scan_input in = { "CLAUDE.md", data, size, AIRLOCK_KIND_MARKDOWN,
				 AIRLOCK_CLASS_INSTRUCTIONS };
	struct findings fs = { 0 };
	struct norm_view nv = { 0 }, dv = { 0 };
	size_t before, after;

	if (al_intent_scan(&fs, &in) < 0)
		abort();
	before = fs.count;
	if (al_unicode_scan(&fs, &nv, &in) < 0)
		abort();
	after = fs.count;
	if (al_intent_scan_view(&fs, &in, &nv) < 0)
		abort();
	if (al_decoded_view(&dv, &in) < 0 || al_intent_scan_view(&fs, &in, &dv) < 0)
		abort();
#ifdef AIRLOCK_UNITTESTS
	check_slow_paths(&in, fs.v ? fs.v + before : NULL, after - before, &nv, &dv);
#else
	(void)before, (void)after;
#endif
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
