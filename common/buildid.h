/*
 * buildid.h - the GNU build ID of the object airlock's code was linked into
 * (libairlock.so, or the program that linked libairlock.a): a hash the
 * linker computes over the code, so it changes whenever the scanners do.
 */
#ifndef AIRLOCK_COMMON_BUILDID_H
#define AIRLOCK_COMMON_BUILDID_H

#include <stdbool.h>
#include <stddef.h>

/* The build ID as lower-case hex into out[size]. Returns true, or false when
 * the object carries none (linked with --build-id=none) or it does not fit. */
bool al_build_id(char *out, size_t size);

#endif
