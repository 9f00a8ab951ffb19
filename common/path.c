/*
 * path.c - lexical path judgements.
 */
#include <string.h>

#include "common/path.h"

bool al_path_climbs_out(const char *from, const char *target)
{
	long depth = 0;

	for (const char *p = from; *p; p++)
		depth += *p == '/';
	while (*target) {
		size_t n = strcspn(target, "/");

		if (n == 2 && target[0] == '.' && target[1] == '.') {
			if (--depth < 0)
				return true;
		} else if (n > 0 && !(n == 1 && target[0] == '.')) {
			depth++;
		}
		target += n;
		target += strspn(target, "/");
	}
	return false;
}
