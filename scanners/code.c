/*
 * code.c - fenced Python and JavaScript judged from their syntax trees.
 *
 * One walk over the tree in source order. An assignment notes what its
 * right side holds (a secret, a download, a path, a network object) under
 * the names it binds; a call is judged by what its callee is (a network
 * call, code execution, a command, a file write, a recursive delete) and
 * what its arguments hold, names included. Only combinations are reported:
 * a network call or a secret read alone is how documentation uses APIs.
 * What an API key is for - an Authorization header - is left out of the
 * flow, and so is a vendor's key sent to its vendor (scanners/shellwords.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/limits.h"
#include "common/url.h"
#include "scanners/catalogue.h"
#include "scanners/code.h"
#include "scanners/codewords.h"
#include "scanners/shell.h"
#include "scanners/shellwords.h"

enum {
	T_CRED = 1u << 0,     /* a credential file's contents, a keychain entry */
	T_ENV = 1u << 1,      /* the whole environment */
	T_VAR = 1u << 2,      /* a secret-named environment variable */
	T_DOWNLOAD = 1u << 3, /* what a network call returned */
	T_DECODE = 1u << 4,   /* decoded text (base64, hex) */
	T_PERSIST = 1u << 5,  /* a path where code runs later (rc files, cron, agent settings) */
	T_NETOBJ = 1u << 6,   /* a socket, connection, session or XMLHttpRequest */
	T_HOME = 1u << 7,     /* the home or root folder */
	T_INPUT =
		1u << 8, /* what a web request sent: request.args, req.body, a route's parameters */
};
#define T_SECRET (T_CRED | T_ENV | T_VAR)

#define NAME_BYTES 128
/* Names one fence may bind to something the flows follow; past it the
 * analysis stops, and says so (AL203). */
#define NOTES      256

struct taint {
	char name[64];
	unsigned int t;
	char var[64];   /* the secret variable, for T_VAR */
	char what[96];  /* the credential or persistence path, for messages */
	char host[128]; /* a URL literal's host, when the name holds one */
};

struct facts {
	unsigned int t;
	char var[64];  /* first secret variable */
	char what[96]; /* first credential or persistence literal */
	char hosts[4][128];
	int nhosts;
	bool unread_host; /* a URL literal whose host cannot be read */
	size_t slot_end;  /* end of the credential slot being walked (see credential_slot) */
};

struct cctx {
	struct findings *fs;
	struct ts_parsers *ps;
	const struct scan_input *in;
	const struct code_fence *c;
	bool py;
	const char *what;
	struct taint notes[NOTES];
	int nnotes;
	char fetched[LIMIT_SHELL_NOTES][LIMIT_SHELL_ARG_BYTES]; /* files a download was saved to */
	int nfetched;
	bool socket;        /* a raw socket is made */
	TSNode dup, spawn;  /* the first dup2/pty.spawn, the first shell spawned */
	size_t last_end[4]; /* end of the last AL210/AL220/AL221/AL222 call reported */
	size_t steps;
	bool spent;
	bool full; /* more than NOTES names to follow */
	int error;
};

/* --- text ---------------------------------------------------------------------- */

/* A copy of `src` cut to fit. */
static void set(char *dst, size_t cap, const char *src)
{
	size_t n = strlen(src);

	if (n >= cap)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static bool step(struct cctx *x)
{
	if (++x->steps <= LIMIT_SHELL_STEPS)
		return true;
	x->spent = true;
	return false;
}

static void copy_text(const struct cctx *x, TSNode n, char *buf, size_t cap)
{
	size_t len;
	const char *s = ts_text(n, x->c->code, &len);

	if (len >= cap)
		len = cap - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
}

static bool is_string(TSNode n)
{
	return al_ts_is(n, "string") || al_ts_is(n, "template_string");
}

/* The text between a string literal's quotes (its prefix and quotes left
 * out): [*start, *end) in the code. False for no string. *subst: it holds
 * an interpolation. */
static bool string_span(TSNode n, size_t *start, size_t *end, bool *subst)
{
	uint32_t k = ts_node_child_count(n);
	struct ts_kids it;
	TSNode ch;

	if (!is_string(n) || k < 2)
		return false;
	*start = ts_node_end_byte(ts_node_child(n, 0));
	*end = ts_node_start_byte(ts_node_child(n, k - 1));
	if (*end < *start)
		*end = *start;
	*subst = false;
	al_ts_kids_begin(&it, n);
	while (al_ts_kids_next(&it, &ch))
		if (al_ts_is(ch, "interpolation") || al_ts_is(ch, "template_substitution"))
			*subst = true;
	al_ts_kids_end(&it);
	return true;
}

static void string_value(const struct cctx *x, TSNode n, char *buf, size_t cap)
{
	size_t s, e;
	bool subst;

	buf[0] = '\0';
	if (!string_span(n, &s, &e, &subst))
		return;
	if (e - s >= cap)
		e = s + cap - 1;
	memcpy(buf, x->c->code + s, e - s);
	buf[e - s] = '\0';
}

static TSNode field(TSNode n, const char *name)
{
	return ts_node_child_by_field_name(n, name, (uint32_t)strlen(name));
}

static bool member(TSNode n)
{
	return al_ts_is(n, "attribute") || al_ts_is(n, "member_expression");
}

static bool call(TSNode n)
{
	return al_ts_is(n, "call") || al_ts_is(n, "call_expression") ||
	       al_ts_is(n, "new_expression");
}

static TSNode callee(TSNode n)
{
	return al_ts_is(n, "new_expression") ? field(n, "constructor") : field(n, "function");
}

/*
 * The dotted name of an expression: requests.post, os.environ.get,
 * requests.Session().post, require().exec. At most 12 parts, read without
 * recursion; what is not a name, a member or a call is "?".
 */
static void dotted(const struct cctx *x, TSNode n, char *out, size_t cap)
{
	char parts[12][48];
	int k = 0;

	while (k < 12 && !ts_node_is_null(n)) {
		if (member(n)) {
			TSNode p = field(n, x->py ? "attribute" : "property");

			if (ts_node_is_null(p))
				break;
			copy_text(x, p, parts[k++], sizeof(parts[0]));
			n = field(n, "object");
		} else if (call(n)) {
			snprintf(parts[k++], sizeof(parts[0]), "()");
			n = callee(n);
		} else if (al_ts_is(n, "await_expression") ||
			   al_ts_is(n, "parenthesized_expression") || al_ts_is(n, "await")) {
			n = ts_node_named_child(n, 0);
		} else {
			if (al_ts_is(n, "identifier") || al_ts_is(n, "this"))
				copy_text(x, n, parts[k++], sizeof(parts[0]));
			else
				snprintf(parts[k++], sizeof(parts[0]), "?");
			break;
		}
	}
	out[0] = '\0';
	for (int i = k - 1, o = 0; i >= 0; i--) {
		int w = snprintf(out + o, cap - (size_t)o, "%s%s",
				 (i == k - 1 || strcmp(parts[i], "()") == 0) ? "" : ".", parts[i]);

		if (w < 0 || (size_t)(o + w) >= cap)
			break;
		o += w;
	}
}

static const char *last_part(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot ? dot + 1 : name;
}

static bool one_of(const char *s, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static unsigned int callee_kind(const struct cctx *x, TSNode n, char *nm, size_t cap)
{
	dotted(x, callee(n), nm, cap);
	return al_code_callee(nm, x->py, al_ts_is(n, "new_expression"));
}

/* --- what an expression holds --------------------------------------------------- */

static const struct taint *noted(const struct cctx *x, const char *name)
{
	for (int i = x->nnotes; i-- > 0;)
		if (strcmp(x->notes[i].name, name) == 0)
			return &x->notes[i];
	return NULL;
}

static void add_host(struct facts *f, const char *host)
{
	for (int i = 0; i < f->nhosts; i++)
		if (strcmp(f->hosts[i], host) == 0)
			return;
	if (f->nhosts < 4)
		set(f->hosts[f->nhosts++], sizeof(f->hosts[0]), host);
	else
		f->unread_host = true;
}

static void secret_var(struct facts *f, TSNode at, const char *name)
{
	if (strcmp(name, "HOME") == 0 || strcmp(name, "USERPROFILE") == 0) {
		f->t |= T_HOME;
		return;
	}
	if (!al_shell_secret_name(name) || ts_node_start_byte(at) < f->slot_end)
		return;
	if (!(f->t & T_VAR))
		set(f->var, sizeof(f->var), name);
	f->t |= T_VAR;
}

/* What a web request sent, by the name a framework gives it: Flask's
 * request.args, .form, .json, .get_json(), .values, .data; Express's
 * req.body, req.query, req.params; Django's request.GET, request.POST. */
static bool request_input(const char *nm)
{
	static const char *const prefixes[] = { "request.args",
						"request.form",
						"request.json",
						"request.get_json",
						"request.values",
						"request.data",
						"request.GET",
						"request.POST",
						"request.body",
						"request.query_params",
						"request.query",
						"req.body",
						"req.query",
						"req.params",
						"ctx.request.body",
						"ctx.query",
						NULL };

	for (int i = 0; prefixes[i]; i++)
		if (starts(nm, prefixes[i]) &&
		    (nm[strlen(prefixes[i])] == '\0' || nm[strlen(prefixes[i])] == '.' ||
		     nm[strlen(prefixes[i])] == '('))
			return true;
	return false;
}

static bool env_object(const char *nm)
{
	return strcmp(nm, "os.environ") == 0 || strcmp(nm, "process.env") == 0;
}

static void literal_facts(struct cctx *x, TSNode n, struct facts *f)
{
	char v[LIMIT_SHELL_ARG_BYTES], host[128];

	string_value(x, n, v, sizeof(v));
	if (al_shell_credential_path(v)) {
		if (!(f->t & (T_CRED | T_PERSIST)))
			set(f->what, sizeof(f->what), v);
		f->t |= T_CRED;
	}
	if (al_shell_persistence_path(v) || strcmp(v, "/etc/hosts") == 0) {
		if (!(f->t & (T_CRED | T_PERSIST)))
			set(f->what, sizeof(f->what), v);
		f->t |= T_PERSIST;
	}
	if (strcmp(v, "/") == 0 || strcmp(v, "/*") == 0 || strcmp(v, "~") == 0 ||
	    strcmp(v, "~/") == 0)
		f->t |= T_HOME;
	for (int i = 0; i < x->nfetched; i++)
		if (strstr(v, x->fetched[i]))
			f->t |= T_DOWNLOAD;
	if (starts(v, "http://") || starts(v, "https://")) {
		int r = strlen(v) + 1 < sizeof(v) ? al_url_host(v, host, sizeof(host)) : 0;

		if (r < 0)
			x->error = r;
		else if (r == 1)
			add_host(f, host);
		else
			f->unread_host = true;
	}
}

/* What a name (or a dotted member: self.token) was bound to. */
static void name_facts(const struct cctx *x, TSNode n, const char *name, struct facts *f)
{
	const struct taint *t;
	unsigned int add;

	if (!(t = noted(x, name)))
		return;
	add = t->t;
	if (ts_node_start_byte(n) < f->slot_end)
		add &= ~T_VAR;
	if ((add & T_VAR) && !(f->t & T_VAR))
		set(f->var, sizeof(f->var), t->var);
	if ((add & (T_CRED | T_PERSIST)) && !(f->t & (T_CRED | T_PERSIST)))
		set(f->what, sizeof(f->what), t->what);
	f->t |= add;
	if (t->host[0])
		add_host(f, t->host);
}

/* Headers, auth=, or a parameter named for a key (api_key=, "appid":,
 * token:): the place an API key is meant to go. A secret variable there is
 * the API's ordinary use; a credential file or the environment is not. */
static bool credential_slot(const struct cctx *x, TSNode n)
{
	static const char *const slots[] = { "headers",  "auth",         "authorization",
					     "api_key",  "apikey",       "key",
					     "token",    "access_token", "appid",
					     "app_id",   "x-api-key",    "client_secret",
					     "password", "bearer",       NULL };
	TSNode k = al_ts_is(n, "keyword_argument") ? field(n, "name")
		   : al_ts_is(n, "pair")           ? field(n, "key")
						   : (TSNode){ 0 };
	char name[32];

	if (ts_node_is_null(k))
		return false;
	if (is_string(k))
		string_value(x, k, name, sizeof(name));
	else
		copy_text(x, k, name, sizeof(name));
	for (char *p = name; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return one_of(name, slots);
}

/* One node's own contribution; false when its children need no visit. */
static bool node_facts(struct cctx *x, TSNode v, struct facts *f)
{
	char nm[NAME_BYTES], key[LIMIT_SHELL_ARG_BYTES];

	if (is_string(v)) {
		literal_facts(x, v, f);
		return true; /* f"{key}", `${key}` */
	}
	if (al_ts_is(v, "identifier") || al_ts_is(v, "shorthand_property_identifier")) {
		copy_text(x, v, nm, sizeof(nm));
		name_facts(x, v, nm, f);
		return false;
	}
	if (credential_slot(x, v) && ts_node_end_byte(v) > f->slot_end)
		f->slot_end = ts_node_end_byte(v);
	if (al_ts_is(v, "subscript") || al_ts_is(v, "subscript_expression")) {
		TSNode obj = field(v, x->py ? "value" : "object");
		TSNode idx = field(v, x->py ? "subscript" : "index");

		dotted(x, obj, nm, sizeof(nm));
		if (env_object(nm)) {
			/* one variable: a secret when its literal name says so */
			if (!ts_node_is_null(idx) && is_string(idx)) {
				string_value(x, idx, key, sizeof(key));
				secret_var(f, v, key);
			}
			return false;
		}
	}
	if (member(v)) {
		dotted(x, v, nm, sizeof(nm));
		if (env_object(nm)) {
			f->t |= T_ENV; /* os.environ, process.env as a whole */
			return false;
		}
		if (!x->py && starts(nm, "process.env.")) {
			secret_var(f, v, nm + 12);
			return false;
		}
		if (request_input(nm))
			f->t |= T_INPUT;
		name_facts(x, v, nm, f); /* self.token */
	}
	if (call(v)) {
		unsigned int k = callee_kind(x, v, nm, sizeof(nm));
		TSNode args = field(v, "arguments");
		TSNode a0 = ts_node_is_null(args) ? args : ts_node_named_child(args, 0);

		if (strcmp(nm, "os.getenv") == 0 || strcmp(nm, "os.environ.get") == 0 ||
		    strcmp(nm, "getenv") == 0) {
			if (!ts_node_is_null(a0) && is_string(a0)) {
				string_value(x, a0, key, sizeof(key));
				secret_var(f, v, key);
			}
			return false;
		}
		if (strcmp(nm, "os.environ.copy") == 0 || strcmp(nm, "os.environ.items") == 0) {
			f->t |= T_ENV;
			return false;
		}
		if (strcmp(nm, "Path.home") == 0 || strcmp(nm, "pathlib.Path.home") == 0 ||
		    strcmp(nm, "os.homedir") == 0 || strcmp(nm, "require().homedir") == 0 ||
		    (strcmp(nm, "os.path.expanduser") == 0 && !ts_node_is_null(a0) &&
		     is_string(a0) &&
		     (string_value(x, a0, key, sizeof(key)), strcmp(key, "~") == 0)))
			f->t |= T_HOME;
		if (k & C_DOWNLOAD)
			f->t |= T_DOWNLOAD;
		if (k & C_DECODE) {
			/* Buffer.from(x, 'base64'): only a decoding with an encoding */
			bool decodes = strcmp(nm, "Buffer.from") != 0;
			TSNode a1 = ts_node_is_null(args) ? args : ts_node_named_child(args, 1);

			if (!decodes && !ts_node_is_null(a1) && is_string(a1)) {
				string_value(x, a1, key, sizeof(key));
				decodes = strcmp(key, "base64") == 0 || strcmp(key, "hex") == 0;
			}
			if (decodes)
				f->t |= T_DECODE;
		}
		if (k & C_NETOBJ)
			f->t |= T_NETOBJ;
		if (k & C_KEYCHAIN)
			f->t |= T_CRED;
	}
	return true;
}

/* Everything under `n` together. */
static void facts_of(struct cctx *x, TSNode n, struct facts *f)
{
	TSTreeCursor cur;

	memset(f, 0, sizeof(*f));
	if (ts_node_is_null(n))
		return;
	/* a cursor made on `n` never leaves it */
	cur = ts_tree_cursor_new(n);
	while (step(x) &&
	       al_ts_cursor_next(&cur, node_facts(x, ts_tree_cursor_current_node(&cur), f)))
		;
	ts_tree_cursor_delete(&cur);
}

/* --- reporting ------------------------------------------------------------------- */

static void report(struct cctx *x, const char *rule, airlock_severity sev, TSNode n,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void report(struct cctx *x, const char *rule, airlock_severity sev, TSNode n,
		   const char *fmt, ...)
{
	const struct al_builtin_rule *b = al_builtin_rule(rule);
	struct finding_spec s = { 0 };
	char msg[512], detail[256];
	va_list ap;
	int error;

	if (x->error < 0)
		return;
	if (!sev)
		sev = b->severity;
	for (int i = 0; i < x->c->lower; i++)
		sev = al_severity_lower(sev);
	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	snprintf(msg, sizeof(msg), "%s%s%s (%s)", b->description, *detail ? ": " : "", detail,
		 x->what);
	s.rule = b->id;
	s.category = b->category;
	s.confidence = b->confidence;
	s.severity = sev;
	s.message = msg;
	s.start = x->c->base + (ts_node_is_null(n) ? 0 : ts_node_start_byte(n));
	s.end = x->c->base + (ts_node_is_null(n) ? 0 : ts_node_end_byte(n));
	if ((error = al_findings_add(x->fs, x->in, &s)) < 0)
		x->error = error;
}

/* One report per call and rule: a call nested in one already reported
 * (urlopen(Request(url, data=...))) adds nothing. */
static bool first_report(struct cctx *x, int slot, TSNode n)
{
	if (ts_node_start_byte(n) < x->last_end[slot])
		return false;
	x->last_end[slot] = ts_node_end_byte(n);
	return true;
}

/* --- judging ----------------------------------------------------------------------- */

/* True when $var may go to every host the call names: its vendor's, or
 * the host named after it. False when no host can be read. */
static bool own_hosts(const char *var, const struct facts *f)
{
	if (f->nhosts == 0 || f->unread_host)
		return false;
	for (int i = 0; i < f->nhosts; i++)
		if (!(al_shell_foreign_vendor(var) && al_shell_vendor_host(var, f->hosts[i])) &&
		    !al_shell_named_host(var, f->hosts[i]))
			return false;
	return true;
}

static void judge_flow(struct cctx *x, TSNode v, const char *nm, const struct facts *f)
{
	if (!(f->t & T_SECRET) || !first_report(x, 0, v))
		return;
	if (f->t & T_CRED)
		report(x, "AL210", 0, v, "%s sends what it read of %s", nm, f->what);
	else if (f->t & T_ENV)
		report(x, "AL210", 0, v, "%s sends the whole environment", nm);
	else if (!own_hosts(f->var, f))
		/* a literal host the variable is not for is a clear flow;
		 * a host the code computes is not read, and may be its own */
		report(x, "AL210", f->nhosts && !f->unread_host ? 0 : AIRLOCK_SEVERITY_HIGH, v,
		       "%s sends %s", nm, f->var);
}

static void shell_string(struct cctx *x, TSNode s)
{
	size_t start, end;
	bool subst;
	struct shell_code sc = { 0 };
	int error;

	if (!string_span(s, &start, &end, &subst) || subst || end == start ||
	    memchr(x->c->code + start, '\\', end - start))
		return; /* escapes or interpolation: not byte for byte */
	sc.code = x->c->code + start;
	sc.len = end - start;
	sc.base = x->c->base + start;
	sc.what = x->what;
	sc.lower = x->c->lower;
	if ((error = al_shell_scan(x->fs, x->ps, x->in, &sc)) < 0)
		x->error = error;
}

static const char *base_name(const char *s)
{
	const char *slash = strrchr(s, '/');

	return slash ? slash + 1 : s;
}

/* A command given as a program and a list of arguments: ["curl", "-d", key,
 * url], spawn("sh", ["-c", code]). */
static void judge_argv(struct cctx *x, TSNode v, TSNode prog, TSNode list)
{
	char p[LIMIT_SHELL_ARG_BYTES], a[LIMIT_SHELL_ARG_BYTES];
	struct ts_kids it;
	TSNode el;
	bool shell, dash_c = false, net, code = false;
	struct facts f;
	unsigned int all = 0;

	if (ts_node_is_null(prog) || !is_string(prog))
		return;
	string_value(x, prog, p, sizeof(p));
	shell = al_shell_is_shell(base_name(p), strlen(base_name(p))) ||
		al_shell_is_interpreter(base_name(p), strlen(base_name(p)));
	net = al_shell_listed(SL_HTTP, base_name(p)) || al_shell_listed(SL_RAW, base_name(p)) ||
	      al_shell_listed(SL_DNS, base_name(p));
	if (ts_node_is_null(list))
		return;
	al_ts_kids_begin(&it, list);
	while (al_ts_kids_next(&it, &el) && x->error == 0) {
		facts_of(x, el, &f);
		all |= f.t;
		if (net && (f.t & T_SECRET) && first_report(x, 0, v))
			report(x, "AL210", 0, v, "%s is given %s", base_name(p),
			       (f.t & T_CRED)  ? f.what
			       : (f.t & T_ENV) ? "the environment"
					       : f.var);
		if (shell && dash_c && is_string(el))
			shell_string(x, el);
		if (!is_string(el))
			continue;
		string_value(x, el, a, sizeof(a));
		dash_c = a[0] == '-' && a[1] && a[strlen(a) - 1] == 'c';
		code |= dash_c;
	}
	al_ts_kids_end(&it);
	/* an interactive shell (no code to run): what a reverse shell starts */
	if (!code && ts_node_is_null(x->spawn) &&
	    al_shell_is_shell(base_name(p), strlen(base_name(p))))
		x->spawn = v;
	if (shell && (all & T_DOWNLOAD) && first_report(x, 1, v))
		report(x, "AL220", 0, v, "%s runs what a download returned", base_name(p));
}

/* os.system("..."), subprocess.run([...]), child_process.exec(`...`),
 * spawn("sh", ["-c", "..."]). */
static void judge_run(struct cctx *x, TSNode v, const char *nm, TSNode args)
{
	TSNode a0 = ts_node_is_null(args) ? args : ts_node_named_child(args, 0);
	TSNode a1 = ts_node_is_null(args) ? args : ts_node_named_child(args, 1);
	struct facts f;
	char cmd[LIMIT_SHELL_ARG_BYTES];

	if (ts_node_is_null(a0))
		return;
	facts_of(x, a0, &f);
	if ((f.t & T_INPUT) && first_report(x, 3, v))
		report(x, "AL222", 0, v, "%s runs a command a web request sent", nm);
	if ((f.t & (T_DOWNLOAD | T_DECODE)) && first_report(x, 1, v))
		report(x, (f.t & T_DOWNLOAD) ? "AL220" : "AL221", 0, v,
		       "%s runs what a %s returned", nm,
		       (f.t & T_DOWNLOAD) ? "download" : "decoding");
	if (al_ts_is(a0, "list") || al_ts_is(a0, "array")) {
		judge_argv(x, v, ts_node_named_child(a0, 0), a0);
		return;
	}
	if (!is_string(a0))
		return;
	string_value(x, a0, cmd, sizeof(cmd));
	if (!x->py &&
	    (strcmp(last_part(nm), "spawn") == 0 || strcmp(last_part(nm), "spawnSync") == 0 ||
	     starts(last_part(nm), "execFile")) &&
	    !ts_node_is_null(a1) && al_ts_is(a1, "array")) {
		judge_argv(x, v, a0, a1);
		return;
	}
	/* a command with secrets in its interpolations: curl -d {key} */
	{
		char prog[64];
		size_t n = strcspn(cmd, " \t");

		snprintf(prog, sizeof(prog), "%.*s", (int)(n < sizeof(prog) ? n : sizeof(prog) - 1),
			 cmd);
		if ((f.t & T_SECRET) &&
		    (al_shell_listed(SL_HTTP, base_name(prog)) ||
		     al_shell_listed(SL_RAW, base_name(prog))) &&
		    first_report(x, 0, v))
			report(x, "AL210", 0, v, "%s is given %s", base_name(prog),
			       (f.t & T_CRED)  ? f.what
			       : (f.t & T_ENV) ? "the environment"
					       : f.var);
		if (al_shell_is_shell(base_name(prog), strlen(base_name(prog))) &&
		    !strstr(cmd, " -c") && ts_node_is_null(x->spawn))
			x->spawn = v;
	}
	shell_string(x, a0);
}

/* The second positional argument of open(), or mode=. */
static bool opens_for_writing(struct cctx *x, TSNode args)
{
	struct ts_kids it;
	TSNode a;
	int pos = 0;
	bool w = false;
	char m[16];

	al_ts_kids_begin(&it, args);
	while (al_ts_kids_next(&it, &a)) {
		TSNode mode = a;

		if (al_ts_is(a, "keyword_argument")) {
			copy_text(x, field(a, "name"), m, sizeof(m));
			if (strcmp(m, "mode") != 0)
				continue;
			mode = field(a, "value");
		} else if (pos++ != 1) {
			continue;
		}
		if (!ts_node_is_null(mode) && is_string(mode)) {
			string_value(x, mode, m, sizeof(m));
			w = strpbrk(m, "wax+") != NULL;
		}
	}
	al_ts_kids_end(&it);
	return w;
}

static void judge_write(struct cctx *x, TSNode v, const char *nm, TSNode args)
{
	const char *last = last_part(nm);
	TSNode path = ts_node_is_null(args) ? args : ts_node_named_child(args, 0);
	struct facts f;

	if (strcmp(nm, "open") == 0 || strcmp(nm, "io.open") == 0) {
		if (ts_node_is_null(args) || !opens_for_writing(x, args))
			return;
	} else if (strcmp(last, "write_text") == 0 || strcmp(last, "write_bytes") == 0) {
		path = field(callee(v), "object"); /* Path("~/.bashrc").write_text(...) */
	} else if (starts(last, "copy") || strcmp(last, "move") == 0 || starts(last, "symlink") ||
		   strcmp(last, "replace") == 0 || strcmp(last, "rename") == 0) {
		path = ts_node_is_null(args) ? args : ts_node_named_child(args, 1);
	}
	facts_of(x, path, &f);
	if (f.t & T_PERSIST)
		report(x, "AL231", 0, v, "%s writes %s", nm, f.what);
}

static void note_fetched(struct cctx *x, TSNode path)
{
	if (!ts_node_is_null(path) && is_string(path) && x->nfetched < LIMIT_SHELL_NOTES)
		string_value(x, path, x->fetched[x->nfetched++], LIMIT_SHELL_ARG_BYTES);
}

/* Names a function argument binds: fetch(u).then(r => r.text()).then(c =>
 * eval(c)) hands the download to c. */
static void note(struct cctx *x, TSNode name, const struct facts *f);

static void taint_params(struct cctx *x, TSNode fn, const struct facts *f)
{
	TSNode p = field(fn, "parameter");

	if (ts_node_is_null(p))
		p = field(fn, "parameters");
	if (ts_node_is_null(p))
		return;
	note(x, p, f);
}

/* The home or root folder itself (not a path under it): "/", "~",
 * os.path.expanduser("~"), Path.home(), os.homedir(), process.env.HOME,
 * a name bound to one, or one of these through str() or Path(). */
static bool is_home(struct cctx *x, TSNode n)
{
	static const char *const homes[] = { "os.path.expanduser", "Path.home", "pathlib.Path.home",
					     "os.homedir",         "os.getenv", "os.environ.get",
					     "require().homedir",  NULL };
	static const char *const wraps[] = { "str",
					     "Path",
					     "pathlib.Path",
					     "os.path.abspath",
					     "os.path.realpath",
					     "path.resolve",
					     "String",
					     NULL };
	char nm[NAME_BYTES];
	struct facts f;

	for (int depth = 0; depth < 4 && !ts_node_is_null(n); depth++) {
		TSNode args;

		if (is_string(n) || al_ts_is(n, "identifier") || member(n) ||
		    al_ts_is(n, "subscript") || al_ts_is(n, "subscript_expression")) {
			facts_of(x, n, &f);
			return f.t & T_HOME;
		}
		if (!call(n))
			return false;
		dotted(x, callee(n), nm, sizeof(nm));
		if (one_of(nm, homes)) {
			facts_of(x, n, &f);
			return f.t & T_HOME;
		}
		if (!one_of(nm, wraps) || ts_node_is_null(args = field(n, "arguments")))
			return false;
		n = ts_node_named_child(args, 0);
	}
	return false;
}

static void judge_call(struct cctx *x, TSNode v)
{
	char nm[NAME_BYTES];
	unsigned int k = callee_kind(x, v, nm, sizeof(nm));
	TSNode args = field(v, "arguments");
	struct facts f;

	if (k & C_SOCKET)
		x->socket = true;
	if (k & C_NET) {
		facts_of(x, args, &f);
		judge_flow(x, v, nm, &f);
		if (strcmp(last_part(nm), "urlretrieve") == 0 && !ts_node_is_null(args))
			note_fetched(x, ts_node_named_child(args, 1));
	}
	/* a method of a socket, connection or request object that sends */
	if (!(k & C_NET) && member(callee(v))) {
		const char *m = last_part(nm);
		struct facts of;

		facts_of(x, field(callee(v), "object"), &of);
		if ((of.t & T_NETOBJ) &&
		    (strcmp(m, "send") == 0 || strcmp(m, "sendall") == 0 ||
		     strcmp(m, "sendto") == 0 || strcmp(m, "write") == 0 || strcmp(m, "end") == 0 ||
		     strcmp(m, "post") == 0 || strcmp(m, "put") == 0 || strcmp(m, "patch") == 0 ||
		     strcmp(m, "request") == 0 || strcmp(m, "sendmail") == 0 ||
		     strcmp(m, "storbinary") == 0)) {
			facts_of(x, args, &f);
			for (int i = 0; i < of.nhosts; i++)
				add_host(&f, of.hosts[i]);
			f.unread_host |= of.unread_host;
			judge_flow(x, v, nm, &f);
		}
		/* a promise of a download hands it to the next callback */
		if ((of.t & T_DOWNLOAD) && (strcmp(m, "then") == 0 || strcmp(m, "on") == 0) &&
		    !ts_node_is_null(args)) {
			struct ts_kids it;
			TSNode a;
			struct facts d = { .t = T_DOWNLOAD };

			al_ts_kids_begin(&it, args);
			while (al_ts_kids_next(&it, &a)) {
				char id[16];

				if (al_ts_is(a, "arrow_function") ||
				    al_ts_is(a, "function_expression") || al_ts_is(a, "function"))
					taint_params(x, a, &d);
				copy_text(x, a, id, sizeof(id));
				if (al_ts_is(a, "identifier") &&
				    (strcmp(id, "eval") == 0 || strcmp(id, "Function") == 0) &&
				    first_report(x, 1, v))
					report(x, "AL220", 0, v, "a download is handed to %s", id);
			}
			al_ts_kids_end(&it);
		}
	}
	if (k & C_EXEC) {
		facts_of(x, args, &f);
		if ((f.t & T_INPUT) && first_report(x, 3, v))
			report(x, "AL222", 0, v, "%s runs what a web request sent", nm);
		if ((f.t & T_DOWNLOAD) && first_report(x, 1, v))
			report(x, "AL220", 0, v, "%s runs what a download returned", nm);
		else if ((f.t & T_DECODE) && first_report(x, 2, v))
			report(x, "AL221", 0, v, "%s runs decoded text", nm);
	}
	if (k & C_RUN)
		judge_run(x, v, nm, args);
	/* os.dup2(s.fileno(), 0) with s a socket; pty.spawn */
	if ((k & C_DUP) && ts_node_is_null(x->dup) && !ts_node_is_null(args)) {
		facts_of(x, ts_node_named_child(args, 0), &f);
		if ((f.t & T_NETOBJ) || strcmp(nm, "pty.spawn") == 0)
			x->dup = v;
	}
	if (k & C_WRITE) {
		judge_write(x, v, nm, args);
		if (!ts_node_is_null(args)) {
			/* fs.writeFileSync(path, await r.text()): the file holds a download */
			facts_of(x, ts_node_named_child(args, 1), &f);
			if (f.t & T_DOWNLOAD)
				note_fetched(x, ts_node_named_child(args, 0));
		}
	}
	if ((k & C_RMTREE) && !ts_node_is_null(args) && is_home(x, ts_node_named_child(args, 0)))
		report(x, "AL232", 0, v, "%s deletes the home or root folder", nm);
}

/* --- noting ------------------------------------------------------------------------ */

static void note_name(struct cctx *x, const char *name, const struct facts *f, bool one_host)
{
	struct taint *t;

	if (!f->t && !one_host)
		return;
	if (x->nnotes == NOTES) {
		x->full = true;
		return;
	}
	t = &x->notes[x->nnotes++];
	set(t->name, sizeof(t->name), name);
	t->t = f->t;
	set(t->var, sizeof(t->var), f->var);
	set(t->what, sizeof(t->what), f->what[0] ? f->what : "a credential file");
	t->host[0] = '\0';
	if (one_host)
		set(t->host, sizeof(t->host), f->hosts[0]);
}

/* Binds what `f` holds to every name in a target (a, (a, b), [a, b], {a}). */
static void note(struct cctx *x, TSNode target, const struct facts *f)
{
	TSTreeCursor cur = ts_tree_cursor_new(target);
	int n = 0;

	bool descend;

	do {
		TSNode v = ts_tree_cursor_current_node(&cur);
		char name[NAME_BYTES];

		/* self.token = ...: the member as a whole; its parts are not bound */
		descend = !member(v) && !al_ts_is(v, "subscript") &&
			  !al_ts_is(v, "subscript_expression");
		if (member(v))
			dotted(x, v, name, sizeof(name));
		else if (al_ts_is(v, "identifier") ||
			 al_ts_is(v, "shorthand_property_identifier_pattern"))
			copy_text(x, v, name, sizeof(name));
		else
			continue;
		note_name(x, name, f, f->nhosts == 1 && !f->unread_host);
	} while (++n < 64 && al_ts_cursor_next(&cur, descend));
	ts_tree_cursor_delete(&cur);
}

/* const { API_KEY, PORT } = process.env: each name by its own. */
static void note_env_pattern(struct cctx *x, TSNode pattern)
{
	struct ts_kids it;
	TSNode p;

	al_ts_kids_begin(&it, pattern);
	while (al_ts_kids_next(&it, &p)) {
		char name[64];
		struct facts f = { 0 };

		if (!al_ts_is(p, "shorthand_property_identifier_pattern"))
			continue;
		copy_text(x, p, name, sizeof(name));
		secret_var(&f, p, name);
		note_name(x, name, &f, false);
	}
	al_ts_kids_end(&it);
}

static void note_binding(struct cctx *x, TSNode v)
{
	TSNode left = { 0 }, right = { 0 };
	struct facts f;
	char nm[NAME_BYTES];

	if (al_ts_is(v, "assignment") || al_ts_is(v, "assignment_expression") ||
	    al_ts_is(v, "augmented_assignment")) {
		left = field(v, "left");
		right = field(v, "right");
	} else if (al_ts_is(v, "variable_declarator")) {
		left = field(v, "name");
		right = field(v, "value");
	} else if (al_ts_is(v, "as_pattern")) { /* with open(p) as fh */
		left = field(v, "alias");
		right = ts_node_named_child(v, 0);
	} else if (al_ts_is(v, "for_statement") || al_ts_is(v, "for_in_statement")) {
		left = field(v, "left");
		right = field(v, "right");
	}
	if (ts_node_is_null(left) || ts_node_is_null(right))
		return;
	if (al_ts_is(left, "object_pattern")) {
		dotted(x, right, nm, sizeof(nm));
		if (strcmp(nm, "process.env") == 0) {
			note_env_pattern(x, left);
			return;
		}
	}
	facts_of(x, right, &f);
	/* a path under the home folder is not the home folder */
	f.t &= ~T_HOME;
	if (is_home(x, right))
		f.t |= T_HOME;
	note(x, left, &f);
}

/* --- walking ----------------------------------------------------------------------- */

/* @app.post("/x"), @app.route(...), @router.get(...), @api_view: the
 * decorated function's parameters hold what the request sent. */
static void note_route(struct cctx *x, TSNode v)
{
	static const char *const verbs[] = { ".route(",     ".get(",    ".post(",
					     ".put(",       ".patch(",  ".delete(",
					     ".websocket(", "api_view", NULL };
	struct ts_kids it;
	TSNode d;
	bool route = false;
	char text[256];

	if (!x->py || !al_ts_is(v, "decorated_definition"))
		return;
	al_ts_kids_begin(&it, v);
	while (al_ts_kids_next(&it, &d))
		if (al_ts_is(d, "decorator")) {
			copy_text(x, d, text, sizeof(text));
			for (int i = 0; verbs[i]; i++)
				route |= strstr(text, verbs[i]) != NULL;
		}
	al_ts_kids_end(&it);
	if (route) {
		struct facts f = { .t = T_INPUT };
		TSNode fn = field(v, "definition");

		if (!ts_node_is_null(fn))
			taint_params(x, fn, &f);
	}
}

static void visit(struct cctx *x, TSNode v)
{
	note_route(x, v);
	note_binding(x, v);
	if (call(v))
		judge_call(x, v);
}

static const char *what_of(enum ts_grammar g)
{
	return g == TS_PYTHON ? "fenced Python code in an instruction file"
			      : "fenced JavaScript code in an instruction file";
}

int al_code_scan(struct findings *fs, struct ts_parsers *ps, const struct scan_input *in,
		 const struct code_fence *c)
{
	struct cctx *x = calloc(1, sizeof(*x));
	TSTree *tree = NULL;
	TSTreeCursor cur;
	size_t nodes = 0;
	int error;

	if (!x)
		return al_error_oom();
	x->fs = fs;
	x->ps = ps;
	x->in = in;
	x->c = c;
	x->py = c->g == TS_PYTHON;
	x->what = what_of(c->g);
	if (c->len > LIMIT_CODE_BYTES) {
		report(x, "AL203", 0, (TSNode){ 0 }, "over the parse limits (%u bytes of code)",
		       LIMIT_CODE_BYTES);
		error = x->error;
		goto out;
	}
	if ((error = al_ts_parse(&tree, ps, c->g, c->code, c->len)) < 0)
		goto out;
	if (error > 0) {
		report(x, "AL203", 0, (TSNode){ 0 }, "over the parse limits (%u bytes, %u ms)",
		       LIMIT_CODE_BYTES, LIMIT_PARSE_MICROS / 1000);
		error = x->error;
		goto out;
	}
	cur = ts_tree_cursor_new(ts_tree_root_node(tree));
	for (;;) {
		if (++nodes > LIMIT_TREE_NODES) {
			report(x, "AL203", 0, ts_tree_root_node(tree), "more than %u syntax nodes",
			       LIMIT_TREE_NODES);
			break;
		}
		if (x->full) {
			report(x, "AL203", 0, ts_tree_root_node(tree),
			       "more than %u names hold a secret, a download or a URL", NOTES);
			break;
		}
		if (x->spent) {
			report(x, "AL203", 0, ts_tree_root_node(tree),
			       "nested too deeply to analyse (over %u steps)", LIMIT_SHELL_STEPS);
			break;
		}
		visit(x, ts_tree_cursor_current_node(&cur));
		if (x->error < 0 || !al_ts_cursor_next(&cur, true))
			break;
	}
	ts_tree_cursor_delete(&cur);
	/* a socket wired to a shell's descriptors, or a shell spawned beside one */
	if (x->socket && !ts_node_is_null(x->dup))
		report(x, "AL230", 0, x->dup, "a socket's descriptors are handed to %s",
		       "a shell or the program's own streams");
	else if (x->socket && !ts_node_is_null(x->spawn))
		report(x, "AL230", 0, x->spawn, "a shell is started beside %s", "a socket");
	error = x->error;
out:
	if (tree)
		ts_tree_delete(tree);
	free(x);
	return error;
}
