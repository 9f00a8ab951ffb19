/*
 * mdchunks.h - the parts of a Markdown file worth a syntax tree.
 *
 * tree-sitter-markdown parses at a few MB/s; most of an instruction file is
 * prose the signatures judge on their own. A line scan splits the file into
 * runs of lines separated by blank lines (a blank line inside a fence, an
 * HTML comment, a raw HTML block or front matter does not split), and keeps
 * the runs holding something a structural check looks for: a tag, a link or
 * image, a link reference definition, a fence, a !`command`, front matter.
 * Each kept run ends with the blank line after it, so that runs parsed
 * together stay separate blocks; a fence is a run of its own, always kept.
 */
#ifndef AIRLOCK_SCANNERS_MDCHUNKS_H
#define AIRLOCK_SCANNERS_MDCHUNKS_H

#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

/* The runs of `buf` to parse, in order: *out is new (free() it; NULL when
 * *n is 0). Returns 0 or AIRLOCK_ERROR. */
int md_chunks(TSRange **out, unsigned int *n, const char *buf, size_t len);

/* True when t[0..len) may hold something a structural check looks for (a
 * tag, a link, a definition, a !`command`, a fence); false is certain. */
bool md_wanted(const char *t, size_t len);

#endif
