/*
 * fuzz_git_index.c - git's index file as the project ships it (the walk reads
 * .git/index to find tracked context files where it does not go). Each path
 * handed out must be a NUL-terminated string of the length given.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/limits.h"
#include "snapshot/git_index.h"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int each(const char *path, size_t len, void *payload)
{
	if (strlen(path) != len || len > LIMIT_PATH_BYTES)
		abort();
	(*(size_t *)payload)++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *copy = malloc(size ? size : 1);
	size_t n = 0;

	if (!copy)
		return 0;
	memcpy(copy, data, size); /* exactly `size` bytes: overreads show */
	al_git_index_paths(copy, size, each, &n);
	free(copy);
	return 0;
}
