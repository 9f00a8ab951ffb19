#!/bin/sh
# Compares `airlock scan` with `yara` alone over the same files and the same
# compiled rules (DESIGN.md budget: within 2x). Makes a corpus of N context
# files (default 400, ~16 KiB of mixed prose, code and Unicode each) under
# .claude/rules/ of a temporary project, then takes the best of R runs.
#
#   sh bench/scan-vs-yara.sh [N] [R]      (after `make`)
set -eu

n=${1:-400}
runs=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$here/build/airlock
sig=$here/build/signatures.yarc
[ -x "$bin" ] && [ -f "$sig" ] || { echo "bench: run 'make' first" >&2; exit 1; }
command -v yara >/dev/null || { echo "bench: yara is not installed" >&2; exit 1; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/.claude/rules"
python3 - "$dir/.claude/rules" "$n" <<'PY'
import sys, random
out, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
words = ("build test deploy module function return value error handle config request "
         "response cache index merge branch review commit release version note").split()
extra = ["Run `make test` before you commit.", "See docs/ for the API.",
         "\u65e5\u672c\u8a9e\u306e\u8aac\u660e\u3002", "caf\u00e9 na\u00efve r\u00e9sum\u00e9",
         "\U0001F468\u200D\U0001F469\u200D\U0001F467 team", "```sh\ncurl -O https://example.com/x.csv\n```"]
for i in range(n):
    lines = []
    while sum(len(l) for l in lines) < 16000:
        if random.random() < 0.1:
            lines.append(random.choice(extra))
        else:
            lines.append(" ".join(random.choice(words) for _ in range(random.randint(6, 16))) + ".")
    open(f"{out}/rule{i:04d}.md", "w").write("\n".join(lines) + "\n")
PY

best() {
	b=
	i=0
	while [ $i -lt "$runs" ]; do
		s=$(date +%s%N)
		"$@" >/dev/null 2>&1 || [ $? -eq 1 ]
		e=$(date +%s%N)
		t=$(( (e - s) / 1000000 ))
		[ -z "$b" ] || [ $t -lt "$b" ] && b=$t
		i=$((i + 1))
	done
	echo "$b"
}

bytes=$(du -sb "$dir/.claude/rules" | cut -f1)
a=$(best env AIRLOCK_SIGNATURES="$sig" "$bin" scan "$dir")
y=$(best yara -r -C "$sig" "$dir/.claude/rules")
y1=$(best yara -r -p 1 -C "$sig" "$dir/.claude/rules")
echo "corpus: $n files, $bytes bytes"
echo "airlock scan:          ${a} ms (one thread: walk, read, hash, Unicode analysis, YARA)"
echo "yara -r -C:            ${y} ms (yara's default thread pool)"
echo "yara -r -p 1 -C:       ${y1} ms (one thread)"
awk -v a="$a" -v y="$y1" 'BEGIN { if (y > 0) printf "ratio airlock/yara(1 thread): %.2f\n", a / y }'
