/*
 * decode.h - the decoded view: encoded runs (base64, hex, %HH, \xHH, &#N;)
 * that decode to text, for a further pass of the signatures.
 */
#ifndef AIRLOCK_SCANNERS_DECODE_H
#define AIRLOCK_SCANNERS_DECODE_H

#include "scanners/unicode.h"

/* Builds into `v` the text of every encoded run of `in` that decodes to
 * text, one run per line, mapped back into the run and marked hidden there;
 * v->changed is false when there is none. Free with al_norm_view_free (also
 * after a failure). Returns 0 or AIRLOCK_ERROR (out of memory). */
int al_decoded_view(struct norm_view *v, const struct scan_input *in);

/* Builds into `v` every line of `in` written in ROT13 (English once its
 * letters are turned back, not before), turned back and mapped byte for
 * byte, marked hidden; v->changed is false when there is none. Returns 0
 * or AIRLOCK_ERROR (out of memory). */
int al_rot13_view(struct norm_view *v, const struct scan_input *in);

/* The view skips sixteen bytes at a time to what can start a run or an
 * escape; tests turn that off to compare it with going byte by byte
 * (internal, not exported). */
AL_SEAM(bool, al_decode_fast, true);

#endif
