/*
 * wire.h - a report's files and findings as bytes, from the sandboxed
 * scanner to the parent, which validates every field.
 */
#ifndef AIRLOCK_SCAN_WIRE_H
#define AIRLOCK_SCAN_WIRE_H

#include "scan/report.h"

/* Writes r's files and findings to fd. Returns 0 or -1. */
int al_scan_wire_write(int fd, const airlock_report *r);

/* Appends what buf[0..len) describes to r. Returns 0, or AIRLOCK_ERROR for a
 * malformed, truncated or oversized message (r then holds a partial list
 * the caller discards). */
int al_scan_wire_read(airlock_report *r, const unsigned char *buf, size_t len);

#endif
