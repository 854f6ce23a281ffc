# TwoFutures: `make run` starts the tool, `make test` runs every check.
# Everything builds in release mode: the ensemble's SIMD code is slow unoptimised.

SWIFT   ?= swift
PREFIX  ?= /usr/local
CONFIG  := release
BIN      = .build/static/$(CONFIG)/twofutures
# Where swift-argument-parser's GenerateManual plugin writes the man page (mdoc).
MANPAGE  = .build/plugins/GenerateManual/outputs/twofutures/twofutures.1

# Build for this machine's own vector units (AVX2/FMA on x86-64), like -march=native:
# the ensemble runs about twice as fast. PORTABLE=1 builds a binary for any CPU of the
# architecture (use it for a binary that will be copied to other machines).
ifeq ($(PORTABLE),1)
CPU_FLAGS :=
else
CPU_FLAGS := -Xswiftc -target-cpu -Xswiftc native
endif
BUILD_FLAGS := -c $(CONFIG) $(CPU_FLAGS)
# The binary people run and install links the Swift runtime and FoundationEssentials in,
# so that it runs without the toolchain that built it (it needs only libc, libstdc++, libm
# and ncursesw). It is built in a folder of its own: the tests cannot link statically
# (swift-testing ships no static library), and one folder would recompile everything
# each time the flags changed.
STATIC_DIR := .build/static
STATIC_FLAGS := $(BUILD_FLAGS) --static-swift-stdlib --scratch-path $(STATIC_DIR) --product twofutures
# Where make dist and make deb write their packages.
DIST_DIR := dist

.PHONY: all build run test lint bench soak fuzz deps clean manual install uninstall dist deb picture

all: build

## deps: make sure the ncursesw headers are present (installs them when run as root).
deps:
	@./scripts/ensure-deps.sh

## build: the static binary, $(BIN).
build: deps
	$(SWIFT) build $(STATIC_FLAGS)

## run: the live dashboard.
run: build
	@$(BIN)

## manual: the man page twofutures(1), from the binary's help by swift-argument-parser's
## GenerateManual plugin (`swift package generate-manual`), into $(MANPAGE).
manual: build
	$(SWIFT) package $(BUILD_FLAGS) generate-manual
	./scripts/man-see-also.sh $(MANPAGE)

## test: formatting lint, the build (the tests' and the static binary), the man page, the
## .deb, and every test (model, CLI through the real binary, install with the man page and
## its lint, the static binary with the toolchain's libraries out of reach, the .deb
## installed and removed as root).
test: deps lint
	$(SWIFT) build $(BUILD_FLAGS) --build-tests
	$(SWIFT) build $(STATIC_FLAGS)
	$(SWIFT) package $(BUILD_FLAGS) generate-manual
	./scripts/man-see-also.sh $(MANPAGE)
	deb="$$(./scripts/package.sh deb $(BIN) $(MANPAGE) .build/dist)" && \
		TWOFUTURES_STATIC_BINARY="$(CURDIR)/$(BIN)" TWOFUTURES_DEB="$$deb" $(SWIFT) test $(BUILD_FLAGS) --skip-build

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

## picture: docs/images/dashboard.svg, the README's picture: the last screen of the shipped
## quick demo (seed 1), drawn by the binary itself, with no user themes or lenses. A test
## (Tests/CLITests/PictureCLITests.swift) fails when the committed file is not this output.
picture: build
	@mkdir -p docs/images
	XDG_CONFIG_HOME=/nonexistent $(BIN) demo quick --svg docs/images/dashboard.svg --force

## bench: every performance budget in one table: the core in-process, and the dashboard
## itself on a pseudo-terminal (startup, idle CPU over 10 s, peak RSS, bytes per key).
bench: build
	@$(BIN) bench --process --format table

## soak: RSS growth over SOAK_SECONDS (default 600) of random keys. Not part of CI.
SOAK_SECONDS ?= 600
soak: build
	@$(BIN) bench --soak $(SOAK_SECONDS) --format table

## install: the binary, themes, lenses, demos, shell completions and the man page under
## $(DESTDIR)$(PREFIX) (see scripts/install.sh); uninstall removes exactly those files.
install: manual
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" ./scripts/install.sh install $(BIN) $(MANPAGE)

uninstall:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" ./scripts/install.sh uninstall

## dist: $(DIST_DIR)/twofutures-VERSION-linux-ARCH.tar.gz, laid out for
## `sudo tar -C /usr/local -xzf FILE` (bin, share: themes, lenses, demos, the man page,
## completions, README, LICENSE, CHANGELOG). Needs nothing of Swift where it is unpacked.
dist: manual
	./scripts/package.sh dist $(BIN) $(MANPAGE) $(DIST_DIR)

## deb: $(DIST_DIR)/twofutures_VERSION_ARCH.deb (dpkg-deb): the same files under /usr,
## Depends: from the binary (dpkg-shlibdeps). Install with `sudo apt install ./FILE`.
deb: manual
	./scripts/package.sh deb $(BIN) $(MANPAGE) $(DIST_DIR)

clean:
	rm -rf .build

## fuzz: libFuzzer on every parser of text from outside, FUZZ_SECONDS each (not in CI):
## scenario files, lenses, themes, demos, the share token and --set. scripts/fuzz/build.sh
## builds the harness (.build/fuzz/parsers); it checks the invariants of the parser fuzz
## tests (Tests/FormatsTests/FuzzChecks.swift). Findings are written to
## .build/fuzz/crash-*; rerun one with `FUZZ_TARGET=demo .build/fuzz/parsers FILE`.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := scenario lens theme demo token set
FUZZ_FIXTURES := Tests/FormatsTests/Fixtures
fuzz:
	./scripts/fuzz/build.sh .build/fuzz/parsers
	for t in $(FUZZ_TARGETS); do mkdir -p .build/fuzz/corpus-$$t; \
		cp $(FUZZ_FIXTURES)/fuzz/$$t-*.bin .build/fuzz/corpus-$$t/ 2>/dev/null || true; done
	printf 'model = "twofutures/2"\nname = "x"\nlens = "essay"\nhorizon = 48\npolicy_start = "2027-01"\n[levers]\nexport_controls = 0.7\n[assumptions]\ncontrol_leakage = 0.3\n' \
		> .build/fuzz/corpus-scenario/seed
	cp Lenses/*.toml .build/fuzz/corpus-lens/
	cp Themes/*.toml .build/fuzz/corpus-theme/
	cp Demos/*.demo $(FUZZ_FIXTURES)/demos/*.demo .build/fuzz/corpus-demo/
	printf 'tf2:50-30-20-30-20+h48+s12+a4=0.9' > .build/fuzz/corpus-token/seed
	printf 'export_controls=0.7,smuggling_enforcement=35%%,policy_start=2027-01' > .build/fuzz/corpus-set/seed
	cd .build/fuzz && status=0; for t in $(FUZZ_TARGETS); do \
		FUZZ_TARGET=$$t ./parsers -max_total_time=$(FUZZ_SECONDS) corpus-$$t > log-$$t 2>&1 \
			|| { status=1; echo "fuzz $$t: a finding, see .build/fuzz/log-$$t"; }; \
		echo "fuzz $$t: $$(grep -h '^Done' log-$$t)"; done; exit $$status
