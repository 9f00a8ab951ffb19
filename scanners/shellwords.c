/*
 * shellwords.c - what the shell analysis knows by name: programs (shells,
 * interpreters, network tools, readers, wrappers), credential and
 * persistence paths, secret-looking variables and the vendors they belong to.
 * Data in one place, so that adding a tool is adding a word.
 */
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "common/url.h"
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

bool al_shell_public_path(const char *s, size_t n)
{
	/* public keys and host lists are not secrets (ssh-copy-id sends one) */
	return (n > 4 && memcmp(s + n - 4, ".pub", 4) == 0) ||
	       memmem(s, n, "known_hosts", 11) != NULL;
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

	if (al_shell_public_path(s, n))
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

/* Vendors whose tokens are named after them, and the domains each owns:
 * a host is the vendor's when it is one of them or a name under one that
 * belongs to the same registrable domain (common/url.h, al_host_within).
 * Whole domains, never a name to look for inside a host: "github" once
 * matched github-evil.com and attacker.github.io. A domain that is itself a
 * public suffix (githubusercontent.com, where each name is another site)
 * matches only exactly, so GitHub's own names there are listed one by one. */
static const struct {
	const char *prefix;
	const char *domains[5];
} vendors[] = {
	{ "GITHUB",
	  { "github.com", "githubcopilot.com", "ghcr.io", "raw.githubusercontent.com",
	    "objects.githubusercontent.com" } },
	{ "GH",
	  { "github.com", "githubcopilot.com", "ghcr.io", "raw.githubusercontent.com",
	    "objects.githubusercontent.com" } },
	{ "GITLAB", { "gitlab.com" } },
	{ "ANTHROPIC", { "anthropic.com" } },
	{ "CLAUDE", { "anthropic.com" } },
	{ "OPENAI", { "openai.com" } },
	{ "AWS", { "amazonaws.com" } },
	{ "SLACK", { "slack.com" } },
	{ "NPM", { "npmjs.org", "npmjs.com" } },
	{ "STRIPE", { "stripe.com" } },
	{ "GOOGLE", { "google.com", "googleapis.com" } },
	{ "GCP", { "google.com", "googleapis.com" } },
	{ "AZURE", { "azure.com", "azure.net" } },
	{ "HF", { "huggingface.co", "hf.co" } },
	{ "HUGGINGFACE", { "huggingface.co", "hf.co" } },
	{ "DOCKER", { "docker.com", "docker.io" } },
	{ "LINEAR", { "linear.app" } },
	{ "SENTRY", { "sentry.io" } },
	{ "DATADOG", { "datadoghq.com", "datadoghq.eu" } },
	{ "CLOUDFLARE", { "cloudflare.com" } },
	{ "VERCEL", { "vercel.com" } },
	{ "NOTION", { "notion.so", "notion.com" } },
	{ "ATLASSIAN", { "atlassian.com", "atlassian.net" } },
	{ "JIRA", { "atlassian.com", "atlassian.net" } },
};

bool al_shell_vendor_host(const char *var, const char *host)
{
	size_t n = strcspn(var, "_");

	for (size_t i = 0; i < sizeof(vendors) / sizeof(vendors[0]); i++) {
		if (strlen(vendors[i].prefix) != n || strncmp(var, vendors[i].prefix, n) != 0)
			continue;
		for (size_t d = 0; d < 5 && vendors[i].domains[d]; d++)
			if (al_host_within(host, vendors[i].domains[d]))
				return true;
		return false;
	}
	/* A token named after no vendor we know (API_KEY, DOCS_TOKEN) is taken
	 * to belong to where the configuration sends it. */
	return !al_shell_foreign_vendor(var);
}

/* $PUSHOVER_APP_TOKEN to api.pushover.net, $CODECOV_TOKEN to codecov.io or
 * codecov.co.uk: the variable's first word is the name the host's domain
 * was registered under (the Public Suffix List's registrable domain, so
 * that pushover.attacker.example, pushover.herokuapp.com and
 * pushover.github.io do not count). Not for a known vendor's token, which
 * goes to the vendor's domains only: anyone may register github.co.uk. */
bool al_shell_named_host(const char *var, const char *host)
{
	size_t n = strcspn(var, "_"), len;
	const char *name;

	if (n < 4 || al_shell_foreign_vendor(var))
		return false;
	name = al_host_registered_name(host, &len);
	return name && len == n && strncasecmp(name, var, n) == 0;
}

bool al_shell_foreign_vendor(const char *var)
{
	size_t n = strcspn(var, "_");

	for (size_t i = 0; i < sizeof(vendors) / sizeof(vendors[0]); i++)
		if (strlen(vendors[i].prefix) == n && strncmp(var, vendors[i].prefix, n) == 0)
			return true;
	return false;
}
