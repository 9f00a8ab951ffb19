/*
 * yamlcore.c - YAML's plain scalars by the 1.2 core schema (what js-yaml,
 * and so the JavaScript agents and gray-matter, read), and numbers named as
 * JavaScript names them.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/yamlcore.h"

static bool one_of(const char *s, size_t n, const char *const *words)
{
	for (; *words; words++)
		if (strlen(*words) == n && memcmp(s, *words, n) == 0)
			return true;
	return false;
}

static size_t digits(const char *s, size_t n, const char *set)
{
	size_t k = 0;

	while (k < n && s[k] && strchr(set, s[k]))
		k++;
	return k;
}

/* An integer in `base` from digits s[0..n), as a double past 64 bits
 * (strtod reads decimal and hexadecimal exactly rounded). */
static void integer(struct al_yaml_scalar *out, const char *s, size_t n, unsigned base,
		    bool negative)
{
	uint64_t u = 0;
	double real = 0;
	bool big = false;

	for (size_t k = 0; k < n; k++) {
		unsigned dv =
			s[k] <= '9' ? (unsigned)(s[k] - '0') : (unsigned)((s[k] | 0x20) - 'a' + 10);

		real = real * base + dv;
		if (u > (UINT64_MAX - dv) / base)
			big = true;
		else
			u = u * base + dv;
	}
	if (big || u > (uint64_t)INT64_MAX + negative) {
		if (base != 8) /* s is within libyaml's NUL-terminated value */
			real = strtod(base == 16 ? s - 2 : s, NULL);
		out->type = AL_YAML_REAL;
		out->real = negative ? -real : real;
	} else {
		out->type = AL_YAML_INT;
		out->i = negative ? (json_int_t)(0 - u) : (json_int_t)u;
	}
}

/* [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
static bool decimal_float(const char *s, size_t n)
{
	size_t k = 0, whole, frac = 0;

	if (k < n && (s[k] == '-' || s[k] == '+'))
		k++;
	whole = digits(s + k, n - k, "0123456789");
	k += whole;
	if (k < n && s[k] == '.') {
		k++;
		frac = digits(s + k, n - k, "0123456789");
		k += frac;
	}
	if (!whole && !frac)
		return false;
	if (k < n && (s[k] == 'e' || s[k] == 'E')) {
		size_t exp;

		k++;
		if (k < n && (s[k] == '-' || s[k] == '+'))
			k++;
		if (!(exp = digits(s + k, n - k, "0123456789")))
			return false;
		k += exp;
	}
	return k == n;
}

/* A plain scalar by the YAML 1.2 core schema (needs the C locale). */
void al_yaml_resolve(struct al_yaml_scalar *out, const char *s, size_t n)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL", NULL };
	static const char *const trues[] = { "true", "True", "TRUE", NULL };
	static const char *const falses[] = { "false", "False", "FALSE", NULL };
	static const char *const infs[] = {
		".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", NULL
	};
	static const char *const ninfs[] = { "-.inf", "-.Inf", "-.INF", NULL };
	static const char *const nans[] = { ".nan", ".NaN", ".NAN", NULL };
	size_t sign = n && (s[0] == '-' || s[0] == '+');

	memset(out, 0, sizeof(*out));
	if (one_of(s, n, nulls)) {
		out->type = AL_YAML_NULL;
	} else if (one_of(s, n, trues) || one_of(s, n, falses)) {
		out->type = AL_YAML_BOOL;
		out->b = s[0] == 't' || s[0] == 'T';
	} else if (n > 2 && s[0] == '0' && s[1] == 'o' &&
		   digits(s + 2, n - 2, "01234567") == n - 2) {
		integer(out, s + 2, n - 2, 8, false);
	} else if (n > 2 && s[0] == '0' && s[1] == 'x' &&
		   digits(s + 2, n - 2, "0123456789abcdefABCDEF") == n - 2) {
		integer(out, s + 2, n - 2, 16, false);
	} else if (n > sign && digits(s + sign, n - sign, "0123456789") == n - sign) {
		integer(out, s + sign, n - sign, 10, s[0] == '-');
	} else if (one_of(s, n, infs) || one_of(s, n, ninfs) || one_of(s, n, nans)) {
		out->type = AL_YAML_REAL;
		out->real = one_of(s, n, nans) ? NAN : s[0] == '-' ? -INFINITY : INFINITY;
	} else if (decimal_float(s, n)) {
		out->type = AL_YAML_REAL;
		out->real = strtod(s, NULL); /* s is NUL-terminated by libyaml */
	} else {
		out->type = AL_YAML_STRING;
	}
}

/* The value of a scalar; new reference, NULL on memory. */
json_t *al_yaml_value(const struct al_yaml_scalar *sc, const char *s, size_t n)
{
	switch (sc->type) {
	case AL_YAML_NULL:
		return json_null();
	case AL_YAML_BOOL:
		return json_boolean(sc->b);
	case AL_YAML_INT:
		return json_integer(sc->i);
	case AL_YAML_REAL:
		if (isnan(sc->real))
			return json_string_nocheck(".nan");
		if (isinf(sc->real))
			return json_string_nocheck(sc->real < 0 ? "-.inf" : ".inf");
		return json_real(sc->real);
	default:
		return json_stringn_nocheck(s, n);
	}
}

/* A number as JavaScript's String() writes it: the fewest digits that read
 * back as the same double, in plain notation from 1e-7 to 1e21. */
void al_js_number(double x, char *out, size_t cap)
{
	char sci[40], dig[24], s[64];
	size_t len = 0;
	int exp, n, k = 0;
	const char *p;

	if (isnan(x) || isinf(x) || x == 0) {
		snprintf(out, cap, "%s",
			 isnan(x)   ? "NaN"
			 : isinf(x) ? (x < 0 ? "-Infinity" : "Infinity")
				    : "0");
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(sci, sizeof(sci), "%.*e", prec - 1, x);
		if (strtod(sci, NULL) == x)
			break;
	}
	for (p = sci; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9' && k < 17)
			dig[k++] = *p;
	exp = *p ? atoi(p + 1) : 0;
	while (k > 1 && dig[k - 1] == '0')
		k--;
	n = exp + 1; /* the point sits after n digits */
	if (x < 0)
		s[len++] = '-';
	if (k <= n && n <= 21) {
		memcpy(s + len, dig, k);
		memset(s + len + k, '0', n - k);
		len += n;
	} else if (0 < n && n <= 21) {
		memcpy(s + len, dig, n);
		s[len + n] = '.';
		memcpy(s + len + n + 1, dig + n, k - n);
		len += k + 1;
	} else if (-6 < n && n <= 0) {
		memcpy(s + len, "0.", 2);
		memset(s + len + 2, '0', -n);
		memcpy(s + len + 2 - n, dig, k);
		len += 2 - n + k;
	} else {
		s[len++] = dig[0];
		if (k > 1) {
			s[len++] = '.';
			memcpy(s + len, dig + 1, k - 1);
			len += k - 1;
		}
		len += snprintf(s + len, sizeof(s) - len, "e%c%d", n - 1 < 0 ? '-' : '+',
				abs(n - 1));
	}
	s[len] = '\0';
	snprintf(out, cap, "%s", s);
}

/* The key a scalar value names (String(value) in JavaScript), in buf or v. */
const char *al_js_key(const json_t *v, char *buf, size_t cap)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		return json_string_value(v);
	case JSON_INTEGER:
		snprintf(buf, cap, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return buf;
	case JSON_REAL:
		al_js_number(json_real_value(v), buf, cap);
		return buf;
	case JSON_TRUE:
		return "true";
	case JSON_FALSE:
		return "false";
	default:
		return "null";
	}
}
