/*
 * userconf.c - the user's own configuration: the default --fail-on and the
 * rules they turned off, from $AIRLOCK_CONFIG, else
 * $XDG_CONFIG_HOME/airlock/config, else ~/.config/airlock/config.
 *
 * It changes what blocks, so it is read as the trust store is: never from a
 * project, opened with O_NOFOLLOW, and on the descriptor a regular file of
 * the user's that group and others cannot write, size-capped, read once.
 * The format is strict ("key = value" lines, "#" comments): a mistake is a
 * one-line error naming FILE:LINE, never a setting silently ignored.
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"

#define CONFIG_MAX_BYTES (64 * 1024)
#define CONFIG_MAX_RULES 256
#define RULE_ID_MAX      64

struct user_config {
	char *path;               /* NULL: no file read */
	airlock_severity fail_on; /* 0: not set */
	char *disabled[CONFIG_MAX_RULES];
	unsigned int disabled_line[CONFIG_MAX_RULES];
	size_t ndisabled;
};

const char cli_config_help[] =
	"Your config: $XDG_CONFIG_HOME/airlock/config, else ~/.config/airlock/config\n"
	"($AIRLOCK_CONFIG names another file, which must exist; set but empty, none is\n"
	"read).\n"
	"\n"
	"  # lines of 'key = value'; '#' starts a comment\n"
	"  fail-on = medium        # the default --fail-on of scan, load, exec, trust, clone\n"
	"  disable = AL409 AL014   # rules whose findings are dropped (space or comma\n"
	"                          # separated; the line may repeat)\n"
	"\n"
	"A --fail-on on the command line wins over the file. A disabled rule's findings\n"
	"are not reported and block nothing: not in scan, load, exec, trust or scan\n"
	"--memory; the text output of scan and status ends by naming the rules disabled\n"
	"and the file that did it. Rule ids are those 'airlock rules' lists.\n"
	"\n"
	"It is yours alone: read only when it is a regular file (not a symlink) owned by\n"
	"you that group and others cannot write, at most 64 KiB; and never from a\n"
	"project, whose files cannot disable anything. An unknown key, a bad value, a\n"
	"second fail-on or an unknown rule is an error naming FILE:LINE (exit 2).\n";

static struct user_config config;
static bool loaded;

/* The file to read: new string, or NULL (none; *explicit tells whether
 * AIRLOCK_CONFIG named it). */
static char *config_path(bool *explicit)
{
	const char *env = getenv("AIRLOCK_CONFIG"), *base;
	char *out;

	*explicit = env != NULL;
	if (env)
		return *env ? strdup(env) : NULL;
	base = getenv("XDG_CONFIG_HOME");
	if (base && base[0] == '/')
		return asprintf(&out, "%s/airlock/config", base) < 0 ? NULL : out;
	base = getenv("HOME");
	if (base && base[0] == '/')
		return asprintf(&out, "%s/.config/airlock/config", base) < 0 ? NULL : out;
	return NULL;
}

/* Reads the file, checked on its descriptor. *text is new (NUL-terminated)
 * or NULL when the default file does not exist. Returns 0 or EXIT_USAGE. */
static int read_config(char **text, const char *path, bool explicit)
{
	struct stat st;
	char *buf = NULL, *shown = cli_escape(path);
	size_t len = 0;
	ssize_t n;
	int fd, rc = EXIT_USAGE;

	*text = NULL;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		if ((errno == ENOENT || errno == ENOTDIR) && !explicit)
			rc = 0;
		else if (errno == ELOOP)
			cli_error("config %s is a symlink; it is read only as a file of your own",
				  shown);
		else
			cli_error("cannot open config %s: %s", shown, strerror(errno));
		goto out;
	}
	if (fstat(fd, &st) < 0) {
		cli_error("config %s: %s", shown, strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		cli_error("config %s is not a regular file", shown);
	} else if (st.st_uid != geteuid()) {
		cli_error("config %s is not owned by you (uid %u)", shown, (unsigned)st.st_uid);
	} else if (st.st_mode & (S_IWGRP | S_IWOTH)) {
		cli_error(
			"config %s is writable by group or others (mode %04o); run chmod 600 on it",
			shown, (unsigned)(st.st_mode & 07777));
	} else if (st.st_size > CONFIG_MAX_BYTES) {
		cli_error("config %s is too large (over %d bytes)", shown, CONFIG_MAX_BYTES);
	} else if (!(buf = malloc(CONFIG_MAX_BYTES + 2))) {
		cli_error("out of memory");
	} else {
		/* read to the cap and one byte past it: the size may have changed */
		while (len <= CONFIG_MAX_BYTES &&
		       (n = read(fd, buf + len, CONFIG_MAX_BYTES + 1 - len)) != 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				break;
			len += (size_t)n;
		}
		if (n < 0)
			cli_error("cannot read config %s: %s", shown, strerror(errno));
		else if (len > CONFIG_MAX_BYTES)
			cli_error("config %s is too large (over %d bytes)", shown,
				  CONFIG_MAX_BYTES);
		else if (memchr(buf, '\0', len))
			cli_error("config %s holds a NUL byte", shown);
		else
			rc = 0;
	}
	if (rc == 0) {
		buf[len] = '\0';
		*text = buf;
		buf = NULL;
	}
	close(fd);
out:
	free(buf);
	free(shown);
	return rc;
}

static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		*--end = '\0';
	return s;
}

static bool rule_id_ok(const char *id)
{
	size_t n = strlen(id);

	if (n == 0 || n > RULE_ID_MAX)
		return false;
	for (; *id; id++)
		if (!((*id >= 'A' && *id <= 'Z') || (*id >= 'a' && *id <= 'z') ||
		      (*id >= '0' && *id <= '9') || *id == '_' || *id == '-'))
			return false;
	return true;
}

/* One error about FILE:LINE. */
static int line_error(const char *shown, unsigned int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int line_error(const char *shown, unsigned int line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return cli_error("config %s:%u: %s", shown, line, msg);
}

/* line_error with one value of the file, shown escaped. */
static int value_error(const char *shown, unsigned int line, const char *what, const char *value,
		       const char *why)
{
	char *v = cli_escape(value);
	int rc = line_error(shown, line, "%s'%s'%s", what, v, why);

	free(v);
	return rc;
}

static int add_disabled(struct user_config *c, const char *shown, unsigned int line, char *value)
{
	for (char *id = strtok(value, " \t,"); id; id = strtok(NULL, " \t,")) {
		size_t i;

		if (!rule_id_ok(id))
			return value_error(shown, line, "disable: ", id, " is not a rule id");
		for (i = 0; i < c->ndisabled && strcmp(c->disabled[i], id) != 0; i++)
			;
		if (i < c->ndisabled)
			continue; /* named twice: once is enough */
		if (c->ndisabled == CONFIG_MAX_RULES)
			return line_error(shown, line, "disable: more than %d rules",
					  CONFIG_MAX_RULES);
		if (!(c->disabled[c->ndisabled] = strdup(id)))
			return cli_error("out of memory");
		c->disabled_line[c->ndisabled++] = line;
	}
	return 0;
}

/* Parses `text` into c. Returns 0 or EXIT_USAGE after a one-line error. */
static int parse_config(struct user_config *c, char *text, const char *shown)
{
	unsigned int line = 0, fail_on_line = 0;
	char *next = text;
	int rc = 0;

	while (rc == 0 && next && *next) {
		char *cur = next, *eq, *key, *value, *hash;

		next = strchr(cur, '\n');
		if (next)
			*next++ = '\0';
		line++;
		if ((hash = strchr(cur, '#')))
			*hash = '\0';
		cur = trim(cur);
		if (!*cur)
			continue;
		if (!(eq = strchr(cur, '='))) {
			rc = value_error(shown, line, "expected 'key = value', got ", cur, "");
			break;
		}
		*eq = '\0';
		key = trim(cur);
		value = trim(eq + 1);
		if (strcmp(key, "fail-on") == 0) {
			if (fail_on_line)
				rc = line_error(shown, line,
						"fail-on is set twice (first on line %u)",
						fail_on_line);
			else if (airlock_severity_parse(&c->fail_on, value) < 0)
				rc = value_error(
					shown, line, "fail-on: ", value,
					" is not a severity (info, low, medium, high or critical)");
			fail_on_line = line;
		} else if (strcmp(key, "disable") == 0) {
			rc = *value ? add_disabled(c, shown, line, value)
				    : line_error(shown, line, "disable needs rule ids");
		} else {
			rc = value_error(shown, line, "unknown key ", key,
					 " (expected fail-on or disable)");
		}
	}
	return rc;
}

/* Every disabled id is a rule of the catalogue `airlock rules` lists. */
static int check_rules(const struct user_config *c, const char *shown)
{
	airlock_options opts = AIRLOCK_OPTIONS_INIT;
	airlock_rules *rules = NULL;
	int rc = 0;

	opts.signatures = cli_signatures_path();
	if (airlock_rules_load(&rules, &opts) < 0)
		return 0; /* no catalogue here: the scan itself checks them */
	for (size_t i = 0; i < c->ndisabled && rc == 0; i++)
		if (!airlock_rules_find(rules, c->disabled[i]))
			rc = value_error(shown, c->disabled_line[i], "disable: no rule ",
					 c->disabled[i], " (see 'airlock rules')");
	airlock_rules_free(rules);
	return rc;
}

static int load_config(struct user_config *c)
{
	bool explicit;
	char *text = NULL, *shown;
	int rc;

	errno = 0;
	if (!(c->path = config_path(&explicit)))
		return errno == ENOMEM ? cli_error("out of memory") : 0;
	if ((rc = read_config(&text, c->path, explicit)) != 0 || !text) {
		free(c->path);
		c->path = NULL;
		return rc;
	}
	shown = cli_escape(c->path);
	rc = parse_config(c, text, shown);
	if (rc == 0 && c->ndisabled)
		rc = check_rules(c, shown);
	free(shown);
	free(text);
	return rc;
}

static bool walk_drawn;

/* The walk of a large project, on a terminal: the entries read so far. */
static int walk_progress(size_t done, size_t total, uint64_t bytes, void *payload)
{
	(void)total;
	(void)bytes;
	(void)payload;
	fprintf(stderr, "\r\033[Kairlock: reading the project: %zu entries", done);
	walk_drawn = true;
	return 0;
}

void cli_progress_clear(void)
{
	if (walk_drawn)
		fputs("\r\033[K", stderr);
	walk_drawn = false;
}

int cli_project_open(airlock_project **out, const char *dir, const airlock_options *opts)
{
	int rc = airlock_project_open(out, dir, opts);

	cli_progress_clear();
	return rc;
}

void cli_base_options(airlock_options *opts)
{
	airlock_options init = AIRLOCK_OPTIONS_INIT;

	*opts = init;
	opts->signatures = cli_signatures_path();
	if (isatty(STDERR_FILENO))
		opts->walk_progress = walk_progress;
}

int cli_options(airlock_options *opts)
{
	cli_base_options(opts);
	if (!loaded) {
		int rc = load_config(&config);

		if (rc != 0)
			return rc;
		loaded = true;
	}
	opts->block_threshold = config.fail_on ? config.fail_on : AIRLOCK_SEVERITY_HIGH;
	opts->disabled_rules = (const char *const *)config.disabled;
	opts->ndisabled = config.ndisabled;
	return 0;
}

void cli_disabled_note(FILE *f)
{
	char *shown;

	if (!loaded || !config.ndisabled)
		return;
	shown = cli_escape(config.path);
	fprintf(f, "%zu rule%s disabled by %s:", config.ndisabled, config.ndisabled == 1 ? "" : "s",
		shown);
	for (size_t i = 0; i < config.ndisabled; i++)
		fprintf(f, " %s", config.disabled[i]);
	fputc('\n', f);
	free(shown);
}

json_t *cli_disabled_json(void)
{
	json_t *a = json_array();

	for (size_t i = 0; a && loaded && i < config.ndisabled; i++)
		if (json_array_append_new(a, json_string(config.disabled[i])) < 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}
