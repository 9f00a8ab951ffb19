/*
 * analysis.c - airlock_project_scan: one analysis behind every command.
 *
 * `scan DIR`, `scan --git`, `clone` and the pre-receive hook judge what
 * `trust` would bind: the programs that hooks, helpers and MCP servers run
 * are followed from the configuration (config/inspect.c), read from the
 * directory or from the commit's tree alike, and scanned with the rest. What
 * a command runs that cannot be pinned is a finding of its own (AL422).
 */
#include <stdio.h>
#include <string.h>

#include "common/error.h"
#include "config/inspect.h"
#include "scan/project_scan.h"
#include "scanners/finding.h"
#include "api/analysis.h"

/* One finding per entry whose command runs what nobody could review. */
static int unbound_findings(airlock_report *r, const struct airlock_inspection *in)
{
	struct finding_spec spec;
	char msg[1024];
	int error = 0;

	for (size_t i = 0; i < in->count && error == 0; i++) {
		const struct inspect_item *it = &in->items[i];

		if (it->type != AIRLOCK_ITEM_UNBOUND)
			continue;
		/* the item's text repeats the rule's description: its tail only */
		const char *what = strstr(it->value, "`") ? strstr(it->value, "`") : it->value;

		al_finding_spec_rule(&spec, "AL422", 0, msg, sizeof(msg), what);
		error = al_findings_add_file(&r->fs, it->file, &spec);
	}
	return error;
}

int al_analysis_run(airlock_report **out, struct airlock_inspection *in, airlock_project *p)
{
	airlock_report *r = NULL;
	int error;

	*out = NULL;
	memset(in, 0, sizeof(*in));
	if ((error = al_inspect_project(in, p, true)) < 0 ||
	    (error = al_snapshot_finish(&p->snap)) < 0 ||
	    (error = al_scan_snapshots(&r, p, NULL)) < 0 || (error = unbound_findings(r, in)) < 0)
		goto out;
	al_scan_report_finish(r, &p->scan);
	*out = r;
	r = NULL;
out:
	airlock_report_free(r);
	if (error)
		al_inspect_clear(in);
	return error;
}

int airlock_project_scan(airlock_report **out, airlock_project *p)
{
	struct airlock_inspection in;
	int error;

	if (!out || !p)
		return al_error_set(AIRLOCK_EINVALID, "airlock_project_scan: no project given");
	if ((error = al_analysis_run(out, &in, p)) == 0)
		al_inspect_clear(&in);
	return error;
}
