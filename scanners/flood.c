/*
 * flood.c - filler floods: ") ] } ) ] } ...", "x x x x ..." in a language
 * the file is not written in, a block of one symbol sequence. Honest
 * instruction files repeat markup (table rules, horizontal rules, box
 * drawing), never dozens of copies of bare symbols.
 */
#include <stdint.h>
#include <string.h>

#include "common/limits.h"
#include "scanners/catalogue.h"
#include "scanners/flood.h"

/* Markup and layout that honest text repeats. */
static bool markup_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '=' ||
	       c == '*' || c == '_' || c == '#' || c == '|' || c == '.' || c == '~' || c == '+' ||
	       c == ':' || c == '<' || c == '>' || c == '/' || c == '\\';
}

/* A unit made only of symbols that are neither words nor markup: no ASCII
 * letter or digit, at least one byte that is not markup, no box drawing or
 * block elements (U+2500-U+259F, E2 94 80 - E2 96 9F). */
static bool filler_unit(const unsigned char *u, size_t n)
{
	bool symbol = false;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = u[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			return false;
		if (c == 0xE2 && i + 1 < n && u[i + 1] >= 0x94 && u[i + 1] <= 0x96)
			return false;
		/* blanks and invisible characters: runs of them are the
		 * Unicode analysis's (AL503, AL505) */
		if ((c == 0xC2 && i + 1 < n && u[i + 1] == 0xA0) ||
		    (c == 0xE2 && i + 1 < n &&
		     (u[i + 1] == 0x80 || (u[i + 1] == 0x81 && i + 2 < n && u[i + 2] >= 0xA0))) ||
		    (c == 0xE3 && i + 2 < n && u[i + 1] == 0x80 && u[i + 2] == 0x80) ||
		    (c == 0xEF && i + 2 < n && u[i + 1] == 0xBB && u[i + 2] == 0xBF)) {
			i += c == 0xC2 ? 1 : 2;
			continue;
		}
		if (!markup_byte(c))
			symbol = true;
	}
	return symbol;
}

/* The search for period-u stretches within d[from, to). */
static bool find_in(const unsigned char *d, size_t from, size_t to, size_t u, size_t need,
		    size_t *start, size_t *end)
{
	size_t run = 0;

	/* run: how many bytes in a row equal the byte u further on, so a run of
	 * `need` is a period-u stretch of need + u bytes */
	for (size_t j = from; j + u < to; j++) {
		if (d[j] != d[j + u]) {
			run = 0;
			continue;
		}
		if (++run < need)
			continue;
		size_t s = j + 1 - run, e = j + u + 1;

		/* start the unit on a character boundary */
		while (s < e && (d[s] & 0xC0) == 0x80)
			s++;
		if (filler_unit(d + s, u)) {
			while (e < to && d[e] == d[e - u])
				e++;
			*start = s;
			*end = e;
			return true;
		}
		run = 0; /* not filler: look past this stretch */
		while (j + u < to && d[j] == d[j + u])
			j++;
	}
	return false;
}

/* ASCII letters and digits, a bit each: every byte of a file is tested. */
static const uint64_t alnum_bits[4] = { 0x03FF000000000000u, 0x07FFFFFE07FFFFFEu, 0, 0 };

static inline bool alnum(unsigned char c)
{
	return (alnum_bits[c >> 6] >> (c & 63)) & 1;
}

/*
 * A filler unit holds no ASCII letter or digit, so neither does a flood of
 * it: only the stretches of the file without one, and long enough to hold
 * the shortest flood, are searched. A periodic stretch that crosses a letter
 * holds it in every unit and is never filler, so the result is what a search
 * of the whole file gives (the shortest period found, at its first stretch).
 *
 * The stretches are found by probing: one long enough to search holds every
 * `shortest`-th byte's position somewhere, so where the probed byte is a
 * letter none starts in the `shortest` bytes up to it. Honest prose is read
 * about one byte in a hundred.
 */
bool al_flood_find(const unsigned char *d, size_t len, size_t *start, size_t *end)
{
	size_t shortest = LIMIT_FLOOD_MIN_BYTES + 1, best = LIMIT_FLOOD_UNIT_BYTES + 1;

	for (size_t p = shortest - 1; p < len;) {
		size_t i = p, j = p + 1;

		if (alnum(d[p])) {
			p += shortest;
			continue;
		}
		while (i > 0 && !alnum(d[i - 1]))
			i--;
		while (j < len && !alnum(d[j]))
			j++;
		/* the next stretch starts past d[j], a letter (or the end) */
		p = j + shortest;
		if (j - i < shortest)
			continue;
		/* a later stretch counts only with a shorter period */
		for (size_t u = 1; u < best; u++) {
			size_t need = u * (LIMIT_FLOOD_REPEATS - 1);

			if (need < LIMIT_FLOOD_MIN_BYTES)
				need = LIMIT_FLOOD_MIN_BYTES;
			if (j - i >= need + u && find_in(d, i, j, u, need, start, end))
				best = u;
		}
	}
	return best <= LIMIT_FLOOD_UNIT_BYTES;
}

int al_flood_scan(struct findings *fs, const struct scan_input *in)
{
	struct finding_spec s;
	size_t start, end;
	char msg[256];

	if (in->kind != AIRLOCK_KIND_MARKDOWN && in->kind != AIRLOCK_KIND_TEXT)
		return 0;
	if (!al_flood_find(in->data, in->len, &start, &end))
		return 0;
	al_finding_spec_rule(&s, "AL310", 0, msg, sizeof(msg), NULL);
	s.start = start;
	s.end = end;
	return al_findings_add(fs, in, &s);
}
