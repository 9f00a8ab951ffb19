/*
 * check_formats.c - the configuration readers (formats/): JSON and JSONC as
 * the agents' JavaScript reads them, TOML 1.0, and the JSON text with its
 * line map that every format is written back as. The differential tests
 * against tomllib and JSON.parse are tests/formats/.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/limits.h"
#include "formats/formats.h"
#include "tests/tests.h"

static char why[256];

/* Loads `text` as `kind` into d; returns the code. */
static int load(struct al_doc *d, airlock_kind kind, const char *text)
{
	al_doc_init(d);
	why[0] = '\0';
	return al_doc_load(d, kind, text, strlen(text), why, sizeof(why));
}

/* Fails unless `text` is invalid as `kind` with a reason containing `reason`. */
static void assert_invalid(airlock_kind kind, const char *text, const char *reason)
{
	struct al_doc d;

	ck_assert_msg(load(&d, kind, text) == AIRLOCK_EINVALID, "accepted: %s", text);
	ck_assert_ptr_null(d.root);
	ck_assert_msg(strstr(why, reason), "%s: reason \"%s\", not \"%s\"", text, why, reason);
	al_doc_free(&d);
}

/* d->json, read back by jansson, is d->root. */
static void assert_round_trip(const struct al_doc *d)
{
	json_error_t jerr;
	json_t *back = json_loadb(d->json, d->json_len, JSON_ALLOW_NUL, &jerr);

	ck_assert_msg(back, "emitted JSON does not parse: %s\n%s", jerr.text, d->json);
	ck_assert_msg(json_equal(back, d->root), "emitted JSON is another tree:\n%s", d->json);
	json_decref(back);
}

/* The 1-based line of d->json holding `needle`, or 0. */
static unsigned json_line_of(const struct al_doc *d, const char *needle)
{
	const char *at = strstr(d->json, needle);
	unsigned line = 1;

	if (!at)
		return 0;
	for (const char *p = d->json; p < at; p++)
		line += *p == '\n';
	return line;
}

/* --- JSON and JSONC ------------------------------------------------------------------ */

START_TEST(jsonc_comments_blanked)
{
	static const char text[] = "{\n  // \"a\": 0, a line comment\n  \"a\": 1, /* a block\n"
				   "  comment */ \"b\": \"x\"\n}\n";
	struct al_doc d;

	ck_assert_int_eq(load(&d, AIRLOCK_KIND_JSONC, text), 0);
	ck_assert_int_eq(json_integer_value(json_object_get(d.root, "a")), 1);
	ck_assert_str_eq(json_string_value(json_object_get(d.root, "b")), "x");
	ck_assert_uint_eq(json_object_size(d.root), 2);
	/* the text, comments blanked, every byte and line where it was */
	ck_assert_uint_eq(d.json_len, strlen(text));
	ck_assert_ptr_null(d.lines);
	for (size_t i = 0; i < d.json_len; i++) {
		ck_assert((text[i] == '\n') == (d.json[i] == '\n'));
		ck_assert(d.json[i] == text[i] || d.json[i] == ' ');
	}
	ck_assert_ptr_null(strstr(d.json, "//"));
	ck_assert_ptr_null(strstr(d.json, "comment"));
	ck_assert_uint_eq(al_doc_source_line(&d, 4), 4);
	al_doc_free(&d);
	/* plain JSON has no comments */
	assert_invalid(AIRLOCK_KIND_JSON, text, "line 2");
}
END_TEST

START_TEST(jsonc_markers_in_strings)
{
	static const char text[] = "{\"url\": \"http://x.example//a\", \"c\": \"/* no */\", "
				   "\"q\": \"\\\"//\\\"\" // yes\n}";
	struct al_doc d;

	ck_assert_int_eq(load(&d, AIRLOCK_KIND_JSONC, text), 0);
	ck_assert_str_eq(json_string_value(json_object_get(d.root, "url")), "http://x.example//a");
	ck_assert_str_eq(json_string_value(json_object_get(d.root, "c")), "/* no */");
	ck_assert_str_eq(json_string_value(json_object_get(d.root, "q")), "\"//\"");
	al_doc_free(&d);
}
END_TEST

START_TEST(jsonc_trailing_commas)
{
	struct al_doc d;

	ck_assert_int_eq(
		load(&d, AIRLOCK_KIND_JSONC, "{\"a\": [1, 2, ], \"b\": {\"c\": 3, /**/ },\n}"), 0);
	ck_assert_uint_eq(json_array_size(json_object_get(d.root, "a")), 2);
	ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(d.root, "b"), "c")), 3);
	al_doc_free(&d);
	/* a comma after no value is no trailing comma */
	assert_invalid(AIRLOCK_KIND_JSONC, "{\"a\": [,]}", "line 1");
	assert_invalid(AIRLOCK_KIND_JSONC, "{\"a\": [1,,]}", "line 1");
	assert_invalid(AIRLOCK_KIND_JSONC, "{\"a\":,}", "line 1");
	assert_invalid(AIRLOCK_KIND_JSONC, "{,}", "line 1");
	assert_invalid(AIRLOCK_KIND_JSON, "{\"a\": 1,}", "line 1");
	assert_invalid(AIRLOCK_KIND_JSONC, "{\"a\": 1}\n/* never closed",
		       "line 2: unterminated comment");
}
END_TEST

START_TEST(json_is_copied)
{
	static const char text[] = "{\"a\": [1, {\"b\": null}]}";
	struct al_doc d;

	ck_assert_int_eq(load(&d, AIRLOCK_KIND_JSON, text), 0);
	ck_assert_str_eq(d.json, text);
	ck_assert_uint_eq(d.json_len, strlen(text));
	ck_assert_uint_eq(al_doc_source_line(&d, 7), 7);
	al_doc_free(&d);
	assert_invalid(AIRLOCK_KIND_JSON, "[1]", "not a JSON object");
	assert_invalid(AIRLOCK_KIND_JSONC, "\"x\"", "line 1");
}
END_TEST

/* Numbers as JSON.parse makes them: past 2^53 a double, past the double
 * range infinity (the string "inf"). */
START_TEST(json_numbers_as_javascript)
{
	struct al_doc d;
	json_t *v;

	ck_assert_int_eq(
		load(&d, AIRLOCK_KIND_JSON,
		     "{\"big\": 123456789012345678901234567890, \"neg\": -123456789012345678901234567890,"
		     " \"p53\": 9007199254740993, \"e53\": 9007199254740992, \"small\": -42,"
		     " \"inf\": 1e400, \"ninf\": -1e999, \"tiny\": 1e-400, \"arr\": [1e400]}"),
		0);
	v = json_object_get(d.root, "big");
	ck_assert(json_is_real(v));
	ck_assert(json_real_value(v) == 123456789012345678901234567890.0);
	ck_assert(json_real_value(json_object_get(d.root, "neg")) ==
		  -123456789012345678901234567890.0);
	v = json_object_get(d.root, "p53");
	ck_assert(json_is_real(v) && json_real_value(v) == 9007199254740992.0);
	v = json_object_get(d.root, "e53");
	ck_assert(json_is_integer(v) && json_integer_value(v) == 9007199254740992LL);
	ck_assert_int_eq(json_integer_value(json_object_get(d.root, "small")), -42);
	ck_assert_str_eq(json_string_value(json_object_get(d.root, "inf")), "inf");
	ck_assert_str_eq(json_string_value(json_object_get(d.root, "ninf")), "-inf");
	ck_assert(json_real_value(json_object_get(d.root, "tiny")) == 0.0);
	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(d.root, "arr"), 0)),
			 "inf");
	/* d->json is still the text as written */
	ck_assert_ptr_nonnull(strstr(d.json, "123456789012345678901234567890,"));
	al_doc_free(&d);
	/* an integer past the double range is infinity too */
	{
		char huge[420];

		snprintf(huge, sizeof(huge), "{\"a\": -1%0400d}", 0);
		ck_assert_int_eq(load(&d, AIRLOCK_KIND_JSON, huge), 0);
		ck_assert_str_eq(json_string_value(json_object_get(d.root, "a")), "-inf");
		al_doc_free(&d);
	}
	/* a number where a key belongs stays invalid */
	assert_invalid(AIRLOCK_KIND_JSON, "{1e400: 1}", "line 1");
	assert_invalid(AIRLOCK_KIND_JSON, "{123456789012345678901234567890: 1}", "line 1");
	assert_invalid(AIRLOCK_KIND_JSON, "{\"a\": 123456789012345678901234567890x}", "line 1");
}
END_TEST

START_TEST(json_strings_as_javascript)
{
	struct al_doc d;
	json_t *v;

	/* a lone surrogate is U+FFFD; a pair stays a pair */
	ck_assert_int_eq(
		load(&d, AIRLOCK_KIND_JSON,
		     "{\"hi\": \"a\\ud800b\", \"lo\": \"\\uDC00\", \"pair\": \"\\ud83d\\ude00\","
		     " \"nul\": \"x\\u0000y\", \"bytes\": \"\xff\xc3(\"}"),
		0);
	ck_assert_str_eq(json_string_value(json_object_get(d.root, "hi")), "a\xEF\xBF\xBD"
									   "b");
	ck_assert_str_eq(json_string_value(json_object_get(d.root, "lo")), "\xEF\xBF\xBD");
	ck_assert_str_eq(json_string_value(json_object_get(d.root, "pair")), "\xF0\x9F\x98\x80");
	v = json_object_get(d.root, "nul");
	ck_assert_uint_eq(json_string_length(v), 3);
	ck_assert(memcmp(json_string_value(v), "x\0y", 3) == 0);
	/* bytes that are not UTF-8, as Node's decoding makes them: one U+FFFD
	 * per maximal ill-formed part */
	ck_assert_str_eq(json_string_value(json_object_get(d.root, "bytes")),
			 "\xEF\xBF\xBD\xEF\xBF\xBD(");
	/* columns stay: the replacement escape is as long as the lone one */
	ck_assert_ptr_nonnull(strstr(d.json, "a\\ufffdb"));
	al_doc_free(&d);
	assert_invalid(AIRLOCK_KIND_JSON, "{\"a\\u0000\": 1}", "line 1");
	assert_invalid(AIRLOCK_KIND_JSON, "{\"a\": 1}\xff", "line 1");
}
END_TEST

START_TEST(json_byte_order_mark)
{
	struct al_doc d;

	assert_invalid(AIRLOCK_KIND_JSON, "\xEF\xBB\xBF{\"a\": 1}", "line 1: byte order mark");
	ck_assert_int_eq(load(&d, AIRLOCK_KIND_JSONC, "\xEF\xBB\xBF{\"a\": 1}"), 0);
	ck_assert_int_eq(json_integer_value(json_object_get(d.root, "a")), 1);
	ck_assert_uint_eq(d.json_len, 11);
	al_doc_free(&d);
}
END_TEST

START_TEST(json_duplicate_keys)
{
	assert_invalid(AIRLOCK_KIND_JSON, "{\"a\": 1,\n\"a\": 2}", "line 2: duplicate key \"a\"");
	assert_invalid(AIRLOCK_KIND_JSONC, "{\"x\": {\"k\\n\": 1, // one\n\n\"k\\n\": 2}}",
		       "line 3: duplicate key \"k\\n\"");
}
END_TEST

START_TEST(json_depth)
{
	char text[256];
	struct al_doc d;
	int n = LIMIT_JSON_DEPTH - 1; /* the root is a level */

	snprintf(text, sizeof(text), "{\"a\": %.*s%.*s}", n,
		 "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", n,
		 "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
	ck_assert_int_eq(load(&d, AIRLOCK_KIND_JSON, text), 0);
	al_doc_free(&d);
	n++;
	snprintf(text, sizeof(text), "{\"a\": %.*s%.*s}", n,
		 "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", n,
		 "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
	assert_invalid(AIRLOCK_KIND_JSON, text, "nested deeper than 32 levels");
	assert_invalid(AIRLOCK_KIND_JSONC, text, "nested deeper than 32 levels");
	/* brackets in strings and comments are no levels */
	ck_assert(al_json_depth_ok("{\"a\": \"[[[[\"} // [[[[", 22, 1));
	ck_assert(!al_json_depth_ok("{\"a\": [1]}", 10, 1));
}
END_TEST

/* --- TOML --------------------------------------------------------------------------- */

static const struct {
	const char *toml, *json;
} toml_ok[] = {
	/* keys */
	{ "bare_key-1 = 1\n\"quoted é\" = 2\n'lit \"k\"' = 3\n\"\" = 4\n1234 = 5\n",
	  "{\"bare_key-1\": 1, \"quoted é\": 2, \"lit \\\"k\\\"\": 3, \"\": 4, \"1234\": 5}" },
	{ "a . b\t. \"c.d\" = 1\na.x = 2\n", "{\"a\": {\"b\": {\"c.d\": 1}, \"x\": 2}}" },
	/* tables */
	{ "[t]\na = 1\n[ u . v ]\nb = 2\n", "{\"t\": {\"a\": 1}, \"u\": {\"v\": {\"b\": 2}}}" },
	{ "[x.y.z]\n[x]\nk = 1\n", "{\"x\": {\"y\": {\"z\": {}}, \"k\": 1}}" },
	{ "[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true\n",
	  "{\"fruit\": {\"apple\": {\"color\": \"red\", \"texture\": {\"smooth\": true}}}}" },
	{ "[a.b.c]\n[a]\nb.d = 2\n", "{\"a\": {\"b\": {\"c\": {}, \"d\": 2}}}" },
	/* arrays of tables */
	{ "[[p]]\nn = 1\n[[p]]\n[[p]]\nn = 3\n", "{\"p\": [{\"n\": 1}, {}, {\"n\": 3}]}" },
	{ "[[f]]\n[f.phys]\nc = 1\n[[f.v]]\nn = 1\n[[f]]\n[[f.v]]\nn = 2\n",
	  "{\"f\": [{\"phys\": {\"c\": 1}, \"v\": [{\"n\": 1}]}, {\"v\": [{\"n\": 2}]}]}" },
	/* inline tables and arrays */
	{ "a = { x = 1, y.z = 2, e = {} }\n", "{\"a\": {\"x\": 1, \"y\": {\"z\": 2}, \"e\": {}}}" },
	{ "a = [ 1, \"two\", 3.5, true, [], {b = 1}, 1979-05-27, ]\n",
	  "{\"a\": [1, \"two\", 3.5, true, [], {\"b\": 1}, \"1979-05-27\"]}" },
	{ "a = [ # c\n  1, # d\n\n  2\n  # e\n]\n", "{\"a\": [1, 2]}" },
	/* strings */
	{ "s = \"\\b\\t\\n\\f\\r\\\"\\\\ \\u00e9 \\U0001F600\"\n",
	  "{\"s\": \"\\b\\t\\n\\f\\r\\\"\\\\ é 😀\"}" },
	{ "s = \"a\\u0000b\"\n", "{\"s\": \"a\\u0000b\"}" },
	{ "s = 'C:\\path\\'\n", "{\"s\": \"C:\\\\path\\\\\"}" },
	{ "s = \"\"\"\nab \\\n   cd\"\"\"\"\"\n", "{\"s\": \"ab cd\\\"\\\"\"}" },
	{ "s = \"\"\"a\r\nb\\\r\n  c\"\"\"\r\n", "{\"s\": \"a\\nbc\"}" },
	{ "s = '''\nx\\n 'y' '''''\n", "{\"s\": \"x\\\\n 'y' ''\"}" },
	{ "s = \"\"\"\"\"\"\n", "{\"s\": \"\"}" },
	/* integers */
	{ "a = +99\nb = -17\nc = 1_000\nd = 0xDEAD_beef\ne = 0o755\nf = 0b1101\ng = -0\n",
	  "{\"a\": 99, \"b\": -17, \"c\": 1000, \"d\": 3735928559, \"e\": 493, \"f\": 13, \"g\": 0}" },
	{ "max = 9223372036854775807\nmin = -9223372036854775808\nh = 0x7fffffffffffffff\n",
	  "{\"max\": 9223372036854775807, \"min\": -9223372036854775808, \"h\": 9223372036854775807}" },
	/* floats */
	{ "a = 1.5\nb = -2E-2\nc = 5e+22\nd = 224_617.445_991\ne = 0e0\nf = 1e06\n",
	  "{\"a\": 1.5, \"b\": -0.02, \"c\": 5e22, \"d\": 224617.445991, \"e\": 0.0, \"f\": 1e6}" },
	{ "a = inf\nb = +inf\nc = -inf\nd = nan\ne = -nan\nf = 1e400\ng = -1e400\n",
	  "{\"a\": \"inf\", \"b\": \"inf\", \"c\": \"-inf\", \"d\": \"nan\", \"e\": \"nan\","
	  " \"f\": \"inf\", \"g\": \"-inf\"}" },
	/* booleans */
	{ "t = true\nf = false\n", "{\"t\": true, \"f\": false}" },
	/* dates and times, as written */
	{ "a = 1979-05-27T07:32:00Z\nb = 1979-05-27 00:32:00.999999-07:00\nc = 1979-05-27t07:32:00z\n"
	  "d = 1979-05-27T07:32:00\ne = 2024-02-29\nf = 07:32:00.5\ng = 1979-05-27 # c\n",
	  "{\"a\": \"1979-05-27T07:32:00Z\", \"b\": \"1979-05-27 00:32:00.999999-07:00\","
	  " \"c\": \"1979-05-27t07:32:00z\", \"d\": \"1979-05-27T07:32:00\", \"e\": \"2024-02-29\","
	  " \"f\": \"07:32:00.5\", \"g\": \"1979-05-27\"}" },
	/* comments, blank lines, no final newline */
	{ "# c\n\n  \t# d\na = 1 # e\n[t] # f\n[[u]] # g\nb = 2",
	  "{\"a\": 1, \"t\": {}, \"u\": [{\"b\": 2}]}" },
	{ "", "{}" },
};

START_TEST(toml_valid)
{
	struct al_doc d;
	json_error_t jerr;
	json_t *want = json_loads(toml_ok[_i].json, JSON_ALLOW_NUL, &jerr);
	char *got;

	ck_assert_msg(want, "expectation %d: %s", _i, jerr.text);
	ck_assert_msg(load(&d, AIRLOCK_KIND_TOML, toml_ok[_i].toml) == 0, "%s: %s",
		      toml_ok[_i].toml, why);
	got = json_dumps(d.root, JSON_ENCODE_ANY);
	ck_assert_msg(json_equal(d.root, want), "%s:\n got %s\nwant %s", toml_ok[_i].toml, got,
		      toml_ok[_i].json);
	free(got);
	assert_round_trip(&d);
	json_decref(want);
	al_doc_free(&d);
}
END_TEST

static const struct {
	const char *toml, *reason;
} toml_bad[] = {
	/* redefinitions */
	{ "a = 1\na = 2\n", "line 2: duplicate key \"a\"" },
	{ "a = 1\n\"a\" = 2\n", "line 2: duplicate key" },
	{ "[a]\n[a]\n", "line 2: table \"a\" is defined twice" },
	{ "[a]\n[a.b]\n[a]\n", "line 3" },
	{ "a = 1\n[a]\n", "line 2" },
	{ "a.b = 1\n[a]\n", "line 2" },
	{ "[f]\napple.color = 1\n[f.apple]\n", "line 3" },
	{ "[a.b]\nx = 1\n[a]\nb.y = 2\n", "line 4" },
	{ "a = 1\na.b = 2\n", "line 2" },
	/* inline tables and static arrays are closed */
	{ "a = {x = 1}\na.y = 2\n", "line 2" },
	{ "a = {x = 1}\n[a]\n", "line 2" },
	{ "a = {x = 1}\n[a.b]\n", "line 2" },
	{ "a = { b = { c = 1 }, b.d = 2 }\n", "line 1" },
	{ "a = { b = 1, b = 2 }\n", "line 1: duplicate key \"b\"" },
	{ "a = []\n[[a]]\n", "line 2" },
	{ "a = [{}]\n[a.b]\n", "line 2" },
	{ "[a]\n[[a]]\n", "line 2: \"a\" is no array of tables" },
	{ "[[a]]\n[a]\n", "line 2" },
	{ "[[t.a]]\n[t]\na.x = 1\n", "line 3" },
	/* syntax */
	{ "a = { b = 1,\n c = 2 }\n", "line 1" },
	{ "a = { b = 1, }\n", "line 1" },
	{ "[[a] ]\n", "line 1" },
	{ "[a\n", "line 1" },
	{ "[]\n", "line 1" },
	{ "= 1\n", "line 1: expected a key" },
	{ "a.= 1\n", "line 1: empty key" },
	{ "a =\n1\n", "line 1: invalid value" },
	{ "é = 1\n", "line 1" },
	{ "a = 1 b = 2\n", "line 1: expected the end of the line" },
	{ "a = [1 2]\n", "line 1" },
	{ "a = [1,,2]\n", "line 1" },
	{ "a = b\n", "line 1: invalid value" },
	/* strings */
	{ "\n\na = \"abc\n", "line 3: newline in a one-line string" },
	{ "a = \"\\x41\"\n", "line 1: invalid escape" },
	{ "a = \"\\e\"\n", "line 1: invalid escape" },
	{ "a = \"\\uD800\"\n", "line 1: escape of a code point" },
	{ "a = \"\\U00110000\"\n", "line 1: escape of a code point" },
	{ "a = \"\\u12\"\n", "line 1" },
	{ "a = \"a\x01b\"\n", "line 1: control character in a string" },
	{ "a = 'a\x7f'\n", "line 1: control character in a string" },
	{ "a = \"\"\"a \\ b\"\"\"\n", "line 1: invalid escape" },
	{ "a = \"\"\"x\"\"\"\"\"\"\n", "line 1" },
	{ "a = \"\"\"a\rb\"\"\"\n", "line 1" },
	{ "a = '''\n\nabc\n", "line 4: unterminated string" },
	{ "\"a\\u0000\" = 1\n", "line 1: a key holds U+0000" },
	/* numbers */
	{ "a = 0123\n", "line 1" },
	{ "a = 1__2\n", "line 1" },
	{ "a = 1_\n", "line 1" },
	{ "a = 0X10\n", "line 1" },
	{ "a = +0x10\n", "line 1" },
	{ "a = 0o8\n", "line 1" },
	{ "a = 1.\n", "line 1" },
	{ "a = .5\n", "line 1" },
	{ "a = 1e\n", "line 1" },
	{ "a = Inf\n", "line 1" },
	{ "a = 9223372036854775808\n", "line 1: integer out of the 64-bit range" },
	{ "a = -9223372036854775809\n", "line 1: integer out of the 64-bit range" },
	{ "a = 0x8000000000000000\n", "line 1: integer out of the 64-bit range" },
	{ "a = True\n", "line 1" },
	/* dates */
	{ "a = 1979-13-01\n", "line 1: invalid date" },
	{ "a = 1979-02-29\n", "line 1: invalid date" },
	{ "a = 0000-01-01\n", "line 1: invalid date" },
	{ "a = 07:32\n", "line 1" },
	{ "a = 24:00:00\n", "line 1" },
	{ "a = 1979-05-27T07:32\n", "line 1" },
	{ "a = 1979-05-27T07:32:00+7:00\n", "line 1" },
	/* bytes */
	{ "# a\x01\n", "line 1: control character in a comment" },
	{ "a = 1\rb = 2\n", "line 1" },
	{ "a = 1\x01\n", "line 1" },
	{ "\xEF\xBB\xBF"
	  "a = 1\n",
	  "line 1: byte order mark" },
	{ "a = 1\nb = \"\xff\"\n", "line 2: not UTF-8" },
	{ "a = \"\xed\xa0\x80\"\n", "line 1: not UTF-8" },
};

START_TEST(toml_invalid)
{
	assert_invalid(AIRLOCK_KIND_TOML, toml_bad[_i].toml, toml_bad[_i].reason);
}
END_TEST

/* Nesting past LIMIT_JSON_DEPTH, the root being level 1, whatever nests:
 * tables, dotted keys, arrays, inline tables. */
START_TEST(toml_depth)
{
	char text[1024];
	struct al_doc d;
	size_t n;

	for (int extra = 0; extra <= 1; extra++) {
		int levels = LIMIT_JSON_DEPTH - 1 + extra; /* below the root */

		n = (size_t)snprintf(text, sizeof(text), "\n[");
		for (int i = 0; i < levels; i++)
			n += (size_t)snprintf(text + n, sizeof(text) - n, "%sk", i ? "." : "");
		snprintf(text + n, sizeof(text) - n, "]\n");
		ck_assert_int_eq(load(&d, AIRLOCK_KIND_TOML, text), extra ? AIRLOCK_EINVALID : 0);
		if (extra)
			ck_assert_str_eq(why, "line 2: nested deeper than 32 levels");
		al_doc_free(&d);

		n = (size_t)snprintf(text, sizeof(text), "a = ");
		for (int i = 0; i < levels; i++)
			n += (size_t)snprintf(text + n, sizeof(text) - n, i % 2 ? "[" : "{b = ");
		n += (size_t)snprintf(text + n, sizeof(text) - n, "1");
		for (int i = levels - 1; i >= 0; i--)
			n += (size_t)snprintf(text + n, sizeof(text) - n, i % 2 ? "]" : "}");
		snprintf(text + n, sizeof(text) - n, "\n");
		ck_assert_msg(load(&d, AIRLOCK_KIND_TOML, text) == (extra ? AIRLOCK_EINVALID : 0),
			      "%s: %s", text, why);
		if (!extra) {
			ck_assert(al_json_depth_ok(d.json, d.json_len, LIMIT_JSON_DEPTH));
			ck_assert(!al_json_depth_ok(d.json, d.json_len, LIMIT_JSON_DEPTH - 1));
		}
		al_doc_free(&d);
	}
	/* a key of 33 parts: 32 tables below the root */
	n = (size_t)snprintf(text, sizeof(text), "k");
	for (int i = 0; i < LIMIT_JSON_DEPTH; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, ".k");
	snprintf(text + n, sizeof(text) - n, " = 1\n");
	assert_invalid(AIRLOCK_KIND_TOML, text, "line 1: nested deeper than 32 levels");
}
END_TEST

/* A NUL byte is a control character wherever it is. */
START_TEST(toml_nul_byte)
{
	static const char *const texts[] = { "a = 1\0\n", "a = \"x\0\"\n", "# \0\n", "\0 = 1\n" };
	struct al_doc d;

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		size_t len = strlen(texts[i]) + 1 + strlen(texts[i] + strlen(texts[i]) + 1);

		al_doc_init(&d);
		ck_assert_int_eq(al_toml_load(&d, texts[i], len, why, sizeof(why)),
				 AIRLOCK_EINVALID);
		ck_assert_ptr_nonnull(strstr(why, "line 1: "));
		al_doc_free(&d);
	}
}
END_TEST

/* --- the JSON text and its line map ------------------------------------------------- */

START_TEST(emit_maps_lines)
{
	static const char text[] = "# Codex\n"                     /* 1 */
				   "model = \"o3\"\n"              /* 2 */
				   "[sandbox_workspace_write]\n"   /* 3 */
				   "\n"                            /* 4 */
				   "network_access = true\n"       /* 5 */
				   "[mcp_servers.x]\n"             /* 6 */
				   "command = \"sh\"\n"            /* 7 */
				   "args = [\n"                    /* 8 */
				   "  \"-c\",\n"                   /* 9 */
				   "  false,\n"                    /* 10 */
				   "]\n"                           /* 11 */
				   "env = { A = \"b\" }\n"         /* 12 */
				   "[[hooks]]\n"                   /* 13 */
				   "on = \"start\"\n"              /* 14 */
				   "nothing = \"\"\"\nx\n\"\"\"\n" /* 15-17 */
				   "last = \"end\"\n";             /* 18 */
	struct al_doc d;

	ck_assert_msg(load(&d, AIRLOCK_KIND_TOML, text) == 0, "%s", why);
	assert_round_trip(&d);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"model\": ")), 2);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"sandbox_workspace_write\"")),
			  3);
	/* true, false and null are shared by jansson: their lines are their keys' */
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"network_access\": true")), 5);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"command\": ")), 7);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"args\": ")), 8);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"-c\"")), 9);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\nfalse") + 1), 10);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"A\": ")), 12);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"on\": ")), 14);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"nothing\": ")), 15);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"last\": ")), 18);
	ck_assert_uint_eq(al_doc_source_line(&d, 1), 1);
	ck_assert_uint_eq(al_doc_source_line(&d, 0), 0);
	ck_assert_uint_eq(al_doc_source_line(&d, (unsigned)d.nlines + 1), 0);
	ck_assert(al_json_depth_ok(d.json, d.json_len, LIMIT_JSON_DEPTH));
	al_doc_free(&d);
}
END_TEST

/* The line map of a tree marked by hand: marks shift by line_offset (front
 * matter), and what has no mark takes its container's line. */
START_TEST(emit_marks_by_hand)
{
	struct al_doc d;
	json_t *inner = json_object(), *arr = json_array();

	al_doc_init(&d);
	d.root = json_object();
	d.line_offset = 10;
	json_object_set_new(d.root, "inner", inner);
	json_object_set_new(inner, "k", json_string("v"));
	json_object_set_new(inner, "flag", json_true());
	json_object_set_new(d.root, "arr", arr);
	json_array_append_new(arr, json_null());
	json_array_append_new(arr, json_integer(7));
	ck_assert_int_eq(al_doc_mark(&d, inner, 2), 0);
	ck_assert_int_eq(al_doc_mark_key(&d, inner, "flag", 3), 0);
	ck_assert_int_eq(al_doc_mark(&d, json_true(), 99), 0); /* shared: ignored */
	ck_assert_int_eq(al_doc_mark_key(&d, d.root, "arr", 4), 0);
	ck_assert_int_eq(al_doc_mark_item(&d, arr, 0, 5), 0);
	ck_assert_int_eq(al_doc_emit(&d), 0);
	assert_round_trip(&d);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"inner\"")), 12);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"k\"")), 12);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"flag\"")), 13);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "\"arr\"")), 14);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "null")), 15);
	ck_assert_uint_eq(al_doc_source_line(&d, json_line_of(&d, "7")), 14);
	al_doc_free(&d);
}
END_TEST

Suite *formats_suite(void)
{
	Suite *s = suite_create("formats");
	TCase *json = tcase_create("json");
	TCase *toml = tcase_create("toml");
	TCase *emit = tcase_create("emit");

	tcase_add_test(json, jsonc_comments_blanked);
	tcase_add_test(json, jsonc_markers_in_strings);
	tcase_add_test(json, jsonc_trailing_commas);
	tcase_add_test(json, json_is_copied);
	tcase_add_test(json, json_numbers_as_javascript);
	tcase_add_test(json, json_strings_as_javascript);
	tcase_add_test(json, json_byte_order_mark);
	tcase_add_test(json, json_duplicate_keys);
	tcase_add_test(json, json_depth);
	suite_add_tcase(s, json);
	tcase_add_loop_test(toml, toml_valid, 0, sizeof(toml_ok) / sizeof(toml_ok[0]));
	tcase_add_loop_test(toml, toml_invalid, 0, sizeof(toml_bad) / sizeof(toml_bad[0]));
	tcase_add_test(toml, toml_depth);
	tcase_add_test(toml, toml_nul_byte);
	suite_add_tcase(s, toml);
	tcase_add_test(emit, emit_maps_lines);
	tcase_add_test(emit, emit_marks_by_hand);
	suite_add_tcase(s, emit);
	return s;
}
