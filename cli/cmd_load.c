/*
 * cmd_load.c - `airlock load` and `airlock shell-init`: the gate as agent CLIs
 * and shells use it (`airlock exec`: cmd_exec.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"

const char cmd_load_help[] =
	"Usage: airlock load [--format text|json] [--fail-on SEVERITY] [DIR]\n"
	"\n"
	"Gates the project in DIR (default: the current directory), scans it, and prints\n"
	"the effective configuration an agent would get: hooks, MCP servers, env,\n"
	"permissions, helper commands and instruction files (with --format json, their\n"
	"text too). Nothing is parsed unless the project is trusted or restricted.\n"
	"\n"
	"Options:\n"
	"  --format text|json   output for people (default) or for programs\n"
	"  --fail-on SEVERITY   block on findings at SEVERITY and above: info, low,\n"
	"                       medium, high or critical (default: the fail-on of your\n"
	"                       config, else high; see 'airlock help config')\n"
	"\n"
	"Exit codes: 0 loaded, 1 blocked (findings at or above the threshold, or a context\n"
	"file that could not be read), 2 usage, I/O or parse error, 3 untrusted,\n"
	"4 changed since trusted (what changed is listed), 5 denied.\n";

const char cmd_shell_init_help[] =
	"Usage: airlock shell-init bash|zsh|fish\n"
	"\n"
	"Prints shell functions that start every agent airlock knows the files of\n"
	"(claude, codex, gemini, qwen, cursor-agent, copilot, opencode, crush, aider,\n"
	"goose, kiro-cli, q, amp, cline, cn) through 'airlock exec', so every agent\n"
	"start is gated:\n"
	"\n"
	"  eval \"$(airlock shell-init bash)\"          # in ~/.bashrc\n"
	"  eval \"$(airlock shell-init zsh)\"           # in ~/.zshrc\n"
	"  airlock shell-init fish | source           # in ~/.config/fish/config.fish\n";

/* --- reporting a refusal -------------------------------------------------------- */

static void print_changes(airlock_project *p)
{
	airlock_status *st = NULL;

	if (airlock_project_status(&st, p) < 0)
		return;
	for (size_t i = 0; i < airlock_status_change_count(st); i++) {
		char *path = cli_escape(airlock_status_change_path(st, i));

		fprintf(stderr, "  %-9s %s\n",
			airlock_change_name(airlock_status_change_kind(st, i)), path);
		free(path);
	}
	airlock_status_free(st);
}

int load_refusal(int rc, airlock_project *p, const char *what)
{
	char *dir = cli_escape(airlock_project_path(p));
	int code;

	switch (rc) {
	case AIRLOCK_EUNTRUSTED:
		cli_error("%s: %s is untrusted (%s); review it with 'airlock trust %s'", what, dir,
			  airlock_error_last(), dir);
		code = EXIT_UNTRUSTED;
		break;
	case AIRLOCK_ECHANGED:
		cli_error("%s: %s: %s; review it with 'airlock trust %s'", what, dir,
			  airlock_error_last(), dir);
		print_changes(p);
		code = EXIT_CHANGED;
		break;
	case AIRLOCK_EDENIED:
		cli_error("%s: %s is denied (%s)", what, dir, airlock_error_last());
		code = EXIT_DENIED;
		break;
	case AIRLOCK_EBLOCKED: {
		const airlock_report *report = airlock_project_report(p);

		cli_error("%s: blocked: %s", what, airlock_error_last());
		/* load prints the findings; exec leaves stdout to the agent it did
		 * not start, and the one line above names the first finding */
		if (report && strcmp(what, "load") == 0) {
			struct scan_result res = { .report = (airlock_report *)report };

			report_print_text(&res, 1, AIRLOCK_SEVERITY_HIGH);
		}
		code = EXIT_FINDINGS;
		break;
	}
	default:
		code = cli_lib_error(rc, what);
		break;
	}
	free(dir);
	return code;
}

/* --- printing a configuration --------------------------------------------------- */

static json_t *str_json(const char *s, size_t len)
{
	json_t *j = json_stringn(s, len);

	if (!j) { /* not UTF-8: escaped, so a consumer still sees every byte */
		char *shown = airlock_escape(s, len);

		j = json_string(shown ? shown : "");
		free(shown);
	}
	return j;
}

static json_t *opt_json(const char *s)
{
	return s ? str_json(s, strlen(s)) : json_null();
}

static json_t *hooks_json(const airlock_config *c)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < airlock_config_hook_count(c); i++) {
		const airlock_hook *h = airlock_config_hook(c, i);

		json_array_append_new(a, json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "event",
						   opt_json(airlock_hook_event(h)), "matcher",
						   opt_json(airlock_hook_matcher(h)), "type",
						   opt_json(airlock_hook_type(h)), "command",
						   opt_json(airlock_hook_command(h)), "url",
						   opt_json(airlock_hook_url(h)), "timeout",
						   airlock_hook_timeout(h) > 0
							   ? json_real(airlock_hook_timeout(h))
							   : json_null()));
	}
	return a;
}

/* The server's helper commands, as the configuration's "helpers" are;
 * NULL when it has none. */
static json_t *mcp_helpers_json(const airlock_mcp_server *m)
{
	json_t *help = NULL;

	for (size_t h = 1; h <= airlock_helper_count(); h++) {
		const char *cmd = airlock_mcp_helper(m, (airlock_helper)h);

		if (cmd && (help || (help = json_object())))
			json_object_set_new(help, airlock_helper_name((airlock_helper)h),
					    opt_json(cmd));
	}
	return help;
}

static json_t *mcp_json(const airlock_mcp_server *m)
{
	json_t *args = json_array(), *env = json_object(), *headers = json_object();
	json_t *help = mcp_helpers_json(m), *o;

	for (size_t i = 0; args && i < airlock_mcp_arg_count(m); i++)
		json_array_append_new(args, opt_json(airlock_mcp_arg(m, i)));
	for (size_t i = 0; env && i < airlock_mcp_env_count(m); i++)
		json_object_set_new(env, airlock_mcp_env_name(m, i),
				    opt_json(airlock_mcp_env_value(m, i)));
	for (size_t i = 0; headers && i < airlock_mcp_header_count(m); i++)
		json_object_set_new(headers, airlock_mcp_header_name(m, i),
				    opt_json(airlock_mcp_header_value(m, i)));
	o = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "name", opt_json(airlock_mcp_name(m)),
		      "transport", opt_json(airlock_mcp_transport(m)), "command",
		      opt_json(airlock_mcp_command(m)), "args", args, "url",
		      opt_json(airlock_mcp_url(m)), "env", env, "headers", headers);
	if (o && help)
		json_object_set_new(o, "helpers", help);
	else
		json_decref(help);
	return o;
}

/* The settings keys of the permission lists, by airlock_permission_list. */
static const char *const permission_names[] = { NULL, "allow", "deny", "ask",
						"additionalDirectories" };

static json_t *permissions_json(const airlock_config *c)
{
	const char *const *names = permission_names;
	json_t *o = json_object();

	for (int l = AIRLOCK_PERMISSION_ALLOW; o && l <= AIRLOCK_PERMISSION_ADDITIONAL_DIRECTORIES;
	     l++) {
		json_t *a = json_array();

		for (size_t i = 0; a && i < airlock_config_permission_count(c, l); i++)
			json_array_append_new(a, opt_json(airlock_config_permission(c, l, i)));
		json_object_set_new(o, names[l], a);
	}
	json_object_set_new(o, "defaultMode", opt_json(airlock_config_default_mode(c)));
	return o;
}

static json_t *config_json(const airlock_config *c, const char *project)
{
	json_t *mcp = json_array(), *env = json_object(), *help = json_object(),
	       *instr = json_array();

	for (size_t i = 0; mcp && i < airlock_config_mcp_count(c); i++)
		json_array_append_new(mcp, mcp_json(airlock_config_mcp(c, i)));
	for (size_t i = 0; env && i < airlock_config_env_count(c); i++)
		json_object_set_new(env, airlock_config_env_name(c, i),
				    opt_json(airlock_config_env_value(c, i)));
	for (size_t h = 1; help && h <= airlock_helper_count(); h++)
		if (airlock_config_helper(c, (airlock_helper)h))
			json_object_set_new(help, airlock_helper_name((airlock_helper)h),
					    opt_json(airlock_config_helper(c, (airlock_helper)h)));
	for (size_t i = 0; instr && i < airlock_config_instruction_count(c); i++) {
		size_t len;
		const char *text = airlock_config_instruction_text(c, i, &len);

		json_array_append_new(instr,
				      json_pack("{s:o, s:o}", "path",
						opt_json(airlock_config_instruction_path(c, i)),
						"text", str_json(text, len)));
	}
	return json_pack("{s:s, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:o}", "airlock_version",
			 airlock_version(), "project", opt_json(project), "state",
			 airlock_state_name(airlock_config_state(c)), "hooks", hooks_json(c),
			 "mcpServers", mcp, "env", env, "permissions", permissions_json(c),
			 "helpers", help, "instructions", instr);
}

static void print_line(const char *label, const char *a, const char *b)
{
	char *x = cli_escape(a ? a : ""), *y = cli_escape(b ? b : "");

	printf("  %-12s %s%s%s\n", label, x, b ? " = " : "", b ? y : "");
	free(x);
	free(y);
}

/* "  permission   deny Read(./.env)": which list, then the rule. */
static void print_pair(const char *label, const char *key, const char *value)
{
	char *v = cli_escape(value ? value : "");

	printf("  %-12s %s %s\n", label, key, v);
	free(v);
}

static void config_text(const airlock_config *c, const char *project)
{
	char *dir = cli_escape(project);

	printf("project  %s\nstate    %s\n\n", dir, airlock_state_name(airlock_config_state(c)));
	free(dir);
	for (size_t i = 0; i < airlock_config_hook_count(c); i++) {
		const airlock_hook *h = airlock_config_hook(c, i);

		print_line("hook", airlock_hook_event(h), airlock_hook_command(h));
	}
	for (size_t i = 0; i < airlock_config_mcp_count(c); i++) {
		const airlock_mcp_server *m = airlock_config_mcp(c, i);
		char *line = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&line, &len);

		if (!f)
			continue;
		fputs(airlock_mcp_command(m) ? airlock_mcp_command(m) : airlock_mcp_url(m), f);
		for (size_t a = 0; a < airlock_mcp_arg_count(m); a++)
			fprintf(f, " %s", airlock_mcp_arg(m, a));
		fclose(f);
		print_line("mcp-server", airlock_mcp_name(m), line);
		free(line);
	}
	for (size_t i = 0; i < airlock_config_env_count(c); i++)
		print_line("env", airlock_config_env_name(c, i), airlock_config_env_value(c, i));
	for (int l = AIRLOCK_PERMISSION_ALLOW; l <= AIRLOCK_PERMISSION_ADDITIONAL_DIRECTORIES; l++)
		for (size_t i = 0; i < airlock_config_permission_count(c, l); i++)
			print_pair("permission", permission_names[l],
				   airlock_config_permission(c, l, i));
	if (airlock_config_default_mode(c))
		print_pair("permission", "defaultMode", airlock_config_default_mode(c));
	for (size_t h = 1; h <= airlock_helper_count(); h++)
		if (airlock_config_helper(c, (airlock_helper)h))
			print_line("helper", airlock_helper_name((airlock_helper)h),
				   airlock_config_helper(c, (airlock_helper)h));
	for (size_t i = 0; i < airlock_config_instruction_count(c); i++)
		print_line("instructions", airlock_config_instruction_path(c, i), NULL);
}

/* --- commands ------------------------------------------------------------------- */

int cmd_load(int argc, char **argv)
{
	enum output_format format = FORMAT_TEXT;
	airlock_severity fail_on = 0;
	airlock_project *p = NULL;
	airlock_options opts;
	airlock_config *c = NULL;
	const char *dir = NULL;
	int rc;

	if ((rc = cli_dir_args(&dir, &format, &fail_on, argc, argv, cmd_load_help)) != 0)
		return rc < 0 ? EXIT_OK : rc;
	if ((rc = cli_options(&opts)) != 0)
		return rc;
	if (fail_on)
		opts.block_threshold = fail_on;
	opts.flags |= AIRLOCK_OPT_REPO_ROOT; /* a subfolder is its repository */
	if ((rc = cli_project_open(&p, dir, &opts)) < 0)
		return cli_lib_error(rc, "load");
	if ((rc = airlock_project_load(&c, p)) < 0) {
		rc = load_refusal(rc, p, "load");
	} else if (format == FORMAT_JSON) {
		rc = cli_json_emit(config_json(c, airlock_project_path(p)), NULL);
	} else {
		config_text(c, airlock_project_path(p));
		rc = EXIT_OK;
	}
	airlock_config_free(c);
	airlock_project_free(p);
	return rc;
}

int cmd_shell_init(int argc, char **argv)
{
	const char *agent;

	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		fputs(cmd_shell_init_help, stdout);
		return EXIT_OK;
	}
	if (argc != 2)
		return cli_error("shell-init: name one shell: bash, zsh or fish");
	if (strcmp(argv[1], "bash") == 0 || strcmp(argv[1], "zsh") == 0) {
		printf("# airlock: gate every agent start; see 'airlock help exec'\n");
		for (size_t i = 0; (agent = airlock_agent_program(i)); i++)
			printf("%s() { command airlock exec -- %s \"$@\"; }\n", agent, agent);
	} else if (strcmp(argv[1], "fish") == 0) {
		printf("# airlock: gate every agent start; see 'airlock help exec'\n");
		for (size_t i = 0; (agent = airlock_agent_program(i)); i++)
			printf("function %s --wraps %s\n    command airlock exec -- %s $argv\nend\n",
			       agent, agent, agent);
	} else {
		return cli_error("shell-init: unknown shell '%s' (bash, zsh or fish)", argv[1]);
	}
	return EXIT_OK;
}
