/*
 * access.c - airlock_config's read-only accessors and its free.
 */
#include <stdlib.h>

#include "config/config.h"

static void free_kvs(struct kv *kv, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(kv[i].name);
		free(kv[i].value);
	}
	free(kv);
}

static void free_strings(char **s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

void airlock_config_free(airlock_config *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nhooks; i++) {
		free(c->hooks[i].event);
		free(c->hooks[i].matcher);
		free(c->hooks[i].type);
		free(c->hooks[i].command);
		free(c->hooks[i].url);
	}
	free(c->hooks);
	for (size_t i = 0; i < c->nmcp; i++) {
		struct airlock_mcp_server *m = &c->mcp[i];

		free(m->name);
		free(m->transport);
		free(m->command);
		free(m->url);
		free_strings(m->args, m->nargs);
		free_kvs(m->env, m->nenv);
		free_kvs(m->headers, m->nheaders);
		for (size_t h = 0; h < sizeof(m->helpers) / sizeof(m->helpers[0]); h++)
			free(m->helpers[h]);
	}
	free(c->mcp);
	free_kvs(c->env, c->nenv);
	for (size_t l = 0; l < sizeof(c->permissions) / sizeof(c->permissions[0]); l++)
		free_strings(c->permissions[l].items, c->permissions[l].count);
	free(c->default_mode);
	for (size_t h = 0; h < sizeof(c->helpers) / sizeof(c->helpers[0]); h++)
		free(c->helpers[h]);
	for (size_t i = 0; i < c->ninstructions; i++) {
		free(c->instructions[i].path);
		free(c->instructions[i].text);
	}
	free(c->instructions);
	free(c);
}

airlock_state airlock_config_state(const airlock_config *c)
{
	return c->state;
}

size_t airlock_config_hook_count(const airlock_config *c)
{
	return c->nhooks;
}

const airlock_hook *airlock_config_hook(const airlock_config *c, size_t i)
{
	return i < c->nhooks ? &c->hooks[i] : NULL;
}

const char *airlock_hook_event(const airlock_hook *h)
{
	return h->event;
}

const char *airlock_hook_matcher(const airlock_hook *h)
{
	return h->matcher;
}

const char *airlock_hook_type(const airlock_hook *h)
{
	return h->type;
}

const char *airlock_hook_command(const airlock_hook *h)
{
	return h->command;
}

const char *airlock_hook_url(const airlock_hook *h)
{
	return h->url;
}

double airlock_hook_timeout(const airlock_hook *h)
{
	return h->timeout;
}

size_t airlock_config_mcp_count(const airlock_config *c)
{
	return c->nmcp;
}

const airlock_mcp_server *airlock_config_mcp(const airlock_config *c, size_t i)
{
	return i < c->nmcp ? &c->mcp[i] : NULL;
}

const char *airlock_mcp_name(const airlock_mcp_server *m)
{
	return m->name;
}

const char *airlock_mcp_transport(const airlock_mcp_server *m)
{
	return m->transport;
}

const char *airlock_mcp_command(const airlock_mcp_server *m)
{
	return m->command;
}

size_t airlock_mcp_arg_count(const airlock_mcp_server *m)
{
	return m->nargs;
}

const char *airlock_mcp_arg(const airlock_mcp_server *m, size_t i)
{
	return i < m->nargs ? m->args[i] : NULL;
}

const char *airlock_mcp_url(const airlock_mcp_server *m)
{
	return m->url;
}

size_t airlock_mcp_env_count(const airlock_mcp_server *m)
{
	return m->nenv;
}

const char *airlock_mcp_env_name(const airlock_mcp_server *m, size_t i)
{
	return i < m->nenv ? m->env[i].name : NULL;
}

const char *airlock_mcp_env_value(const airlock_mcp_server *m, size_t i)
{
	return i < m->nenv ? m->env[i].value : NULL;
}

size_t airlock_mcp_header_count(const airlock_mcp_server *m)
{
	return m->nheaders;
}

const char *airlock_mcp_header_name(const airlock_mcp_server *m, size_t i)
{
	return i < m->nheaders ? m->headers[i].name : NULL;
}

const char *airlock_mcp_header_value(const airlock_mcp_server *m, size_t i)
{
	return i < m->nheaders ? m->headers[i].value : NULL;
}

const char *airlock_mcp_helper(const airlock_mcp_server *m, airlock_helper h)
{
	const struct helper_key *k = al_helper_key(h);

	return k && k->scope == HELPER_MCP_SERVER ? m->helpers[h] : NULL;
}

size_t airlock_config_env_count(const airlock_config *c)
{
	return c->nenv;
}

const char *airlock_config_env_name(const airlock_config *c, size_t i)
{
	return i < c->nenv ? c->env[i].name : NULL;
}

const char *airlock_config_env_value(const airlock_config *c, size_t i)
{
	return i < c->nenv ? c->env[i].value : NULL;
}

static const struct strlist *permission_list(const airlock_config *c, airlock_permission_list l)
{
	if (l < AIRLOCK_PERMISSION_ALLOW || l > AIRLOCK_PERMISSION_ADDITIONAL_DIRECTORIES)
		return NULL;
	return &c->permissions[l];
}

size_t airlock_config_permission_count(const airlock_config *c, airlock_permission_list list)
{
	const struct strlist *sl = permission_list(c, list);

	return sl ? sl->count : 0;
}

const char *airlock_config_permission(const airlock_config *c, airlock_permission_list list,
				      size_t i)
{
	const struct strlist *sl = permission_list(c, list);

	return sl && i < sl->count ? sl->items[i] : NULL;
}

const char *airlock_config_default_mode(const airlock_config *c)
{
	return c->default_mode;
}

const char *airlock_config_helper(const airlock_config *c, airlock_helper h)
{
	const struct helper_key *k = al_helper_key(h);

	return k && k->scope == HELPER_SETTINGS ? c->helpers[h] : NULL;
}

size_t airlock_config_instruction_count(const airlock_config *c)
{
	return c->ninstructions;
}

const char *airlock_config_instruction_path(const airlock_config *c, size_t i)
{
	return i < c->ninstructions ? c->instructions[i].path : NULL;
}

const char *airlock_config_instruction_text(const airlock_config *c, size_t i, size_t *len)
{
	if (i >= c->ninstructions)
		return NULL;
	if (len)
		*len = c->instructions[i].len;
	return c->instructions[i].text;
}
