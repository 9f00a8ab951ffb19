/*
 * atoms.c - what yara looks for first, and how often it finds it. yara finds
 * a string by a literal of up to 4 bytes taken from it (its atoms), searched
 * all at once, and runs the string's expression only where one occurs: each
 * occurrence costs a start of the expression, and a gap next to the atom
 * costs its length on top. This prints, for each string of compiled rules,
 * how often its atoms occur in the files given, with the commonest atoms:
 *
 *   occurrences  rule  $string  atom:count atom:count ...
 *
 * most first. Built and run by bench/signature-cost.sh. It reads libyara's
 * Aho-Corasick tables (yara/ahocorasick.h, yara/types.h) the way the scanner
 * does, so it follows libyara 4.x.
 *
 *   atoms RULES.yarc PATH...
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yara.h>

struct atom {
	const YR_AC_MATCH *match;
	unsigned char bytes[YR_MAX_ATOM_LENGTH];
	int len;
	unsigned long long hits;
};

static YR_RULES *rules;
static struct atom *atoms;
static size_t natoms;
static unsigned long long files, bytes;

static struct atom *find(const YR_AC_MATCH *m)
{
	size_t lo = 0, hi = natoms;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (atoms[mid].match == m)
			return &atoms[mid];
		if ((const void *)atoms[mid].match < (const void *)m)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int by_match(const void *a, const void *b)
{
	const void *x = ((const struct atom *)a)->match, *y = ((const struct atom *)b)->match;

	return x < y ? -1 : x > y;
}

/* Every atom: a walk of the automaton from the root, breadth first, so that
 * a match is first met at the state of its own atom (the lists of deeper
 * states take in the matches of their failure states). */
static void collect(void)
{
	struct node {
		uint32_t state;
		int depth;
		unsigned char path[YR_MAX_ATOM_LENGTH];
	} * queue;
	size_t cap = 1024, head = 0, tail = 0, acap = 1024;

	queue = malloc(cap * sizeof(*queue));
	atoms = malloc(acap * sizeof(*atoms));
	if (!queue || !atoms)
		exit(2);
	queue[tail++] = (struct node){ 0, 0, { 0 } };
	while (head < tail) {
		struct node n = queue[head++];
		uint32_t first = rules->ac_match_table[n.state];

		for (const YR_AC_MATCH *m = first ? &rules->ac_match_pool[first - 1] : NULL; m;
		     m = m->next) {
			bool seen = false;

			for (size_t i = 0; i < natoms && !seen; i++)
				seen = atoms[i].match == m;
			if (seen)
				continue;
			if (natoms == acap &&
			    !(atoms = realloc(atoms, (acap *= 2) * sizeof(*atoms))))
				exit(2);
			atoms[natoms] = (struct atom){ m, { 0 }, n.depth, 0 };
			memcpy(atoms[natoms].bytes, n.path, (size_t)n.depth);
			natoms++;
		}
		if (n.depth == YR_MAX_ATOM_LENGTH)
			continue;
		for (int c = 0; c < 256; c++) {
			YR_AC_TRANSITION t = rules->ac_transition_table[n.state + (uint32_t)c + 1];

			if (YR_AC_INVALID_TRANSITION(t, (YR_AC_TRANSITION)c + 1) ||
			    YR_AC_NEXT_STATE(t) == 0)
				continue;
			if (tail == cap && !(queue = realloc(queue, (cap *= 2) * sizeof(*queue))))
				exit(2);
			queue[tail] = n;
			queue[tail].state = YR_AC_NEXT_STATE(t);
			queue[tail].path[queue[tail].depth++] = (unsigned char)c;
			tail++;
		}
	}
	free(queue);
	qsort(atoms, natoms, sizeof(*atoms), by_match);
}

static void count_at(uint32_t state, size_t i)
{
	uint32_t first = rules->ac_match_table[state];

	for (const YR_AC_MATCH *m = first ? &rules->ac_match_pool[first - 1] : NULL; m; m = m->next)
		if (m->backtrack <= i)
			find(m)->hits++;
}

/* The scanner's own walk (libyara's _yr_scanner_scan_mem_block). */
static void scan(const unsigned char *d, size_t len)
{
	const YR_AC_TRANSITION *table = rules->ac_transition_table;
	uint32_t state = 0;
	size_t i = 0;

	while (i < len) {
		YR_AC_TRANSITION index, t;

		count_at(state, i);
		index = (YR_AC_TRANSITION)d[i++] + 1;
		t = table[state + index];
		while (YR_AC_INVALID_TRANSITION(t, index)) {
			if (state == 0) {
				t = 0;
				break;
			}
			state = YR_AC_NEXT_STATE(table[state]);
			t = table[state + index];
		}
		state = YR_AC_NEXT_STATE(t);
	}
	count_at(state, i);
}

static void walk(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *dir = opendir(path);
		struct dirent *e;

		while (dir && (e = readdir(dir))) {
			char sub[4096];

			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
			walk(sub);
		}
		if (dir)
			closedir(dir);
	} else if (S_ISREG(st.st_mode)) {
		FILE *f = fopen(path, "rb");
		unsigned char *d = malloc((size_t)st.st_size + 1);

		if (f && d && fread(d, 1, (size_t)st.st_size, f) == (size_t)st.st_size) {
			scan(d, (size_t)st.st_size);
			files++;
			bytes += (unsigned long long)st.st_size;
		}
		free(d);
		if (f)
			fclose(f);
	}
}

struct row {
	const YR_STRING *string;
	unsigned long long hits;
};

static int by_hits(const void *a, const void *b)
{
	unsigned long long x = ((const struct row *)a)->hits, y = ((const struct row *)b)->hits;

	return x < y ? 1 : x > y ? -1 : 0;
}

static int atom_by_hits(const void *a, const void *b)
{
	unsigned long long x = (*(struct atom *const *)a)->hits,
			   y = (*(struct atom *const *)b)->hits;

	return x < y ? 1 : x > y ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct row *rows;
	struct atom **mine;
	size_t nrows = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: atoms RULES.yarc PATH...\n");
		return 2;
	}
	if (yr_initialize() != ERROR_SUCCESS || yr_rules_load(argv[1], &rules) != ERROR_SUCCESS) {
		fprintf(stderr, "atoms: cannot load %s\n", argv[1]);
		return 2;
	}
	collect();
	for (int i = 2; i < argc; i++)
		walk(argv[i]);
	rows = calloc(rules->num_strings, sizeof(*rows));
	mine = calloc(natoms ? natoms : 1, sizeof(*mine));
	if (!rows || !mine)
		return 2;
	for (size_t i = 0; i < natoms; i++) {
		const YR_STRING *s = atoms[i].match->string;
		size_t r = 0;

		while (r < nrows && rows[r].string != s)
			r++;
		if (r == nrows)
			rows[nrows++] = (struct row){ s, 0 };
		rows[r].hits += atoms[i].hits;
	}
	qsort(rows, nrows, sizeof(*rows), by_hits);
	printf("# %llu files, %llu bytes, %zu atoms of %zu strings\n", files, bytes, natoms, nrows);
	for (size_t r = 0; r < nrows; r++) {
		size_t n = 0;

		for (size_t i = 0; i < natoms; i++)
			if (atoms[i].match->string == rows[r].string)
				mine[n++] = &atoms[i];
		qsort(mine, n, sizeof(*mine), atom_by_hits);
		printf("%10llu  %s  %s ", rows[r].hits,
		       rules->rules_table[rows[r].string->rule_idx].identifier,
		       rows[r].string->identifier);
		for (size_t i = 0; i < n && i < 6; i++) {
			putchar(' ');
			for (int k = 0; k < mine[i]->len; k++) {
				unsigned char c = mine[i]->bytes[k];

				if (c > ' ' && c < 0x7f && c != '\\')
					putchar(c);
				else
					printf("\\x%02x", c);
			}
			printf(":%llu", mine[i]->hits);
		}
		putchar('\n');
	}
	yr_rules_destroy(rules);
	yr_finalize();
	return 0;
}
