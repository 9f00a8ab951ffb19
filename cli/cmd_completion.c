/*
 * cmd_completion.c - `airlock completion bash|zsh|fish`: shell completion
 * scripts made from the command table (cli/main.c) and each command's help,
 * so a new command or option is completed without anyone editing a script.
 *
 * An option is a help line that starts, after its indent, with '-': every
 * "-x" and "--name" before the two spaces that start its description. The
 * values of --format are the words of "--format a|b|c".
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_completion_help[] =
	"Usage: airlock completion bash|zsh|fish\n"
	"\n"
	"Prints a completion script for the shell: commands, each command's options,\n"
	"the values of --format, and file names for the rest.\n"
	"\n"
	"  bash  eval \"$(airlock completion bash)\" in ~/.bashrc, or save it as\n"
	"        /usr/share/bash-completion/completions/airlock\n"
	"  zsh   save it as _airlock in a folder of $fpath\n"
	"  fish  airlock completion fish > ~/.config/fish/completions/airlock.fish\n"
	"\n"
	"make install installs all three.\n";

#define MAX_OPTS 32

struct opts {
	char name[MAX_OPTS][32];
	size_t n;
	char formats[64]; /* "text json sarif", or empty */
};

/* The word at *p (up to a space, a comma or the end), advancing *p. */
static size_t next_word(const char **p, const char *end)
{
	size_t len;

	while (*p < end && (**p == ' ' || **p == ','))
		(*p)++;
	for (len = 0; *p + len < end && (*p)[len] != ' ' && (*p)[len] != ','; len++)
		;
	*p += len;
	return len;
}

static void add_option(struct opts *o, const char *w, size_t len)
{
	for (size_t i = 0; i < o->n; i++)
		if (strlen(o->name[i]) == len && strncmp(o->name[i], w, len) == 0)
			return;
	if (len < sizeof(o->name[0]) && o->n < MAX_OPTS)
		memcpy(o->name[o->n++], w, len);
}

/* The options of one line's words from p to end: each word that is "-x" or
 * "--name" once brackets are taken off, and the word after --format. */
static void options_in(struct opts *o, const char *p, const char *end)
{
	bool format = false;

	while (p < end) {
		size_t len = next_word(&p, end);
		const char *w = p - len;

		while (len && *w == '[') {
			w++;
			len--;
		}
		while (len && !isalnum((unsigned char)w[len - 1]))
			len--;
		if (format && len < sizeof(o->formats)) {
			memcpy(o->formats, w, len);
			for (char *c = o->formats; *c; c++)
				*c = *c == '|' ? ' ' : *c;
		}
		format = false;
		if (len >= 2 && w[0] == '-' &&
		    (isalnum((unsigned char)w[1]) ||
		     (len > 2 && w[1] == '-' && isalnum((unsigned char)w[2])))) {
			add_option(o, w, len);
			format = len == 8 && strncmp(w, "--format", 8) == 0;
		}
	}
}

/* The options of one help text: the synopsis ("Usage: airlock CMD [...]"
 * and the lines under it), and each line indented by one to four spaces that
 * starts with '-', up to its description (two spaces); continuation lines
 * are indented deeper. */
static void options_of(struct opts *o, const char *help)
{
	memset(o, 0, sizeof(*o));
	add_option(o, "-h", 2);
	add_option(o, "--help", 6);
	for (const char *line = help; *line;) {
		const char *eol = strchr(line, '\n') ? strchr(line, '\n') : line + strlen(line);
		const char *p = line + strspn(line, " "), *end = strstr(p, "  ");

		if (strncmp(line, "Usage: ", 7) == 0 || strncmp(p, "airlock ", 8) == 0) {
			options_in(o, strncmp(line, "Usage: ", 7) == 0 ? line + 7 : p, eol);
		} else if (p != line && p - line <= 4 && *p == '-') {
			options_in(o, p, end && end < eol ? end : eol);
		}
		line = *eol ? eol + 1 : eol;
	}
}

/* s inside single quotes (opened and closed by the caller) in any of the
 * three shells: a quote is closed, escaped and opened again. */
static void print_quoted(const char *s)
{
	for (; *s; s++)
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
}

static void print_words(const struct opts *o)
{
	for (size_t i = 0; i < o->n; i++)
		printf("%s%s", i ? " " : "", o->name[i]);
}

static void bash(const struct command *cmds, size_t n)
{
	printf("# airlock completion for bash: eval \"$(airlock completion bash)\"\n"
	       "_airlock() {\n"
	       "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	       "\tlocal opts= formats=\n"
	       "\tif [ \"$COMP_CWORD\" -eq 1 ]; then\n"
	       "\t\tCOMPREPLY=($(compgen -W \"");
	for (size_t i = 0; i < n; i++)
		printf("%s ", cmds[i].name);
	printf("--help --version\" -- \"$cur\"))\n"
	       "\t\treturn\n"
	       "\tfi\n"
	       "\tcase ${COMP_WORDS[1]} in\n");
	for (size_t i = 0; i < n; i++) {
		struct opts o;

		if (strcmp(cmds[i].name, "help") == 0) {
			printf("\thelp)\n\t\t[ \"$COMP_CWORD\" -eq 2 ] && COMPREPLY=($(compgen -W \"");
			for (size_t k = 0; k < n; k++)
				printf("%s%s", k ? " " : "", cmds[k].name);
			printf("\" -- \"$cur\"))\n\t\treturn ;;\n");
			continue;
		}
		if (strcmp(cmds[i].name, "completion") == 0 ||
		    strcmp(cmds[i].name, "shell-init") == 0) {
			printf("\t%s)\n\t\t[ \"$COMP_CWORD\" -eq 2 ] && "
			       "COMPREPLY=($(compgen -W \"bash zsh fish\" -- \"$cur\"))\n"
			       "\t\treturn ;;\n",
			       cmds[i].name);
			continue;
		}
		options_of(&o, cmds[i].help);
		printf("\t%s) opts=\"", cmds[i].name);
		print_words(&o);
		printf("\" formats=\"%s\" ;;\n", o.formats);
	}
	printf("\tesac\n"
	       "\tif [ \"$prev\" = --format ] && [ -n \"$formats\" ]; then\n"
	       "\t\tCOMPREPLY=($(compgen -W \"$formats\" -- \"$cur\"))\n"
	       "\telif [ \"${cur#-}\" != \"$cur\" ]; then\n"
	       "\t\tCOMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
	       "\telse\n"
	       "\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
	       "\tfi\n"
	       "}\n"
	       "complete -o filenames -F _airlock airlock\n");
}

static void zsh(const struct command *cmds, size_t n)
{
	printf("#compdef airlock\n"
	       "# airlock completion for zsh: save as _airlock in a folder of $fpath\n"
	       "_airlock() {\n"
	       "\tlocal -a commands opts formats\n"
	       "\tcommands=(\n");
	for (size_t i = 0; i < n; i++) {
		printf("\t\t'%s:", cmds[i].name);
		print_quoted(cmds[i].summary);
		printf("'\n");
	}
	printf("\t)\n"
	       "\tif (( CURRENT == 2 )); then\n"
	       "\t\t_describe command commands\n"
	       "\t\treturn\n"
	       "\tfi\n"
	       "\tcase $words[2] in\n"
	       "\thelp) (( CURRENT == 3 )) && _describe command commands; return ;;\n"
	       "\tcompletion|shell-init) (( CURRENT == 3 )) && compadd bash zsh fish; return ;;\n");
	for (size_t i = 0; i < n; i++) {
		struct opts o;

		if (!strcmp(cmds[i].name, "help") || !strcmp(cmds[i].name, "completion") ||
		    !strcmp(cmds[i].name, "shell-init"))
			continue;
		options_of(&o, cmds[i].help);
		printf("\t%s) opts=(", cmds[i].name);
		print_words(&o);
		printf(") formats=(%s) ;;\n", o.formats);
	}
	printf("\tesac\n"
	       "\tif [[ $words[CURRENT-1] == --format && ${#formats} -gt 0 ]]; then\n"
	       "\t\tcompadd -a formats\n"
	       "\telif [[ $PREFIX == -* ]]; then\n"
	       "\t\tcompadd -a opts\n"
	       "\telse\n"
	       "\t\t_files\n"
	       "\tfi\n"
	       "}\n"
	       "if [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n"
	       "\t_airlock \"$@\"\n"
	       "else\n"
	       "\tcompdef _airlock airlock\n"
	       "fi\n");
}

static void fish(const struct command *cmds, size_t n)
{
	printf("# airlock completion for fish: airlock completion fish | source\n"
	       "complete -c airlock -e\n"
	       "complete -c airlock -n __fish_use_subcommand -s h -l help -d 'show the help'\n"
	       "complete -c airlock -n __fish_use_subcommand -s V -l version -d 'print the version'\n");
	for (size_t i = 0; i < n; i++) {
		struct opts o;
		const char *name = cmds[i].name;

		printf("complete -c airlock -n __fish_use_subcommand -f -a %s -d '", name);
		print_quoted(cmds[i].summary);
		printf("'\n");
		if (!strcmp(name, "help")) {
			printf("complete -c airlock -n '__fish_seen_subcommand_from help' -f -a '");
			for (size_t k = 0; k < n; k++)
				printf("%s%s", k ? " " : "", cmds[k].name);
			printf("'\n");
			continue;
		}
		if (!strcmp(name, "completion") || !strcmp(name, "shell-init")) {
			printf("complete -c airlock -n '__fish_seen_subcommand_from %s' -f -a 'bash zsh fish'\n",
			       name);
			continue;
		}
		options_of(&o, cmds[i].help);
		for (size_t k = 0; k < o.n; k++) {
			const char *opt = o.name[k];

			printf("complete -c airlock -n '__fish_seen_subcommand_from %s' %s %s",
			       name, opt[1] == '-' ? "-l" : "-s", opt + (opt[1] == '-' ? 2 : 1));
			if (!strcmp(opt, "--format") && o.formats[0])
				printf(" -x -a '%s'", o.formats);
			printf("\n");
		}
	}
}

int cmd_completion(int argc, char **argv)
{
	size_t n;
	const struct command *cmds = cli_commands(&n);

	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		fputs(cmd_completion_help, stdout);
		return EXIT_OK;
	}
	if (argc != 2)
		return cli_error("completion needs a shell: bash, zsh or fish");
	if (strcmp(argv[1], "bash") == 0)
		bash(cmds, n);
	else if (strcmp(argv[1], "zsh") == 0)
		zsh(cmds, n);
	else if (strcmp(argv[1], "fish") == 0)
		fish(cmds, n);
	else
		return cli_error("completion: no shell '%s' (bash, zsh or fish)", argv[1]);
	return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK
						      : cli_error("cannot write the output");
}
