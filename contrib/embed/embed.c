/*
 * embed.c - how an agent CLI uses libairlock before it opens a project.
 *
 *   cc embed.c $(pkg-config --cflags --libs airlock) -o embed && ./embed DIR
 *
 * Copy it: open the project, load it through the gate, and use only what the
 * returned configuration holds. On refusal, tell the user what to do.
 */
#include <stdio.h>

#include <airlock.h>

static int refuse(int rc, const char *dir)
{
	fprintf(stderr, "embed: %s\n", airlock_error_last());
	switch (rc) {
	case AIRLOCK_EUNTRUSTED:
		fprintf(stderr, "embed: review the project with: airlock trust %s\n", dir);
		return 3;
	case AIRLOCK_ECHANGED:
		fprintf(stderr, "embed: it changed since you trusted it: airlock status %s\n", dir);
		return 4;
	case AIRLOCK_EDENIED:
		return 5;
	case AIRLOCK_EBLOCKED:
		return 1;
	default:
		return 2;
	}
}

int main(int argc, char **argv)
{
	airlock_project *p = NULL;
	airlock_config *cfg = NULL;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: embed DIR\n");
		return 2;
	}
	if ((rc = airlock_project_open(&p, argv[1], NULL)) < 0)
		return refuse(rc, argv[1]);
	if ((rc = airlock_project_load(&cfg, p)) < 0) {
		rc = refuse(rc, argv[1]);
		airlock_project_free(p);
		return rc;
	}
	printf("state %s\n", airlock_state_name(airlock_config_state(cfg)));
	for (size_t i = 0; i < airlock_config_hook_count(cfg); i++) {
		const airlock_hook *h = airlock_config_hook(cfg, i);

		printf("hook %s %s\n", airlock_hook_event(h), airlock_hook_command(h));
	}
	for (size_t i = 0; i < airlock_config_mcp_count(cfg); i++)
		printf("mcp %s\n", airlock_mcp_name(airlock_config_mcp(cfg, i)));
	for (size_t i = 0; i < airlock_config_instruction_count(cfg); i++)
		printf("instructions %s\n", airlock_config_instruction_path(cfg, i));
	airlock_config_free(cfg);
	airlock_project_free(p);
	return 0;
}
