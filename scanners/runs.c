/*
 * runs.c - the files a command runs, from its bash syntax tree.
 *
 * Every simple command is read as the shell would: `cd` moves the folder
 * later relative paths start from (in a subshell or a pipeline only for that
 * part; after a `cd` that may not have run, the folder is unknown); wrappers
 * (timeout, env, sudo, xargs...) are seen through with their own options;
 * shells and interpreters have their options that take an argument skipped,
 * so that the script is the word after them; `source`, `eval`, `sh -c` and
 * `trap` code are followed (LIMIT_RUNS_NESTING deep); task runners name the
 * file that defines the task. What is left -- a program named by a variable,
 * a glob, an option a wrapper may take an argument for, a task whose recipe
 * is not followed -- is reported unbound, never dropped.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/limits.h"
#include "scanners/runs.h"
#include "scanners/shellwords.h"

enum anchor { A_NONE, A_ROOT, A_CWD };

struct word {
	char *s;      /* the word after quote removal (what is known of it) */
	bool known;   /* no expansion, substitution or glob left in it */
	int anchor;   /* began with $CLAUDE_PROJECT_DIR (root) or $PWD (cwd) */
	bool inline_; /* from an argv: never globbed */
};

struct state {
	char *base;       /* project-relative folder commands start in; NULL: unknown */
	int depth;        /* nesting of code in code */
	bool reads_input; /* under xargs: arguments come from the input */
	bool piped;       /* stdin is a pipe from an earlier command */
	char quote[LIMIT_RUNS_QUOTE + 8];
};

/* --- reports ----------------------------------------------------------------- */

static void report(struct al_runs *rs, const struct state *st, enum al_run_kind kind,
		   const char *path, const char *task, const char *why)
{
	struct al_run r = { kind, path, task, st->quote, why, st->depth, rs->optional };

	if (!rs->error)
		rs->fn(rs->arg, &r);
}

static void unbound(struct al_runs *rs, const struct state *st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void unbound(struct al_runs *rs, const struct state *st, const char *fmt, ...)
{
	char why[LIMIT_RUNS_QUOTE * 3];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	report(rs, st, AL_RUN_UNBOUND, NULL, NULL, why);
}

/* The text of a command for messages: one line, cut. */
static void set_quote(struct state *st, const char *s, size_t len)
{
	size_t o = 0, i;

	for (i = 0; i < len && o < LIMIT_RUNS_QUOTE; i++)
		st->quote[o++] = s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ? ' ' : s[i];
	if (i < len)
		memcpy(st->quote + o, "...", 4);
	else
		st->quote[o] = '\0';
}

/* --- paths -------------------------------------------------------------------- */

enum where { W_INSIDE, W_SYSTEM, W_OUTSIDE, W_UNKNOWN };

/* Appends `rel` to the normalized `out` ("" is the root): "//", "." and ".."
 * resolved. False when ".." leaves the project or the path is too long. */
static bool walk_path(char *out, size_t cap, const char *rel)
{
	size_t len = strlen(out);

	while (*rel) {
		size_t n = strcspn(rel, "/");

		if (n == 0 || (n == 1 && rel[0] == '.')) {
			/* nothing */
		} else if (n == 2 && rel[0] == '.' && rel[1] == '.') {
			char *slash;

			if (len == 0)
				return false;
			slash = strrchr(out, '/');
			len = slash ? (size_t)(slash - out) : 0;
			out[len] = '\0';
		} else {
			if (len + 1 + n + 1 > cap)
				return false;
			if (len)
				out[len++] = '/';
			memcpy(out + len, rel, n);
			len += n;
			out[len] = '\0';
		}
		rel += n;
		while (*rel == '/')
			rel++;
	}
	return true;
}

static enum where resolve(const struct state *st, const struct word *w, char *out, size_t cap)
{
	const char *s = w->s;

	out[0] = '\0';
	if (!w->known || (st->reads_input && strchr(s, '{')))
		return W_UNKNOWN;
	if (w->anchor == A_NONE && (s[0] == '/' || s[0] == '~'))
		return W_SYSTEM;
	if (w->anchor != A_ROOT) {
		if (!st->base || strlen(st->base) >= cap)
			return W_UNKNOWN;
		strcpy(out, st->base);
	}
	return walk_path(out, cap, s) ? W_INSIDE : W_OUTSIDE;
}

/* A file the command runs: reported inside the project, unbound when it
 * cannot be resolved; system programs are not the project's. */
static void run_file(struct al_runs *rs, const struct state *st, const struct word *w,
		     const char *what)
{
	char path[LIMIT_PATH_BYTES];

	switch (resolve(st, w, path, sizeof(path))) {
	case W_INSIDE:
		if (*path) /* the project folder itself is no file */
			report(rs, st, AL_RUN_FILE, path, NULL, NULL);
		break;
	case W_OUTSIDE:
		unbound(rs, st, "%s %s, outside the project", what, w->s);
		break;
	case W_UNKNOWN:
		if (!w->known)
			unbound(rs, st,
				"%s %s, which is a pattern or depends on a variable or a substitution",
				what, w->s);
		else
			unbound(rs, st, "%s %s after a cd airlock cannot follow", what, w->s);
		break;
	case W_SYSTEM:
		break;
	}
}

/* A file looked up in the current folder when it exists (a Makefile). */
static void task_file(struct al_runs *rs, const struct state *st, const char *dir, const char *name)
{
	struct word w = { (char *)name, true, A_NONE, true };
	struct state s2 = *st;
	char path[LIMIT_PATH_BYTES];

	if (dir) {
		struct word d = { (char *)dir, true, A_NONE, true };

		if (resolve(st, &d, path, sizeof(path)) != W_INSIDE)
			return;
		s2.base = path;
	}
	rs->optional = true;
	run_file(rs, &s2, &w, "runs");
	rs->optional = false;
}

/* --- names -------------------------------------------------------------------- */

static const char *base_name(const char *s)
{
	const char *slash = strrchr(s, '/');

	return slash ? slash + 1 : s;
}

static bool listed(const char *word, const char *list)
{
	size_t n = strlen(word);

	for (const char *p = list; (p = strstr(p, word)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* A word that names a script by its extension. */
static bool script_like(const char *s)
{
	static const char *const ext[] = { ".sh",  ".bash", ".zsh",  ".py", ".js", ".mjs",
					   ".cjs", ".ts",   ".mts",  ".rb", ".pl", ".php",
					   ".ps1", ".lua",  ".fish", NULL };

	for (int i = 0; ext[i]; i++)
		if (has_suffix(s, ext[i]))
			return true;
	return false;
}

/* --- options ------------------------------------------------------------------- */

/*
 * How a program's options are read: `arg` lists the options that take the
 * next word as their argument (short ones may also have it attached),
 * `flags` the ones that do not (NULL: any other option is taken to be a flag;
 * otherwise an unknown one is unbound: it may take an argument). `operands`
 * words are skipped after the options (timeout's duration).
 */
struct opts {
	const char *arg, *flags;
	int operands;
};

enum opt_result { OPT_OK, OPT_UNKNOWN };

/* Skips the options of the program at w[*i - 1]; leaves *i at the first
 * operand. Calls `on` for each option with its argument (or NULL). */
static enum opt_result skip_options(const struct opts *o, struct word *w, size_t n, size_t *i,
				    void (*on)(void *, const char *, const struct word *),
				    void *arg, const char **bad)
{
	while (*i < n) {
		const char *a = w[*i].s;
		char opt[3] = { '-', 0, 0 };

		if (!w[*i].known && a[0] != '-')
			break;
		if (strcmp(a, "--") == 0) {
			(*i)++;
			break;
		}
		if (a[0] == '+' && a[1] && o->arg && strstr(o->arg, "+o")) {
			(*i)++; /* set +o name */
			if (strchr("oO", a[1]) && !a[2])
				(*i)++;
			continue;
		}
		if (a[0] != '-' || a[1] == '\0')
			break;
		if (a[1] != '-' && a[2] && o->arg && listed(a, o->arg)) {
			(*i)++; /* pwsh -File x: one dash, a whole name */
			if (on && *i < n)
				on(arg, a, &w[*i]);
			(*i)++;
			continue;
		}
		if (a[1] == '-') { /* --long[=value] */
			char name[64];
			size_t len = strcspn(a, "=");

			if (len >= sizeof(name))
				len = sizeof(name) - 1;
			memcpy(name, a, len);
			name[len] = '\0';
			(*i)++;
			if (a[len] == '=') {
				if (on)
					on(arg, name,
					   &(struct word){ (char *)a + len + 1, w[*i - 1].known,
							   A_NONE, false });
			} else if (o->arg && listed(name, o->arg)) {
				if (on && *i < n)
					on(arg, name, &w[*i]);
				(*i)++;
			} else if (o->flags && !listed(name, o->flags)) {
				*bad = a;
				return OPT_UNKNOWN;
			}
			continue;
		}
		(*i)++;
		/* -abc: flags, until one that takes an argument */
		for (const char *c = a + 1; *c; c++) {
			opt[1] = *c;
			if (*c >= '0' && *c <= '9' && o->flags && listed("-N", o->flags))
				break; /* nice -10 */
			if (o->arg && listed(opt, o->arg)) {
				if (c[1]) {
					if (on)
						on(arg, opt,
						   &(struct word){ (char *)c + 1, w[*i - 1].known,
								   A_NONE, false });
				} else {
					if (on && *i < n)
						on(arg, opt, &w[*i]);
					(*i)++;
				}
				break;
			}
			if (o->flags && !listed(opt, o->flags)) {
				*bad = a;
				return OPT_UNKNOWN;
			}
			if (on)
				on(arg, opt, NULL);
		}
	}
	for (int k = 0; k < o->operands && *i < n; k++)
		(*i)++;
	return OPT_OK;
}

/* --- programs ----------------------------------------------------------------- */

struct wrapper {
	const char *names;
	struct opts o;
	const char *chdir; /* options that change the folder (env -C, sudo -D) */
	bool reads_input;  /* xargs: its command's arguments come from the input */
};

static const struct wrapper wrappers[] = {
	{ "timeout",
	  { "-k -s --kill-after --signal", "-v --verbose --preserve-status --foreground", 1 },
	  NULL,
	  false },
	{ "nice", { "-n --adjustment", "-N", 0 }, NULL, false },
	{ "env",
	  { "-u -C -S --unset --chdir --split-string",
	    "-i -0 -v --ignore-environment --null --debug", 0 },
	  "-C --chdir",
	  false },
	{ "sudo",
	  { "-u -g -C -D -h -p -r -t -T -U -R --user --group --close-from --chdir --host --prompt --role --type --command-timeout --other-user --chroot",
	    "-A -b -E -H -n -P -S -s -i -k -K -B --askpass --background --preserve-env --set-home --non-interactive --preserve-groups --stdin --shell --login --reset-timestamp --bell",
	    0 },
	  "-D --chdir",
	  false },
	{ "doas", { "-u -C", "-n -s", 0 }, NULL, false },
	{ "nohup", { NULL, "", 0 }, NULL, false },
	{ "setsid", { NULL, "-c -f -w --ctty --fork --wait", 0 }, NULL, false },
	{ "time",
	  { "-f -o --format --output", "-p -a -v --portability --append --verbose", 0 },
	  NULL,
	  false },
	{ "exec", { "-a", "-c -l", 0 }, NULL, false },
	{ "command", { NULL, "-p -v -V", 0 }, NULL, false },
	{ "builtin", { NULL, "", 0 }, NULL, false },
	{ "stdbuf", { "-i -o -e --input --output --error", "", 0 }, NULL, false },
	{ "ionice",
	  { "-c -n -p -P -u --class --classdata --pid --pgid --uid", "-t --ignore", 0 },
	  NULL,
	  false },
	{ "chrt",
	  { "-T -P -D --sched-runtime --sched-period --sched-deadline",
	    "-a -b -d -e -f -i -m -o -p -r -R -v --all-tasks --batch --deadline --fifo --idle --max --other --rr --reset-on-fork --verbose",
	    1 },
	  NULL,
	  false },
	{ "taskset", { NULL, "-a -c --all-tasks --cpu-list", 1 }, NULL, false },
	{ "xargs",
	  { "-a -d -E -I -L -n -P -s --arg-file --delimiter --eof --max-lines --max-args --max-procs --max-chars --process-slot-var --replace",
	    "-0 -e -i -l -o -p -r -t -x --null --no-run-if-empty --verbose --interactive --open-tty --exit --show-limits",
	    0 },
	  NULL,
	  true },
	{ "caffeinate", { "-t -w", "-d -i -m -s -u", 0 }, NULL, false },
	{ "unbuffer", { NULL, "-p", 0 }, NULL, false },
	{ "watch",
	  { "-n -d -q --interval --differences --equexit",
	    "-b -c -e -g -p -t -x -w --beep --color --errexit --chgexit --precise --no-title --exec --no-wrap",
	    0 },
	  NULL,
	  false },
	{ "strace", { "-o -e -p -s -u -E", NULL, 0 }, NULL, false },
	{ "ltrace", { "-o -e -p -s -u", NULL, 0 }, NULL, false },
};

/* Package runners that run their next word as a command (from the
 * project's node_modules/.bin or the registry): package.json is bound. */
static const char *const npx_like = "npx bunx pnpx";

/* Programs that run the project's own code, found by themselves: the
 * command is unbound (nothing names the files they run). */
static const char *const project_runners =
	"pytest py.test tox nox cargo go gradle gradlew mvn mvnw rake bundle ant sbt cmake ninja meson bazel bazelisk pre-commit lefthook husky dotnet mix rebar3 swift composer artisan jest vitest mocha playwright cypress tsc webpack vite rollup esbuild turbo nx lerna";

enum interp { I_SHELL, I_PYTHON, I_NODE, I_RUBY, I_PERL, I_PHP, I_LUA, I_PWSH, I_OSA, I_FISH };

struct interpreter {
	const char *names;
	enum interp kind;
	struct opts o;
	const char *code;   /* options whose argument (or, for -c, first operand) is code */
	const char *files;  /* options whose argument is a file it loads */
	const char *module; /* options whose argument is a module it runs */
};

static const struct interpreter interpreters[] = {
	{ "sh bash dash zsh ksh mksh ash rbash",
	  I_SHELL,
	  { "-o +o -O +O --rcfile --init-file", NULL, 0 },
	  "-c",
	  "--rcfile --init-file",
	  NULL },
	{ "fish",
	  I_FISH,
	  { "-C -d -o -p --init-command --debug --debug-output --profile", NULL, 0 },
	  "-c --command -C --init-command",
	  NULL,
	  NULL },
	{ "python python2 python3 pypy pypy3",
	  I_PYTHON,
	  { "-W -X -c -m --check-hash-based-pycs", NULL, 0 },
	  "-c",
	  NULL,
	  "-m" },
	{ "node nodejs tsx ts-node",
	  I_NODE,
	  { "-r -e -p -C -P -O -I --require --import --loader --experimental-loader --eval --print --conditions --input-type --title --env-file --watch-path --inspect-port --test-reporter --test-reporter-destination --disable-warning --project --compiler --compilerOptions --ignore",
	    NULL, 0 },
	  "-e -p --eval --print",
	  "-r --require --import --loader --experimental-loader --env-file",
	  NULL },
	{ "ruby jruby", I_RUBY, { "-I -C -E -r -e --encoding", NULL, 0 }, "-e", "-r", NULL },
	{ "perl", I_PERL, { "-I -M -m -e -E", NULL, 0 }, "-e -E", NULL, NULL },
	{ "php",
	  I_PHP,
	  { "-c -d -z -t -S -r -B -R -E -F -f", NULL, 0 },
	  "-r -B -R -E",
	  "-F -f",
	  NULL },
	{ "lua luajit", I_LUA, { "-e -l", NULL, 0 }, "-e", NULL, NULL },
	{ "pwsh powershell",
	  I_PWSH,
	  { "-File -f -Command -c -EncodedCommand -e -ec -ExecutionPolicy -ex -WorkingDirectory -wd -ConfigurationName -OutputFormat -of -InputFormat -if -WindowStyle -w -Version -v -SettingsFile",
	    NULL, 0 },
	  "-Command -c -EncodedCommand -e -ec",
	  "-File -f",
	  NULL },
	{ "osascript", I_OSA, { "-e -l -s", NULL, 0 }, "-e", NULL, NULL },
};

static const struct wrapper *find_wrapper(const char *name)
{
	for (size_t i = 0; i < sizeof(wrappers) / sizeof(wrappers[0]); i++)
		if (listed(name, wrappers[i].names))
			return &wrappers[i];
	return NULL;
}

static const struct interpreter *find_interpreter(const char *name)
{
	char n[64];
	size_t len = strlen(name);

	/* python3.12, node18 */
	if (len >= sizeof(n))
		return NULL;
	memcpy(n, name, len + 1);
	while (len > 1 && ((n[len - 1] >= '0' && n[len - 1] <= '9') || n[len - 1] == '.'))
		n[--len] = '\0';
	for (size_t i = 0; i < sizeof(interpreters) / sizeof(interpreters[0]); i++)
		if (listed(name, interpreters[i].names) || listed(n, interpreters[i].names))
			return &interpreters[i];
	return NULL;
}

/* --- one simple command ---------------------------------------------------------- */

static void code_in(struct al_runs *rs, const struct state *st, const char *code, enum interp kind);
static void simple(struct al_runs *rs, struct state *st, struct word *w, size_t n, size_t i);

/* Options seen while skipping: files loaded, folders changed to, code. */
struct seen {
	struct al_runs *rs;
	struct state *st;
	const struct interpreter *in;
	const struct wrapper *wr;
	bool code;           /* -c seen: the first operand is code */
	const char *inline_; /* -e CODE */
	bool inline_known;
	bool module;
};

static void on_option(void *arg, const char *opt, const struct word *v)
{
	struct seen *s = arg;

	if (!v) {
		if (s->in && (s->in->kind == I_SHELL || s->in->kind == I_FISH) &&
		    (strcmp(opt, "-c") == 0 || strcmp(opt, "--command") == 0))
			s->code = true;
		return;
	}
	if (s->wr && s->wr->chdir && listed(opt, s->wr->chdir)) {
		char path[LIMIT_PATH_BYTES];

		free(s->st->base);
		s->st->base =
			resolve(s->st, v, path, sizeof(path)) == W_INSIDE ? strdup(path) : NULL;
		return;
	}
	if (s->wr && (strcmp(opt, "-S") == 0 || strcmp(opt, "--split-string") == 0)) {
		if (v->known)
			code_in(s->rs, s->st, v->s, I_SHELL);
		else
			unbound(s->rs, s->st, "env -S %s, a command in a variable", v->s);
		return;
	}
	if (!s->in)
		return;
	if (s->in->files && listed(opt, s->in->files)) {
		/* node -r pkg names a package; with a slash or an extension, a file */
		if (!v->known || strchr(v->s, '/') || script_like(v->s) || s->in->kind != I_NODE)
			run_file(s->rs, s->st, v, "loads");
	} else if (s->in->code && listed(opt, s->in->code)) {
		if (s->in->kind == I_SHELL && strcmp(opt, "-c") == 0) {
			s->code = true;
			return;
		}
		s->inline_ = v->s;
		s->inline_known = v->known;
	} else if (s->in->module && listed(opt, s->in->module)) {
		s->module = true;
		s->inline_ = v->s;
		s->inline_known = v->known;
	} else if (strcmp(opt, "-C") == 0 && s->in->kind == I_RUBY) {
		char path[LIMIT_PATH_BYTES];

		free(s->st->base);
		s->st->base =
			resolve(s->st, v, path, sizeof(path)) == W_INSIDE ? strdup(path) : NULL;
	}
}

/* Inline code of a language that is not the shell's: pinned by the
 * configuration it is written in, but what it loads is not followed. */
static bool loads_code(const char *s)
{
	static const char *const words[] = { "require", "import(", "open(", "exec",       "spawn",
					     "system",  "popen",   "runpy", "__import__", "load",
					     "source",  "eval",    "fork",  "`",          "do ",
					     "include", "Invoke",  "iex",   "&",          NULL };

	for (int i = 0; words[i]; i++)
		if (strstr(s, words[i]))
			return true;
	return false;
}

static void code_in(struct al_runs *rs, const struct state *st, const char *code, enum interp kind)
{
	if (kind == I_SHELL || kind == I_FISH) {
		if (st->depth + 1 > LIMIT_RUNS_NESTING) {
			unbound(rs, st, "code nested more than %d deep", LIMIT_RUNS_NESTING);
			return;
		}
		al_runs_shell(rs, code, strlen(code), st->base, st->depth + 1);
		return;
	}
	/* AppleScript runs other code with `do shell script` and `run script` */
	if (kind == I_PWSH || loads_code(code) || (kind == I_OSA && strstr(code, "script")))
		unbound(rs, st, "inline code that loads or runs other code: %s", code);
}

/* A word given to a shell as code: a leading project variable was expanded
 * by the outer shell, so it is put back for the inner one to resolve. */
static void word_code(struct al_runs *rs, const struct state *st, const struct word *w,
		      enum interp kind)
{
	char *code;

	if (w->anchor == A_NONE) {
		code_in(rs, st, w->s, kind);
		return;
	}
	if (asprintf(&code, "%s%s", w->anchor == A_ROOT ? "\"$CLAUDE_PROJECT_DIR\"" : "\"$PWD\"",
		     w->s) < 0) {
		rs->error = al_error_oom();
		return;
	}
	code_in(rs, st, code, kind);
	free(code);
}

static void interpreter(struct al_runs *rs, struct state *st, const struct interpreter *in,
			struct word *w, size_t n, size_t i)
{
	struct seen s = { rs, st, in, NULL, false, NULL, false, false };
	const char *bad = NULL;

	skip_options(&in->o, w, n, &i, on_option, &s, &bad);
	if (s.code) {
		if (i >= n)
			unbound(rs, st, "a shell with -c and no code");
		else if (!w[i].known)
			unbound(rs, st,
				"shell code %s that depends on a variable or a substitution",
				w[i].s);
		else
			word_code(rs, st, &w[i], in->kind);
		return;
	}
	if (s.module) {
		/* python -m pkg.mod: looked up in the current folder first */
		char rel[LIMIT_PATH_BYTES];
		struct word m = { rel, s.inline_known, A_NONE, true };

		snprintf(rel, sizeof(rel), "%s", s.inline_);
		for (char *c = rel; *c; c++)
			if (*c == '.')
				*c = '/';
		if (strlen(rel) + 13 < sizeof(rel))
			strcat(rel, ".py");
		run_file(rs, st, &m, "runs the module");
		rel[strlen(rel) - 3] = '\0';
		if (strlen(rel) + 13 < sizeof(rel))
			strcat(rel, "/__main__.py");
		run_file(rs, st, &m, "runs the module");
		return;
	}
	if (s.inline_) {
		if (!s.inline_known)
			unbound(rs, st, "inline code %s that depends on a variable", s.inline_);
		else
			code_in(rs, st, s.inline_, in->kind);
		return;
	}
	if (i >= n || strcmp(w[i].s, "-") == 0 || strcmp(w[i].s, "/dev/stdin") == 0) {
		if (st->reads_input || st->piped)
			unbound(rs, st, "code it reads from its input");
		return;
	}
	run_file(rs, st, &w[i], "runs");
}

/* npm, yarn, pnpm, bun: the script of package.json a command runs. */
static void package_task(struct al_runs *rs, struct state *st, struct word *w, size_t n, size_t i,
			 const char *tool)
{
	static const struct opts npm = {
		"-C -w --prefix --workspace --loglevel --registry --cache --userconfig --cwd", NULL,
		0
	};
	static const char *const builtins =
		"install i ci add remove rm uninstall update upgrade up init info list ls why cache config global link unlink pack publish login logout version versions workspaces outdated audit dedupe explain rebuild search help view whoami owner prune fund doctor set plugin bin import";
	const char *bad = NULL;
	const char *task;
	char path[LIMIT_PATH_BYTES];

	for (size_t k = i; k < n; k++)
		if (strcmp(w[k].s, "--prefix") == 0 || strcmp(w[k].s, "-C") == 0 ||
		    strcmp(w[k].s, "--cwd") == 0 || strncmp(w[k].s, "--prefix=", 9) == 0 ||
		    strcmp(w[k].s, "-w") == 0 || strncmp(w[k].s, "--workspace", 11) == 0) {
			unbound(rs, st, "%s in another folder or workspace: %s", tool, w[k].s);
			return;
		}
	skip_options(&npm, w, n, &i, NULL, NULL, &bad);
	task_file(rs, st, NULL, "package.json");
	if (i >= n) {
		if (strcmp(tool, "yarn") == 0 || strcmp(tool, "pnpm") == 0)
			task = "install";
		else
			return;
	} else if (!w[i].known) {
		unbound(rs, st, "a %s script named by a variable: %s", tool, w[i].s);
		return;
	} else {
		task = w[i].s;
	}
	if (strcmp(task, "exec") == 0 || strcmp(task, "x") == 0 || strcmp(task, "dlx") == 0) {
		simple(rs, st, w, n, i + 1);
		return;
	}
	if (strcmp(task, "run") == 0 || strcmp(task, "run-script") == 0 ||
	    strcmp(task, "rum") == 0) {
		if (++i < n && w[i].s[0] == '-')
			skip_options(&npm, w, n, &i, NULL, NULL, &bad);
		if (i >= n)
			return;
		if (!w[i].known) {
			unbound(rs, st, "a %s script named by a variable: %s", tool, w[i].s);
			return;
		}
		task = w[i].s;
		if (strcmp(tool, "bun") == 0 && (strchr(task, '/') || script_like(task))) {
			run_file(rs, st, &w[i], "runs");
			return;
		}
	} else if (strcmp(task, "t") == 0 || strcmp(task, "tst") == 0) {
		task = "test";
	} else if (strcmp(task, "i") == 0 || strcmp(task, "ci") == 0 || strcmp(task, "add") == 0 ||
		   strcmp(task, "rebuild") == 0) {
		task = "install";
	} else if (strcmp(tool, "bun") == 0 && (strchr(task, '/') || script_like(task))) {
		run_file(rs, st, &w[i], "runs");
		return;
	} else if (strcmp(tool, "bun") == 0 && strcmp(task, "test") == 0) {
		unbound(rs, st, "bun test runs the project's test files");
		return;
	} else if (listed(task, builtins) && strcmp(task, "install") != 0) {
		return;
	} else if (strcmp(tool, "npm") == 0 && !listed(task, "test start stop restart install")) {
		return; /* npm's own commands (npm -v, npm view) */
	}
	if (!st->base) {
		unbound(rs, st, "%s %s after a cd airlock cannot follow", tool, task);
		return;
	}
	snprintf(path, sizeof(path), "%s%spackage.json", st->base, *st->base ? "/" : "");
	if (strcmp(task, "install") == 0) {
		static const char *const hooks[] = { "preinstall", "install", "postinstall",
						     "prepare" };

		for (size_t k = 0; k < 4; k++)
			report(rs, st, AL_RUN_TASK, path, hooks[k], NULL);
		return;
	}
	report(rs, st, AL_RUN_TASK, path, task, NULL);
}

/* make, just, task: the file that defines the target is bound, and the
 * recipe (not followed) makes the entry unbound. */
static void make_like(struct al_runs *rs, struct state *st, const char *name, struct word *w,
		      size_t n, size_t i)
{
	static const struct opts make = { "-f -C -I -o -W -l --file --makefile --directory "
					  "--include-dir --old-file --new-file --what-if",
					  NULL, 0 };
	static const struct opts just = { "-f -d --justfile --working-directory --set "
					  "--dotenv-filename --dotenv-path --shell --shell-arg",
					  NULL, 0 };
	static const struct opts task = { "-t -d -o --taskfile --dir --output -c --concurrency",
					  NULL, 0 };
	const char *bad = NULL, *target = "(the default)";
	bool named = false;
	const struct opts *o = strcmp(name, "just") == 0   ? &just
			       : strcmp(name, "task") == 0 ? &task
							   : &make;

	for (size_t k = i; k < n; k++) {
		const char *a = w[k].s;

		if (strcmp(a, "-f") == 0 || strcmp(a, "--file") == 0 ||
		    strcmp(a, "--makefile") == 0 || strcmp(a, "--justfile") == 0 ||
		    strcmp(a, "-t") == 0 || strcmp(a, "--taskfile") == 0) {
			if (k + 1 < n)
				run_file(rs, st, &w[k + 1], "reads");
			named = true;
		}
		if (strcmp(a, "-C") == 0 || strcmp(a, "--directory") == 0 || strcmp(a, "-d") == 0 ||
		    strcmp(a, "--dir") == 0 || strcmp(a, "--working-directory") == 0) {
			unbound(rs, st, "%s in another folder: %s", name, a);
			return;
		}
	}
	skip_options(o, w, n, &i, NULL, NULL, &bad);
	while (i < n && strchr(w[i].s, '=') && strcmp(name, "make") == 0)
		i++;
	if (i < n)
		target = w[i].s;
	if (!named) {
		if (strcmp(name, "make") == 0) {
			task_file(rs, st, NULL, "GNUmakefile");
			task_file(rs, st, NULL, "makefile");
			task_file(rs, st, NULL, "Makefile");
		} else if (strcmp(name, "just") == 0) {
			task_file(rs, st, NULL, "justfile");
			task_file(rs, st, NULL, "Justfile");
			task_file(rs, st, NULL, ".justfile");
		} else {
			task_file(rs, st, NULL, "Taskfile.yml");
			task_file(rs, st, NULL, "Taskfile.yaml");
			task_file(rs, st, NULL, "taskfile.yml");
			task_file(rs, st, NULL, "taskfile.yaml");
		}
	}
	unbound(rs, st, "%s %s %s, whose recipe airlock does not follow",
		strcmp(name, "make") == 0   ? "Makefile"
		: strcmp(name, "just") == 0 ? "justfile"
					    : "Taskfile",
		strcmp(name, "make") == 0   ? "target"
		: strcmp(name, "just") == 0 ? "recipe"
					    : "task",
		target);
}

static void simple(struct al_runs *rs, struct state *st, struct word *w, size_t n, size_t i)
{
	const struct wrapper *wr;
	const struct interpreter *in;
	const char *name;

	if (i >= n)
		return;
	if (!w[i].known) {
		unbound(rs, st, "a program named by a pattern, a variable or a substitution: %s",
			w[i].s);
		return;
	}
	if (strchr(w[i].s, '/') || w[i].anchor) {
		run_file(rs, st, &w[i], "runs");
		if (strstr(w[i].s, "node_modules/.bin/"))
			task_file(rs, st, NULL, "package.json");
		/* a project script given a script (a wrapper of the project's
		 * own): that one is bound too */
		if (!find_interpreter(base_name(w[i].s)) && !find_wrapper(base_name(w[i].s))) {
			for (size_t k = i + 1; k < n; k++)
				if (w[k].known && w[k].s[0] != '-' && script_like(w[k].s))
					run_file(rs, st, &w[k], "runs");
			return;
		}
	}
	name = base_name(w[i].s);
	i++;
	if ((wr = find_wrapper(name))) {
		struct seen s = { rs, st, NULL, wr, false, NULL, false, false };
		const char *bad = NULL;

		while (strcmp(name, "env") == 0 && i < n && strchr(w[i].s, '=') && w[i].s[0] != '-')
			i++;
		if (skip_options(&wr->o, w, n, &i, on_option, &s, &bad) == OPT_UNKNOWN) {
			unbound(rs, st, "%s with option %s, which airlock does not know", name,
				bad);
			return;
		}
		while (strcmp(name, "env") == 0 && i < n && strchr(w[i].s, '=') && w[i].s[0] != '-')
			i++;
		if (wr->reads_input)
			st->reads_input = true;
		simple(rs, st, w, n, i);
		return;
	}
	if ((in = find_interpreter(name))) {
		interpreter(rs, st, in, w, n, i);
		return;
	}
	if (strcmp(name, "cd") == 0 || strcmp(name, "pushd") == 0 || strcmp(name, "popd") == 0) {
		char path[LIMIT_PATH_BYTES];

		bool inside;

		while (i < n && w[i].s[0] == '-' && w[i].s[1])
			i++;
		inside = strcmp(name, "popd") != 0 && i < n && strcmp(w[i].s, "-") != 0 &&
			 resolve(st, &w[i], path, sizeof(path)) == W_INSIDE;
		free(st->base);
		st->base = inside ? strdup(path) : NULL;
		if (inside && !st->base)
			rs->error = al_error_oom();
		return;
	}
	if (strcmp(name, "source") == 0 || strcmp(name, ".") == 0) {
		if (i < n)
			run_file(rs, st, &w[i], "sources");
		return;
	}
	if (strcmp(name, "eval") == 0 || strcmp(name, "trap") == 0) {
		for (size_t k = i; k < n && (strcmp(name, "eval") == 0 || k == i); k++) {
			if (!w[k].known)
				unbound(rs, st, "%s of %s, which depends on a variable", name,
					w[k].s);
			else
				word_code(rs, st, &w[k], I_SHELL);
		}
		return;
	}
	if (listed(name, npx_like)) {
		static const struct opts npx = { "-p --package -c --call", NULL, 0 };
		const char *bad = NULL;

		task_file(rs, st, NULL, "package.json");
		for (size_t k = i; k < n && w[k].s[0] == '-'; k++)
			if (strcmp(w[k].s, "-c") == 0 || strcmp(w[k].s, "--call") == 0) {
				if (k + 1 < n && w[k + 1].known)
					code_in(rs, st, w[k + 1].s, I_SHELL);
				else
					unbound(rs, st, "%s -c code", name);
				return;
			}
		skip_options(&npx, w, n, &i, NULL, NULL, &bad);
		/* "pkg", "@scope/pkg@1.2.3": a package (a local bin, bound through
		 * package.json, or the registry's); "./tool.js": a file */
		if (i < n && (strncmp(w[i].s, "./", 2) == 0 || strncmp(w[i].s, "../", 3) == 0 ||
			      w[i].s[0] == '/' || !w[i].known))
			simple(rs, st, w, n, i);
		return;
	}
	if (listed(name, "npm yarn pnpm bun")) {
		package_task(rs, st, w, n, i, name);
		return;
	}
	if (listed(name, "make gmake just task")) {
		make_like(rs, st, strcmp(name, "gmake") == 0 ? "make" : name, w, n, i);
		return;
	}
	if (listed(name, "uv poetry pipenv pdm hatch rye")) {
		static const struct opts uv = {
			"--with -w --python -p --project --directory --env-file --group --extra --package --index",
			NULL, 0
		};
		const char *bad = NULL;

		task_file(rs, st, NULL, "pyproject.toml");
		if (i < n && strcmp(w[i].s, "run") == 0) {
			i++;
			for (size_t k = i; k < n; k++)
				if (strcmp(w[k].s, "--directory") == 0 ||
				    strcmp(w[k].s, "--project") == 0) {
					unbound(rs, st, "%s run in another folder: %s", name,
						w[k].s);
					return;
				}
			skip_options(&uv, w, n, &i, NULL, NULL, &bad);
			if (i < n && w[i].known && !strchr(w[i].s, '/') &&
			    has_suffix(w[i].s, ".py"))
				run_file(rs, st, &w[i], "runs");
			else
				simple(rs, st, w, n, i);
		}
		return;
	}
	if (strcmp(name, "deno") == 0) {
		if (i < n && strcmp(w[i].s, "task") == 0) {
			task_file(rs, st, NULL, "deno.json");
			task_file(rs, st, NULL, "deno.jsonc");
			unbound(rs, st, "deno task %s, whose command airlock does not follow",
				i + 1 < n ? w[i + 1].s : "");
			return;
		}
		if (i < n && listed(w[i].s, "run test bench serve compile install"))
			i++;
		{
			static const struct opts deno = { "-c --config --import-map --lock --cert "
							  "--location --seed --env-file --ext",
							  NULL, 0 };
			const char *bad = NULL;

			skip_options(&deno, w, n, &i, NULL, NULL, &bad);
			if (i < n)
				run_file(rs, st, &w[i], "runs");
		}
		return;
	}
	if (listed(name, project_runners)) {
		unbound(rs, st, "%s runs the project's own code, which airlock does not follow",
			name);
		return;
	}
	/* Any other program is found in PATH: not the project's, and its
	 * arguments are its data. */
}

/* --- words from the tree ---------------------------------------------------------- */

struct buf {
	char *s;
	size_t len, cap;
	bool known;
	int anchor;
};

static bool put(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *grown = realloc(b->s, cap);

		if (!grown)
			return false;
		b->s = grown;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return true;
}

static bool project_var(const char *s, size_t n, int *anchor)
{
	static const char *const root[] = { "CLAUDE_PROJECT_DIR", "GEMINI_PROJECT_DIR",
					    "workspaceFolder", "workspaceRoot", NULL };

	for (int i = 0; root[i]; i++)
		if (strlen(root[i]) == n && memcmp(root[i], s, n) == 0) {
			*anchor = A_ROOT;
			return true;
		}
	if (n == 3 && memcmp(s, "PWD", 3) == 0) {
		*anchor = A_CWD;
		return true;
	}
	return false;
}

/* Appends the word `n` to b as the shell would see it; b->known false when
 * an expansion other than a leading project variable, a substitution or a
 * glob is in it. */
static bool word_of(struct buf *b, const char *code, TSNode n, int depth)
{
	const char *type = ts_node_type(n);
	size_t len;
	const char *s = ts_text(n, code, &len);

	if (depth > 8) {
		b->known = false;
		return put(b, s, len);
	}
	if (strcmp(type, "word") == 0 || strcmp(type, "number") == 0) {
		for (size_t i = 0; i < len; i++) {
			if (s[i] == '\\' && i + 1 < len)
				i++;
			else if (strchr("*?[", s[i]) ||
				 (s[i] == '{' &&
				  (memchr(s + i, ',', len - i) || memmem(s + i, len - i, "..", 2))))
				b->known = false; /* a glob or a brace expansion */
			if (!put(b, s + i, 1))
				return false;
		}
		return true;
	}
	if (strcmp(type, "raw_string") == 0)
		return len >= 2 ? put(b, s + 1, len - 2) : true;
	if (strcmp(type, "simple_expansion") == 0 || strcmp(type, "expansion") == 0) {
		TSNode v = ts_node_named_child(n, 0);
		size_t vl = 0;
		const char *vs = ts_node_is_null(v) ? NULL : ts_text(v, code, &vl);
		int anchor = A_NONE;

		if (b->len == 0 && b->anchor == A_NONE && ts_node_named_child_count(n) == 1 && vs &&
		    al_ts_is(v, "variable_name") && project_var(vs, vl, &anchor) &&
		    (strcmp(type, "simple_expansion") == 0 || len == vl + 3)) {
			b->anchor = anchor;
			return true;
		}
		b->known = false;
		return put(b, s, len);
	}
	if (strcmp(type, "string") == 0 || strcmp(type, "concatenation") == 0) {
		uint32_t start = ts_node_start_byte(n) + (strcmp(type, "string") == 0),
			 end = ts_node_end_byte(n) - (strcmp(type, "string") == 0);
		TSTreeCursor cur = ts_tree_cursor_new(n);
		bool ok = true;
		uint32_t at = start;

		if (ts_tree_cursor_goto_first_child(&cur)) {
			do {
				TSNode ch = ts_tree_cursor_current_node(&cur);

				if (!ts_node_is_named(ch))
					continue;
				/* text between named children (string_content is named in
				 * newer grammars; older ones leave it anonymous) */
				if (ts_node_start_byte(ch) > at && strcmp(type, "string") == 0)
					ok = ok && put(b, code + at, ts_node_start_byte(ch) - at);
				if (al_ts_is(ch, "string_content"))
					ok = ok &&
					     put(b, code + ts_node_start_byte(ch),
						 ts_node_end_byte(ch) - ts_node_start_byte(ch));
				else
					ok = ok && word_of(b, code, ch, depth + 1);
				at = ts_node_end_byte(ch);
			} while (ok && ts_tree_cursor_goto_next_sibling(&cur));
		}
		ts_tree_cursor_delete(&cur);
		if (ok && at < end && strcmp(type, "string") == 0)
			ok = put(b, code + at, end - at);
		if (strcmp(type, "string") == 0 && memchr(s, '\\', len)) {
			/* "a\"b": the escapes of a double-quoted string */
			size_t o = 0;

			for (size_t i = 0; i < b->len; i++) {
				if (b->s[i] == '\\' && i + 1 < b->len &&
				    strchr("\"\\$`", b->s[i + 1]))
					i++;
				b->s[o++] = b->s[i];
			}
			b->len = o;
			b->s[o] = '\0';
		}
		return ok;
	}
	b->known = false; /* command substitution, arithmetic, $'...', process substitution */
	return put(b, s, len);
}

/* --- the tree --------------------------------------------------------------------- */

struct walk {
	struct al_runs *rs;
	const char *code;
	struct state *st;
	bool deep; /* the tree is nested deeper than LIMIT_RUNS_TREE */
};

static void walk(struct walk *wk, TSNode n, int depth, bool cond);

static void command(struct walk *wk, TSNode cmd, bool cond)
{
	struct al_runs *rs = wk->rs;
	struct word *w = NULL;
	size_t n = 0, cap = 0, len;
	const char *text = ts_text(cmd, wk->code, &len);
	char *saved_base = wk->st->base ? strdup(wk->st->base) : NULL;
	bool too_many = false;
	TSTreeCursor cur = ts_tree_cursor_new(cmd);

	set_quote(wk->st, text, len);
	if (ts_tree_cursor_goto_first_child(&cur)) {
		do {
			TSNode ch = ts_tree_cursor_current_node(&cur);
			const char *field = ts_tree_cursor_current_field_name(&cur);

			if (al_ts_is(ch, "variable_assignment")) {
				size_t vl;
				const char *v = ts_text(ch, wk->code, &vl);

				char var[64];

				snprintf(var, sizeof(var), "%.*s", (int)strcspn(v, "="), v);
				if (vl > 4 &&
				    (strncmp(v, "BASH_ENV=", 9) == 0 ||
				     strncmp(v, "ENV=", 4) == 0 ||
				     strncmp(v, "NODE_OPTIONS=", 13) == 0 ||
				     strncmp(v, "LD_PRELOAD=", 11) == 0 ||
				     strncmp(v, "PYTHONSTARTUP=", 14) == 0 ||
				     strncmp(v, "PYTHONPATH=", 11) == 0 ||
				     strncmp(v, "PERL5OPT=", 9) == 0 ||
				     strncmp(v, "RUBYOPT=", 8) == 0 || strncmp(v, "PATH=", 5) == 0))
					unbound(rs, wk->st,
						"%s=... makes the program load other code", var);
				walk(wk, ch, 0, cond);
				continue;
			}
			if (!field ||
			    (strcmp(field, "name") != 0 && strcmp(field, "argument") != 0)) {
				if (ts_node_is_named(ch))
					walk(wk, ch, 0, cond); /* redirects: $(...) in them */
				continue;
			}
			if (n == LIMIT_RUNS_WORDS) {
				too_many = true;
				break;
			}
			if (n == cap) {
				struct word *grown =
					realloc(w, (cap = cap ? cap * 2 : 16) * sizeof(*w));

				if (!grown) {
					rs->error = al_error_oom();
					break;
				}
				w = grown;
			}
			{
				struct buf b = { NULL, 0, 0, true, A_NONE };
				TSNode word = al_ts_is(ch, "command_name") &&
							      ts_node_named_child_count(ch)
						      ? ts_node_named_child(ch, 0)
						      : ch;

				if (!put(&b, "", 0) || !word_of(&b, wk->code, word, 0)) {
					free(b.s);
					rs->error = al_error_oom();
					break;
				}
				w[n++] = (struct word){ b.s, b.known, b.anchor, false };
			}
			/* what runs inside a word: $(...) */
			{
				char *keep = wk->st->base ? strdup(wk->st->base) : NULL;

				walk(wk, ch, 0, cond);
				free(wk->st->base);
				wk->st->base = keep;
				set_quote(wk->st, text, len);
			}
		} while (ts_tree_cursor_goto_next_sibling(&cur));
	}
	ts_tree_cursor_delete(&cur);
	if (too_many)
		unbound(rs, wk->st, "a command of more than %d words", LIMIT_RUNS_WORDS);
	else if (!rs->error)
		simple(rs, wk->st, w, n, 0);
	wk->st->reads_input = false;
	/* a cd that may not have run leaves the folder unknown */
	if (cond && (!saved_base != !wk->st->base ||
		     (saved_base && strcmp(saved_base, wk->st->base) != 0))) {
		free(wk->st->base);
		wk->st->base = NULL;
	}
	free(saved_base);
	for (size_t i = 0; i < n; i++)
		free(w[i].s);
	free(w);
}

/* A shell reading its script from a heredoc or a file: bash < x.sh. */
static void stdin_code(struct walk *wk, TSNode redirected)
{
	TSNode body = ts_node_child_by_field_name(redirected, "body", 4);
	struct ts_kids k;
	TSNode r;
	size_t len;
	const char *name;

	if (ts_node_is_null(body) || !al_ts_is(body, "command"))
		return;
	{
		TSNode nm = ts_node_child_by_field_name(body, "name", 4);
		char buf[64];
		const struct interpreter *in;

		if (ts_node_is_null(nm))
			return;
		name = ts_text(nm, wk->code, &len);
		if (len >= sizeof(buf))
			return;
		memcpy(buf, name, len);
		buf[len] = '\0';
		if (!(in = find_interpreter(base_name(buf))) || ts_node_named_child_count(body) > 1)
			return;
		al_ts_kids_begin(&k, redirected);
		while (al_ts_kids_next(&k, &r)) {
			if (al_ts_is(r, "heredoc_redirect")) {
				unbound(wk->rs, wk->st, "%s reads its code from a heredoc", buf);
			} else if (al_ts_is(r, "herestring_redirect")) {
				unbound(wk->rs, wk->st, "%s reads its code from a here-string",
					buf);
			} else if (al_ts_is(r, "file_redirect")) {
				TSNode dest = ts_node_child_by_field_name(r, "destination", 11);
				size_t ol;
				const char *op = ts_text(r, wk->code, &ol);
				struct buf b = { NULL, 0, 0, true, A_NONE };

				if (ts_node_is_null(dest) || !memchr(op, '<', ol) ||
				    memchr(op, '>', ol))
					continue;
				if (put(&b, "", 0) && word_of(&b, wk->code, dest, 0)) {
					struct word w = { b.s, b.known, b.anchor, false };

					run_file(wk->rs, wk->st, &w, "runs");
				}
				free(b.s);
			}
		}
		al_ts_kids_end(&k);
	}
}

static void walk(struct walk *wk, TSNode n, int depth, bool cond)
{
	const char *type = ts_node_type(n);
	bool scoped = strcmp(type, "subshell") == 0 || strcmp(type, "command_substitution") == 0 ||
		      strcmp(type, "process_substitution") == 0 || strcmp(type, "pipeline") == 0;
	bool branch =
		strcmp(type, "if_statement") == 0 || strcmp(type, "while_statement") == 0 ||
		strcmp(type, "for_statement") == 0 || strcmp(type, "c_style_for_statement") == 0 ||
		strcmp(type, "case_statement") == 0 || strcmp(type, "function_definition") == 0;
	bool list = strcmp(type, "list") == 0, pipe = strcmp(type, "pipeline") == 0;
	char *keep = NULL;
	struct ts_kids k;
	TSNode ch;
	int i = 0;

	if (wk->rs->error || ++wk->rs->steps > LIMIT_SHELL_STEPS)
		return;
	if (depth > LIMIT_RUNS_TREE) {
		wk->deep = true;
		return;
	}
	if (strcmp(type, "command") == 0) {
		command(wk, n, cond);
		return;
	}
	if (strcmp(type, "redirected_statement") == 0)
		stdin_code(wk, n);
	if (scoped && wk->st->base && !(keep = strdup(wk->st->base))) {
		wk->rs->error = al_error_oom();
		return;
	}
	al_ts_kids_begin(&k, n);
	while (al_ts_kids_next(&k, &ch)) {
		bool was = wk->st->piped;

		if (pipe && i > 0)
			wk->st->piped = true;
		if (pipe) { /* each part of a pipeline is a subshell */
			char *part = wk->st->base ? strdup(wk->st->base) : NULL;

			walk(wk, ch, depth + 1, cond || branch || (list && i > 0));
			free(wk->st->base);
			wk->st->base = part;
		} else {
			walk(wk, ch, depth + 1, cond || branch || (list && i > 0));
		}
		wk->st->piped = was;
		i++;
	}
	al_ts_kids_end(&k);
	if (scoped) {
		free(wk->st->base);
		wk->st->base = keep;
	}
}

/* --- entry points ------------------------------------------------------------------ */

int al_runs_shell(struct al_runs *rs, const char *code, size_t len, const char *base, int depth)
{
	struct state st = { NULL, depth, false, false, "" };
	struct walk wk = { rs, code, &st, false };
	TSTree *tree = NULL;
	int rc;

	set_quote(&st, code, len);
	if (base && !(st.base = strdup(base)))
		return rs->error = al_error_oom();
	rc = al_ts_parse(&tree, rs->ps, TS_BASH, code, len);
	if (rc < 0) {
		free(st.base);
		return rs->error = rc;
	}
	if (rc > 0) {
		unbound(rs, &st, "a command too long to follow");
	} else {
		TSNode root = ts_tree_root_node(tree);

		if (ts_node_has_error(root))
			unbound(rs, &st, "a command that does not parse as shell code");
		walk(&wk, root, 0, false);
		if (wk.deep)
			unbound(rs, &st, "a command nested too deeply to follow");
		if (rs->steps > LIMIT_SHELL_STEPS)
			unbound(rs, &st, "a command too large to follow");
		ts_tree_delete(tree);
	}
	free(st.base);
	return rs->error;
}

int al_runs_argv(struct al_runs *rs, const char *const *argv, size_t n, const char *base, int depth)
{
	struct state st = { NULL, depth, false, false, "" };
	struct word *w;
	char line[LIMIT_RUNS_QUOTE + 8] = "";
	size_t used = 0;

	if (n > LIMIT_RUNS_WORDS) {
		unbound(rs, &st, "a command of more than %d words", LIMIT_RUNS_WORDS);
		return rs->error;
	}
	if (!(w = calloc(n ? n : 1, sizeof(*w))))
		return rs->error = al_error_oom();
	for (size_t i = 0; i < n; i++) {
		const char *s = argv[i];
		int anchor = A_NONE;

		/* ${workspaceFolder}/x: the editors expand it, no shell does more */
		if (s[0] == '$' && s[1] == '{' && strchr(s, '}') &&
		    project_var(s + 2, (size_t)(strchr(s, '}') - s - 2), &anchor) &&
		    anchor == A_ROOT) {
			s = strchr(s, '}') + 1;
		} else {
			anchor = A_NONE;
		}
		w[i] = (struct word){ (char *)s, true, anchor, true };
		used += (size_t)snprintf(line + used, used < sizeof(line) ? sizeof(line) - used : 0,
					 "%s%s", i ? " " : "", argv[i]);
		if (used >= sizeof(line))
			used = sizeof(line);
	}
	set_quote(&st, line, strlen(line));
	if (base && !(st.base = strdup(base))) {
		free(w);
		return rs->error = al_error_oom();
	}
	simple(rs, &st, w, n, 0);
	free(st.base);
	free(w);
	return rs->error;
}
