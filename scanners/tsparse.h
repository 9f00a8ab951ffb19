/*
 * tsparse.h - the tree-sitter grammars airlock links (bash, JSON, Markdown
 * block and inline, Python, JavaScript), behind one fail-closed parse call.
 *
 * tree-sitter's conventions are translated here: ts_parser_set_language
 * returning false (a grammar of an ABI the runtime cannot load) is an error,
 * a NULL tree (timeout) is a limit. A tree is returned even for broken input;
 * callers check ts_node_has_error.
 */
#ifndef AIRLOCK_SCANNERS_TSPARSE_H
#define AIRLOCK_SCANNERS_TSPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

enum ts_grammar {
	TS_BASH,
	TS_JSON,
	TS_MARKDOWN,
	TS_MARKDOWN_INLINE,
	TS_PYTHON,
	TS_JAVASCRIPT,
	TS_NGRAMMARS
};

/* Parsers made on first use and reused for every buffer of one scan. */
struct ts_parsers {
	TSParser *p[TS_NGRAMMARS];
};

/*
 * Parses `len` bytes with grammar `g`. Returns 0 with *out a new tree (free
 * with ts_tree_delete), 1 with *out NULL when the input is over
 * LIMIT_PARSE_BYTES or the parse took longer than LIMIT_PARSE_MICROS or grew
 * the heap by more than LIMIT_PARSE_MEMORY, 2 with
 * *out NULL when bash or JSON input nests more than LIMIT_PARSE_NESTING deep,
 * or a Markdown line holds more than LIMIT_MD_CONTAINERS block quotes and
 * list items, or Python or JavaScript input is over LIMIT_CODE_BYTES (not
 * handed to tree-sitter at all; see al_ts_nesting_ok), or
 * AIRLOCK_ERROR. The caller reports 1 and 2: not parsed is not clean.
 */
int al_ts_parse(TSTree **out, struct ts_parsers *ps, enum ts_grammar g, const char *buf,
		size_t len);

/* Parses only `ranges` of `buf` (Markdown inline content). Same returns. */
int al_ts_parse_ranges(TSTree **out, struct ts_parsers *ps, enum ts_grammar g, const char *buf,
		       size_t len, const TSRange *ranges, unsigned int nranges);

/* False when `buf` opens more than LIMIT_PARSE_NESTING constructs at once
 * for grammar `g` (bash and JSON), or a line of it more than
 * LIMIT_MD_CONTAINERS containers (Markdown blocks), or is over
 * LIMIT_CODE_BYTES (Python, JavaScript); true for inline. */
bool al_ts_nesting_ok(enum ts_grammar g, const char *buf, size_t len);

void al_ts_parsers_free(struct ts_parsers *ps);

/* The node's text: a borrowed pointer into `buf` and its length. */
static inline const char *ts_text(TSNode n, const char *buf, size_t *len)
{
	*len = ts_node_end_byte(n) - ts_node_start_byte(n);
	return buf + ts_node_start_byte(n);
}

/* Iterates the named children of a node with a cursor. ts_node_named_child(n,
 * i) walks from the first child on every call: a loop over it is quadratic in
 * an attacker's array. Call al_ts_kids_end after the loop. */
struct ts_kids {
	TSTreeCursor cur;
	int state; /* 0: before the first child, 1: on a child, 2: done */
};

void al_ts_kids_begin(struct ts_kids *k, TSNode parent);
bool al_ts_kids_next(struct ts_kids *k, TSNode *out);
void al_ts_kids_end(struct ts_kids *k);

/* True when the node's type is `type`. */
int al_ts_is(TSNode n, const char *type);

/* Moves the cursor to the next node of a pre-order walk: the first child
 * when `descend` and there is one, else the next sibling of this node or of
 * its nearest ancestor. False when the walk is over. */
bool al_ts_cursor_next(TSTreeCursor *cur, bool descend);

#endif
