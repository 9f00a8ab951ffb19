/*
 * shellwords.h - the names the shell analysis knows (scanners/shellwords.c);
 * the ones other scanners use are declared in scanners/shell.h.
 */
#ifndef AIRLOCK_SCANNERS_SHELLWORDS_H
#define AIRLOCK_SCANNERS_SHELLWORDS_H

#include <stdbool.h>

enum shell_list {
	SL_HTTP,    /* curl, wget, httpie: talk HTTP */
	SL_RAW,     /* nc, socat, ssh: raw channels */
	SL_DNS,     /* dig, nslookup: DNS lookups */
	SL_READERS, /* cat, base64, tar, cp: read the files they are given */
	SL_WRAPPERS /* sudo, env, nohup, xargs: run the next word */
};

/* True when `name` (a program's base name) is on list `l`. */
bool shell_listed(enum shell_list l, const char *name);

/* True when writing to `path` makes code run later or weakens a guard (rc
 * files, cron, systemd, launchd, git hooks, authorized_keys, the agent's
 * settings, airlock's trust store). */
bool shell_persistence_path(const char *path);

#endif
