/*
 * jsonio.c - jansson's parser, made to fail on a failed allocation.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "common/jsonio.h"

static __thread bool alloc_failed;

static void *noting_malloc(size_t n)
{
	void *p = malloc(n);

	if (!p)
		alloc_failed = true;
	return p;
}

static void install(void)
{
	json_set_alloc_funcs(noting_malloc, free);
}

json_t *al_json_loadb(const char *buf, size_t len, size_t flags, json_error_t *err, bool *oom)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	json_t *root;

	if (oom)
		*oom = false;
	pthread_once(&once, install);
	alloc_failed = false;
	root = json_loadb(buf, len, flags, err);
	if (alloc_failed) {
		json_decref(root);
		if (err)
			snprintf(err->text, sizeof(err->text), "out of memory");
		if (oom)
			*oom = true;
		return NULL;
	}
	return root;
}
