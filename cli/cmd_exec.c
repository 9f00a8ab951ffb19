/*
 * cmd_exec.c - `airlock exec`: gate the project, then start the agent in the
 * folder that was judged and, for Claude Code, with what was judged.
 *
 * The agent reads its configuration itself, after the gate. Two things keep
 * what it reads to what airlock read:
 *  - it starts in the folder reached from the descriptor the snapshot was
 *    read through (airlock_project_chdir), not in the folder a path names;
 *  - with --pin, Claude Code is told to read no project settings and no
 *    project MCP servers (--setting-sources user --strict-mcp-config) and is
 *    handed the bytes airlock read, hashed and scanned (airlock_entry_data),
 *    in files of airlock's own (--settings, --mcp-config): a swap of the
 *    project's files after the check does not reach it. It is a choice,
 *    since Claude Code then leaves out the project's CLAUDE.md and skills
 *    too. A restricted project always starts claude without the project's
 *    executable configuration. Other agents read their files from the
 *    project again: for them the window stays (README, `help exec`).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"

const char cmd_exec_help[] =
	"Usage: airlock exec [--dir DIR] [--fail-on SEVERITY] [--pin] -- COMMAND [ARGS...]\n"
	"\n"
	"Gates the project in DIR (default: the current directory) exactly as 'airlock\n"
	"load' does, then runs COMMAND (e.g. 'airlock exec -- claude') only if the\n"
	"project is trusted (or has no executable configuration) and its scan passes.\n"
	"Otherwise explains why on stderr, runs nothing, and exits with a code of its\n"
	"own. COMMAND starts in DIR as it was judged: the folder is reached from the\n"
	"directory airlock read, not by its path again (a subfolder of a repository\n"
	"is judged as the repository; the agent still starts in the subfolder).\n"
	"\n"
	"Options:\n"
	"  --dir DIR   the project (default: the current directory)\n"
	"  --fail-on SEVERITY\n"
	"              refuse on findings at SEVERITY and above: info, low, medium,\n"
	"              high or critical (default: the fail-on of your config, else\n"
	"              high; see 'airlock help config')\n"
	"  --pin       Claude Code only: start it with exactly what airlock read and\n"
	"              scanned -- the project's .claude/settings.json (merged with\n"
	"              settings.local.json) and .mcp.json copied into private files and\n"
	"              passed as --settings and --mcp-config, with --strict-mcp-config\n"
	"              --setting-sources user, so a file swapped after the check does\n"
	"              not reach it. The price: Claude Code then also leaves out the\n"
	"              project's CLAUDE.md, rules, skills, agents and commands, and your\n"
	"              own MCP servers. A flag you pass yourself is not added again.\n"
	"\n"
	"Without --pin, the agent reads its configuration from the project itself,\n"
	"after the check: a file changed in that window reaches it (the scripts hooks\n"
	"and servers run are read when they run, in every case).\n"
	"\n"
	"A restricted project ('airlock trust --restricted') starts Claude Code pinned\n"
	"to none of the project's settings and servers (--setting-sources user\n"
	"--strict-mcp-config). Every other agent reads its configuration from the\n"
	"project itself, so a restricted project is refused for them.\n"
	"\n"
	"Exit codes: COMMAND's own exit status, unchanged, when it ran. When airlock\n"
	"refused, 180 plus the code 'airlock load' would give, so that a refusal never\n"
	"reads as the agent's own status:\n"
	"  181  blocked (findings at or above the threshold, or an unreadable file)\n"
	"  182  usage or I/O error\n"
	"  183  untrusted (no decision), or restricted for an agent other than claude\n"
	"  184  executable configuration changed since it was trusted\n"
	"  185  denied\n"
	"  126, 127  COMMAND could not be run (127: not found), as in shells\n";

/* The agent that can be told to leave the project's configuration alone. */
static const char claude_program[] = "claude";

/* --- finding the command before leaving the folder it was named in --------------- */

/* argv[0] as execvp would find it from the folder exec was started in, made
 * absolute: a relative name (or "." in PATH) finds what it named there, not
 * a program of the project exec then changes into. New; NULL with errno set
 * when there is none. */
static char *find_program(const char *name)
{
	const char *dir = getenv("PATH");
	char *cwd = getcwd(NULL, 0), *found = NULL;
	int err = ENOENT;

	if (strchr(name, '/')) {
		if (name[0] == '/' || !cwd)
			found = strdup(name);
		else if (asprintf(&found, "%s/%s", cwd, name) < 0)
			found = NULL;
		free(cwd);
		if (!found)
			errno = ENOMEM;
		return found;
	}
	for (dir = dir ? dir : "/usr/local/bin:/usr/bin:/bin"; !found; dir++) {
		size_t len = strcspn(dir, ":");
		bool relative = len == 0 || dir[0] != '/';
		char *cand;
		struct stat st;

		if (asprintf(&cand, "%s%s%.*s/%s", relative && cwd ? cwd : "",
			     relative && cwd ? "/" : "", (int)(len ? len : 1), len ? dir : ".",
			     name) < 0)
			break;
		if (access(cand, X_OK) == 0 && stat(cand, &st) == 0 && S_ISREG(st.st_mode))
			found = cand;
		else {
			if (errno == EACCES)
				err = EACCES;
			free(cand);
		}
		dir += len;
		if (!*dir)
			break;
	}
	free(cwd);
	if (!found)
		errno = err;
	return found;
}

/* execv, and for a script without a #! line what execvp does: sh runs it. */
static void run_program(const char *program, char **argv)
{
	size_t argc = 0;
	char **sh;

	execv(program, argv);
	if (errno != ENOEXEC)
		return;
	while (argv[argc])
		argc++;
	if (!(sh = calloc(argc + 2, sizeof(*sh))))
		return;
	sh[0] = (char *)"sh";
	sh[1] = (char *)program;
	memcpy(sh + 2, argv + 1, (argc ? argc - 1 : 0) * sizeof(*sh));
	execv("/bin/sh", sh);
	free(sh);
	errno = ENOEXEC;
}

/* --- Claude Code's flags ----------------------------------------------------------- */

/* Which of the flags exec adds the user passed already (before any "--"),
 * and the value of --setting-sources. */
struct claude_flags {
	bool settings, mcp_config, strict, sources;
	const char *sources_value;
};

static bool flag_is(const char *arg, const char *flag, const char **value)
{
	size_t n = strlen(flag);

	if (strncmp(arg, flag, n) != 0)
		return false;
	if (arg[n] == '=')
		*value = arg + n + 1;
	return arg[n] == '\0' || arg[n] == '=';
}

static void claude_flags(struct claude_flags *f, char **args)
{
	memset(f, 0, sizeof(*f));
	for (size_t i = 0; args[i] && strcmp(args[i], "--") != 0; i++) {
		const char *value = NULL;

		if (flag_is(args[i], "--settings", &value))
			f->settings = true;
		else if (flag_is(args[i], "--mcp-config", &value))
			f->mcp_config = true;
		else if (strcmp(args[i], "--strict-mcp-config") == 0)
			f->strict = true;
		else if (flag_is(args[i], "--setting-sources", &value)) {
			f->sources = true;
			f->sources_value = value ? value : args[i + 1];
		}
	}
}

/* True when a --setting-sources value names a source other than "user". */
static bool sources_beyond_user(const char *value)
{
	while (value && *value) {
		size_t len = strcspn(value, ",");
		const char *s = value, *e = value + len;

		while (s < e && isspace((unsigned char)*s))
			s++;
		while (e > s && isspace((unsigned char)e[-1]))
			e--;
		if (e > s && !(e - s == 4 && strncmp(s, "user", 4) == 0))
			return true;
		value += len + (value[len] == ',');
	}
	return false;
}

/* --- the files handed to Claude Code ----------------------------------------------- */

/* Where they go: $XDG_RUNTIME_DIR/airlock, else $TMPDIR/airlock-UID (or
 * /tmp), a folder of the user's own (0700, not a link), and in it one folder
 * per start, named for the process: the agent keeps exec's pid, so a later
 * exec removes the folders of agents that have ended. */
static char *files_base(void)
{
	const char *run = getenv("XDG_RUNTIME_DIR"), *tmp = getenv("TMPDIR");
	char *base;

	if (run && run[0] == '/') {
		if (asprintf(&base, "%s/airlock", run) < 0)
			return NULL;
	} else if (asprintf(&base, "%s/airlock-%u", tmp && tmp[0] == '/' ? tmp : "/tmp",
			    (unsigned)geteuid()) < 0) {
		return NULL;
	}
	return base;
}

/* Removes the folder `name` of `basefd` and the files in it. */
static void remove_files_dir(int basefd, const char *name)
{
	int fd = openat(basefd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;

	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			unlinkat(fd, de->d_name, 0);
	closedir(d);
	unlinkat(basefd, name, AT_REMOVEDIR);
}

/* The folders of starts whose process is gone. Best effort. */
static void sweep(int basefd)
{
	int fd = dup(basefd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;

	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((de = readdir(d))) {
		int pid, used = 0;

		if (sscanf(de->d_name, "exec-%d-%n", &pid, &used) != 1 || used == 0 || pid <= 0 ||
		    pid == (int)getpid())
			continue;
		if (kill(pid, 0) < 0 && errno == ESRCH)
			remove_files_dir(basefd, de->d_name);
	}
	closedir(d);
}

/* A new private folder for this start's files; new path, or NULL after a
 * one-line error. */
static char *files_dir(void)
{
	char *base = files_base(), *dir = NULL;
	struct stat st;
	int fd = -1;

	if (!base) {
		cli_error("exec: out of memory");
		return NULL;
	}
	if (mkdir(base, 0700) < 0 && errno != EEXIST) {
		cli_error("exec: cannot create %s: %s", base, strerror(errno));
		goto out;
	}
	fd = open(base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0 || st.st_uid != geteuid() || (st.st_mode & 077)) {
		cli_error("exec: %s is not a folder of yours that only you can read (0700)", base);
		goto out;
	}
	sweep(fd);
	if (asprintf(&dir, "%s/exec-%d-XXXXXX", base, (int)getpid()) < 0) {
		dir = NULL;
		cli_error("exec: out of memory");
	} else if (!mkdtemp(dir)) {
		cli_error("exec: cannot create a folder in %s: %s", base, strerror(errno));
		free(dir);
		dir = NULL;
	}
out:
	if (fd >= 0)
		close(fd);
	free(base);
	return dir;
}

/* Writes `len` bytes to dir/name, a new file only its owner may read; the
 * new path, or NULL after a one-line error. */
static char *write_file(const char *dir, const char *name, const char *data, size_t len)
{
	char *path;
	int fd;

	if (asprintf(&path, "%s/%s", dir, name) < 0) {
		cli_error("exec: out of memory");
		return NULL;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0400);
	while (fd >= 0 && len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		data += n;
		len -= (size_t)n;
	}
	if (fd < 0 || len > 0 || close(fd) < 0) {
		cli_error("exec: cannot write %s: %s", path, strerror(errno ? errno : EIO));
		if (fd >= 0 && len > 0)
			close(fd);
		free(path);
		return NULL;
	}
	return path;
}

/* The bytes airlock read of the project file `rel` below the folder the
 * agent starts in; NULL when there is none (or it was not read). */
static const char *verified(const airlock_project *p, const char *rel, size_t *len)
{
	const char *sub = airlock_project_subdir(p);
	size_t sublen = strlen(sub);

	for (size_t i = 0; i < airlock_project_entry_count(p); i++) {
		const airlock_entry *e = airlock_project_entry(p, i);
		const char *path = airlock_entry_path(e);

		if (sublen && (strncmp(path, sub, sublen) != 0 || path[sublen] != '/'))
			continue;
		if (strcmp(path + (sublen ? sublen + 1 : 0), rel) == 0)
			return airlock_entry_data(e, len);
	}
	return NULL;
}

/* `over` into `base` as Claude Code layers its settings files: objects key
 * by key, arrays joined (a string or number already there is not repeated),
 * anything else replaced by the later file's. */
static int merge_settings(json_t *base, json_t *over)
{
	const char *key;
	json_t *v;

	json_object_foreach(over, key, v)
	{
		json_t *b = json_object_get(base, key);

		if (json_is_object(b) && json_is_object(v)) {
			if (merge_settings(b, v) < 0)
				return -1;
		} else if (json_is_array(b) && json_is_array(v)) {
			size_t i, j;
			json_t *item, *have;

			json_array_foreach(v, i, item)
			{
				bool dup = false;

				if (!json_is_object(item) && !json_is_array(item))
					json_array_foreach(b, j, have) dup =
						dup || json_equal(have, item);
				if (!dup && json_array_append(b, item) < 0)
					return -1;
			}
		} else if (json_object_set(base, key, v) < 0) {
			return -1;
		}
	}
	return 0;
}

/* The settings to hand over: settings.json as read, settings.local.json as
 * read, or both merged. New text (*len set), NULL when the project has
 * neither, or *failed after a one-line error. */
static char *claude_settings(const airlock_project *p, size_t *len, bool *failed)
{
	size_t plen, llen;
	const char *proj = verified(p, ".claude/settings.json", &plen);
	const char *local = verified(p, ".claude/settings.local.json", &llen);
	json_t *a = NULL, *b = NULL;
	char *out = NULL;

	*failed = false;
	if (!proj || !local) {
		const char *one = proj ? proj : local;

		*len = proj ? plen : llen;
		if (one && !(out = malloc(*len ? *len : 1)))
			*failed = true;
		else if (one)
			memcpy(out, one, *len);
		if (*failed)
			cli_error("exec: out of memory");
		return out;
	}
	a = json_loadb(proj, plen, JSON_REJECT_DUPLICATES, NULL);
	b = json_loadb(local, llen, JSON_REJECT_DUPLICATES, NULL);
	if (json_is_object(a) && json_is_object(b) && merge_settings(a, b) == 0)
		out = json_dumps(a, JSON_COMPACT | JSON_ENSURE_ASCII);
	if (out)
		*len = strlen(out);
	else {
		*failed = true;
		cli_error(
			"exec: cannot merge .claude/settings.local.json into .claude/settings.json for claude");
	}
	json_decref(a);
	json_decref(b);
	return out;
}

/* What exec hands Claude Code: the private folder, the files in it and the
 * flags that name them; each new or NULL. */
struct handover {
	char *dir, *settings, *mcp, *settings_arg, *mcp_arg;
};

/* Removes the folder of a start that did not happen, and frees `h`. */
static void handover_clear(struct handover *h, bool remove)
{
	char *slash = h->dir ? strrchr(h->dir, '/') : NULL;
	int basefd;

	if (remove && slash) {
		*slash = '\0';
		if ((basefd = open(h->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
			remove_files_dir(basefd, slash + 1);
			close(basefd);
		}
	}
	free(h->dir);
	free(h->settings);
	free(h->mcp);
	free(h->settings_arg);
	free(h->mcp_arg);
	memset(h, 0, sizeof(*h));
}

/* "--flag=value", new; NULL after a one-line error. */
static char *flag_arg(const char *flag, const char *value)
{
	char *s;

	if (asprintf(&s, "%s=%s", flag, value) < 0) {
		cli_error("exec: out of memory");
		return NULL;
	}
	return s;
}

/* Writes the files of the project's verified settings and servers (none
 * for a restricted project, none the user names a file for himself). 0, or
 * -1 after a one-line error. */
static int handover_write(struct handover *h, const struct claude_flags *f,
			  const airlock_project *p, bool restricted)
{
	size_t len = 0, mcp_len = 0;
	char *settings = NULL;
	const char *mcp = NULL;
	bool failed = false;

	if (restricted)
		return 0;
	if (!f->settings && !(settings = claude_settings(p, &len, &failed)) && failed)
		return -1;
	if (!f->mcp_config)
		mcp = verified(p, ".mcp.json", &mcp_len);
	if ((settings || mcp) && !(h->dir = files_dir()))
		failed = true;
	if (!failed && settings &&
	    (!(h->settings = write_file(h->dir, "settings.json", settings, len)) ||
	     !(h->settings_arg = flag_arg("--settings", h->settings))))
		failed = true;
	if (!failed && mcp &&
	    (!(h->mcp = write_file(h->dir, "mcp.json", mcp, mcp_len)) ||
	     !(h->mcp_arg = flag_arg("--mcp-config", h->mcp))))
		failed = true;
	free(settings);
	return failed ? -1 : 0;
}

/* Claude Code's command line: argv[0], the flags the user did not pass
 * (the files of `h` first), then the user's arguments in their order. New
 * array of borrowed strings; NULL after a one-line error. */
static char **claude_argv(char **argv, const struct handover *h)
{
	struct claude_flags f;
	size_t argc = 0, n = 0;
	char **out;

	claude_flags(&f, argv + 1);
	while (argv[argc])
		argc++;
	if (!(out = calloc(argc + 5, sizeof(*out)))) {
		cli_error("exec: out of memory");
		return NULL;
	}
	out[n++] = argv[0];
	if (h->settings_arg)
		out[n++] = h->settings_arg;
	if (h->mcp_arg)
		out[n++] = h->mcp_arg;
	if (!f.strict)
		out[n++] = (char *)"--strict-mcp-config";
	if (!f.sources)
		out[n++] = (char *)"--setting-sources=user";
	for (size_t i = 1; i < argc; i++)
		out[n++] = argv[i];
	return out;
}

/* --- the command ------------------------------------------------------------------- */

static bool is_claude(const char *program)
{
	const char *slash = strrchr(program, '/');

	return strcmp(slash ? slash + 1 : program, claude_program) == 0;
}

/* A restricted project, for an agent that would load its executable
 * configuration itself (or claude asked to): refused. */
static int refuse_restricted(const airlock_project *p, const char *program)
{
	char *dir = cli_escape(airlock_project_path(p)), *prog = cli_escape(program);

	if (is_claude(program))
		cli_error(
			"exec: %s is restricted, and claude's --setting-sources would load the project's settings again; leave it out, or trust the project",
			dir);
	else
		cli_error(
			"exec: %s is restricted, and '%s' would load its hooks and servers anyway; only claude (Claude Code) can be started without them, or trust the project",
			dir, prog);
	free(dir);
	free(prog);
	return EXIT_UNTRUSTED;
}

/* Gates, then replaces this process with the command; returns only on a
 * refusal or failure, with the exit code 'airlock load' would give (or
 * 126/127 when the command could not be run). */
static int exec_gated(int argc, char **argv)
{
	airlock_project *p = NULL;
	airlock_options opts;
	airlock_config *c = NULL;
	struct handover h = { 0 };
	struct claude_flags f;
	char **run = NULL, *program = NULL;
	const char *dir = ".";
	bool restricted, claude, pin = false;
	airlock_severity fail_on = 0;
	int i, r, rc, err = 0;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(cmd_exec_help, stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--pin") == 0) {
			pin = true;
		} else if ((r = cli_fail_on_option(&fail_on, argc, argv, &i)) != 0) {
			if (r < 0)
				return EXIT_USAGE;
		} else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
			dir = argv[++i];
		} else if (strncmp(argv[i], "--dir=", 6) == 0) {
			dir = argv[i] + 6;
		} else {
			return cli_error(
				"exec: expected '-- COMMAND', got '%s' (run 'airlock help exec')",
				argv[i]);
		}
	}
	if (i + 1 >= argc)
		return cli_error("exec: no command given after '--'");
	argv += i + 1;
	claude = is_claude(argv[0]);
	if (pin && !claude)
		return cli_error("exec: --pin is for claude (Claude Code) only");
	claude_flags(&f, argv + 1);
	if ((rc = cli_options(&opts)) != 0)
		return rc;
	if (fail_on)
		opts.block_threshold = fail_on;
	opts.flags |= AIRLOCK_OPT_REPO_ROOT; /* a subfolder is its repository */
	if ((rc = cli_project_open(&p, dir, &opts)) < 0)
		return cli_lib_error(rc, "exec");
	if ((rc = airlock_project_load(&c, p)) < 0) {
		rc = load_refusal(rc, p, "exec");
		goto out;
	}
	restricted = airlock_config_state(c) == AIRLOCK_STATE_RESTRICTED;
	if (restricted && (!claude || sources_beyond_user(f.sources_value))) {
		rc = refuse_restricted(p, argv[0]);
		goto out;
	}
	/* found where exec was started, before it leaves that folder */
	if (!(program = find_program(argv[0]))) {
		err = errno;
		goto out;
	}
	if (claude && (pin || restricted) &&
	    (handover_write(&h, &f, p, restricted) < 0 || !(run = claude_argv(argv, &h)))) {
		rc = EXIT_USAGE;
		goto out;
	}
	if ((rc = airlock_project_chdir(p)) < 0) {
		rc = cli_lib_error(rc, "exec");
		goto out;
	}
	airlock_config_free(c);
	airlock_project_free(p);
	c = NULL;
	p = NULL;
	fflush(NULL);
	run_program(program, run ? run : argv);
	err = errno;
out:
	airlock_config_free(c);
	airlock_project_free(p);
	if (err) {
		rc = err == ENOENT ? 127 : 126; /* as shells report it */
		cli_error("exec: cannot run '%s': %s", argv[0], strerror(err));
	}
	handover_clear(&h, true); /* reached only when nothing was started */
	free(program);
	free(run);
	return rc;
}

int cmd_exec(int argc, char **argv)
{
	int rc = exec_gated(argc, argv);

	if (rc >= EXIT_FINDINGS && rc <= EXIT_DENIED)
		return EXIT_EXEC_BASE + rc;
	return rc;
}
