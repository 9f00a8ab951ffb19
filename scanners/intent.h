/*
 * intent.h - what the prose of an instruction file asks the agent to do.
 *
 * Signatures match phrasings; this analysis reads sentences. Each clause
 * that gives an order (a bare verb at its start, "you must ...", "your real
 * task is to ...", a planted "I will ..." turn) is taken apart into its
 * action (send, read, print, delete, disable, ignore, record, run ...), what
 * the action is done to (secrets and credential paths, the user's data,
 * the system prompt, the agent's protections, the home folder, the prior
 * instructions) and where it goes (a URL, a mail address, a remote host, a
 * commit message or a tool call). Negation ("never send ..."), quotation,
 * relative clauses ("code that reads ~/.ssh") and sections framed as
 * examples or prohibitions ("## What not to do") are read from the text's
 * structure. Role and persona spoofs are analyses of their own.
 *
 * Text is folded before it is read: letters split by dashes or dots are
 * joined, digits used as letters are read as letters, and the key words of
 * an override are matched at one edit's distance.
 */
#ifndef AIRLOCK_SCANNERS_INTENT_H
#define AIRLOCK_SCANNERS_INTENT_H

#include <stddef.h>

#include "common/unittest.h"
#include "scanners/finding.h"
#include "scanners/unicode.h"

/* Findings AL601-AL611 for the prose of a Markdown or text instruction file
 * (fenced code and front matter are left to their own analyses). Linear in
 * the file's size. Returns 0 or AIRLOCK_ERROR. */
int al_intent_scan(struct findings *fs, const struct scan_input *in);

/* The same over a view of `in` (invisible characters removed, tags and
 * escapes decoded, encoded runs decoded): only what the view uncovered is
 * reported, at the original bytes, with the decoded text as hidden. */
int al_intent_scan_view(struct findings *fs, const struct scan_input *in,
			const struct norm_view *nv);

#endif
