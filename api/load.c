/*
 * load.c - airlock_project_load: gate, then memory and imports, then scan,
 * then parse. Nothing of a context file is parsed (not even an @import
 * line) before the gate has said TRUSTED or RESTRICTED.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/error.h"
#include "common/utf8.h"
#include "config/config.h"
#include "config/inspect.h"
#include "api/gate.h"
#include "common/limits.h"
#include "surfaces/locations.h"
#include "scan/project_scan.h"
#include "snapshot/source_dir.h"
#include "scanners/imports.h"

static const struct surface import_surface = {
	"", "Claude Code", AIRLOCK_KIND_MARKDOWN, false, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE,
};

/* Reads every memory location into `mem`, paths shown as "~/...". Absent
 * ones add nothing. */
static int read_memory(struct snapshot *mem, const char *project)
{
	const char *home = getenv("HOME");
	char rel[LIMIT_PATH_BYTES];
	int homefd, error = 0;

	if (!home || home[0] != '/')
		return 0; /* no home: no user-level instructions to load */
	homefd = open(home, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (homefd < 0)
		return 0;
	for (size_t i = 0; i < al_memory_row_count && !error; i++) {
		const struct memory_row *row = &al_memory_rows[i];
		const struct surface *s = al_memory_surface(row->agent);

		if (!row->load || al_memory_expand(rel, sizeof(rel), row->path, project) < 0)
			continue;
		error = row->dir ? al_source_dir_snapshot_tree(mem, homefd, rel, s)
				 : al_source_dir_add_file(mem, homefd, rel, s);
	}
	close(homefd);
	for (size_t i = 0; i < mem->count && !error; i++) {
		struct airlock_entry *e = &mem->entries[i];
		char *shown;

		if (asprintf(&shown, "~/%s", e->path) < 0)
			return al_error_oom();
		free(e->path);
		e->path = shown;
	}
	return error;
}

/* The instruction files agents read from the folders above the one they
 * start in: Claude Code every CLAUDE.md and CLAUDE.local.md up to the root,
 * Codex, Gemini CLI and Qwen Code theirs up to the repository's top (read
 * here up to the root: scanning one more file is safe). */

static const struct surface ancestor_surface = {
	"",    "(parent folder)",          AIRLOCK_KIND_MARKDOWN,
	false, AIRLOCK_CLASS_INSTRUCTIONS, SCHEMA_NONE,
};

/* Reads the ancestors' instruction files into `mem`, each shown by its
 * absolute path. */
static int read_ancestors(struct snapshot *mem, const char *project)
{
	char dir[PATH_MAX];
	int error = 0, depth = 0;

	snprintf(dir, sizeof(dir), "%s", project);
	while (!error && depth++ < LIMIT_ANCESTOR_DEPTH) {
		char *slash = strrchr(dir, '/');
		size_t before = mem->count;
		int fd;

		if (!slash || (slash == dir && dir[1] == '\0'))
			break;
		if (slash == dir)
			slash[1] = '\0'; /* "/x" -> "/" */
		else
			*slash = '\0';
		if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
			continue; /* an unreadable folder above: nothing the agent reads either */
		for (size_t i = 0; i < al_folder_instruction_file_count && !error; i++) {
			const char *name = al_folder_instruction_files[i];
			struct stat st;

			if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
				error = al_source_dir_add_file(mem, fd, name, &ancestor_surface);
		}
		close(fd);
		for (size_t i = before; i < mem->count && !error; i++) {
			struct airlock_entry *e = &mem->entries[i];
			char *shown;

			if (asprintf(&shown, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", e->path) <
			    0)
				return al_error_oom();
			free(e->path);
			e->path = shown;
		}
		if (strcmp(dir, "/") == 0)
			break;
	}
	return error;
}

/* The files trusted configuration names as instructions (Gemini's
 * context.fileName, Codex's project_doc_fallback_filenames, VS Code's
 * chat.instructionsFilesLocations, Aider's read, ...): read into the
 * snapshot so that they are scanned with the rest. Parsed only now, after the
 * gate said trusted. */
static int named_files(airlock_project *p)
{
	return al_inspect_named_files(p);
}

/* --- @imports ------------------------------------------------------------------ */

struct imports {
	airlock_project *p;
	int error;
};

/* The import's project path; false when it would leave the project (home
 * and absolute paths, "..", or an importing file that is not in the tree). */
static bool resolve_import(char *out, size_t size, const char *from, const char *target)
{
	if (target[0] == '~' || from[0] == '~')
		return false;
	return al_snapshot_join(out, size, from, target);
}

static void follow_imports(struct imports *im, size_t idx, int depth);

static void import_one(struct imports *im, const char *from, const char *target, int depth)
{
	char path[LIMIT_PATH_BYTES];
	size_t before = im->p->snap.count;

	/* not followed; the scan reports it where it stands (AL012) */
	if (!resolve_import(path, sizeof(path), from, target))
		return;
	im->error = al_source_dir_add_file(&im->p->snap, im->p->rootfd, path, &import_surface);
	/* A path already loaded is not added again: that ends every cycle. */
	if (!im->error && im->p->snap.count > before)
		follow_imports(im, before, depth + 1);
}

struct follow {
	struct imports *im;
	const char *from, *text;
	int depth;
};

static bool follow_one(void *arg, size_t start, size_t n)
{
	struct follow *f = arg;
	char word[LIMIT_PATH_BYTES];

	if (n < sizeof(word)) {
		memcpy(word, f->text + start, n);
		word[n] = '\0';
		import_one(f->im, f->from, word, f->depth);
	}
	return f->im->error == 0;
}

/* Claude Code's "@path" imports, as the scanner finds them (scanners/imports.c). */
static void follow_imports(struct imports *im, size_t idx, int depth)
{
	const struct airlock_entry *e = &im->p->snap.entries[idx];
	char from[LIMIT_PATH_BYTES];
	struct follow f = { im, from, NULL, depth };
	char *text;

	if (depth > LIMIT_IMPORT_DEPTH || !e->data || e->kind != AIRLOCK_KIND_MARKDOWN)
		return;
	snprintf(from, sizeof(from), "%s", e->path);
	/* the entry array may move while imports are added: copy the text */
	if (!(text = malloc(e->data_len ? e->data_len : 1))) {
		im->error = al_error_oom();
		return;
	}
	memcpy(text, e->data, e->data_len);
	f.text = text;
	al_imports_each((const unsigned char *)text, e->data_len, follow_one, &f);
	free(text);
}

static int resolve_imports(struct imports *im, airlock_project *p)
{
	size_t n = p->snap.count;

	memset(im, 0, sizeof(*im));
	im->p = p;
	for (size_t i = 0; i < n && !im->error; i++) {
		const struct airlock_entry *e = &p->snap.entries[i];

		if (e->cls == AIRLOCK_CLASS_INSTRUCTIONS &&
		    strcmp(e->surface->agent, "Claude Code") == 0)
			follow_imports(im, i, 1);
	}
	return im->error;
}

/* --- the pipeline -------------------------------------------------------------- */

/* True when `file` is an executable entry of the snapshot: in restricted
 * mode the agent gets none of those, so what they hold cannot reach it. */
static bool dropped_when_restricted(const airlock_project *p, const char *file)
{
	for (size_t i = 0; i < p->snap.count; i++)
		if (strcmp(p->snap.entries[i].path, file) == 0)
			return p->snap.entries[i].cls == AIRLOCK_CLASS_EXECUTABLE;
	return false;
}

/* Scans everything the agent would read; the report stays with the project
 * so that a caller told AIRLOCK_EBLOCKED can show why. */
static int scan(airlock_project *p, const struct snapshot *mem, const struct trust_record *rec,
		bool restricted)
{
	airlock_report *r = NULL;
	const airlock_finding *f;
	int error;

	if ((error = al_scan_snapshots(&r, p, mem)) < 0)
		return error;
	al_scan_report_finish(r, &p->scan);
	al_gate_mark_accepted(r, rec, &p->snap, mem);
	p->report = r;
	if (!airlock_report_blocks(r))
		return 0;
	/* the one line names the worst finding that counts; the report has all */
	const airlock_finding *worst = NULL;

	for (size_t i = 0; (f = airlock_report_finding(r, i)); i++) {
		if (airlock_finding_severity(f) < r->threshold || airlock_finding_accepted(f) ||
		    (restricted && dropped_when_restricted(p, airlock_finding_file(f))))
			continue;
		if (!worst || airlock_finding_severity(f) > airlock_finding_severity(worst))
			worst = f;
	}
	if (worst)
		return al_error_set(AIRLOCK_EBLOCKED, "%s (%s) in %s:%u: %s",
				    airlock_finding_rule(worst),
				    airlock_severity_name(airlock_finding_severity(worst)),
				    airlock_finding_file(worst), airlock_finding_line(worst),
				    airlock_finding_message(worst));
	return restricted
		       ? 0
		       : al_error_set(AIRLOCK_EBLOCKED, "findings at or above the block threshold");
}

/* Content the agent would read that airlock could not read (and so could
 * not scan) stops the load. */
static int check_readable(const struct snapshot *snap, bool executable_too)
{
	for (size_t i = 0; i < snap->count; i++) {
		const struct airlock_entry *e = &snap->entries[i];
		unsigned int bad = e->reasons & AIRLOCK_REASON_UNREAD;
		char *shown;

		if (!bad || (!executable_too && e->cls == AIRLOCK_CLASS_EXECUTABLE))
			continue;
		shown = al_utf8_escape(e->path, strlen(e->path), false);
		al_error_set(AIRLOCK_EBLOCKED, "%s was not read (%s), so it cannot be scanned",
			     shown ? shown : "a context file", airlock_reason_name(bad & -bad));
		free(shown);
		return AIRLOCK_EBLOCKED;
	}
	return 0;
}

static int gate(airlock_state *state, struct trust_record *rec, airlock_project *p)
{
	struct trust_verdict v;
	int error;

	if ((error = al_gate_check(&v, rec, p)) < 0)
		return error;
	*state = v.state;
	switch (v.state) {
	case AIRLOCK_STATE_TRUSTED:
	case AIRLOCK_STATE_RESTRICTED:
	case AIRLOCK_STATE_NONE: /* nothing executable: the scan below decides */
		error = 0;
		break;
	case AIRLOCK_STATE_CHANGED:
		error = al_error_set(AIRLOCK_ECHANGED, "%s", v.reason);
		break;
	case AIRLOCK_STATE_DENIED:
		error = al_error_set(AIRLOCK_EDENIED, "%s", v.reason);
		break;
	default:
		error = al_error_set(AIRLOCK_EUNTRUSTED, "%s", v.reason);
		break;
	}
	al_trust_verdict_clear(&v);
	return error;
}

static int collect_instructions(airlock_config *c, const struct snapshot *snap)
{
	int error = 0;

	for (size_t i = 0; i < snap->count && !error; i++) {
		const struct airlock_entry *e = &snap->entries[i];

		if (e->cls == AIRLOCK_CLASS_INSTRUCTIONS && e->data)
			error = al_config_add_instruction(c, e->path, e->data, e->data_len);
	}
	return error;
}

int airlock_project_load(airlock_config **out, airlock_project *p)
{
	struct imports im = { 0 };
	struct trust_record rec = { 0 };
	struct snapshot mem;
	airlock_config *c = NULL;
	int error;

	if (!out || !p)
		return al_error_set(AIRLOCK_EINVALID, "airlock_project_load: no project");
	*out = NULL;
	airlock_report_free(p->report);
	p->report = NULL;
	al_snapshot_init(&mem, p->snap.max_file_size);
	if (!(c = calloc(1, sizeof(*c))))
		return al_error_oom();
	if ((error = gate(&c->state, &rec, p)) < 0 ||
	    (c->state == AIRLOCK_STATE_TRUSTED && (error = named_files(p)) < 0) ||
	    (error = read_memory(&mem, p->path)) < 0 ||
	    (error = read_ancestors(&mem, p->path)) < 0 || (error = al_snapshot_finish(&mem)) < 0 ||
	    (error = resolve_imports(&im, p)) < 0 || (error = al_snapshot_finish(&p->snap)) < 0 ||
	    (error = scan(p, &mem, &rec, c->state == AIRLOCK_STATE_RESTRICTED)) < 0)
		goto out;
	/* Whatever the threshold: unread content would reach the agent unscanned. */
	if ((error = check_readable(&p->snap, c->state != AIRLOCK_STATE_RESTRICTED)) < 0 ||
	    (error = check_readable(&mem, false)) < 0)
		goto out;
	if (c->state == AIRLOCK_STATE_TRUSTED &&
	    (error = al_config_parse_executable(c, &p->snap)) < 0)
		goto out;
	if ((error = collect_instructions(c, &p->snap)) < 0 ||
	    (error = collect_instructions(c, &mem)) < 0)
		goto out;
	*out = c;
	c = NULL;
out:
	al_trust_record_clear(&rec);
	al_snapshot_free(&mem);
	airlock_config_free(c);
	return error;
}
