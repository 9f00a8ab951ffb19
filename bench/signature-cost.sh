#!/bin/sh
# What each signature costs yara (issue 20): for every string of
# build/signatures.yarc, how often the literal yara looks for first (its atom)
# occurs in the files under PATH (default: bench/run's memory corpus when it
# has been built, else /usr/share/doc), most first. Each occurrence starts the
# string's expression; see signatures/README.md, "Writing a rule".
#
#   sh bench/signature-cost.sh [PATH...]      (after `make`)
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$here/build/signatures.yarc" ] || { echo "bench: run 'make' first" >&2; exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cc -O2 -std=gnu11 -o "$out" "$here/bench/atoms.c" $(pkg-config --cflags --libs yara)
if [ $# -eq 0 ]; then
	if [ -d "$here/build/bench/memory" ]; then
		set -- "$here/build/bench/memory"
	else
		set -- /usr/share/doc
	fi
fi
"$out" "$here/build/signatures.yarc" "$@"
