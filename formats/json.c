/*
 * json.c - JSON and JSONC documents.
 */
#include <stdio.h>
#include <string.h>

#include "common/error.h"
#include "common/limits.h"
#include "formats/formats.h"

int al_json_load(struct al_doc *d, bool jsonc, const void *buf, size_t len, char *why, size_t cap)
{
	json_error_t jerr;

	(void)jsonc; /* comments: not read yet */
	d->root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!d->root) {
		snprintf(why, cap, "line %d: %s", jerr.line, jerr.text);
		return AIRLOCK_EINVALID;
	}
	if (!json_is_object(d->root)) {
		snprintf(why, cap, "not a JSON object");
		json_decref(d->root);
		d->root = NULL;
		return AIRLOCK_EINVALID;
	}
	return 0;
}
