/*
 * fuzz_glob.c - matching attacker-chosen paths against the surfaces table.
 * Patterns are ours (each holds at most one '**', which keeps matching
 * O(path x pattern)); paths are the repository's.
 */
#include <stdlib.h>
#include <string.h>

#include "surfaces/files.h"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = malloc(size + 1);
	const struct surface *t;
	size_t n;

	if (!path)
		return 0;
	memcpy(path, data, size);
	path[size] = '\0';
	t = al_surface_table(&n);
	for (size_t i = 0; i < n; i++)
		al_surface_glob(t[i].pattern, path);
	al_surface_match(path);
	al_surface_anchor(path);
	free(path);
	return 0;
}
