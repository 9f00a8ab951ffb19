# airlock - plain Makefile (GNU make).
#
#   make run      install dependencies, build, show a bundled example project
#   make test     install dependencies, build, run every test
#   make deps     install the Debian packages and fetch the pinned grammars
#   make SANITIZE=1 test    the same under ASan + UBSan
#   make WERROR=1           warnings are errors (CI)
#   make install / uninstall    honour PREFIX and DESTDIR

VERSION := 0.1.0
SOVERSION := 0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share/airlock
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

CC ?= cc
PKG_CONFIG ?= pkg-config
CLANG_FORMAT ?= clang-format
B := build

# Debian packages the build needs; the pkg-config names they provide.
DEB_PACKAGES := build-essential pkg-config libjansson-dev libgit2-dev libyara-dev yara \
	libtree-sitter-dev check libssl-dev libseccomp-dev python3-jsonschema
PKGS := jansson libgit2 yara tree-sitter libcrypto libseccomp
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
override LDFLAGS += -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack

# pkg-config is asked only when a build needs it, so `make deps` and
# `make clean` work on a machine that has nothing yet.
DEP_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
DEP_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CHECK_LIBS = $(shell $(PKG_CONFIG) --libs $(TEST_PKGS) 2>/dev/null)

LIB_SRC := $(wildcard common/*.c loader/*.c trust/*.c scanners/*.c)
CLI_SRC := $(wildcard cli/*.c)
TEST_SRC := $(wildcard tests/*.c)

LIB_OBJ := $(LIB_SRC:%.c=$(B)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/obj/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(B)/obj/%.o)

# YARA rule sources, compiled at build time into one file that is loaded
# (never compiled) at run time; the library looks for it in DATADIR.
SIG_SRC := $(sort $(wildcard signatures/*.yar))
SIGNATURES := $(B)/signatures.yarc

LIB_A := $(B)/libairlock.a
LIB_SO := $(B)/libairlock.so
CLI := $(B)/airlock
TEST_BIN := $(B)/tests/check_airlock

FORMAT_SRC := $(wildcard include/*.h common/*.[ch] loader/*.[ch] trust/*.[ch] \
	scanners/*.[ch] cli/*.[ch] tests/*.[ch] tests/fuzz/*.c)

.PHONY: all deps deps-packages deps-grammars check-deps test install-check run install uninstall clean \
	distclean format format-check fuzz valgrind

all: check-deps $(LIB_A) $(LIB_SO) $(CLI) $(SIGNATURES)

# --- dependencies ------------------------------------------------------------

deps: deps-packages deps-grammars

# A no-op when every library, yara, npm and clang-format are present.
deps-packages:
	@if $(PKG_CONFIG) --exists $(PKGS) $(TEST_PKGS) 2>/dev/null && \
	   command -v yara >/dev/null && command -v npm >/dev/null && \
	   python3 -c 'import jsonschema' 2>/dev/null && \
	   command -v $(CLANG_FORMAT) >/dev/null; then \
		echo "deps: Debian packages present"; \
	else \
		SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		pkgs="$(DEB_PACKAGES)"; \
		command -v npm >/dev/null || pkgs="$$pkgs npm"; \
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

$(SIGNATURES): $(SIG_SRC)
	@mkdir -p $(B)
	yarac --fail-on-warnings $(SIG_SRC) $@.tmp
	@mv $@.tmp $@

$(B)/obj/loader/rules.o: override CFLAGS += -DAIRLOCK_DATADIR='"$(DATADIR)"'

$(B)/obj/%.o: %.c $(B)/flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(DEP_CFLAGS) -c $< -o $@

$(LIB_A): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(LIB_SO): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libairlock.so.$(SOVERSION) $(LDFLAGS) -o $@ $^ $(DEP_LIBS)

$(CLI): $(CLI_OBJ) $(LIB_A)
	$(CC) -pie $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB_A) $(DEP_LIBS)

$(TEST_BIN): $(TEST_OBJ) $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(TEST_OBJ) $(LIB_A) $(DEP_LIBS) $(CHECK_LIBS)

$(B)/airlock.pc: airlock.pc.in Makefile
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' $< > $@

# --- test and run ------------------------------------------------------------

# Only airlock_* symbols may leave the shared library; an install into a
# staging directory must give a working header + library + airlock.pc.
STAGE := $(abspath $(B)/stage)

# The fuzz targets' seed corpora and the scan fixtures, replayed on every test
# run (gcc, and ASan/UBSan with SANITIZE=1); `make fuzz` builds the libFuzzer
# binaries with clang.
FUZZ_REPLAY := $(B)/tests/fuzz-replay
FUZZ_CFLAGS = $(filter-out -MMD -MP,$(CFLAGS))

$(FUZZ_REPLAY): tests/fuzz/fuzz_scan.c tests/fuzz/replay.c $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(FUZZ_CFLAGS) $(DEP_CFLAGS) $(LDFLAGS) -o $@ tests/fuzz/fuzz_scan.c \
		tests/fuzz/replay.c $(LIB_A) $(DEP_LIBS)

fuzz: check-deps $(SIGNATURES)
	@mkdir -p $(B)/fuzz
	clang -g -O1 -std=gnu11 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
		-DAIRLOCK_BUILDING -Iinclude -I. $(DEP_CFLAGS) -o $(B)/fuzz/fuzz_scan \
		tests/fuzz/fuzz_scan.c $(LIB_SRC) $(DEP_LIBS)

SARIF_SCHEMA := $(abspath $(B)/vendor/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json)

test: deps all $(TEST_BIN) $(FUZZ_REPLAY) install-check
	AIRLOCK_SIGNATURES=$(abspath $(SIGNATURES)) $(FUZZ_REPLAY) tests/fuzz/corpus fixtures/scan
	AIRLOCK_BIN=$(abspath $(CLI)) AIRLOCK_FIXTURES=$(abspath fixtures) \
	AIRLOCK_SIGNATURES=$(abspath $(SIGNATURES)) AIRLOCK_SARIF_SCHEMA=$(SARIF_SCHEMA) \
	$(TEST_BIN)

install-check: all
	@leak=$$(nm -D --defined-only $(LIB_SO) | awk '$$2 ~ /[TDBR]/ {print $$3}' | \
		grep -v '^airlock_' || true); \
	if [ -n "$$leak" ]; then echo "test: libairlock.so exports non-API symbols: $$leak" >&2; exit 1; fi
	@rm -rf $(STAGE)
	@$(MAKE) -s install PREFIX=$(STAGE) >/dev/null
	@mkdir -p $(B)/tests
	@$(CC) $(filter -fsanitize=%,$(CFLAGS)) -o $(B)/tests/install-smoke tests/smoke/install.c \
		$$(PKG_CONFIG_PATH=$(STAGE)/lib/pkgconfig $(PKG_CONFIG) --cflags --libs airlock)
	@LD_LIBRARY_PATH=$(STAGE)/lib $(B)/tests/install-smoke fixtures/example | \
		grep -q '^executable .claude/settings.json$$' || { \
		echo "test: the installed library does not work" >&2; exit 1; }
	@env -u AIRLOCK_SIGNATURES $(STAGE)/bin/airlock rules AL101 >/dev/null || { \
		echo "test: the installed airlock does not find its installed signatures" >&2; exit 1; }
	@echo "install-check: installed header, libairlock.so, airlock.pc and signatures work"

# The whole suite in one process under valgrind (leaks that are definitely
# lost, invalid reads and writes fail it).
valgrind: all $(TEST_BIN)
	CK_FORK=no AIRLOCK_BIN=$(abspath $(CLI)) AIRLOCK_FIXTURES=$(abspath fixtures) \
	AIRLOCK_SIGNATURES=$(abspath $(SIGNATURES)) AIRLOCK_SARIF_SCHEMA=$(SARIF_SCHEMA) \
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 \
	$(TEST_BIN)

run: deps all
	@echo "== airlock status fixtures/example"
	@$(CLI) status fixtures/example; rc=$$?; \
	echo "== exit code $$rc (3 = untrusted: no trust decision recorded yet)"; \
	[ $$rc -eq 0 ] || [ $$rc -eq 3 ]
	@echo "== airlock scan fixtures/example"
	@AIRLOCK_SIGNATURES=$(abspath $(SIGNATURES)) $(CLI) scan fixtures/example; rc=$$?; \
	echo "== exit code $$rc (0 = nothing at or above high, 1 = findings that block)"; \
	[ $$rc -eq 0 ] || [ $$rc -eq 1 ]

# --- install -----------------------------------------------------------------

install: all $(B)/airlock.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(DATADIR)
	install -m 0644 $(SIGNATURES) $(DESTDIR)$(DATADIR)/signatures.yarc
	install -m 0755 $(CLI) $(DESTDIR)$(BINDIR)/airlock
	install -m 0644 include/airlock.h $(DESTDIR)$(INCLUDEDIR)/airlock.h
	install -m 0644 $(LIB_A) $(DESTDIR)$(LIBDIR)/libairlock.a
	install -m 0755 $(LIB_SO) $(DESTDIR)$(LIBDIR)/libairlock.so.$(VERSION)
	ln -sf libairlock.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libairlock.so.$(SOVERSION)
	ln -sf libairlock.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libairlock.so
	install -m 0644 $(B)/airlock.pc $(DESTDIR)$(PKGCONFIGDIR)/airlock.pc

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/airlock $(DESTDIR)$(INCLUDEDIR)/airlock.h \
		$(DESTDIR)$(LIBDIR)/libairlock.a $(DESTDIR)$(LIBDIR)/libairlock.so \
		$(DESTDIR)$(LIBDIR)/libairlock.so.$(SOVERSION) \
		$(DESTDIR)$(LIBDIR)/libairlock.so.$(VERSION) $(DESTDIR)$(PKGCONFIGDIR)/airlock.pc \
		$(DESTDIR)$(DATADIR)/signatures.yarc

# --- housekeeping ------------------------------------------------------------

# clean keeps the fetched, verified grammars (build/vendor); distclean does not.
clean:
	rm -rf $(B)/obj $(B)/tests $(B)/stage $(B)/flags $(LIB_A) $(LIB_SO) $(CLI) $(B)/airlock.pc \
		$(SIGNATURES)

distclean:
	rm -rf $(B)

format:
	$(CLANG_FORMAT) -i $(FORMAT_SRC)

format-check:
	$(CLANG_FORMAT) --dry-run --Werror $(FORMAT_SRC)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
