/*
 * cmd_scan.c - `airlock scan [PATH...]`: findings for project folders and files.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

const char cmd_scan_help[] =
	"Usage: airlock scan [OPTIONS] [PATH...]\n"
	"       airlock scan [OPTIONS] - [--stdin-name NAME]\n"
	"\n"
	"Scans each PATH (default: the current directory) for instructions hidden from\n"
	"people and attacks on the agent: YARA signatures (instruction override, role\n"
	"spoofing, concealment, credential access, exfiltration, embedded keys, remote\n"
	"code execution, persistence, safety bypass), run on the text and again on its\n"
	"normalized view, and a Unicode analysis (tag characters, bidi controls,\n"
	"invisible characters, terminal escapes, look-alike letters, invalid UTF-8).\n"
	"\n"
	"A directory is scanned through its surfaces table (the files `airlock status`\n"
	"lists); a context path that cannot be read (a symlink out of the project, a\n"
	"FIFO, an over-size file) is a finding itself. A file is scanned as the kind its\n"
	"name implies: *.md instructions, settings.json and .mcp.json settings, *.sh a\n"
	"script. Nothing is run, and no suppression is ever read from the scanned files.\n"
	"A PATH of '-' is standard input, read as the kind NAME implies (default\n"
	"stdin.md: Markdown instructions); write ./- for a file of that name.\n"
	"\n"
	"Options:\n"
	"  --format text|json|sarif  output for people (default), programs, or code\n"
	"                            scanning tools (SARIF 2.1.0, URIs relative to the\n"
	"                            repository root of the first PATH)\n"
	"  --fail-on SEVERITY        exit 1 when a finding is at or above SEVERITY:\n"
	"                            info, low, medium, high or critical (default: the\n"
	"                            fail-on of your config, else high)\n"
	"  --all-files               scan every text file, not only the context files\n"
	"  --output FILE             write the report to FILE (replaced; not a symlink)\n"
	"                            instead of standard output\n"
	"  --stdin-name NAME         the name standard input is scanned as (with '-')\n"
	"  --no-sandbox              scan in this process, not a confined child (debugging\n"
	"                            only: a parser bug would then run with your rights)\n"
	"  --no-cache                scan every file again: no verdicts from the cache\n"
	"  --memory [DIR...]         scan agents' memory, incrementally (see\n"
	"                            'airlock scan --memory --help')\n"
	"  --rules DIR               also apply your own YARA rule sources (*.yar in DIR;\n"
	"                            compiled at start, `include` disabled)\n"
	"  --git REPO                scan a commit of the git repository REPO from its\n"
	"                            object database (no checkout, no filters, no hooks)\n"
	"  --rev REV | A..B          the commit (default HEAD), or every commit of a range,\n"
	"                            each reported with the findings it introduced (in\n"
	"                            SARIF: one run, each result naming its commit)\n"
	"  -h, --help                show this help\n"
	"\n"
	"Your config ('airlock help config') sets the default --fail-on and may disable\n"
	"rules; the text output then ends by naming them.\n"
	"\n"
	"Environment:\n"
	"  AIRLOCK_SIGNATURES  the compiled signatures to load instead of the installed ones\n"
	"  AIRLOCK_CONFIG      your config file instead of ~/.config/airlock/config (empty: none)\n"
	"  AIRLOCK_CACHE_DIR   the verdict cache (default $XDG_CACHE_HOME/airlock/verdicts,\n"
	"                      else ~/.cache/airlock/verdicts); set empty: no cache\n"
	"  NO_COLOR            no colour in text output (also TERM=dumb; --color overrides)\n"
	"\n"
	"Exit codes: 0 nothing at or above the threshold, 1 findings at or above it,\n"
	"2 usage, I/O or scan error (a scan that failed is never reported as clean).\n";

struct scan_args {
	enum output_format format;
	airlock_severity fail_on;
	bool all_files, no_sandbox, no_cache;
	const char *rules_dir;
	const char *git, *rev; /* --git REPO [--rev REV] */
	const char *output, *stdin_name;
	const char **paths;
	size_t npaths;
};

/* Returns 0 to go on, or an exit code. */
static int parse_args(struct scan_args *a, int argc, char **argv)
{
	bool only_paths = false;

	a->format = FORMAT_TEXT;
	if (!(a->paths = calloc((size_t)argc + 1, sizeof(char *))))
		return cli_error("out of memory");
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		int r;

		if (!only_paths) {
			if ((r = cli_format_option_ex(&a->format, argc, argv, &i, true)) < 0)
				return EXIT_USAGE;
			if (r > 0)
				continue;
		}
		if (only_paths || arg[0] != '-' || arg[1] == '\0') {
			a->paths[a->npaths++] = arg;
		} else if (strcmp(arg, "--") == 0) {
			only_paths = true;
		} else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			fputs(cmd_scan_help, stdout);
			return -EXIT_OK - 1;
		} else if (strcmp(arg, "--git") == 0 || strcmp(arg, "--rev") == 0) {
			if (i + 1 >= argc)
				return cli_error("%s needs a value (run 'airlock help scan')", arg);
			*(arg[2] == 'g' ? &a->git : &a->rev) = argv[++i];
		} else if (strcmp(arg, "--output") == 0 || strcmp(arg, "--stdin-name") == 0) {
			if (i + 1 >= argc || !*argv[i + 1])
				return cli_error("%s needs a value (run 'airlock help scan')", arg);
			*(arg[2] == 'o' ? &a->output : &a->stdin_name) = argv[++i];
		} else if (strcmp(arg, "--no-sandbox") == 0) {
			a->no_sandbox = true;
		} else if (strcmp(arg, "--no-cache") == 0) {
			a->no_cache = true;
		} else if (strcmp(arg, "--all-files") == 0) {
			a->all_files = true;
		} else if ((r = cli_fail_on_option(&a->fail_on, argc, argv, &i)) != 0) {
			if (r < 0)
				return EXIT_USAGE;
		} else if (strcmp(arg, "--rules") == 0 || strncmp(arg, "--rules=", 8) == 0) {
			a->rules_dir = arg[7] == '=' ? arg + 8 : (i + 1 < argc ? argv[++i] : NULL);
			if (!a->rules_dir || !*a->rules_dir)
				return cli_error("--rules needs a folder of YARA rule sources");
		} else {
			char *shown = cli_escape(arg);

			cli_error("scan: unknown option '%s' (run 'airlock help scan')", shown);
			free(shown);
			return EXIT_USAGE;
		}
	}
	if (a->rev && !a->git)
		return cli_error("scan: --rev needs --git REPO");
	if (a->git && a->npaths)
		return cli_error("scan: --git scans a repository's commits, not PATHs");
	if (a->npaths == 0)
		a->paths[a->npaths++] = ".";
	if (a->stdin_name) {
		bool dash = false;

		for (size_t i = 0; i < a->npaths; i++)
			dash |= strcmp(a->paths[i], "-") == 0;
		if (!dash)
			return cli_error("scan: --stdin-name names standard input: give '-' too");
	}
	return 0;
}

/* Standard input, up to the per-file cap and one byte more (so that an
 * over-size input is reported as such, not cut). New; NULL after an error. */
static unsigned char *read_stdin(size_t *len)
{
	size_t cap = 4u * 1024 * 1024 + 1, n = 0;
	unsigned char *buf = malloc(cap);

	if (!buf) {
		cli_error("out of memory");
		return NULL;
	}
	while (n < cap) {
		size_t got = fread(buf + n, 1, cap - n, stdin);

		n += got;
		if (got == 0) {
			if (ferror(stdin)) {
				cli_error("scan: cannot read standard input: %s", strerror(errno));
				free(buf);
				return NULL;
			}
			break;
		}
	}
	*len = n;
	return buf;
}

/* --output FILE: standard output goes there from now on. */
static int redirect_output(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);

	if (fd < 0)
		return cli_error("scan: cannot write '%s': %s", path, strerror(errno));
	fflush(stdout);
	if (dup2(fd, STDOUT_FILENO) < 0) {
		close(fd);
		return cli_error("scan: cannot write '%s': %s", path, strerror(errno));
	}
	close(fd);
	return 0;
}

static int scan_path(struct scan_result *res, const char *path, const char *stdin_name, bool single,
		     const airlock_options *opts)
{
	airlock_project *p = NULL;
	struct stat st;
	int rc;

	res->prefix = NULL;
	res->path = path;
	res->is_dir = false;
	if (strcmp(path, "-") == 0) {
		size_t len = 0;
		unsigned char *data = read_stdin(&len);

		if (!data)
			return EXIT_USAGE;
		res->path = stdin_name;
		rc = airlock_buffer_scan(&res->report, stdin_name, data, len, opts);
		free(data);
		return rc < 0 ? cli_lib_error(rc, "scan") : 0;
	}
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		if ((rc = cli_project_open(&p, path, opts)) < 0)
			return cli_lib_error(rc, "scan");
		rc = airlock_project_scan(&res->report, p);
		airlock_project_free(p);
		if (rc < 0)
			return cli_lib_error(rc, "scan");
		res->prefix = single ? NULL : path;
		res->is_dir = true;
		return 0;
	}
	if ((rc = airlock_file_scan(&res->report, path, opts)) < 0)
		return cli_lib_error(rc, "scan");
	return 0;
}

int cmd_scan(int argc, char **argv)
{
	struct scan_args a = { 0 };
	airlock_options opts;
	struct scan_result *res = NULL;
	bool blocked = false;
	size_t done = 0;
	int rc;

	if (scan_memory_requested(argc, argv))
		return cmd_scan_memory(argc, argv);
	if ((rc = parse_args(&a, argc, argv)) != 0) {
		free(a.paths);
		return rc < 0 ? EXIT_OK : rc;
	}
	if ((rc = cli_options(&opts)) != 0) {
		free(a.paths);
		return rc;
	}
	if (a.fail_on)
		opts.block_threshold = a.fail_on; /* the command line wins */
	a.fail_on = opts.block_threshold;
	opts.rules_dir = a.rules_dir;
	opts.flags = a.all_files ? AIRLOCK_OPT_ALL_FILES : 0;
	if (a.no_cache)
		opts.flags |= AIRLOCK_OPT_NO_CACHE;
	if (a.no_sandbox) {
		opts.flags |= AIRLOCK_OPT_NO_SANDBOX;
		fprintf(stderr,
			"airlock: WARNING: --no-sandbox: the parsers run unconfined in this process; a parser bug could run code with your rights (debugging only)\n");
	}
	if (a.git) {
		rc = scan_git(a.git, a.rev, a.format, a.fail_on, &opts);
		goto out;
	}
	if (!(res = calloc(a.npaths, sizeof(*res)))) {
		rc = cli_error("out of memory");
		goto out;
	}
	for (; done < a.npaths; done++) {
		if ((rc = scan_path(&res[done], a.paths[done],
				    a.stdin_name ? a.stdin_name : "stdin.md", a.npaths == 1,
				    &opts)) != 0)
			goto out;
		blocked |= airlock_report_blocks(res[done].report) != 0;
	}
	if (a.output && (rc = redirect_output(a.output)) != 0)
		goto out;
	if (a.format == FORMAT_JSON)
		rc = report_print_json(res, done, a.fail_on);
	else if (a.format == FORMAT_SARIF)
		rc = report_print_sarif(res, done, SARIF_SCAN);
	else
		rc = report_print_text(res, done, a.fail_on);
	if (rc == 0)
		rc = blocked ? EXIT_FINDINGS : EXIT_OK;
out:
	for (size_t i = 0; res && i < done; i++)
		airlock_report_free(res[i].report);
	free(res);
	free(a.paths);
	return rc;
}
