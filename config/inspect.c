/*
 * inspect.c - list what a project's executable JSON configuration does.
 *
 * The files are parsed with jansson from the snapshot's buffers (duplicate
 * keys rejected: the agent and airlock must not see different values), and
 * nothing found is ever run. A file that does not parse is a PROBLEM item.
 *
 * The programs a command runs are found from its bash syntax tree
 * (scanners/runs.c) and bound; what cannot be pinned is an UNBOUND item, and
 * a file that cannot be read with its agent's grammar a PROBLEM item, both
 * marked `blocks`: trust refuses them unless the person accepts them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "common/error.h"
#include "common/limits.h"
#include "config/inspect.h"
#include "formats/formats.h"
#include "scanners/runs.h"
#include "snapshot/project.h"
#include "surfaces/keys.h"

const struct surface al_inspect_program_surface = {
	"", "(run by config)", AIRLOCK_KIND_SCRIPT, false, AIRLOCK_CLASS_EXECUTABLE, SCHEMA_NONE,
};

struct ctx {
	struct airlock_inspection *out;
	airlock_project *p;
	bool bind;
	const char *file;
	bool from_file_dir; /* commands' paths are relative to the file's folder */
	const char *entry;  /* the item whose command is being followed */
	bool commands;      /* analyse commands (not for al_inspect_named_files) */
	struct ts_parsers ps;
	struct al_runs runs;
	int error;
};

/* --- items ------------------------------------------------------------------ */

/* A value as the review shows it: cut at LIMIT_REVIEW_VALUE_BYTES (on a
 * character boundary) with what was cut said, never silently. */
static char *shown_value(const char *v)
{
	size_t len = strlen(v), cut = LIMIT_REVIEW_VALUE_BYTES;
	char *out;

	if (len <= LIMIT_REVIEW_VALUE_BYTES + 32)
		return strdup(v);
	while (cut > 0 && ((unsigned char)v[cut] & 0xC0) == 0x80)
		cut--;
	if (asprintf(&out, "%.*s...(%zu more bytes)", (int)cut, v, len - cut) < 0)
		return NULL;
	return out;
}

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
	it->blocks = false;
	it->name = strdup(name);
	it->value = shown_value(value ? value : "");
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

static void add_unbound(struct ctx *c, const struct al_run *r)
{
	char *msg = NULL;
	struct inspect_item *last = c->out->count ? &c->out->items[c->out->count - 1] : NULL;

	if (asprintf(&msg, "runs code airlock cannot pin: `%s` -> %s", r->command, r->why) < 0) {
		c->error = c->error ? c->error : al_error_oom();
		return;
	}
	/* the same reason twice for one entry (a loop, a repeated word) */
	if (!last || last->type != AIRLOCK_ITEM_UNBOUND || strcmp(last->value, msg) != 0) {
		add_item(c, AIRLOCK_ITEM_UNBOUND, c->entry ? c->entry : "command", msg);
		if (!c->error)
			c->out->items[c->out->count - 1].blocks = true;
	}
	free(msg);
}

static void follow(void *arg, const struct al_run *r);

/* The snapshot's entry for `path`, once bound. */
static const struct airlock_entry *entry_of(const struct ctx *c, const char *path)
{
	for (size_t i = 0; i < c->p->snap.count; i++)
		if (strcmp(c->p->snap.entries[i].path, path) == 0)
			return &c->p->snap.entries[i];
	return NULL;
}

/* npm test: package.json's scripts.test (with pretest and posttest), run by
 * sh in the folder of package.json; `npm start` without a script runs
 * `node server.js`. */
static void follow_task(struct ctx *c, const struct al_run *r)
{
	const struct airlock_entry *e;
	struct al_doc d;
	char dir[LIMIT_PATH_BYTES], why[256], name[256];
	const char *slash = strrchr(r->path, '/');
	json_t *scripts;

	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - r->path) : 0, r->path);
	if (c->bind && !c->error)
		c->error = al_project_add_file(c->p, r->path, &al_inspect_program_surface);
	if (c->error)
		return;
	if (!(e = entry_of(c, r->path)) || !e->data) {
		if (strcmp(r->task, "start") == 0) {
			const char *argv[] = { "node", "server.js" };

			al_runs_argv(&c->runs, argv, 2, dir, r->depth + 1);
		}
		return;
	}
	if (r->depth + 1 > LIMIT_RUNS_NESTING) {
		struct al_run u = *r;

		u.kind = AL_RUN_UNBOUND;
		u.why = "npm scripts nested too deeply to follow";
		add_unbound(c, &u);
		return;
	}
	al_doc_init(&d);
	if (al_doc_load(&d, AIRLOCK_KIND_JSON, e->data, e->data_len, why, sizeof(why)) != 0) {
		struct al_run u = *r;

		u.kind = AL_RUN_UNBOUND;
		u.why = "package.json does not parse, so its scripts cannot be read";
		al_doc_free(&d);
		add_unbound(c, &u);
		return;
	}
	scripts = json_object_get(d.root, "scripts");
	for (int k = 0; k < 3 && !c->error; k++) {
		json_t *v;

		snprintf(name, sizeof(name), "%s%s",
			 k == 0   ? "pre"
			 : k == 1 ? ""
				  : "post",
			 r->task);
		v = json_object_get(scripts, name);
		if (json_is_string(v))
			al_runs_shell(&c->runs, json_string_value(v), json_string_length(v), dir,
				      r->depth + 1);
		else if (k == 1 && strcmp(r->task, "start") == 0) {
			const char *argv[] = { "node", "server.js" };

			al_runs_argv(&c->runs, argv, 2, dir, r->depth + 1);
		}
	}
	al_doc_free(&d);
}

static void follow(void *arg, const struct al_run *r)
{
	struct ctx *c = arg;

	if (c->error)
		return;
	switch (r->kind) {
	case AL_RUN_FILE: {
		/* a task file (package.json, a Makefile) is read when it is there */
		if (r->optional && !al_project_has_path(c->p, r->path))
			break;
		if (c->bind)
			c->error = al_project_add_file(c->p, r->path, &al_inspect_program_surface);
		break;
	}
	case AL_RUN_TASK:
		follow_task(c, r);
		break;
	case AL_RUN_UNBOUND:
		add_unbound(c, r);
		break;
	}
}

/* The folder commands start in: the root, or .cursor/ for Cursor's hooks
 * (cursor.com/docs/agent/hooks). */
static void command_base(const struct ctx *c, char *base, size_t cap)
{
	const char *slash = strrchr(c->file, '/');

	if (c->from_file_dir && slash)
		snprintf(base, cap, "%.*s", (int)(slash - c->file), c->file);
	else
		base[0] = '\0';
}

static void runs_of(struct ctx *c, const char *name, const char *cmd, size_t len)
{
	char base[LIMIT_PATH_BYTES];

	if (!c->commands)
		return;
	command_base(c, base, sizeof(base));
	c->entry = name;
	if (al_runs_shell(&c->runs, cmd, len, base, 0) < 0 && !c->error)
		c->error = c->runs.error;
	c->entry = NULL;
}

struct collect {
	void (*fn)(void *arg, const char *path, bool unbound);
	void *arg;
};

static void collect_one(void *arg, const struct al_run *r)
{
	struct collect *k = arg;
	char *text = NULL;

	if (r->kind == AL_RUN_FILE && *r->path)
		k->fn(k->arg, r->path, false);
	else if (r->kind == AL_RUN_TASK && asprintf(&text, "%s:%s", r->path, r->task) >= 0)
		k->fn(k->arg, text, false);
	else if (r->kind == AL_RUN_UNBOUND)
		k->fn(k->arg, r->why, true);
	free(text);
}

void al_inspect_command_programs(const char *cmd, void (*fn)(void *, const char *, bool), void *arg)
{
	struct ts_parsers ps = { { 0 } };
	struct collect k = { fn, arg };
	struct al_runs rs = { &ps, collect_one, &k, 0, false, 0 };

	al_runs_shell(&rs, cmd, strlen(cmd), "", 0);
	al_ts_parsers_free(&ps);
}

static void command_item(struct ctx *c, airlock_item_type type, const char *name, json_t *v)
{
	add_value(c, type, name, v);
	if (json_is_string(v))
		runs_of(c, name, json_string_value(v), json_string_length(v));
}

/* --- the configuration keys, from the table (surfaces/keys.c) ----------------- */

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

struct apply {
	struct ctx *c;
	const struct config_key *k;
	json_t *root;
};

/* The last key of a concrete path ("mcpServers/fetch" -> "fetch"). */
static const char *last_key(const char *where)
{
	const char *slash = strrchr(where, '/');

	return slash ? slash + 1 : where;
}

/* An argv array as one line, and the programs it runs bound. */
static void argv_item(struct ctx *c, airlock_item_type type, const char *name, json_t *argv,
		      json_t *more)
{
	char *words[LIMIT_COMMAND_WORDS], *line;
	size_t n = 0, len = 1, i;
	json_t *v;

	json_array_foreach(argv, i, v) if (json_is_string(v)) len += json_string_length(v) + 1;
	json_array_foreach(more, i, v) if (json_is_string(v)) len += json_string_length(v) + 1;
	if (!(line = calloc(1, len))) {
		c->error = al_error_oom();
		return;
	}
	for (int pass = 0; pass < 2; pass++)
		json_array_foreach(pass ? more : argv, i, v)
		{
			if (!json_is_string(v))
				continue;
			if (*line)
				strcat(line, " ");
			strcat(line, json_string_value(v));
			if (n < LIMIT_COMMAND_WORDS)
				words[n++] = (char *)json_string_value(v);
		}
	add_item(c, type, name, line);
	free(line);
	if (n == LIMIT_COMMAND_WORDS) {
		struct al_run u = { AL_RUN_UNBOUND,
				    NULL,
				    NULL,
				    name,
				    "a command of too many words to follow",
				    0,
				    false };

		add_unbound(c, &u);
	}
	if (c->commands) {
		char base[LIMIT_PATH_BYTES];

		command_base(c, base, sizeof(base));
		c->entry = name;
		if (al_runs_argv(&c->runs, (const char *const *)words, n, base, 0) < 0 && !c->error)
			c->error = c->runs.error;
		c->entry = NULL;
	}
}

/* A command given as a string (shell) or an argv array, with optional
 * args to append. */
static void some_command_as(struct ctx *c, airlock_item_type type, const char *name, json_t *cmd,
			    json_t *args)
{
	if (json_is_array(cmd)) {
		argv_item(c, type, name, cmd, args);
	} else if (json_is_string(cmd) && json_array_size(args)) {
		json_t *argv = json_array();

		if (!argv || json_array_append(argv, cmd) < 0) {
			json_decref(argv);
			c->error = al_error_oom();
			return;
		}
		argv_item(c, type, name, argv, args);
		json_decref(argv);
	} else if (json_is_string(cmd)) {
		command_item(c, type, name, cmd);
	} else if (cmd) {
		add_value(c, type, name, cmd);
	}
}

static void some_command(struct ctx *c, const char *name, json_t *cmd, json_t *args)
{
	some_command_as(c, AIRLOCK_ITEM_COMMAND, name, cmd, args);
}

/* A task (VS Code, Zed, code-workspace) or a plain command. */
static void key_command(struct ctx *c, const char *where, json_t *v)
{
	char name[512];

	if (!json_is_object(v)) {
		some_command(c, where, v, NULL);
		return;
	}
	{
		json_t *label = json_object_get(v, "label");
		json_t *run_on = json_object_get(json_object_get(v, "runOptions"), "runOn");

		snprintf(name, sizeof(name), "%s %s%s", where,
			 json_is_string(label) ? json_string_value(label) : "",
			 json_is_string(run_on) &&
					 strcmp(json_string_value(run_on), "folderOpen") == 0
				 ? " (runs when the folder opens)"
				 : "");
	}
	some_command(c, name, json_object_get(v, "command"), json_object_get(v, "args"));
}

/* Claude-style hooks "hooks/EVENT/i/hooks/j" are named "EVENT [matcher]";
 * flat ones "hooks/EVENT/i" "EVENT". */
static void key_hook(struct apply *a, const char *where, json_t *h)
{
	struct ctx *c = a->c;
	char event[256] = "", name[512];
	const char *matcher = NULL;
	size_t group = 0;
	json_t *cmd, *v;

	if (sscanf(where, "hooks/%255[^/]/%zu", event, &group) == 2) {
		json_t *g = json_array_get(
			json_object_get(json_object_get(a->root, "hooks"), event), group);
		json_t *m = json_object_get(g, "matcher");

		matcher = json_is_string(m) ? json_string_value(m) : NULL;
	} else {
		snprintf(event, sizeof(event), "%s", where);
	}
	snprintf(name, sizeof(name), "%s%s%s%s", event, matcher ? " [" : "", matcher ? matcher : "",
		 matcher ? "]" : "");
	if (!json_is_object(h)) {
		some_command_as(c, AIRLOCK_ITEM_HOOK, name, h, NULL);
		return;
	}
	cmd = json_object_get(h, "command");
	if (!cmd)
		cmd = json_object_get(h, "bash");
	if (cmd)
		some_command_as(c, AIRLOCK_ITEM_HOOK, name, cmd, json_object_get(h, "args"));
	if ((v = json_object_get(h, "powershell")))
		some_command_as(c, AIRLOCK_ITEM_HOOK, name, v, NULL);
	if ((v = json_object_get(h, "url")))
		add_value(c, AIRLOCK_ITEM_HOOK, name, v);
	if ((v = json_object_get(h, "prompt")))
		add_value(c, AIRLOCK_ITEM_HOOK, name, v);
	if (!cmd && !json_object_get(h, "powershell") && !json_object_get(h, "url") &&
	    !json_object_get(h, "prompt"))
		add_value(c, AIRLOCK_ITEM_HOOK, name, h);
	if (cmd && (json_object_get(h, "url") || json_object_get(h, "prompt"))) {
		json_t *type = json_object_get(h, "type");
		char label[600], msg[300];

		snprintf(label, sizeof(label), "%s: has both a command and a %s", name,
			 json_object_get(h, "url") ? "URL" : "prompt");
		snprintf(msg, sizeof(msg),
			 "the agent uses the one its type%s%s%s picks: %s; both are listed above",
			 json_is_string(type) ? " (" : "",
			 json_is_string(type) ? json_string_value(type) : "",
			 json_is_string(type) ? ")" : "",
			 json_is_string(type) && strcmp(json_string_value(type), "command") != 0
				 ? "not the command"
				 : "the command");
		add_item(c, AIRLOCK_ITEM_PROBLEM, label, msg);
	}
}

static void env_items(struct ctx *c, const char *prefix, json_t *env)
{
	const char *key;
	json_t *v;
	size_t i;
	char label[512];

	if (json_is_array(env)) { /* ["NAME=value", ...] */
		json_array_foreach(env, i, v) add_value(c, AIRLOCK_ITEM_ENV, prefix, v);
		return;
	}
	json_object_foreach(env, key, v)
	{
		snprintf(label, sizeof(label), "%s%s%s", prefix, *prefix ? ": " : "", key);
		add_value(c, AIRLOCK_ITEM_ENV, label, v);
	}
}

/* Every agent's MCP server shape: command + args, command as argv (OpenCode),
 * command as {path, args, env} (Zed), url / httpUrl / serverUrl. Both a
 * command and a URL are shown when both are there. */
static void key_server(struct ctx *c, const char *where, json_t *srv)
{
	const char *name = last_key(where);
	json_t *cmd, *url, *v;
	char label[512];

	if (json_is_object(srv) && json_is_string(json_object_get(srv, "name")))
		name = json_string_value(json_object_get(srv, "name")); /* Continue's list */
	if (!json_is_object(srv)) {
		add_value(c, AIRLOCK_ITEM_MCP_SERVER, name, srv);
		return;
	}
	cmd = json_object_get(srv, "command");
	if (json_is_object(cmd)) { /* Zed: {"path", "args", "env"} */
		some_command(c, name, json_object_get(cmd, "path"), json_object_get(cmd, "args"));
		env_items(c, name, json_object_get(cmd, "env"));
	} else if (json_is_array(cmd)) { /* OpenCode: ["npx", "-y", "pkg"] */
		argv_item(c, AIRLOCK_ITEM_MCP_SERVER, name, cmd, json_object_get(srv, "args"));
	} else if (json_is_string(cmd)) {
		json_t *argv = json_array();

		if (!argv || json_array_append(argv, cmd) < 0) {
			json_decref(argv);
			c->error = al_error_oom();
			return;
		}
		argv_item(c, AIRLOCK_ITEM_MCP_SERVER, name, argv, json_object_get(srv, "args"));
		json_decref(argv);
	} else if (cmd) {
		add_value(c, AIRLOCK_ITEM_MCP_SERVER, name, cmd);
	}
	url = json_object_get(srv, "url");
	if (!url)
		url = json_object_get(srv, "httpUrl");
	if (!url)
		url = json_object_get(srv, "serverUrl");
	if (url)
		add_value(c, AIRLOCK_ITEM_MCP_SERVER, name, url);
	if (!cmd && !url)
		add_value(c, AIRLOCK_ITEM_MCP_SERVER, name, srv);
	if (cmd && url) {
		json_t *type = json_object_get(srv, "type");
		const char *t = json_is_string(type) ? json_string_value(type) : NULL;
		bool remote = t && (strcmp(t, "http") == 0 || strcmp(t, "sse") == 0 ||
				    strcmp(t, "streamable-http") == 0 || strcmp(t, "remote") == 0);
		char msg[300];

		snprintf(label, sizeof(label), "%s: has both a command and a URL", name);
		snprintf(msg, sizeof(msg),
			 "the agent picks one by its type (%s): %s; both are listed above",
			 t ? t : "none given",
			 remote ? "the URL is what it uses, not the command"
			 : t    ? "the command"
				: "which one depends on the agent");
		add_item(c, AIRLOCK_ITEM_PROBLEM, label, msg);
	}
	env_items(c, name, json_object_get(srv, "env"));
	env_items(c, name, json_object_get(srv, "environment"));
	{
		const char *key;

		json_object_foreach(json_object_get(srv, "headers"), key, v)
		{
			snprintf(label, sizeof(label), "%s: header %s", name, key);
			add_value(c, AIRLOCK_ITEM_SETTING, label, v);
		}
	}
	helpers(c, srv, HELPER_MCP_SERVER);
}

static void key_permission(struct ctx *c, const char *where, json_t *v)
{
	json_t *item;
	size_t i;

	if (json_is_array(v))
		json_array_foreach(v, i, item)
			add_value(c, AIRLOCK_ITEM_PERMISSION, last_key(where), item);
	else
		add_value(c, AIRLOCK_ITEM_PERMISSION, where, v);
}

/* A project-relative path, or NULL for words that are not one. */
static const char *project_path(const char *w)
{
	static const char *const vars[] = { "$CLAUDE_PROJECT_DIR/", "${CLAUDE_PROJECT_DIR}/",
					    "${workspaceFolder}/", "$PWD/", "${PWD}/" };

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if (strncmp(w, vars[i], strlen(vars[i])) == 0) {
			w += strlen(vars[i]);
			break;
		}
	if (!*w || w[0] == '/' || w[0] == '~' || strpbrk(w, "$`*?[{") ||
	    strncmp(w, "../", 3) == 0 || strstr(w, "/../") || strcmp(w, "..") == 0)
		return NULL; /* not a file inside the project */
	return w;
}

/* A project-relative path named by a key (not a glob, not outside). */
static const char *named_path(const char *w)
{
	if (!w || strpbrk(w, "*?[{"))
		return NULL;
	if (strncmp(w, "./", 2) == 0)
		w += 2;
	return project_path(w);
}

/* Files other files say the agent reads as instructions: listed and, when
 * binding, added to the snapshot so that they are scanned. */
static void bind_named(struct ctx *c, const char *path, const struct surface *as)
{
	if (c->bind && !c->error && path)
		c->error = al_project_add_file(c->p, path, as);
}

static const struct surface al_inspect_named_surface = {
	"",   "(named by config)",        AIRLOCK_KIND_MARKDOWN,
	true, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE,
};

static void key_files(struct ctx *c, const char *where, json_t *v, const struct surface *as,
		      bool from_config_dir)
{
	json_t *item;
	size_t i;
	char path[LIMIT_PATH_BYTES];

	add_value(c, AIRLOCK_ITEM_SETTING, where, v);
	for (size_t k = 0; k < (json_is_array(v) ? json_array_size(v) : 1); k++) {
		const char *name;

		item = json_is_array(v) ? json_array_get(v, k) : v;
		if (!json_is_string(item) || !(name = named_path(json_string_value(item))))
			continue;
		if (from_config_dir && strchr(c->file, '/')) {
			/* relative to the configuration file's folder */
			char joined[LIMIT_PATH_BYTES];

			if (!al_snapshot_join(joined, sizeof(joined), c->file, name))
				continue;
			snprintf(path, sizeof(path), "%s", joined);
		} else {
			snprintf(path, sizeof(path), "%s", name);
		}
		bind_named(c, path, as);
	}
	(void)i;
}

/* Gemini's !{cmd} and Claude's !`cmd` in prompt text. */
static void key_prompt_shell(struct ctx *c, const char *where, json_t *v)
{
	const char *s = json_string_value(v), *p;

	for (p = s; p && (p = strstr(p, "!{"));) {
		const char *q = p + 2;
		int depth = 1;

		for (; *q && depth; q++)
			depth += *q == '{' ? 1 : *q == '}' ? -1 : 0;
		{
			json_t *cmd = json_stringn(p + 2, (size_t)(q - p - 2 - (depth == 0)));

			if (!cmd) {
				c->error = al_error_oom();
				return;
			}
			command_item(c, AIRLOCK_ITEM_COMMAND, where, cmd);
			json_decref(cmd);
		}
		p = q;
	}
}

static void apply_key(void *arg, json_t *v, const char *where)
{
	struct apply *a = arg;
	struct ctx *c = a->c;
	const char *key;
	json_t *item;

	if (c->error)
		return;
	switch (a->k->action) {
	case KEY_COMMAND:
		key_command(c, where, v);
		break;
	case KEY_COMMANDS:
		if (json_is_object(v)) {
			char name[512];

			json_object_foreach(v, key, item)
			{
				snprintf(name, sizeof(name), "%s: %s", where, key);
				some_command(c, name, item, NULL);
			}
		} else {
			some_command(c, where, v, NULL);
		}
		break;
	case KEY_HOOK:
		key_hook(a, where, v);
		break;
	case KEY_SERVER:
		key_server(c, where, v);
		break;
	case KEY_ENV:
		env_items(c, "", v);
		break;
	case KEY_PERMISSION:
		key_permission(c, where, v);
		break;
	case KEY_INSTRUCTIONS:
		key_files(c, where, v, &al_inspect_named_surface, false);
		break;
	case KEY_PROGRAM_FILE:
		key_files(c, where, v, &al_inspect_program_surface,
			  a->k->schema == SCHEMA_DEVCONTAINER);
		break;
	case KEY_PROMPT_SHELL:
		key_prompt_shell(c, where, v);
		break;
	case KEY_SETTING:
	case KEY_URL:
	case KEY_PLUGIN:
		add_value(c, AIRLOCK_ITEM_SETTING, where, v);
		break;
	}
}

static void inspect_root(struct ctx *c, json_t *root, enum schema schema)
{
	struct apply a = { c, NULL, root };

	for (size_t i = 0; i < al_config_key_count && !c->error; i++) {
		if (al_config_keys[i].schema != schema)
			continue;
		a.k = &al_config_keys[i];
		al_doc_select(root, a.k->path, apply_key, &a);
	}
	if (schema == SCHEMA_CLAUDE_SETTINGS)
		helpers(c, root, HELPER_SETTINGS);
}

/* A .env file: each variable an ENV item; the values of names that look
 * like secrets are not shown. */
static void inspect_dotenv(struct ctx *c, json_t *env)
{
	const char *name;
	json_t *v;
	char value[512];

	json_object_foreach(env, name, v)
	{
		if (strstr(name, "KEY") || strstr(name, "TOKEN") || strstr(name, "SECRET") ||
		    strstr(name, "PASSWORD"))
			snprintf(value, sizeof(value), "(set, %zu bytes, not shown)",
				 json_string_length(v));
		else
			snprintf(value, sizeof(value), "%s", json_string_value(v));
		add_item(c, AIRLOCK_ITEM_ENV, name, value);
	}
}

static void inspect_file(struct ctx *c, const struct airlock_entry *e)
{
	struct al_doc d;
	char why[256], msg[300];
	int rc;

	al_doc_init(&d);
	if (e->surface->schema == SCHEMA_DOTENV) {
		if ((rc = al_dotenv_load(&d, e->data, e->data_len, why, sizeof(why))) == 0)
			inspect_dotenv(c, json_object_get(d.root, "env"));
		al_doc_free(&d);
		if (rc < 0)
			c->error = rc;
		return;
	}
	if (e->kind == AIRLOCK_KIND_MARKDOWN)
		rc = al_doc_front_matter_agent(&d, e->data, e->data_len, why, sizeof(why));
	else
		rc = al_doc_load(&d, e->kind, e->data, e->data_len, why, sizeof(why));
	if (rc < 0 && rc != AIRLOCK_EINVALID) {
		c->error = rc;
	} else if (rc < 0) {
		snprintf(msg, sizeof(msg), "not inspected: %s", why);
		add_item(c, AIRLOCK_ITEM_PROBLEM, "parse", msg);
		/* what it would run is unknown: as unbound as anything can be */
		if (!c->error)
			c->out->items[c->out->count - 1].blocks = true;
	} else if (rc == 0) {
		inspect_root(c, d.root, e->surface->schema);
	}
	al_doc_free(&d);
}

static int inspect(struct airlock_inspection *out, airlock_project *p, bool bind_programs,
		   bool commands)
{
	struct ctx c = { out, p, bind_programs, NULL, false, NULL, commands, { { 0 } }, { 0 }, 0 };
	size_t n = p->snap.count;

	c.runs = (struct al_runs){ &c.ps, follow, &c, 0, false, 0 };

	memset(out, 0, sizeof(*out));
	/* Binding adds entries (and may move the array): walk by index, over the
	 * entries that were there before, and copy each path first. */
	for (size_t i = 0; i < n && !c.error; i++) {
		const struct airlock_entry *e = &p->snap.entries[i];
		char *file;

		if (e->cls != AIRLOCK_CLASS_EXECUTABLE || !e->data ||
		    e->surface->schema == SCHEMA_NONE || e->kind == AIRLOCK_KIND_SCRIPT)
			continue;
		if (!(file = strdup(e->path))) {
			c.error = al_error_oom();
			break;
		}
		c.file = file;
		c.from_file_dir = e->surface->schema == SCHEMA_CURSOR_HOOKS &&
				  strcmp(e->surface->agent, "Cursor") == 0;
		inspect_file(&c, &p->snap.entries[i]);
		free(file);
	}
	al_ts_parsers_free(&c.ps);
	if (c.error)
		al_inspect_clear(out);
	return c.error;
}

int al_inspect_project(struct airlock_inspection *out, airlock_project *p, bool bind_programs)
{
	return inspect(out, p, bind_programs, true);
}

int al_inspect_named_files(airlock_project *p)
{
	struct airlock_inspection in;
	int error = inspect(&in, p, true, false);

	if (error == 0)
		al_inspect_clear(&in);
	return error;
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

const struct inspect_item *al_inspect_blocking(const struct airlock_inspection *in)
{
	for (size_t i = 0; i < in->count; i++)
		if (in->items[i].blocks)
			return &in->items[i];
	return NULL;
}
