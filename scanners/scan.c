/*
 * scan.c - the scanners in order, on one buffer.
 */
#include "scanners/scan.h"
#include "scanners/unicode.h"

int scan_buffer(struct findings *fs, const struct yara_set *ys, const struct scan_input *in,
		int timeout)
{
	struct norm_view nv;
	size_t from = fs->count;
	int error;

	if ((error = unicode_scan(fs, &nv, in)) < 0 ||
	    (error = yara_set_scan(ys, fs, in, NULL, timeout)) < 0)
		goto out;
	/* Hidden characters can split a phrase so that no signature sees it:
	 * the view puts it back together. */
	if (nv.changed && (error = yara_set_scan(ys, fs, in, &nv, timeout)) < 0)
		goto out;
	if ((error = findings_locate(fs, from, in)) < 0)
		goto out;
	error = findings_combine(fs, from, in);
out:
	norm_view_free(&nv);
	return error;
}
