/*
 * unicode.h - what a reader cannot see: Unicode tags, bidi controls,
 * invisible characters inside words, terminal escapes, blank runs that push
 * text off screen, look-alike letters, bytes that are not UTF-8. Also builds
 * the normalized view that the signatures run on a second time.
 */
#ifndef AIRLOCK_SCANNERS_UNICODE_H
#define AIRLOCK_SCANNERS_UNICODE_H

#include "common/unittest.h"
#include "scanners/finding.h"

/*
 * The text as a reader's eye or a model's tokenizer may take it: tags decoded
 * to the ASCII they smuggle, zero-width and bidi characters and terminal
 * escapes removed, confusable letters folded to Latin, blank runs collapsed.
 * map[i] is the offset in the original buffer of normalized byte i, so a
 * match in the view is reported where it is in the file.
 */
struct norm_view {
	unsigned char *data;
	size_t len;
	size_t *map;        /* len + 1 entries; map[len] is the original length */
	unsigned char *hid; /* a bit per original byte: hiding undone there */
	size_t in_len;      /* the original length */
	bool changed;       /* false: the view equals the original, no second pass;
			     * data and map are then left unwritten */
};

/* Reports the Unicode findings of `in` into `fs` and builds its normalized
 * view into `nv` (free with al_norm_view_free, also after a failure). */
int al_unicode_scan(struct findings *fs, struct norm_view *nv, const struct scan_input *in);

void al_norm_view_free(struct norm_view *nv);

/* True when the view undid a way of hiding text (an invisible character
 * removed, a tag or an escaped letter decoded, a look-alike folded, a blank
 * run collapsed) within original bytes [start, end): a match there was
 * hidden, not merely written in another syntax. */
bool al_norm_view_hides(const struct norm_view *nv, size_t start, size_t end);

/* The original byte range of normalized bytes [start, end). */
void al_norm_view_span(const struct norm_view *nv, const struct scan_input *in, size_t start,
		       size_t end, size_t *ostart, size_t *oend);

/* Plain ASCII prose takes a fast path that must change nothing but speed;
 * tests turn it off to compare (internal, not exported). */
AL_SEAM(bool, al_unicode_ascii_fast, true);

#endif
