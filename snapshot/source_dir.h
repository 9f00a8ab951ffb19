/*
 * source_dir.h - a project directory as a source of context files.
 *
 * The walk starts from one directory descriptor and never leaves it: each
 * name is opened relative to its parent's descriptor, never following a
 * symlink, and only regular files are read.
 */
#ifndef AIRLOCK_SNAPSHOT_SOURCE_DIR_H
#define AIRLOCK_SNAPSHOT_SOURCE_DIR_H

#include <stdbool.h>
#include <stdint.h>

#include "common/unittest.h"
#include "snapshot/snapshot.h"

/* Walks the tree below `rootfd` and adds every context file to `snap`, read
 * once. Problems with single files become entries with reasons; only
 * failures of the walk itself (memory, the root unreadable) are errors. */
int al_source_dir_snapshot(struct snapshot *snap, int rootfd);

/* Adds the file at `relpath` (a path some configuration names, e.g. a script
 * a hook runs) to `snap` as an entry of surface `s`, through the same safe
 * reads. Absent files are recorded as AIRLOCK_REASON_MISSING, so that one
 * appearing later is a change. Paths that leave the project ("..",
 * absolute) and paths already in the snapshot are ignored. */
int al_source_dir_add_file(struct snapshot *snap, int rootfd, const char *relpath,
			   const struct surface *s);

/* Walks the directory at `reldir` below `rootfd` (opened component by
 * component, never through a link) and adds every file in it as surface `s`.
 * A missing directory adds nothing. */
int al_source_dir_snapshot_tree(struct snapshot *snap, int rootfd, const char *reldir,
				const struct surface *s);

/* Walks the whole directory `dirfd` (not consumed) and adds every file in it
 * as surface `s`: a memory folder, where every file is instructions. */
int al_source_dir_snapshot_all(struct snapshot *snap, int dirfd, const struct surface *s);

/* Reads one file the user named, as context files are read: the last
 * component is never followed if it is a symlink, FIFOs and devices are not
 * opened for reading (O_NONBLOCK) and are refused after fstat, the size is
 * capped (`cap`, 0 = default) and the file is read once. Returns 0 with
 * *data (new, free()) or with *reasons saying why there is no content (too
 * large, changed while read); AIRLOCK_ENOTFOUND, AIRLOCK_EINVALID (a symlink,
 * not a regular file) or AIRLOCK_ERROR. */
int al_source_file_read(unsigned char **data, unsigned int *reasons, uint64_t *size,
			const char *path, uint64_t cap);

/* Test seam: the hook runs between listing a context file and opening it,
 * so a test can swap the file in that window. (The switch to the openat
 * fallback is al_safeio_force_fallback, common/safeio.h.) */
typedef void (*al_open_hook)(int dirfd, const char *name, void *arg);
AL_SEAM(al_open_hook, al_source_dir_before_open, NULL);
AL_SEAM(void *, al_source_dir_before_open_arg, NULL);

/* Files whose content was read, process-wide (a test proves a cached rescan
 * reads nothing by this count, not by timing). */
extern unsigned long al_source_dir_reads;

#endif
