/*
 * check_formats_yaml.c - formats/yaml.c and formats/frontmatter.c: YAML read
 * as the JavaScript agents read it (1.2 core schema), every refusal with its
 * line, the bounds on aliases and nesting, and the JSON text written back
 * with each key on its YAML line.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/limits.h"
#include "formats/formats.h"
#include "formats/yamlcore.h"
#include "tests/tests.h"

/* The tree as canonical JSON (sorted keys), new; or "INVALID: why". */
static char *load(const char *yaml, size_t len, bool front)
{
	struct al_doc d;
	char why[256] = "", *out;
	int error;

	al_doc_init(&d);
	error = front ? al_doc_front_matter(&d, yaml, len, why, sizeof(why))
		      : al_yaml_load(&d, yaml, len, why, sizeof(why));
	if (error == 1) {
		out = strdup("NONE");
	} else if (error < 0) {
		ck_assert_int_eq(error, AIRLOCK_EINVALID);
		ck_assert_ptr_null(strchr(why, '\n'));
		ck_assert(asprintf(&out, "INVALID: %s", why) > 0);
	} else {
		ck_assert(json_is_object(d.root));
		out = json_dumps(d.root, JSON_SORT_KEYS | JSON_COMPACT);
	}
	al_doc_free(&d);
	ck_assert_ptr_nonnull(out);
	return out;
}

static const struct {
	const char *yaml, *json; /* json: the tree, or "INVALID: ..." */
} cases[] = {
	/* documents: empty, null, the first only, a mapping root */
	{ "", "{}" },
	{ "# a comment\n", "{}" },
	{ "---\n", "{}" },
	{ "--- ~\n", "{}" },
	{ "---\na: 1\n...\n", "{\"a\":1}" },
	{ "a: 1\n---\nb: 2\n",
	  "INVALID: line 2: a second document (a configuration file holds one)" },
	{ "- a\n- b\n", "INVALID: not a mapping" },
	{ "just text\n", "INVALID: not a mapping" },
	{ "\xEF\xBB\xBF"
	  "a: 1\nb: 2\n",
	  "{\"a\":1,\"b\":2}" },
	{ "a: 1\r\nb: 2\r\n", "{\"a\":1,\"b\":2}" },
	/* lines count '\n' only: libyaml's other line breaks (a lone CR, U+0085,
	 * U+2028, U+2029) do not move a finding down */
	{ "a: 1\rb: 2\rb: 3\nc: 4\nc: 5\n", "INVALID: line 1: duplicate key \"b\"" },
	{ "x: \xc3\xa9\xe2\x80\xa8"
	  "a: 1\xc2\x85"
	  "a: 2\n",
	  "INVALID: line 1: duplicate key \"a\"" },
	{ "\xc3\xa9\xe2\x82\xac: \xf0\x9f\x98\x80\r\n\xc3\xa9\xe2\x82\xac: 2\n",
	  "INVALID: line 2: duplicate key \"\xc3\xa9\xe2\x82\xac\"" },
	/* null and booleans: the core schema's spellings only */
	{ "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: nULL\n",
	  "{\"a\":null,\"b\":null,\"c\":null,\"d\":null,\"e\":null,\"f\":\"nULL\"}" },
	{ "a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\ng: tRUE\n",
	  "{\"a\":true,\"b\":true,\"c\":true,\"d\":false,\"e\":false,\"f\":false,\"g\":\"tRUE\"}" },
	/* YAML 1.1's booleans are strings in 1.2 */
	{ "a: yes\nb: no\nc: on\nd: off\ne: y\nf: n\n",
	  "{\"a\":\"yes\",\"b\":\"no\",\"c\":\"on\",\"d\":\"off\",\"e\":\"y\",\"f\":\"n\"}" },
	/* integers */
	{ "a: 0\nb: -17\nc: +5\nd: 007\ne: 0o17\nf: 0x1F\ng: 0xff\n",
	  "{\"a\":0,\"b\":-17,\"c\":5,\"d\":7,\"e\":15,\"f\":31,\"g\":255}" },
	{ "a: 0o8\nb: 0x\nc: 0b101\nd: 1_000\ne: -0x1\nf: 017\n",
	  "{\"a\":\"0o8\",\"b\":\"0x\",\"c\":\"0b101\",\"d\":\"1_000\",\"e\":\"-0x1\",\"f\":17}" },
	{ "a: 9223372036854775807\nb: -9223372036854775808\nc: 9223372036854775808\n",
	  "{\"a\":9223372036854775807,\"b\":-9223372036854775808,\"c\":9.2233720368547758e18}" },
	{ "a: 0xFFFFFFFFFFFFFFFFFF\n", "{\"a\":4.7223664828696452e21}" },
	/* floats */
	{ "a: 1.5\nb: -.5\nc: 1.\nd: 1e3\ne: 2.5E-2\nf: .5e1\n",
	  "{\"a\":1.5,\"b\":-0.5,\"c\":1.0,\"d\":1000.0,\"e\":0.025000000000000001,\"f\":5.0}" },
	{ "a: .inf\nb: -.Inf\nc: +.INF\nd: .nan\ne: .NaN\nf: 1e999\ng: .Nan\n",
	  "{\"a\":\".inf\",\"b\":\"-.inf\",\"c\":\".inf\",\"d\":\".nan\",\"e\":\".nan\",\"f\":\".inf\","
	  "\"g\":\".Nan\"}" },
	{ "a: 1.2.3\nb: 1e\nc: .\nd: -x\ne: 1,5\n",
	  "{\"a\":\"1.2.3\",\"b\":\"1e\",\"c\":\".\",\"d\":\"-x\",\"e\":\"1,5\"}" },
	/* quoted and block scalars are strings */
	{ "a: \"1\"\nb: 'true'\nc: \"~\"\nd: ''\n",
	  "{\"a\":\"1\",\"b\":\"true\",\"c\":\"~\",\"d\":\"\"}" },
	{ "a: |\n  one\n  two\nb: >\n  one\n  two\n\n  three\nc: |-\n  x\nd: >+\n  y\n\n",
	  "{\"a\":\"one\\ntwo\\n\",\"b\":\"one two\\nthree\\n\",\"c\":\"x\",\"d\":\"y\\n\\n\"}" },
	{ "a: \"tab\\there \\u00e9 \\x41\"\nb: 'it''s'\n",
	  "{\"a\":\"tab\\there \xc3\xa9 A\",\"b\":\"it's\"}" },
	{ "a: plain\n  continued\n", "{\"a\":\"plain continued\"}" },
	/* tags */
	{ "a: !!str 12\nb: !!str true\nc: ! 12\nd: !custom 12\ne: !!binary aGk=\n",
	  "{\"a\":\"12\",\"b\":\"true\",\"c\":\"12\",\"d\":\"12\",\"e\":\"aGk=\"}" },
	{ "a: !!int \"12\"\nb: !!float 1\nc: !!bool \"true\"\nd: !!null ''\n",
	  "{\"a\":12,\"b\":1.0,\"c\":true,\"d\":null}" },
	{ "a: !!int 1.5\n", "INVALID: line 1: \"1.5\" is not a !!int" },
	{ "a: !!bool yes\n", "INVALID: line 1: \"yes\" is not a !!bool" },
	/* document text in a reason stays on one line, and short */
	{ "a: !!int \"1\\n2\\r\\u2028\\x85\"\n",
	  "INVALID: line 1: \"1\\x0A2\\x0D\\u2028\\u0085\" is not a !!int" },
	{ "a: !!int \"0123456789012345678901234567890123456789\"\n",
	  "INVALID: line 1: \"012345678901234567890123456789012345...\" is not a !!int" },
	{ "\"a\\nb\": 1\n\"a\\nb\": 2\n", "INVALID: line 2: duplicate key \"a\\x0Ab\"" },
	{ "a: !!map {b: 1}\nc: !!seq [1]\n", "{\"a\":{\"b\":1},\"c\":[1]}" },
	/* keys: scalars, named as JavaScript names them, once each */
	{ "1: a\ntrue: b\n~: c\n1.50: d\n0x10: e\n\"x y\": f\n",
	  "{\"1\":\"a\",\"1.5\":\"d\",\"16\":\"e\",\"null\":\"c\",\"true\":\"b\",\"x y\":\"f\"}" },
	{ "1e21: a\n0.000001: b\n1e-7: c\n.inf: d\n-.inf: e\n.nan: f\n123456789.125: g\n",
	  "{\"-Infinity\":\"e\",\"0.000001\":\"b\",\"123456789.125\":\"g\",\"1e+21\":\"a\","
	  "\"1e-7\":\"c\",\"Infinity\":\"d\",\"NaN\":\"f\"}" },
	{ "a: 1\na: 2\n", "INVALID: line 2: duplicate key \"a\"" },
	{ "x:\n  a: 1\n  b: 2\n  a: 3\n", "INVALID: line 4: duplicate key \"a\"" },
	{ "1: a\n0x1: b\n", "INVALID: line 2: duplicate key \"1\"" },
	{ "null: a\n~: b\n", "INVALID: line 2: duplicate key \"null\"" },
	{ "{a: 1, a: 1}\n", "INVALID: line 1: duplicate key \"a\"" },
	{ "? [1]\n: 2\n", "INVALID: line 1: a mapping key must be a scalar" },
	{ "? {a: 1}\n: 2\n", "INVALID: line 1: a mapping key must be a scalar" },
	{ "a: &x [1]\n*x : 2\n", "INVALID: line 2: a mapping key must be a scalar" },
	{ "a: &k key\n*k : 2\n", "{\"a\":\"key\",\"key\":2}" },
	{ "a: &k key\nkey: 1\n*k : 2\n", "INVALID: line 3: duplicate key \"key\"" },
	{ "? a\n: 1\n", "{\"a\":1}" },
	/* anchors and aliases */
	{ "a: &x {b: 1}\nc: *x\nd: [*x, *x]\n",
	  "{\"a\":{\"b\":1},\"c\":{\"b\":1},\"d\":[{\"b\":1},{\"b\":1}]}" },
	{ "a: &x 1\nb: &x 2\nc: *x\n", "{\"a\":1,\"b\":2,\"c\":2}" },
	{ "a: *x\n", "INVALID: line 1: alias *x has no anchor" },
	{ "a: *x\nb: &x 1\n", "INVALID: line 1: alias *x has no anchor" },
	{ "a: &x [1, *x]\n", "INVALID: line 1: alias *x is inside its own anchor" },
	{ "a: &x {b: *x}\n", "INVALID: line 1: alias *x is inside its own anchor" },
	/* merge keys: the mapping's own members win, then the first source */
	{ "base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n",
	  "{\"base\":{\"x\":1,\"y\":2},\"c\":{\"x\":1,\"y\":3}}" },
	{ "c:\n  y: 3\n  <<: {x: 1, y: 2}\n", "{\"c\":{\"x\":1,\"y\":3}}" },
	{ "a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n",
	  "{\"a\":{\"x\":1},\"b\":{\"x\":2,\"y\":2},\"c\":{\"x\":1,\"y\":2}}" },
	{ "a: &a {x: 1}\nc:\n  <<: *a\n  <<: {x: 2, z: 3}\n",
	  "{\"a\":{\"x\":1},\"c\":{\"x\":1,\"z\":3}}" },
	{ "a: {\"<<\": 1}\nb: {'<<': 2}\n", "{\"a\":{\"<<\":1},\"b\":{\"<<\":2}}" },
	{ "a: {!!merge <<: {x: 1}}\n", "{\"a\":{\"x\":1}}" },
	{ "a:\n  <<: 1\n", "INVALID: line 2: << merges a mapping or a list of mappings" },
	{ "a:\n  <<: [{x: 1}, 2]\n", "INVALID: line 2: << merges a mapping or a list of mappings" },
	{ "a:\n  <<: *nope\n", "INVALID: line 2: alias *nope has no anchor" },
	/* strings airlock refuses to half-read */
	{ "a: \"x\\0y\"\n", "INVALID: line 1: a NUL character in a string" },
	{ "\"a\\0b\": 1\n", "INVALID: line 1: a NUL character in a string" },
	/* libyaml's own errors, with the line */
	{ "a: b: c\n", "INVALID: line 1: mapping values are not allowed in this context" },
	{ "a: 1\nb: [1\n",
	  "INVALID: line 3: did not find expected ',' or ']' (while parsing a flow sequence on line "
	  "2)" },
	{ "a:\n  - 1\n  b: 2\n",
	  "INVALID: line 3: did not find expected '-' indicator (while parsing a block collection "
	  "on line 2)" },
	{ "a: \"open\n", "INVALID: line 2: found unexpected end of stream (while scanning a quoted "
			 "scalar on line 1)" },
	{ "a: \x01\n", "INVALID: line 1: control characters are not allowed (#x1)" },
	{ "a: 1\nb: \xff\n", "INVALID: line 2: invalid leading UTF-8 octet (#xFF)" },
	{ "\ta: 1\n", "INVALID: line 1: found character that cannot start any token (while "
		      "scanning for the next token on line 1)" },
	{ "%YAML 2.0\n---\na: 1\n", "INVALID: line 1: found incompatible YAML document" },
	/* libyaml refuses a tab on the blank line after a plain scalar (js-yaml reads it) */
	{ "a: 1\n\t\n", "INVALID: line 2: found a tab character that violates indentation (while "
			"scanning a plain scalar on line 1)" },
};

START_TEST(yaml_table)
{
	char *got = load(cases[_i].yaml, strlen(cases[_i].yaml), false);

	ck_assert_msg(strcmp(got, cases[_i].json) == 0, "%s\n  got      %s\n  expected %s",
		      cases[_i].yaml, got, cases[_i].json);
	free(got);
}
END_TEST

/* The JSON text written back parses to the same tree, with JSON's own
 * duplicate check. */
START_TEST(yaml_emit_round_trip)
{
	struct al_doc d;
	json_error_t jerr;
	json_t *back;
	char why[256];

	if (strncmp(cases[_i].json, "INVALID", 7) == 0)
		return;
	al_doc_init(&d);
	ck_assert_int_eq(al_yaml_load(&d, cases[_i].yaml, strlen(cases[_i].yaml), why, sizeof(why)),
			 0);
	ck_assert_ptr_nonnull(d.json);
	ck_assert_uint_eq(strlen(d.json), d.json_len);
	back = json_loads(d.json, JSON_REJECT_DUPLICATES, &jerr);
	ck_assert_msg(back != NULL, "%s: %s", d.json, jerr.text);
	ck_assert_msg(json_equal(back, d.root), "%s", d.json);
	json_decref(back);
	al_doc_free(&d);
}
END_TEST

/*
 * Every line of the JSON text that starts a member maps to the YAML line
 * holding that key: the keys of `yaml` are unique, each written "key:" at
 * the start of its line (after indentation or "- ") or of a flow member.
 */
static void check_key_lines(const char *yaml, unsigned line_offset, bool front)
{
	struct al_doc d;
	char why[256];
	const char *line;
	unsigned k = 0, keys = 0;

	al_doc_init(&d);
	if (front)
		ck_assert_int_eq(al_doc_front_matter(&d, yaml, strlen(yaml), why, sizeof(why)), 0);
	else
		ck_assert_int_eq(al_yaml_load(&d, yaml, strlen(yaml), why, sizeof(why)), 0);
	for (line = d.json; *line; line = strchr(line, '\n') + 1) {
		char key[64], pattern[80];
		const char *at, *src;
		unsigned want = 1;
		int end = 0;

		k++;
		if (sscanf(line, "\"%63[^\"]\":%n", key, &end) != 1 || !end)
			continue;
		keys++;
		snprintf(pattern, sizeof(pattern), "%s:", key);
		for (at = yaml; (src = strstr(at, pattern)); at = src + 1) {
			const char *bol = src;

			while (bol > yaml && (bol[-1] == ' ' || bol[-1] == '-'))
				bol--;
			if (bol == yaml || bol[-1] == '\n' || bol[-1] == '{' || bol[-1] == ',')
				break;
		}
		ck_assert_msg(src != NULL, "key %s not found", key);
		for (at = yaml; at < src; at++)
			want += *at == '\n';
		ck_assert_msg(al_doc_source_line(&d, k) == want + line_offset,
			      "key %s: JSON line %u maps to %u, written on %u", key, k,
			      al_doc_source_line(&d, k), want + line_offset);
	}
	ck_assert_uint_eq(k, d.nlines);
	ck_assert_uint_gt(keys, 5);
	al_doc_free(&d);
}

static const char lines_doc[] = "# Continue's MCP servers\n"
				"name: servers\n"
				"version: 0.0.1\n"
				"mcpServers:\n"
				"  - id: fs\n"
				"    command: npx\n"
				"    args:\n"
				"      - -y\n"
				"      - server\n"
				"    enabled: true\n"
				"    disabled: false\n"
				"    env: ~\n"
				"\n"
				"  - label: web\n"
				"    url: |\n"
				"      https://example.com\n"
				"    headers: {auth: x, other: y}\n"
				"hooks:\n"
				"  PreToolUse: &hook\n"
				"    - matcher: Bash\n"
				"      run:\n"
				"        - type: command\n";

START_TEST(yaml_key_lines)
{
	check_key_lines(lines_doc, 0, false);
}
END_TEST

/* A value on its own line keeps that line; an alias is its anchor's. */
START_TEST(yaml_value_lines)
{
	static const char yaml[] = "a:\n"
				   "  - x\n"
				   "  -\n"
				   "    y\n"
				   "b: &s shared\n"
				   "c: [*s]\n";
	struct al_doc d;
	char why[256];

	al_doc_init(&d);
	ck_assert_int_eq(al_yaml_load(&d, yaml, strlen(yaml), why, sizeof(why)), 0);
	ck_assert_str_eq(d.json, "{\n\"a\": [\n\"x\",\n\"y\"],\n\"b\": \"shared\",\n\"c\": [\n"
				 "\"shared\"]}\n");
	ck_assert_uint_eq(d.nlines, 7);
	ck_assert_uint_eq(al_doc_source_line(&d, 2), 1); /* "a": */
	ck_assert_uint_eq(al_doc_source_line(&d, 3), 2); /* "x" */
	ck_assert_uint_eq(al_doc_source_line(&d, 4), 4); /* "y", below its "-" */
	ck_assert_uint_eq(al_doc_source_line(&d, 5), 5); /* "b": */
	ck_assert_uint_eq(al_doc_source_line(&d, 6), 6); /* "c": */
	ck_assert_uint_eq(al_doc_source_line(&d, 7), 5); /* *s, written on line 5 */
	ck_assert_uint_eq(al_doc_source_line(&d, 8), 0);
	al_doc_free(&d);
}
END_TEST

/* A merged member is on the line of its "<<". */
START_TEST(yaml_merge_lines)
{
	static const char yaml[] = "base: &b\n"
				   "  x: 1\n"
				   "c:\n"
				   "  y: 2\n"
				   "  <<: *b\n";
	struct al_doc d;
	char why[256];

	al_doc_init(&d);
	ck_assert_int_eq(al_yaml_load(&d, yaml, strlen(yaml), why, sizeof(why)), 0);
	ck_assert_str_eq(d.json, "{\n\"base\": {\n\"x\": 1},\n\"c\": {\n\"y\": 2,\n\"x\": 1}}\n");
	ck_assert_uint_eq(al_doc_source_line(&d, 2), 1); /* "base": */
	ck_assert_uint_eq(al_doc_source_line(&d, 3), 2); /* "x" of base */
	ck_assert_uint_eq(al_doc_source_line(&d, 4), 3); /* "c": */
	ck_assert_uint_eq(al_doc_source_line(&d, 5), 4); /* "y" */
	ck_assert_uint_eq(al_doc_source_line(&d, 6), 5); /* "x", merged by "<<" */
	al_doc_free(&d);
}
END_TEST

/* A billion laughs: 10 lines naming 9^9 strings. Refused, quickly. */
START_TEST(yaml_billion_laughs)
{
	char yaml[1024], *got;
	size_t len = 0;
	clock_t start = clock();

	len += snprintf(yaml + len, sizeof(yaml) - len,
			"a0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
	for (int i = 1; i < 10; i++)
		len += snprintf(yaml + len, sizeof(yaml) - len,
				"a%d: &a%d [*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d]\n", i, i,
				i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	ck_assert_uint_lt(len, sizeof(yaml) - 1);
	got = load(yaml, len, false);
	ck_assert_str_eq(got, "INVALID: line 6: more than 250000 nodes, aliases expanded");
	free(got);
	if (!t_under_valgrind())
		ck_assert_uint_lt((unsigned)(clock() - start), 2 * CLOCKS_PER_SEC);
}
END_TEST

/* One long string shared many times: bounded by bytes, not nodes. */
START_TEST(yaml_alias_bytes)
{
	size_t n = 200000, len;
	char *yaml = malloc(n + 256), *got;

	ck_assert_ptr_nonnull(yaml);
	memcpy(yaml, "s: &s \"", 7);
	memset(yaml + 7, 'x', n);
	len = 7 + n;
	len += (size_t)sprintf(yaml + len, "\"\nl: [");
	for (int i = 0; i < 41; i++)
		len += (size_t)sprintf(yaml + len, "*s,");
	len += (size_t)sprintf(yaml + len, "*s]\n");
	got = load(yaml, len, false);
	ck_assert_str_eq(got, "INVALID: line 2: more than 8388608 bytes of text, aliases expanded");
	free(got);
	free(yaml);
}
END_TEST

/* Nesting: 32 levels, the root's included, pass; 33 do not, however they
 * are made (flow, block, or an alias placed deep). */
START_TEST(yaml_depth)
{
	char yaml[512], *got;

	snprintf(yaml, sizeof(yaml), "a: %.31s%.31s\n", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
		 "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
	got = load(yaml, strlen(yaml), false);
	ck_assert_str_eq(got,
			 "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}");
	free(got);
	snprintf(yaml, sizeof(yaml), "a: %.32s%.32s\n", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
		 "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
	got = load(yaml, strlen(yaml), false);
	ck_assert_str_eq(got, "INVALID: line 1: nested deeper than 32 levels");
	free(got);
	/* 20 levels anchored, placed 13 deep: 1 + 13 + 20 */
	snprintf(yaml, sizeof(yaml), "a: &a %.20s%.20s\nb: %.12s*a%.12s\n", "[[[[[[[[[[[[[[[[[[[[",
		 "]]]]]]]]]]]]]]]]]]]]", "[[[[[[[[[[[[[[[[", "]]]]]]]]]]]]]]]]");
	got = load(yaml, strlen(yaml), false);
	ck_assert_str_eq(got, "INVALID: line 2: nested deeper than 32 levels");
	free(got);
	snprintf(yaml, sizeof(yaml), "a: &a %.20s%.20s\nb: %.11s*a%.11s\n", "[[[[[[[[[[[[[[[[[[[[",
		 "]]]]]]]]]]]]]]]]]]]]", "[[[[[[[[[[[[[[[[", "]]]]]]]]]]]]]]]]");
	got = load(yaml, strlen(yaml), false);
	ck_assert_ptr_null(strstr(got, "INVALID"));
	free(got);
}
END_TEST

START_TEST(yaml_block_depth)
{
	char yaml[4096], *got;
	size_t len = 0;

	for (int i = 0; i < 40; i++)
		len += snprintf(yaml + len, sizeof(yaml) - len, "%*sk%d:\n", 2 * i, "", i);
	got = load(yaml, len, false);
	ck_assert_str_eq(got, "INVALID: line 33: nested deeper than 32 levels");
	free(got);
}
END_TEST

/* A megabyte of '[' (and of '{', and of "- "): refused at the depth bound,
 * in linear time. */
START_TEST(yaml_megabyte_of_brackets)
{
	static const char *const units[] = { "[", "{", "- ", "a: [", "? " };
	const char *const want[] = {
		"INVALID: line 1: nested deeper than 32 levels",
		"INVALID: line 1: a mapping key must be a scalar",
		"INVALID: line 1: nested deeper than 32 levels",
		"INVALID: line 1: nested deeper than 32 levels",
		"INVALID: line 1: a mapping key must be a scalar",
	};
	size_t n = 1 << 20;
	char *yaml = malloc(n + 1), *got;

	ck_assert_ptr_nonnull(yaml);
	for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
		size_t w = strlen(units[u]);
		clock_t start = clock();

		for (size_t i = 0; i + w <= n; i += w)
			memcpy(yaml + i, units[u], w);
		got = load(yaml, n - n % w, false);
		ck_assert_msg(strcmp(got, want[u]) == 0, "%s: %s", units[u], got);
		free(got);
		if (!t_under_valgrind())
			ck_assert_uint_lt((unsigned)(clock() - start), 2 * CLOCKS_PER_SEC);
	}
	free(yaml);
}
END_TEST

/* Many anchors and aliases: one lookup each, not a scan of all anchors. */
START_TEST(yaml_many_aliases)
{
	size_t cap = 2 << 20, len = 0;
	char *yaml = malloc(cap), *got;
	clock_t start = clock();

	ck_assert_ptr_nonnull(yaml);
	for (int i = 0; i < 40000; i++)
		len += (size_t)snprintf(yaml + len, cap - len, "k%d: &a%d v\n", i, i);
	len += (size_t)snprintf(yaml + len, cap - len, "l:\n");
	for (int i = 0; i < 40000; i++)
		len += (size_t)snprintf(yaml + len, cap - len, "- *a%d\n", i);
	ck_assert_uint_lt(len, cap);
	got = load(yaml, len, false);
	ck_assert_ptr_null(strstr(got, "INVALID"));
	ck_assert_ptr_nonnull(strstr(got, "\"k39999\":\"v\""));
	free(got);
	free(yaml);
	if (!t_under_valgrind()) /* a time bound of the plain build */
		ck_assert_uint_lt((unsigned)(clock() - start), 4 * CLOCKS_PER_SEC);
}
END_TEST

/* A failed load leaves no root and no marks behind. */
START_TEST(yaml_failure_leaves_nothing)
{
	static const char yaml[] = "a: 1\nb: [2, 3]\nb: 4\n";
	struct al_doc d;
	char why[256];

	al_doc_init(&d);
	ck_assert_int_eq(al_yaml_load(&d, yaml, strlen(yaml), why, sizeof(why)), AIRLOCK_EINVALID);
	ck_assert_ptr_null(d.root);
	ck_assert_ptr_null(d.json);
	ck_assert_uint_eq(d.nmarks, 0);
	al_doc_free(&d);
}
END_TEST

/* A short `why` is cut, never overrun. */
START_TEST(yaml_short_why)
{
	static const char yaml[] = "a: 1\na: 2\n";
	struct al_doc d;
	char why[12];

	memset(why, 'x', sizeof(why));
	al_doc_init(&d);
	ck_assert_int_eq(al_doc_load(&d, AIRLOCK_KIND_YAML, yaml, strlen(yaml), why, 8),
			 AIRLOCK_EINVALID);
	ck_assert_str_eq(why, "line 2:");
	ck_assert_int_eq(why[8], 'x');
	al_doc_free(&d);
}
END_TEST

/* Keys name numbers as JavaScript's String() does. */
static const struct {
	double x;
	const char *js;
} js_numbers[] = {
	{ 0.0, "0" },
	{ -0.0, "0" },
	{ 1.5, "1.5" },
	{ -1.5, "-1.5" },
	{ 0.1, "0.1" },
	{ 0.1 + 0.2, "0.30000000000000004" },
	{ 100, "100" },
	{ 123456789.125, "123456789.125" },
	{ 1e20, "100000000000000000000" },
	{ 123456789012345680000.0, "123456789012345680000" },
	{ 1e21, "1e+21" },
	{ 1.5e300, "1.5e+300" },
	{ 1.7976931348623157e308, "1.7976931348623157e+308" },
	{ 0.000001, "0.000001" },
	{ 0.0000015, "0.0000015" },
	{ 1e-7, "1e-7" },
	{ -1.23e-18, "-1.23e-18" },
	{ 5e-324, "5e-324" },
};

START_TEST(js_number_table)
{
	char buf[32];

	al_js_number(js_numbers[_i].x, buf, sizeof(buf));
	ck_assert_str_eq(buf, js_numbers[_i].js);
}
END_TEST

/* --- front matter --------------------------------------------------------------- */

static const struct {
	const char *md, *json; /* "NONE": no front matter */
} fm_cases[] = {
	{ "---\nname: reviewer\ntools: [Read, Grep]\n---\n# Body\n",
	  "{\"name\":\"reviewer\",\"tools\":[\"Read\",\"Grep\"]}" },
	{ "---\nalwaysApply: true\n...\nbody\n", "{\"alwaysApply\":true}" },
	{ "---\na: 1\n---", "{\"a\":1}" },
	{ "---\n---\nbody\n", "{}" },
	{ "---\n# only a comment\n---\n", "{}" },
	{ "---  \r\na: 1\r\n---\t\r\nbody\r\n", "{\"a\":1}" },
	{ "\xEF\xBB\xBF---\na: 1\nb: 2\n---\n", "{\"a\":1,\"b\":2}" },
	/* the body may hold more delimiters and YAML: the first closes */
	{ "---\na: 1\n---\nb: 2\n---\n", "{\"a\":1}" },
	/* no front matter */
	{ "", "NONE" },
	{ "# Title\n---\na: 1\n---\n", "NONE" },
	{ "---\na: 1\n", "NONE" },
	{ "---", "NONE" },
	{ "----\na: 1\n----\n", "NONE" },
	{ "--- a: 1\nb: 2\n---\n", "NONE" },
	{ " ---\na: 1\n---\n", "NONE" },
	{ "---\na: 1\n --- \n", "NONE" },
	{ "---\na: 1\n---x\n", "NONE" },
	{ "\xEF\xBB\xBF\xEF\xBB\xBF---\na: 1\n---\n", "NONE" },
	/* front matter the agent would refuse, with the file's lines */
	{ "---\nname: x\nname: y\n---\n", "INVALID: line 3: duplicate key \"name\"" },
	{ "---\na: 1\nb: [\n---\n",
	  "INVALID: line 4: did not find expected node content (while parsing a flow node on line "
	  "4)" },
	{ "---\n- a\n---\n", "INVALID: not a mapping" },
	{ "---\njust a sentence\n---\n", "INVALID: not a mapping" },
};

START_TEST(front_matter_table)
{
	char *got = load(fm_cases[_i].md, strlen(fm_cases[_i].md), true);

	ck_assert_msg(strcmp(got, fm_cases[_i].json) == 0, "%s\n  got      %s\n  expected %s",
		      fm_cases[_i].md, got, fm_cases[_i].json);
	free(got);
}
END_TEST

/* Without front matter the document is untouched. */
START_TEST(front_matter_none_untouched)
{
	static const char md[] = "---\na: 1\n";
	struct al_doc d;
	char why[64] = "";

	al_doc_init(&d);
	ck_assert_int_eq(al_doc_front_matter(&d, md, strlen(md), why, sizeof(why)), 1);
	ck_assert_ptr_null(d.root);
	ck_assert_uint_eq(d.line_offset, 0);
	ck_assert_str_eq(why, "");
	al_doc_free(&d);
}
END_TEST

/* Lines are the Markdown file's. */
START_TEST(front_matter_key_lines)
{
	static const char md[] = "---\n"
				 "name: deploy\n"
				 "description: ships it\n"
				 "allowed-tools: Bash(git push:*)\n"
				 "permissionMode: acceptEdits\n"
				 "hooks:\n"
				 "  PostToolUse:\n"
				 "    - matcher: Edit\n"
				 "      steps:\n"
				 "        - type: command\n"
				 "          command: ./x.sh\n"
				 "---\n"
				 "Body text: not: yaml\n";

	check_key_lines(md, 0, true);
}
END_TEST

/* Published agents whose front matter YAML refuses still load in the
 * agents: read line by line then, except around keys that run something. */
START_TEST(front_matter_as_agents_read_it)
{
	static const char sloppy[] = "---\nname: reviewer\ndescription: Use this agent when: the "
				     "diff is big\nallowed-tools: Bash(git diff:*)\n---\nBody\n";
	static const char hooks[] = "---\ndescription: when: x\nhooks:\n  Stop: [a\n---\nBody\n";
	static const char twice[] = "---\nname: a: b\nname: c\n---\n";
	struct al_doc d;
	char why[200];

	al_doc_init(&d);
	ck_assert_int_eq(al_doc_front_matter(&d, sloppy, strlen(sloppy), why, sizeof(why)),
			 AIRLOCK_EINVALID);
	al_doc_free(&d);
	al_doc_init(&d);
	ck_assert_int_eq(al_doc_front_matter_agent(&d, sloppy, strlen(sloppy), why, sizeof(why)),
			 0);
	ck_assert_str_eq(json_string_value(json_object_get(d.root, "description")),
			 "Use this agent when: the diff is big");
	ck_assert_str_eq(json_string_value(json_object_get(d.root, "allowed-tools")),
			 "Bash(git diff:*)");
	ck_assert_ptr_nonnull(d.json);
	al_doc_free(&d);
	al_doc_init(&d);
	ck_assert_int_eq(al_doc_front_matter_agent(&d, hooks, strlen(hooks), why, sizeof(why)),
			 AIRLOCK_EINVALID);
	ck_assert_ptr_null(d.root);
	al_doc_free(&d);
	al_doc_init(&d);
	ck_assert_int_eq(al_doc_front_matter_agent(&d, twice, strlen(twice), why, sizeof(why)),
			 AIRLOCK_EINVALID);
	al_doc_free(&d);
}
END_TEST

Suite *formats_yaml_suite(void)
{
	Suite *s = suite_create("formats_yaml");
	TCase *tc = tcase_create("yaml");
	TCase *fm = tcase_create("front_matter");
	size_t n = sizeof(cases) / sizeof(cases[0]);

	tcase_add_loop_test(tc, yaml_table, 0, (int)n);
	tcase_add_loop_test(tc, yaml_emit_round_trip, 0, (int)n);
	tcase_add_test(tc, yaml_key_lines);
	tcase_add_test(tc, yaml_value_lines);
	tcase_add_test(tc, yaml_merge_lines);
	tcase_add_test(tc, yaml_billion_laughs);
	tcase_add_test(tc, yaml_alias_bytes);
	tcase_add_test(tc, yaml_depth);
	tcase_add_test(tc, yaml_block_depth);
	tcase_add_test(tc, yaml_megabyte_of_brackets);
	tcase_add_test(tc, yaml_many_aliases);
	tcase_add_test(tc, yaml_failure_leaves_nothing);
	tcase_add_test(tc, yaml_short_why);
	tcase_add_loop_test(tc, js_number_table, 0,
			    (int)(sizeof(js_numbers) / sizeof(js_numbers[0])));
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);
	tcase_add_loop_test(fm, front_matter_table, 0,
			    (int)(sizeof(fm_cases) / sizeof(fm_cases[0])));
	tcase_add_test(fm, front_matter_none_untouched);
	tcase_add_test(fm, front_matter_key_lines);
	tcase_add_test(fm, front_matter_as_agents_read_it);
	suite_add_tcase(s, fm);
	return s;
}
