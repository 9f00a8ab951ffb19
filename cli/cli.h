/*
 * cli.h - shared pieces of the airlock command: exit codes, output helpers
 * and the subcommands' entry points.
 */
#ifndef AIRLOCK_CLI_CLI_H
#define AIRLOCK_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>

#include "airlock.h"

/* The exit-code contract (README, "Scanning"; `airlock --help`). */
enum {
	EXIT_OK = 0,
	EXIT_FINDINGS = 1,
	EXIT_USAGE = 2, /* usage or I/O error */
	EXIT_UNTRUSTED = 3,
	EXIT_CHANGED = 4,
	EXIT_DENIED = 5,
	/* `airlock exec` adds this to the codes above for its own refusals
	 * (181 blocked, 182 usage or I/O, 183 untrusted, 184 changed, 185
	 * denied), so they never read as the agent's own exit status. */
	EXIT_EXEC_BASE = 180
};

enum output_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF };

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
	const char *help; /* full help text, printed by `airlock help NAME` */
};

/* The version of every JSON document's layout (`schema_version`); the JSON
 * Schemas in schemas/ describe it. Raised on any incompatible change. */
#define CLI_JSON_SCHEMA_VERSION 1

/* Set by --format json: cli_error then also prints {"error": {...}} on
 * stdout, once, unless a document was already written. */
extern bool cli_json_errors;

/* Writes `root` (consumed) as the command's one JSON document: an object
 * starting with "schema_version" and "airlock_version", the array under
 * `list_key`. Returns 0 or EXIT_USAGE after a one-line error. */
int cli_json_emit(json_t *root, const char *list_key);

/* Prints "airlock: MESSAGE" on one line to stderr and returns EXIT_USAGE. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Maps a library error to a one-line message and the exit code. */
int cli_lib_error(int code, const char *what);

/* Parses "--format VALUE" / "--format=VALUE". Returns 1 when argv[*i] was the
 * option (advancing *i past its value), 0 when it was not, -1 on a bad value
 * (message printed). */
int cli_format_option(enum output_format *out, int argc, char **argv, int *i);

/* Parses "--fail-on SEVERITY" / "--fail-on=SEVERITY" as cli_format_option
 * parses --format. */
int cli_fail_on_option(airlock_severity *out, int argc, char **argv, int *i);

/* Parses "[--format text|json] [--fail-on SEVERITY] [--help] [--] [DIR]" for
 * subcommand argv[0] (no --format when `format` is NULL, no --fail-on when
 * `fail_on` is NULL; *fail_on stays 0 when not given). *dir defaults to
 * ".". Returns 0, -1 when the help was printed (exit 0), or an exit code
 * after a message. */
int cli_dir_args(const char **dir, enum output_format *format, airlock_severity *fail_on, int argc,
		 char **argv, const char *help);
/* As cli_format_option, also taking "sarif" when `sarif` is set. */
int cli_format_option_ex(enum output_format *out, int argc, char **argv, int *i, bool sarif);

/* --color=auto|always|never, taken by main() before the command's own
 * options; auto: a terminal, NO_COLOR unset and TERM not "dumb". */
enum cli_color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
extern enum cli_color_mode cli_color_mode;

/* True when text output on `f` may use colour: a terminal, NO_COLOR unset. */
bool cli_color(FILE *f);

/* Escaped form of raw bytes for a terminal (control, invisible and non-UTF-8
 * shown as escapes); new, free() it; aborts the process on out of memory. */
char *cli_escape(const char *s);

const struct command *cli_find_command(const char *name);
/* The command table of cli/main.c, *n entries (static storage). */
const struct command *cli_commands(size_t *n);
/* `airlock completion bash|zsh|fish` (cli/cmd_completion.c). */
int cmd_completion(int argc, char **argv);
extern const char cmd_completion_help[];

int cmd_status(int argc, char **argv);
int cmd_trust(int argc, char **argv);
int cmd_deny(int argc, char **argv);
int cmd_revoke(int argc, char **argv);
int cmd_load(int argc, char **argv);
int cmd_clone(int argc, char **argv);
extern const char cmd_clone_help[];
int cmd_exec(int argc, char **argv);
/* After airlock_project_load failed with `rc`: one line saying why and what
 * to do (for "load", the findings too), and the exit code of the contract. */
int load_refusal(int rc, airlock_project *p, const char *what);
int cmd_shell_init(int argc, char **argv);
int cmd_surfaces(int argc, char **argv);
extern const char cmd_surfaces_help[];
extern const char cmd_load_help[], cmd_exec_help[], cmd_shell_init_help[];
extern const char cmd_status_help[], cmd_trust_help[], cmd_deny_help[], cmd_revoke_help[];
extern const char cmd_status_help[];
int cmd_scan(int argc, char **argv);
extern const char cmd_scan_help[];
/* `airlock scan --memory` (cli/cmd_scan_memory.c). */
bool scan_memory_requested(int argc, char **argv);
int cmd_scan_memory(int argc, char **argv);
int cmd_quarantine(int argc, char **argv);
extern const char cmd_quarantine_help[];
int cmd_rules(int argc, char **argv);
extern const char cmd_rules_help[];

/* The compiled signatures next to this executable (build/ or
 * ../share/airlock) when $AIRLOCK_SIGNATURES is unset; NULL lets the library
 * use its installed default. Static storage. */
const char *cli_signatures_path(void);

/* One scanned PATH: its report, the prefix its file names are shown with
 * (NULL when they are shown as they are), the PATH as given (NULL for git
 * and memory scans) and whether it is a folder, which its findings' file
 * names are then relative to. */
struct scan_result {
	airlock_report *report;
	const char *prefix;
	const char *path;
	bool is_dir;
};

/* The outputs of `airlock scan` (cli/output.c). Return 0 or EXIT_USAGE. */
int report_print_text(const struct scan_result *res, size_t n, airlock_severity fail_on);
int report_print_text_memory(const airlock_report *r, airlock_severity fail_on);
int report_print_json(const struct scan_result *res, size_t n, airlock_severity fail_on);

/* SARIF 2.1.0 for code scanning (cli/sarif.c): a log built result by result,
 * then printed. The kind says how file names become URIs and names the run
 * (automationDetails.id "airlock/KIND/"): relative to the repository root
 * of the first PATH (scan), already relative to it (git), absolute file://
 * URIs (memory). */
enum sarif_kind { SARIF_SCAN, SARIF_GIT, SARIF_MEMORY };
struct sarif;
/* New (sarif_finish or sarif_free), NULL after a message; `rules` and
 * `first` (the first PATH; NULL: ".") are borrowed until then. */
struct sarif *sarif_new(enum sarif_kind kind, const airlock_rules *rules, const char *first);
/* Adds a finding whose file is relative to the folder `base` (NULL: as
 * given), introduced by `commit` (NULL: none named). 0 or EXIT_USAGE. */
int sarif_add(struct sarif *s, const airlock_finding *f, const char *base, const char *commit);
/* Prints the log on stdout and frees s. 0 or EXIT_USAGE. */
int sarif_finish(struct sarif *s);
void sarif_free(struct sarif *s);
int report_print_sarif(const struct scan_result *res, size_t n, enum sarif_kind kind);

/* One finding as text lines (line:column, severity, rule, message, excerpt)
 * and as a JSON object with its file shown as `path`. */
void report_print_finding(const airlock_finding *f, bool color);
struct json_t *report_finding_json(const airlock_finding *f, const char *path);

/* `airlock scan --git REPO [--rev REV|A..B]` (cli/cmd_scan_git.c). */
int scan_git(const char *repo, const char *rev, enum output_format format, airlock_severity fail_on,
	     const airlock_options *opts);

/* Options for every command that scans or gates: the signatures found next
 * to this executable (see cli_signatures_path), and the user's config
 * (cli/userconf.c): its fail-on as block_threshold (else high, set
 * explicitly so that it can be shown) and its disabled rules. A command's
 * own --fail-on is set after it, and wins. Returns 0, or EXIT_USAGE after a
 * one-line error (a config that is malformed or not the user's own). */
int cli_options(airlock_options *opts);

/* airlock_project_open, then the walk's progress line (drawn on a terminal
 * by the options above) cleared. */
int cli_project_open(airlock_project **out, const char *dir, const airlock_options *opts);
void cli_progress_clear(void);

/* cli_options without the user's config, for commands that neither scan
 * nor gate (deny, revoke). */
void cli_base_options(airlock_options *opts);

/* The footer of text output when the user's config disables rules: "N
 * rules disabled by FILE: ID...", one line on `f`; nothing otherwise. */
void cli_disabled_note(FILE *f);

/* The disabled rule ids as a new JSON array (empty when none; NULL when
 * memory runs out, which json_pack's "o" then reports). */
struct json_t *cli_disabled_json(void);

/* `airlock help config`: the user's config file. */
extern const char cli_config_help[];

/* A JSON string of s, escaped first when s is not UTF-8. */
struct json_t;
struct json_t *cli_json_string(const char *s);

#endif
