/*
 * cmd_surfaces.c - `airlock surfaces`: the files every agent loads or runs,
 * as airlock's table has them (README's table is this command's markdown).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"

const char cmd_surfaces_help[] =
	"Usage: airlock surfaces [--format text|json|markdown]\n"
	"\n"
	"Lists the files airlock treats as an agent's context, in the order they are\n"
	"matched: the path pattern ('*' within a name, '**' any depth), the agent, the\n"
	"kind of file, its class (executable: bound by trust; instructions: scanned at\n"
	"every load) and, for configuration files, the format of keys that run programs.\n"
	"Names match ignoring letter case, as macOS and Windows do; a case variant is\n"
	"reported (AL014). Markdown in skills, agents and commands is executable when its\n"
	"front matter runs something (hooks, MCP servers, tool permissions).\n"
	"\n"
	"Options:\n"
	"  --format text|json|markdown   for people (default), programs, or the README\n"
	"  -h, --help                    show this help\n"
	"\n"
	"Exit codes: 0 ok, 2 usage or I/O error.\n";

static const char *class_word(airlock_class cls, const char *format)
{
	if (cls == AIRLOCK_CLASS_INSTRUCTIONS && strcmp(format, "front matter") == 0)
		return "instructions*";
	return airlock_class_name(cls);
}

int cmd_surfaces(int argc, char **argv)
{
	const char *fmt = "text", *pattern, *agent, *format;
	airlock_kind kind;
	airlock_class cls;
	json_t *a = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(cmd_surfaces_help, stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			fmt = argv[++i];
		} else {
			return cli_error("surfaces: unexpected argument '%s' (see 'airlock help "
					 "surfaces')",
					 argv[i]);
		}
	}
	if (strcmp(fmt, "text") && strcmp(fmt, "json") && strcmp(fmt, "markdown"))
		return cli_error("surfaces: unknown format '%s' (text, json or markdown)", fmt);
	if (strcmp(fmt, "json") == 0 && !(a = json_array()))
		return cli_error("cannot build the JSON output (out of memory)");
	if (strcmp(fmt, "markdown") == 0)
		printf("| pattern | agent | kind | class | format |\n|---|---|---|---|---|\n");
	else if (strcmp(fmt, "text") == 0)
		printf("%-36s %-20s %-9s %-14s %s\n", "PATTERN", "AGENT", "KIND", "CLASS",
		       "FORMAT");
	for (size_t i = 0; airlock_surface_info(i, &pattern, &agent, &kind, &cls, &format) == 0;
	     i++) {
		if (a) {
			if (json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s, s:s}",
							       "pattern", pattern, "agent", agent,
							       "kind", airlock_kind_name(kind),
							       "class", class_word(cls, format),
							       "format", format)) < 0) {
				json_decref(a);
				return cli_error("cannot build the JSON output (out of memory)");
			}
		} else if (strcmp(fmt, "markdown") == 0) {
			printf("| `%s` | %s | %s | %s | %s |\n", pattern, agent,
			       airlock_kind_name(kind), class_word(cls, format), format);
		} else {
			printf("%-36s %-20s %-9s %-14s %s\n", pattern, agent,
			       airlock_kind_name(kind), class_word(cls, format), format);
		}
	}
	if (a) {
		int rc = cli_json_emit(a, "surfaces");

		if (rc)
			return rc;
	}
	return fflush(stdout) == 0 ? EXIT_OK : cli_error("cannot write the output");
}
