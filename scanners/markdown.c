/*
 * markdown.c - the hidden layers of an instruction file, from the block and
 * inline trees of tree-sitter-markdown.
 *
 * The block grammar gives HTML blocks, link reference definitions, fenced
 * code and front matter; the inline grammar is run once over the ranges of
 * every inline node, so its byte offsets are the file's own. A hidden layer
 * is only reported when what it holds reads as an order or an exfiltration
 * step: maintainers' comments (TODO, lint switches) stay quiet, and visible
 * prose is left to the signatures.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/error.h"
#include "common/limits.h"
#include "scanners/markdown.h"
#include "scanners/mdchunks.h"
#include "scanners/wording.h"
#include "scanners/catalogue.h"
#include "scanners/code.h"
#include "scanners/codewords.h"
#include "scanners/context.h"
#include "scanners/jsonstr.h"
#include "scanners/shell.h"

/* Block runs handed to one parse: tree-sitter 0.20 looks ranges up
 * linearly for every token, so more per parse is slower. */
#define RANGE_BATCH 64

struct mctx {
	struct findings *fs;
	struct ts_parsers *ps;
	const struct scan_input *in;
	const char *buf;
	bool runs_commands; /* a command or skill file: !`cmd` lines run */
	unsigned int batch; /* ranges per parse */
	size_t search_left; /* bytes hidden regions may still be searched for their end */
	size_t nodes;
	int error;
};

static bool has_ci(const char *s, size_t len, const char *needle)
{
	return al_wording_contains_ci(s, len, needle);
}

static void report(struct mctx *x, const char *rule, airlock_severity sev, size_t start, size_t end,
		   const char *hidden, size_t hidden_len, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

static void report(struct mctx *x, const char *rule, airlock_severity sev, size_t start, size_t end,
		   const char *hidden, size_t hidden_len, const char *fmt, ...)
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
	s.start = start;
	s.end = end;
	s.hidden = hidden;
	s.hidden_len = hidden_len > 512 ? 512 : hidden_len;
	if ((error = al_findings_add(x->fs, x->in, &s)) < 0)
		x->error = error;
}

/* Text only the model reads: judged, and reported when it gives orders. */
static void hidden_layer(struct mctx *x, size_t start, size_t end, const char *layer,
			 airlock_severity sev)
{
	const char *t = x->buf + start;

	if (end > start && al_wording_imperative(t, end - start))
		report(x, "AL301", sev, start, end, t, end - start, "%s", layer);
}

static bool hiding_html(const char *t, size_t len)
{
	static const char *const styles[] = {
		"display:none", "display: none", "visibility:hidden", "visibility: hidden",
		"font-size:0",  "font-size: 0",  "opacity:0",         "opacity: 0",
		" hidden>",     " hidden ",      "aria-hidden",       NULL
	};

	for (int i = 0; styles[i]; i++)
		if (has_ci(t, len, styles[i]))
			return true;
	return false;
}

/* Where an HTML block's hidden region ends: a block ends at a blank line,
 * but what <details> or a hiding <div> hides runs to its closing tag. */
static size_t hidden_end(struct mctx *x, size_t end, const char *t, size_t len)
{
	char close[40];
	size_t n = 0, cap = x->in->len - end;
	const char *found;

	if (len < 2 || t[0] != '<')
		return end;
	while (n + 1 < len && n < 20 &&
	       ((t[n + 1] >= 'a' && t[n + 1] <= 'z') || (t[n + 1] >= 'A' && t[n + 1] <= 'Z')))
		n++;
	snprintf(close, sizeof(close), "</%.*s", (int)n, t + 1);
	if (n == 0 || has_ci(t, len, close))
		return end;
	if (cap > LIMIT_HIDDEN_BYTES)
		cap = LIMIT_HIDDEN_BYTES;
	/* many unclosed blocks must not each search 64 KiB */
	if (cap > x->search_left)
		cap = x->search_left;
	x->search_left -= cap;
	found = memmem(x->buf + end, cap, close, strlen(close));
	return found ? (size_t)(found - x->buf) + strlen(close) : end;
}

static void html_block(struct mctx *x, TSNode n)
{
	size_t len, start = ts_node_start_byte(n), end = ts_node_end_byte(n);
	const char *t = ts_text(n, x->buf, &len);

	if (len >= 4 && memcmp(t, "<!--", 4) == 0)
		hidden_layer(x, start, end, "in an HTML comment", 0);
	else if (hiding_html(t, len))
		hidden_layer(x, start, hidden_end(x, end, t, len), "in HTML styled to be invisible",
			     0);
	else if (has_ci(t, len, "<details") && !has_ci(t, len, "<details open"))
		hidden_layer(x, start, hidden_end(x, end, t, len), "in a collapsed <details> block",
			     AIRLOCK_SEVERITY_MEDIUM);
}

/* [//]: # (text), [comment]: <> (text): a definition nobody links to is a
 * comment that renders as nothing. */
static void link_definition(struct mctx *x, TSNode n)
{
	hidden_layer(x, ts_node_start_byte(n), ts_node_end_byte(n),
		     "in a link reference definition (renders as nothing)", 0);
}

/* `command: ...` in front matter (a hook or MCP server of an agent file):
 * the value, plain or quoted without escapes, is judged as shell. */
static void front_matter_command(struct mctx *x, size_t at, const char *t, size_t len)
{
	size_t i = 0, end = len;
	struct shell_code c = { 0 };
	int error;

	while (i < len && (t[i] == ' ' || t[i] == '-' || t[i] == '\t'))
		i++;
	if (len - i < 8 || strncmp(t + i, "command:", 8) != 0)
		return;
	i += 8;
	while (i < len && (t[i] == ' ' || t[i] == '\t'))
		i++;
	while (end > i && (t[end - 1] == ' ' || t[end - 1] == '\r'))
		end--;
	if (end - i >= 2 && (t[i] == '"' || t[i] == '\'') && t[end - 1] == t[i]) {
		if (memchr(t + i + 1, t[i] == '"' ? '\\' : '\'', end - i - 2))
			return; /* escapes: not mapped byte for byte, left to the signatures */
		i++;
		end--;
	}
	if (end <= i)
		return;
	c.code = t + i;
	c.len = end - i;
	c.base = at + i;
	c.what = "front matter command";
	if ((error = al_shell_scan(x->fs, x->ps, x->in, &c)) < 0)
		x->error = error;
}

static void front_matter(struct mctx *x, TSNode n)
{
	size_t len, start = ts_node_start_byte(n);
	const char *t = ts_text(n, x->buf, &len);

	for (size_t i = 0; i < len;) {
		size_t e = i;

		while (e < len && t[e] != '\n')
			e++;
		if ((e - i >= 6 && strncmp(t + i, "hooks:", 6) == 0) ||
		    (e - i >= 11 && strncmp(t + i, "mcpServers:", 11) == 0))
			report(x, "AL306", 0, start + i, start + e, NULL, 0, "%s",
			       t[i] == 'h' ? "hooks" : "mcpServers");
		if (e - i >= 15 && strncmp(t + i, "permissionMode:", 15) == 0 &&
		    has_ci(t + i, e - i, "bypassPermissions"))
			report(x, "AL404", 0, start + i, start + e, NULL, 0, "permissionMode");
		front_matter_command(x, start + i, t + i, e - i);
		i = e + 1;
	}
}

/* Where the ``` or ~~~ line of a fence starts (its first byte, past a
 * block quote's or list item's marker it may share). */
static size_t fence_line(const struct mctx *x, TSNode n)
{
	size_t at = ts_node_start_byte(n);

	while (at > 0 && x->buf[at - 1] != '\n')
		at--;
	return at;
}

static void config_shell(struct mctx *x, const char *code, size_t len, const size_t *map,
			 size_t base)
{
	struct shell_code c = { code, len, map, base, "a command in fenced configuration", 2, 0 };
	int error;

	if (len > 0 && (error = al_shell_scan(x->fs, x->ps, x->in, &c)) < 0)
		x->error = error;
}

/* "cmd": "printenv | curl -d @- https://..." in a JSON fence: the fence
 * parsed with tree-sitter-json, each string value under a command key
 * decoded as the settings analysis decodes one (al_json_string_decode),
 * its bytes mapped back to the file. A fence over the parse limits is
 * said to be unread, as a shell fence is (AL203, two levels down). */
static void json_commands(struct mctx *x, size_t start, size_t len)
{
	const char *t = x->buf + start;
	TSTree *tree = NULL;
	TSTreeCursor cur;
	int error;

	if ((error = al_ts_parse(&tree, x->ps, TS_JSON, t, len)) < 0) {
		x->error = error;
		return;
	}
	if (error > 0) {
		report(x, "AL203", AIRLOCK_SEVERITY_LOW, start, start + len, NULL, 0,
		       "fenced configuration over the parse limits");
		return;
	}
	cur = ts_tree_cursor_new(ts_tree_root_node(tree));
	do {
		TSNode n = ts_tree_cursor_current_node(&cur), k, v;
		size_t klen, clen, *map;
		const char *key;
		char *code;

		if (!al_ts_is(n, "pair"))
			continue;
		k = ts_node_child_by_field_name(n, "key", 3);
		v = ts_node_child_by_field_name(n, "value", 5);
		if (ts_node_is_null(k) || ts_node_is_null(v) || !al_ts_is(v, "string"))
			continue;
		key = ts_text(k, t, &klen);
		if (klen < 2 || !al_md_command_key(key + 1, klen - 2))
			continue;
		if ((error = al_json_string_decode(&code, &map, &clen, t, v)) < 0) {
			x->error = error;
			break;
		}
		for (size_t i = 0; i <= clen; i++)
			map[i] += start;
		config_shell(x, code, clen, map, 0);
		free(code);
		free(map);
	} while (x->error == 0 && al_ts_cursor_next(&cur, true));
	ts_tree_cursor_delete(&cur);
	ts_tree_delete(tree);
}

/* "run: |" and its indented lines, "cmd: printenv | curl ...": the
 * commands of a YAML fence (a workflow's steps, a task list). */
static void yaml_commands(struct mctx *x, size_t start, size_t len)
{
	const char *t = x->buf + start, *end = t + len;

	for (const char *l = t; l < end && x->error == 0;) {
		const char *nl = memchr(l, '\n', (size_t)(end - l)), *e = nl ? nl : end, *k = l, *v;
		size_t indent;

		while (k < e && *k == ' ')
			k++;
		indent = (size_t)(k - l);
		if (k + 1 < e && *k == '-' && k[1] == ' ')
			for (k += 2; k < e && *k == ' ';)
				k++;
		for (v = k; v < e && (isalnum((unsigned char)*v) || *v == '_');)
			v++;
		if (v == k || v >= e || *v != ':' || !al_md_command_key(k, (size_t)(v - k))) {
			l = nl ? nl + 1 : end;
			continue;
		}
		for (v++; v < e && *v == ' ';)
			v++;
		if (v < e && (*v == '|' || *v == '>')) {
			/* the lines indented past the key */
			const char *first = nl ? nl + 1 : end, *last = first, *p = first;

			while (p < end) {
				const char *pn = memchr(p, '\n', (size_t)(end - p)),
					   *pe = pn ? pn : end;
				const char *q = p;

				while (q < pe && *q == ' ')
					q++;
				if (q < pe && (size_t)(q - p) <= indent)
					break;
				last = pe;
				p = pn ? pn + 1 : end;
			}
			config_shell(x, first, (size_t)(last - first), NULL,
				     start + (size_t)(first - t));
			l = p;
			continue;
		}
		{
			const char *z = e;

			while (z > v && (z[-1] == ' ' || z[-1] == '\r'))
				z--;
			if (z - v >= 2 && (*v == '"' || *v == '\'') && z[-1] == *v) {
				v++;
				z--;
			}
			config_shell(x, v, (size_t)(z - v), NULL, start + (size_t)(v - t));
		}
		l = nl ? nl + 1 : end;
	}
}

/* A shell fence's code is judged as commands an agent may copy, two levels
 * below what running it would be; Python and JavaScript as code to insert
 * or run, one level below, and one more when the lines before the fence
 * introduce it as an example (the cue the signatures use for fences). The
 * code is buf[start..start+len); its fence line starts at `line`. */
static void fence_code(struct mctx *x, enum md_fence lang, size_t line, size_t start, size_t len)
{
	const char *t = x->buf + start;
	int error = 0;

	if (len == 0)
		return;
	if (lang == MD_FENCE_SHELL) {
		struct shell_code c = { t, len, NULL, start, "fenced code in an instruction file",
					2, 0 };

		error = al_shell_scan(x->fs, x->ps, x->in, &c);
	} else if (lang == MD_FENCE_CONFIG) {
		if (memchr(t, '{', len))
			json_commands(x, start, len);
		else
			yaml_commands(x, start, len);
	} else if (lang == MD_FENCE_PYTHON || lang == MD_FENCE_JAVASCRIPT) {
		struct code_fence c = { t, len, start,
					lang == MD_FENCE_PYTHON ? TS_PYTHON : TS_JAVASCRIPT, 1 };

		if (al_context_fence_example(x->in->data, line))
			c.lower++;
		/* code with none of the names a finding needs is not parsed */
		if (len > LIMIT_CODE_BYTES || al_code_wanted(t, len))
			error = al_code_scan(x->fs, x->ps, x->in, &c);
	}
	if (error < 0)
		x->error = error;
}

/* A fence of the syntax tree: its language from the info string. */
static void fenced_code(struct mctx *x, TSNode n)
{
	TSNode info = { 0 }, content = { 0 };
	uint32_t k = ts_node_named_child_count(n);
	enum md_fence lang = MD_FENCE_SHELL;
	size_t len;
	const char *t;

	for (uint32_t i = 0; i < k; i++) {
		TSNode ch = ts_node_named_child(n, i);

		if (al_ts_is(ch, "info_string"))
			info = ch;
		else if (al_ts_is(ch, "code_fence_content"))
			content = ch;
	}
	if (ts_node_is_null(content))
		return;
	if (!ts_node_is_null(info)) {
		t = ts_text(info, x->buf, &len);
		lang = al_md_fence_language(t, len);
	}
	fence_code(x, lang, fence_line(x, n), ts_node_start_byte(content),
		   ts_node_end_byte(content) - ts_node_start_byte(content));
}

/* --- inline ------------------------------------------------------------------ */

static bool child_of_type(TSNode n, const char *type, TSNode *out)
{
	uint32_t k = ts_node_named_child_count(n);

	for (uint32_t i = 0; i < k; i++)
		if (al_ts_is(ts_node_named_child(n, i), type)) {
			*out = ts_node_named_child(n, i);
			return true;
		}
	return false;
}

/* A query with a placeholder for the model to fill in. */
static bool data_template(const char *q, size_t len)
{
	return has_ci(q, len, "{") || has_ci(q, len, "$") || has_ci(q, len, "%7b");
}

/* A remote image whose query carries data: the request itself is the leak
 * (a reader's client fetches it with what the model filled in). */
static bool data_url(const char *t, size_t len)
{
	const char *q = memchr(t, '?', len);

	if (!q || !(has_ci(t, len, "http://") || has_ci(t, len, "https://")))
		return false;
	len -= (size_t)(q - t);
	return len > 40 || data_template(q, len);
}

static void inline_node(struct mctx *x, TSNode n)
{
	size_t len, start = ts_node_start_byte(n), end = ts_node_end_byte(n);
	const char *t = ts_text(n, x->buf, &len);
	TSNode d;

	if (al_ts_is(n, "inline_link") && !child_of_type(n, "link_text", &d)) {
		report(x, "AL302", 0, start, end, NULL, 0, "a link with no text");
	} else if (al_ts_is(n, "image") && child_of_type(n, "link_destination", &d)) {
		size_t dl;
		const char *dt = ts_text(d, x->buf, &dl);

		const char *q = memchr(dt, '?', dl);

		if (data_url(dt, dl))
			report(x, "AL303",
			       data_template(q, dl - (size_t)(q - dt)) ? AIRLOCK_SEVERITY_HIGH : 0,
			       start, end, NULL, 0, "%.*s", (int)(dl > 80 ? 80 : dl), dt);
	} else if (al_ts_is(n, "html_tag")) {
		if (len >= 4 && memcmp(t, "<!--", 4) == 0) {
			hidden_layer(x, start, end, "in an HTML comment", 0);
		} else if (hiding_html(t, len)) {
			/* what the tag hides runs to the next tag (or the line's end) */
			size_t cap = x->in->len - end > LIMIT_HIDDEN_BYTES ? LIMIT_HIDDEN_BYTES
									   : x->in->len - end;
			const char *lt = memchr(x->buf + end, '<', cap);
			const char *nl = memchr(x->buf + end, '\n', cap);
			size_t stop = lt && (!nl || lt < nl) ? (size_t)(lt - x->buf)
				      : nl                   ? (size_t)(nl - x->buf)
							     : end + cap;

			hidden_layer(x, start, stop, "in HTML styled to be invisible", 0);
		}
	} else if (al_ts_is(n, "code_span") && start > 0 && x->buf[start - 1] == '!') {
		/* !`cmd`: run when a command or skill is invoked */
		size_t ticks = strspn(t, "`");
		struct shell_code c = { t + ticks,
					len > 2 * ticks ? len - 2 * ticks : 0,
					NULL,
					start + ticks,
					"!`command` line",
					0,
					0 };
		int error;

		if (!x->runs_commands)
			c.lower = 2;
		if (c.len && (error = al_shell_scan(x->fs, x->ps, x->in, &c)) < 0)
			x->error = error;
	}
}

static int inline_batch(struct mctx *x, const TSRange *ranges, unsigned int n)
{
	TSTree *tree = NULL;
	TSTreeCursor cur;
	int error;

	if ((error = al_ts_parse_ranges(&tree, x->ps, TS_MARKDOWN_INLINE, x->buf, x->in->len,
					ranges, n)) < 0)
		return error;
	if (error > 0) {
		report(x, "AL304", 0, ranges[0].start_byte, ranges[0].end_byte, NULL, 0,
		       "inline content over the parse limits");
		return x->error;
	}
	cur = ts_tree_cursor_new(ts_tree_root_node(tree));
	for (;;) {
		if (++x->nodes > LIMIT_TREE_NODES) {
			report(x, "AL304", 0, 0, 0, NULL, 0, "more than %u syntax nodes",
			       LIMIT_TREE_NODES);
			break;
		}
		inline_node(x, ts_tree_cursor_current_node(&cur));
		if (x->error < 0)
			break;
		if (!al_ts_cursor_next(&cur, true))
			break;
	}
	ts_tree_cursor_delete(&cur);
	ts_tree_delete(tree);
	return x->error;
}

/* --- blocks ------------------------------------------------------------------ */

/* Every inline check needs a comment or hiding tag, a link with no text, an
 * image or a !`command`: prose without them is not handed to the inline
 * grammar (it is the signatures'). */
static bool inline_worth_parsing(const struct mctx *x, TSNode n)
{
	size_t len;
	const char *t = ts_text(n, x->buf, &len);

	return al_md_wanted(t, len);
}

/* Three of c in a row somewhere in t[0..len) (memchr, far cheaper than
 * memmem here). */
static bool has_three(const char *t, size_t len, char c)
{
	const char *p = t, *end = t + len;

	while ((p = memchr(p, c, (size_t)(end - p)))) {
		if (end - p >= 3 && p[1] == c && p[2] == c)
			return true;
		p++;
	}
	return false;
}

/* Nor is a file with none of what the block checks look for either. */
static bool worth_parsing(const struct scan_input *in)
{
	const char *t = (const char *)in->data;

	/* the cheap tests first: most files with prose worth a look have a fence */
	return has_three(t, in->len, '`') || has_three(t, in->len, '~') ||
	       (in->len >= 3 && (memcmp(t, "---", 3) == 0 || memcmp(t, "+++", 3) == 0)) ||
	       al_md_wanted(t, in->len);
}

static int walk_blocks(struct mctx *x, TSNode root)
{
	TSTreeCursor cur = ts_tree_cursor_new(root);
	TSRange *ranges = malloc(RANGE_BATCH * sizeof(*ranges));
	unsigned int n = 0;
	int error = 0;

	if (!ranges) {
		ts_tree_cursor_delete(&cur);
		return al_error_oom();
	}
	for (;;) {
		TSNode v = ts_tree_cursor_current_node(&cur);
		bool descend = true;

		if (++x->nodes > LIMIT_TREE_NODES) {
			report(x, "AL304", 0, 0, 0, NULL, 0, "more than %u syntax nodes",
			       LIMIT_TREE_NODES);
			break;
		}
		if (al_ts_is(v, "html_block")) {
			html_block(x, v);
		} else if (al_ts_is(v, "link_reference_definition")) {
			link_definition(x, v);
		} else if (al_ts_is(v, "minus_metadata") || al_ts_is(v, "plus_metadata")) {
			front_matter(x, v);
		} else if (al_ts_is(v, "fenced_code_block")) {
			fenced_code(x, v);
			descend = false;
		} else if (al_ts_is(v, "inline") && inline_worth_parsing(x, v)) {
			ranges[n].start_byte = ts_node_start_byte(v);
			ranges[n].end_byte = ts_node_end_byte(v);
			ranges[n].start_point = ts_node_start_point(v);
			ranges[n].end_point = ts_node_end_point(v);
			if (++n == x->batch) {
				if ((error = inline_batch(x, ranges, n)) < 0)
					break;
				n = 0;
			}
			descend = false;
		}
		if (x->error < 0)
			break;
		if (!al_ts_cursor_next(&cur, descend))
			break;
	}
	if (error == 0 && x->error == 0 && n > 0)
		error = inline_batch(x, ranges, n);
	ts_tree_cursor_delete(&cur);
	free(ranges);
	return error < 0 ? error : x->error;
}

int al_markdown_scan(struct findings *fs, struct ts_parsers *ps, const struct scan_input *in)
{
	struct mctx x = { 0 };
	TSTree *tree = NULL;
	TSRange *chunks;
	struct md_code *code = NULL;
	unsigned int nchunks, ncode = 0, c = 0;
	int error = 0;

	x.fs = fs;
	x.ps = ps;
	x.in = in;
	x.buf = (const char *)in->data;
	x.runs_commands = strstr(in->path, "commands/") || strstr(in->path, "skills/") ||
			  strstr(in->path, "workflows/") || strstr(in->path, "prompts/");
	if (!worth_parsing(in))
		return 0;
	/* Each inline node is parsed on its own: included ranges are one text
	 * to tree-sitter, so in a batch a backtick left open in one paragraph
	 * would pair with one in the next and turn the comment between them
	 * into code. (Few nodes need the inline grammar: al_md_wanted.)
	 * tree-sitter 0.20.7 loops (until the timeout) on several included
	 * ranges when one holds a NUL byte: such a file is parsed whole. */
	x.batch = 1;
	x.search_left = 4 * in->len + LIMIT_HIDDEN_BYTES;
	if (memchr(x.buf, '\0', in->len)) {
		if (!(chunks = malloc(sizeof(*chunks))))
			return al_error_oom();
		chunks[0] = (TSRange){ { 0, 0 }, { UINT32_MAX, UINT32_MAX }, 0, UINT32_MAX };
		nchunks = 1;
	} else if ((error = al_md_split(&chunks, &nchunks, &code, &ncode, x.buf, in->len)) < 0) {
		return error;
	}
	/* the fences the line scan found for sure, without a tree */
	for (unsigned int i = 0; i < ncode && x.error == 0; i++)
		fence_code(&x, code[i].lang, code[i].line, code[i].start, code[i].len);
	if (x.error < 0 || nchunks == 0) {
		free(code);
		free(chunks);
		return x.error;
	}
	/* tree-sitter 0.20 looks ranges up linearly for every token: a few
	 * dozen per parse keep that linear in the file's size. */
	for (unsigned int i = 0, k; i < nchunks && error == 0; i += k) {
		k = nchunks - i < RANGE_BATCH ? nchunks - i : RANGE_BATCH;
		/* the two lines of a fence read without the tree stay in one
		 * parse: alone, its closing line would open a fence */
		while (c < ncode && code[c].opening_run < i + k - 1)
			c++;
		if (c < ncode && code[c].opening_run == i + k - 1 && i + k < nchunks)
			k++;

		if ((error = al_ts_parse_ranges(&tree, ps, TS_MARKDOWN, x.buf, in->len, chunks + i,
						k)) < 0)
			break;
		if (error > 0) { /* over a time, memory or nesting bound */
			report(&x, "AL304", 0, chunks[i].start_byte, chunks[i].end_byte, NULL, 0,
			       "over the parse limits");
			error = x.error;
			continue;
		}
		error = walk_blocks(&x, ts_tree_root_node(tree));
		ts_tree_delete(tree);
	}
	free(code);
	free(chunks);
	return error;
}
