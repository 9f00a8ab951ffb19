/*
 * fuzz_config.c - the settings/MCP loader and the inspection of executable
 * JSON: input is settings.json, then a NUL, then .mcp.json.
 */
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "config/inspect.h"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void set(struct airlock_entry *e, const char *path, const struct surface *s,
		const uint8_t *data, size_t len)
{
	memset(e, 0, sizeof(*e));
	e->path = (char *)path;
	e->surface = s;
	e->kind = AIRLOCK_KIND_JSON;
	e->data = (unsigned char *)data;
	e->data_len = len;
	e->sha256[0] = 'x';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t first = nul ? (size_t)(nul - data) : size;
	struct airlock_entry entries[2];
	struct airlock_project p;
	struct airlock_inspection in;
	airlock_config *c = calloc(1, sizeof(*c));

	set(&entries[0], ".claude/settings.json", al_surface_match(".claude/settings.json"), data,
	    first);
	set(&entries[1], ".mcp.json", al_surface_match(".mcp.json"), nul ? nul + 1 : data,
	    nul ? size - first - 1 : 0);
	memset(&p, 0, sizeof(p));
	p.rootfd = -1; /* nothing is bound: there is no directory */
	p.snap.entries = entries;
	p.snap.count = 2;
	if (c) {
		al_config_parse_executable(c, &p.snap);
		airlock_config_free(c);
	}
	if (al_inspect_project(&in, &p, true) == 0)
		al_inspect_clear(&in);
	return 0;
}
