/*
 * jsonstr.c - a JSON string node decoded to its bytes, with the offset in the
 * file each byte came from: a command inside a settings file is analysed on
 * its decoded text and reported where its bytes are.
 */
#include <stdlib.h>

#include "common/error.h"
#include "scanners/jsonstr.h"

static size_t utf8_put(char *o, unsigned long cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static long hex4(const char *s, size_t left)
{
	long v = 0;

	if (left < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

int al_json_string_decode(char **out, size_t **map, size_t *len, const char *buf, TSNode n)
{
	size_t start = ts_node_start_byte(n), end = ts_node_end_byte(n), o = 0;
	const char *s = buf + start;
	size_t rawlen = end - start;
	char *d;
	size_t *m;

	*out = NULL;
	*map = NULL;
	/* Never longer than the raw text: every escape shrinks. */
	if (!(d = malloc(rawlen + 1)) || !(m = malloc((rawlen + 1) * sizeof(*m)))) {
		free(d);
		return al_error_oom();
	}
	for (size_t i = 0; i < rawlen; i++) {
		size_t at = start + i;
		char c = s[i];

		if ((i == 0 || i == rawlen - 1) && c == '"')
			continue;
		if (c == '\\' && i + 1 < rawlen) {
			char e = s[++i];
			long cp;

			switch (e) {
			case 'n':
				c = '\n';
				break;
			case 't':
				c = '\t';
				break;
			case 'r':
				c = '\r';
				break;
			case 'b':
				c = '\b';
				break;
			case 'f':
				c = '\f';
				break;
			case 'u':
				if ((cp = hex4(s + i + 1, rawlen - i - 1)) < 0) {
					c = e;
					break;
				}
				i += 4;
				if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < rawlen &&
				    s[i + 1] == '\\' && s[i + 2] == 'u') {
					long lo = hex4(s + i + 3, rawlen - i - 3);

					if (lo >= 0xDC00 && lo < 0xE000) {
						cp = 0x10000 + ((cp - 0xD800) << 10) +
						     (lo - 0xDC00);
						i += 6;
					}
				}
				if (cp == 0)
					cp = 0xFFFD; /* keep strings C strings */
				{
					char u[4];
					size_t k = utf8_put(u, (unsigned long)cp);

					for (size_t j = 0; j < k && o < rawlen; j++) {
						m[o] = at;
						d[o++] = u[j];
					}
				}
				continue;
			default:
				c = e;
				break;
			}
		}
		m[o] = at;
		d[o++] = c;
	}
	d[o] = '\0';
	m[o] = end;
	*out = d;
	*map = m;
	*len = o;
	return 0;
}
