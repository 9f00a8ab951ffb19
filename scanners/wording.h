/*
 * wording.h - what text says: orders to the agent, actions on secrets or
 * towards a URL; and a case-insensitive search the Markdown scanners share.
 */
#ifndef AIRLOCK_SCANNERS_WORDING_H
#define AIRLOCK_SCANNERS_WORDING_H

#include <stdbool.h>
#include <stddef.h>

#include "common/unittest.h"

/* True when `needle` occurs in t[0..len), in any case (ASCII); linear. */
bool al_wording_contains_ci(const char *t, size_t len, const char *needle);

/* An order to the agent, a command, or an action on a secret or towards a
 * URL. A maintainer's note (TODO, lint switches, "see the docs at ...",
 * "instructions in CONTRIBUTING") is none of these. */
bool al_wording_imperative(const char *text, size_t len);

/* One pass with the words indexed by their first byte; tests turn it off to
 * compare with the search for each word in turn (internal, not exported). */
AL_SEAM(bool, al_wording_fast, true);

#endif
