#!/bin/sh
# The installed files, as an embedding program uses them (make install-check).
#
#   tests/install-check.sh BUILD STAGE [SANITIZE_FLAGS]
#
# After a build for the default PREFIX, installs to two fresh prefixes in
# turn (the second catches files that remember the first), then for the
# last one:
#  - only airlock_* leaves libairlock.so, and libairlock.a defines no other
#    global symbol: a program with its own error_set, hash_new or
#    tree_sitter_bash links it;
#  - `pkg-config --cflags --libs airlock` names that prefix and its header;
#  - the man pages and the bash, zsh and fish completions are installed,
#    and man finds the pages;
#  - contrib/embed, built from it, shared and static, refuses the untrusted
#    example (3) and loads it once trusted, with no AIRLOCK_SIGNATURES: the
#    library finds the signatures it was installed with.
set -eu

B=$1
STAGE=$2
SAN=${3:-}
MAKE=${MAKE:-make}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
CC=${CC:-cc}

fail() {
	echo "install-check: $*" >&2
	exit 1
}

leak=$(nm -D --defined-only "$B/libairlock.so" | awk '$2 ~ /[TDBR]/ {print $3}' |
	grep -v '^airlock_' || true)
[ -z "$leak" ] || fail "libairlock.so exports non-API symbols: $leak"
leak=$(nm -g --defined-only "$B/libairlock.a" | awk 'NF == 3 {print $3}' |
	grep -v '^airlock_' || true)
[ -z "$leak" ] || fail "libairlock.a defines non-API global symbols: $(echo $leak | head -c 300)"

rm -rf "$STAGE" "$STAGE-first" "$B/embed-home" "$B/embed-store"
$MAKE -s install PREFIX="$STAGE-first" >/dev/null
$MAKE -s install PREFIX="$STAGE" >/dev/null
rm -rf "$STAGE-first"

export PKG_CONFIG_PATH="$STAGE/lib/pkgconfig"
inc=$($PKG_CONFIG --variable=includedir airlock)
[ "$inc" = "$STAGE/include" ] || fail "airlock.pc names $inc, not $STAGE/include"
[ -f "$inc/airlock.h" ] || fail "no airlock.h where airlock.pc says ($inc)"
cflags=$($PKG_CONFIG --cflags airlock)

mkdir -p "$B/tests" "$B/embed-home"
# shellcheck disable=SC2086
$CC $SAN -o "$B/tests/embed" contrib/embed/embed.c $cflags $($PKG_CONFIG --libs airlock)
cat >"$B/tests/embed-clash.c" <<'EOF'
/* Names a program may well define for itself; none may clash with libairlock.a. */
int error_set(void);
int hash_new(void);
int al_error_set(void);
int tree_sitter_bash(void);
int error_set(void) { return 1; }
int hash_new(void) { return 2; }
int al_error_set(void) { return 3; }
int tree_sitter_bash(void) { return 4; }
EOF
# shellcheck disable=SC2086
$CC $SAN -o "$B/tests/embed-static" contrib/embed/embed.c "$B/tests/embed-clash.c" $cflags \
	"$STAGE/lib/libairlock.a" $($PKG_CONFIG --static --libs-only-l airlock | sed 's/-lairlock//') ||
	fail "a program with its own error_set does not link libairlock.a"

unset AIRLOCK_SIGNATURES
export LD_LIBRARY_PATH="$STAGE/lib" HOME="$PWD/$B/embed-home" AIRLOCK_TRUST_DIR="$PWD/$B/embed-store"
for embed in "$B/tests/embed" "$B/tests/embed-static"; do
	rc=0
	"$embed" fixtures/example >/dev/null 2>&1 || rc=$?
	[ $rc -eq 3 ] || fail "$embed on an untrusted project exited $rc, not 3"
done
"$STAGE/bin/airlock" trust --yes fixtures/example >/dev/null || fail "the installed airlock cannot trust"
for embed in "$B/tests/embed" "$B/tests/embed-static"; do
	out=$("$embed" fixtures/example 2>&1) || fail "$embed does not load the trusted example: $out"
	echo "$out" | grep -q '^hook SessionStart ./.claude/hooks/session-start.sh$' ||
		fail "$embed loaded the example without its hook: $out"
done
"$STAGE/bin/airlock" rules AL101 >/dev/null ||
	fail "the installed airlock does not find its installed signatures"
for f in share/man/man1/airlock.1 share/man/man3/libairlock.3 \
	share/bash-completion/completions/airlock share/zsh/site-functions/_airlock \
	share/fish/vendor_completions.d/airlock.fish share/airlock/claude-plugin/hooks/hooks.json \
	share/airlock/claude-plugin/.claude-plugin/plugin.json; do
	[ -s "$STAGE/$f" ] || fail "make install did not install $f"
done
[ -x "$STAGE/share/airlock/claude-plugin/hooks/airlock-gate" ] ||
	fail "make install did not install the Claude Code plugin's hook"
[ "$(MANPATH="$STAGE/share/man" man -w airlock)" = "$STAGE/share/man/man1/airlock.1" ] ||
	fail "man does not find the installed airlock(1)"
[ "$(MANPATH="$STAGE/share/man" man -w 3 libairlock)" = "$STAGE/share/man/man3/libairlock.3" ] ||
	fail "man does not find the installed libairlock(3)"
echo "install-check: two prefixes in turn; contrib/embed (shared and static), the signatures, man pages and completions work from the installed files"
