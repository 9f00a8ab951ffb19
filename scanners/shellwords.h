/*
 * shellwords.h - the names the shell analysis knows: shells and
 * interpreters, credential paths, secret variables and their vendors'
 * hosts, persistence paths. Tables, no parsing; other scanners use them too.
 */
#ifndef AIRLOCK_SCANNERS_SHELLWORDS_H
#define AIRLOCK_SCANNERS_SHELLWORDS_H

#include <stdbool.h>
#include <stddef.h>

enum shell_list {
	SL_HTTP,    /* curl, wget, httpie: talk HTTP */
	SL_RAW,     /* nc, socat, ssh: raw channels */
	SL_DNS,     /* dig, nslookup: DNS lookups */
	SL_READERS, /* cat, base64, tar, cp: read the files they are given */
	SL_WRAPPERS /* sudo, env, nohup, xargs: run the next word */
};

/* True when `name` (a program's base name) is on list `l`. */
bool al_shell_listed(enum shell_list l, const char *name);

/* True when writing to `path` makes code run later or weakens a guard (rc
 * files, cron, systemd, launchd, git hooks, authorized_keys, the agent's
 * settings, airlock's trust store). */
bool al_shell_persistence_path(const char *path);

/* True when `name` (a program's base name) is a shell. */
bool al_shell_is_shell(const char *name, size_t len);

/* True when `name` is an interpreter that runs code given with -c/-e. */
bool al_shell_is_interpreter(const char *name, size_t len);

/* True when the path names a credential file or store (~/.ssh/, .env,
 * ~/.aws/credentials, ~/.netrc ...). */
bool al_shell_credential_path(const char *path);

/* True when path[0..n) is a public key or a list of known hosts: in
 * ~/.ssh, and no secret. */
bool al_shell_public_path(const char *path, size_t n);

/* True when a variable's name says it holds a secret ($GITHUB_TOKEN,
 * $AWS_SECRET_ACCESS_KEY, $DB_PASSWORD). */
bool al_shell_secret_name(const char *var);

/* True when `host` (as al_url_host gives it; "" for none) is one of the
 * domains of the variable's vendor (GITHUB_TOKEN: github.com ...) or a name
 * under one with the same registrable domain: a vendor's token sent to the
 * vendor. A variable named after no known vendor belongs anywhere. */
bool al_shell_vendor_host(const char *var, const char *host);

/* True when the variable's first word (4 letters or more, no known
 * vendor's) is the name the host's domain is registered under:
 * $CODECOV_TOKEN to api.codecov.io. */
bool al_shell_named_host(const char *var, const char *host);

/* True when the variable is named after a known vendor (GITHUB_, AWS_ ...). */
bool al_shell_foreign_vendor(const char *var);

#endif
