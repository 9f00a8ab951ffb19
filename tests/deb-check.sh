#!/bin/sh
# The Debian packages (make deb-check; .ci/run): debian/ built with
# dpkg-buildpackage from a copy of the tracked tree (with the fetched grammars
# of build/vendor, so the build needs no network), then:
#  - each package holds what it should (the command, signatures, man pages,
#    completions and Claude Code plugin; the shared library; the header, the
#    static library, airlock.pc and libairlock(3));
#  - the packaged airlock, unpacked, runs with nothing of the build: it finds
#    its packaged signatures, scans, and its man page renders;
#  - a program built against the unpacked -dev package runs with the unpacked
#    shared library.
#
#   tests/deb-check.sh BUILD
set -eu

B=$1
fail() {
	echo "deb-check: $*" >&2
	exit 1
}
command -v dpkg-buildpackage >/dev/null && command -v dh >/dev/null ||
	fail "dpkg-buildpackage or debhelper is missing; run 'make deps'"
[ -d "$B/vendor" ] || fail "$B/vendor is missing; run 'make deps'"

version=$(dpkg-parsechangelog -l debian/changelog -S Version)
work=$(cd "$B" && pwd)/deb
src=$work/airlock-$version
rm -rf "$work"
mkdir -p "$src/build"
git ls-files -z | xargs -0 cp -P --parents -t "$src"
cp -r "$B/vendor" "$src/build/vendor"
(cd "$src" && DEB_BUILD_OPTIONS=parallel=2 dpkg-buildpackage -us -uc -b >"$work/build.log" 2>&1) ||
	fail "dpkg-buildpackage failed; see $work/build.log"

arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
for p in airlock libairlock0 libairlock-dev; do
	[ -f "$work/${p}_${version}_$arch.deb" ] || fail "no ${p}_${version}_$arch.deb"
done
contains() { # contains PACKAGE PATH...
	p=$1
	shift
	list=$(dpkg-deb -c "$work/${p}_${version}_$arch.deb" | awk '{print $6}')
	for f in "$@"; do
		echo "$list" | grep -qx "\./$f" || fail "$p has no $f"
	done
}
contains airlock usr/bin/airlock usr/share/airlock/signatures.yarc \
	usr/share/man/man1/airlock.1.gz usr/share/bash-completion/completions/airlock \
	usr/share/zsh/site-functions/_airlock usr/share/fish/vendor_completions.d/airlock.fish \
	usr/share/airlock/claude-plugin/hooks/hooks.json usr/share/airlock/claude-plugin/hooks/airlock-gate
contains libairlock0 "usr/lib/$multiarch/libairlock.so.$version" "usr/lib/$multiarch/libairlock.so.0"
contains libairlock-dev usr/include/airlock.h "usr/lib/$multiarch/libairlock.a" \
	"usr/lib/$multiarch/libairlock.so" "usr/lib/$multiarch/pkgconfig/airlock.pc" \
	usr/share/man/man3/libairlock.3.gz

# what is dlopen()ed (libcurl, libgit2) is a dependency of both packages
# that load it: dpkg-shlibdeps cannot see it
for so in libcurl.so.4 "libgit2.so.$(pkg-config --modversion libgit2 | cut -d. -f1-2)"; do
	need=$(dpkg -S "/usr/lib/$multiarch/$so" | cut -d: -f1)
	for p in airlock libairlock0; do
		dpkg-deb -f "$work/${p}_${version}_$arch.deb" Depends | tr ',' '\n' | sed 's/^ *//; s/ .*//' |
			grep -qx "$need" || fail "$p does not depend on $need, which holds the $so it loads"
	done
done

root=$work/root
for p in airlock libairlock0 libairlock-dev; do
	dpkg-deb -x "$work/${p}_${version}_$arch.deb" "$root"
done
unset AIRLOCK_SIGNATURES
"$root/usr/bin/airlock" --version | grep -qx "airlock $version" || fail "the packaged airlock's version"
"$root/usr/bin/airlock" rules AL101 >/dev/null || fail "the packaged airlock finds no signatures"
rc=0
"$root/usr/bin/airlock" scan fixtures/scan/override/ignore-previous >/dev/null || rc=$?
[ $rc -eq 1 ] || fail "the packaged airlock scanned a poisoned fixture with exit $rc, not 1"
[ "$(man -l "$root/usr/share/man/man1/airlock.1.gz" 2>/dev/null | wc -l)" -gt 40 ] ||
	fail "the packaged airlock(1) does not render"
cc -o "$work/embed" contrib/embed/embed.c -I"$root/usr/include" -L"$root/usr/lib/$multiarch" \
	-lairlock || fail "contrib/embed does not build against libairlock-dev"
LD_LIBRARY_PATH="$root/usr/lib/$multiarch" AIRLOCK_SIGNATURES="$root/usr/share/airlock/signatures.yarc" \
	HOME="$work" AIRLOCK_TRUST_DIR="$work/store" "$work/embed" fixtures/example >/dev/null 2>&1 && rc=0 || rc=$?
[ $rc -eq 3 ] || fail "contrib/embed on the packaged library: exit $rc on an untrusted project, not 3"
echo "deb-check: airlock, libairlock0 and libairlock-dev $version build, hold their files and run unpacked"
