/*
 * doc.h - a configuration document in any of the formats agents read (JSON,
 * JSONC, TOML, YAML, Markdown front matter), as one tree.
 *
 * Every format is parsed into a jansson tree with the agent's semantics, and
 * the tree is written back out as JSON text with one value per line and a map
 * from each line of that text to the line of the source it came from. So one
 * key table (surfaces/) and one settings analysis (scanners/settings.c, on
 * tree-sitter-json) serve every format, and every finding still points at the
 * line the person wrote.
 */
#ifndef AIRLOCK_FORMATS_DOC_H
#define AIRLOCK_FORMATS_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "airlock.h"

/* The source line of a value (node = the value, index = SIZE_MAX), of an
 * object's member (node = the key as the object stores it, index =
 * SIZE_MAX) or of an array's item (node = the array, index = its index). */
struct doc_mark {
	const void *node;
	size_t index;
	unsigned line;
};

struct al_doc {
	json_t *root; /* owned; an object for every format */
	/* The tree as JSON text, one scalar or key per line (NUL-terminated);
	 * lines[k] is the source line of its line k + 1 (0 when unknown). For
	 * JSON and JSONC the text is the source itself with comments blanked,
	 * so lines is NULL and every line is its own. */
	char *json;
	size_t json_len;
	unsigned *lines;
	size_t nlines;
	/* while building: the source line of each value (for lines) */
	struct doc_mark *marks;
	size_t nmarks, capmarks;
	unsigned line_offset; /* added to every mark (front matter in a file) */
};

void al_doc_init(struct al_doc *d);
void al_doc_free(struct al_doc *d);

/* Records that `value` (a node of d->root) came from source line `line`.
 * Returns 0, or AIRLOCK_ERROR (memory). */
int al_doc_mark(struct al_doc *d, const json_t *value, unsigned line);

/* Records that the member `key` of `object` (already set) came from source
 * line `line`: what marks true, false and null, which jansson shares
 * between all their uses. Returns 0, or AIRLOCK_ERROR (memory). */
int al_doc_mark_key(struct al_doc *d, const json_t *object, const char *key, unsigned line);

/* The same for item `index` of `array`. */
int al_doc_mark_item(struct al_doc *d, const json_t *array, size_t index, unsigned line);

/* Writes d->json and d->lines from d->root and the marks; a member takes the
 * line of its key's mark, else of its value's, else of its container; an
 * item that of its own mark, else of its value's, else of its array.
 * Returns 0 or AIRLOCK_ERROR (memory). */
int al_doc_emit(struct al_doc *d);

/* The source line of line `json_line` (1-based) of d->json. */
unsigned al_doc_source_line(const struct al_doc *d, unsigned json_line);

/*
 * Calls fn for each value of `root` at `path`: keys separated by '/', where
 * '*' is every key of an object or every item of an array. `where` is the
 * concrete path ("mcpServers/fetch"), valid during the call. The recursion
 * is as deep as the path has keys.
 */
void al_doc_select(json_t *root, const char *path,
		   void (*fn)(void *arg, json_t *value, const char *where), void *arg);

#endif
