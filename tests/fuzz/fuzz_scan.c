/*
 * fuzz_scan.c - libFuzzer target for one buffer through the scanners (the
 * Unicode analysis and normalized view always; the signatures too when
 * AIRLOCK_SIGNATURES names a compiled set), checking the invariants the
 * reports rely on: positions inside the buffer, the view's map monotonic.
 *
 *   make fuzz && build/fuzz/fuzz_scan -max_total_time=60 tests/fuzz/corpus/scan
 *
 * `make test` replays the seed corpus and every scan fixture through it.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan/signatures.h"
#include "scanners/pipeline.h"
#include "scanners/unicode.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct airlock_rules *catalogue;
static struct yara_set *signatures;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct scan_options so;

	(void)argc;
	(void)argv;
	if (!getenv("AIRLOCK_SIGNATURES") || al_scan_options_init(&so, NULL) < 0)
		return 0;
	if (al_rules_open(&catalogue, &signatures, &so, NULL) < 0)
		abort(); /* a replay that silently skipped the signatures would prove less */
	al_scan_options_clear(&so);
	return 0;
}

static void check(const struct findings *fs, const struct scan_input *in)
{
	for (size_t i = 0; i < fs->count; i++) {
		const struct airlock_finding *f = &fs->v[i];

		if (f->start > f->end || f->end > in->len || f->line < 1 || f->column < 1 ||
		    f->end_line < f->line || !f->excerpt)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Settings files get their JSON escapes decoded: inputs that start
	 * with '{' take that path. */
	bool json = size > 0 && data[0] == '{';
	struct scan_input in = { json ? "fuzz.json" : "fuzz.md", data, size,
				 json ? AIRLOCK_KIND_JSON : AIRLOCK_KIND_MARKDOWN,
				 json ? AIRLOCK_CLASS_EXECUTABLE : AIRLOCK_CLASS_INSTRUCTIONS };
	struct findings fs = { 0 };
	struct norm_view nv;

	if (al_unicode_scan(&fs, &nv, &in) == 0) {
		/* an unchanged view is the original, left unwritten */
		if (nv.len > size || (!nv.changed && nv.len != size) ||
		    (nv.changed && nv.map[nv.len] != size))
			abort();
		for (size_t i = 0; nv.changed && i + 1 <= nv.len; i++)
			if (nv.map[i] > nv.map[i + 1] && i + 1 < nv.len)
				abort();
		if (al_findings_locate(&fs, 0, &in) == 0)
			check(&fs, &in);
	}
	al_norm_view_free(&nv);
	al_findings_free(&fs);
	if (signatures) {
		if (al_scan_buffer(&fs, signatures, &in, 10) < 0)
			abort();
		check(&fs, &in);
		al_findings_finish(&fs);
		al_findings_free(&fs);
	}
	return 0;
}
