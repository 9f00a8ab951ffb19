#!/bin/sh
# The cost of the tree-sitter analyses (issue 6): MB/s of a bare parse and of
# the whole analysis for bash, Markdown and JSON over ~SIZE MB of generated
# input each (default 2), best of 3.
#
#   sh bench/structure-cost.sh [SIZE]      (after `make`)
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$here/build/libairlock.a" ] || { echo "bench: run 'make' first" >&2; exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cc -O2 -std=gnu11 -D_GNU_SOURCE -I"$here/include" -I"$here" -o "$out" "$here/bench/structure.c" \
	"$here/build/libairlock.a" $(pkg-config --libs jansson libgit2 yara tree-sitter libcrypto libseccomp)
"$out" "${1:-2}"
