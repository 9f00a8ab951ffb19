/*
 * policy.c - trust decisions.
 *
 *   no record, nothing executable   -> NONE: nothing to bind, nothing to ask
 *   no record, or an unusable one   -> UNTRUSTED (with the problem)
 *   record for another path         -> UNTRUSTED
 *   denied                          -> DENIED, whatever the content
 *   restricted                      -> RESTRICTED: nothing executable is ever
 *                                      loaded, so a change to it is no reason
 *                                      to ask again (asking trains "yes")
 *   trusted, same executable files  -> TRUSTED
 *   trusted, anything else          -> CHANGED, with the files that differ
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "trust/policy.h"

static int add_change(struct trust_verdict *v, const char *path, airlock_change change)
{
	struct trust_diff *grown = realloc(v->changes, (v->nchanges + 1) * sizeof(*grown));

	if (!grown)
		return al_error_oom();
	v->changes = grown;
	if (!(v->changes[v->nchanges].path = strdup(path)))
		return al_error_oom();
	v->changes[v->nchanges++].change = change;
	return 0;
}

static bool same_file(const struct trust_file *f, const struct trust_current *c)
{
	return strcmp(f->sha256, c->sha256) == 0 && f->reasons == c->reasons;
}

/* Merge of two path-sorted lists. */
static int diff_files(struct trust_verdict *v, const struct trust_record *rec,
		      const struct trust_current *cur, size_t ncur)
{
	size_t i = 0, j = 0;
	int error = 0;

	while (error == 0 && (i < rec->nfiles || j < ncur)) {
		int c = i == rec->nfiles ? 1
			: j == ncur      ? -1
					 : strcmp(rec->files[i].path, cur[j].path);

		if (c < 0) {
			error = add_change(v, rec->files[i++].path, AIRLOCK_CHANGE_REMOVED);
		} else if (c > 0) {
			error = add_change(v, cur[j++].path, AIRLOCK_CHANGE_ADDED);
		} else {
			if (!same_file(&rec->files[i], &cur[j]))
				error = add_change(v, cur[j].path, AIRLOCK_CHANGE_MODIFIED);
			i++;
			j++;
		}
	}
	return error;
}

int al_trust_decide(struct trust_verdict *out, const struct trust_record *rec, const char *problem,
		    const char *project, const char *digest, const struct trust_current *current,
		    size_t ncurrent)
{
	int error;

	memset(out, 0, sizeof(*out));
	out->state = AIRLOCK_STATE_UNTRUSTED;
	if (!rec && !problem && ncurrent == 0) {
		/* A corrupt record is no "none": it may have been a denial. */
		out->state = AIRLOCK_STATE_NONE;
		snprintf(out->reason, sizeof(out->reason),
			 "no executable configuration: nothing to trust");
		return 0;
	}
	if (!rec) {
		snprintf(out->reason, sizeof(out->reason), "%s",
			 problem ? problem : "no trust decision recorded");
		return 0;
	}
	if (strcmp(rec->path, project) != 0) {
		snprintf(out->reason, sizeof(out->reason), "trust record names another project");
		return 0;
	}
	switch (rec->decision) {
	case AIRLOCK_DECISION_DENIED:
		out->state = AIRLOCK_STATE_DENIED;
		snprintf(out->reason, sizeof(out->reason), "denied on %s", rec->time);
		return 0;
	case AIRLOCK_DECISION_RESTRICTED:
		out->state = AIRLOCK_STATE_RESTRICTED;
		snprintf(out->reason, sizeof(out->reason),
			 "restricted on %s: instructions only, nothing executable is loaded",
			 rec->time);
		return 0;
	case AIRLOCK_DECISION_TRUSTED:
		break;
	default:
		snprintf(out->reason, sizeof(out->reason), "trust record has an unknown decision");
		return 0;
	}
	if ((error = diff_files(out, rec, current, ncurrent)) < 0) {
		al_trust_verdict_clear(out);
		return error;
	}
	/* The digest is compared too: it is what a person reviewed, and it
	 * covers what the file list does not hold (link targets). */
	if (out->nchanges == 0 && strcmp(rec->digest, digest) == 0) {
		out->state = AIRLOCK_STATE_TRUSTED;
		snprintf(out->reason, sizeof(out->reason), "trusted on %s", rec->time);
		return 0;
	}
	out->state = AIRLOCK_STATE_CHANGED;
	snprintf(out->reason, sizeof(out->reason),
		 "%zu executable file%s changed since trusted on %s", out->nchanges,
		 out->nchanges == 1 ? "" : "s", rec->time);
	return 0;
}

void al_trust_verdict_clear(struct trust_verdict *v)
{
	for (size_t i = 0; i < v->nchanges; i++)
		free(v->changes[i].path);
	free(v->changes);
	memset(v, 0, sizeof(*v));
}
