/*
 * formats.h - reading a configuration document in the format its agent uses.
 *
 * One parser per format, each filling a struct al_doc (doc.h):
 * d->root, the marks, and then al_doc_emit (JSON and JSONC keep their own
 * text instead). On failure each returns AIRLOCK_EINVALID with a one-line
 * reason in why[0..cap), or AIRLOCK_ERROR for memory.
 */
#ifndef AIRLOCK_FORMATS_FORMATS_H
#define AIRLOCK_FORMATS_FORMATS_H

#include "formats/doc.h"

/*
 * Parses buf[0..len) as `kind` (JSON, JSONC, TOML or YAML) into `d` (which
 * the caller has initialised and frees). On a document the agent would not
 * accept, or one past airlock's bounds, returns AIRLOCK_EINVALID with a
 * one-line reason ("line 3: duplicate key \"x\"") in why[0..cap). The root
 * is always an object on success.
 */
int al_doc_load(struct al_doc *d, airlock_kind kind, const void *buf, size_t len, char *why,
		size_t cap);

/*
 * The YAML front matter of a Markdown file: a first line of exactly "---",
 * then YAML up to a line of "---" (or "..."); a byte order mark before it
 * and spaces, tabs or a CR after either delimiter are allowed. Returns 0
 * with d->root the mapping (lines are the file's own), 1 when the file has
 * no front matter, no closing line included (d untouched), or
 * AIRLOCK_EINVALID with why as al_doc_load (its lines the file's too).
 */
int al_doc_front_matter(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap);

/* As al_doc_front_matter, read as the agents read it: front matter YAML
 * refuses ("description: Use when: ...") is taken line by line, each
 * top-level "key: value" a string, unless it holds a structured key that
 * runs something (hooks, mcpServers) or a repeated key. */
int al_doc_front_matter_agent(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap);

/* JSON as the agents' JavaScript reads it (jsonc: VS Code's and Gemini's
 * comments and trailing commas too). d->json is the text itself, comments
 * and trailing commas blanked (d->lines NULL: every line is its own). As
 * JSON.parse: an integer past 2^53 is a double; a number past the double
 * range is the string "inf" or "-inf"; a lone surrogate escape and bytes
 * that are not UTF-8 in a string are U+FFFD. Stricter: a duplicate key, a
 * key holding U+0000, nesting past LIMIT_JSON_DEPTH, a root that is no
 * object, and a byte order mark in JSON (JSONC skips it) are invalid. */
int al_json_load(struct al_doc *d, bool jsonc, const void *buf, size_t len, char *why, size_t cap);

/* A .env file as {"env": {NAME: value}} (dotenv.c). Never invalid: lines
 * that are not NAME=value are skipped, as the tools that load it do. */
int al_dotenv_load(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap);

/* True when buf[0..len) nests '[' / '{' no deeper than `max`, counted as
 * the settings scanner counts (strings, escapes and comments understood),
 * so that no parser recurses further (jansson would go to 2048). */
bool al_json_depth_ok(const char *buf, size_t len, int max);

/* The double a decimal number's text at s reads as (strtod in the C
 * locale, whatever the program's: "1.5" is never 1); infinity past the
 * range. */
double al_json_strtod(const char *s);

/* TOML 1.0 (Codex's config.toml, Gemini's command files), as Python's
 * tomllib reads it. Dates and times are strings (their text as written),
 * inf and nan the strings "inf", "-inf", "nan". Invalid besides what TOML
 * forbids: integers past 64 bits (TOML says so), a key holding U+0000,
 * nesting past LIMIT_JSON_DEPTH (the root is level 1), a byte order mark. */
int al_toml_load(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap);

/* YAML with libyaml (Aider, Continue, front matter), read as js-yaml reads
 * it: the first document, the YAML 1.2 core schema, merge keys, aliases
 * within LIMIT_YAML_NODES and LIMIT_YAML_BYTES; duplicate keys refused
 * (yaml.c says what else). Marks use d->line_offset. */
int al_yaml_load(struct al_doc *d, const void *buf, size_t len, char *why, size_t cap);

#endif
