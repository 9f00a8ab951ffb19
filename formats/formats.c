/*
 * formats.c - a document by its kind.
 */
#include <stdio.h>

#include "formats/formats.h"

int al_doc_load(struct al_doc *d, airlock_kind kind, const void *buf, size_t len, char *why,
		size_t cap)
{
	switch (kind) {
	case AIRLOCK_KIND_JSON:
	case AIRLOCK_KIND_JSONC:
		return al_json_load(d, kind == AIRLOCK_KIND_JSONC, buf, len, why, cap);
	case AIRLOCK_KIND_TOML:
		return al_toml_load(d, buf, len, why, cap);
	case AIRLOCK_KIND_YAML:
		return al_yaml_load(d, buf, len, why, cap);
	default:
		snprintf(why, cap, "not a configuration format");
		return AIRLOCK_EINVALID;
	}
}
