/*
 * toml.c - TOML documents.
 */
#include <stdio.h>

#include "formats/formats.h"

int al_toml_load(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap)
{
	(void)d, (void)buf, (void)len;
	snprintf(why, cap, "TOML is not read yet");
	return AIRLOCK_EINVALID;
}
