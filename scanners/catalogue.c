/*
 * catalogue.c - the catalogue, and the table of checks written in C.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/error.h"
#include "scanners/catalogue.h"

#define S(x) AIRLOCK_SEVERITY_##x

/* clang-format off */
static const struct al_builtin_rule builtins[] = {
	/* The file as a whole: what the snapshot could not read is not clean. */
	{ "AL001", "symlink_outside", "filesystem", S(HIGH), "high",
	  "A context path is a symlink that points outside the project (not followed)" },
	{ "AL002", "symlink_inside", "filesystem", S(MEDIUM), "high",
	  "A context path is a symlink inside the project (not followed, so not scanned)" },
	{ "AL003", "not_regular", "filesystem", S(HIGH), "high",
	  "A context path is a FIFO, device, socket or directory (never opened)" },
	{ "AL004", "too_large", "filesystem", S(HIGH), "high",
	  "A context file is over the size cap and was not read, so it was not scanned" },
	{ "AL005", "unreadable", "filesystem", S(HIGH), "high",
	  "A context file or folder could not be read, so it was not scanned" },
	{ "AL006", "changed_while_read", "filesystem", S(HIGH), "high",
	  "A context file changed or was replaced while it was read" },
	{ "AL007", "walk_limit", "filesystem", S(HIGH), "high",
	  "A walk limit (depth, count, path length) was reached: files past it were not scanned" },
	{ "AL008", "writable_executable", "filesystem", S(MEDIUM), "high",
	  "An executable context file is writable by group or others" },
	{ "AL009", "bad_name", "filesystem", S(MEDIUM), "high",
	  "A context file's name is not valid UTF-8" },
	{ "AL010", "finding_limit", "filesystem", S(HIGH), "high",
	  "A file produced more findings than are kept: the rest were not reported" },
	{ "AL011", "submodule", "filesystem", S(MEDIUM), "high",
	  "A git submodule: listed, its content is not part of this scan" },
	{ "AL013", "hard_link", "filesystem", S(MEDIUM), "medium",
	  "A context file is a hard link: the same bytes may live outside the project" },
	{ "AL014", "case_variant", "filesystem", S(LOW), "high",
	  "A context file's name differs from the agent's only in letter case: case-insensitive file systems (macOS, Windows) load it as that file" },
	{ "AL012", "import_outside", "filesystem", S(HIGH), "high",
	  "An @import in an instruction file names a file outside the project (not followed)" },

	/* Command lines, from their bash syntax tree (scanners/shell.c); fenced
	 * Python and JavaScript report under the same ids (scanners/code.c). */
	{ "AL201", "shell_parse_error", "shell", S(MEDIUM), "high",
	  "A command does not parse as shell: what it does cannot be judged" },
	{ "AL202", "shell_secret_read", "shell", S(MEDIUM), "medium",
	  "A command reads a credential file, a secret variable or the whole environment" },
	{ "AL203", "shell_not_analysed", "shell", S(HIGH), "high",
	  "A command is over a parse limit (size, time, nesting) and was not analysed" },
	{ "AL210", "shell_secret_flow", "exfiltration", S(CRITICAL), "high",
	  "A secret or a database dump reaches a network command (pipe, substitution, upload, temp file, expansion) or, in fenced code, a network call" },
	{ "AL211", "shell_network", "exfiltration", S(LOW), "medium",
	  "A command talks to the network (no secret reaches it)" },
	{ "AL220", "shell_download_exec", "rce", S(CRITICAL), "high",
	  "Downloaded code is run (curl | sh, eval \"$(curl ...)\", bash <(curl ...), exec(urlopen(...).read()))" },
	{ "AL221", "shell_decode_exec", "rce", S(CRITICAL), "high",
	  "Decoded or obfuscated text is run (base64 -d | sh, xxd -r, printf '\\x..')" },
	{ "AL222", "code_request_exec", "rce", S(CRITICAL), "high",
	  "Code runs what a web request sends (eval, exec or a command fed from request input): a remote command endpoint" },
	{ "AL230", "shell_reverse_shell", "rce", S(CRITICAL), "high",
	  "A shell is handed to a remote host (/dev/tcp, nc -e, socat exec, a socket beside dup2 or a shell)" },
	{ "AL231", "shell_persistence", "persistence", S(HIGH), "high",
	  "A command writes where code runs later or guards live (rc files, cron, git hooks, agent settings, trust store)" },
	{ "AL232", "shell_destructive", "destructive", S(CRITICAL), "high",
	  "A command deletes the home or root directory recursively, the backups, or a database's data (DROP SCHEMA, DROP DATABASE, TRUNCATE)" },
	{ "AL233", "shell_sudo", "privilege", S(MEDIUM), "high",
	  "A command runs with sudo" },
	{ "AL234", "shell_setuid", "privilege", S(HIGH), "high",
	  "A command sets the setuid or setgid bit" },

	/* What only the model reads of an instruction file (scanners/markdown.c). */
	{ "AL301", "hidden_instruction", "hidden-text", S(HIGH), "high",
	  "Orders or exfiltration steps in a layer a reader does not see (HTML comment, hidden HTML, [//]: # comment, collapsed details)" },
	{ "AL302", "empty_link", "hidden-text", S(MEDIUM), "medium",
	  "A link with no text: invisible when rendered" },
	{ "AL303", "data_image", "exfiltration", S(MEDIUM), "medium",
	  "A remote image URL carries data in its query string (fetched when rendered)" },
	{ "AL304", "markdown_not_analysed", "hidden-text", S(HIGH), "high",
	  "A Markdown file is over a parse limit and was not fully analysed" },
	{ "AL306", "front_matter_exec", "settings", S(MEDIUM), "high",
	  "Agent front matter defines hooks or MCP servers" },
	/* Padding that pushes instructions out of view (scanners/flood.c). */
	{ "AL310", "filler_flood", "instruction-override", S(HIGH), "medium",
	  "A flood of one repeated run of bare symbols: the padding adversarial prompts use to bury the agent's instructions" },

	/* What the prose of an instruction file asks for (scanners/intent.c). */
	{ "AL601", "intent_exfiltrate", "exfiltration", S(HIGH), "medium",
	  "Prose orders the agent to send, disclose or collect secrets or the user's data" },
	{ "AL602", "intent_destroy", "destructive", S(HIGH), "medium",
	  "Prose orders the agent to delete the user's files, the home or root folder, or its own traces" },
	{ "AL603", "intent_disable_safeguards", "safety-bypass", S(HIGH), "medium",
	  "Prose orders the agent to switch off its permission prompts or other safeguards, or declares them off" },
	{ "AL604", "intent_conceal", "concealment", S(HIGH), "medium",
	  "Prose orders the agent to act and keep it from the user" },
	{ "AL605", "role_spoof", "role-spoofing", S(HIGH), "medium",
	  "A forged system, operator or assistant turn, or a claim of authority, that gives orders" },
	{ "AL606", "persona_jailbreak", "instruction-override", S(HIGH), "medium",
	  "A persona without the agent's limits (unfiltered, no policy, never refuses), or an order to answer without them" },
	{ "AL607", "intent_override", "instruction-override", S(HIGH), "medium",
	  "Prose sets the agent's instructions or the user's request aside (also when misspelt, split or written in digits)" },
	{ "AL608", "intent_prompt_leak", "exfiltration", S(HIGH), "medium",
	  "Prose orders the agent to reveal its system prompt, its instructions or a secret it was given" },
	{ "AL609", "intent_persistence", "persistence", S(HIGH), "medium",
	  "Prose orders the agent to install access or surveillance that outlives the session" },
	{ "AL610", "intent_fixed_reply", "instruction-override", S(HIGH), "medium",
	  "Prose orders the agent to answer every request with a fixed reply" },
	{ "AL611", "intent_download_exec", "rce", S(HIGH), "medium",
	  "Prose orders the agent to download or decode code and run it, or to swap a dependency for a look-alike" },
	{ "AL612", "intent_grant_access", "persistence", S(HIGH), "medium",
	  "Prose orders the agent to give an account access or rights (admin, owner, CODEOWNERS, sudoers), or to change an account's password or recovery address" },
	{ "AL613", "intent_move_money", "exfiltration", S(HIGH), "medium",
	  "Prose orders the agent to move money or crypto to an account (an IBAN, an account number, a wallet)" },
	{ "AL615", "intent_conceal_other_language", "concealment", S(MEDIUM), "medium",
	  "Text in another language tells the agent not to mention something to the user (a part AL901 and AL904 weigh)" },
	{ "AL616", "intent_unasked_other_language", "concealment", S(MEDIUM), "medium",
	  "Text in another language tells the agent to act without asking the user (a part AL901 and AL904 weigh)" },
	{ "AL614", "intent_weaken_code", "safety-bypass", S(HIGH), "medium",
	  "Prose orders the agent to switch a protection of the code off (TLS checks, CORS with credentials, CSRF, token signatures, user input evaluated)" },

	/* What settings keys mean (scanners/settings.c). */
	{ "AL401", "json_parse_error", "settings", S(HIGH), "high",
	  "A JSON file does not parse: the agent and airlock could read different values" },
	{ "AL402", "json_duplicate_key", "settings", S(HIGH), "high",
	  "A key is repeated in one object: parsers disagree on which value wins" },
	{ "AL403", "env_override", "settings", S(HIGH), "high",
	  "An env entry redirects traffic or injects code (*_BASE_URL, proxies, NODE_OPTIONS, LD_PRELOAD, PATH, BASH_ENV, OTEL_*)" },
	{ "AL404", "bypass_permissions", "settings", S(HIGH), "high",
	  "Permission prompts are switched off (bypassPermissions, chat.tools.autoApprove)" },
	{ "AL405", "wildcard_allow", "settings", S(HIGH), "high",
	  "An allow rule approves every shell command in advance (Bash, Bash(*))" },
	{ "AL406", "secret_allow", "settings", S(HIGH), "high",
	  "An allow rule approves reading credential files in advance" },
	{ "AL407", "all_project_mcp", "settings", S(HIGH), "high",
	  "Every MCP server the repository defines is approved in advance (enableAllProjectMcpServers)" },
	{ "AL408", "mcp_shell_server", "settings", S(HIGH), "high",
	  "An MCP server is a shell or interpreter one-liner (sh -c, python -c, node -e)" },
	{ "AL409", "mcp_unpinned_npx", "settings", S(LOW), "high",
	  "An MCP server runs an npm package without a pinned version (npx -y)" },
	{ "AL410", "mcp_literal_credential", "settings", S(HIGH), "medium",
	  "An MCP server's headers carry a literal credential" },
	{ "AL411", "mcp_foreign_secret", "exfiltration", S(HIGH), "medium",
	  "A secret variable is sent to a host it does not belong to (${GITHUB_TOKEN} to a non-GitHub URL)" },
	{ "AL412", "project_helper", "settings", S(MEDIUM), "high",
	  "The project defines a helper command the agent runs for credentials or headers" },
	{ "AL413", "http_hook", "settings", S(MEDIUM), "medium",
	  "A hook of type http sends the agent's events to a URL" },
	{ "AL414", "folder_open_task", "settings", S(HIGH), "high",
	  "A VS Code task runs as soon as the folder is opened (runOn: folderOpen, task.allowAutomaticTasks)" },
	{ "AL415", "devcontainer_command", "settings", S(MEDIUM), "high",
	  "A devcontainer lifecycle command runs when the container is created or started" },
	{ "AL416", "broad_directory", "settings", S(HIGH), "high",
	  "additionalDirectories opens the home or root directory to the agent" },
	{ "AL417", "preapproved_mcp", "settings", S(MEDIUM), "high",
	  "The repository pre-approves its own MCP servers (enabledMcpjsonServers)" },

	{ "AL418", "session_start_network", "exfiltration", S(MEDIUM), "medium",
	  "A hook that runs at every session start (no matcher) reaches the network" },
	{ "AL419", "launch_program", "settings", S(MEDIUM), "high",
	  "A launch configuration names a program the agent starts (.claude/launch.json)" },
	{ "AL421", "plugin_marketplace", "settings", S(MEDIUM), "high",
	  "The project adds a plugin marketplace or enables plugins: their hooks and MCP servers come from a remote repository that trust cannot pin" },
	{ "AL422", "unbound_command", "settings", S(MEDIUM), "high",
	  "A hook or server runs code airlock cannot pin (a glob, a variable, a wrapper it does not know): what it runs was not scanned" },
	{ "AL420", "config_parse_error", "settings", S(HIGH), "high",
	  "A configuration file does not parse in its agent's format (TOML, YAML, front matter): what it runs cannot be reviewed" },

	/* Unicode and terminal analysis (scanners/unicode.c). */
	{ "AL501", "unicode_tags", "hidden-text", S(HIGH), "high",
	  "Unicode tag characters (U+E0000-E007F) carry invisible ASCII text" },
	{ "AL502", "bidi_control", "hidden-text", S(HIGH), "high",
	  "Bidirectional override or isolate (U+202A-202E, U+2066-2069) reorders what is shown" },
	{ "AL503", "invisible_character", "hidden-text", S(MEDIUM), "high",
	  "Zero-width or other invisible format character inside a word" },
	{ "AL504", "terminal_escape", "hidden-text", S(HIGH), "high",
	  "ANSI escape or control sequence that hides text or moves the cursor" },
	{ "AL505", "blank_run", "hidden-text", S(HIGH), "medium",
	  "A long run of blanks pushes the rest of the line off screen" },
	{ "AL506", "confusable_letters", "hidden-text", S(MEDIUM), "medium",
	  "Look-alike letters from another script mixed into a Latin word" },
	{ "AL507", "invalid_utf8", "hidden-text", S(MEDIUM), "high",
	  "Bytes that are not valid UTF-8 in a text file" },
	{ "AL508", "variation_selector_run", "hidden-text", S(HIGH), "high",
	  "A run of variation selectors (U+FE00-FE0F, U+E0100-E01EF) carries hidden bytes" },

	/* Weak signals that meet in one file (scanners/finding.c). */
	{ "AL901", "conceal_credential_exfil", "combination", S(CRITICAL), "high",
	  "Concealment, a credential path and an outbound channel in one file" },
	{ "AL902", "key_with_upload", "combination", S(CRITICAL), "high",
	  "An API key next to upload instructions: an attacker's key to collect stolen data" },
	{ "AL904", "hidden_command", "combination", S(HIGH), "high",
	  "A command that sends secrets out, runs a download or deletes the home, lowered as fenced code, in a file whose text keeps something from the user or clears the way for it" },
	{ "AL903", "credential_exfil", "combination", S(HIGH), "high",
	  "A credential path and a strong outbound channel (capture host, image URL, DNS) in one file" },
};
/* clang-format on */

const struct al_builtin_rule *al_builtin_rule(const char *id)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i].id, id) == 0)
			return &builtins[i];
	return NULL;
}

static void rule_clear(struct airlock_rule *r)
{
	free(r->id);
	free(r->name);
	free(r->category);
	free(r->confidence);
	free(r->description);
}

void al_rules_clear(struct airlock_rules *r)
{
	for (size_t i = 0; i < r->count; i++)
		rule_clear(&r->v[i]);
	free(r->v);
	memset(r, 0, sizeof(*r));
}

int al_rules_add(struct airlock_rules *r, const char *id, const char *name, const char *category,
		 airlock_severity severity, const char *confidence, const char *description,
		 const char *source)
{
	struct airlock_rule *e;

	for (size_t i = 0; i < r->count; i++)
		if (strcmp(r->v[i].id, id) == 0)
			return al_error_set(AIRLOCK_EINVALID, "rule id %s is defined twice", id);
	if (r->count == r->alloc) {
		size_t n = r->alloc ? r->alloc * 2 : 64;

		if (n > SIZE_MAX / sizeof(*e) || !(e = realloc(r->v, n * sizeof(*e))))
			return al_error_oom();
		r->v = e;
		r->alloc = n;
	}
	e = &r->v[r->count];
	e->id = strdup(id);
	e->name = strdup(name);
	e->category = strdup(category);
	e->confidence = strdup(confidence);
	e->description = strdup(description);
	e->severity = severity;
	e->source = source;
	if (!e->id || !e->name || !e->category || !e->confidence || !e->description) {
		rule_clear(e);
		return al_error_oom();
	}
	r->count++;
	return 0;
}

int al_rules_add_builtins(struct airlock_rules *r)
{
	int error;

	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++) {
		const struct al_builtin_rule *b = &builtins[i];

		if ((error = al_rules_add(r, b->id, b->name, b->category, b->severity,
					  b->confidence, b->description, "builtin")) < 0)
			return error;
	}
	return 0;
}

static int by_id(const void *a, const void *b)
{
	const struct airlock_rule *x = a, *y = b;

	return strcmp(x->id, y->id);
}

void al_rules_sort(struct airlock_rules *r)
{
	if (r->count > 1)
		qsort(r->v, r->count, sizeof(r->v[0]), by_id);
}

/* --- public accessors -------------------------------------------------------- */

void airlock_rules_free(airlock_rules *r)
{
	if (!r)
		return;
	al_rules_clear(r);
	free(r);
}

const char *airlock_rules_version(const airlock_rules *r)
{
	return r->version;
}

size_t airlock_rules_count(const airlock_rules *r)
{
	return r->count;
}

const airlock_rule *airlock_rules_get(const airlock_rules *r, size_t i)
{
	return i < r->count ? &r->v[i] : NULL;
}

const airlock_rule *airlock_rules_find(const airlock_rules *r, const char *id)
{
	for (size_t i = 0; id && i < r->count; i++)
		if (strcasecmp(r->v[i].id, id) == 0)
			return &r->v[i];
	return NULL;
}

const char *airlock_rule_id(const airlock_rule *rule)
{
	return rule->id;
}

const char *airlock_rule_name(const airlock_rule *rule)
{
	return rule->name;
}

const char *airlock_rule_category(const airlock_rule *rule)
{
	return rule->category;
}

airlock_severity airlock_rule_severity(const airlock_rule *rule)
{
	return rule->severity;
}

const char *airlock_rule_confidence(const airlock_rule *rule)
{
	return rule->confidence;
}

const char *airlock_rule_description(const airlock_rule *rule)
{
	return rule->description;
}

const char *airlock_rule_source(const airlock_rule *rule)
{
	return rule->source;
}
