/*
 * inspect.c - list what a project's executable JSON configuration does.
 *
 * The files are parsed with jansson from the snapshot's buffers (duplicate
 * keys rejected: the agent and airlock must not see different values), and
 * nothing found is ever run. A file that does not parse is a PROBLEM item.
 *
 * Finding the programs a command runs is a shell-word approximation (quotes,
 * operators, env assignments, interpreters); the tree-sitter analysis of
 * commands refines it. It only ever adds files to what trust binds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "common/error.h"
#include "common/limits.h"
#include "config/inspect.h"
#include "snapshot/source_dir.h"
#include "surfaces/keys.h"

const struct surface al_inspect_program_surface = {
	"", "(run by config)", AIRLOCK_KIND_SCRIPT, false, AIRLOCK_CLASS_EXECUTABLE, SCHEMA_NONE,
};

struct ctx {
	struct airlock_inspection *out;
	airlock_project *p;
	bool bind;
	const char *file;
	int error;
};

/* --- items ------------------------------------------------------------------ */

static void add_item(struct ctx *c, airlock_item_type type, const char *name, const char *value)
{
	struct airlock_inspection *in = c->out;
	struct inspect_item *grown, *it;

	if (c->error)
		return;
	grown = realloc(in->items, (in->count + 1) * sizeof(*grown));
	if (!grown) {
		c->error = al_error_oom();
		return;
	}
	in->items = grown;
	it = &in->items[in->count];
	it->file = strdup(c->file);
	it->type = type;
	it->name = strdup(name);
	it->value = strdup(value ? value : "");
	if (!it->file || !it->name || !it->value) {
		free(it->file);
		free(it->name);
		free(it->value);
		c->error = al_error_oom();
		return;
	}
	in->count++;
}

/* A JSON value as text: strings as they are, anything else compact JSON. */
static char *value_text(json_t *v)
{
	if (json_is_string(v))
		return strdup(json_string_value(v));
	return json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
}

static void add_value(struct ctx *c, airlock_item_type type, const char *name, json_t *v)
{
	char *text = value_text(v);

	if (!text) {
		c->error = c->error ? c->error : al_error_oom();
		return;
	}
	add_item(c, type, name, text);
	free(text);
}

/* --- the programs a command runs ------------------------------------------- */

static const char *const project_vars[] = {
	"$CLAUDE_PROJECT_DIR/", "${CLAUDE_PROJECT_DIR}/", "${workspaceFolder}/", "$PWD/", "${PWD}/",
};

static const char *const interpreters[] = {
	"sh",      "bash",    "zsh",  "dash",   "ksh",     "fish",      "python",
	"python3", "python2", "node", "nodejs", "deno",    "bun",       "ruby",
	"perl",    "php",     "pwsh", "tsx",    "ts-node", "osascript",
};

static const char *const wrappers[] = { "env", "exec", "command", "nohup", "time", "sudo" };

static bool in_list(const char *word, const char *const *list, size_t n)
{
	const char *base = strrchr(word, '/');

	base = base ? base + 1 : word;
	for (size_t i = 0; i < n; i++)
		if (strcmp(base, list[i]) == 0)
			return true;
	return false;
}

static bool is_assignment(const char *w)
{
	size_t n = strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

	return n > 0 && w[n] == '=' && !(w[0] >= '0' && w[0] <= '9');
}

/* A project-relative path, or NULL for words that are not one. */
static const char *project_path(const char *w)
{
	for (size_t i = 0; i < sizeof(project_vars) / sizeof(project_vars[0]); i++)
		if (strncmp(w, project_vars[i], strlen(project_vars[i])) == 0) {
			w += strlen(project_vars[i]);
			break;
		}
	if (!*w || w[0] == '/' || w[0] == '~' || strpbrk(w, "$`*?[{") ||
	    strncmp(w, "../", 3) == 0 || strstr(w, "/../") || strcmp(w, "..") == 0)
		return NULL; /* not a file inside the project */
	return w;
}

/* One simple command's words: which of them name a program to run. */
static void programs_of(char **words, size_t n, void (*fn)(void *, const char *), void *arg)
{
	size_t i = 0;
	const char *path;

	while (i < n && (is_assignment(words[i]) ||
			 in_list(words[i], wrappers, sizeof(wrappers) / sizeof(wrappers[0])) ||
			 (i > 0 && words[i][0] == '-' &&
			  in_list(words[i - 1], wrappers, sizeof(wrappers) / sizeof(wrappers[0])))))
		i++;
	if (i == n)
		return;
	/* A bare word is looked up in PATH; with a slash it is a file. */
	if (strchr(words[i], '/') && (path = project_path(words[i])))
		fn(arg, path);
	if (!in_list(words[i], interpreters, sizeof(interpreters) / sizeof(interpreters[0])))
		return;
	for (i++; i < n; i++) {
		if (strcmp(words[i], "-c") == 0 || strcmp(words[i], "-e") == 0 ||
		    strcmp(words[i], "-m") == 0 || strcmp(words[i], "--eval") == 0)
			return; /* inline code or a module: no script file */
		if (words[i][0] == '-' || strcmp(words[i], "run") == 0)
			continue;
		if ((path = project_path(words[i])))
			fn(arg, path);
		return;
	}
}

struct lexer {
	char buf[4096];
	size_t len;
	char *words[LIMIT_COMMAND_WORDS];
	size_t nwords;
	bool in_word;
};

static void end_word(struct lexer *lx)
{
	if (!lx->in_word)
		return;
	lx->buf[lx->len++] = '\0';
	lx->in_word = false;
}

static void put(struct lexer *lx, char ch)
{
	if (lx->len + 2 >= sizeof(lx->buf) || (!lx->in_word && lx->nwords == LIMIT_COMMAND_WORDS))
		return;
	if (!lx->in_word) {
		lx->words[lx->nwords++] = lx->buf + lx->len;
		lx->in_word = true;
	}
	lx->buf[lx->len++] = ch;
}

static void end_command(struct lexer *lx, void (*fn)(void *, const char *), void *arg)
{
	end_word(lx);
	programs_of(lx->words, lx->nwords, fn, arg);
	lx->nwords = 0;
	lx->len = 0;
}

void al_inspect_command_programs(const char *cmd, void (*fn)(void *arg, const char *path),
				 void *arg)
{
	struct lexer *lx = calloc(1, sizeof(*lx));

	if (!lx)
		return;
	for (const char *s = cmd; *s; s++) {
		if (*s == '\'') {
			const char *end = strchr(s + 1, '\'');

			if (!end)
				break;
			while (++s < end)
				put(lx, *s);
		} else if (*s == '"') {
			for (s++; *s && *s != '"'; s++) {
				if (*s == '\\' && s[1])
					s++;
				put(lx, *s);
			}
			if (!*s)
				break;
		} else if (*s == '\\' && s[1]) {
			put(lx, *++s);
		} else if (strchr(";&|()\n", *s)) {
			end_command(lx, fn, arg);
		} else if (*s == ' ' || *s == '\t') {
			end_word(lx);
		} else {
			put(lx, *s);
		}
	}
	end_command(lx, fn, arg);
	free(lx);
}

static void bind_program(void *arg, const char *path)
{
	struct ctx *c = arg;

	if (c->bind && !c->error && c->p->rootfd >= 0)
		c->error = al_source_dir_add_file(&c->p->snap, c->p->rootfd, path,
						  &al_inspect_program_surface);
}

static void command_item(struct ctx *c, airlock_item_type type, const char *name, json_t *v)
{
	add_value(c, type, name, v);
	if (json_is_string(v))
		al_inspect_command_programs(json_string_value(v), bind_program, c);
}

/* --- the configuration keys -------------------------------------------------- */

static void hook_entry(struct ctx *c, const char *event, const char *matcher, json_t *h)
{
	json_t *cmd = json_object_get(h, "command"), *url = json_object_get(h, "url");
	char name[512];

	snprintf(name, sizeof(name), "%s%s%s%s", event, matcher ? " [" : "", matcher ? matcher : "",
		 matcher ? "]" : "");
	if (cmd)
		command_item(c, AIRLOCK_ITEM_HOOK, name, cmd);
	else if (url)
		add_value(c, AIRLOCK_ITEM_HOOK, name, url);
	else
		add_value(c, AIRLOCK_ITEM_HOOK, name, h);
}

/* Claude Code: {event: [{matcher, hooks: [{type, command|url}]}]};
 * Cursor and Windsurf: {event: [{command}]}. */
static void hooks(struct ctx *c, json_t *obj)
{
	const char *event;
	json_t *list, *entry, *h;
	size_t i, j;

	json_object_foreach(obj, event, list)
	{
		json_array_foreach(list, i, entry)
		{
			json_t *inner = json_object_get(entry, "hooks");
			json_t *m = json_object_get(entry, "matcher");
			const char *matcher = json_is_string(m) ? json_string_value(m) : NULL;

			if (json_is_array(inner))
				json_array_foreach(inner, j, h) hook_entry(c, event, matcher, h);
			else
				hook_entry(c, event, matcher, entry);
		}
	}
}

/* The helper commands of the table's rows in `scope` that `obj` holds. */
static void helpers(struct ctx *c, json_t *obj, enum helper_scope scope)
{
	for (size_t i = 0; i < al_helper_key_count; i++) {
		const struct helper_key *k = &al_helper_keys[i];
		json_t *v = json_object_get(obj, k->key);

		if (k->scope != scope)
			continue;
		if (k->form == HELPER_OBJECT)
			v = json_object_get(v, "command");
		if (v)
			command_item(c, AIRLOCK_ITEM_HELPER, k->key, v);
	}
}

static void mcp_server(struct ctx *c, const char *name, json_t *srv)
{
	json_t *cmd = json_object_get(srv, "command"), *args = json_object_get(srv, "args"), *v;
	const char *key;
	char label[512];
	size_t i, n = 0;
	char *words[LIMIT_COMMAND_WORDS];

	if (json_is_string(cmd)) {
		size_t len = json_string_length(cmd) + 1;
		char *line;

		json_array_foreach(args, i, v) if (json_is_string(v)) len +=
			json_string_length(v) + 3;
		if (!(line = malloc(len + 1))) {
			c->error = al_error_oom();
			return;
		}
		strcpy(line, json_string_value(cmd));
		words[n++] = (char *)json_string_value(cmd);
		json_array_foreach(args, i, v)
		{
			if (!json_is_string(v))
				continue;
			strcat(line, " ");
			strcat(line, json_string_value(v));
			if (n < LIMIT_COMMAND_WORDS)
				words[n++] = (char *)json_string_value(v);
		}
		add_item(c, AIRLOCK_ITEM_MCP_SERVER, name, line);
		free(line);
		programs_of(words, n, bind_program, c);
	} else if ((v = json_object_get(srv, "url"))) {
		add_value(c, AIRLOCK_ITEM_MCP_SERVER, name, v);
	} else {
		add_value(c, AIRLOCK_ITEM_MCP_SERVER, name, srv);
	}
	json_object_foreach(json_object_get(srv, "env"), key, v)
	{
		snprintf(label, sizeof(label), "%s: %s", name, key);
		add_value(c, AIRLOCK_ITEM_ENV, label, v);
	}
	json_object_foreach(json_object_get(srv, "headers"), key, v)
	{
		snprintf(label, sizeof(label), "%s: header %s", name, key);
		add_value(c, AIRLOCK_ITEM_SETTING, label, v);
	}
	helpers(c, srv, HELPER_MCP_SERVER);
}

static void permissions(struct ctx *c, json_t *obj)
{
	static const char *const lists[] = { "allow", "deny", "ask", "additionalDirectories" };
	json_t *v;
	size_t i;

	for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
		json_array_foreach(json_object_get(obj, lists[l]), i, v)
			add_value(c, AIRLOCK_ITEM_PERMISSION, lists[l], v);
	if ((v = json_object_get(obj, "defaultMode")))
		add_value(c, AIRLOCK_ITEM_PERMISSION, "defaultMode", v);
}

/* VS Code tasks and devcontainer / Cursor environment lifecycle commands. */
static void lifecycle(struct ctx *c, json_t *root)
{
	static const char *const keys[] = {
		"initializeCommand",
		"onCreateCommand",
		"updateContentCommand",
		"postCreateCommand",
		"postStartCommand",
		"postAttachCommand",
		"install",
		"start",
	};
	json_t *v, *task;
	size_t i;

	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
		if ((v = json_object_get(root, keys[k])))
			command_item(c, AIRLOCK_ITEM_HOOK, keys[k], v);
	json_array_foreach(json_object_get(root, "tasks"), i, task)
	{
		json_t *label = json_object_get(task, "label");
		json_t *run_on = json_object_get(json_object_get(task, "runOptions"), "runOn");
		char name[512];

		snprintf(name, sizeof(name), "task %s%s",
			 json_is_string(label) ? json_string_value(label) : "(unnamed)",
			 json_is_string(run_on) &&
					 strcmp(json_string_value(run_on), "folderOpen") == 0
				 ? " (runs when the folder opens)"
				 : "");
		if ((v = json_object_get(task, "command")))
			command_item(c, AIRLOCK_ITEM_HOOK, name, v);
	}
}

static void inspect_root(struct ctx *c, json_t *root)
{
	static const char *const settings[] = { "enableAllProjectMcpServers",
						"enabledMcpjsonServers", "disableAllHooks" };
	const char *key;
	json_t *v;

	hooks(c, json_object_get(root, "hooks"));
	json_object_foreach(json_object_get(root, "env"), key, v)
		add_value(c, AIRLOCK_ITEM_ENV, key, v);
	permissions(c, json_object_get(root, "permissions"));
	helpers(c, root, HELPER_SETTINGS);
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
		if ((v = json_object_get(root, settings[i])))
			add_value(c, AIRLOCK_ITEM_SETTING, settings[i], v);
	json_object_foreach(json_object_get(root, "mcpServers"), key, v) mcp_server(c, key, v);
	json_object_foreach(json_object_get(root, "servers"), key, v) mcp_server(c, key, v);
	lifecycle(c, root);
}

static void inspect_file(struct ctx *c, const struct airlock_entry *e)
{
	json_error_t jerr;
	json_t *root;
	char why[256];

	root = json_loadb((const char *)e->data, e->data_len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		snprintf(why, sizeof(why), "not inspected: line %d: %s%s", jerr.line, jerr.text,
			 e->kind == AIRLOCK_KIND_JSONC ? " (comments are not read yet)" : "");
		add_item(c, AIRLOCK_ITEM_PROBLEM, "parse", why);
		return;
	}
	if (!json_is_object(root))
		add_item(c, AIRLOCK_ITEM_PROBLEM, "parse", "not inspected: not a JSON object");
	else
		inspect_root(c, root);
	json_decref(root);
}

int al_inspect_project(struct airlock_inspection *out, airlock_project *p, bool bind_programs)
{
	struct ctx c = { out, p, bind_programs, NULL, 0 };
	size_t n = p->snap.count;

	memset(out, 0, sizeof(*out));
	/* Binding adds entries (and may move the array): walk by index, over the
	 * entries that were there before, and copy each path first. */
	for (size_t i = 0; i < n && !c.error; i++) {
		const struct airlock_entry *e = &p->snap.entries[i];
		char *file;

		if (e->cls != AIRLOCK_CLASS_EXECUTABLE || !e->data ||
		    (e->kind != AIRLOCK_KIND_JSON && e->kind != AIRLOCK_KIND_JSONC))
			continue;
		if (!(file = strdup(e->path))) {
			c.error = al_error_oom();
			break;
		}
		c.file = file;
		inspect_file(&c, &p->snap.entries[i]);
		free(file);
	}
	if (c.error)
		al_inspect_clear(out);
	return c.error;
}

void al_inspect_clear(struct airlock_inspection *in)
{
	for (size_t i = 0; i < in->count; i++) {
		free(in->items[i].file);
		free(in->items[i].name);
		free(in->items[i].value);
	}
	free(in->items);
	memset(in, 0, sizeof(*in));
}
