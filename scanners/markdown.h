/*
 * markdown.h - what a person sees of an instruction file and what only the
 * model reads: HTML comments, hiding HTML, link reference definitions used
 * as comments, empty links, data-carrying image URLs, collapsed <details>,
 * front matter; and the commands an instruction file holds (fenced shell
 * code, !`cmd` lines of command files), judged by scanners/shell.c.
 */
#ifndef AIRLOCK_SCANNERS_MARKDOWN_H
#define AIRLOCK_SCANNERS_MARKDOWN_H

#include "scanners/finding.h"
#include "scanners/tsparse.h"

/* Adds the findings of one Markdown file. Returns 0 or AIRLOCK_ERROR. */
int al_markdown_scan(struct findings *fs, struct ts_parsers *ps, const struct scan_input *in);

#endif
