/*
 * yara.c - libyara at the boundary: positive error codes become AIRLOCK_E*,
 * rule metadata becomes the catalogue, matches become findings.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/err.h>
#include <yara.h>

#include "common/error.h"
#include "common/limits.h"
#include "common/url.h"
#include "scanners/context.h"
#include "scanners/yara.h"

struct yara_set {
	YR_RULES *compiled, *user;
	const struct airlock_rules *cat; /* borrowed: the catalogue outlives the set */
	bool initialized;
};

/* yr_initialize and yr_finalize keep a plain reference count: two threads
 * scanning at once must not race on it. */
static pthread_mutex_t yara_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

/* The scan forks (sandbox/sandbox.c), possibly while another thread sets
 * libyara up or tears it down: holding the lock across fork() means a child
 * never inherits libyara half-initialized or a lock nobody will release. */
static void fork_prepare(void)
{
	pthread_mutex_lock(&yara_lock);
}

static void fork_release(void)
{
	pthread_mutex_unlock(&yara_lock);
}

static void register_atfork(void)
{
	pthread_atfork(fork_prepare, fork_release, fork_release);
}

struct mem_stream {
	const unsigned char *data;
	size_t len, off;
};

static size_t mem_read(void *ptr, size_t size, size_t count, void *user_data)
{
	struct mem_stream *m = user_data;
	size_t n;

	if (size == 0)
		return 0;
	n = (m->len - m->off) / size;
	if (n > count)
		n = count;
	memcpy(ptr, m->data + m->off, n * size);
	m->off += n * size;
	return n;
}

static const char *meta_string(const YR_RULE *rule, const char *key)
{
	const YR_META *m;

	yr_rule_metas_foreach(rule, m)
	{
		if (m->type == META_TYPE_STRING && strcmp(m->identifier, key) == 0)
			return m->string;
	}
	return NULL;
}

/* Adds the rules of `rules` to the catalogue; `user` relaxes the metadata
 * requirements for the user's own rules. */
static int catalogue(struct airlock_rules *cat, YR_RULES *rules, bool user)
{
	const YR_RULE *rule;
	int error;

	yr_rules_foreach(rules, rule)
	{
		const char *id = meta_string(rule, "id"), *sev = meta_string(rule, "severity");
		const char *cat_name = meta_string(rule, "category");
		const char *conf = meta_string(rule, "confidence");
		const char *desc = meta_string(rule, "description");
		airlock_severity s = AIRLOCK_SEVERITY_MEDIUM;

		if (!user && (!id || !sev || !cat_name || !conf || !desc))
			return al_error_set(
				AIRLOCK_ERROR,
				"signature %s lacks meta id, category, severity, confidence or description",
				rule->identifier);
		if (sev && airlock_severity_parse(&s, sev) < 0)
			return al_error_set(AIRLOCK_ERROR, "rule %s: unknown severity '%s'",
					    rule->identifier, sev);
		if ((error = al_rules_add(cat, id ? id : rule->identifier, rule->identifier,
					  cat_name ? cat_name : "user", s, conf ? conf : "medium",
					  desc ? desc : rule->identifier,
					  user ? "user" : "signature")) < 0)
			return error;
	}
	return 0;
}

struct compile_state {
	char message[256];
	int errors;
};

static void compile_error(int level, const char *file, int line, const YR_RULE *rule,
			  const char *message, void *user_data)
{
	struct compile_state *st = user_data;

	(void)rule;
	if (level != YARA_ERROR_LEVEL_ERROR || st->errors++ > 0)
		return;
	snprintf(st->message, sizeof(st->message), "%s:%d: %s", file ? file : "?", line, message);
}

/* Includes are refused: a rule folder must not pull in files from elsewhere. */
static const char *no_include(const char *name, const char *calling_file, const char *ns,
			      void *user_data)
{
	(void)name;
	(void)calling_file;
	(void)ns;
	(void)user_data;
	return NULL;
}

static int compile_user(YR_RULES **out, const struct rule_source *src, size_t n)
{
	struct compile_state st = { "", 0 };
	YR_COMPILER *comp = NULL;
	int error = 0;

	if (yr_compiler_create(&comp) != ERROR_SUCCESS)
		return al_error_oom();
	yr_compiler_set_callback(comp, compile_error, &st);
	yr_compiler_set_include_callback(comp, no_include, NULL, NULL);
	for (size_t i = 0; i < n && st.errors == 0; i++) {
		char ns[32];

		/* Each file its own namespace, so names cannot clash. */
		snprintf(ns, sizeof(ns), "user%zu", i);
		yr_compiler_add_string(comp, src[i].text, ns);
		if (st.errors) {
			error = al_error_set(AIRLOCK_ERROR, "user rules %s: %s", src[i].name,
					     st.message);
			goto out;
		}
	}
	if (yr_compiler_get_rules(comp, out) != ERROR_SUCCESS)
		error = al_error_set(AIRLOCK_ERROR, "user rules could not be built");
out:
	yr_compiler_destroy(comp);
	return error;
}

int al_yara_set_load(struct yara_set **out, struct airlock_rules *catalog,
		     const unsigned char *compiled, size_t len, const struct rule_source *user,
		     size_t nuser)
{
	struct mem_stream m = { compiled, len, 0 };
	YR_STREAM stream = { &m, mem_read, NULL };
	struct yara_set *ys;
	int error = 0, rc;

	*out = NULL;
	if (!(ys = calloc(1, sizeof(*ys))))
		return al_error_oom();
	pthread_once(&atfork_once, register_atfork);
	pthread_mutex_lock(&yara_lock);
	/* libyara registers its OIDs with OpenSSL each time; from the second
	 * time on OpenSSL refuses them and queues an error on this thread (two
	 * strings kept until something clears the queue). Those errors are
	 * libyara's, not the caller's: leave the queue as it was. */
	ERR_set_mark();
	rc = yr_initialize();
	ERR_pop_to_mark();
	pthread_mutex_unlock(&yara_lock);
	if (rc != ERROR_SUCCESS) {
		error = al_error_set(AIRLOCK_ERROR, "libyara could not be initialized");
		goto out;
	}
	ys->initialized = true;
	ys->cat = catalog;
	rc = yr_rules_load_stream(&stream, &ys->compiled);
	if (rc != ERROR_SUCCESS) {
		error = al_error_set(
			AIRLOCK_ERROR,
			rc == ERROR_UNSUPPORTED_FILE_VERSION
				? "the compiled signatures were built by another YARA version; rebuild them"
				: "the compiled signatures are not a valid YARA rules file (YARA error %d)",
			rc);
		goto out;
	}
	if ((error = catalogue(catalog, ys->compiled, false)) < 0)
		goto out;
	if (nuser > 0 && ((error = compile_user(&ys->user, user, nuser)) < 0 ||
			  (error = catalogue(catalog, ys->user, true)) < 0))
		goto out;
	*out = ys;
	ys = NULL;
out:
	al_yara_set_free(ys);
	return error;
}

void al_yara_set_free(struct yara_set *ys)
{
	if (!ys)
		return;
	if (ys->compiled)
		yr_rules_destroy(ys->compiled);
	if (ys->user)
		yr_rules_destroy(ys->user);
	if (ys->initialized) {
		pthread_mutex_lock(&yara_lock);
		yr_finalize();
		pthread_mutex_unlock(&yara_lock);
	}
	free(ys);
}

/* --- scanning -------------------------------------------------------------------- */

struct match_ctx {
	struct findings *fs;
	const struct scan_input *in;
	const struct norm_view *nv;
	const struct airlock_rules *cat;
	bool user;
	int error;
};

static bool has_cue(const unsigned char *d, size_t from, size_t to)
{
	return al_context_example_cue(d, from, to);
}

/*
 * Documentation that quotes an attack ("phrases such as `ignore previous
 * instructions`") is not the attack: a match inside quotes or a code span on a
 * line that says it is an example is lowered one step. Only one step, so
 * combinations and hidden-character variants still come through.
 */
/* Where the fenced code block holding `start` opens, or SIZE_MAX. */
static size_t fence_start(const unsigned char *d, size_t start)
{
	size_t open = SIZE_MAX, i = 0;

	while (i < start) {
		size_t le = i;

		while (le < start && d[le] != '\n')
			le++;
		if (le - i >= 3 && memcmp(d + i, "```", 3) == 0)
			open = open == SIZE_MAX ? i : SIZE_MAX;
		i = le + 1;
	}
	return open;
}

/* A clause that forbids what it names: "Never run claude with --flag",
 * "- do not use curl | sh". The clause starts with the prohibition and has
 * no condition that turns it into an order ("never run tests without ..."). */
static bool prohibited(const unsigned char *d, size_t ls, size_t start)
{
	static const char *const nots[] = { "never ", "do not ", "don't ", "must not ", NULL };
	static const char *const buts[] = { "without", "unless",  "until",  "before",
					    "first",   "instead", "except", NULL };
	size_t cs = start;
	char clause[256];
	size_t n;

	while (cs > ls && !strchr(".;:!?,", d[cs - 1]))
		cs--;
	while (cs < start && strchr(" \t-*>", d[cs]))
		cs++;
	n = start - cs < sizeof(clause) - 1 ? start - cs : sizeof(clause) - 1;
	memcpy(clause, d + cs, n);
	clause[n] = '\0';
	for (int i = 0; buts[i]; i++)
		if (strcasestr(clause, buts[i]))
			return false;
	for (int i = 0; nots[i]; i++)
		if (strncasecmp(clause, nots[i], strlen(nots[i])) == 0)
			return true;
	return false;
}

/* The clause before `start` is nothing but a prohibition ("do not ",
 * "never "): prohibited() has already checked it starts with one. */
static bool negated_here(const unsigned char *d, size_t ls, size_t start)
{
	size_t cs = start;

	while (cs > ls && !strchr(".;:!?,", d[cs - 1]))
		cs--;
	while (cs < start && strchr(" \t-*>", d[cs]))
		cs++;
	return start - cs <= 10;
}

static bool quoted_example(const unsigned char *d, size_t len, size_t start, size_t end)
{
	size_t ls = start, le = start, ticks = 0, ticks_to_end = 0, dquotes = 0;
	size_t fs = fence_start(d, start);
	unsigned char q;
	bool quoted;

	/* A fenced block introduced as an example ("never run this:") is a
	 * quotation too: the cue is in the three lines before the fence. */
	if (fs != SIZE_MAX && al_context_fence_example(d, fs))
		return true;
	while (ls > 0 && d[ls - 1] != '\n')
		ls--;
	while (le < len && d[le] != '\n')
		le++;
	for (size_t i = ls; i < start; i++) {
		ticks += d[i] == '`';
		dquotes += d[i] == '"';
	}
	q = start > ls ? d[start - 1] : 0;
	/* "might try to read `~/.aws/credentials`": the match ends inside a
	 * code span (a closing backtick it took in is not counted) */
	for (size_t i = start; i + 1 < end && i < le; i++)
		ticks_to_end += d[i] == '`';
	/* an odd number of straight double quotes before it on the line: the
	 * match is inside a quotation that began earlier */
	quoted = q == '"' || q == '\'' || q == '`' || ticks % 2 == 1 || dquotes % 2 == 1 ||
		 (ticks + ticks_to_end) % 2 == 1 ||
		 (start >= ls + 3 && memcmp(d + start - 3, "\xe2\x80\x9c", 3) == 0);
	if (!quoted && !prohibited(d, ls, start))
		return false;
	if (has_cue(d, ls, le))
		return true;
	/* "do not silently fetch": the negation is the whole clause before
	 * the match, so it governs what the match names */
	if (!quoted && negated_here(d, ls, start))
		return true;
	/* a quotation set off on its own line (a blockquote) is introduced by
	 * the two lines before it */
	if (quoted && ls > 0) {
		size_t from = ls - 1;
		int lines = 0;

		while (from > 0 && !(d[from - 1] == '\n' && ++lines > 2))
			from--;
		return has_cue(d, from, ls);
	}
	return false;
}

/* The installers of well-known tools, fetched from their vendors' own hosts
 * (a set-up note that installs uv or rustup): reported, one step lower. The
 * host is the one curl contacts (common/url.h), equal to the vendor's, and
 * the path starts as the vendor's does: https://sh.rustup.rs.evil.example
 * and https://pyenv.run@evil.example/ are not the vendors'. 1 when it is
 * one, 0 when not, AIRLOCK_ERROR when memory runs out. */
static int official_installer(const char *rule, const unsigned char *d, size_t len, size_t start,
			      size_t end)
{
	static const struct {
		const char *host, *path;
	} installers[] = {
		{ "astral.sh", "/uv/" },
		{ "astral.sh", "/ruff/" },
		{ "sh.rustup.rs", "" },
		{ "get.pnpm.io", "/install.sh" },
		{ "bun.sh", "/install" },
		{ "deno.land", "/install.sh" },
		{ "install.python-poetry.org", "" },
		{ "raw.githubusercontent.com", "/nvm-sh/nvm/" },
		{ "raw.githubusercontent.com", "/Homebrew/install/" },
		{ "get.docker.com", "" },
		{ "fnm.vercel.app", "/install" },
		{ "get.sdkman.io", "" },
		{ "pyenv.run", "" },
	};
	static const char stop[] = " \t\r\"'`<>()|;&\\";
	const char *url = NULL;
	char u[512], host[128];
	size_t n;
	int found;

	if (strcmp(rule, "AL151") != 0)
		return 0;
	/* bash -c "$(curl -fsSL URL)": the match ends before the URL, which
	 * is on the same line */
	while (end < len && d[end] != '\n' && end - start < 400)
		end++;
	for (size_t i = start; i + 8 < end && !url; i++)
		if (memcmp(d + i, "https://", 8) == 0 || memcmp(d + i, "http://", 7) == 0)
			url = (const char *)d + i;
	if (!url)
		return 0;
	/* one URL only: a second one could be the payload */
	for (const char *p = url + 7; p + 7 < (const char *)d + end; p++)
		if (memcmp(p, "http://", 7) == 0 ||
		    (p + 8 <= (const char *)d + end && memcmp(p, "https://", 8) == 0))
			return 0;
	/* the URL is the word: up to a space, a quote, a code span's end or
	 * the shell's next operator */
	for (n = 0; url + n < (const char *)d + end && !memchr(stop, url[n], sizeof(stop) - 1); n++)
		;
	if (n >= sizeof(u) || memcmp(url, "https://", 8) != 0)
		return 0;
	memcpy(u, url, n);
	u[n] = '\0';
	if ((found = al_url_host(u, host, sizeof(host))) <= 0)
		return found;
	for (size_t i = 0; i < sizeof(installers) / sizeof(installers[0]); i++) {
		size_t hl = strlen(installers[i].host);

		if (strcmp(host, installers[i].host) == 0 && strncasecmp(u + 8, host, hl) == 0 &&
		    strncmp(u + 8 + hl, installers[i].path, strlen(installers[i].path)) == 0)
			return 1;
	}
	return 0;
}

static bool reported(const struct findings *fs, const struct scan_input *in, const char *rule,
		     size_t start)
{
	for (size_t i = fs->count; i-- > 0;) {
		const struct airlock_finding *f = &fs->v[i];

		if (strcmp(f->file, in->path) != 0)
			break; /* the findings of this buffer are at the end */
		if (!f->normalized && f->start == start && strcmp(f->rule, rule) == 0)
			return true;
	}
	return false;
}

/* Where a match sits can make it a protection or a reference entry rather
 * than an order (scanners/context.c): the reason, or NULL. */
static const char *in_context(const char *rule, const struct scan_input *in, size_t start,
			      size_t end)
{
	const unsigned char *d = in->data;
	bool json = in->kind == AIRLOCK_KIND_JSON || in->kind == AIRLOCK_KIND_JSONC;
	bool prose = in->kind == AIRLOCK_KIND_MARKDOWN || in->kind == AIRLOCK_KIND_TEXT;

	if (json && al_context_in_deny_list(d, in->len, start))
		return "in a deny list: forbidden, not done";
	if (prose && al_context_forbidden_list(d, in->len, start))
		return "an item of a list of what not to do";
	if (strcmp(rule, "AL171") == 0 && prose && al_context_flag_entry(d, in->len, start, end))
		return "a flag's entry in a reference list";
	if (strcmp(rule, "AL171") == 0 && in->kind == AIRLOCK_KIND_TOML &&
	    al_context_toml_profile(d, start))
		return "in an opt-in TOML profile";
	if (strcmp(rule, "AL161") == 0 && al_context_path_only(d, in->len, start))
		return "only adds a home directory to PATH";
	return NULL;
}

static int add_match(struct match_ctx *m, const struct airlock_rule *r, size_t start, size_t end)
{
	const unsigned char *buf = m->nv ? m->nv->data : m->in->data;
	struct finding_spec s = { 0 };
	const char *why;
	char msg[300];
	size_t os, oe;
	int official;

	/* A pattern anchored on "\n" reports the line it is about. */
	while (start < end && (buf[start] == '\n' || buf[start] == '\r' || buf[start] == ' ' ||
			       buf[start] == '\t'))
		start++;
	os = start;
	oe = end;
	if (m->nv) {
		al_norm_view_span(m->nv, m->in, start, end, &os, &oe);
		/* Already reported by the pass over the original text. */
		if (reported(m->fs, m->in, r->id, os))
			return 0;
	}
	s.rule = r->id;
	s.category = r->category;
	s.confidence = r->confidence;
	s.severity = r->severity;
	s.start = os;
	s.end = oe;
	snprintf(msg, sizeof(msg), "%s", r->description);
	if (m->nv)
		s.normalized = true;
	/* Hiding right before the match counts too: "\x1b[8m" conceals what
	 * follows it. */
	if (m->nv && al_norm_view_hides(m->nv, os > 8 ? os - 8 : 0, oe)) {
		s.severity = al_severity_raise(s.severity);
		s.hidden = (const char *)m->nv->data + start;
		s.hidden_len = end - start;
		snprintf(msg, sizeof(msg),
			 "%s (hidden: matches once invisible characters are removed or decoded)",
			 r->description);
	} else if ((m->in->kind == AIRLOCK_KIND_MARKDOWN || m->in->kind == AIRLOCK_KIND_TEXT) &&
		   quoted_example(m->in->data, m->in->len, os, oe)) {
		/* Only prose: in settings and scripts a quote is syntax. */
		s.severity = al_severity_lower(s.severity);
		s.confidence = "low";
		snprintf(msg, sizeof(msg), "%s (quoted as an example)", r->description);
	} else if ((why = in_context(r->id, m->in, os, oe))) {
		s.severity = al_severity_lower(s.severity);
		snprintf(msg, sizeof(msg), "%s (%s)", r->description, why);
	} else if ((m->in->kind == AIRLOCK_KIND_MARKDOWN || m->in->kind == AIRLOCK_KIND_TEXT) &&
		   (official = official_installer(r->id, m->in->data, m->in->len, os, oe)) != 0) {
		if (official < 0)
			return official;
		s.severity = al_severity_lower(s.severity);
		snprintf(msg, sizeof(msg), "%s (a tool's official installer, from its vendor)",
			 r->description);
	}
	s.message = msg;
	return al_findings_add(m->fs, m->in, &s);
}

static int on_match(YR_SCAN_CONTEXT *context, int message, void *message_data, void *user_data)
{
	struct match_ctx *m = user_data;
	const YR_RULE *rule = message_data;
	const struct airlock_rule *r;
	const char *id;
	YR_STRING *string;
	size_t kept = 0;

	if (message != CALLBACK_MSG_RULE_MATCHING)
		return CALLBACK_CONTINUE;
	id = meta_string(rule, "id");
	if (!(r = airlock_rules_find(m->cat, id ? id : rule->identifier))) {
		m->error = al_error_set(AIRLOCK_ERROR, "rule %s is not in the catalogue",
					rule->identifier);
		return CALLBACK_ERROR;
	}
	yr_rule_strings_foreach(rule, string)
	{
		/* libyara 4.2 keeps matches in a notebook that does not align
		 * them: each is copied out instead of read in place (which
		 * UBSan rightly rejects), so yr_string_matches_foreach is not
		 * used. */
		for (const YR_MATCH *p = context->matches[string->idx].head; p;) {
			YR_MATCH match;
			size_t start, end;

			memcpy(&match, p, sizeof(match));
			p = match.next;
			if (match.is_private)
				continue;
			start = (size_t)(match.base + match.offset);
			end = start + (size_t)match.match_length;
			if (kept++ >= LIMIT_FINDINGS_PER_RULE)
				break;
			if ((m->error = add_match(m, r, start, end)) < 0)
				return CALLBACK_ERROR;
		}
	}
	if (kept == 0) {
		/* A rule true by its condition alone: the file as a whole. */
		if ((m->error = add_match(m, r, 0, 0)) < 0)
			return CALLBACK_ERROR;
	}
	return CALLBACK_CONTINUE;
}

static int scan_one(YR_RULES *rules, struct match_ctx *m, const unsigned char *buf, size_t len,
		    int timeout)
{
	int rc = yr_rules_scan_mem(rules, buf, len, SCAN_FLAGS_REPORT_RULES_MATCHING, on_match, m,
				   timeout);

	if (rc == ERROR_SUCCESS)
		return 0;
	if (m->error < 0)
		return m->error;
	if (rc == ERROR_SCAN_TIMEOUT)
		return al_error_set(AIRLOCK_ERROR, "scan of '%s' timed out after %d s", m->in->path,
				    timeout);
	return al_error_set(AIRLOCK_ERROR, "scan of '%s' failed (YARA error %d)", m->in->path, rc);
}

int al_yara_set_scan(const struct yara_set *ys, struct findings *fs, const struct scan_input *in,
		     const struct norm_view *nv, int timeout)
{
	struct match_ctx m = { fs, in, nv, ys->cat, false, 0 };
	const unsigned char *buf = nv ? nv->data : in->data;
	size_t len = nv ? nv->len : in->len;
	int error;

	if ((error = scan_one(ys->compiled, &m, buf, len, timeout)) < 0)
		return error;
	if (ys->user) {
		m.user = true;
		if ((error = scan_one(ys->user, &m, buf, len, timeout)) < 0)
			return error;
	}
	return 0;
}
