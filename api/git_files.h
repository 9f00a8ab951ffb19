/*
 * git_files.h - a repository's files checked before libgit2 opens them.
 */
#ifndef AIRLOCK_API_GIT_FILES_H
#define AIRLOCK_API_GIT_FILES_H

/*
 * Checks, without opening any of them, the files libgit2 may open when it
 * opens the repository at `path` (path/.git, a folder or a gitlink file, or
 * a bare repository at `path` itself) and reads its configuration, HEAD,
 * references and objects: every entry of the git folder (and of a
 * worktree's common folder and of the object folders its alternates name)
 * and every file its configuration includes. Returns 0 when each is a
 * regular file or a folder, or absent; AIRLOCK_EINVALID with a one-line
 * message naming the first that is a FIFO, a socket or a device (libgit2
 * would block on it or read a device), or past LIMIT_GIT_ENTRIES,
 * LIMIT_WALK_DEPTH or LIMIT_GIT_INCLUDE_DEPTH.
 */
int al_git_files_check(const char *path);

#endif
