/*
 * finding.h - the findings model shared by every scanner: a rule, where it
 * matched (byte offsets into the scanned buffer, turned into line and column
 * once per buffer), an escaped excerpt and message.
 *
 * Scanners take buffers, never paths, and know nothing of trust: the loader
 * hands them bytes from the snapshot and a display name.
 */
#ifndef AIRLOCK_SCANNERS_FINDING_H
#define AIRLOCK_SCANNERS_FINDING_H

#include <stdbool.h>
#include <stddef.h>

#include "airlock.h"

/* What a scanner is given: bytes and how to read them. */
struct scan_input {
	const char *path; /* display name; never opened */
	const unsigned char *data;
	size_t len;
	airlock_kind kind;
	airlock_class cls;
};

struct airlock_finding {
	char *rule, *category, *confidence, *file, *message, *excerpt, *hidden;
	airlock_severity severity;
	size_t start, end; /* byte offsets in the original buffer */
	bool located;      /* start/end have been turned into positions */
	bool whole_file;   /* about the file, not a place in it */
	bool normalized;   /* matched only in the normalized view */
	bool known;        /* memory scans: seen by an earlier run */
	bool accepted;     /* accepted with the trust decision: does not block */
	unsigned int line, column, end_line, end_column;
};

struct findings {
	struct airlock_finding *v;
	size_t count, alloc;
};

/* Frees a finding's strings (not the finding itself). */
void al_finding_clear(struct airlock_finding *f);

/* What a scanner knows when it reports: the strings are copied. */
struct finding_spec {
	const char *rule, *category, *confidence, *message;
	airlock_severity severity;
	size_t start, end;
	const char *hidden; /* raw bytes to escape; NULL for none */
	size_t hidden_len;
	bool normalized;
};

void al_findings_free(struct findings *fs);

/* Appends a copy of `f` (every string copied), its file named `file`. */
int al_findings_copy(struct findings *fs, const struct airlock_finding *f, const char *file);

/* Appends a finding for `in` (copies every string). Returns 0 or
 * AIRLOCK_ERROR (out of memory). */
/* Appends every finding of `from` to `to` and empties `from` (also when it
 * fails: then `from` is left as it was). */
int al_findings_move(struct findings *to, struct findings *from);

int al_findings_add(struct findings *fs, const struct scan_input *in, const struct finding_spec *s);

/* A finding about a file as a whole (an entry that could not be read). */
int al_findings_add_file(struct findings *fs, const char *path, const struct finding_spec *s);

/* A finding of the built-in rule `id` (scanners/catalogue.c): its category,
 * confidence and, when `sev` is 0, severity; the message is the rule's
 * description, then ": detail" when detail is not empty, written into
 * msg[size]. Positions and hidden text are the caller's to set. */
void al_finding_spec_rule(struct finding_spec *s, const char *id, airlock_severity sev, char *msg,
			  size_t size, const char *detail);

/* Computes line, column, end position and excerpt of findings[from..] from
 * the buffer they were found in. */
int al_findings_locate(struct findings *fs, size_t from, const struct scan_input *in);

/* Raises severity where weak signals meet in one file (findings[from..] all
 * belong to `in`): concealment + credential path + outbound channel is
 * critical, a key next to an upload is critical, credentials + an outbound
 * channel is high. Run after al_findings_locate. */
int al_findings_combine(struct findings *fs, size_t from, const struct scan_input *in);

/* Sorts by file, line, column, rule, and drops repeats: one finding per rule
 * per line of a file, the most severe kept. */
void al_findings_finish(struct findings *fs);

airlock_severity al_severity_raise(airlock_severity s);
airlock_severity al_severity_lower(airlock_severity s);

#endif
