/*
 * main.c - the airlock command: global options and subcommand dispatch.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

static const char cmd_version_help[] = "Usage: airlock version\n"
				       "\n"
				       "Prints the version of airlock (as --version does).\n";

static const char cmd_help_help[] = "Usage: airlock help [COMMAND]\n"
				    "\n"
				    "Shows the overview, or the full help of COMMAND.\n";

static const struct command commands[] = {
	{ "status", cmd_status, "show a project's context files and its trust state",
	  cmd_status_help },
	{ "trust", cmd_trust, "review a project's executable configuration and trust it",
	  cmd_trust_help },
	{ "deny", cmd_deny, "record that a project must not be loaded", cmd_deny_help },
	{ "revoke", cmd_revoke, "forget a project's trust decision", cmd_revoke_help },
	{ "load", cmd_load, "gate, scan and print a project's effective configuration",
	  cmd_load_help },
	{ "clone", cmd_clone, "fetch a repository, scan it, and check out only if it passes",
	  cmd_clone_help },
	{ "exec", cmd_exec, "run an agent only if its project passes the gate", cmd_exec_help },
	{ "shell-init", cmd_shell_init, "print shell functions that gate every agent start",
	  cmd_shell_init_help },
	{ "scan", cmd_scan, "scan context files for hidden instructions and attacks",
	  cmd_scan_help },
	{ "quarantine", cmd_quarantine, "move a poisoned memory file aside, or put it back",
	  cmd_quarantine_help },
	{ "surfaces", cmd_surfaces,
	  "list the files every agent loads or runs, as airlock knows them", cmd_surfaces_help },
	{ "rules", cmd_rules, "list the rules a scan applies, or explain one", cmd_rules_help },
	{ "completion", cmd_completion, "print a completion script for bash, zsh or fish",
	  cmd_completion_help },
	{ "version", cmd_version, "print airlock's version", cmd_version_help },
	{ "help", cmd_help, "show help for a command", cmd_help_help },
};

static const char overview[] =
	"airlock - stands between an AI coding agent and the project folder it opens.\n"
	"\n"
	"Project-local agent configuration (hooks, MCP servers, env overrides, CLAUDE.md,\n"
	"AGENTS.md, rules, skills) is attacker-controlled input. airlock reads it only as\n"
	"bytes to hash until you decide to trust it, and never follows a link out of the\n"
	"project or reads anything but regular files.\n"
	"\n"
	"Usage: airlock [--help | --version] COMMAND [OPTIONS] [ARGS]\n"
	"\n"
	"Every command also takes --color=auto|always|never (auto: colour on a terminal,\n"
	"unless NO_COLOR is set or TERM is dumb).\n"
	"\n"
	"Commands:\n";

static const char exit_codes[] =
	"\n"
	"Exit codes:\n"
	"  0  ok / clean\n"
	"  1  findings at or above the threshold\n"
	"  2  usage or I/O error\n"
	"  3  untrusted (no trust decision recorded)\n"
	"  4  executable configuration changed since it was trusted\n"
	"  5  denied\n"
	"  exec: 180 plus these for its own refusals (183 untrusted, ...);\n"
	"  the agent's own exit status, unchanged, when it ran\n"
	"\n"
	"Run 'airlock help COMMAND' for a command's options, 'airlock help config' for\n"
	"your own settings (the default --fail-on, rules you turn off).\n";

const struct command *cli_commands(size_t *n)
{
	*n = sizeof(commands) / sizeof(commands[0]);
	return commands;
}

const struct command *cli_find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void print_overview(FILE *f)
{
	fputs(overview, f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-11s %s\n", commands[i].name, commands[i].summary);
	fputs(exit_codes, f);
}

static int unknown_command(const char *name)
{
	char *shown = cli_escape(name);

	cli_error("unknown command '%s' (run 'airlock --help' for the list)", shown);
	free(shown);
	return EXIT_USAGE;
}

static int cmd_version(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		fputs(cmd_version_help, stdout);
		return EXIT_OK;
	}
	if (argc > 1)
		return cli_error("version takes no arguments");
	printf("airlock %s\n", airlock_version());
	return EXIT_OK;
}

static int cmd_help(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2) {
		print_overview(stdout);
		return EXIT_OK;
	}
	if (argc > 2)
		return cli_error("help takes at most one command name");
	if (strcmp(argv[1], "config") == 0) {
		fputs(cli_config_help, stdout);
		return EXIT_OK;
	}
	if (!(c = cli_find_command(argv[1])))
		return unknown_command(argv[1]);
	fputs(c->help, stdout);
	return EXIT_OK;
}

/* Takes --color[=]WHEN out of argv (before any "--": what follows it is
 * another program's). Returns the new argc, or -1 after a one-line error. */
static int take_color(int argc, char **argv)
{
	int out = 1;

	for (int i = 1; i < argc; i++) {
		const char *v = NULL;

		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strncmp(argv[i], "--color=", 8) == 0)
			v = argv[i] + 8;
		else if (strcmp(argv[i], "--color") == 0 && i + 1 < argc)
			v = argv[++i];
		if (!v) {
			argv[out++] = argv[i];
			continue;
		}
		if (strcmp(v, "auto") == 0)
			cli_color_mode = COLOR_AUTO;
		else if (strcmp(v, "always") == 0)
			cli_color_mode = COLOR_ALWAYS;
		else if (strcmp(v, "never") == 0)
			cli_color_mode = COLOR_NEVER;
		else {
			cli_error("--color needs auto, always or never, not '%s'", v);
			return -1;
		}
	}
	argv[out] = NULL;
	return out;
}

int main(int argc, char **argv)
{
	const struct command *c;

	if ((argc = take_color(argc, argv)) < 0)
		return EXIT_USAGE;
	if (argc < 2) {
		print_overview(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		print_overview(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("airlock %s\n", airlock_version());
		return EXIT_OK;
	}
	if (argv[1][0] == '-')
		return cli_error("unknown option '%s' (run 'airlock --help')", argv[1]);
	if (!(c = cli_find_command(argv[1])))
		return unknown_command(argv[1]);
	return c->run(argc - 1, argv + 1);
}
