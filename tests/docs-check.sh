#!/bin/sh
# The man pages and the completion scripts (make docs-check, part of make test).
#
#   tests/docs-check.sh AIRLOCK
#
#  - each man/*.[1-9] renders with groff -ww and man -l without one warning,
#    and names the version `airlock --version` prints;
#  - airlock(1) has a section for every command `airlock --help` lists (the
#    command table of cli/main.c);
#  - `airlock completion bash|zsh|fish` parse in their shells, complete every
#    command of that table, each command's options and the values of
#    --format (bash and fish run their completion; zsh is checked for syntax
#    and content, as it completes only inside an interactive shell).
set -eu

A=$1
fail() {
	echo "docs-check: $*" >&2
	exit 1
}
for sh in groff man zsh fish; do
	command -v $sh >/dev/null || fail "$sh is missing; run 'make deps'"
done

for page in man/*.[1-9]; do
	out=$(groff -man -Tutf8 -ww -z "$page" 2>&1) || fail "$page: groff failed: $out"
	[ -z "$out" ] || fail "$page: groff warns: $out"
	out=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null) || fail "$page: man -l failed"
	[ -z "$out" ] || fail "$page: man -l warns: $out"
	[ "$(MANWIDTH=80 man -l "$page" 2>/dev/null | wc -l)" -gt 40 ] || fail "$page renders short"
done

version=$("$A" --version | awk '{print $2}')
for page in man/*.[1-9]; do
	grep -q "^\.TH .* \"airlock $version\"" "$page" ||
		fail "$page does not name airlock $version in its .TH line"
done

commands=$("$A" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 {print $1}')
[ "$(echo "$commands" | wc -l)" -ge 10 ] || fail "no command list in 'airlock --help'"
for c in $commands; do
	grep -q "^\.SS \"$c\( \|\"\)" man/airlock.1 || fail "airlock(1) has no section for '$c'"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$A" completion bash >"$tmp/airlock.bash"
"$A" completion zsh >"$tmp/_airlock"
"$A" completion fish >"$tmp/airlock.fish"
bash -n "$tmp/airlock.bash" || fail "the bash completion does not parse"
zsh -n "$tmp/_airlock" || fail "the zsh completion does not parse"
fish -n "$tmp/airlock.fish" || fail "the fish completion does not parse"
! "$A" completion tcsh >/dev/null 2>&1 || fail "completion accepted an unknown shell"

# bash: COMPREPLY for the words so far
bash_complete() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _airlock
		printf "%s\n" "${COMPREPLY[@]}"' sh "$tmp/airlock.bash" "$@"
}
fish_complete() {
	fish -c "source $tmp/airlock.fish; complete -C '$1'" | cut -f1
}
has() { # has WORD LIST...
	w=$1
	shift
	echo "$*" | tr ' ' '\n' | grep -qx -- "$w"
}
all=$(bash_complete airlock "")
fishall=$(fish_complete "airlock ")
for c in $commands; do
	has "$c" $all || fail "bash does not complete the command '$c'"
	has "$c" $fishall || fail "fish does not complete the command '$c'"
	grep -q "^		'$c:" "$tmp/_airlock" || fail "zsh does not complete the command '$c'"
	case $c in help | completion | shell-init) continue ;; esac
	has --help $(bash_complete airlock "$c" --) || fail "bash: no --help for '$c'"
	has --help $(fish_complete "airlock $c --") || fail "fish: no --help for '$c'"
done
for want in "trust --accept-unbound" "exec --pin" "quarantine --restore" "scan --git" \
	"scan --memory" "clone --fail-on" "rules --rules"; do
	set -- $want
	has "$2" $(bash_complete airlock "$1" --) || fail "bash: no $2 for '$1'"
	has "$2" $(fish_complete "airlock $1 --") || fail "fish: no $2 for '$1'"
	grep -q "^	$1) opts=(.* $2[ )]" "$tmp/_airlock" || fail "zsh: no $2 for '$1'"
done
has sarif $(bash_complete airlock scan --format "") || fail "bash: no sarif after scan --format"
has sarif $(fish_complete "airlock scan --format ") || fail "fish: no sarif after scan --format"
has markdown $(bash_complete airlock surfaces --format "") || fail "bash: surfaces --format"
has fish $(bash_complete airlock completion "") || fail "bash: no shells after completion"
has scan $(bash_complete airlock help "") || fail "bash: no commands after help"
echo "docs-check: $(ls man/*.[1-9] | wc -l) man pages, $(echo "$commands" | wc -l) commands completed in bash, zsh and fish"
