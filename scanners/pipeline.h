/*
 * pipeline.h - one buffer through every scanner: Unicode analysis, signatures on
 * the text and on its normalized view, positions, combinations.
 */
#ifndef AIRLOCK_SCANNERS_PIPELINE_H
#define AIRLOCK_SCANNERS_PIPELINE_H

#include "scanners/finding.h"
#include "scanners/yara.h"

/* Appends the findings of `in` to `fs`. Any scanner error fails the whole
 * call (the caller must not treat the file as clean). */
int al_scan_buffer(struct findings *fs, const struct yara_set *ys, const struct scan_input *in,
		   int timeout);

#endif
