/*
 * check_utf8.c - strict decoding and escaping of untrusted text.
 */
#include <stdlib.h>
#include <string.h>

#include "common/hash.h"
#include "common/utf8.h"
#include "tests/tests.h"

static const struct {
	const char *bytes;
	size_t len;
	size_t want_len; /* 0 = rejected */
	uint32_t want_cp;
} decode_cases[] = {
	{ "A", 1, 1, 0x41 },
	{ "\xc3\xa9", 2, 2, 0xe9 },
	{ "\xe2\x80\x8b", 3, 3, 0x200b },
	{ "\xf3\xa0\x81\x89", 4, 4, 0xe0049 }, /* tag LATIN CAPITAL I */
	{ "\xf4\x8f\xbf\xbf", 4, 4, 0x10ffff },
	{ "\xc0\xaf", 2, 0, 0 },         /* overlong '/' */
	{ "\xe0\x80\xaf", 3, 0, 0 },     /* overlong '/' */
	{ "\xed\xa0\x80", 3, 0, 0 },     /* surrogate D800 */
	{ "\xf4\x90\x80\x80", 4, 0, 0 }, /* past U+10FFFF */
	{ "\xe2\x80", 2, 0, 0 },         /* truncated */
	{ "\x80", 1, 0, 0 },             /* lone continuation */
	{ "\xff", 1, 0, 0 },
	{ "\xe2\x28\xa1", 3, 0, 0 }, /* bad continuation */
};

START_TEST(decode_table)
{
	uint32_t cp = 0;
	size_t n = al_utf8_decode((const unsigned char *)decode_cases[_i].bytes,
				  decode_cases[_i].len, &cp);

	ck_assert_uint_eq(n, decode_cases[_i].want_len);
	if (n)
		ck_assert_uint_eq(cp, decode_cases[_i].want_cp);
}
END_TEST

START_TEST(valid_strings)
{
	ck_assert(al_utf8_valid("", 0));
	ck_assert(al_utf8_valid("plain ascii", 11));
	ck_assert(al_utf8_valid("caf\xc3\xa9", 5));
	ck_assert(!al_utf8_valid("caf\xc3", 4));
	ck_assert(!al_utf8_valid("a\xffz", 3));
}
END_TEST

static void expect_escape(const char *in, size_t len, bool strict, const char *want)
{
	char *got = al_utf8_escape(in, len, strict);

	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(escape_makes_hidden_visible)
{
	expect_escape("plain", 5, false, "plain");
	expect_escape("caf\xc3\xa9", 5, false, "caf\xc3\xa9");
	expect_escape("a\xe2\x80\x8b"
		      "b",
		      5, false, "a<U+200B>b");
	expect_escape("\xe2\x80\xae"
		      "cod.exe",
		      10, false, "<U+202E>cod.exe");
	expect_escape("\xf3\xa0\x81\x89", 4, false, "<U+E0049>");
	expect_escape("\xef\xbb\xbfx", 4, false, "<U+FEFF>x");
	expect_escape("a\nb\tc\rd", 7, false, "a\\nb\\tc\\rd");
	expect_escape("\x1b[31m", 5, false, "\\x1B[31m");
	expect_escape("\x7f", 1, false, "\\x7F");
	expect_escape("\xff\xfe", 2, false, "\\xFF\\xFE");
	expect_escape("a\\b", 3, false, "a\\b");
	expect_escape("a\\b", 3, true, "a\\\\b");
	expect_escape("nul\0x", 5, false, "nul\\x00x");
}
END_TEST

START_TEST(escape_worst_case_fits)
{
	/* Every byte invalid: four output bytes each. */
	char in[256], *got;

	memset(in, 0xff, sizeof(in));
	got = al_utf8_escape(in, sizeof(in), true);
	ck_assert_ptr_nonnull(got);
	ck_assert_uint_eq(strlen(got), 4 * sizeof(in));
	free(got);
}
END_TEST

START_TEST(public_escape_matches)
{
	char *got = airlock_escape("x\xe2\x80\x8dy", 5);

	ck_assert_str_eq(got, "x<U+200D>y");
	free(got);
}
END_TEST

START_TEST(invisible_set)
{
	static const uint32_t hidden[] = {
		0x200b, 0x200c, 0x200d,  0x2060,  0xfeff, 0x202a, 0x202e,
		0x2066, 0x2069, 0xe0001, 0xe007f, 0xfe0f, 0x00ad, 0x0085
	};
	static const uint32_t shown[] = { 'a', 0xe9, 0x4e2d, 0x1f600, 0x2014, 0x00a0 };

	for (size_t i = 0; i < sizeof(hidden) / sizeof(hidden[0]); i++)
		ck_assert_msg(al_utf8_is_invisible(hidden[i]), "U+%04X", hidden[i]);
	for (size_t i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
		ck_assert_msg(!al_utf8_is_invisible(shown[i]), "U+%04X", shown[i]);
}
END_TEST

/* SHA-256 (common/hash.c) against the FIPS 180-2 examples, one-shot and
 * in pieces: every trust decision is bound to these digests. */
START_TEST(sha256_known_answers)
{
	static const char *const abc =
		"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
	static const char *const million_a =
		"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
	char hex[SHA256_HEX_LEN + 1];
	char *a = malloc(1000000);
	hash_ctx *h;

	ck_assert_int_eq(al_hash_sha256_hex(hex, "", 0), 0);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	ck_assert_int_eq(al_hash_sha256_hex(hex, "abc", 3), 0);
	ck_assert_str_eq(hex, abc);
	memset(a, 'a', 1000000);
	ck_assert_int_eq(al_hash_sha256_hex(hex, a, 1000000), 0);
	ck_assert_str_eq(hex, million_a);
	ck_assert_ptr_nonnull(h = al_hash_new());
	for (size_t at = 0, step = 1; at < 1000000; at += step, step = step * 3 % 9973 + 1)
		ck_assert_int_eq(
			al_hash_update(h, a + at, at + step > 1000000 ? 1000000 - at : step), 0);
	ck_assert_int_eq(al_hash_final(h, hex), 0);
	ck_assert_str_eq(hex, million_a);
	free(a);
}
END_TEST

Suite *utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, decode_table, 0, sizeof(decode_cases) / sizeof(decode_cases[0]));
	tcase_add_test(tc, valid_strings);
	tcase_add_test(tc, escape_makes_hidden_visible);
	tcase_add_test(tc, escape_worst_case_fits);
	tcase_add_test(tc, public_escape_matches);
	tcase_add_test(tc, invisible_set);
	tcase_add_test(tc, sha256_known_answers);
	suite_add_tcase(s, tc);
	return s;
}
