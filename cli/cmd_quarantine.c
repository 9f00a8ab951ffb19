/*
 * cmd_quarantine.c - `airlock quarantine FILE`, `--restore ID` and `--list`.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"

const char cmd_quarantine_help[] =
	"Usage: airlock quarantine FILE\n"
	"       airlock quarantine --restore ID\n"
	"       airlock quarantine --list [--format text|json]\n"
	"\n"
	"Moves one poisoned memory file (a regular file, never a symlink) into\n"
	"$XDG_STATE_HOME/airlock/quarantine/ID/ (default ~/.local/state/airlock/),\n"
	"next to a note of where it came from (origin.json: origin, size, mode, and\n"
	"the time as ISO 8601 UTC), and prints ID. Only files inside the memory\n"
	"locations 'airlock scan --memory' looks at (~/.claude/CLAUDE.md,\n"
	"~/.claude/projects/*/memory/, ...) are moved; any other is refused.\n"
	"--restore ID puts it back; --list shows what is held, oldest first.\n"
	"Nothing is ever deleted and nothing is overwritten: a move to another file\n"
	"system, or a restore onto a path that exists again, is refused.\n"
	"\n"
	"Exit codes: 0 moved, 2 usage or I/O error (nothing moved).\n";

static int list(enum output_format format)
{
	airlock_memory_options mo = AIRLOCK_MEMORY_OPTIONS_INIT;
	char **ids = NULL, **origins = NULL;
	json_t *a = format == FORMAT_JSON ? json_array() : NULL;
	size_t n = 0;
	int rc = airlock_memory_quarantine_list(&ids, &origins, &n, &mo);

	if (rc < 0)
		return cli_lib_error(rc, "quarantine --list");
	for (size_t i = 0; i < n; i++) {
		if (a) {
			json_array_append_new(a, json_pack("{s:s, s:o}", "id", ids[i], "origin",
							   origins[i] ? cli_json_string(origins[i])
								      : json_null()));
		} else {
			char *shown = cli_escape(origins[i] ? origins[i] : "(note unreadable)");

			printf("%s  %s\n", ids[i], shown);
			free(shown);
		}
	}
	if (a) {
		rc = cli_json_emit(a, "quarantined");
	} else if (n == 0) {
		printf("No quarantined files.\n");
	}
	airlock_strings_free(ids, n);
	airlock_strings_free(origins, n);
	return rc < 0 ? EXIT_USAGE : rc;
}

int cmd_quarantine(int argc, char **argv)
{
	airlock_memory_options mo = AIRLOCK_MEMORY_OPTIONS_INIT;
	enum output_format format = FORMAT_TEXT;
	const char *target = NULL;
	bool restore = false, only_args = false, listing = false, formatted = false;
	char *out = NULL, *shown;
	int rc;

	for (int i = 1; i < argc; i++) {
		int f;

		if (!only_args && strcmp(argv[i], "--") == 0)
			only_args = true;
		else if (!only_args && strcmp(argv[i], "--list") == 0)
			listing = true;
		else if (!only_args && (f = cli_format_option(&format, argc, argv, &i)) != 0) {
			if (f < 0)
				return EXIT_USAGE;
			formatted = true;
		} else if (!only_args &&
			   (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0))
			return fputs(cmd_quarantine_help, stdout), EXIT_OK;
		else if (!only_args && strcmp(argv[i], "--restore") == 0)
			restore = true;
		else if (!only_args && argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_error(
				"quarantine: unknown option (run 'airlock help quarantine')");
		else if (target)
			return cli_error("quarantine takes one FILE or one ID");
		else
			target = argv[i];
	}
	if (listing)
		return target || restore ? cli_error("quarantine --list takes no FILE or ID")
					 : list(format);
	if (formatted)
		return cli_error("quarantine: --format goes with --list");
	if (!target)
		return cli_error(restore ? "quarantine --restore needs the ID quarantine printed"
					 : "quarantine needs the FILE to move");
	rc = restore ? airlock_memory_restore(&out, target, &mo)
		     : airlock_memory_quarantine(&out, target, &mo);
	if (rc < 0)
		return cli_lib_error(rc, "quarantine");
	shown = cli_escape(restore ? out : target);
	if (restore)
		printf("restored %s\n", shown);
	else
		printf("quarantined %s as %s (undo: airlock quarantine --restore %s)\n", shown, out,
		       out);
	free(shown);
	free(out);
	return EXIT_OK;
}
