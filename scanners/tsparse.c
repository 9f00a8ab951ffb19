/*
 * tsparse.c - parser set-up with a time limit, and the grammars' entry points.
 */
#include <ctype.h>
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/limits.h"
#include "scanners/tsparse.h"

/* The grammars' own entry points (build/grammar/, compiled from the pinned
 * sources with their symbols hidden). */
const TSLanguage *tree_sitter_bash(void);
const TSLanguage *tree_sitter_json(void);
const TSLanguage *tree_sitter_markdown(void);
const TSLanguage *tree_sitter_markdown_inline(void);
const TSLanguage *tree_sitter_python(void);
const TSLanguage *tree_sitter_javascript(void);

static const struct {
	const char *name;
	const TSLanguage *(*language)(void);
} grammars[TS_NGRAMMARS] = {
	[TS_BASH] = { "bash", tree_sitter_bash },
	[TS_JSON] = { "json", tree_sitter_json },
	[TS_MARKDOWN] = { "markdown", tree_sitter_markdown },
	[TS_MARKDOWN_INLINE] = { "markdown-inline", tree_sitter_markdown_inline },
	[TS_PYTHON] = { "python", tree_sitter_python },
	[TS_JAVASCRIPT] = { "javascript", tree_sitter_javascript },
};

/*
 * tree-sitter's heap, counted per thread. Some inputs cost the parser far
 * more than their size (4 KB of "![" takes 22 MB, 64 KB 328 MB, before the
 * time limit ends the parse): the parse under way is cancelled once it has
 * grown the thread's share by LIMIT_PARSE_MEMORY, so one file costs at most
 * that, whatever its shape. The allocator is libc's (what tree-sitter uses by
 * default, so memory allocated before it was set is freed the same way);
 * like tree-sitter's own, it aborts when the system has no memory left.
 */
static __thread long long ts_heap;     /* bytes this thread holds (or freed, if negative) */
static __thread long long ts_heap_cap; /* past it, the parse under way is cancelled */
static __thread size_t ts_cancel;      /* the parsers' cancellation flag */
static __thread bool ts_parsing;
static pthread_once_t ts_allocator_once = PTHREAD_ONCE_INIT;

/* Parses under way in the process, at most LIMIT_PARSE_CONCURRENT: with the
 * per-parse bound, what parsing costs at once does not grow with the number
 * of scanning threads. A child forked meanwhile starts with none. */
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t slots_free = PTHREAD_COND_INITIALIZER;
static unsigned int slots_used;

static void slots_after_fork(void)
{
	pthread_mutex_init(&slots_lock, NULL);
	pthread_cond_init(&slots_free, NULL);
	slots_used = 0;
}

static void slot_take(void)
{
	pthread_mutex_lock(&slots_lock);
	while (slots_used >= LIMIT_PARSE_CONCURRENT)
		pthread_cond_wait(&slots_free, &slots_lock);
	slots_used++;
	pthread_mutex_unlock(&slots_lock);
}

static void slot_give(void)
{
	pthread_mutex_lock(&slots_lock);
	slots_used--;
	pthread_cond_signal(&slots_free);
	pthread_mutex_unlock(&slots_lock);
}

static void ts_heap_add(void *p, long long sign)
{
	ts_heap += sign * (long long)malloc_usable_size(p);
	if (ts_parsing && ts_heap > ts_heap_cap)
		ts_cancel = 1;
}

static void *ts_counted_malloc(size_t n)
{
	void *p = malloc(n);

	if (!p)
		abort();
	ts_heap_add(p, 1);
	return p;
}

static void *ts_counted_calloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	if (!p)
		abort();
	ts_heap_add(p, 1);
	return p;
}

static void *ts_counted_realloc(void *p, size_t n)
{
	long long before = p ? (long long)malloc_usable_size(p) : 0;
	void *q = realloc(p, n);

	if (!q && n)
		abort();
	ts_heap -= before;
	if (q)
		ts_heap_add(q, 1);
	return q;
}

static void ts_counted_free(void *p)
{
	if (p)
		ts_heap_add(p, -1);
	free(p);
}

static void ts_allocator_install(void)
{
	ts_set_allocator(ts_counted_malloc, ts_counted_calloc, ts_counted_realloc, ts_counted_free);
	pthread_atfork(NULL, NULL, slots_after_fork);
}

static int parser_get(TSParser **out, struct ts_parsers *ps, enum ts_grammar g)
{
	TSParser *p = ps->p[g];

	if (!p) {
		pthread_once(&ts_allocator_once, ts_allocator_install);
		if (!(p = ts_parser_new()))
			return al_error_oom();
		/* false: the grammar's ABI is one this runtime cannot load. */
		if (!ts_parser_set_language(p, grammars[g].language())) {
			ts_parser_delete(p);
			return al_error_set(
				AIRLOCK_ERROR, "tree-sitter cannot load the %s grammar (ABI %u)",
				grammars[g].name, ts_language_version(grammars[g].language()));
		}
		ts_parser_set_timeout_micros(p, LIMIT_PARSE_MICROS);
		ts_parser_set_cancellation_flag(p, &ts_cancel);
		ps->p[g] = p;
	}
	*out = p;
	return 0;
}

/*
 * Nesting before parsing. tree-sitter 0.20.7 (Debian 12's runtime) wraps
 * what is left on the parse stack at the end of a broken input into one
 * ERROR node, and keeps that node's child count modulo 65 536: past it
 * ts_tree_delete frees a pointer into the middle of the children's array
 * (heap corruption, fixed upstream in 0.20.8, tree-sitter issue #2134). The
 * stack holds a few entries for each construct still open, so 80 KB of
 * `((` or 70 000 `[` are enough. These estimates count the open constructs
 * with the grammar's own quoting rules, err on the high side, and refuse a
 * buffer past LIMIT_PARSE_NESTING long before the stack could get there.
 */
/* strchr without its match of the terminating NUL. */
static bool one_of(char c, const char *set)
{
	return c && strchr(set, c);
}

static bool word_at(const char *s, size_t len, size_t i, const char *w)
{
	size_t n = strlen(w);

	if (i + n > len || memcmp(s + i, w, n) != 0)
		return false;
	return i + n == len || !(isalnum((unsigned char)s[i + n]) || s[i + n] == '_');
}

/* True when a word starting at `i` stands where bash reads a command (so a
 * keyword there is one): at the start, after a separator or an opening, or
 * after a keyword that a command follows. */
static bool command_position(const char *s, size_t i)
{
	static const char *const after[] = { "then", "do", "else",  "elif",  "!",
					     "in",   "if", "while", "until", "time" };
	size_t j = i;

	if (i > 0 && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '_'))
		return false;
	while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
		j--;
	if (j == 0 || one_of(s[j - 1], "\n;&|(){`"))
		return true;
	for (size_t k = 0; k < sizeof(after) / sizeof(after[0]); k++) {
		size_t n = strlen(after[k]);

		if (j >= n && memcmp(s + j - n, after[k], n) == 0 &&
		    (j == n || one_of(s[j - n - 1], " \t\n;&|(){`")))
			return true;
	}
	return false;
}

/* 'K' for a keyword that opens a compound command, 'k' for one that closes
 * it, 0 for neither; *n is its length. */
static char shell_keyword(const char *s, size_t len, size_t i, size_t *n)
{
	static const char *const opens[] = { "if", "case", "while", "until", "for", "select" };
	static const char *const closes[] = { "fi", "esac", "done" };

	if (!command_position(s, i))
		return 0;
	for (size_t k = 0; k < sizeof(opens) / sizeof(opens[0]); k++)
		if (word_at(s, len, i, opens[k])) {
			*n = strlen(opens[k]);
			return 'K';
		}
	for (size_t k = 0; k < sizeof(closes) / sizeof(closes[0]); k++)
		if (word_at(s, len, i, closes[k])) {
			*n = strlen(closes[k]);
			return 'k';
		}
	return 0;
}

/*
 * Bash: a stack of what is open, as the grammar nests it: ( { [ (so $( ),
 * $(( )), ${ }, <( ), [[ ]]), double quotes, backticks (an empty `` opens a
 * second level, as the grammar reads it), compound commands (if, case,
 * while, until, for, select), and here-documents still waiting for their
 * body (`<<a <<a ...` on one line). A closer pops only its own opener, so a
 * stray `)` (a case pattern) or `done` (an argument) never hides a level;
 * single-quoted text and comments are skipped as bash skips them.
 */
static bool shell_nesting_ok(const char *s, size_t len, unsigned int max)
{
	char open[LIMIT_PARSE_NESTING + 1];
	size_t last_tick = (size_t)-2;
	unsigned int depth = 0;

	if (max > LIMIT_PARSE_NESTING)
		max = LIMIT_PARSE_NESTING;
	for (size_t i = 0; i < len; i++) {
		char ch = s[i], top = depth ? open[depth - 1] : 0, push = 0, pop = 0;
		bool dq = top == '"';
		size_t n = 0;

		if (ch == '\\') {
			i++;
			continue;
		}
		if (ch == '\'' && !dq) {
			bool ansi = i > 0 && s[i - 1] == '$';

			for (i++; i < len && s[i] != '\''; i++)
				if (ansi && s[i] == '\\')
					i++;
			continue;
		}
		if (ch == '#' && !dq && (i == 0 || one_of(s[i - 1], " \t\n;&|("))) {
			const char *nl = memchr(s + i, '\n', len - i);

			if (!nl)
				break;
			i = (size_t)(nl - s) - 1;
			continue;
		}
		switch (ch) {
		case '"':
			if (dq)
				pop = '"';
			else
				push = '"';
			break;
		case '`':
			if (top == '`' && i > last_tick + 1)
				pop = '`';
			else
				push = '`';
			last_tick = i;
			break;
		case '(':
		case '{':
		case '[':
			if (!dq || (i > 0 && s[i - 1] == '$'))
				push = ch;
			break;
		case ')':
			pop = '(';
			break;
		case '}':
			pop = '{';
			break;
		case ']':
			pop = '[';
			break;
		case '<':
			if (!dq && i + 1 < len && s[i + 1] == '<' &&
			    (i + 2 >= len || s[i + 2] != '<')) {
				push = 'H';
				i++;
			}
			break;
		case '\n':
			while (!dq && depth && open[depth - 1] == 'H')
				depth--;
			break;
		default:
			if (!dq && one_of(ch, "icwusfde")) {
				char k = shell_keyword(s, len, i, &n);

				if (k == 'K')
					push = 'K';
				else if (k == 'k')
					pop = 'K';
				if (n)
					i += n - 1;
			}
		}
		if (pop && top == pop)
			depth--;
		if (push) {
			if (depth == max)
				return false;
			open[depth++] = push;
		}
	}
	return true;
}

/* JSON (and JSONC): '[' and '{' outside strings and comments. A string ends
 * at its closing quote or, as tree-sitter-json's does, at a line end. Past
 * an invalid escape tree-sitter's error recovery may read a quote
 * differently, so the brackets are also counted anywhere, strings included:
 * LIMIT_JSON_BRACKETS of them cannot stack deep enough whatever it reads. */
static bool json_nesting_ok(const char *s, size_t len, unsigned int max)
{
	bool in_string = false;
	size_t brackets = 0;
	long depth = 0;

	for (size_t i = 0; i < len; i++) {
		char ch = s[i];

		if ((ch == '[' || ch == '{') && ++brackets > LIMIT_JSON_BRACKETS)
			return false;
		if (in_string) {
			if (ch == '\\' && i + 1 < len && s[i + 1] != '\n') {
				if ((s[i + 1] == '[' || s[i + 1] == '{') &&
				    ++brackets > LIMIT_JSON_BRACKETS)
					return false;
				i++;
			} else if (ch == '"' || ch == '\n') {
				in_string = false;
			}
		} else if (ch == '"') {
			in_string = true;
		} else if (ch == '/' && i + 1 < len && (s[i + 1] == '/' || s[i + 1] == '*')) {
			const char *end = s[i + 1] == '/' ? memchr(s + i, '\n', len - i)
							  : memmem(s + i + 2, len - i - 2, "*/", 2);

			if (!end && s[i + 1] == '/')
				break; /* a comment to the end */
			if (!end)
				continue; /* unterminated: what follows is read as tokens */
			/* brackets inside the comment are counted too */
			for (size_t k = i + 2; k < (size_t)(end - s); k++)
				if ((s[k] == '[' || s[k] == '{') &&
				    ++brackets > LIMIT_JSON_BRACKETS)
					return false;
			i = (size_t)(end - s) + (s[i + 1] == '*');
		} else if (ch == '[' || ch == '{') {
			if (++depth > (long)max)
				return false;
		} else if ((ch == ']' || ch == '}') && depth > 0) {
			depth--;
		}
	}
	return true;
}

/* The containers (block quotes, list items) one line of Markdown may hold
 * open: its '>' and list markers, and the list items its indentation before
 * the last of them continues (each takes two columns at least). */
/* A thematic break ("* * *", "- - -", "___"): three or more of one of '-',
 * '*', '_' with only blanks between, which opens no container. */
static bool md_thematic_break(const char *s, size_t i, size_t end)
{
	char mark = 0;
	unsigned int n = 0;

	for (; i < end; i++) {
		char ch = s[i];

		if (ch == ' ' || ch == '\t' || ch == '\r')
			continue;
		if ((ch != '-' && ch != '*' && ch != '_') || (mark && ch != mark))
			return false;
		mark = ch;
		n++;
	}
	return n >= 3;
}

static unsigned int md_line_containers(const char *s, size_t i, size_t end)
{
	unsigned int marks = 0, columns = 0, most = 0;

	if (md_thematic_break(s, i, end))
		return 0;

	while (i < end) {
		char ch = s[i];
		size_t k = i;

		if (ch == ' ' || ch == '\t') {
			columns += ch == '\t' ? 4 : 1;
			i++;
			continue;
		}
		if (ch == '-' || ch == '*' || ch == '+') {
			k = i + 1;
		} else if (ch >= '0' && ch <= '9') {
			while (k < end && k - i < 10 && s[k] >= '0' && s[k] <= '9')
				k++;
			if (k == end || (s[k] != '.' && s[k] != ')'))
				break;
			k++;
		} else if (ch != '>') {
			break;
		} else {
			k = i + 1;
		}
		if (ch != '>' && k < end && s[k] != ' ' && s[k] != '\t' && s[k] != '\n' &&
		    s[k] != '\r')
			break; /* "-x", "1.5": text, not a marker */
		marks++;
		most = marks + columns / 2;
		i = k;
	}
	return most;
}

/* Markdown's block grammar: its scanner writes 4 bytes a container into
 * tree-sitter's 1 024-byte serialization buffer without a check, so 255
 * block quotes or list items open at once write past it. */
static bool md_nesting_ok(const char *s, size_t len, const TSRange *ranges, unsigned int n,
			  unsigned int max)
{
	TSRange whole = { { 0, 0 }, { 0, 0 }, 0, (uint32_t)len };

	if (n == 0) {
		ranges = &whole;
		n = 1;
	}
	for (unsigned int r = 0; r < n; r++) {
		size_t i = ranges[r].start_byte, end = ranges[r].end_byte;

		if (end > len)
			end = len;
		while (i < end) {
			const char *nl = memchr(s + i, '\n', end - i);
			size_t stop = nl ? (size_t)(nl - s) : end;

			if (md_line_containers(s, i, stop) > max)
				return false;
			i = stop + 1;
		}
	}
	return true;
}

/*
 * Comments are the grammars' "extras": a run of them between two tokens (or
 * at the end) waits on the parse stack as one entry each, and 70 000 lines
 * of '#' (or '/ * * /' in JSON) corrupt the heap the same way. A comment
 * ends at the line's end, so a line holds at most one bash or '//' comment;
 * every line with a '#', every line with a '//' and every '/ *' is counted,
 * in strings or not: more, never fewer, than tree-sitter sees.
 */
static size_t lines_with(const char *s, size_t len, const char *needle)
{
	size_t n = 0, nl = strlen(needle);

	for (size_t i = 0; i < len;) {
		const char *eol = memchr(s + i, '\n', len - i);
		size_t end = eol ? (size_t)(eol - s) : len;

		if (memmem(s + i, end - i, needle, nl))
			n++;
		i = end + 1;
	}
	return n;
}

static size_t occurrences(const char *s, size_t len, const char *needle)
{
	size_t n = 0, nl = strlen(needle);

	for (const char *p = s; (p = memmem(p, len - (size_t)(p - s), needle, nl)); p += nl)
		n++;
	return n;
}

static bool nesting_ok(enum ts_grammar g, const char *buf, size_t len, const TSRange *ranges,
		       unsigned int nranges)
{
	switch (g) {
	case TS_BASH:
		return lines_with(buf, len, "#") <= LIMIT_PARSE_COMMENTS &&
		       shell_nesting_ok(buf, len, LIMIT_PARSE_NESTING);
	case TS_JSON:
		return lines_with(buf, len, "//") + occurrences(buf, len, "/*") <=
			       LIMIT_PARSE_COMMENTS &&
		       json_nesting_ok(buf, len, LIMIT_PARSE_NESTING);
	case TS_MARKDOWN:
		return md_nesting_ok(buf, len, ranges, nranges, LIMIT_MD_CONTAINERS);
	case TS_PYTHON:
	case TS_JAVASCRIPT:
		/* Every byte of a broken input may wait on the stack (a run of
		 * '!', '**' or '(' is a construct still open): a small buffer
		 * cannot reach 65 536 entries whatever it holds. */
		return len <= LIMIT_CODE_BYTES;
	default:
		return true;
	}
}

bool al_ts_nesting_ok(enum ts_grammar g, const char *buf, size_t len)
{
	return nesting_ok(g, buf, len, NULL, 0);
}

int al_ts_parse_ranges(TSTree **out, struct ts_parsers *ps, enum ts_grammar g, const char *buf,
		       size_t len, const TSRange *ranges, unsigned int nranges)
{
	TSParser *p = NULL;
	int error;

	*out = NULL;
	if (len > LIMIT_PARSE_BYTES || len > UINT32_MAX)
		return 1;
	if (!nesting_ok(g, buf, len, ranges, nranges))
		return 2;
	if ((error = parser_get(&p, ps, g)) < 0)
		return error;
	if (!ts_parser_set_included_ranges(p, ranges, nranges))
		return al_error_set(AIRLOCK_ERROR, "tree-sitter refused the ranges to parse");
	slot_take();
	ts_cancel = 0;
	ts_heap_cap = ts_heap + LIMIT_PARSE_MEMORY;
	ts_parsing = true;
	*out = ts_parser_parse_string(p, NULL, buf, (uint32_t)len);
	ts_parsing = false;
	slot_give();
	ts_parser_set_included_ranges(p, NULL, 0);
	/* NULL: timed out or over its memory; the parser must be reset before
	 * its next use, or it would resume this parse. */
	if (!*out) {
		ts_parser_reset(p);
		ts_cancel = 0;
		return 1;
	}
	return 0;
}

int al_ts_parse(TSTree **out, struct ts_parsers *ps, enum ts_grammar g, const char *buf, size_t len)
{
	return al_ts_parse_ranges(out, ps, g, buf, len, NULL, 0);
}

void al_ts_parsers_free(struct ts_parsers *ps)
{
	for (int g = 0; g < TS_NGRAMMARS; g++)
		if (ps->p[g])
			ts_parser_delete(ps->p[g]);
	memset(ps, 0, sizeof(*ps));
}

int al_ts_is(TSNode n, const char *type)
{
	return strcmp(ts_node_type(n), type) == 0;
}

void al_ts_kids_begin(struct ts_kids *k, TSNode parent)
{
	k->cur = ts_tree_cursor_new(parent);
	k->state = 0;
}

bool al_ts_kids_next(struct ts_kids *k, TSNode *out)
{
	while (k->state != 2) {
		bool moved = k->state == 0 ? ts_tree_cursor_goto_first_child(&k->cur)
					   : ts_tree_cursor_goto_next_sibling(&k->cur);
		TSNode n;

		if (!moved) {
			k->state = 2;
			break;
		}
		k->state = 1;
		n = ts_tree_cursor_current_node(&k->cur);
		if (ts_node_is_named(n)) {
			*out = n;
			return true;
		}
	}
	return false;
}

void al_ts_kids_end(struct ts_kids *k)
{
	ts_tree_cursor_delete(&k->cur);
}

bool al_ts_cursor_next(TSTreeCursor *cur, bool descend)
{
	if (descend && ts_tree_cursor_goto_first_child(cur))
		return true;
	while (!ts_tree_cursor_goto_next_sibling(cur))
		if (!ts_tree_cursor_goto_parent(cur))
			return false;
	return true;
}
