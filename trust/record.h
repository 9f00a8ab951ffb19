/*
 * record.h - a trust record: one project's decision and the executable
 * content it covers, as JSON.
 *
 * Parsing is pure (bytes in, struct out) so that it can be fuzzed: a record
 * is read from a file airlock wrote, but a corrupt, truncated or tampered one
 * must come back as an error, never as a decision.
 */
#ifndef AIRLOCK_TRUST_RECORD_H
#define AIRLOCK_TRUST_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "airlock.h"
#include "common/hash.h"

#define TRUST_RECORD_FORMAT 1

struct trust_file {
	char *path;                      /* raw bytes, relative to the project */
	char sha256[SHA256_HEX_LEN + 1]; /* "" when the file was not read */
	unsigned int reasons;            /* AIRLOCK_REASON_* at decision time */
};

/* A blocking finding the person accepted when deciding: it does not block a
 * load while the file holds the same bytes. */
struct trust_accept {
	char *rule;                      /* "AL210" */
	char *path;                      /* raw bytes, relative to the project */
	char sha256[SHA256_HEX_LEN + 1]; /* the file's content when accepted */
};

/* One line of the review the decision was made on (a hook, a server...). */
struct trust_item {
	airlock_item_type type;
	char *file, *name, *value; /* raw bytes; name and value may be empty */
};

struct trust_record {
	char *path; /* canonical project path, raw bytes */
	airlock_decision decision;
	char time[32]; /* ISO 8601, UTC */
	char digest[SHA256_HEX_LEN + 1];
	char *signatures;         /* signature-set version at decision time; may be NULL */
	struct trust_file *files; /* executable files, sorted by path */
	size_t nfiles;
	char *git_remote, *git_head;  /* for display only; may be NULL */
	struct trust_accept *accepts; /* sorted by path, then rule */
	size_t naccepts;
	struct trust_item *items; /* the reviewed summary, in review order */
	size_t nitems;
};

/* Parses a record. Returns 0, or AIRLOCK_EINVALID with a one-line reason in
 * airlock_error_last() (the caller reports it and treats the project as
 * untrusted). *out is cleared first and must be freed with al_trust_record_clear
 * in every case. */
int al_trust_record_parse(struct trust_record *out, const char *buf, size_t len);

/* Serialises a record (files must be sorted); *out is new, free() it. */
int al_trust_record_serialize(char **out, size_t *len, const struct trust_record *r);

void al_trust_record_clear(struct trust_record *r);

/* qsort order of accepted findings: path, then rule. */
int al_trust_accept_cmp(const void *a, const void *b);

/* True when the record accepts `rule` in `path` holding `sha256`. */
bool al_trust_record_accepts(const struct trust_record *r, const char *rule, const char *path,
			     const char *sha256);

/* The executable file at `path`, or NULL (binary search). */
const struct trust_file *al_trust_record_file(const struct trust_record *r, const char *path);

#endif
