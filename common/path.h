/*
 * path.h - judging paths on their text alone (nothing is resolved).
 */
#ifndef AIRLOCK_COMMON_PATH_H
#define AIRLOCK_COMMON_PATH_H

#include <stdbool.h>

/* True when the relative path `target`, named from the file at the
 * project-relative `from`, climbs above the project root with "..". */
bool al_path_climbs_out(const char *from, const char *target);

#endif
