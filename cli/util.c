/*
 * util.c - messages, options and escaping shared by the subcommands.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

int cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("airlock: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_USAGE;
}

int cli_lib_error(int code, const char *what)
{
	const char *msg = airlock_error_last();

	(void)code;
	return cli_error("%s: %s", what, *msg ? msg : "failed");
}

int cli_format_option(enum output_format *out, int argc, char **argv, int *i)
{
	const char *arg = argv[*i], *value;

	if (strcmp(arg, "--format") == 0) {
		if (*i + 1 >= argc) {
			cli_error("--format needs a value: text or json");
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
	} else {
		char *shown = cli_escape(value);

		cli_error("unknown format '%s' (expected text or json)", shown);
		free(shown);
		return -1;
	}
	return 1;
}

bool cli_color(FILE *f)
{
	const char *no = getenv("NO_COLOR");

	return isatty(fileno(f)) && !(no && *no);
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

int cli_dir_args(const char **dir, enum output_format *format, int argc, char **argv,
		 const char *help)
{
	*dir = NULL;
	for (int i = 1; i < argc; i++) {
		int r = format ? cli_format_option(format, argc, argv, &i) : 0;

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
