/*
 * yamlcore.h - YAML's plain scalars by the 1.2 core schema, and numbers and
 * keys named as JavaScript names them (String(value)), for formats/yaml.c.
 */
#ifndef AIRLOCK_FORMATS_YAMLCORE_H
#define AIRLOCK_FORMATS_YAMLCORE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

enum al_yaml_type { AL_YAML_STRING, AL_YAML_NULL, AL_YAML_BOOL, AL_YAML_INT, AL_YAML_REAL };

struct al_yaml_scalar {
	enum al_yaml_type type;
	bool b;
	json_int_t i;
	double real;
};

/* The type and value of the plain scalar s[0..n): null, Null, NULL, ~ and
 * nothing; true/True/TRUE/false/False/FALSE; decimal, 0o and 0x integers
 * (a double past 64 bits); decimal floats, .inf and .nan; else a string.
 * s[n] must be a NUL, and the thread's locale "C" (strtod). */
void al_yaml_resolve(struct al_yaml_scalar *out, const char *s, size_t n);

/* The scalar as a jansson value (new reference, NULL on memory): .inf and
 * .nan, which JSON cannot hold, as the strings ".inf", "-.inf", ".nan". */
json_t *al_yaml_value(const struct al_yaml_scalar *sc, const char *s, size_t n);

/* x as JavaScript's String() writes it, in out[0..cap) (32 bytes hold any);
 * needs the "C" locale. */
void al_js_number(double x, char *out, size_t cap);

/* The key a scalar value names in a JavaScript object: a string itself,
 * else String(value); borrowed from v, or written to buf. */
const char *al_js_key(const json_t *v, char *buf, size_t cap);

#endif
