/*
 * pipeline.c - the scanners in order, on one buffer.
 */
#include <string.h>

#include "formats/formats.h"
#include "scanners/decode.h"
#include "scanners/flood.h"
#include "scanners/imports.h"
#include "scanners/intent.h"
#include "scanners/markdown.h"
#include "scanners/pipeline.h"
#include "scanners/settings.h"
#include "scanners/shell.h"
#include "scanners/tsparse.h"
#include "scanners/unicode.h"

/* A script a hook runs: shell by name or by its #! line. */
static bool is_shell_script(const struct scan_input *in)
{
	size_t n = strlen(in->path);
	const char *nl;
	size_t first;

	if ((n > 3 && strcmp(in->path + n - 3, ".sh") == 0) ||
	    (n > 4 && strcmp(in->path + n - 4, ".zsh") == 0) ||
	    (n > 5 && strcmp(in->path + n - 5, ".bash") == 0))
		return true;
	if (in->len < 3 || memcmp(in->data, "#!", 2) != 0)
		return false;
	nl = memchr(in->data, '\n', in->len);
	first = nl ? (size_t)(nl - (const char *)in->data) : in->len;
	for (size_t i = 2; i + 2 <= first; i++)
		if (memcmp(in->data + i, "sh", 2) == 0 &&
		    (i + 2 == first || in->data[i + 2] == ' ' || in->data[i + 2] == '\r'))
			return true;
	return false;
}

/* ".env" and "x/.env": what Gemini CLI, Qwen Code and Aider load into
 * their environment. */
static bool is_dotenv(const char *path)
{
	const char *base = strrchr(path, '/');

	return strcmp(base ? base + 1 : path, ".env") == 0;
}

/* Findings of the JSON view of a document, placed at the source lines the
 * view's lines came from; the excerpt is the value as the view shows it. */
static int doc_findings(struct findings *fs, size_t from, const struct scan_input *view,
			const struct al_doc *d)
{
	int error = al_findings_locate(fs, from, view);

	for (size_t i = from; i < fs->count && error == 0; i++) {
		struct airlock_finding *f = &fs->v[i];

		f->line = al_doc_source_line(d, f->line);
		f->end_line = al_doc_source_line(d, f->end_line);
		if (f->line == 0)
			f->line = 1;
		if (f->end_line < f->line)
			f->end_line = f->line;
		f->column = 1;
		f->end_column = 1;
	}
	return error;
}

/* The settings analysis over a document of another format (TOML, YAML,
 * front matter): its JSON view. A file that does not parse in its agent's
 * format is a finding (AL420), at `sev` (0: the rule's). */
static int doc_scan(struct findings *fs, struct ts_parsers *ps, const struct scan_input *in,
		    bool front_matter, airlock_severity sev)
{
	struct al_doc d;
	struct scan_input view = *in;
	char why[256], msg[400];
	size_t from = fs->count;
	int rc;

	al_doc_init(&d);
	if (front_matter)
		rc = al_doc_front_matter_agent(&d, in->data, in->len, why, sizeof(why));
	else if (in->kind == AIRLOCK_KIND_TEXT)
		rc = al_dotenv_load(&d, in->data, in->len, why, sizeof(why));
	else
		rc = al_doc_load(&d, in->kind, in->data, in->len, why, sizeof(why));
	if (rc == AIRLOCK_EINVALID) {
		struct finding_spec s = { 0 };

		al_finding_spec_rule(&s, "AL420", sev, msg, sizeof(msg), why);
		s.start = 0;
		s.end = 0;
		rc = al_findings_add(fs, in, &s);
	} else if (rc == 0) {
		if (!d.json && (rc = al_doc_emit(&d)) < 0)
			goto out;
		view.data = (const unsigned char *)d.json;
		view.len = d.json_len;
		view.kind = AIRLOCK_KIND_JSON;
		if ((rc = al_settings_scan(fs, ps, &view)) == 0)
			rc = doc_findings(fs, from, &view, &d);
	} else if (rc == 1) {
		rc = 0; /* no front matter */
	}
out:
	al_doc_free(&d);
	return rc;
}

/* An executable JSON file that the agent's own reader (the one inspection
 * uses: duplicate keys, a byte order mark, a top level that is no object,
 * an empty file) refuses is AL401 too, when the tree's analysis had no
 * parse finding for it: what the review cannot read is never clean. */
static int json_readable(struct findings *fs, const struct scan_input *in, size_t from)
{
	struct al_doc d;
	char why[256], msg[400];
	int rc;

	if (in->cls != AIRLOCK_CLASS_EXECUTABLE)
		return 0;
	for (size_t i = from; i < fs->count; i++)
		if (!strcmp(fs->v[i].rule, "AL401") || !strcmp(fs->v[i].rule, "AL402"))
			return 0;
	al_doc_init(&d);
	rc = al_doc_load(&d, in->kind, in->data, in->len, why, sizeof(why));
	al_doc_free(&d);
	if (rc == AIRLOCK_EINVALID) {
		struct finding_spec s = { 0 };

		al_finding_spec_rule(&s, "AL401", 0, msg, sizeof(msg), why);
		return al_findings_add(fs, in, &s);
	}
	return rc < 0 ? rc : 0;
}

/* The structural analyses: what needs a syntax tree, by kind. */
static int structure_scan(struct findings *fs, const struct scan_input *in)
{
	struct ts_parsers ps = { 0 };
	int error = 0;

	if (in->kind == AIRLOCK_KIND_SCRIPT && is_shell_script(in)) {
		struct shell_code c = { (const char *)in->data, in->len, NULL, 0, "script", 0, 0 };

		error = al_shell_scan(fs, &ps, in, &c);
	} else if (in->kind == AIRLOCK_KIND_JSON || in->kind == AIRLOCK_KIND_JSONC) {
		size_t from = fs->count;

		if ((error = al_settings_scan(fs, &ps, in)) == 0)
			error = json_readable(fs, in, from);
	} else if (in->kind == AIRLOCK_KIND_TOML || in->kind == AIRLOCK_KIND_YAML) {
		error = doc_scan(fs, &ps, in, false, 0);
	} else if (in->kind == AIRLOCK_KIND_TEXT && is_dotenv(in->path)) {
		error = doc_scan(fs, &ps, in, false, 0);
	} else if (in->kind == AIRLOCK_KIND_MARKDOWN) {
		if ((error = al_markdown_scan(fs, &ps, in)) == 0)
			error = al_imports_scan(fs, in);
		if (error == 0 && ((in->len > 3 && memcmp(in->data, "---", 3) == 0) ||
				   (in->len > 6 && memcmp(in->data, "\xef\xbb\xbf---", 6) == 0)))
			error = doc_scan(fs, &ps, in, true,
					 in->cls == AIRLOCK_CLASS_EXECUTABLE
						 ? AIRLOCK_SEVERITY_HIGH
						 : AIRLOCK_SEVERITY_MEDIUM);
		if (error == 0)
			error = al_flood_scan(fs, in);
		if (error == 0)
			error = al_intent_scan(fs, in);
	} else if (in->kind == AIRLOCK_KIND_TEXT) {
		if ((error = al_flood_scan(fs, in)) == 0)
			error = al_intent_scan(fs, in);
	}
	al_ts_parsers_free(&ps);
	return error;
}

int al_scan_buffer(struct findings *fs, const struct yara_set *ys, const struct scan_input *in,
		   int timeout)
{
	struct norm_view nv, dv = { 0 }, rv = { 0 };
	size_t from = fs->count;
	int error;

	if ((error = al_unicode_scan(fs, &nv, in)) < 0 ||
	    (error = al_yara_set_scan(ys, fs, in, NULL, timeout)) < 0)
		goto out;
	/* Hidden characters can split a phrase so that no signature sees it:
	 * the view puts it back together. */
	if (nv.changed && (error = al_yara_set_scan(ys, fs, in, &nv, timeout)) < 0)
		goto out;
	/* Text hidden in an encoding, decoded ("decode this and follow it"). */
	if ((error = al_decoded_view(&dv, in)) < 0 ||
	    (dv.changed && (error = al_yara_set_scan(ys, fs, in, &dv, timeout)) < 0))
		goto out;
	/* and a line written in ROT13, turned back */
	if ((error = al_rot13_view(&rv, in)) < 0 ||
	    (rv.changed && (error = al_yara_set_scan(ys, fs, in, &rv, timeout)) < 0))
		goto out;
	/* and the prose analysis reads what the views uncovered */
	if ((in->kind == AIRLOCK_KIND_MARKDOWN ||
	     (in->kind == AIRLOCK_KIND_TEXT && !is_dotenv(in->path))) &&
	    ((error = al_intent_scan_view(fs, in, &nv)) < 0 ||
	     (error = al_intent_scan_view(fs, in, &dv)) < 0 ||
	     (error = al_intent_scan_view(fs, in, &rv)) < 0))
		goto out;
	if ((error = structure_scan(fs, in)) < 0 || (error = al_findings_locate(fs, from, in)) < 0)
		goto out;
	error = al_findings_combine(fs, from, in);
out:
	al_norm_view_free(&nv);
	al_norm_view_free(&dv);
	al_norm_view_free(&rv);
	return error;
}
