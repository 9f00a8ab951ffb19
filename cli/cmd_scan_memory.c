/*
 * cmd_scan_memory.c - `airlock scan --memory [DIR...]`: scheduled, incremental
 * scans of agents' memory, with findings marked new or known.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

static const char memory_help_head[] =
	"Usage: airlock scan --memory [OPTIONS] [DIR...]\n"
	"\n"
	"Scans agents' persistent memory, where an injected instruction is reloaded at\n"
	"every session start. Every file is read as instructions. With DIRs, every file\n"
	"in them; without, every location below under $HOME (\"*\" is every project):\n"
	"\n";

static const char memory_help_tail[] =
	"\n"
	"A file that is not text by its content (a NUL byte, or the magic number of\n"
	"gzip, zip, PNG and other binary formats) is skipped, never a .md or .txt file.\n"
	"\n"
	"The scan is incremental: $XDG_STATE_HOME/airlock/memory-scan.state (default\n"
	"~/.local/state/airlock/) keeps per file its device, inode, size, mtime, ctime,\n"
	"SHA-256, the signature set's version, what was made of it and its findings. A\n"
	"file whose stat data and signature set are unchanged is not read again; its\n"
	"findings are carried over. A state file that is corrupt, truncated, a symlink,\n"
	"not yours or writable by others is discarded with a warning (a full rescan).\n"
	"Files are never modified; see 'airlock help quarantine' to move a poisoned one\n"
	"aside.\n"
	"\n"
	"Options:\n"
	"  --format text|json|jsonl|sarif  jsonl: one finding per line, for log shippers\n"
	"  --fail-on SEVERITY        exit 1 when a reported finding is at or above it\n"
	"                            (default high)\n"
	"  --new-only                report only findings no earlier run reported\n"
	"  --no-cache                read and scan every file (the state is still updated)\n"
	"  --rules DIR               also apply your own YARA rule sources\n"
	"  -h, --help                show this help\n"
	"\n"
	"Each finding is marked new or known (reported by an earlier run); the summary\n"
	"counts the files scanned, unchanged and skipped. Progress is shown on stderr\n"
	"only when it is a terminal and the scan takes a while, and is cleared after.\n"
	"\n"
	"Exit codes: 0 nothing reported at or above the threshold, 1 findings at or\n"
	"above it, 2 usage, I/O or scan error.\n";

enum memory_format { MEM_TEXT, MEM_JSON, MEM_JSONL, MEM_SARIF };

struct memory_args {
	enum memory_format format;
	airlock_severity fail_on;
	unsigned int flags;
	const char *rules_dir;
	const char **dirs;
	size_t ndirs;
};

bool scan_memory_requested(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "--memory") == 0)
			return true;
	}
	return false;
}

static void print_help(void)
{
	fputs(memory_help_head, stdout);
	printf("  %-18s %s\n", "AGENT", "LOCATION");
	for (size_t i = 0; i < airlock_memory_location_count(); i++)
		printf("  %-18s ~/%s\n", airlock_memory_location_agent(i),
		       airlock_memory_location_path(i));
	fputs(memory_help_tail, stdout);
}

static int parse_format(enum memory_format *out, const char *v)
{
	static const char *const names[] = { "text", "json", "jsonl", "sarif" };

	for (size_t i = 0; v && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(v, names[i]) == 0) {
			*out = (enum memory_format)i;
			return 0;
		}
	return cli_error("--format needs text, json, jsonl or sarif");
}

/* The value of "--name VALUE" or "--name=VALUE" at argv[*i]; NULL if absent. */
static const char *value_of(const char *name, int argc, char **argv, int *i)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	return *i + 1 < argc ? argv[++*i] : NULL;
}

/* Returns 0 to go on, -1 after --help, or an exit code. */
static int parse_args(struct memory_args *a, int argc, char **argv)
{
	bool only_dirs = false;

	if (!(a->dirs = calloc((size_t)argc + 1, sizeof(char *))))
		return cli_error("out of memory");
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		int r;

		if (only_dirs || arg[0] != '-' || arg[1] == '\0')
			a->dirs[a->ndirs++] = arg;
		else if (strcmp(arg, "--") == 0)
			only_dirs = true;
		else if (strcmp(arg, "--memory") == 0)
			continue;
		else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0)
			return print_help(), -1;
		else if (strcmp(arg, "--no-cache") == 0)
			a->flags |= AIRLOCK_MEMORY_NO_CACHE;
		else if (strcmp(arg, "--new-only") == 0)
			a->flags |= AIRLOCK_MEMORY_NEW_ONLY;
		else if (strcmp(arg, "--format") == 0 || strncmp(arg, "--format=", 9) == 0) {
			if (parse_format(&a->format, value_of("--format", argc, argv, &i)) != 0)
				return EXIT_USAGE;
		} else if ((r = cli_fail_on_option(&a->fail_on, argc, argv, &i)) != 0) {
			if (r < 0)
				return EXIT_USAGE;
		} else if (strcmp(arg, "--rules") == 0 || strncmp(arg, "--rules=", 8) == 0) {
			if (!(a->rules_dir = value_of("--rules", argc, argv, &i)) || !*a->rules_dir)
				return cli_error("--rules needs a folder of YARA rule sources");
		} else {
			char *shown = cli_escape(arg);

			cli_error(
				"scan --memory: unknown option '%s' (run 'airlock scan --memory --help')",
				shown);
			free(shown);
			return EXIT_USAGE;
		}
	}
	return 0;
}

/* --- progress ------------------------------------------------------------------ */

struct progress {
	struct timespec start, last;
	bool shown;
};

static double since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* Runs in this process, in the thread that called airlock_memory_scan (the
 * sandboxed scanner only says how far it is): `p->shown` is ours to read. */
static int on_progress(size_t done, size_t total, uint64_t bytes, void *payload)
{
	struct progress *p = payload;
	struct timespec now;
	double t;

	clock_gettime(CLOCK_MONOTONIC, &now);
	t = since(&p->start, &now);
	if (t < 0.5 || (p->shown && since(&p->last, &now) < 0.1 && done < total))
		return 0;
	p->last = now;
	p->shown = true;
	fprintf(stderr, "\rairlock: scanning memory: %zu/%zu files, %.1f MB/s  ", done, total,
		(double)bytes / 1e6 / t);
	return 0;
}

/* --- output ---------------------------------------------------------------------- */

static const char *status_of(const airlock_finding *f)
{
	return airlock_finding_known(f) ? "known" : "new";
}

static json_t *finding_json(const airlock_finding *f, const char *when)
{
	json_t *o =
		json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:I, s:I, s:o, s:o}", "status",
			  status_of(f), "rule", airlock_finding_rule(f), "severity",
			  airlock_severity_name(airlock_finding_severity(f)), "category",
			  airlock_finding_category(f), "confidence", airlock_finding_confidence(f),
			  "file", cli_json_string(airlock_finding_file(f)), "line",
			  (json_int_t)airlock_finding_line(f), "column",
			  (json_int_t)airlock_finding_column(f), "message",
			  cli_json_string(airlock_finding_message(f)), "excerpt",
			  cli_json_string(airlock_finding_excerpt(f)));

	if (o && airlock_finding_hidden(f))
		json_object_set_new(o, "hidden", cli_json_string(airlock_finding_hidden(f)));
	if (o && when)
		json_object_set_new(o, "time", json_string(when));
	return o;
}

static int print_jsonl(const airlock_report *r)
{
	char when[32];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	for (size_t i = 0; i < airlock_report_finding_count(r); i++) {
		json_t *o = finding_json(airlock_report_finding(r, i), when);

		if (!o || json_dumpf(o, stdout, JSON_COMPACT | JSON_ENSURE_ASCII) < 0 ||
		    fputc('\n', stdout) == EOF) {
			json_decref(o);
			return cli_error("cannot write the output");
		}
		json_decref(o);
	}
	return 0;
}

static int print_json(const airlock_report *r, airlock_severity fail_on)
{
	json_t *fs = json_array(), *root;
	size_t known = 0, scanned = 0;
	int rc = 0;

	for (size_t i = 0; fs && i < airlock_report_finding_count(r); i++) {
		known += airlock_finding_known(airlock_report_finding(r, i)) != 0;
		if (json_array_append_new(fs, finding_json(airlock_report_finding(r, i), NULL)) < 0)
			return cli_error("cannot build the output (out of memory)");
	}
	for (size_t i = 0; i < airlock_report_file_count(r); i++)
		scanned += airlock_report_file_scanned(r, i) != 0;
	root = json_pack(
		"{s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:o}", "signatures",
		airlock_rules_version(airlock_report_rules(r)), "fail_on",
		airlock_severity_name(fail_on), "files_total",
		(json_int_t)airlock_report_file_count(r), "files_scanned", (json_int_t)scanned,
		"files_unchanged", (json_int_t)airlock_report_files_unchanged(r), "files_skipped",
		(json_int_t)airlock_report_files_skipped(r), "files_read",
		(json_int_t)airlock_report_files_read(r), "new",
		(json_int_t)(airlock_report_finding_count(r) - known), "known", (json_int_t)known,
		"warning",
		airlock_report_warning(r) ? json_string(airlock_report_warning(r)) : json_null(),
		"disabled_rules", cli_disabled_json(), "findings", fs);
	rc = cli_json_emit(root, NULL);
	return rc;
}

int cmd_scan_memory(int argc, char **argv)
{
	struct memory_args a = { 0 };
	airlock_options opts;
	airlock_memory_options mo = AIRLOCK_MEMORY_OPTIONS_INIT;
	struct progress prog = { 0 };
	airlock_report *r = NULL;
	struct scan_result res = { .report = NULL };
	int rc;

	if ((rc = parse_args(&a, argc, argv)) != 0) {
		free(a.dirs);
		return rc < 0 ? EXIT_OK : rc;
	}
	if ((rc = cli_options(&opts)) != 0) {
		free(a.dirs);
		return rc;
	}
	if (a.fail_on)
		opts.block_threshold = a.fail_on;
	a.fail_on = opts.block_threshold;
	opts.rules_dir = a.rules_dir;
	mo.flags = a.flags;
	clock_gettime(CLOCK_MONOTONIC, &prog.start);
	if (isatty(STDERR_FILENO)) {
		mo.progress = on_progress;
		mo.progress_payload = &prog;
	}
	rc = airlock_memory_scan(&r, a.dirs, a.ndirs, &opts, &mo);
	if (prog.shown) /* the callback ran here: clear the line it drew */
		fputs("\r\033[K", stderr);
	if (rc < 0) {
		rc = cli_lib_error(rc, "scan --memory");
		goto out;
	}
	if (airlock_report_warning(r))
		fprintf(stderr, "airlock: warning: %s\n", airlock_report_warning(r));
	res.report = r;
	res.prefix = NULL;
	res.path = NULL;
	res.is_dir = false;
	if (a.format == MEM_JSON)
		rc = print_json(r, a.fail_on);
	else if (a.format == MEM_JSONL)
		rc = print_jsonl(r);
	else if (a.format == MEM_SARIF)
		rc = report_print_sarif(&res, 1, SARIF_MEMORY);
	else
		rc = report_print_text_memory(r, a.fail_on);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = cli_error("cannot write the output");
	if (rc == 0)
		rc = airlock_report_blocks(r) ? EXIT_FINDINGS : EXIT_OK;
out:
	airlock_report_free(r);
	free(a.dirs);
	return rc;
}
