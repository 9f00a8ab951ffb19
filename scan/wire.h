/*
 * wire.h - a report's files and findings as bytes, from the sandboxed
 * scanner to the parent, which validates every field.
 */
#ifndef AIRLOCK_SCAN_WIRE_H
#define AIRLOCK_SCAN_WIRE_H

#include "scan/report.h"

/* r's files and findings as one message: *out new (free()), *len bytes.
 * Each file's nfindings findings follow it (taken from r->fs in order), the
 * rest come last. Returns 0 or -1 (out of memory). */
int al_scan_wire_encode(unsigned char **out, size_t *len, const airlock_report *r);

/* Writes r's files and findings to fd. Returns 0 or -1. */
int al_scan_wire_write(int fd, const airlock_report *r);

/* Appends what buf[0..len) describes to r, each file with the number of
 * findings that were sent as its own (nfindings). Returns 0, or AIRLOCK_ERROR for a
 * malformed, truncated or oversized message (r then holds a partial list
 * the caller discards). */
int al_scan_wire_read(airlock_report *r, const unsigned char *buf, size_t len);

#endif
