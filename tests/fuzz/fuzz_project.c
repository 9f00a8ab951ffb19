/*
 * fuzz_project.c - the whole scan of a small in-memory project: the input is
 * split at NUL bytes into the bytes of a settings.json, a .mcp.json, a
 * CLAUDE.md and a hook script, which airlock_project_scan then judges with
 * every scanner (in process: the sandbox's fork would only slow fuzzing).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "snapshot/project.h"
#include "scan/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const paths[] = { ".claude/settings.json", ".mcp.json", "CLAUDE.md",
				     ".claude/hooks/run.sh" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct airlock_entry entries[4];
	struct airlock_project p;
	airlock_options opts = AIRLOCK_OPTIONS_INIT;
	airlock_report *r = NULL;
	size_t off = 0;

	memset(&p, 0, sizeof(p));
	p.rootfd = -1;
	opts.flags = AIRLOCK_OPT_NO_SANDBOX;
	if (al_scan_options_init(&p.scan, &opts) < 0)
		return 0;
	for (size_t i = 0; i < 4; i++) {
		const uint8_t *nul = off < size ? memchr(data + off, 0, size - off) : NULL;
		size_t len = nul ? (size_t)(nul - (data + off)) : size - (off < size ? off : size);

		memset(&entries[i], 0, sizeof(entries[i]));
		entries[i].path = (char *)paths[i];
		entries[i].surface = al_surface_match(paths[i]);
		entries[i].kind = al_surface_kind(entries[i].surface, paths[i]);
		entries[i].data = (unsigned char *)(off < size ? data + off : data);
		entries[i].data_len = off < size ? len : 0;
		entries[i].sha256[0] = 'x';
		off += len + 1;
	}
	p.snap.entries = entries;
	p.snap.count = 4;
	p.path = "/nonexistent/fuzz";
	if (airlock_project_scan(&r, &p) == 0)
		airlock_report_free(r);
	al_scan_options_clear(&p.scan);
	return 0;
}
