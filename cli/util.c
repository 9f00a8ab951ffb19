/*
 * util.c - messages, options and escaping shared by the subcommands.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"

bool cli_json_errors;

int cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("airlock: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cli_json_errors) {
		char msg[4096];
		json_t *o;

		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		cli_json_errors = false; /* one document, even if writing it fails */
		o = json_pack("{s:{s:o}}", "error", "message", cli_json_string(msg));
		if (o)
			cli_json_emit(o, NULL);
	}
	return EXIT_USAGE;
}

int cli_json_emit(json_t *root, const char *list_key)
{
	json_t *doc;
	int rc;

	cli_json_errors = false;
	if (!root)
		return cli_error("cannot build the JSON output (out of memory)");
	/* the two keys every document starts with, then the document */
	doc = json_pack("{s:i, s:s}", "schema_version", CLI_JSON_SCHEMA_VERSION, "airlock_version",
			airlock_version());
	if (!doc || (json_is_array(root) ? json_object_set(doc, list_key ? list_key : "items", root)
					 : json_object_update(doc, root)) < 0) {
		json_decref(doc);
		json_decref(root);
		return cli_error("cannot build the JSON output (out of memory)");
	}
	json_decref(root);
	rc = json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_ENSURE_ASCII);
	json_decref(doc);
	if (rc < 0 || fputc('\n', stdout) == EOF || fflush(stdout) != 0)
		return cli_error("cannot write the output");
	return 0;
}

int cli_lib_error(int code, const char *what)
{
	const char *msg = airlock_error_last();

	(void)code;
	return cli_error("%s: %s", what, *msg ? msg : "failed");
}

int cli_format_option(enum output_format *out, int argc, char **argv, int *i)
{
	return cli_format_option_ex(out, argc, argv, i, false);
}

int cli_format_option_ex(enum output_format *out, int argc, char **argv, int *i, bool sarif)
{
	const char *arg = argv[*i], *value;

	if (strcmp(arg, "--format") == 0) {
		if (*i + 1 >= argc) {
			cli_error(sarif ? "--format needs a value: text, json or sarif"
					: "--format needs a value: text or json");
			return -1;
		}
		value = argv[++*i];
	} else if (strncmp(arg, "--format=", 9) == 0) {
		value = arg + 9;
	} else {
		return 0;
	}
	if (strcmp(value, "text") == 0) {
		*out = FORMAT_TEXT;
	} else if (strcmp(value, "json") == 0) {
		*out = FORMAT_JSON;
		cli_json_errors = true; /* an error from here on is JSON on stdout too */
	} else if (sarif && strcmp(value, "sarif") == 0) {
		*out = FORMAT_SARIF;
	} else {
		char *shown = cli_escape(value);

		cli_error(sarif ? "unknown format '%s' (expected text, json or sarif)"
				: "unknown format '%s' (expected text or json)",
			  shown);
		free(shown);
		return -1;
	}
	return 1;
}

enum cli_color_mode cli_color_mode = COLOR_AUTO;

bool cli_color(FILE *f)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");

	if (cli_color_mode != COLOR_AUTO)
		return cli_color_mode == COLOR_ALWAYS;
	return isatty(fileno(f)) && !(no && *no) && !(term && strcmp(term, "dumb") == 0);
}

char *cli_escape(const char *s)
{
	char *out = airlock_escape(s, strlen(s));

	if (!out) {
		fputs("airlock: out of memory\n", stderr);
		exit(EXIT_USAGE);
	}
	return out;
}

int cli_fail_on_option(airlock_severity *out, int argc, char **argv, int *i)
{
	const char *arg = argv[*i], *value;
	char *shown;

	if (strcmp(arg, "--fail-on") == 0) {
		if (*i + 1 >= argc) {
			cli_error(
				"--fail-on needs a severity: info, low, medium, high or critical");
			return -1;
		}
		value = argv[++*i];
	} else if (strncmp(arg, "--fail-on=", 10) == 0) {
		value = arg + 10;
	} else {
		return 0;
	}
	if (airlock_severity_parse(out, value) == 0)
		return 1;
	shown = cli_escape(value);
	cli_error("--fail-on: unknown severity '%s' (info, low, medium, high or critical)", shown);
	free(shown);
	return -1;
}

int cli_dir_args(const char **dir, enum output_format *format, airlock_severity *fail_on, int argc,
		 char **argv, const char *help)
{
	*dir = NULL;
	for (int i = 1; i < argc; i++) {
		int r = format ? cli_format_option(format, argc, argv, &i) : 0;

		if (r == 0 && fail_on)
			r = cli_fail_on_option(fail_on, argc, argv, &i);
		if (r < 0)
			return EXIT_USAGE;
		if (r > 0)
			continue;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(help, stdout);
			return -1;
		}
		if (strcmp(argv[i], "--") == 0 && i + 1 < argc && !*dir) {
			*dir = argv[++i];
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_error("%s: unknown option '%s' (run 'airlock help %s')", argv[0],
					 argv[i], argv[0]);
		if (*dir)
			return cli_error("%s: takes one directory, got '%s' and '%s'", argv[0],
					 *dir, argv[i]);
		*dir = argv[i];
	}
	if (!*dir)
		*dir = ".";
	return 0;
}

const char *cli_signatures_path(void)
{
	static char found[PATH_MAX];
	static const char *const candidates[] = { "signatures.yarc",
						  "../share/airlock/signatures.yarc" };
	const char *env = getenv("AIRLOCK_SIGNATURES");
	char exe[PATH_MAX], *slash;
	ssize_t n;

	if (env && *env)
		return NULL;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return NULL;
	slash[1] = '\0';
	for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++) {
		int len = snprintf(found, sizeof(found), "%s%s", exe, candidates[i]);

		if (len > 0 && (size_t)len < sizeof(found) && access(found, R_OK) == 0)
			return found;
	}
	return NULL;
}

json_t *cli_json_string(const char *s)
{
	json_t *j = json_string(s ? s : "");
	char *shown;

	if (j)
		return j;
	shown = cli_escape(s);
	j = json_string(shown);
	free(shown);
	return j;
}
