/*
 * pipeline.c - the scanners in order, on one buffer.
 */
#include <string.h>

#include "scanners/flood.h"
#include "scanners/imports.h"
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

/* The structural analyses: what needs a syntax tree, by kind. */
static int structure_scan(struct findings *fs, const struct scan_input *in)
{
	struct ts_parsers ps = { 0 };
	int error = 0;

	if (in->kind == AIRLOCK_KIND_SCRIPT && is_shell_script(in)) {
		struct shell_code c = { (const char *)in->data, in->len, NULL, 0, "script", 0, 0 };

		error = al_shell_scan(fs, &ps, in, &c);
	} else if (in->kind == AIRLOCK_KIND_JSON || in->kind == AIRLOCK_KIND_JSONC) {
		error = al_settings_scan(fs, &ps, in);
	} else if (in->kind == AIRLOCK_KIND_MARKDOWN) {
		if ((error = al_markdown_scan(fs, &ps, in)) == 0)
			error = al_imports_scan(fs, in);
		if (error == 0)
			error = al_flood_scan(fs, in);
	} else if (in->kind == AIRLOCK_KIND_TEXT) {
		error = al_flood_scan(fs, in);
	}
	al_ts_parsers_free(&ps);
	return error;
}

int al_scan_buffer(struct findings *fs, const struct yara_set *ys, const struct scan_input *in,
		   int timeout)
{
	struct norm_view nv;
	size_t from = fs->count;
	int error;

	if ((error = al_unicode_scan(fs, &nv, in)) < 0 ||
	    (error = al_yara_set_scan(ys, fs, in, NULL, timeout)) < 0)
		goto out;
	/* Hidden characters can split a phrase so that no signature sees it:
	 * the view puts it back together. */
	if (nv.changed && (error = al_yara_set_scan(ys, fs, in, &nv, timeout)) < 0)
		goto out;
	if ((error = structure_scan(fs, in)) < 0 || (error = al_findings_locate(fs, from, in)) < 0)
		goto out;
	error = al_findings_combine(fs, from, in);
out:
	al_norm_view_free(&nv);
	return error;
}
