/*
 * flood.h - filler floods in instruction files: one short unit of symbols
 * repeated dozens of times, the padding adversarial prompts use to push
 * the instructions the agent was given out of view.
 */
#ifndef AIRLOCK_SCANNERS_FLOOD_H
#define AIRLOCK_SCANNERS_FLOOD_H

#include <stdbool.h>
#include <stddef.h>

#include "scanners/finding.h"

/* The first filler flood of d[0..len): a run of at least
 * LIMIT_FLOOD_REPEATS copies of one unit of 1..LIMIT_FLOOD_UNIT_BYTES bytes
 * that holds no ASCII letter or digit and is not Markdown markup (rules,
 * tables, emphasis) or box drawing. Sets *start, *end and returns true. */
bool al_flood_find(const unsigned char *d, size_t len, size_t *start, size_t *end);

/* AL310 for the first flood of a Markdown or text file. */
int al_flood_scan(struct findings *fs, const struct scan_input *in);

#endif
