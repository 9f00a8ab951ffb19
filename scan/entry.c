/*
 * entry.c - one snapshot entry through the scanners: the reasons it was not
 * read become findings about the file as a whole, then its bytes are scanned.
 *
 * Fail closed: an entry that could not be read is itself a finding (nothing
 * unscanned passes as clean), and any scanner error fails the whole scan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/limits.h"
#include "common/utf8.h"
#include "scan/entry.h"
#include "scanners/catalogue.h"
#include "scanners/pipeline.h"

static const struct {
	unsigned int reason;
	const char *rule;
} reason_rules[] = {
	{ AIRLOCK_REASON_SYMLINK_OUTSIDE, "AL001" }, { AIRLOCK_REASON_SYMLINK, "AL002" },
	{ AIRLOCK_REASON_NOT_REGULAR, "AL003" },     { AIRLOCK_REASON_TOO_LARGE, "AL004" },
	{ AIRLOCK_REASON_UNREADABLE, "AL005" },      { AIRLOCK_REASON_CHANGED, "AL006" },
	{ AIRLOCK_REASON_LIMIT, "AL007" },           { AIRLOCK_REASON_WRITABLE, "AL008" },
	{ AIRLOCK_REASON_BAD_NAME, "AL009" },        { AIRLOCK_REASON_SUBMODULE, "AL011" },
	{ AIRLOCK_REASON_HARDLINK, "AL013" },        { AIRLOCK_REASON_CASE_VARIANT, "AL014" },
};

/* A link inside the project to another context file that was read and is
 * scanned on its own (CLAUDE.md -> AGENTS.md) hides nothing. */
static bool links_to_scanned(const struct snapshot *snap, const struct airlock_entry *e)
{
	char dest[LIMIT_PATH_BYTES + 1];

	if (!(e->reasons & AIRLOCK_REASON_SYMLINK) || !e->link_target ||
	    !al_snapshot_join(dest, sizeof(dest), e->path, e->link_target))
		return false;
	for (size_t i = 0; snap && i < snap->count; i++)
		if (strcmp(snap->entries[i].path, dest) == 0)
			return snap->entries[i].data != NULL;
	return false;
}

/* Each reason an entry carries is a finding about the file as a whole. */
static int reason_findings(struct findings *fs, const struct snapshot *snap,
			   const struct airlock_entry *e, const char *shown)
{
	int error;

	for (size_t i = 0; i < sizeof(reason_rules) / sizeof(reason_rules[0]); i++) {
		const struct al_builtin_rule *b = al_builtin_rule(reason_rules[i].rule);
		struct finding_spec s = { 0 };
		char msg[LIMIT_LINK_TARGET * 4 + 128], target_shown[LIMIT_LINK_TARGET * 4 + 1];
		char *target = NULL;

		if (!(e->reasons & reason_rules[i].reason))
			continue;
		if (e->link_target &&
		    !(target = al_utf8_escape(e->link_target, strlen(e->link_target), true)))
			return al_error_oom();
		snprintf(msg, sizeof(msg), "%s%s%s", b->description, target ? " -> " : "",
			 target ? target : "");
		snprintf(target_shown, sizeof(target_shown), "%s", target ? target : "");
		free(target);
		s.rule = b->id;
		s.category = b->category;
		s.confidence = b->confidence;
		s.severity = b->severity;
		if (reason_rules[i].reason == AIRLOCK_REASON_SYMLINK && links_to_scanned(snap, e)) {
			s.severity = AIRLOCK_SEVERITY_LOW;
			snprintf(msg, sizeof(msg),
				 "A symlink to another context file, scanned on its own -> %s",
				 target_shown);
		}
		s.message = msg;
		if ((error = al_findings_add_file(fs, shown, &s)) < 0)
			return error;
	}
	return 0;
}

int al_scan_entry_into(struct findings *fs, bool *scanned, const struct yara_set *ys,
		       const struct snapshot *snap, const struct airlock_entry *e,
		       const char *shown, unsigned int timeout)
{
	struct scan_input in;
	bool scan = e->data && !(e->reasons & AIRLOCK_REASON_UNREAD);
	int error;

	/* --all-files takes every regular file; one that is not text by its
	 * content is no text an agent reads */
	if (scan && e->surface == &al_snapshot_any_surface &&
	    al_snapshot_looks_binary(e->path, e->data, e->data_len))
		scan = false;
	*scanned = scan;
	if ((error = reason_findings(fs, snap, e, shown)) < 0 || !scan)
		return error;
	in.path = shown;
	in.data = e->data;
	in.len = e->data_len;
	in.kind = e->kind;
	in.cls = e->cls;
	return al_scan_buffer(fs, ys, &in, (int)timeout);
}

/* The name an entry's findings carry: its path, escaped when it is not
 * valid UTF-8 (then new: free it with al_scan_shown_free), "." for the root. NULL
 * when out of memory. */
const char *al_scan_shown_name(const struct airlock_entry *e)
{
	if (e->reasons & AIRLOCK_REASON_BAD_NAME)
		return al_utf8_escape(e->path, strlen(e->path), true);
	return *e->path ? e->path : ".";
}

void al_scan_shown_free(const struct airlock_entry *e, const char *shown)
{
	if (e->reasons & AIRLOCK_REASON_BAD_NAME)
		free((char *)shown);
}
