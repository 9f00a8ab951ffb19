/*
 * yaml.c - YAML documents and Markdown front matter.
 */
#include <stdio.h>

#include "formats/formats.h"

int al_yaml_load(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap)
{
	(void)d, (void)buf, (void)len;
	snprintf(why, cap, "YAML is not read yet");
	return AIRLOCK_EINVALID;
}

int al_doc_front_matter(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap)
{
	(void)d, (void)buf, (void)len, (void)why, (void)cap;
	return 1;
}
