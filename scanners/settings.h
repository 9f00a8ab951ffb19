/*
 * settings.h - what the keys of agent settings and MCP configs mean (Claude
 * Code, Gemini, VS Code, devcontainer), with every finding at the line and
 * column of its key or value; the command strings they hold go through
 * scanners/shell.c, placed back in the JSON text.
 */
#ifndef AIRLOCK_SCANNERS_SETTINGS_H
#define AIRLOCK_SCANNERS_SETTINGS_H

#include "scanners/finding.h"
#include "scanners/tsparse.h"

/* Adds the findings of one JSON (or JSONC) file. A file that does not parse,
 * or repeats a key, is a finding (the agent and airlock could read different
 * values). Returns 0 or AIRLOCK_ERROR. */
int al_settings_scan(struct findings *fs, struct ts_parsers *ps, const struct scan_input *in);

#endif
