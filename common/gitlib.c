/*
 * gitlib.c - libgit2, dlopen()ed the first time it is needed (gitlib.h).
 *
 * The soname is the one of the headers compiled against (LIBGIT2_SOVERSION),
 * so the functions found have the prototypes their pointers are typed with.
 * The packages depend on it explicitly (debian/control): dpkg-shlibdeps does
 * not see a library that is not linked.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "common/error.h"
#include "common/gitlib.h"

#define GIT_SONAME "libgit2.so." LIBGIT2_SOVERSION

struct al_git_api al_git;
static atomic_bool git_loaded;
static pthread_mutex_t git_lock = PTHREAD_MUTEX_INITIALIZER;

/* dlopen and dlsym, under git_lock; nothing is kept from a failed load. */
static int git_open(void)
{
	struct al_git_api f;
	const char *missing = NULL, *why;
	void *lib;

	if (!(lib = dlopen(GIT_SONAME, RTLD_NOW | RTLD_LOCAL))) {
		why = dlerror();
		return al_error_set(AIRLOCK_ERROR,
				    "cannot load libgit2 (%s), which reads git repositories: %s",
				    GIT_SONAME, why ? why : "dlopen failed");
	}
#define AL_GIT_LOOKUP(name)                                                                        \
	if (!(f.name = (__typeof__(f.name))dlsym(lib, "git_" #name)) && !missing)                  \
		missing = "git_" #name;
	AL_GIT_FUNCTIONS(AL_GIT_LOOKUP)
#undef AL_GIT_LOOKUP
	if (missing) {
		dlclose(lib);
		return al_error_set(AIRLOCK_ERROR, "cannot load libgit2 (%s): it has no %s",
				    GIT_SONAME, missing);
	}
	al_git = f;
	atomic_store_explicit(&git_loaded, true, memory_order_release);
	return 0;
}

int al_git_init(void)
{
	int error = 0;

	if (!atomic_load_explicit(&git_loaded, memory_order_acquire)) {
		pthread_mutex_lock(&git_lock);
		if (!atomic_load_explicit(&git_loaded, memory_order_relaxed))
			error = git_open();
		pthread_mutex_unlock(&git_lock);
		if (error < 0)
			return error;
	}
	if (al_git.libgit2_init() < 0)
		return al_error_set(AIRLOCK_ERROR, "git: cannot initialise libgit2");
	return 0;
}
