/*
 * install.c - links against the installed libairlock.so through pkg-config
 * and lists a project: proves the header, the shared library's exports and
 * airlock.pc work together as an embedder will use them.
 */
#include <stdio.h>
#include <string.h>

#include <airlock.h>

int main(int argc, char **argv)
{
	airlock_project *p = NULL;
	int rc;

	if (argc != 2)
		return 2;
	if (strcmp(airlock_version(), AIRLOCK_VERSION) != 0) {
		fprintf(stderr, "header %s, library %s\n", AIRLOCK_VERSION, airlock_version());
		return 1;
	}
	if ((rc = airlock_project_open(&p, argv[1], NULL)) < 0) {
		fprintf(stderr, "open: %s\n", airlock_error_last());
		return 1;
	}
	for (size_t i = 0; i < airlock_project_entry_count(p); i++) {
		const airlock_entry *e = airlock_project_entry(p, i);

		printf("%s %s\n", airlock_class_name(airlock_entry_class(e)),
		       airlock_entry_path(e));
	}
	airlock_project_free(p);
	return 0;
}
