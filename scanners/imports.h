/*
 * imports.h - "@path" imports in instruction files that name a file outside
 * the project: the agent would read it (Claude Code follows them); airlock
 * does not, and reports each one where it stands.
 */
#ifndef AIRLOCK_SCANNERS_IMPORTS_H
#define AIRLOCK_SCANNERS_IMPORTS_H

#include <stdbool.h>
#include <stddef.h>

#include "scanners/finding.h"

/* Calls fn for every import word of buf (outside code spans and fenced
 * blocks, after a blank, a '(' or the start of a line, holding a '.' or a
 * '/'): its offset and length, without the '@'. fn returns false to stop. */
void al_imports_each(const unsigned char *buf, size_t len,
		     bool (*fn)(void *arg, size_t start, size_t n), void *arg);

/* True when `target`, imported from the file at `from` (project-relative),
 * leaves the project: home, absolute, or climbing above the root. Files
 * outside the project (`from` starting with '~' or '/') are not judged. */
bool al_imports_escape(const char *from, const char *target);

/* AL012 for every import of `in` that leaves the project. */
int al_imports_scan(struct findings *fs, const struct scan_input *in);

#endif
