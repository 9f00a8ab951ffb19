/*
 * tsparse.c - parser set-up with a time limit, and the grammars' entry points.
 */
#include <stdint.h>
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

static const struct {
	const char *name;
	const TSLanguage *(*language)(void);
} grammars[TS_NGRAMMARS] = {
	[TS_BASH] = { "bash", tree_sitter_bash },
	[TS_JSON] = { "json", tree_sitter_json },
	[TS_MARKDOWN] = { "markdown", tree_sitter_markdown },
	[TS_MARKDOWN_INLINE] = { "markdown-inline", tree_sitter_markdown_inline },
};

static int parser_get(TSParser **out, struct ts_parsers *ps, enum ts_grammar g)
{
	TSParser *p = ps->p[g];

	if (!p) {
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
		ps->p[g] = p;
	}
	*out = p;
	return 0;
}

int al_ts_parse_ranges(TSTree **out, struct ts_parsers *ps, enum ts_grammar g, const char *buf,
		       size_t len, const TSRange *ranges, unsigned int nranges)
{
	TSParser *p = NULL;
	int error;

	*out = NULL;
	if (len > LIMIT_PARSE_BYTES || len > UINT32_MAX)
		return 1;
	if ((error = parser_get(&p, ps, g)) < 0)
		return error;
	if (!ts_parser_set_included_ranges(p, ranges, nranges))
		return al_error_set(AIRLOCK_ERROR, "tree-sitter refused the ranges to parse");
	*out = ts_parser_parse_string(p, NULL, buf, (uint32_t)len);
	ts_parser_set_included_ranges(p, NULL, 0);
	/* NULL: timed out (or out of memory); the parser must be reset before
	 * its next use, or it would resume this parse. */
	if (!*out) {
		ts_parser_reset(p);
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
