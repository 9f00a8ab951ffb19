# airlock - plain Makefile (GNU make).
#
#   make run      install dependencies, build, show a bundled example project
#   make test     install dependencies, build, run every test
#   make deps     install the Debian packages and fetch the pinned grammars
#   make SANITIZE=1 test    the same under ASan + UBSan
#   make WERROR=1           warnings are errors (CI)
#   make install / uninstall    honour PREFIX and DESTDIR

# The version is written once, in include/airlock.h.
VERSION := $(shell sed -n 's/^\#define AIRLOCK_VERSION_\(MAJOR\|MINOR\|PATCH\) *\([0-9]*\).*/\2/p' \
	include/airlock.h | paste -sd.)
SOVERSION := 0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share/airlock
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

CC ?= cc
LD ?= ld
OBJCOPY ?= objcopy
PKG_CONFIG ?= pkg-config
CLANG_FORMAT ?= clang-format
B := build

# Debian packages the build needs; the pkg-config names they provide.
DEB_PACKAGES := build-essential pkg-config libjansson-dev libgit2-dev libyara-dev yara \
	libtree-sitter-dev check libssl-dev libseccomp-dev libyaml-dev libcurl4-openssl-dev \
	libpsl-dev python3-jsonschema python3-yaml man-db groff-base zsh fish debhelper
PKGS := jansson libgit2 yara tree-sitter libcrypto libseccomp yaml-0.1 libcurl libpsl
# libcurl and libgit2 are compiled against (their headers) but not linked:
# common/url.c dlopen()s libcurl.so.4 (Debian libcurl4) the first time it
# reads a URL, common/gitlib.c libgit2.so.1.5 (libgit2-1.5) the first time it
# reads a repository, so that what never does (status, load, the gate,
# version) does not map them and the thirty libraries they need.
LINK_PKGS := $(filter-out libcurl libgit2,$(PKGS))
TEST_PKGS := check

CFLAGS ?= -O2 -g
ifeq ($(SANITIZE),1)
CFLAGS := -O1 -g -fno-omit-frame-pointer
override CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=all
override LDFLAGS += -fsanitize=address,undefined
endif

WARNINGS := -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif
override CFLAGS += -std=gnu11 $(WARNINGS) -fvisibility=hidden -fPIC -fstack-protector-strong \
	-D_FORTIFY_SOURCE=2 -D_GNU_SOURCE -DAIRLOCK_BUILDING -Iinclude -I. -MMD -MP
# --build-id: the verdict cache keys on it (scan/vcache.c), as the GNU
# toolchains' default.
override LDFLAGS += -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack -Wl,--build-id=sha1

# pkg-config is asked only when a build needs it, so `make deps` and
# `make clean` work on a machine that has nothing yet.
DEP_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
DEP_LIBS = $(shell $(PKG_CONFIG) --libs $(LINK_PKGS) 2>/dev/null)
CHECK_LIBS = $(shell $(PKG_CONFIG) --libs $(TEST_PKGS) 2>/dev/null)

# YARA rule sources, compiled at build time into one file that is loaded
# (never compiled) at run time; the library looks for it in DATADIR.
SIG_SRC := $(sort $(wildcard signatures/*.yar))
SIGNATURES := $(B)/signatures.yarc

# The library, one folder per pipeline stage (README, "Layout"); make
# check-layers enforces which folder may include which.
LIB_DIRS := common formats surfaces snapshot trust scanners sandbox config scan memory api
LIB_SRC := $(wildcard $(LIB_DIRS:%=%/*.c))
CLI_SRC := $(wildcard cli/*.c)
TEST_SRC := $(wildcard tests/*.c tests/unit/*.c tests/cli/*.c)
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY := $(FUZZ_TARGETS:%=$(B)/fuzz/replay-%)
FUZZ_SECONDS ?= 60

LIB_OBJ := $(LIB_SRC:%.c=$(B)/obj/%.o)
# The same sources with the test seams (common/unittest.h), for the test
# program, the fuzz replays and the benchmarks only; never installed.
LIB_TEST_OBJ := $(LIB_SRC:%.c=$(B)/obj-test/%.o)

# The tree-sitter grammars (fetched by `make deps`, never committed): generated
# third-party C, compiled once with its own flags (no warnings of ours, no
# -Werror, no sanitizers) into $(B)/grammar/, which `make clean` keeps.
# TREE_SITTER_HIDE_SYMBOLS and -fvisibility=hidden keep tree_sitter_* out of
# libairlock.so's exports.
V := $(B)/vendor
GRAMMAR_SRC := $(V)/tree-sitter-bash/src/parser.c $(V)/tree-sitter-bash/src/scanner.c \
	$(V)/tree-sitter-json/src/parser.c \
	$(V)/tree-sitter-markdown/tree-sitter-markdown/src/parser.c \
	$(V)/tree-sitter-markdown/tree-sitter-markdown/src/scanner.c \
	$(V)/tree-sitter-markdown/tree-sitter-markdown-inline/src/parser.c \
	$(V)/tree-sitter-markdown/tree-sitter-markdown-inline/src/scanner.c \
	$(V)/tree-sitter-python/src/parser.c $(V)/tree-sitter-python/src/scanner.c \
	$(V)/tree-sitter-javascript/src/parser.c $(V)/tree-sitter-javascript/src/scanner.c
GRAMMAR_OBJ := $(patsubst $(V)/%.c,$(B)/grammar/%.o,$(GRAMMAR_SRC))
GRAMMAR_CFLAGS := -O2 -g -std=gnu11 -w -fPIC -fvisibility=hidden -DTREE_SITTER_HIDE_SYMBOLS
CLI_OBJ := $(CLI_SRC:%.c=$(B)/obj/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(B)/obj-test/%.o)

LIB_A := $(B)/libairlock.a
LIB_TEST_A := $(B)/libairlock-test.a
LIB_SO := $(B)/libairlock.so
CLI := $(B)/airlock
TEST_BIN := $(B)/tests/check_airlock

FORMAT_SRC := $(wildcard include/*.h $(LIB_DIRS:%=%/*.[ch]) cli/*.[ch] tests/*.[ch] \
	tests/unit/*.c tests/cli/*.c tests/fuzz/*.c tests/formats/*.c contrib/embed/*.c bench/*.c)

.PHONY: all deps deps-packages deps-grammars check-deps check-layers test install-check fuzz fuzz-replay failalloc run \
	docs-check completions integrations-check deb-check \
	formats-diff \
	install uninstall clean distclean format format-check valgrind eval

all: check-deps $(LIB_A) $(LIB_SO) $(CLI) $(SIGNATURES) completions

# --- dependencies ------------------------------------------------------------

deps: deps-packages deps-grammars

# A no-op when every library, yara, npm and clang-format are present.
deps-packages:
	@if $(PKG_CONFIG) --exists $(PKGS) $(TEST_PKGS) 2>/dev/null && \
	   command -v yara >/dev/null && command -v npm >/dev/null && command -v git >/dev/null && \
	   python3 -c 'import jsonschema' 2>/dev/null && \
	   python3 -c 'import yaml' 2>/dev/null && \
	   command -v man >/dev/null && command -v groff >/dev/null && \
	   command -v zsh >/dev/null && command -v fish >/dev/null && command -v dh >/dev/null && \
	   command -v $(CLANG_FORMAT) >/dev/null; then \
		echo "deps: Debian packages present"; \
	else \
		SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		pkgs="$(DEB_PACKAGES)"; \
		command -v npm >/dev/null || pkgs="$$pkgs npm"; \
		command -v git >/dev/null || pkgs="$$pkgs git"; \
		command -v $(CLANG_FORMAT) >/dev/null || pkgs="$$pkgs clang-format"; \
		echo "deps: installing $$pkgs"; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends $$pkgs >/dev/null || { \
			echo "deps: apt-get install failed; install these by hand: $$pkgs" >&2; \
			exit 1; }; \
	fi

# The grammars, and the SARIF 2.1.0 schema the tests validate against (from
# an npm package, pinned by SHA-512 like the grammars).
deps-grammars:
	@sh deps/fetch-grammars $(B)/vendor
	@sh deps/fetch-grammars $(B)/vendor deps/schemas.lock

check-deps:
	@command -v yarac >/dev/null || { \
		echo "build: yarac (Debian package yara) is missing; run 'make deps'" >&2; exit 1; }
	@$(PKG_CONFIG) --exists $(PKGS) 2>/dev/null || { \
		echo "build: missing libraries ($$(for p in $(PKGS); do \
			$(PKG_CONFIG) --exists $$p 2>/dev/null || printf '%s ' $$p; done)); run 'make deps'" >&2; \
		exit 1; }

# --- build -------------------------------------------------------------------

# Objects depend on the flags they were built with: switching SANITIZE or
# WERROR rebuilds everything instead of mixing instrumented and plain code.
$(B)/flags: FORCE
	@mkdir -p $(B)
	@echo '$(CC) $(CFLAGS) $(LDFLAGS)' | cmp -s - $@ || echo '$(CC) $(CFLAGS) $(LDFLAGS)' > $@

.PHONY: FORCE
FORCE:

$(B)/obj/%.o: %.c $(B)/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(DEP_CFLAGS) -c $< -o $@

$(B)/obj-test/%.o: %.c $(B)/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -DAIRLOCK_UNITTESTS $(DEP_CFLAGS) -c $< -o $@

$(B)/grammar/%.o: $(V)/%.c
	@mkdir -p $(dir $@)
	$(CC) $(GRAMMAR_CFLAGS) -I$(dir $<) -c $< -o $@

$(GRAMMAR_SRC):
	@echo "build: $@ is missing; run 'make deps'" >&2; exit 1

# The static library is one relocatable object in which every hidden symbol
# (all but airlock_*, the grammars' included) is made local: a program that
# links it may define its own error_set, hash_new or tree_sitter_bash.
$(B)/libairlock.o: $(LIB_OBJ) $(GRAMMAR_OBJ)
	$(LD) -r -o $@.tmp $^
	$(OBJCOPY) --localize-hidden $@.tmp $@
	@rm -f $@.tmp

$(LIB_A): $(B)/libairlock.o
	@rm -f $@
	$(AR) rcs $@ $^

$(LIB_TEST_A): $(LIB_TEST_OBJ) $(GRAMMAR_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(LIB_SO): $(LIB_OBJ) $(GRAMMAR_OBJ)
	$(CC) -shared -Wl,-soname,libairlock.so.$(SOVERSION) $(LDFLAGS) -o $@ $^ $(DEP_LIBS)

$(CLI): $(CLI_OBJ) $(LIB_A)
	$(CC) -pie $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB_A) $(DEP_LIBS)

$(TEST_BIN): $(TEST_OBJ) $(LIB_TEST_A)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(TEST_OBJ) $(LIB_TEST_A) $(DEP_LIBS) $(CHECK_LIBS)

# The shell completions, made by the command from its own command table.
COMPLETIONS := $(B)/completions/airlock.bash $(B)/completions/_airlock \
	$(B)/completions/airlock.fish
completions: $(COMPLETIONS)

$(B)/completions/airlock.bash: $(CLI)
	@mkdir -p $(dir $@)
	$(CLI) completion bash > $@.tmp && mv $@.tmp $@

$(B)/completions/_airlock: $(CLI)
	@mkdir -p $(dir $@)
	$(CLI) completion zsh > $@.tmp && mv $@.tmp $@

$(B)/completions/airlock.fish: $(CLI)
	@mkdir -p $(dir $@)
	$(CLI) completion fish > $@.tmp && mv $@.tmp $@

$(SIGNATURES): $(SIG_SRC)
	@mkdir -p $(B)
	yarac --fail-on-warnings $(SIG_SRC) $@.tmp
	@mv $@.tmp $@

# Where the library looks for its signatures, and what airlock.pc says: each
# recorded in a file that changes only when the value does, so that a build
# for another PREFIX rebuilds what depends on it (and nothing else).
$(B)/datadir: FORCE
	@mkdir -p $(B)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@

$(B)/prefix: FORCE
	@mkdir -p $(B)
	@echo '$(PREFIX) $(LIBDIR) $(INCLUDEDIR) $(VERSION)' | cmp -s - $@ || \
		echo '$(PREFIX) $(LIBDIR) $(INCLUDEDIR) $(VERSION)' > $@

$(B)/obj/scan/signatures.o $(B)/obj-test/scan/signatures.o: $(B)/datadir
$(B)/obj/scan/signatures.o $(B)/obj-test/scan/signatures.o: \
	override CFLAGS += -DAIRLOCK_DATADIR='"$(DATADIR)"'

$(B)/airlock.pc: airlock.pc.in $(B)/prefix
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' $< > $@

# --- test and run ------------------------------------------------------------

# Only airlock_* symbols may leave the shared library; an install into a
# staging directory must give a working header + library + airlock.pc.
STAGE := $(abspath $(B)/stage)

SARIF_SCHEMA := $(abspath $(B)/vendor/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json)
# AIRLOCK_CONFIG= : the tester's own ~/.config/airlock/config must not change
# what the tests see (tests/cli/check_userconf.c sets its own).
TEST_ENV = LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 \
	AIRLOCK_CONFIG= AIRLOCK_BIN=$(abspath $(CLI)) AIRLOCK_FIXTURES=$(abspath fixtures) \
	AIRLOCK_SIGNATURES=$(abspath $(SIGNATURES)) AIRLOCK_SARIF_SCHEMA=$(SARIF_SCHEMA)

# The tests never read or write the user's verdict cache (their own trees
# would fill it): AIRLOCK_CACHE_DIR set empty turns it off. tests/check_main.c
# does the same; the vcache suite and failalloc use private ones.
test eval valgrind fuzz-replay install-check failalloc formats-diff yaml-diff json-schemas docs-check integrations-check: export AIRLOCK_CACHE_DIR =
test: deps all check-layers $(TEST_BIN) install-check fuzz-replay failalloc formats-diff docs-check \
	integrations-check
	$(EVAL)
	$(TEST_ENV) $(TEST_BIN)

# The folders are layers (README, "Layout"): no upward include, no include or
# call circle, one symbol prefix, no two files of one name (tests/layers.py).
check-layers: $(LIB_OBJ)
	python3 tests/layers.py --self-test
	python3 tests/layers.py --objects $(B)/obj

# Detection quality: the attack and benign corpus (fixtures/corpus/) and every
# .md file under /usr/share scanned as a CLAUDE.md; fails below 97% detection
# or above 1% (corpus) / 0.5% (documents) false alarms. See tests/eval/eval.py.
EVAL = python3 tests/eval/eval.py --airlock $(CLI) --signatures $(SIGNATURES)

# Then the public attacks and real configurations of ../shared/realworld, read
# at run time (skipped when absent): per tag, family and rule, every benign
# block, and build/eval/realworld.md. Measures; does not fail on the numbers.
# See tests/eval/realworld.py.
EVAL_REALWORLD = python3 tests/eval/realworld.py --airlock $(CLI) --signatures $(SIGNATURES) \
	--out $(B)/eval/realworld.md

# And the probe texts written before the intent analysis (tests/eval/probe.py):
# the held-out half of the first batch and the second batch, measured apart.
EVAL_PROBE = python3 tests/eval/probe.py --airlock $(CLI) --signatures $(SIGNATURES)

eval: all
	$(EVAL)
	$(EVAL_REALWORLD)
	$(EVAL_PROBE)

# The YAML reader against PyYAML's pure-Python SafeLoader over the corpus
# in tests/formats/yaml/ (tests/formats/yaml_diff.py says what may differ).
.PHONY: yaml-diff json-schemas
test: yaml-diff json-schemas

# Every --format json document against schemas/airlock-output.schema.json.
json-schemas: all
	$(TEST_ENV) python3 tests/json_schemas.py $(CLI) schemas/airlock-output.schema.json

$(B)/tests/yaml_dump: tests/formats/yaml_dump.c $(LIB_TEST_A)
	@mkdir -p $(dir $@)
	$(CC) $(FUZZ_CFLAGS) -DAIRLOCK_UNITTESTS $(DEP_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_TEST_A) $(DEP_LIBS)

yaml-diff: $(B)/tests/yaml_dump
	$(TEST_ENV) python3 tests/formats/yaml_diff.py $(B)/tests/yaml_dump tests/formats/yaml

# The configuration readers (formats/) against the agents' own: TOML against
# Python's tomllib, JSON against Node's JSON.parse, JSONC against written
# expectations (tests/formats/). doc_dump prints a file's tree.
$(B)/tests/doc_dump: tests/formats/doc_dump.c $(LIB_TEST_A)
	@mkdir -p $(dir $@)
	$(CC) $(FUZZ_CFLAGS) -DAIRLOCK_UNITTESTS $(DEP_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_TEST_A) $(DEP_LIBS)

test: formats-diff

formats-diff: $(B)/tests/doc_dump
	python3 tests/formats/toml_diff.py --dump $(B)/tests/doc_dump
	node tests/formats/json_diff.js $(B)/tests/doc_dump

# Every allocation of a load made to fail in turn, and no block left behind
# (malloc replaced in the driver, so not under the sanitizers, which replace
# it themselves), with the verdict cache (trust filled it: the load's scan
# comes from it) and without (the rules are loaded, the scanner forked). The
# project is the example with tests/failalloc/overlay/ laid over it: a remote
# MCP server, a hook that sends to two URLs and a local model server, so
# that the URL parser's (libcurl's) allocations fail too.
$(B)/tests/failalloc: tests/failalloc/failalloc.c $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(filter-out -fsanitize=% -MMD -MP,$(CFLAGS)) -fno-builtin $(DEP_CFLAGS) \
		$(filter-out -fsanitize=%,$(LDFLAGS)) -rdynamic -o $@ $< $(LIB_A) $(DEP_LIBS)

failalloc: all
ifneq ($(SANITIZE),1)
failalloc: $(B)/tests/failalloc
	@rm -rf $(B)/failalloc && mkdir -p $(B)/failalloc/home && cp -r fixtures/example $(B)/failalloc/proj
	@cp -r tests/failalloc/overlay/. $(B)/failalloc/proj/
	@export AIRLOCK_TRUST_DIR=$(abspath $(B)/failalloc/store) HOME=$(abspath $(B)/failalloc/home) \
		AIRLOCK_SIGNATURES=$(abspath $(SIGNATURES)); \
	unset AIRLOCK_CACHE_DIR; \
	$(CLI) trust --yes $(B)/failalloc/proj >/dev/null && $(B)/tests/failalloc $(B)/failalloc/proj && \
	echo "failalloc: again, without the verdict cache" && \
	AIRLOCK_CACHE_DIR= $(B)/tests/failalloc $(B)/failalloc/proj
endif

# Every fuzz target, built with replay.c by the normal compiler, runs over its
# seed corpus (the scan target over every scan fixture too, toml and jsonc
# over the differential tests' documents), on gcc and under
# ASan/UBSan with SANITIZE=1. `make fuzz` runs libFuzzer (clang).
FUZZ_CFLAGS = $(filter-out -MMD -MP,$(CFLAGS))
FUZZ_EXTRA_scan := fixtures/scan
FUZZ_EXTRA_toml := tests/formats/toml
FUZZ_EXTRA_jsonc := tests/formats/json tests/formats/jsonc

$(B)/fuzz/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB_TEST_A)
	@mkdir -p $(dir $@)
	$(CC) $(FUZZ_CFLAGS) -DAIRLOCK_UNITTESTS $(DEP_CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(LIB_TEST_A) \
		$(DEP_LIBS)

fuzz-replay: $(FUZZ_REPLAY) $(SIGNATURES)
	@for t in $(FUZZ_TARGETS); do \
		case $$t in scan) extra="$(FUZZ_EXTRA_scan)";; toml) extra="$(FUZZ_EXTRA_toml)";; \
		jsonc) extra="$(FUZZ_EXTRA_jsonc)";; *) extra=;; esac; \
		$(TEST_ENV) $(B)/fuzz/replay-$$t tests/fuzz/corpus/$$t $$extra || exit 1; \
	done

# libFuzzer (clang): each target for FUZZ_SECONDS, the library instrumented
# too; new inputs land in build/fuzz/corpus-<target>.
fuzz: check-deps $(SIGNATURES) $(GRAMMAR_OBJ)
	@command -v clang >/dev/null || { echo "fuzz: needs clang (apt-get install clang)" >&2; exit 1; }
	@mkdir -p $(B)/fuzz
	@for t in $(FUZZ_TARGETS); do \
		clang -g -O1 -std=gnu11 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
			-DAIRLOCK_BUILDING -DAIRLOCK_UNITTESTS -Iinclude -I. $(DEP_CFLAGS) -o $(B)/fuzz/fuzz-$$t \
			tests/fuzz/fuzz_$$t.c $(LIB_SRC) $(GRAMMAR_OBJ) $(DEP_LIBS) || exit 1; \
		mkdir -p $(B)/fuzz/corpus-$$t; \
		AIRLOCK_SIGNATURES=$(abspath $(SIGNATURES)) \
		$(B)/fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
			-artifact_prefix=$(B)/fuzz/ $(B)/fuzz/corpus-$$t tests/fuzz/corpus/$$t || exit 1; \
	done

# Whole-process timings of airlock against yara on the same files (and, with
# BENCH_ARGS=--peers, the npm scanners of agent configuration); writes
# build/bench/results.md. See bench/run --help.
.PHONY: bench
bench: all
	bench/run $(BENCH_ARGS)

# Every suite under valgrind (a process per suite, one per core), and each
# airlock the CLI tests run under valgrind too: any error, or a block definitely lost, in
# the test program or an airlock fails it, and any error in a process they
# fork (tests/valgrind.sh says why their leak records are not counted).
# Logs, one per process, in $(B)/valgrind.
# One process per suite, as many at a time as there are cores.
SUITES = $(shell sed -n 's/.*suite_create("\([^"]*\)").*/\1/p' $(TEST_SRC))
valgrind: all $(TEST_BIN) $(B)/tests/airlock-valgrind
	CK_FORK=no $(TEST_ENV) tests/valgrind.sh --cli $(abspath $(B)/tests/airlock-valgrind) \
		--suites "$(SUITES)" --lanes $$(nproc) $(B)/valgrind $(TEST_BIN)

# The CLI with the test program's seccomp stand-ins, for the CLI tests under
# valgrind (tests/valgrind_seccomp.c).
$(B)/tests/airlock-valgrind: $(CLI_OBJ) $(B)/obj-test/tests/valgrind_seccomp.o $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) -pie $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/obj-test/tests/valgrind_seccomp.o $(LIB_A) $(DEP_LIBS)

# The man pages (groff -ww, man -l, a section per command) and the
# completions (parsed and run in bash, zsh and fish). tests/docs-check.sh.
docs-check: all
	sh tests/docs-check.sh $(CLI)

# .pre-commit-hooks.yaml and action.yml: their commands run as pre-commit
# and GitHub Actions run them, on repositories made by the test
# (tests/integrations_check.py).
integrations-check: all
	$(TEST_ENV) python3 tests/integrations_check.py --airlock $(CLI) --schema $(SARIF_SCHEMA)

# The Debian packages of debian/, built by dpkg-buildpackage from a copy of
# the tracked tree into $(B)/deb/ and checked unpacked (tests/deb-check.sh).
# A full build: run by .ci/run, not by make test.
deb-check: deps
	sh tests/deb-check.sh $(B)

install-check: all
	@MAKE="$(MAKE)" CC="$(CC)" PKG_CONFIG="$(PKG_CONFIG)" \
		sh tests/install-check.sh $(B) $(STAGE) "$(filter -fsanitize=%,$(CFLAGS))"

# The main job on the bundled example, with a throw-away trust store and
# home under build/ so that the user's own decisions are never touched.
RUN_ENV = AIRLOCK_SIGNATURES=$(abspath $(SIGNATURES)) AIRLOCK_TRUST_DIR=$(abspath $(B)/run/store) HOME=$(abspath $(B)/run/home)

run: deps all
	@rm -rf $(B)/run && mkdir -p $(B)/run/home
	@echo "== airlock status fixtures/example      (before any decision)"
	@$(RUN_ENV) $(CLI) status fixtures/example; echo "== exit code $$? (3: untrusted)"
	@echo
	@echo "== airlock trust --yes fixtures/example (review, then record)"
	@$(RUN_ENV) $(CLI) trust --yes fixtures/example
	@echo
	@echo "== airlock load fixtures/example        (gate, scan, then the effective configuration)"
	@$(RUN_ENV) $(CLI) load fixtures/example

# --- install -----------------------------------------------------------------

install: all $(B)/airlock.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man3 $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(FISHCOMPDIR)
	install -m 0644 $(SIGNATURES) $(DESTDIR)$(DATADIR)/signatures.yarc
	install -m 0644 schemas/airlock-output.schema.json $(DESTDIR)$(DATADIR)/
	install -m 0755 $(CLI) $(DESTDIR)$(BINDIR)/airlock
	install -m 0644 include/airlock.h $(DESTDIR)$(INCLUDEDIR)/airlock.h
	install -m 0644 $(LIB_A) $(DESTDIR)$(LIBDIR)/libairlock.a
	install -m 0755 $(LIB_SO) $(DESTDIR)$(LIBDIR)/libairlock.so.$(VERSION)
	ln -sf libairlock.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libairlock.so.$(SOVERSION)
	ln -sf libairlock.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libairlock.so
	install -m 0644 $(B)/airlock.pc $(DESTDIR)$(PKGCONFIGDIR)/airlock.pc
	install -m 0644 man/airlock.1 $(DESTDIR)$(MANDIR)/man1/airlock.1
	install -m 0644 man/libairlock.3 $(DESTDIR)$(MANDIR)/man3/libairlock.3
	install -m 0644 $(B)/completions/airlock.bash $(DESTDIR)$(BASHCOMPDIR)/airlock
	install -m 0644 $(B)/completions/_airlock $(DESTDIR)$(ZSHCOMPDIR)/_airlock
	install -m 0644 $(B)/completions/airlock.fish $(DESTDIR)$(FISHCOMPDIR)/airlock.fish
	install -d $(DESTDIR)$(DATADIR)/claude-plugin/.claude-plugin $(DESTDIR)$(DATADIR)/claude-plugin/hooks
	install -m 0644 contrib/claude-plugin/.claude-plugin/plugin.json \
		$(DESTDIR)$(DATADIR)/claude-plugin/.claude-plugin/plugin.json
	install -m 0644 contrib/claude-plugin/hooks/hooks.json $(DESTDIR)$(DATADIR)/claude-plugin/hooks/hooks.json
	install -m 0755 contrib/claude-plugin/hooks/airlock-gate \
		$(DESTDIR)$(DATADIR)/claude-plugin/hooks/airlock-gate

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/airlock $(DESTDIR)$(INCLUDEDIR)/airlock.h \
		$(DESTDIR)$(LIBDIR)/libairlock.a $(DESTDIR)$(LIBDIR)/libairlock.so \
		$(DESTDIR)$(LIBDIR)/libairlock.so.$(SOVERSION) \
		$(DESTDIR)$(LIBDIR)/libairlock.so.$(VERSION) $(DESTDIR)$(PKGCONFIGDIR)/airlock.pc \
		$(DESTDIR)$(DATADIR)/signatures.yarc $(DESTDIR)$(DATADIR)/airlock-output.schema.json \
		$(DESTDIR)$(MANDIR)/man1/airlock.1 \
		$(DESTDIR)$(MANDIR)/man3/libairlock.3 $(DESTDIR)$(BASHCOMPDIR)/airlock \
		$(DESTDIR)$(ZSHCOMPDIR)/_airlock $(DESTDIR)$(FISHCOMPDIR)/airlock.fish
	rm -rf $(DESTDIR)$(DATADIR)/claude-plugin

# --- housekeeping ------------------------------------------------------------

# clean keeps the fetched, verified grammars (build/vendor) and their objects
# (build/grammar); distclean does not.
clean:
	rm -rf $(B)/obj $(B)/obj-test $(B)/libairlock.o $(LIB_TEST_A) $(B)/datadir $(B)/prefix $(B)/tests $(B)/fuzz $(B)/failalloc $(B)/valgrind $(B)/run $(B)/stage $(B)/stage-first $(B)/embed-home $(B)/embed-store $(B)/completions $(B)/flags $(LIB_A) $(LIB_SO) $(CLI) $(B)/airlock.pc \
		$(SIGNATURES)

distclean:
	rm -rf $(B)

format:
	$(CLANG_FORMAT) -i $(FORMAT_SRC)

format-check:
	$(CLANG_FORMAT) --dry-run --Werror $(FORMAT_SRC)

-include $(LIB_OBJ:.o=.d) $(LIB_TEST_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
