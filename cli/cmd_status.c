/*
 * cmd_status.c - `airlock status [DIR]`: the project's manifest and trust state.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"

const char cmd_status_help[] =
	"Usage: airlock status [--format text|json] [DIR]\n"
	"\n"
	"Shows the context files of the project in DIR (default: the current directory):\n"
	"for each, the agent that reads it, its kind, its class, size and SHA-256, and\n"
	"why it could not be read when it was not (a symlink, a FIFO, too large, ...).\n"
	"\n"
	"The digest is the one 'airlock trust' records and '--expect' takes: the\n"
	"executable files and the scripts their hooks and servers run. To find those\n"
	"scripts, an untrusted or changed project's executable configuration is\n"
	"inspected (parsed as 'airlock trust' parses it, never run); a trusted one is\n"
	"checked against its record, reading files as bytes only.\n"
	"\n"
	"Classes:\n"
	"  executable    makes a program run or redirects traffic (hooks, MCP servers, env);\n"
	"                any change invalidates trust\n"
	"  instructions  text the model reads (CLAUDE.md, rules, skills); rescanned on load\n"
	"\n"
	"Options:\n"
	"  --format text|json   output for people (default) or for programs\n"
	"  -h, --help           show this help\n"
	"\n"
	"States: untrusted (no decision), trusted, restricted (instructions only),\n"
	"changed (an executable file differs from what was trusted; the files are listed),\n"
	"denied, none (no executable configuration: nothing to trust; instruction files\n"
	"are still scanned by load and exec).\n"
	"\n"
	"Exit codes: 0 trusted, restricted or none, 2 usage or I/O error (or the trust store\n"
	"failed a check), 3 untrusted, 4 changed, 5 denied.\n";

static int exit_code(airlock_state state)
{
	switch (state) {
	case AIRLOCK_STATE_TRUSTED:
	case AIRLOCK_STATE_RESTRICTED:
	case AIRLOCK_STATE_NONE:
		return EXIT_OK;
	case AIRLOCK_STATE_CHANGED:
		return EXIT_CHANGED;
	case AIRLOCK_STATE_DENIED:
		return EXIT_DENIED;
	default:
		return EXIT_UNTRUSTED;
	}
}

/* One line of the review: the recorded one (in == NULL) or the current one. */
struct line {
	airlock_item_type type;
	const char *file, *name, *value;
	bool paired;
};

static size_t review_lines(struct line **out, const airlock_status *st,
			   const airlock_inspection *in)
{
	size_t n = in ? airlock_inspection_count(in) : airlock_status_review_count(st);

	*out = calloc(n ? n : 1, sizeof(**out));
	for (size_t i = 0; *out && i < n; i++)
		(*out)[i] = in ? (struct line){ airlock_inspection_type(in, i),
						airlock_inspection_file(in, i),
						airlock_inspection_name(in, i),
						airlock_inspection_value(in, i), false }
			       : (struct line){ airlock_status_review_type(st, i),
						airlock_status_review_file(st, i),
						airlock_status_review_name(st, i),
						airlock_status_review_value(st, i), false };
	return *out ? n : 0;
}

static bool same_entry(const struct line *a, const struct line *b)
{
	return a->type == b->type && strcmp(a->file, b->file) == 0 &&
	       strcmp(a->name ? a->name : "", b->name ? b->name : "") == 0;
}

static bool same_value(const struct line *a, const struct line *b)
{
	return strcmp(a->value ? a->value : "", b->value ? b->value : "") == 0;
}

/* What the review said then against what it says now: each entry (type,
 * file, name) paired in order, then "old -> new", "removed" or "added".
 * Each change is passed to fn. */
static size_t review_changes(const airlock_status *st, const airlock_inspection *in,
			     void (*fn)(void *, const char *, const struct line *,
					const struct line *),
			     void *arg)
{
	struct line *then = NULL, *now = NULL;
	size_t nt = review_lines(&then, st, NULL), nn = review_lines(&now, st, in), count = 0;

	for (size_t i = 0; then && now && i < nt; i++)
		for (size_t j = 0; j < nn; j++)
			if (!now[j].paired && same_entry(&then[i], &now[j]) &&
			    same_value(&then[i], &now[j])) {
				then[i].paired = now[j].paired = true;
				break;
			}
	for (size_t i = 0; then && now && i < nt; i++) {
		if (then[i].paired)
			continue;
		for (size_t j = 0; j < nn && !then[i].paired; j++)
			if (!now[j].paired && same_entry(&then[i], &now[j])) {
				then[i].paired = now[j].paired = true;
				fn(arg, "changed", &then[i], &now[j]);
				count++;
			}
		if (!then[i].paired) {
			fn(arg, "removed", &then[i], NULL);
			count++;
		}
	}
	for (size_t j = 0; then && now && j < nn; j++)
		if (!now[j].paired) {
			fn(arg, "added", NULL, &now[j]);
			count++;
		}
	free(then);
	free(now);
	return count;
}

static void change_text(void *arg, const char *what, const struct line *a, const struct line *b)
{
	const struct line *l = a ? a : b;
	char *name = cli_escape(l->name ? l->name : ""), *file = cli_escape(l->file);
	char *from = a ? cli_escape(a->value ? a->value : "") : NULL;
	char *to = b ? cli_escape(b->value ? b->value : "") : NULL;

	(void)arg;
	printf("  %-8s %s %s: %s%s%s   (%s)\n", what, airlock_item_type_name(l->type), name,
	       from ? from : "", from && to ? " -> " : "", to ? to : "", file);
	free(name);
	free(file);
	free(from);
	free(to);
}

static void change_json(void *arg, const char *what, const struct line *a, const struct line *b)
{
	const struct line *l = a ? a : b;

	json_array_append_new(
		arg, json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}", "change", what, "type",
			       airlock_item_type_name(l->type), "file", cli_json_string(l->file),
			       "name", cli_json_string(l->name ? l->name : ""), "before",
			       a ? cli_json_string(a->value ? a->value : "") : json_null(), "after",
			       b ? cli_json_string(b->value ? b->value : "") : json_null()));
}

static json_t *accepted_json(const airlock_status *st)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < airlock_status_accepted_count(st); i++)
		json_array_append_new(
			a, json_pack("{s:s, s:o}", "rule", airlock_status_accepted_rule(st, i),
				     "file", cli_json_string(airlock_status_accepted_file(st, i))));
	return a;
}

static json_t *changes_json(const airlock_status *st)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < airlock_status_change_count(st); i++)
		json_array_append_new(
			a, json_pack("{s:o, s:s}", "path",
				     cli_json_string(airlock_status_change_path(st, i)), "change",
				     airlock_change_name(airlock_status_change_kind(st, i))));
	return a;
}

static json_t *reasons_json(unsigned int reasons)
{
	json_t *a = json_array();

	for (unsigned int bit = 1; a && bit && bit <= reasons; bit <<= 1)
		if ((reasons & bit) && airlock_reason_name(bit))
			json_array_append_new(a, json_string(airlock_reason_name(bit)));
	return a;
}

static json_t *entry_json(const airlock_entry *e)
{
	const char *sha = airlock_entry_sha256(e), *target = airlock_entry_link_target(e);

	return json_pack("{s:o, s:s, s:s, s:s, s:I, s:o, s:o, s:o}", "path",
			 cli_json_string(airlock_entry_path(e)), "agent", airlock_entry_agent(e),
			 "kind", airlock_kind_name(airlock_entry_kind(e)), "class",
			 airlock_class_name(airlock_entry_class(e)), "size",
			 (json_int_t)airlock_entry_size(e), "sha256",
			 sha ? json_string(sha) : json_null(), "reasons",
			 reasons_json(airlock_entry_reasons(e)), "link_target",
			 target ? cli_json_string(target) : json_null());
}

static int print_json(const airlock_project *p, const airlock_status *st,
		      const airlock_inspection *in)
{
	json_t *root, *entries = json_array(), *review = json_array();
	int rc;

	if (review && in && airlock_status_review_count(st))
		review_changes(st, in, change_json, review);
	for (size_t i = 0; entries && i < airlock_project_entry_count(p); i++)
		if (json_array_append_new(entries, entry_json(airlock_project_entry(p, i))) < 0) {
			json_decref(entries);
			entries = NULL;
		}
	root = json_pack("{s:o, s:s, s:s, s:s, s:{s:s?, s:s?}, s:o, s:o, s:o, s:o, s:o}", "project",
			 cli_json_string(airlock_project_path(p)), "state",
			 airlock_state_name(airlock_status_state(st)), "reason",
			 airlock_status_reason(st), "digest", airlock_project_digest(p), "recorded",
			 "time", airlock_status_recorded_time(st), "digest",
			 airlock_status_recorded_digest(st), "changes", changes_json(st),
			 "review_changes", review, "accepted", accepted_json(st), "disabled_rules",
			 cli_disabled_json(), "entries", entries);
	rc = cli_json_emit(root, NULL);
	return rc;
}

static void print_reasons(unsigned int reasons, const char *target, bool color)
{
	const char *sep = "";

	if (!reasons)
		return;
	fputs(color ? "  \033[31m[" : "  [", stdout);
	for (unsigned int bit = 1; bit && bit <= reasons; bit <<= 1) {
		if (!(reasons & bit) || !airlock_reason_name(bit))
			continue;
		printf("%s%s", sep, airlock_reason_name(bit));
		sep = ", ";
	}
	if (target) {
		char *shown = cli_escape(target);

		printf(" -> %s", shown);
		free(shown);
	}
	fputs(color ? "]\033[0m" : "]", stdout);
}

static void print_entry(const airlock_entry *e, bool color)
{
	const char *sha = airlock_entry_sha256(e);
	char *path = cli_escape(airlock_entry_path(e));
	char size[24] = "-";

	if (sha)
		snprintf(size, sizeof(size), "%" PRIu64, airlock_entry_size(e));
	printf("%-18s %-9s %-12s %9s  %-12.12s  %s", airlock_entry_agent(e),
	       airlock_kind_name(airlock_entry_kind(e)), airlock_class_name(airlock_entry_class(e)),
	       size, sha ? sha : "-", path);
	print_reasons(airlock_entry_reasons(e), airlock_entry_link_target(e), color);
	fputc('\n', stdout);
	free(path);
}

static void print_changes(const airlock_status *st)
{
	size_t n = airlock_status_change_count(st);

	if (n == 0)
		return;
	printf("Changed since the decision:\n");
	for (size_t i = 0; i < n; i++) {
		char *path = cli_escape(airlock_status_change_path(st, i));

		printf("  %-9s %s\n", airlock_change_name(airlock_status_change_kind(st, i)), path);
		free(path);
	}
	fputc('\n', stdout);
}

static void print_accepted(const airlock_status *st)
{
	size_t n = airlock_status_accepted_count(st);

	if (n == 0)
		return;
	printf("Accepted with the decision (they do not block while the file is unchanged):\n");
	for (size_t i = 0; i < n; i++) {
		char *path = cli_escape(airlock_status_accepted_file(st, i));

		printf("  %-8s %s\n", airlock_status_accepted_rule(st, i), path);
		free(path);
	}
	fputc('\n', stdout);
}

static void print_review_changes(const airlock_status *st, const airlock_inspection *in)
{
	if (!in || !airlock_status_review_count(st))
		return;
	printf("What they would do, against the review the decision was made on:\n");
	if (review_changes(st, in, change_text, NULL) == 0)
		printf("  (the same)\n");
	fputc('\n', stdout);
}

static int print_text(const airlock_project *p, const airlock_status *st,
		      const airlock_inspection *in)
{
	size_t n = airlock_project_entry_count(p), exe = 0, problems = 0;
	bool color = cli_color(stdout);
	char *path = cli_escape(airlock_project_path(p));

	printf("project  %s\n", path);
	printf("state    %s (%s)\n", airlock_state_name(airlock_status_state(st)),
	       airlock_status_reason(st));
	printf("digest   %s\n", airlock_project_digest(p));
	if (airlock_status_recorded_digest(st) &&
	    strcmp(airlock_status_recorded_digest(st), airlock_project_digest(p)) != 0)
		printf("recorded %s (the digest of the decision)\n",
		       airlock_status_recorded_digest(st));
	fputc('\n', stdout);
	free(path);
	print_changes(st);
	print_review_changes(st, in);
	print_accepted(st);
	if (n == 0) {
		printf("No agent context files found.\n");
		cli_disabled_note(stdout);
		return 0;
	}
	printf(color ? "\033[1m%-18s %-9s %-12s %9s  %-12s  %s\033[0m\n"
		     : "%-18s %-9s %-12s %9s  %-12s  %s\n",
	       "AGENT", "KIND", "CLASS", "SIZE", "SHA256", "PATH");
	for (size_t i = 0; i < n; i++) {
		const airlock_entry *e = airlock_project_entry(p, i);

		print_entry(e, color);
		exe += airlock_entry_class(e) == AIRLOCK_CLASS_EXECUTABLE;
		/* a link read as its target is shown, not counted as a problem */
		problems += (airlock_entry_reasons(e) & ~AIRLOCK_REASON_SYMLINK_READ) != 0;
	}
	printf("\n%zu context file%s: %zu executable, %zu instructions; %zu with problems\n", n,
	       n == 1 ? "" : "s", exe, n - exe, problems);
	cli_disabled_note(stdout);
	return fflush(stdout) == 0 ? 0 : cli_error("cannot write the output");
}

/*
 * One digest (issue 19): where a decision would be asked (untrusted,
 * changed), the project is opened afresh and inspected as 'airlock trust'
 * inspects it, so the digest and files shown are the ones trust records,
 * the scripts that hooks run included: `trust --yes --expect DIGEST` takes
 * it. Elsewhere *out stays NULL and the gate's own view is shown (for a
 * trusted project it already holds the recorded scripts).
 */
static int as_trust_sees_it(airlock_project **out, airlock_inspection **in,
			    const airlock_project *p, const airlock_status *st,
			    const airlock_options *opts)
{
	airlock_state state = airlock_status_state(st);
	airlock_options o = *opts;
	int rc;

	*out = NULL;
	*in = NULL;
	if (state != AIRLOCK_STATE_UNTRUSTED && state != AIRLOCK_STATE_CHANGED)
		return 0;
	o.flags &= ~AIRLOCK_OPT_REPO_ROOT; /* p's path is already the project's */
	if ((rc = cli_project_open(out, airlock_project_path(p), &o)) < 0 ||
	    (rc = airlock_project_inspect(in, *out)) < 0) {
		airlock_project_free(*out);
		*out = NULL;
		return rc;
	}
	return 0;
}

int cmd_status(int argc, char **argv)
{
	enum output_format format = FORMAT_TEXT;
	const char *dir = NULL;
	airlock_project *p = NULL;
	airlock_options opts;
	airlock_status *st = NULL;
	airlock_project *shown = NULL;
	airlock_inspection *in = NULL;
	int rc;

	if ((rc = cli_dir_args(&dir, &format, NULL, argc, argv, cmd_status_help)) != 0)
		return rc < 0 ? EXIT_OK : rc;
	if ((rc = cli_options(&opts)) != 0)
		return rc;
	opts.flags |= AIRLOCK_OPT_REPO_ROOT; /* a subfolder is its repository */
	if ((rc = cli_project_open(&p, dir, &opts)) < 0)
		return cli_lib_error(rc, "status");
	if ((rc = airlock_project_status(&st, p)) < 0) {
		rc = cli_lib_error(rc, "status");
		goto out;
	}
	if ((rc = as_trust_sees_it(&shown, &in, p, st, &opts)) < 0) {
		rc = cli_lib_error(rc, "status");
		goto out;
	}
	rc = format == FORMAT_JSON ? print_json(shown ? shown : p, st, in)
				   : print_text(shown ? shown : p, st, in);
	if (rc == 0)
		rc = exit_code(airlock_status_state(st));
out:
	airlock_inspection_free(in);
	airlock_status_free(st);
	airlock_project_free(shown);
	airlock_project_free(p);
	return rc;
}
