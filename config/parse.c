/*
 * parse.c - parse the snapshot's executable JSON into a typed configuration.
 *
 * Strict by design: duplicate keys, comments, trailing commas, a BOM, a
 * non-object root, nesting past LIMIT_JSON_DEPTH, or a known key of the wrong
 * type each make the whole load fail with the file and the reason. A partial
 * configuration would be one the person never saw.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "common/error.h"
#include "common/jsonio.h"
#include "common/limits.h"
#include "common/utf8.h"
#include "config/config.h"
#include "formats/formats.h"
#include "surfaces/keys.h"

static const char *const permission_keys[] = {
	[AIRLOCK_PERMISSION_ALLOW] = "allow",
	[AIRLOCK_PERMISSION_DENY] = "deny",
	[AIRLOCK_PERMISSION_ASK] = "ask",
	[AIRLOCK_PERMISSION_ADDITIONAL_DIRECTORIES] = "additionalDirectories",
};

struct parse {
	struct airlock_config *c;
	const char *file; /* for messages */
};

static int invalid(const struct parse *ps, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int invalid(const struct parse *ps, const char *fmt, ...)
{
	char msg[256];
	char *shown = al_utf8_escape(ps->file, strlen(ps->file), false);
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	rc = al_error_set(AIRLOCK_EINVALID, "%s: %s", shown ? shown : "?", msg);
	free(shown);
	return rc;
}

static int load_json(json_t **out, const struct parse *ps, const struct airlock_entry *e)
{
	json_error_t jerr;
	bool oom;

	*out = NULL;
	if (!e->data)
		return invalid(ps, "could not be read");
	if (!al_json_depth_ok((const char *)e->data, e->data_len, LIMIT_JSON_DEPTH))
		return invalid(ps, "nested deeper than %d levels", LIMIT_JSON_DEPTH);
	*out = al_json_loadb((const char *)e->data, e->data_len, JSON_REJECT_DUPLICATES, &jerr,
			     &oom);
	if (!*out && oom)
		return al_error_oom();
	if (!*out)
		return invalid(ps, "line %d, column %d: %s", jerr.line, jerr.column, jerr.text);
	if (!json_is_object(*out)) {
		json_decref(*out);
		*out = NULL;
		return invalid(ps, "the top level is not a JSON object");
	}
	return 0;
}

/* --- typed extraction ---------------------------------------------------------- */

static int dup_string(const struct parse *ps, char **out, json_t *v, const char *what)
{
	*out = NULL;
	if (!v)
		return 0;
	if (!json_is_string(v))
		return invalid(ps, "%s is not a string", what);
	return (*out = strdup(json_string_value(v))) ? 0 : al_error_oom();
}

static int string_map(const struct parse *ps, struct kv **out, size_t *n, json_t *obj,
		      const char *what)
{
	const char *key;
	json_t *v;

	*out = NULL;
	*n = 0;
	if (!obj)
		return 0;
	if (!json_is_object(obj))
		return invalid(ps, "%s is not an object", what);
	if (!(*out = calloc(json_object_size(obj) + 1, sizeof(**out))))
		return al_error_oom();
	json_object_foreach(obj, key, v)
	{
		struct kv *kv = &(*out)[*n];

		if (!json_is_string(v))
			return invalid(ps, "%s.%s is not a string", what, key);
		kv->name = strdup(key);
		kv->value = strdup(json_string_value(v));
		(*n)++;
		if (!kv->name || !kv->value)
			return al_error_oom();
	}
	return 0;
}

static int string_list(const struct parse *ps, char ***out, size_t *n, json_t *arr,
		       const char *what)
{
	json_t *v;
	size_t i;

	*out = NULL;
	*n = 0;
	if (!arr)
		return 0;
	if (!json_is_array(arr))
		return invalid(ps, "%s is not an array", what);
	if (!(*out = calloc(json_array_size(arr) + 1, sizeof(**out))))
		return al_error_oom();
	json_array_foreach(arr, i, v)
	{
		if (!json_is_string(v))
			return invalid(ps, "%s[%zu] is not a string", what, i);
		if (!((*out)[(*n)++] = strdup(json_string_value(v))))
			return al_error_oom();
	}
	return 0;
}

/* The helper commands of the table's rows in `scope` that `obj` holds, into
 * helpers[] by airlock_helper. */
static int parse_helpers(const struct parse *ps, char **helpers, json_t *obj,
			 enum helper_scope scope)
{
	char what[64];
	int error;

	for (size_t i = 0; i < al_helper_key_count; i++) {
		const struct helper_key *k = &al_helper_keys[i];
		json_t *v = json_object_get(obj, k->key);

		if (k->scope != scope)
			continue;
		if (k->form == HELPER_OBJECT) {
			if (v && !json_is_object(v))
				return invalid(ps, "%s is not an object", k->key);
			v = json_object_get(v, "command");
		}
		snprintf(what, sizeof(what), "%s%s", k->key,
			 k->form == HELPER_OBJECT ? ".command" : "");
		if ((error = dup_string(ps, &helpers[k->helper], v, what)) < 0)
			return error;
	}
	return 0;
}

static int add_hook(const struct parse *ps, const char *event, json_t *matcher, json_t *h)
{
	struct airlock_config *c = ps->c;
	struct airlock_hook *grown, *hook;
	json_t *timeout, *cmd;
	int error;

	if (!json_is_object(h))
		return invalid(ps, "hooks.%s: a hook is not an object", event);
	if (!(grown = realloc(c->hooks, (c->nhooks + 1) * sizeof(*grown))))
		return al_error_oom();
	c->hooks = grown;
	hook = &c->hooks[c->nhooks++];
	memset(hook, 0, sizeof(*hook));
	timeout = json_object_get(h, "timeout");
	/* the agent picks by type: "http" runs the url, whatever command is
	 * beside it (a harmless command must not be what the review shows) */
	if (json_is_string(json_object_get(h, "type")) &&
	    strcmp(json_string_value(json_object_get(h, "type")), "http") == 0)
		cmd = json_object_get(h, "url");
	else if (!(cmd = json_object_get(h, "command")))
		cmd = json_object_get(h, "url");
	if (!(hook->event = strdup(event)))
		return al_error_oom();
	if ((error = dup_string(ps, &hook->matcher, matcher, "a hook matcher")) < 0 ||
	    (error = dup_string(ps, &hook->type, json_object_get(h, "type"), "a hook type")) < 0 ||
	    (error = dup_string(ps, &hook->command, cmd, "a hook command")) < 0 ||
	    (error = dup_string(ps, &hook->url, json_object_get(h, "url"), "a hook url")) < 0)
		return error;
	if (!hook->command)
		return invalid(ps, "hooks.%s: a hook has no command or url", event);
	if (!hook->type && !(hook->type = strdup("command")))
		return al_error_oom();
	if (timeout && !json_is_number(timeout))
		return invalid(ps, "hooks.%s: a timeout is not a number", event);
	hook->timeout = timeout ? json_number_value(timeout) : 0;
	return 0;
}

/* {event: [{matcher?, hooks: [{type, command|url, timeout?}]}]} */
static int parse_hooks(const struct parse *ps, json_t *hooks)
{
	const char *event;
	json_t *groups, *group, *h;
	size_t i, j;
	int error;

	if (!hooks)
		return 0;
	if (!json_is_object(hooks))
		return invalid(ps, "hooks is not an object");
	json_object_foreach(hooks, event, groups)
	{
		if (!json_is_array(groups))
			return invalid(ps, "hooks.%s is not an array", event);
		json_array_foreach(groups, i, group)
		{
			json_t *list = json_object_get(group, "hooks");

			if (!json_is_object(group) || !json_is_array(list))
				return invalid(ps, "hooks.%s[%zu] has no hooks array", event, i);
			json_array_foreach(list, j, h)
			{
				error = add_hook(ps, event, json_object_get(group, "matcher"), h);
				if (error < 0)
					return error;
			}
		}
	}
	return 0;
}

static int parse_server(const struct parse *ps, struct airlock_mcp_server *m, const char *name,
			json_t *srv)
{
	json_t *type = json_object_get(srv, "type");
	int error;

	if (!json_is_object(srv))
		return invalid(ps, "mcpServers.%s is not an object", name);
	if (!(m->name = strdup(name)))
		return al_error_oom();
	if ((error = dup_string(ps, &m->command, json_object_get(srv, "command"), "command")) < 0 ||
	    (error = dup_string(ps, &m->url, json_object_get(srv, "url"), "url")) < 0 ||
	    (error = dup_string(ps, &m->transport, type, "type")) < 0 ||
	    (error = string_list(ps, &m->args, &m->nargs, json_object_get(srv, "args"), "args")) <
		    0 ||
	    (error = string_map(ps, &m->env, &m->nenv, json_object_get(srv, "env"), "env")) < 0 ||
	    (error = string_map(ps, &m->headers, &m->nheaders, json_object_get(srv, "headers"),
				"headers")) < 0 ||
	    (error = parse_helpers(ps, m->helpers, srv, HELPER_MCP_SERVER)) < 0)
		return error;
	if (!m->command && !m->url)
		return invalid(ps, "mcpServers.%s has neither a command nor a url", name);
	if (!m->transport && !(m->transport = strdup(m->url && !m->command ? "http" : "stdio")))
		return al_error_oom();
	return 0;
}

static int parse_mcp(const struct parse *ps, json_t *servers)
{
	struct airlock_config *c = ps->c;
	const char *name;
	json_t *srv;
	int error;

	if (!servers)
		return 0;
	if (!json_is_object(servers))
		return invalid(ps, "mcpServers is not an object");
	if (!(c->mcp = calloc(json_object_size(servers) + 1, sizeof(*c->mcp))))
		return al_error_oom();
	json_object_foreach(servers, name, srv)
	{
		if ((error = parse_server(ps, &c->mcp[c->nmcp++], name, srv)) < 0)
			return error;
	}
	return 0;
}

static int parse_permissions(const struct parse *ps, json_t *perms)
{
	struct airlock_config *c = ps->c;
	int error;

	if (!perms)
		return 0;
	if (!json_is_object(perms))
		return invalid(ps, "permissions is not an object");
	for (int l = AIRLOCK_PERMISSION_ALLOW; l <= AIRLOCK_PERMISSION_ADDITIONAL_DIRECTORIES;
	     l++) {
		struct strlist *sl = &c->permissions[l];

		error = string_list(ps, &sl->items, &sl->count,
				    json_object_get(perms, permission_keys[l]), permission_keys[l]);
		if (error < 0)
			return error;
	}
	return dup_string(ps, &c->default_mode, json_object_get(perms, "defaultMode"),
			  "permissions.defaultMode");
}

static int parse_settings(const struct parse *ps, json_t *root)
{
	struct airlock_config *c = ps->c;
	int error;

	if ((error = parse_hooks(ps, json_object_get(root, "hooks"))) < 0 ||
	    (error = string_map(ps, &c->env, &c->nenv, json_object_get(root, "env"), "env")) < 0 ||
	    (error = parse_permissions(ps, json_object_get(root, "permissions"))) < 0)
		return error;
	return parse_helpers(ps, c->helpers, root, HELPER_SETTINGS);
}

/*
 * Claude Code's precedence: the local file overrides the project file.
 * Objects merge key by key, lists (permission rules, hook groups) add up,
 * and any other value from the local file replaces the project's.
 */
static int merge(json_t *base, json_t *over)
{
	const char *key;
	json_t *v, *old;

	json_object_foreach(over, key, v)
	{
		old = json_object_get(base, key);
		if (json_is_object(old) && json_is_object(v)) {
			if (merge(old, v) < 0)
				return -1;
		} else if (json_is_array(old) && json_is_array(v)) {
			if (json_array_extend(old, v) < 0)
				return -1;
		} else if (json_object_set(base, key, v) < 0) {
			return -1;
		}
	}
	return 0;
}

static const struct airlock_entry *find(const struct snapshot *snap, const char *path)
{
	for (size_t i = 0; i < snap->count; i++)
		if (strcmp(snap->entries[i].path, path) == 0)
			return &snap->entries[i];
	return NULL;
}

int al_config_parse_executable(struct airlock_config *c, const struct snapshot *snap)
{
	static const char *const settings_files[] = { ".claude/settings.json",
						      ".claude/settings.local.json" };
	json_t *effective = NULL, *root = NULL;
	const struct airlock_entry *e;
	struct parse ps = { c, NULL };
	int error = 0;

	for (size_t i = 0; i < 2; i++) {
		if (!(e = find(snap, settings_files[i])))
			continue;
		ps.file = e->path;
		if ((error = load_json(&root, &ps, e)) < 0)
			goto out;
		if (!effective) {
			effective = root;
		} else if (merge(effective, root) < 0) {
			error = al_error_oom();
			goto out;
		} else {
			json_decref(root);
		}
		root = NULL;
	}
	if (effective) {
		ps.file = "merged Claude Code settings";
		if ((error = parse_settings(&ps, effective)) < 0)
			goto out;
	}
	if ((e = find(snap, ".mcp.json"))) {
		ps.file = e->path;
		if ((error = load_json(&root, &ps, e)) < 0 ||
		    (error = parse_mcp(&ps, json_object_get(root, "mcpServers"))) < 0)
			goto out;
	}
out:
	json_decref(root);
	json_decref(effective);
	return error;
}

int al_config_add_instruction(struct airlock_config *c, const char *path, const void *text,
			      size_t len)
{
	struct instruction *grown, *in;

	grown = realloc(c->instructions, (c->ninstructions + 1) * sizeof(*grown));
	if (!grown)
		return al_error_oom();
	c->instructions = grown;
	in = &c->instructions[c->ninstructions];
	in->path = strdup(path);
	in->text = malloc(len + 1);
	if (!in->path || !in->text) {
		free(in->path);
		free(in->text);
		return al_error_oom();
	}
	memcpy(in->text, text, len);
	in->text[len] = '\0';
	in->len = len;
	c->ninstructions++;
	return 0;
}
