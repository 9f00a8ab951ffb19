/*
 * cmd_quarantine.c - `airlock quarantine FILE` and `airlock quarantine --restore ID`.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_quarantine_help[] =
	"Usage: airlock quarantine FILE\n"
	"       airlock quarantine --restore ID\n"
	"\n"
	"Moves one poisoned memory file (a regular file, never a symlink) into\n"
	"$XDG_STATE_HOME/airlock/quarantine/ID/ (default ~/.local/state/airlock/),\n"
	"next to a note of where it came from, and prints ID. --restore ID puts it\n"
	"back. Nothing is ever deleted and nothing is overwritten: a move to another\n"
	"file system, or a restore onto a path that exists again, is refused.\n"
	"\n"
	"Exit codes: 0 moved, 2 usage or I/O error (nothing moved).\n";

int cmd_quarantine(int argc, char **argv)
{
	airlock_memory_options mo = AIRLOCK_MEMORY_OPTIONS_INIT;
	const char *target = NULL;
	bool restore = false, only_args = false;
	char *out = NULL, *shown;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (!only_args && strcmp(argv[i], "--") == 0)
			only_args = true;
		else if (!only_args &&
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
