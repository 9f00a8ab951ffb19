/*
 * cmd_trust.c - `airlock trust`, `airlock deny`, `airlock revoke`: record or
 * forget a decision, after showing what it covers.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"

const char cmd_trust_help[] =
	"Usage: airlock trust [--yes] [--restricted] [--accept RULE[:FILE]]... [--accept-unbound]\n"
	"                     [--expect DIGEST] [DIR]\n"
	"       airlock trust --list [--format text|json]\n"
	"       airlock trust --prune\n"
	"\n"
	"Shows what trusting the project in DIR (default: the current directory) would\n"
	"allow -- every executable file with its SHA-256, and every hook command, MCP\n"
	"server, env override, helper command and permission rule in them, inspected and\n"
	"never run -- then asks 'Trust this project? [y/N]' on a terminal. The decision is\n"
	"bound to that exact content: any later change to an executable file makes the\n"
	"project 'changed' until it is trusted again.\n"
	"\n"
	"The project is scanned as part of the review. A decision that 'load' and\n"
	"'exec' would refuse is never recorded: each finding at or above the block\n"
	"threshold must be accepted, one by one -- at the prompt by typing its rule id,\n"
	"or with --accept. An accepted finding is recorded with its file's SHA-256 and\n"
	"does not block a load of the same bytes; a change to the file, another rule,\n"
	"or a rule added since blocks again. 'airlock status' lists what was accepted.\n"
	"\n"
	"Options:\n"
	"  --yes              do not ask (for scripts); without a terminal and without\n"
	"                     --yes, nothing is recorded\n"
	"  --restricted       record a restricted decision: instruction files are loaded,\n"
	"                     hooks, MCP servers, env, helpers and permissions are not\n"
	"  --accept RULE[:FILE]  accept the blocking findings of RULE (in FILE only, a\n"
	"                     path relative to the project); repeatable\n"
	"  --accept-unbound   trust although an entry runs code airlock cannot pin (a\n"
	"                     glob, a variable, a Makefile recipe: marked 'unbound' in\n"
	"                     the review) or a file that runs things could not be read\n"
	"                     with its agent's grammar; without it such a project is\n"
	"                     not trusted with --yes, and at the prompt only by typing\n"
	"                     'accept unbound'\n"
	"  --expect DIGEST    record only if the manifest digest is DIGEST (the one a\n"
	"                     person reviewed); otherwise exit 4 and record nothing\n"
	"  --list             list every recorded decision\n"
	"  --prune            forget the decisions whose project folder is gone\n"
	"  --format text|json with --list: output for people or programs\n"
	"  -h, --help         show this help\n"
	"\n"
	"Exit codes: 0 recorded, 1 findings that would block every load were not\n"
	"accepted (nothing recorded; the command that accepts them is printed), 2 usage\n"
	"or I/O error (or the trust store failed a check), 3 declined at the prompt, 4 the\n"
	"digest did not match --expect.\n"
	"The store is $AIRLOCK_TRUST_DIR, else $XDG_DATA_HOME/airlock/trust, else\n"
	"~/.local/share/airlock/trust.\n";

const char cmd_deny_help[] =
	"Usage: airlock deny [DIR]\n"
	"\n"
	"Records that the project in DIR must not be loaded: status and load report\n"
	"it as denied (exit 5) until the decision is revoked or replaced.\n";

const char cmd_revoke_help[] =
	"Usage: airlock revoke [DIR]\n"
	"\n"
	"Forgets the decision recorded for the project in DIR; it is untrusted\n"
	"again. Succeeds (exit 0) when there was nothing to forget.\n";

#define MAX_ACCEPT 256

struct trust_args {
	const char *dir, *expect;
	const char *accept[MAX_ACCEPT];
	size_t naccept;
	bool yes, restricted, list, prune, accept_unbound;
	enum output_format format;
};

static int parse_args(struct trust_args *a, int argc, char **argv)
{
	memset(a, 0, sizeof(*a));
	for (int i = 1; i < argc; i++) {
		int r = cli_format_option(&a->format, argc, argv, &i);

		if (r < 0)
			return EXIT_USAGE;
		if (r > 0)
			continue;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(cmd_trust_help, stdout);
			return -1;
		} else if (strcmp(argv[i], "--yes") == 0) {
			a->yes = true;
		} else if (strcmp(argv[i], "--restricted") == 0) {
			a->restricted = true;
		} else if (strcmp(argv[i], "--accept") == 0 ||
			   strncmp(argv[i], "--accept=", 9) == 0) {
			const char *v = argv[i][8] == '=' ? argv[i] + 9 : NULL;

			if (!v && ++i >= argc)
				return cli_error("--accept needs RULE or RULE:FILE");
			if (a->naccept >= MAX_ACCEPT)
				return cli_error("trust: more than %d --accept options",
						 MAX_ACCEPT);
			a->accept[a->naccept++] = v ? v : argv[i];
		} else if (strcmp(argv[i], "--accept-unbound") == 0) {
			a->accept_unbound = true;
		} else if (strcmp(argv[i], "--list") == 0) {
			a->list = true;
		} else if (strcmp(argv[i], "--prune") == 0) {
			a->prune = true;
		} else if (strcmp(argv[i], "--expect") == 0) {
			if (++i >= argc)
				return cli_error("--expect needs a digest");
			a->expect = argv[i];
		} else if (strncmp(argv[i], "--expect=", 9) == 0) {
			a->expect = argv[i] + 9;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return cli_error("trust: unknown option '%s' (run 'airlock help trust')",
					 argv[i]);
		} else if (a->dir) {
			return cli_error("trust: takes one directory");
		} else {
			a->dir = argv[i];
		}
	}
	return 0;
}

static void print_escaped(const char *prefix, const char *s)
{
	char *shown = cli_escape(s);

	printf("%s%s", prefix, shown);
	free(shown);
}

/* Entries that keep trust from being recorded without --accept-unbound. */
static size_t blocking(const airlock_inspection *in)
{
	size_t n = 0;

	for (size_t i = 0; i < airlock_inspection_count(in); i++)
		n += airlock_inspection_blocks(in, i);
	return n;
}

/* What the decision covers, for the person deciding. */
static void show_review(airlock_project *p, const airlock_inspection *in)
{
	size_t n = airlock_project_entry_count(p), instructions = 0;

	print_escaped("project  ", airlock_project_path(p));
	printf("\ndigest   %s\n\nExecutable files (a change to any of them ends trust):\n",
	       airlock_project_digest(p));
	for (size_t i = 0; i < n; i++) {
		const airlock_entry *e = airlock_project_entry(p, i);
		const char *sha = airlock_entry_sha256(e);

		if (airlock_entry_class(e) != AIRLOCK_CLASS_EXECUTABLE) {
			instructions++;
			continue;
		}
		printf("  %-12.12s  ", sha ? sha : "-");
		print_escaped("", airlock_entry_path(e));
		for (unsigned int bit = 1; bit && bit <= airlock_entry_reasons(e); bit <<= 1)
			if ((airlock_entry_reasons(e) & bit) && airlock_reason_name(bit))
				printf("  [%s]", airlock_reason_name(bit));
		fputc('\n', stdout);
	}
	if (n == instructions)
		printf("  (none)\n");
	if (airlock_inspection_count(in) > 0)
		printf("\nWhat they would do (inspected, not run):\n");
	for (size_t i = 0; i < airlock_inspection_count(in); i++) {
		printf("  %-10s ", airlock_item_type_name(airlock_inspection_type(in, i)));
		print_escaped("", airlock_inspection_name(in, i));
		print_escaped(" = ", airlock_inspection_value(in, i));
		print_escaped("   (", airlock_inspection_file(in, i));
		fputs(")\n", stdout);
	}
	printf("\n%zu instruction file%s (rescanned at every load, not bound by trust)\n\n",
	       instructions, instructions == 1 ? "" : "s");
	if (blocking(in))
		printf("%zu entr%s run code airlock cannot pin or could not read (marked above):\n"
		       "trusting records nothing without --accept-unbound.\n\n",
		       blocking(in), blocking(in) == 1 ? "y" : "ies");
}

/* True when the entry at `path` is executable (restricted: not given to the agent). */
static bool executable_entry(const airlock_project *p, const char *path)
{
	for (size_t i = 0; i < airlock_project_entry_count(p); i++) {
		const airlock_entry *e = airlock_project_entry(p, i);

		if (strcmp(airlock_entry_path(e), path) == 0)
			return airlock_entry_class(e) == AIRLOCK_CLASS_EXECUTABLE;
	}
	return false;
}

/* The findings that would block every load of what is decided (restricted:
 * not those in files the agent is not given) and that the --accept given
 * to the project (airlock_project_accept) does not cover; at most `cap` of them in list[]. */
static size_t unaccepted(const airlock_report *r, const airlock_project *p,
			 const struct trust_args *a, airlock_severity threshold,
			 const airlock_finding **list, size_t cap)
{
	const airlock_finding *f;
	size_t n = 0;

	for (size_t i = 0; (f = airlock_report_finding(r, i)); i++) {
		if (airlock_finding_severity(f) < threshold ||
		    (a->restricted && executable_entry(p, airlock_finding_file(f))) ||
		    airlock_project_accepts(p, airlock_finding_rule(f), airlock_finding_file(f)))
			continue;
		if (n < cap)
			list[n] = f;
		n++;
	}
	return n;
}

/* The scan belongs to the review: what the files say, not only what they run.
 * A scan that cannot run is no reason to trust blind: nothing is recorded. */
static int show_findings(airlock_report **out, airlock_project *p, airlock_severity threshold)
{
	struct scan_result res = { .report = NULL };
	int rc = airlock_project_scan(out, p);

	if (rc < 0)
		return cli_error(
			"trust: the project could not be scanned, so nothing was recorded: %s",
			airlock_error_last());
	printf("Scan of every context file:\n");
	res.report = *out;
	res.prefix = NULL;
	rc = report_print_text(&res, 1, threshold);
	fputc('\n', stdout);
	return rc;
}

/* "RULE:FILE" for --accept and airlock_project_accept; NULL when it does not fit. */
static const char *accept_spec(char *buf, size_t cap, const airlock_finding *f)
{
	int n = snprintf(buf, cap, "%s:%s", airlock_finding_rule(f), airlock_finding_file(f));

	return n > 0 && (size_t)n < cap ? buf : NULL;
}

/* Headless: nothing recorded; the command that would accept them. */
static int refuse_findings(const struct trust_args *a, const airlock_finding **list, size_t n,
			   size_t total)
{
	char spec[4200];

	fprintf(stderr,
		"airlock: trust: %zu finding%s would block every load, so nothing was recorded; fix %s, or accept %s one by one:\n  airlock trust",
		total, total == 1 ? "" : "s", total == 1 ? "it" : "them",
		total == 1 ? "it" : "them");
	if (a->yes)
		fputs(" --yes", stderr);
	if (a->restricted)
		fputs(" --restricted", stderr);
	for (size_t i = 0; i < a->naccept; i++) {
		char *shown = cli_escape(a->accept[i]);

		fprintf(stderr, " --accept '%s'", shown);
		free(shown);
	}
	for (size_t i = 0; i < n; i++) {
		bool again = false;

		for (size_t j = 0; j < i; j++)
			again |= strcmp(airlock_finding_rule(list[j]),
					airlock_finding_rule(list[i])) == 0 &&
				 strcmp(airlock_finding_file(list[j]),
					airlock_finding_file(list[i])) == 0;
		if (!again && accept_spec(spec, sizeof(spec), list[i])) {
			char *shown = cli_escape(spec);

			fprintf(stderr, " --accept '%s'", shown);
			free(shown);
		}
	}
	if (a->dir) {
		char *shown = cli_escape(a->dir);

		fprintf(stderr, " '%s'", shown);
		free(shown);
	}
	fputc('\n', stderr);
	return EXIT_FINDINGS;
}

/* At the prompt: each blocking rule is typed, since a y/N is approved by
 * habit. Returns true when every one was typed; they are then accepted. */
static bool confirm_findings(airlock_project *p, const airlock_finding **list, size_t n)
{
	char line[1024], spec[4200];

	printf("%zu finding%s would block every load. Type the rule id%s to accept %s (", n,
	       n == 1 ? "" : "s", n == 1 ? "" : "s", n == 1 ? "it" : "them");
	for (size_t i = 0; i < n; i++)
		printf("%s%s", i ? " " : "", airlock_finding_rule(list[i]));
	printf("), or press Enter to stop: ");
	fflush(stdout);
	if (!fgets(line, sizeof(line), stdin))
		return false;
	for (size_t i = 0; i < n; i++) {
		const char *rule = airlock_finding_rule(list[i]);
		bool typed = false;

		for (char *w = line; *w;) {
			size_t k;

			w += strspn(w, " \t\n,");
			k = strcspn(w, " \t\n,");
			typed |= k == strlen(rule) && strncmp(w, rule, k) == 0;
			w += k;
		}
		if (!typed || !accept_spec(spec, sizeof(spec), list[i]) ||
		    airlock_project_accept(p, spec) < 0)
			return false;
	}
	return true;
}

static bool confirm(bool unbound)
{
	char line[64];

	fputs(unbound ? "Trust this project, with what airlock cannot pin? Type 'accept unbound': "
		      : "Trust this project? [y/N] ",
	      stdout);
	fflush(stdout);
	if (!fgets(line, sizeof(line), stdin))
		return false;
	if (unbound)
		return strcmp(line, "accept unbound\n") == 0;
	return strcmp(line, "y\n") == 0 || strcmp(line, "Y\n") == 0 || strcmp(line, "yes\n") == 0;
}

static int record(airlock_project *p, airlock_decision d, const char *expect, unsigned int flags)
{
	int rc = airlock_project_trust_flags(p, d, expect, flags);

	if (rc == AIRLOCK_ECHANGED) {
		cli_error("trust: %s", airlock_error_last());
		return EXIT_CHANGED;
	}
	if (rc == AIRLOCK_EBLOCKED) {
		cli_error("trust: %s", airlock_error_last());
		return EXIT_FINDINGS;
	}
	if (rc < 0)
		return cli_lib_error(rc, "trust");
	return EXIT_OK;
}

static int list_text(const airlock_record_list *l)
{
	if (airlock_record_list_count(l) == 0)
		printf("No trust decisions recorded.\n");
	for (size_t i = 0; i < airlock_record_list_count(l); i++) {
		if (airlock_record_list_problem(l, i)) {
			print_escaped("unreadable  ", airlock_record_list_problem(l, i));
			fputc('\n', stdout);
			continue;
		}
		printf("%-10s  %s  ", airlock_decision_name(airlock_record_list_decision(l, i)),
		       airlock_record_list_time(l, i));
		print_escaped("", airlock_record_list_path(l, i));
		fputc('\n', stdout);
	}
	return EXIT_OK;
}

static int list_json(const airlock_record_list *l)
{
	json_t *arr = json_array();
	int rc;

	for (size_t i = 0; arr && i < airlock_record_list_count(l); i++) {
		json_t *o =
			airlock_record_list_problem(l, i)
				? json_pack("{s:s}", "problem", airlock_record_list_problem(l, i))
				: json_pack(
					  "{s:s, s:s, s:s}", "path", airlock_record_list_path(l, i),
					  "decision",
					  airlock_decision_name(airlock_record_list_decision(l, i)),
					  "time", airlock_record_list_time(l, i));

		/* a path that is not UTF-8 cannot be a JSON string: show it escaped */
		if (!o) {
			char *shown = cli_escape(airlock_record_list_path(l, i)
							 ? airlock_record_list_path(l, i)
							 : airlock_record_list_problem(l, i));

			o = json_pack("{s:s}", "problem", shown);
			free(shown);
		}
		json_array_append_new(arr, o);
	}
	rc = cli_json_emit(arr, "records");
	return rc ? rc : EXIT_OK;
}

static int trust_list(enum output_format format)
{
	airlock_record_list *l = NULL;
	int rc = airlock_trust_list(&l, NULL);

	if (rc < 0)
		return cli_lib_error(rc, "trust --list");
	rc = format == FORMAT_JSON ? list_json(l) : list_text(l);
	airlock_record_list_free(l);
	return rc;
}

#define MAX_LISTED 64

static int trust_prune(void)
{
	airlock_record_list *l = NULL;
	int rc = airlock_trust_prune(&l, NULL);

	if (rc < 0)
		return cli_lib_error(rc, "trust --prune");
	for (size_t i = 0; i < airlock_record_list_count(l); i++) {
		print_escaped("Forgotten (folder gone): ", airlock_record_list_path(l, i));
		fputc('\n', stdout);
	}
	printf("%zu decision%s forgotten.\n", airlock_record_list_count(l),
	       airlock_record_list_count(l) == 1 ? "" : "s");
	airlock_record_list_free(l);
	return EXIT_OK;
}

int cmd_trust(int argc, char **argv)
{
	const airlock_finding *list[MAX_LISTED];
	airlock_inspection *in = NULL;
	airlock_report *report = NULL;
	airlock_project *p = NULL;
	airlock_options opts;
	struct trust_args a;
	size_t nblock;
	int rc = parse_args(&a, argc, argv);

	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (a.list || a.prune)
		return a.dir || a.yes || a.expect || a.restricted || a.naccept ||
				       (a.list && a.prune)
			       ? cli_error("trust --list and --prune take no other options")
		       : a.list ? trust_list(a.format)
				: trust_prune();
	if ((rc = cli_options(&opts)) != 0)
		return rc;
	opts.flags |= AIRLOCK_OPT_REPO_ROOT; /* a subfolder is its repository */
	if ((rc = cli_project_open(&p, a.dir ? a.dir : ".", &opts)) < 0)
		return cli_lib_error(rc, "trust");
	for (size_t i = 0; i < a.naccept; i++)
		if ((rc = airlock_project_accept(p, a.accept[i])) < 0) {
			rc = cli_lib_error(rc, "trust");
			goto out;
		}
	if ((rc = airlock_project_inspect(&in, p)) < 0) {
		rc = cli_lib_error(rc, "trust");
		goto out;
	}
	show_review(p, in);
	if ((rc = show_findings(&report, p, opts.block_threshold)) != EXIT_OK)
		goto out;
	nblock = unaccepted(report, p, &a, opts.block_threshold, list, MAX_LISTED);
	if (nblock && (a.yes || !isatty(STDIN_FILENO))) {
		rc = refuse_findings(&a, list, nblock < MAX_LISTED ? nblock : MAX_LISTED, nblock);
		goto out;
	}
	if (!a.yes && !isatty(STDIN_FILENO)) {
		rc = cli_error(
			"trust: not a terminal, so nothing was asked and nothing recorded; pass --yes (with --expect %s) to record",
			airlock_project_digest(p));
		goto out;
	}
	if (!a.yes && nblock > MAX_LISTED) {
		rc = cli_error("trust: %zu findings would block every load; fix them first",
			       nblock);
		goto out;
	}
	if (!a.yes && nblock && !confirm_findings(p, list, nblock)) {
		printf("Not trusted; nothing recorded.\n");
		rc = EXIT_UNTRUSTED;
		goto out;
	}
	if (!a.yes && (!nblock || (!a.restricted && !a.accept_unbound && blocking(in))) &&
	    !confirm(!a.restricted && !a.accept_unbound && blocking(in))) {
		printf("Not trusted; nothing recorded.\n");
		rc = EXIT_UNTRUSTED;
		goto out;
	}
	rc = record(
		p, a.restricted ? AIRLOCK_DECISION_RESTRICTED : AIRLOCK_DECISION_TRUSTED, a.expect,
		a.accept_unbound || (!a.yes && blocking(in)) ? AIRLOCK_TRUST_ACCEPT_UNBOUND : 0);
	if (rc == EXIT_OK)
		printf("%s: %s\n", a.restricted ? "Restricted" : "Trusted",
		       airlock_project_digest(p));
out:
	airlock_report_free(report);
	airlock_inspection_free(in);
	airlock_project_free(p);
	return rc;
}

int cmd_deny(int argc, char **argv)
{
	airlock_project *p = NULL;
	airlock_options opts;
	const char *dir;
	int rc = cli_dir_args(&dir, NULL, NULL, argc, argv, cmd_deny_help);

	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	cli_base_options(&opts);
	opts.flags |= AIRLOCK_OPT_REPO_ROOT; /* a subfolder is its repository */
	if ((rc = cli_project_open(&p, dir, &opts)) < 0)
		return cli_lib_error(rc, "deny");
	rc = record(p, AIRLOCK_DECISION_DENIED, NULL, 0);
	if (rc == EXIT_OK) {
		print_escaped("Denied: ", airlock_project_path(p));
		fputc('\n', stdout);
	}
	airlock_project_free(p);
	return rc;
}

int cmd_revoke(int argc, char **argv)
{
	airlock_project *p = NULL;
	airlock_options opts;
	const char *dir;
	int rc = cli_dir_args(&dir, NULL, NULL, argc, argv, cmd_revoke_help);

	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	cli_base_options(&opts);
	opts.flags |= AIRLOCK_OPT_REPO_ROOT; /* a subfolder is its repository */
	if ((rc = cli_project_open(&p, dir, &opts)) < 0)
		return cli_lib_error(rc, "revoke");
	rc = airlock_project_revoke(p);
	if (rc == 0 || rc == AIRLOCK_ENOTFOUND) {
		print_escaped(rc == 0 ? "Revoked: " : "Nothing to revoke: ",
			      airlock_project_path(p));
		fputc('\n', stdout);
		rc = EXIT_OK;
	} else {
		rc = cli_lib_error(rc, "revoke");
	}
	airlock_project_free(p);
	return rc;
}
