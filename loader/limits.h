/*
 * limits.h - every bound airlock puts on what it reads, in one place.
 *
 * A project folder is attacker-controlled: each walk, read and parse has a
 * ceiling, and reaching one is reported (fail closed), never ignored.
 */
#ifndef AIRLOCK_LOADER_LIMITS_H
#define AIRLOCK_LOADER_LIMITS_H

/* Bytes read from one context file; larger files are not read at all. */
#define LIMIT_FILE_SIZE_DEFAULT (4u * 1024 * 1024)

/* Bytes read from all context files of one project together. */
#define LIMIT_SNAPSHOT_BYTES (64u * 1024 * 1024)

/* Directory levels below the project root the walk descends into. */
#define LIMIT_WALK_DEPTH 32

/* Directory entries the walk looks at in one project (all directories). */
#define LIMIT_WALK_ENTRIES 200000

/* Context files (surface matches) kept in one manifest. */
#define LIMIT_SURFACE_FILES 4096

/* Bytes of a relative path inside a project. */
#define LIMIT_PATH_BYTES 4096

/* Bytes of a symlink target that are recorded for display. */
#define LIMIT_LINK_TARGET 4096

#endif
