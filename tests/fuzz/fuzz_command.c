/*
 * fuzz_command.c - finding the programs a hook command line runs.
 */
#include <stdlib.h>
#include <string.h>

#include "config/inspect.h"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(void *arg, const char *path, bool unbound)
{
	(void)arg;
	if (unbound)
		return;
	if (!*path || path[0] == '/' || strstr(path, "/../") || strncmp(path, "../", 3) == 0)
		abort(); /* never a path outside the project */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *cmd = malloc(size + 1);

	if (!cmd)
		return 0;
	memcpy(cmd, data, size);
	cmd[size] = '\0';
	al_inspect_command_programs(cmd, check, NULL);
	free(cmd);
	return 0;
}
