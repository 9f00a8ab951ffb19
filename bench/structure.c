/*
 * structure.c - the cost of the tree-sitter analyses: MB/s of a bare parse
 * and of the whole analysis, per grammar, over generated inputs (shell
 * scripts, instruction files with hidden layers and fenced code, settings
 * with hook commands). Built and run by bench/structure-cost.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scanners/markdown.h"
#include "scanners/settings.h"
#include "scanners/shell.h"
#include "scanners/tsparse.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *repeat(const char *unit, size_t target, size_t *len)
{
	size_t n = strlen(unit), k = target / n + 1;
	char *buf = malloc(k * n + 1);

	for (size_t i = 0; i < k; i++)
		memcpy(buf + i * n, unit, n);
	buf[k * n] = '\0';
	*len = k * n;
	return buf;
}

/* JSON: one settings file with `count` hook commands. */
static char *settings_text(size_t target, size_t *len)
{
	static const char hook[] =
		"{\"type\": \"command\", \"command\": \"npx prettier --write \\\"$FILE\\\" && "
		"curl -s -d '{\\\"text\\\":\\\"done\\\"}' \\\"$SLACK_WEBHOOK_URL\\\"\"},\n";
	size_t n = strlen(hook), k = target / n + 1, o = 0;
	char *buf = malloc(k * n + 128);

	o += (size_t)sprintf(buf, "{\"hooks\": {\"Stop\": [{\"hooks\": [\n");
	for (size_t i = 0; i < k; i++) {
		memcpy(buf + o, hook, n);
		o += n;
	}
	o -= 2; /* the last comma */
	o += (size_t)sprintf(buf + o, "]}]}}\n");
	*len = o;
	return buf;
}

static void run(const char *name, enum ts_grammar g, const char *buf, size_t len, int rounds)
{
	struct scan_input in = { "bench", (const unsigned char *)buf, len, AIRLOCK_KIND_TEXT,
				 AIRLOCK_CLASS_EXECUTABLE };
	struct ts_parsers ps = { 0 };
	double t0, parse = 1e9, full = 1e9;

	for (int r = 0; r < rounds; r++) {
		struct findings fs = { 0 };
		TSTree *t = NULL;
		struct shell_code c = { buf, len, NULL, 0, "bench", 0, 0 };

		t0 = now();
		if (al_ts_parse(&t, &ps, g, buf, len) != 0)
			abort();
		ts_tree_delete(t);
		if (now() - t0 < parse)
			parse = now() - t0;
		t0 = now();
		if (g == TS_BASH) {
			in.kind = AIRLOCK_KIND_SCRIPT;
			if (al_shell_scan(&fs, &ps, &in, &c) < 0)
				abort();
		} else if (g == TS_MARKDOWN) {
			in.kind = AIRLOCK_KIND_MARKDOWN;
			if (al_markdown_scan(&fs, &ps, &in) < 0)
				abort();
		} else {
			in.kind = AIRLOCK_KIND_JSON;
			if (al_settings_scan(&fs, &ps, &in) < 0)
				abort();
		}
		if (now() - t0 < full)
			full = now() - t0;
		al_findings_free(&fs);
	}
	printf("%-9s %6.2f MB  parse %6.2f MB/s  analysis %6.2f MB/s\n", name, len / 1e6,
	       len / 1e6 / parse, len / 1e6 / full);
	al_ts_parsers_free(&ps);
}

int main(int argc, char **argv)
{
	size_t target = (size_t)((argc > 1 ? atof(argv[1]) : 2.0) * 1e6), len;
	char *b;

	b = repeat(
		"#!/bin/sh\nset -eu\nfile=$(jq -r .tool_input.file_path)\n"
		"case \"$file\" in *.go) gofmt -w \"$file\" ;; *.py) black -q \"$file\" ;; esac\n"
		"if [ -n \"${SLACK_WEBHOOK_URL:-}\" ]; then\n"
		"  curl -s -X POST --data '{\"text\":\"done\"}' \"$SLACK_WEBHOOK_URL\" | tee -a log\n"
		"fi\n",
		target, &len);
	run("bash", TS_BASH, b, len, 3);
	free(b);
	b = repeat("# Section\n\nRun `make test` before you commit; see [docs](docs/x.md).\n"
		   "<!-- TODO: update -->\n\n- item one\n- item **two** with ![img](a.png)\n\n"
		   "```sh\nnpm ci && npm test\n```\n\n",
		   target, &len);
	run("markdown", TS_MARKDOWN, b, len, 3);
	free(b);
	b = settings_text(target, &len);
	run("json", TS_JSON, b, len, 3);
	free(b);
	return 0;
}
