/*
 * settings.c - the meaning of settings keys, from tree-sitter-json's tree (so
 * that every finding has the position of its key or value), and the command
 * strings the settings hold, decoded and handed to the shell analysis with a
 * map back to the JSON text.
 *
 * Keys are judged wherever they appear, not only in the file that documents
 * them: an agent reading a key it knows from an unexpected file is still
 * reading it.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/error.h"
#include "common/limits.h"
#include "common/url.h"
#include "scanners/catalogue.h"
#include "scanners/jsonstr.h"
#include "scanners/settings.h"
#include "scanners/shell.h"
#include "scanners/shellwords.h"
#include "surfaces/keys.h"

struct sctx {
	struct findings *fs;
	struct ts_parsers *ps;
	const struct scan_input *in;
	const char *buf;
	/* keys from the root ("[]" for array items), and the object or array
	 * path[i] is in */
	char path[LIMIT_JSON_DEPTH][LIMIT_SETTINGS_KEY_BYTES];
	TSNode holder[LIMIT_JSON_DEPTH];
	int depth;
	bool deep_reported;
	int error;
};

/* --- strings ----------------------------------------------------------------- */

/* The decoded string value of node `n` into `buf` (cut), or "" when it is not
 * a string. */
static void text_of(struct sctx *x, TSNode n, char *buf, size_t cap)
{
	char *s;
	size_t *m, len;

	buf[0] = '\0';
	if (ts_node_is_null(n) || !al_ts_is(n, "string"))
		return;
	if (al_json_string_decode(&s, &m, &len, x->buf, n) < 0) {
		x->error = AIRLOCK_ERROR;
		return;
	}
	snprintf(buf, cap, "%s", s);
	free(s);
	free(m);
}

/* --- reporting --------------------------------------------------------------- */

static void report(struct sctx *x, const char *rule, airlock_severity sev, TSNode n,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void report(struct sctx *x, const char *rule, airlock_severity sev, TSNode n,
		   const char *fmt, ...)
{
	struct finding_spec s;
	char msg[512], detail[256];
	va_list ap;
	int error;

	if (x->error < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	al_finding_spec_rule(&s, rule, sev, msg, sizeof(msg), detail);
	if (!ts_node_is_null(n)) {
		s.start = ts_node_start_byte(n);
		s.end = ts_node_end_byte(n);
	}
	if ((error = al_findings_add(x->fs, x->in, &s)) < 0)
		x->error = error;
}

/* A command string (a JSON string node) through the shell analysis. */
static void shell_string(struct sctx *x, TSNode n, const char *what)
{
	struct shell_code c = { 0 };
	char *code;
	size_t *map, len;
	int error;

	if (!al_ts_is(n, "string"))
		return;
	if ((error = al_json_string_decode(&code, &map, &len, x->buf, n)) < 0) {
		x->error = error;
		return;
	}
	c.code = code;
	c.len = len;
	c.map = map;
	c.what = what;
	if (len && (error = al_shell_scan(x->fs, x->ps, x->in, &c)) < 0)
		x->error = error;
	free(code);
	free(map);
}

/* --- the checks -------------------------------------------------------------- */

static const char *parent(const struct sctx *x, int up)
{
	return x->depth - 1 - up >= 0 ? x->path[x->depth - 1 - up] : "";
}

static bool in_path(const struct sctx *x, const char *key)
{
	for (int i = 0; i < x->depth; i++)
		if (strcmp(x->path[i], key) == 0)
			return true;
	return false;
}

static TSNode pair_get(TSNode obj, const char *key, const char *buf, size_t klen)
{
	TSNode found = { 0 }, p;
	struct ts_kids it;

	if (ts_node_is_null(obj))
		return found;
	al_ts_kids_begin(&it, obj);
	while (al_ts_kids_next(&it, &p)) {
		TSNode k = ts_node_child_by_field_name(p, "key", 3);
		size_t len;
		const char *t;

		if (!al_ts_is(p, "pair") || ts_node_is_null(k))
			continue;
		t = ts_text(k, buf, &len);
		if (len == klen + 2 && memcmp(t + 1, key, klen) == 0) {
			found = ts_node_child_by_field_name(p, "value", 5);
			break;
		}
	}
	al_ts_kids_end(&it);
	return found;
}

#define GET(obj, key) pair_get(obj, key, x->buf, sizeof(key) - 1)

static bool model_vendor(const char *k)
{
	static const char *const vendors[] = { "ANTHROPIC", "OPENAI",  "GEMINI",     "GOOGLE",
					       "AZURE",     "MISTRAL", "OPENROUTER", "DEEPSEEK",
					       "GROQ",      "XAI",     NULL };

	for (int i = 0; vendors[i]; i++)
		if (strstr(k, vendors[i]))
			return true;
	return false;
}

/* A model server on this machine (Ollama, a local proxy): the host the
 * client contacts is a loopback one or Docker's name for the host, exactly
 * (localhost.evil.example and 127.0.0.1@evil.example are elsewhere). `v`
 * was read into `cap` bytes. Sets x->error when memory runs out. */
static bool local_url(struct sctx *x, const char *v, size_t cap)
{
	char host[256];
	int found;

	if (strlen(v) + 1 >= cap)
		return false; /* cut: the host could be past the cut */
	if ((found = al_url_host(v, host, sizeof(host))) < 0)
		x->error = found;
	return found == 1 && (al_host_loopback(host) || strcmp(host, "host.docker.internal") == 0);
}

/* NODE_OPTIONS that make every node process run more code than it was
 * given, or take commands from a debugger; a value that expands variables or
 * is not a plain list of flags cannot be judged and counts as such. */
static bool node_options_run_code(const char *v)
{
	static const char *const runs[] = { "-r",
					    "--require",
					    "--import",
					    "--loader",
					    "--experimental-loader",
					    "--inspect",
					    "--inspect-brk",
					    "--inspect-wait",
					    "--env-file",
					    "--experimental-policy",
					    "--experimental-config-file",
					    NULL };
	const char *p = v;

	if (strpbrk(v, "$`"))
		return true;
	while (*p) {
		size_t n;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		n = strcspn(p, " \t");
		if (p[0] != '-')
			return true; /* a word that is no flag: a path, a module */
		for (int i = 0; runs[i]; i++) {
			size_t m = strlen(runs[i]);

			if (n >= m && strncmp(p, runs[i], m) == 0 &&
			    (n == m || p[m] == '=' || (m == 2 && n > 2)))
				return true;
		}
		p += n;
	}
	return false;
}

/* Env keys that redirect the agent's traffic or inject code into what it
 * runs. `all`: the agent's own env (settings "env"), where *_BASE_URL and
 * proxies matter; elsewhere only what injects code. */
static void env_key(struct sctx *x, TSNode key, const char *k, TSNode value, bool all)
{
	static const char *const inject[] = { "NODE_OPTIONS",
					      "LD_PRELOAD",
					      "LD_LIBRARY_PATH",
					      "DYLD_INSERT_LIBRARIES",
					      "DYLD_LIBRARY_PATH",
					      "BASH_ENV",
					      "ENV",
					      "PROMPT_COMMAND",
					      "CLAUDE_CODE_SHELL_PREFIX",
					      "PYTHONSTARTUP",
					      "PERL5OPT",
					      "RUBYOPT",
					      "GIT_SSH_COMMAND",
					      "NODE_EXTRA_CA_CERTS",
					      "SSL_CERT_FILE",
					      "REQUESTS_CA_BUNDLE",
					      NULL };
	size_t n = strlen(k);
	char v[LIMIT_SETTINGS_KEY_BYTES];

	text_of(x, value, v, sizeof(v));
	if (strcmp(k, "NODE_OPTIONS") == 0) {
		/* judged by its flags: a heap size or a warning switch runs
		 * nothing; --require, --import, --loader, --inspect do */
		if (strlen(v) + 1 >= sizeof(v) || node_options_run_code(v))
			report(x, "AL403", 0, key, "%s loads code or opens a debugger", k);
		return;
	}
	for (int i = 0; inject[i]; i++)
		if (strcmp(k, inject[i]) == 0) {
			report(x, "AL403", 0, key, "%s", k);
			return;
		}
	if (strcmp(k, "NODE_TLS_REJECT_UNAUTHORIZED") == 0 && strcmp(v, "0") == 0) {
		report(x, "AL403", 0, key, "%s=0 turns TLS verification off", k);
		return;
	}
	if (!all) {
		/* an MCP server or container whose model API calls (with the
		 * user's key) go to another host */
		if (n >= 9 && strcmp(k + n - 9, "_BASE_URL") == 0 && model_vendor(k) &&
		    (strncmp(v, "https://", 8) == 0 || strncmp(v, "http://", 7) == 0) &&
		    !local_url(x, v, sizeof(v)))
			report(x, "AL403", 0, key, "%s", k);
		return;
	}
	/* a model server on this machine (Ollama, a local proxy) sends nothing away */
	if (n >= 9 && strcmp(k + n - 9, "_BASE_URL") == 0 && local_url(x, v, sizeof(v)))
		return;
	if ((n >= 9 && strcmp(k + n - 9, "_BASE_URL") == 0) || strcasecmp(k, "HTTP_PROXY") == 0 ||
	    strcasecmp(k, "HTTPS_PROXY") == 0 || strcasecmp(k, "ALL_PROXY") == 0 ||
	    strcmp(k, "PATH") == 0 || strcmp(k, "PYTHONPATH") == 0 || strcmp(k, "NODE_PATH") == 0 ||
	    strncmp(k, "OTEL_EXPORTER_", 14) == 0 || strncmp(k, "OTEL_LOG", 8) == 0 ||
	    strcmp(k, "CLAUDE_CODE_ENABLE_TELEMETRY") == 0 ||
	    strcmp(k, "ANTHROPIC_CUSTOM_HEADERS") == 0)
		report(x, "AL403", 0, key, "%s", k);
}

static bool wildcard_rule(const char *r)
{
	return strcmp(r, "*") == 0 || strcmp(r, "Bash") == 0 || strcmp(r, "Bash(*)") == 0 ||
	       strcmp(r, "Bash(:*)") == 0 || strcmp(r, "Bash(**)") == 0 ||
	       strcmp(r, "run_shell_command") == 0 || strcmp(r, "ShellTool") == 0 ||
	       /* a shell or eval as the command runs any command */
	       strcmp(r, "Bash(sh:*)") == 0 || strcmp(r, "Bash(bash:*)") == 0 ||
	       strcmp(r, "Bash(zsh:*)") == 0 || strcmp(r, "Bash(eval:*)") == 0 ||
	       strcmp(r, "Bash(sh -c:*)") == 0 || strcmp(r, "Bash(bash -c:*)") == 0;
}

static void allow_rules(struct sctx *x, TSNode arr)
{
	struct ts_kids it;
	TSNode s;

	al_ts_kids_begin(&it, arr);
	while (al_ts_kids_next(&it, &s) && x->error == 0) {
		char r[LIMIT_SETTINGS_KEY_BYTES];

		text_of(x, s, r, sizeof(r));
		if (wildcard_rule(r))
			report(x, "AL405", 0, s, "%s", r);
		else if (strcmp(r, "Read(~/**)") == 0 || strcmp(r, "Read(~/*)") == 0 ||
			 strcmp(r, "Read(~)") == 0 || strcmp(r, "Read(//**)") == 0 ||
			 strcmp(r, "Read(/**)") == 0 || strcmp(r, "Read(**)") == 0)
			report(x, "AL406", 0, s, "%s: every file, credentials included", r);
		else if (al_shell_credential_path(r))
			report(x, "AL406", 0, s, "%s", r);
	}
	al_ts_kids_end(&it);
}

static void broad_directories(struct sctx *x, TSNode arr)
{
	struct ts_kids it;
	TSNode s;

	al_ts_kids_begin(&it, arr);
	while (al_ts_kids_next(&it, &s) && x->error == 0) {
		char d[LIMIT_SETTINGS_KEY_BYTES];

		text_of(x, s, d, sizeof(d));
		if (strcmp(d, "/") == 0 || strcmp(d, "~") == 0 || strcmp(d, "~/") == 0 ||
		    strcmp(d, "$HOME") == 0 || strcmp(d, "..") == 0 || strcmp(d, "../") == 0)
			report(x, "AL416", 0, s, "%s", d);
	}
	al_ts_kids_end(&it);
}

/* ${VAR} or $VAR references in `v` that name a secret not belonging to
 * `host`. */
static void foreign_secrets(struct sctx *x, TSNode at, const char *v, const char *host)
{
	for (const char *p = strchr(v, '$'); p; p = strchr(p + 1, '$')) {
		char var[64];
		size_t o = 0;
		const char *q = p + 1 + (p[1] == '{');

		while ((*q == '_' || (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') ||
			(*q >= '0' && *q <= '9')) &&
		       o + 1 < sizeof(var))
			var[o++] = *q++;
		var[o] = '\0';
		if (o && al_shell_secret_name(var) && !al_shell_vendor_host(var, host)) {
			report(x, "AL411", 0, at, "${%s} is sent to %s", var,
			       *host ? host : "a host that cannot be read");
			return;
		}
	}
}

static void server_headers(struct sctx *x, TSNode headers, const char *host)
{
	struct ts_kids it;
	TSNode p;

	al_ts_kids_begin(&it, headers);
	while (al_ts_kids_next(&it, &p) && x->error == 0) {
		TSNode k = ts_node_child_by_field_name(p, "key", 3);
		TSNode v = ts_node_child_by_field_name(p, "value", 5);
		char key[LIMIT_SETTINGS_KEY_BYTES], val[512];

		if (!al_ts_is(p, "pair") || ts_node_is_null(k) || ts_node_is_null(v))
			continue;
		text_of(x, k, key, sizeof(key));
		text_of(x, v, val, sizeof(val));
		if (strchr(val, '$')) {
			foreign_secrets(x, v, val, host);
			continue;
		}
		if ((strcasecmp(key, "Authorization") == 0 || strcasestr(key, "token") ||
		     strcasestr(key, "key") || strcasestr(key, "secret")) &&
		    strlen(val) >= 12)
			report(x, "AL410", 0, v, "header %s", key);
	}
	al_ts_kids_end(&it);
}

/* An npx package without a version: whatever is published next runs. */
static void unpinned_npx(struct sctx *x, TSNode args)
{
	struct ts_kids it;
	TSNode s;
	bool yes = false;

	al_ts_kids_begin(&it, args);
	while (al_ts_kids_next(&it, &s)) {
		char a[LIMIT_SETTINGS_KEY_BYTES];
		const char *at;

		text_of(x, s, a, sizeof(a));
		if (strcmp(a, "-y") == 0 || strcmp(a, "--yes") == 0) {
			yes = true;
			continue;
		}
		if (a[0] == '-' || !yes)
			continue;
		at = strchr(a + (a[0] == '@'), '@');
		if (!at || strcmp(at, "@latest") == 0)
			report(x, "AL409", 0, s, "npx -y %s", a);
		break;
	}
	al_ts_kids_end(&it);
}

struct line {
	char *code;
	size_t *map, len, cap;
};

static int line_put(struct line *l, char c, size_t from)
{
	if (l->len == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 256;
		char *code;
		size_t *map;

		if (cap > LIMIT_PARSE_BYTES + 1)
			return 1; /* the parse would refuse it anyway: stop here */
		if (!(code = realloc(l->code, cap)))
			return al_error_oom();
		l->code = code;
		if (!(map = realloc(l->map, cap * sizeof(*map))))
			return al_error_oom();
		l->map = map;
		l->cap = cap;
	}
	l->code[l->len] = c;
	l->map[l->len++] = from;
	return 0;
}

/* Appends one JSON string, as a single-quoted shell word or (`quote` false)
 * as shell text; quotes map to the string's first character, every other
 * byte to where it came from. */
static int line_word(struct sctx *x, struct line *l, TSNode s, bool quote)
{
	char *d;
	size_t *m, n, at = ts_node_start_byte(s);
	int error;

	if ((error = al_json_string_decode(&d, &m, &n, x->buf, s)) < 0)
		return error;
	if (n)
		at = m[0]; /* the word starts where its text does, after the " */
	if (l->len)
		error = line_put(l, ' ', at);
	if (error == 0 && quote)
		error = line_put(l, '\'', at);
	for (size_t i = 0; i < n && error == 0; i++) {
		if (d[i] == '\'' && quote) {
			/* 'it'\''s' */
			for (const char *q = "'\\'"; *q && error == 0; q++)
				error = line_put(l, *q, m[i]);
		}
		if (error == 0)
			error = line_put(l, d[i], m[i]);
	}
	if (error == 0 && quote)
		error = line_put(l, '\'', at);
	free(d);
	free(m);
	return error;
}

/* The server's command and args as the one command line they amount to, so
 * that `bash -c CODE`, `python3 -c CODE`, `curl -T ~/.netrc URL` are judged
 * like any other command; each byte maps back to its JSON string. */
/* The words gathered in `l` (line_word's result `error`: 1 when over the
 * parse bound) handed to the shell analysis as one line; `l` is freed. */
static void scan_line(struct sctx *x, struct line *l, int error, TSNode at, const char *what,
		      const char *line_name)
{
	struct shell_code c = { 0 };

	if (error == 1) {
		report(x, "AL203", 0, at, "%s is over %u bytes", line_name, LIMIT_PARSE_BYTES);
		error = 0;
	} else if (error == 0 && l->len) {
		c.code = l->code;
		c.len = l->len;
		c.map = l->map;
		c.what = what;
		error = al_shell_scan(x->fs, x->ps, x->in, &c);
	}
	if (error < 0)
		x->error = error;
	free(l->code);
	free(l->map);
}

static void server_line(struct sctx *x, TSNode cmd, TSNode args, bool shell_command,
			const char *what)
{
	struct line l = { 0 };
	int error = line_word(x, &l, cmd, !shell_command);

	if (!ts_node_is_null(args) && al_ts_is(args, "array")) {
		struct ts_kids it;
		TSNode a;

		al_ts_kids_begin(&it, args);
		while (error == 0 && al_ts_kids_next(&it, &a))
			if (al_ts_is(a, "string"))
				error = line_word(x, &l, a, true);
		al_ts_kids_end(&it);
	}
	scan_line(x, &l, error, cmd, what, "the server's command line");
}

/* bash -lc "cd server && npm start": a shell started for its login PATH
 * that runs one plain program (the shell analysis has judged the line). No
 * pipes, substitutions, redirects, nested -c/-e, eval or downloads. */
static bool plain_shell_code(const char *code)
{
	static const char *const busy[] = { " -c",   " -e", "eval",   "base64", "curl",   "wget",
					    "/dev/", "nc ", "python", "perl",   "node -", NULL };

	if (!*code || strpbrk(code, "|`$<>\\'\"") || strlen(code) >= LIMIT_SETTINGS_KEY_BYTES - 1)
		return false;
	for (int i = 0; busy[i]; i++)
		if (strstr(code, busy[i]))
			return false;
	return true;
}

static void mcp_server(struct sctx *x, TSNode obj)
{
	TSNode cmd = GET(obj, "command"), args = GET(obj, "args"), url = GET(obj, "url");
	TSNode headers = GET(obj, "headers");
	char c[LIMIT_SETTINGS_KEY_BYTES], u[1024], host[256] = "";
	const char *base;
	int error;

	text_of(x, cmd, c, sizeof(c));
	text_of(x, url, u, sizeof(u));
	/* a URL that may have been cut names no host: its '@' could be past the cut */
	if (strlen(u) + 1 < sizeof(u) && (error = al_url_host(u, host, sizeof(host))) < 0) {
		x->error = error;
		return;
	}
	base = strrchr(c, '/') ? strrchr(c, '/') + 1 : c;
	if (!ts_node_is_null(url))
		foreign_secrets(x, url, u, host);
	if (!ts_node_is_null(headers) && al_ts_is(headers, "object"))
		server_headers(x, headers, host);
	if (ts_node_is_null(cmd))
		return;
	if (strpbrk(c, "|;&$`<>") || strchr(c, ' ')) {
		report(x, "AL408", 0, cmd, "command is a shell line");
		shell_string(x, cmd, "MCP server command");
	} else if (al_ts_is(cmd, "string")) {
		server_line(x, cmd, args, false, "MCP server command line");
	}
	if (ts_node_is_null(args) || !al_ts_is(args, "array"))
		return;
	if (strcmp(base, "npx") == 0)
		unpinned_npx(x, args);
	if (al_shell_is_shell(base, strlen(base)) || al_shell_is_interpreter(base, strlen(base))) {
		struct ts_kids it;
		TSNode arg;

		al_ts_kids_begin(&it, args);
		while (al_ts_kids_next(&it, &arg)) {
			char a[16], code[LIMIT_SETTINGS_KEY_BYTES] = "";
			TSNode next;

			text_of(x, arg, a, sizeof(a));
			if (a[0] != '-' || a[1] == '-' || !(strchr(a, 'c') || strchr(a, 'e')))
				continue;
			if (al_ts_kids_next(&it, &next))
				text_of(x, next, code, sizeof(code));
			report(x, "AL408",
			       al_shell_is_shell(base, strlen(base)) && plain_shell_code(code)
				       ? AIRLOCK_SEVERITY_MEDIUM
				       : 0,
			       cmd, "%s %s", base, a);
			break;
		}
		al_ts_kids_end(&it);
	}
}

/* A command given as an argv array (OpenCode's MCP servers, Codex's notify):
 * its words joined as the shell would see them quoted. */
static void argv_line(struct sctx *x, TSNode arr, const char *what)
{
	struct line l = { 0 };
	struct ts_kids it;
	TSNode a, first = { 0 };
	int error = 0;

	al_ts_kids_begin(&it, arr);
	while (error == 0 && al_ts_kids_next(&it, &a)) {
		if (!al_ts_is(a, "string"))
			continue;
		if (ts_node_is_null(first))
			first = a;
		error = line_word(x, &l, a, true);
	}
	al_ts_kids_end(&it);
	scan_line(x, &l, error, first, what, "the command line");
}

/* The row of the keys table (surfaces/keys.c) whose path is the walk's
 * current path and that runs a command, in any agent's schema: keys are
 * judged wherever they appear. NULL when none. */
static const struct config_key *command_key(const struct sctx *x)
{
	for (size_t r = 0; r < al_config_key_count; r++) {
		const struct config_key *k = &al_config_keys[r];
		const char *p = k->path;
		int i = 0;

		if (k->action != KEY_COMMAND && k->action != KEY_COMMANDS)
			continue;
		for (; i < x->depth && *p; i++) {
			size_t n = strcspn(p, "/");

			if (!(n == 1 && *p == '*') &&
			    (strlen(x->path[i]) != n || strncmp(x->path[i], p, n) != 0))
				break;
			p += n;
			p += *p == '/';
		}
		if (i == x->depth && !*p)
			return k;
	}
	return NULL;
}

/* The matcher group a hook command sits in: ... "hooks" [] "command", the
 * group being the object that holds "hooks". Taken from the walk's own
 * stack: ts_node_parent searches down from the root, linear in the width of
 * every array on the way. */
static TSNode matcher_group(const struct sctx *x)
{
	return x->depth >= 3 && al_ts_is(x->holder[x->depth - 3], "object")
		       ? x->holder[x->depth - 3]
		       : (TSNode){ 0 };
}

/* A hook command; one that runs at every session start (no matcher, or an
 * empty one) and reaches the network is worth a look of its own. */
static void hook_command(struct sctx *x, TSNode value)
{
	size_t from = x->fs->count;
	TSNode group, matcher;
	char m[LIMIT_SETTINGS_KEY_BYTES] = "";

	shell_string(x, value, "hook command");
	if (x->error < 0 || !in_path(x, "SessionStart"))
		return;
	group = matcher_group(x);
	if (ts_node_is_null(group))
		return;
	matcher = GET(group, "matcher");
	text_of(x, matcher, m, sizeof(m));
	if (strcmp(m, "") != 0 && strcmp(m, "*") != 0)
		return;
	for (size_t i = from; i < x->fs->count; i++)
		if (strcmp(x->fs->v[i].rule, "AL211") == 0) {
			report(x, "AL418", 0, value, "%s", "");
			return;
		}
}

static bool lifecycle_key(const char *k)
{
	return strcmp(k, "initializeCommand") == 0 || strcmp(k, "onCreateCommand") == 0 ||
	       strcmp(k, "updateContentCommand") == 0 || strcmp(k, "postCreateCommand") == 0 ||
	       strcmp(k, "postStartCommand") == 0 || strcmp(k, "postAttachCommand") == 0;
}

/* A command pattern that matches every command line: "*", or a regular
 * expression such as "/.*\/" or "/^.+$/i". */
static bool catch_all_pattern(const char *k)
{
	static const char *const all[] = { ".*", ".+", "^.*", "^.+", ".*$", ".+$", "^.*$", "^.+$" };
	const char *end;

	if (strcmp(k, "*") == 0 || strcmp(k, "**") == 0)
		return true;
	if (k[0] != '/' || !(end = strrchr(k + 1, '/')))
		return false;
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if ((size_t)(end - k - 1) == strlen(all[i]) &&
		    strncmp(k + 1, all[i], strlen(all[i])) == 0)
			return true;
	return false;
}

/* One key of an object, with x->path ending in it. */
static void check_pair(struct sctx *x, TSNode key, const char *k, TSNode value)
{
	const char *up = parent(x, 1);
	const struct helper_key *helper = al_helper_key_named(k), *holder;
	char v[LIMIT_SETTINGS_KEY_BYTES];

	text_of(x, value, v, sizeof(v));
	if (strcmp(up, "env") == 0 && al_ts_is(value, "string"))
		env_key(x, key, k, value, x->depth == 2);
	else if ((strcmp(up, "containerEnv") == 0 || strcmp(up, "remoteEnv") == 0 ||
		  strncmp(up, "terminal.integrated.env", 23) == 0) &&
		 al_ts_is(value, "string"))
		env_key(x, key, k, value, false);
	if ((strcmp(k, "defaultMode") == 0 || strcmp(k, "permissionMode") == 0) &&
	    strcmp(v, "bypassPermissions") == 0)
		report(x, "AL404", 0, value, "%s", k);
	/* VS Code: Copilot agent tools run without confirmation, a prompt
	 * injection's first write (CVE-2025-53773) */
	{
		size_t kl = strlen(k);

		size_t ul = strlen(up);

		if (kl >= 12 && strcmp(k + kl - 12, ".autoApprove") == 0 && al_ts_is(value, "true"))
			report(x, "AL404", 0, key, "%s", k);
		/* chat.tools.terminal.autoApprove as patterns: one that matches
		 * every command line approves them all */
		if (ul >= 12 && strcmp(up + ul - 12, ".autoApprove") == 0 &&
		    al_ts_is(value, "true") && catch_all_pattern(k))
			report(x, "AL404", 0, key, "%s: %s", up, k);
	}
	if (strcmp(k, "task.allowAutomaticTasks") == 0 && strcmp(v, "on") == 0)
		report(x, "AL414", 0, value, "%s", k);
	/* Gemini CLI: tools.allowed run without confirmation */
	if ((strcmp(k, "allow") == 0 || (strcmp(k, "allowed") == 0 && strcmp(up, "tools") == 0)) &&
	    al_ts_is(value, "array"))
		allow_rules(x, value);
	if (strcmp(k, "additionalDirectories") == 0 && al_ts_is(value, "array"))
		broad_directories(x, value);
	/* Claude Code plugins: code from a marketplace repository, fetched
	 * when the folder is trusted in the agent */
	if (x->depth == 1 &&
	    (strcmp(k, "extraKnownMarketplaces") == 0 || strcmp(k, "enabledPlugins") == 0) &&
	    al_ts_is(value, "object") && ts_node_named_child_count(value) > 0)
		report(x, "AL421", 0, key, "%s", k);
	if (strcmp(k, "enableAllProjectMcpServers") == 0 && al_ts_is(value, "true"))
		report(x, "AL407", 0, key, "%s", k);
	if (strcmp(k, "enabledMcpjsonServers") == 0 && al_ts_is(value, "array") &&
	    ts_node_named_child_count(value) > 0)
		report(x, "AL417", 0, key, "%s", k);
	if (helper && helper->form == HELPER_STRING && al_ts_is(value, "string")) {
		if (helper->credentials)
			report(x, "AL412", 0, key, "%s", k);
		shell_string(x, value, k);
	}
	/* Copilot's hooks hold their command as "bash" (and "powershell") */
	if ((strcmp(k, "bash") == 0 || strcmp(k, "powershell") == 0) && in_path(x, "hooks") &&
	    al_ts_is(value, "string"))
		hook_command(x, value);
	if (strcmp(k, "command") == 0 && al_ts_is(value, "string")) {
		if (in_path(x, "hooks"))
			hook_command(x, value);
		else if ((holder = al_helper_key_named(up)) && holder->form == HELPER_OBJECT)
			shell_string(x, value, holder->about);
		else if (strcmp(x->path[0], "tasks") == 0)
			/* a task's command is shell text, its args words after it */
			server_line(x, value, GET(x->holder[x->depth - 1], "args"), true,
				    "task command");
	}
	if (strcmp(k, "type") == 0 && strcmp(v, "http") == 0 && in_path(x, "hooks"))
		report(x, "AL413", 0, value, "a hook posts events to a URL");
	if (strcmp(k, "runOn") == 0 && strcmp(v, "folderOpen") == 0)
		report(x, "AL414", 0, value, "runOn folderOpen");
	if (lifecycle_key(k)) {
		report(x, "AL415", 0, key, "%s", k);
		if (al_ts_is(value, "string"))
			shell_string(x, value, "devcontainer command");
	}
	/* .claude/launch.json: a program the agent starts to preview the app */
	if (strcmp(k, "runtimeExecutable") == 0 && al_ts_is(value, "string") &&
	    in_path(x, "configurations")) {
		report(x, "AL419", 0, value, "%s", v);
		server_line(x, value, GET(x->holder[x->depth - 1], "runtimeArgs"), false,
			    "launch command line");
	}
	if ((strcmp(up, "mcpServers") == 0 || strcmp(up, "servers") == 0 ||
	     strcmp(up, "mcp_servers") == 0 || strcmp(up, "context_servers") == 0 ||
	     (strcmp(up, "mcp") == 0 && x->depth == 2)) &&
	    al_ts_is(value, "object")) {
		mcp_server(x, value);
		TSNode cmd = GET(value, "command");

		if (!ts_node_is_null(cmd) && al_ts_is(cmd, "array")) /* OpenCode */
			argv_line(x, cmd, "MCP server command line");
	}
	/* the other agents' keys that run a command (Gemini's discoveryCommand,
	 * Codex's notify, Kiro's runCommand, Aider's lint-cmd, ...) */
	if (!helper && !lifecycle_key(k) && !in_path(x, "hooks") &&
	    (al_ts_is(value, "string") || al_ts_is(value, "array")) && command_key(x)) {
		if (al_ts_is(value, "string"))
			shell_string(x, value, k);
		else
			argv_line(x, value, k);
	}
}

static void push(struct sctx *x, const char *k, TSNode holder)
{
	x->holder[x->depth] = holder;
	snprintf(x->path[x->depth], LIMIT_SETTINGS_KEY_BYTES, "%s", k);
	x->depth++;
}

static void walk_value(struct sctx *x, TSNode v);

struct key_at {
	const char *t; /* the key's raw text, quotes included */
	size_t len;
	TSNode node;
};

static int by_key(const void *a, const void *b)
{
	const struct key_at *x = a, *y = b;
	int c;

	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	if ((c = memcmp(x->t, y->t, x->len)) != 0)
		return c;
	return ts_node_start_byte(x->node) < ts_node_start_byte(y->node) ? -1 : 1;
}

/* A repeated key: jansson rejects it, other parsers keep the first or the
 * last value. Sorted, so an object of many keys costs n log n. */
static void duplicate_keys(struct sctx *x, struct key_at *keys, size_t n)
{
	if (n < 2)
		return;
	qsort(keys, n, sizeof(*keys), by_key);
	for (size_t i = 1; i < n; i++) {
		const struct key_at *a = &keys[i - 1], *b = &keys[i];
		int shown = b->len >= 2 ? (int)(b->len - 2 > 64 ? 64 : b->len - 2) : 0;

		if (a->len == b->len && memcmp(a->t, b->t, a->len) == 0)
			report(x, "AL402", 0, b->node, "%.*s", shown, b->len ? b->t + 1 : b->t);
	}
}

static void walk_object(struct sctx *x, TSNode obj)
{
	struct key_at *keys = NULL, *grown;
	size_t nkeys = 0, alloc = 0;
	struct ts_kids it;
	TSNode p;

	al_ts_kids_begin(&it, obj);
	while (x->error == 0 && al_ts_kids_next(&it, &p)) {
		TSNode k = ts_node_child_by_field_name(p, "key", 3);
		TSNode v = ts_node_child_by_field_name(p, "value", 5);
		char key[LIMIT_SETTINGS_KEY_BYTES];

		if (!al_ts_is(p, "pair") || ts_node_is_null(k))
			continue;
		if (nkeys == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			if (alloc > SIZE_MAX / sizeof(*keys) ||
			    !(grown = realloc(keys, alloc * sizeof(*keys)))) {
				x->error = al_error_oom();
				break;
			}
			keys = grown;
		}
		keys[nkeys].t = ts_text(k, x->buf, &keys[nkeys].len);
		keys[nkeys++].node = k;
		text_of(x, k, key, sizeof(key));
		push(x, key, obj);
		if (!ts_node_is_null(v)) {
			check_pair(x, k, key, v);
			walk_value(x, v);
		}
		x->depth--;
	}
	al_ts_kids_end(&it);
	if (x->error == 0)
		duplicate_keys(x, keys, nkeys);
	free(keys);
}

/* x->depth containers hold v; a container at that depth would be level
 * x->depth + 1, counted as config/parse.c counts (LIMIT_JSON_DEPTH). */
static void walk_value(struct sctx *x, TSNode v)
{
	bool container = al_ts_is(v, "object") || al_ts_is(v, "array");

	if (container && x->depth >= LIMIT_JSON_DEPTH) {
		if (!x->deep_reported)
			report(x, "AL401", 0, v, "nested deeper than %d levels", LIMIT_JSON_DEPTH);
		x->deep_reported = true;
		return;
	}
	if (al_ts_is(v, "object")) {
		walk_object(x, v);
	} else if (al_ts_is(v, "array")) {
		struct ts_kids it;
		TSNode item;

		push(x, "[]", v);
		al_ts_kids_begin(&it, v);
		while (x->error == 0 && al_ts_kids_next(&it, &item))
			walk_value(x, item);
		al_ts_kids_end(&it);
		x->depth--;
	}
}

/* A trailing comma, which JSONC (VS Code, devcontainer) allows: an ERROR
 * holding only "," before a closing bracket, or (after two or more items)
 * an empty MISSING value that tree-sitter puts between the comma and the
 * bracket. */
static bool trailing_comma(const struct sctx *x, TSNode e)
{
	size_t len, i = ts_node_end_byte(e), b = ts_node_start_byte(e);
	const char *t = ts_text(e, x->buf, &len);

	if (ts_node_is_missing(e) && len == 0) {
		while (b > 0 && strchr(" \t\r\n", x->buf[b - 1]))
			b--;
		if (b == 0 || x->buf[b - 1] != ',')
			return false;
	} else if (!al_ts_is(e, "ERROR") || len != 1 || t[0] != ',') {
		return false;
	}
	while (i < x->in->len && strchr(" \t\r\n", x->buf[i]))
		i++;
	return i < x->in->len && (x->buf[i] == '}' || x->buf[i] == ']');
}

/* The first ERROR or MISSING node that is not an allowed trailing comma;
 * a null node when there is none. */
static TSNode first_error(const struct sctx *x, TSNode root)
{
	TSTreeCursor cur = ts_tree_cursor_new(root);
	TSNode found = { 0 };

	for (;;) {
		TSNode v = ts_tree_cursor_current_node(&cur);

		bool broken = ts_node_is_missing(v) || al_ts_is(v, "ERROR");

		if (broken && !(x->in->kind == AIRLOCK_KIND_JSONC && trailing_comma(x, v))) {
			found = v;
			break;
		}
		/* only a subtree that holds an error is worth descending into; a
		 * tolerated trailing comma is stepped over */
		if (!al_ts_cursor_next(&cur, !broken && ts_node_has_error(v)))
			break;
	}
	ts_tree_cursor_delete(&cur);
	return found;
}

int al_settings_scan(struct findings *fs, struct ts_parsers *ps, const struct scan_input *in)
{
	struct sctx *x = calloc(1, sizeof(*x));
	TSTree *tree = NULL;
	TSNode root;
	int error;

	if (!x)
		return al_error_oom();
	x->fs = fs;
	x->ps = ps;
	x->in = in;
	x->buf = (const char *)in->data;
	if ((error = al_ts_parse(&tree, ps, TS_JSON, x->buf, in->len)) < 0)
		goto out;
	if (error == 1) {
		report(x, "AL401", 0, (TSNode){ 0 }, "over the parse limits");
		error = x->error;
		goto out;
	}
	if (error == 2) {
		report(x, "AL401", 0, (TSNode){ 0 },
		       "nested more than %u deep, or more than %u brackets or %u comments, not parsed",
		       LIMIT_PARSE_NESTING, LIMIT_JSON_BRACKETS, LIMIT_PARSE_COMMENTS);
		error = x->error;
		goto out;
	}
	root = ts_tree_root_node(tree);
	if (ts_node_has_error(root)) {
		TSNode e = first_error(x, root);

		/* An ERROR that wraps complete pairs ends where the parse broke
		 * (a missing comma): report the token after it. */
		if (!ts_node_is_null(e) && al_ts_is(e, "ERROR") &&
		    ts_node_named_child_count(e) > 0 && !ts_node_is_null(ts_node_next_sibling(e)))
			e = ts_node_next_sibling(e);
		if (!ts_node_is_null(e))
			report(x, "AL401", 0, e, "%s", "");
	}
	{
		struct ts_kids it;
		TSNode v;

		al_ts_kids_begin(&it, root);
		while (x->error == 0 && al_ts_kids_next(&it, &v))
			walk_value(x, v);
		al_ts_kids_end(&it);
	}
	error = x->error;
out:
	if (tree)
		ts_tree_delete(tree);
	free(x);
	return error;
}
