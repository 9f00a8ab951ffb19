/*
 * gitlib.h - libgit2, loaded the first time it is needed.
 *
 * libgit2 brings a dozen libraries (Kerberos, SSH, TLS, PCRE) that every
 * airlock process would map and relocate at start, about 1.3 MB of memory,
 * while most commands (status, load, the gate, version) never read a
 * repository. It is dlopen()ed by al_git_init, and its functions are called
 * through al_git: al_git.repository_free(repo) for git_repository_free(repo).
 */
#ifndef AIRLOCK_COMMON_GITLIB_H
#define AIRLOCK_COMMON_GITLIB_H

#include <git2.h>

/* The functions of libgit2 airlock calls (git_ + the name). */
#define AL_GIT_FUNCTIONS(X)                                                                        \
	X(blob_free)                                                                               \
	X(blob_lookup)                                                                             \
	X(blob_rawcontent)                                                                         \
	X(blob_rawsize)                                                                            \
	X(checkout_head)                                                                           \
	X(checkout_options_init)                                                                   \
	X(clone)                                                                                   \
	X(clone_options_init)                                                                      \
	X(commit_free)                                                                             \
	X(commit_id)                                                                               \
	X(commit_parent_id)                                                                        \
	X(commit_parentcount)                                                                      \
	X(commit_tree)                                                                             \
	X(error_last)                                                                              \
	X(index_entrycount)                                                                        \
	X(index_free)                                                                              \
	X(index_get_byindex)                                                                       \
	X(index_open)                                                                              \
	X(libgit2_init)                                                                            \
	X(libgit2_shutdown)                                                                        \
	X(object_free)                                                                             \
	X(object_id)                                                                               \
	X(object_peel)                                                                             \
	X(odb_add_disk_alternate)                                                                  \
	X(odb_free)                                                                                \
	X(odb_read_header)                                                                         \
	X(oid_tostr)                                                                               \
	X(reference_name_to_id)                                                                    \
	X(remote_free)                                                                             \
	X(remote_lookup)                                                                           \
	X(remote_url)                                                                              \
	X(repository_free)                                                                         \
	X(repository_odb)                                                                          \
	X(repository_open_ext)                                                                     \
	X(revparse_single)                                                                         \
	X(revwalk_free)                                                                            \
	X(revwalk_new)                                                                             \
	X(revwalk_next)                                                                            \
	X(revwalk_push_range)                                                                      \
	X(revwalk_sorting)                                                                         \
	X(tree_entry_byindex)                                                                      \
	X(tree_entry_byname)                                                                       \
	X(tree_entry_bypath)                                                                       \
	X(tree_entry_filemode)                                                                     \
	X(tree_entry_free)                                                                         \
	X(tree_entry_id)                                                                           \
	X(tree_entry_name)                                                                         \
	X(tree_entrycount)                                                                         \
	X(tree_free)                                                                               \
	X(tree_lookup)

struct al_git_api {
#define AL_GIT_POINTER(name) __typeof__(git_##name) *name;
	AL_GIT_FUNCTIONS(AL_GIT_POINTER)
#undef AL_GIT_POINTER
};

/* Filled in by the first al_git_init that succeeds; valid for good then. */
extern struct al_git_api al_git;

/* Loads libgit2 (once) and calls git_libgit2_init: 0, or AIRLOCK_ERROR with
 * the reason set (a library missing, a symbol missing, or libgit2's own
 * init failing). Each success is paired with al_git.libgit2_shutdown(). */
int al_git_init(void);

#endif
