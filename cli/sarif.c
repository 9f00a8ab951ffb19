/*
 * sarif.c - `--format sarif`: SARIF 2.1.0 as GitHub code scanning takes it
 * ("SARIF support for code scanning"), for any other SARIF reader too.
 *
 * What GitHub needs beyond the schema, and where it comes from here:
 *  - rules with a full description and help (text and Markdown), the tag
 *    "security" and a security-severity in the band of the rule's severity
 *    (critical 9.x, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9), a precision
 *    (the rule's confidence);
 *  - results with partialFingerprints, so an alert survives lines moving:
 *    a SHA-256 of the rule, the file, the message and the text found, not of
 *    the line or column (upload-sarif adds its own primaryLocationLineHash, computed
 *    from the file, when it can read it; giving another value under that key
 *    only draws warnings from it);
 *  - URIs relative to the repository root (the nearest folder at or above
 *    the first PATH with a .git; the current directory without one),
 *    whatever PATHs were given and from where; a file outside that root, and
 *    every memory file, by an absolute file:// URI;
 *  - runs[].automationDetails.id: "airlock/scan/", "airlock/git/" or
 *    "airlock/memory/", so that the three kinds of analysis do not replace
 *    each other's alerts.
 */
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>
#include <openssl/evp.h>

#include "cli/cli.h"

struct sarif {
	enum sarif_kind kind;
	const airlock_rules *rules;
	char *root; /* absolute, no trailing '/'; NULL for git and memory */
	json_t *results;
	json_t *seen; /* fingerprint -> how many results had it so far */
};

static const char *const kind_names[] = { "scan", "git", "memory" };

static const char *sarif_level(airlock_severity s)
{
	if (s >= AIRLOCK_SEVERITY_HIGH)
		return "error";
	if (s == AIRLOCK_SEVERITY_MEDIUM)
		return "warning";
	return "note";
}

/* GitHub's security-severity, in the middle of each severity's band; NULL
 * for info, which is no security severity. */
static const char *security_severity(airlock_severity s)
{
	switch (s) {
	case AIRLOCK_SEVERITY_CRITICAL:
		return "9.5";
	case AIRLOCK_SEVERITY_HIGH:
		return "8.0";
	case AIRLOCK_SEVERITY_MEDIUM:
		return "5.5";
	case AIRLOCK_SEVERITY_LOW:
		return "2.0";
	default:
		return NULL;
	}
}

static const char *problem_severity(airlock_severity s)
{
	if (s >= AIRLOCK_SEVERITY_HIGH)
		return "error";
	return s == AIRLOCK_SEVERITY_MEDIUM ? "warning" : "recommendation";
}

/* GitHub's precision from the rule's confidence (high, medium or low). */
static const char *precision(const char *confidence)
{
	if (strcmp(confidence, "high") == 0 || strcmp(confidence, "low") == 0 ||
	    strcmp(confidence, "very-high") == 0)
		return confidence;
	return "medium";
}

/* A URI reference for a path: unreserved bytes and '/' as they are,
 * everything else percent-encoded; with "file://" in front when `file`.
 * New; free(). */
static char *uri_of(const char *path, bool file)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *out = malloc(n * 3 + 8), *o = out;

	if (!out)
		return NULL;
	if (file)
		o = stpcpy(o, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}

/* The folder `path` is in (itself when a folder), made absolute with its
 * links resolved. New; free(). NULL when it does not exist. */
static char *folder_of(const char *path)
{
	struct stat st;
	char *copy, *dir;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return realpath(path, NULL);
	if (!(copy = strdup(path)))
		return NULL;
	dir = realpath(dirname(copy), NULL);
	free(copy);
	return dir;
}

/* The nearest folder at or above `path` holding a .git (a folder, or the
 * file of a worktree); the current directory when there is none. New. */
static char *repository_root(const char *path)
{
	char *dir = folder_of(path), *probe;
	struct stat st;

	while (dir) {
		if (asprintf(&probe, "%s/.git", strcmp(dir, "/") ? dir : "") < 0)
			break;
		if (lstat(probe, &st) == 0) {
			free(probe);
			return dir;
		}
		free(probe);
		if (strcmp(dir, "/") == 0)
			break;
		*strrchr(dir, '/') = '\0';
		if (!*dir)
			strcpy(dir, "/");
	}
	free(dir);
	return realpath(".", NULL);
}

/* The absolute name of a finding's file: `file` under the folder `base`
 * (a scanned directory), or as given (a scanned file), its folder's links
 * resolved but not the file's own (a symlink finding names the link). New. */
static char *absolute_name(const char *base, const char *file)
{
	char *copy = strdup(file), *dir = NULL, *out = NULL;
	const char *name;

	if (!copy)
		return NULL;
	if (base) {
		dir = realpath(base, NULL);
		name = file;
	} else {
		name = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
		dir = folder_of(file);
	}
	if (!dir) {
		/* gone since the scan: as given, made absolute */
		char cwd[PATH_MAX];

		if (file[0] == '/')
			out = strdup(file);
		else if (getcwd(cwd, sizeof(cwd)) &&
			 asprintf(&out, "%s/%s%s%s", cwd, base ? base : "", base ? "/" : "", file) <
				 0)
			out = NULL;
	} else if (asprintf(&out, "%s/%s", strcmp(dir, "/") ? dir : "", name) < 0) {
		out = NULL;
	}
	free(dir);
	free(copy);
	return out;
}

/* The artifactLocation of a finding's file. */
static json_t *artifact_location(const struct sarif *s, const char *base, const char *file)
{
	size_t n = s->root ? strlen(s->root) : 0;
	char *abs = NULL, *uri = NULL;
	json_t *o = NULL;

	if (s->kind == SARIF_GIT) {
		uri = uri_of(file, false);
		o = uri ? json_pack("{s:s, s:s}", "uri", uri, "uriBaseId", "%SRCROOT%") : NULL;
		free(uri);
		return o;
	}
	if (s->kind == SARIF_MEMORY && file[0] == '/')
		abs = strdup(file);
	else
		abs = absolute_name(base, file);
	if (!abs)
		return NULL;
	if (s->root && strcmp(s->root, "/") == 0)
		n = 0;
	if (s->root && strncmp(abs, s->root, n) == 0 && abs[n] == '/') {
		uri = uri_of(abs + n + 1, false);
		o = uri ? json_pack("{s:s, s:s}", "uri", uri, "uriBaseId", "%SRCROOT%") : NULL;
	} else {
		uri = uri_of(abs, true);
		o = uri ? json_pack("{s:s}", "uri", uri) : NULL;
	}
	free(uri);
	free(abs);
	return o;
}

/* The message without its digits: a compound finding's names the lines of
 * the findings it combines. New; free(). */
static char *without_digits(const char *msg)
{
	char *out = strdup(msg ? msg : ""), *o = out;

	for (const char *p = out; o && *p; p++)
		if (*p < '0' || *p > '9')
			*o++ = *p;
	if (o)
		*o = '\0';
	return out;
}

/* "HEX:N": a SHA-256 of what identifies the finding wherever its line is
 * (rule, file, message without numbers, text found), and which of the
 * results with that hash it is. New; free(). */
static char *fingerprint(struct sarif *s, const airlock_finding *f, const char *uri)
{
	char *msg = without_digits(airlock_finding_message(f));
	const char *parts[] = { airlock_finding_rule(f), uri, msg, airlock_finding_excerpt(f) };
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	char hex[33], *out = NULL;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	json_int_t count;
	int ok = msg && ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);

	for (size_t i = 0; ok && i < sizeof(parts) / sizeof(parts[0]); i++)
		ok = EVP_DigestUpdate(ctx, parts[i] ? parts[i] : "",
				      parts[i] ? strlen(parts[i]) + 1 : 1);
	ok = ok && EVP_DigestFinal_ex(ctx, md, &len) && len >= 16;
	EVP_MD_CTX_free(ctx);
	free(msg);
	if (!ok)
		return NULL;
	for (int i = 0; i < 16; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	count = json_integer_value(json_object_get(s->seen, hex)) + 1;
	if (json_object_set_new(s->seen, hex, json_integer(count)) < 0 ||
	    asprintf(&out, "%s:%lld", hex, (long long)count) < 0)
		return NULL;
	return out;
}

static json_t *region_of(const airlock_finding *f)
{
	unsigned line = airlock_finding_line(f) ? airlock_finding_line(f) : 1;
	const char *ex = airlock_finding_excerpt(f);
	json_t *r = json_pack("{s:I}", "startLine", (json_int_t)line);

	if (r && airlock_finding_column(f))
		json_object_set_new(r, "startColumn", json_integer(airlock_finding_column(f)));
	if (r && airlock_finding_end_line(f) >= line) {
		json_object_set_new(r, "endLine", json_integer(airlock_finding_end_line(f)));
		if (airlock_finding_end_column(f))
			json_object_set_new(r, "endColumn",
					    json_integer(airlock_finding_end_column(f)));
	}
	if (r && ex && *ex)
		json_object_set_new(r, "snippet", json_pack("{s:o}", "text", cli_json_string(ex)));
	return r;
}

static long rule_index(const airlock_rules *rules, const char *id)
{
	for (size_t i = 0; i < airlock_rules_count(rules); i++)
		if (strcmp(airlock_rule_id(airlock_rules_get(rules, i)), id) == 0)
			return (long)i;
	return -1;
}

int sarif_add(struct sarif *s, const airlock_finding *f, const char *base, const char *commit)
{
	json_t *loc = artifact_location(s, base, airlock_finding_file(f)), *props, *o = NULL;
	const char *uri = json_string_value(json_object_get(loc, "uri"));
	char *fp = uri ? fingerprint(s, f, uri) : NULL;
	long idx = rule_index(s->rules, airlock_finding_rule(f));

	props = json_pack("{s:s, s:s, s:s}", "severity",
			  airlock_severity_name(airlock_finding_severity(f)), "category",
			  airlock_finding_category(f), "confidence", airlock_finding_confidence(f));
	if (props && airlock_finding_hidden(f))
		json_object_set_new(props, "hidden", cli_json_string(airlock_finding_hidden(f)));
	if (props && commit)
		json_object_set_new(props, "commit", json_string(commit));
	if (fp && props)
		o = json_pack("{s:s, s:s, s:{s:o}, s:[{s:{s:O, s:o}}], s:{s:s}, s:O}", "ruleId",
			      airlock_finding_rule(f), "level",
			      sarif_level(airlock_finding_severity(f)), "message", "text",
			      cli_json_string(airlock_finding_message(f)), "locations",
			      "physicalLocation", "artifactLocation", loc, "region", region_of(f),
			      "partialFingerprints", "airlock/v1", fp, "properties", props);
	if (o && idx >= 0)
		json_object_set_new(o, "ruleIndex", json_integer(idx));
	free(fp);
	json_decref(loc);
	json_decref(props);
	if (!o || json_array_append_new(s->results, o) < 0)
		return cli_error("cannot build the SARIF output (out of memory)");
	return 0;
}

/* The rule's description without its closing full stop. */
static int description(char *out, size_t size, const airlock_rule *r)
{
	int n = snprintf(out, size, "%s", airlock_rule_description(r));

	if (n < 0 || (size_t)n >= size)
		return -1;
	while (n > 0 && (out[n - 1] == '.' || out[n - 1] == ' '))
		out[--n] = '\0';
	return 0;
}

static json_t *sarif_rule(const airlock_rule *r)
{
	const char *id = airlock_rule_id(r), *cat = airlock_rule_category(r),
		   *conf = airlock_rule_confidence(r), *src = airlock_rule_source(r);
	const char *sev = airlock_severity_name(airlock_rule_severity(r));
	char desc[1024], *full = NULL, *text = NULL, *md = NULL;
	json_t *o = NULL, *props;

	if (description(desc, sizeof(desc), r) < 0 ||
	    asprintf(&full,
		     "%s. airlock reports this at %s severity with %s confidence (%s, a %s rule).",
		     desc, sev, conf, cat, src) < 0)
		return NULL;
	if (asprintf(
		    &text,
		    "%s %s: %s\n\nairlock reads an agent's configuration and instruction files as bytes and runs nothing; this finding means what is at the location can act on a coding agent that opens the project. Review it there. If it is intended, a trust decision can accept it for these exact bytes: airlock trust --accept %s:FILE. The rule explained: airlock rules %s.\n",
		    id, airlock_rule_name(r), full, id, id) < 0)
		text = NULL;
	if (text &&
	    asprintf(
		    &md,
		    "**%s** `%s`\n\n%s\n\n| severity | confidence | category | source |\n|---|---|---|---|\n| %s | %s | %s | %s |\n\nairlock reads an agent's configuration and instruction files as bytes and runs nothing; this finding means what is at the location can act on a coding agent that opens the project. Review it there. If it is intended, a trust decision can accept it for these exact bytes:\n\n```sh\nairlock trust --accept %s:FILE\n```\n\nThe rule explained: `airlock rules %s`.\n",
		    id, airlock_rule_name(r), full, sev, conf, cat, src, id, id) < 0)
		md = NULL;
	props = json_pack("{s:s, s:s, s:s, s:s, s:[s, s], s:s, s:s}", "category", cat, "severity",
			  sev, "confidence", conf, "source", src, "tags", "security", cat,
			  "precision", precision(conf), "problem.severity",
			  problem_severity(airlock_rule_severity(r)));
	if (props && strcmp(cat, "security") == 0)
		json_array_remove(json_object_get(props, "tags"), 1);
	if (props && security_severity(airlock_rule_severity(r)))
		json_object_set_new(props, "security-severity",
				    json_string(security_severity(airlock_rule_severity(r))));
	if (md && props)
		o = json_pack("{s:s, s:s, s:{s:o}, s:{s:s}, s:{s:s, s:s}, s:{s:s}, s:O}", "id", id,
			      "name", airlock_rule_name(r), "shortDescription", "text",
			      cli_json_string(airlock_rule_description(r)), "fullDescription",
			      "text", full, "help", "text", text, "markdown", md,
			      "defaultConfiguration", "level",
			      sarif_level(airlock_rule_severity(r)), "properties", props);
	json_decref(props);
	free(full);
	free(text);
	free(md);
	return o;
}

static json_t *sarif_rules(const airlock_rules *rules)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < airlock_rules_count(rules); i++) {
		json_t *o = sarif_rule(airlock_rules_get(rules, i));

		if (!o || json_array_append_new(a, o) < 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

struct sarif *sarif_new(enum sarif_kind kind, const airlock_rules *rules, const char *first)
{
	struct sarif *s = calloc(1, sizeof(*s));

	if (!s)
		goto fail;
	s->kind = kind;
	s->rules = rules;
	s->results = json_array();
	s->seen = json_object();
	if (kind == SARIF_SCAN && !(s->root = repository_root(first ? first : ".")))
		goto fail;
	if (s->results && s->seen)
		return s;
fail:
	sarif_free(s);
	cli_error("cannot build the SARIF output (out of memory)");
	return NULL;
}

void sarif_free(struct sarif *s)
{
	if (!s)
		return;
	json_decref(s->results);
	json_decref(s->seen);
	free(s->root);
	free(s);
}

int sarif_finish(struct sarif *s)
{
	char id[32], *base = NULL, *root_uri = NULL;
	json_t *root = NULL, *run;
	int rc = EXIT_USAGE;

	snprintf(id, sizeof(id), "airlock/%s/", kind_names[s->kind]);
	/* A failed scan never gets here (exit 2, no output), so the one
	 * invocation recorded was successful. */
	root = json_pack("{s:s, s:s, s:[{s:{s:{s:s, s:s, s:s, s:o, s:{s:s}}}, s:{s:s}, s:[{s:b}], "
			 "s:s, s:O}]}",
			 "$schema", "https://json.schemastore.org/sarif-2.1.0.json", "version",
			 "2.1.0", "runs", "tool", "driver", "name", "airlock", "version",
			 airlock_version(), "semanticVersion", airlock_version(), "rules",
			 sarif_rules(s->rules), "properties", "signatures",
			 airlock_rules_version(s->rules), "automationDetails", "id", id,
			 "invocations", "executionSuccessful", 1, "columnKind", "unicodeCodePoints",
			 "results", s->results);
	run = json_array_get(json_object_get(root, "runs"), 0);
	if (run && s->root) {
		if (asprintf(&base, "%s/", strcmp(s->root, "/") ? s->root : "") < 0)
			base = NULL;
		root_uri = base ? uri_of(base, true) : NULL;
		if (!root_uri ||
		    json_object_set_new(run, "originalUriBaseIds",
					json_pack("{s:{s:s}}", "%SRCROOT%", "uri", root_uri)) < 0)
			run = NULL;
	}
	if (!run)
		cli_error("cannot build the SARIF output (out of memory)");
	else if (json_dumpf(root, stdout, JSON_INDENT(2) | JSON_ENSURE_ASCII) < 0 ||
		 fputc('\n', stdout) == EOF || fflush(stdout) != 0 || ferror(stdout))
		cli_error("cannot write the output");
	else
		rc = 0;
	free(base);
	free(root_uri);
	json_decref(root);
	sarif_free(s);
	return rc;
}

int report_print_sarif(const struct scan_result *res, size_t n, enum sarif_kind kind)
{
	struct sarif *s;
	int rc = 0;

	if (n == 0)
		return cli_error("cannot build the SARIF output (nothing scanned)");
	if (!(s = sarif_new(kind, airlock_report_rules(res[0].report), res[0].path)))
		return EXIT_USAGE;
	for (size_t k = 0; k < n && rc == 0; k++) {
		const airlock_report *r = res[k].report;

		for (size_t i = 0; i < airlock_report_finding_count(r) && rc == 0; i++)
			rc = sarif_add(s, airlock_report_finding(r, i),
				       res[k].is_dir ? res[k].path : NULL, NULL);
	}
	if (rc) {
		sarif_free(s);
		return rc;
	}
	return sarif_finish(s);
}
