/*
 * shellwords.c - what the shell analysis knows by name: programs (shells,
 * interpreters, network tools, readers, wrappers), credential and
 * persistence paths, secret-looking variables and the vendors they belong to.
 * Data in one place, so that adding a tool is adding a word.
 */
#include <stdbool.h>
#include <string.h>

#include "scanners/shellwords.h"

static bool in_list(const char *s, size_t len, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == len && memcmp(*list, s, len) == 0)
			return true;
	return false;
}

static const char *const shells[] = { "sh",   "bash", "zsh",  "dash",    "ksh",
				      "mksh", "ash",  "fish", "busybox", NULL };
static const char *const interpreters[] = { "python", "python2",   "python3", "node",
					    "nodejs", "perl",      "ruby",    "php",
					    "deno",   "bun",       "pwsh",    "powershell",
					    "lua",    "osascript", NULL };
static const char *const http_tools[] = { "curl",   "wget",  "http",        "https", "httpie",
					  "aria2c", "fetch", "lwp-request", "xh",    NULL };
static const char *const raw_tools[] = { "nc",  "ncat", "netcat", "socat",   "telnet",
					 "ssh", "sftp", "ftp",    "openssl", NULL };
static const char *const dns_tools[] = { "dig", "nslookup", "host", "drill", NULL };
static const char *const readers[] = { "cat",  "less",    "more",     "head",    "tail",  "base64",
				       "tar",  "zip",     "gzip",     "xxd",     "od",    "strings",
				       "cp",   "scp",     "rsync",    "gpg",     "sed",   "awk",
				       "grep", "jq",      "nl",       "tac",     "bzip2", "xz",
				       "7z",   "hexdump", "uuencode", "openssl", "dd",    NULL };
static const char *const wrappers[] = { "sudo",    "doas",    "env",     "nohup", "exec",
					"command", "time",    "timeout", "nice",  "stdbuf",
					"xargs",   "builtin", NULL };

bool al_shell_is_shell(const char *name, size_t len)
{
	return in_list(name, len, shells);
}

bool al_shell_is_interpreter(const char *name, size_t len)
{
	/* python3.12, node18 */
	while (len > 1 && ((name[len - 1] >= '0' && name[len - 1] <= '9') || name[len - 1] == '.'))
		len--;
	return in_list(name, len, interpreters);
}

static bool has(const char *s, const char *needle)
{
	return strstr(s, needle) != NULL;
}

bool al_shell_credential_path(const char *s)
{
	static const char *const paths[] = { ".ssh/",
					     "id_rsa",
					     "id_ed25519",
					     "id_ecdsa",
					     ".aws/",
					     ".netrc",
					     ".npmrc",
					     ".pypirc",
					     ".docker/config.json",
					     ".kube/config",
					     ".git-credentials",
					     ".config/gh/hosts",
					     ".gnupg",
					     "/etc/shadow",
					     ".claude/.credentials",
					     ".claude.json",
					     ".config/gcloud",
					     ".azure/",
					     "Keychains",
					     ".vault-token",
					     "/environ",
					     NULL };
	size_t n = strlen(s);

	/* public keys and host lists are not secrets (ssh-copy-id sends one) */
	if ((n > 4 && strcmp(s + n - 4, ".pub") == 0) || has(s, "known_hosts"))
		return false;
	static const char *const dirs[] = { ".ssh", ".aws", ".kube", ".docker", ".gnupg", NULL };

	for (int i = 0; paths[i]; i++)
		if (has(s, paths[i]))
			return true;
	/* the folder itself: tar -C ~ .ssh, ~/.aws */
	for (int i = 0; dirs[i]; i++) {
		size_t d = strlen(dirs[i]);

		if (n >= d && strcmp(s + n - d, dirs[i]) == 0 && (n == d || s[n - d - 1] == '/'))
			return true;
	}
	/* a dotenv file: .env, dir/.env, .env.local */
	return (n >= 4 && strcmp(s + n - 4, ".env") == 0 && (n == 4 || s[n - 5] == '/')) ||
	       strncmp(s, ".env.", 5) == 0 || has(s, "/.env.");
}

/* Where a write makes something run later, or weakens a guard. */
bool al_shell_persistence_path(const char *s)
{
	static const char *const paths[] = { ".bashrc",
					     ".bash_profile",
					     ".bash_login",
					     ".zshrc",
					     ".zprofile",
					     ".zshenv",
					     ".profile",
					     "/etc/profile",
					     "/etc/cron",
					     "crontab",
					     "/systemd/",
					     "LaunchAgents",
					     "LaunchDaemons",
					     ".git/hooks",
					     "authorized_keys",
					     ".claude/settings",
					     ".claude.json",
					     "airlock/trust",
					     ".local/share/airlock",
					     "/etc/sudoers",
					     "/etc/ld.so.preload",
					     ".config/fish/config",
					     ".gitconfig",
					     NULL };

	for (int i = 0; paths[i]; i++)
		if (has(s, paths[i]))
			return true;
	return false;
}

/* $ANTHROPIC_API_KEY, $GITHUB_TOKEN, $AWS_SECRET_ACCESS_KEY, $DB_PASSWORD. */
bool al_shell_secret_name(const char *v)
{
	static const char *const parts[] = { "TOKEN",      "SECRET",   "PASSWORD",    "PASSWD",
					     "API_KEY",    "APIKEY",   "PRIVATE_KEY", "ACCESS_KEY",
					     "CREDENTIAL", "AUTH_KEY", NULL };

	if (strncmp(v, "AWS_", 4) == 0)
		return true;
	for (int i = 0; parts[i]; i++)
		if (has(v, parts[i]))
			return true;
	return false;
}

bool al_shell_listed(enum shell_list l, const char *name)
{
	static const char *const *const lists[] = {
		[SL_HTTP] = http_tools, [SL_RAW] = raw_tools,     [SL_DNS] = dns_tools,
		[SL_READERS] = readers, [SL_WRAPPERS] = wrappers,
	};

	return in_list(name, strlen(name), lists[l]);
}

/* Vendors whose tokens are named after them, and the domain each belongs to. */
static const struct {
	const char *prefix, *domain;
} vendors[] = {
	{ "GITHUB", "github" },
	{ "GH", "github" },
	{ "GITLAB", "gitlab" },
	{ "ANTHROPIC", "anthropic.com" },
	{ "CLAUDE", "anthropic.com" },
	{ "OPENAI", "openai.com" },
	{ "AWS", "amazonaws.com" },
	{ "SLACK", "slack.com" },
	{ "NPM", "npmjs" },
	{ "STRIPE", "stripe.com" },
	{ "GOOGLE", "google" },
	{ "GCP", "google" },
	{ "AZURE", "azure" },
	{ "HF", "huggingface" },
	{ "HUGGINGFACE", "huggingface" },
	{ "DOCKER", "docker" },
	{ "LINEAR", "linear.app" },
	{ "SENTRY", "sentry" },
	{ "DATADOG", "datadog" },
	{ "CLOUDFLARE", "cloudflare" },
	{ "VERCEL", "vercel" },
	{ "NOTION", "notion" },
	{ "ATLASSIAN", "atlassian" },
	{ "JIRA", "atlassian" },
};

/* The registered name of `host` (maybe with :port or a path after it): the
 * label before the top-level domain ("github" of api.github.com). Its start
 * and length; false when the host has no such label. */
static bool registered_label(const char *host, size_t *start, size_t *len)
{
	size_t dot, s;

	for (dot = strcspn(host, ":/"); dot > 0 && host[dot - 1] != '.'; dot--)
		;
	if (dot < 2)
		return false;
	for (s = dot - 1; s > 0 && host[s - 1] != '.'; s--)
		;
	*start = s;
	*len = dot - 1 - s;
	return true;
}

/* True when `host` is the vendor's: the domain itself or a name under it
 * ("api.anthropic.com" for anthropic.com); for a bare registered name
 * ("github"), the registered name starts with it (api.github.com,
 * githubusercontent.com). Containing the name is not enough:
 * github.evil.example and api.anthropic.com.evil.example belong to
 * evil.example. */
static bool vendor_domain(const char *host, const char *domain)
{
	size_t end = strcspn(host, ":/"), n = strlen(domain), start, len;

	if (strchr(domain, '.'))
		return end >= n && strncasecmp(host + end - n, domain, n) == 0 &&
		       (end == n || host[end - n - 1] == '.');
	return registered_label(host, &start, &len) && len >= n &&
	       strncasecmp(host + start, domain, n) == 0;
}

bool al_shell_vendor_host(const char *var, const char *host)
{
	size_t n = strcspn(var, "_");

	for (size_t i = 0; i < sizeof(vendors) / sizeof(vendors[0]); i++)
		if (strlen(vendors[i].prefix) == n && strncmp(var, vendors[i].prefix, n) == 0)
			return vendor_domain(host, vendors[i].domain);
	/* A token named after no vendor we know (API_KEY, DOCS_TOKEN) is taken
	 * to belong to where the configuration sends it. */
	return !al_shell_foreign_vendor(var);
}

/* $PUSHOVER_APP_TOKEN to api.pushover.net, $CODECOV_TOKEN to codecov.io: the
 * variable's first word is the host's registered name (the label before the
 * top-level domain, so that pushover.attacker.example does not count). */
bool al_shell_named_host(const char *var, const char *host)
{
	size_t n = strcspn(var, "_"), start, len;

	return n >= 4 && registered_label(host, &start, &len) && len == n &&
	       strncasecmp(host + start, var, n) == 0;
}

bool al_shell_foreign_vendor(const char *var)
{
	size_t n = strcspn(var, "_");

	for (size_t i = 0; i < sizeof(vendors) / sizeof(vendors[0]); i++)
		if (strlen(vendors[i].prefix) == n && strncmp(var, vendors[i].prefix, n) == 0)
			return true;
	return false;
}
