# TwoFutures: `make run` starts the tool, `make test` runs every check.
# Everything builds in release mode: the ensemble's SIMD code is slow unoptimised.

SWIFT   ?= swift
PREFIX  ?= /usr/local
CONFIG  := release
BIN      = .build/$(CONFIG)/twofutures
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

.PHONY: all build run test lint bench soak fuzz deps clean manual install uninstall

all: build

## deps: make sure the ncursesw headers are present (installs them when run as root).
deps:
	@./scripts/ensure-deps.sh

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

## run: the live dashboard.
run: build
	@$(BIN)

## manual: the man page twofutures(1), from the binary's help by swift-argument-parser's
## GenerateManual plugin (`swift package generate-manual`), into $(MANPAGE).
manual: build
	$(SWIFT) package $(BUILD_FLAGS) generate-manual

## test: formatting lint, the build, the man page, and every test (model, CLI through the
## real binary, install with the man page and its lint).
test: deps lint
	$(SWIFT) build $(BUILD_FLAGS) --build-tests
	$(SWIFT) package $(BUILD_FLAGS) generate-manual
	$(SWIFT) test $(BUILD_FLAGS) --skip-build

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

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

clean:
	rm -rf .build

## fuzz: libFuzzer on the share token and --set parsers, FUZZ_SECONDS each (not in CI).
## Findings are written to .build/fuzz/crash-*; rerun one with `.build/fuzz/model FILE`.
FUZZ_SECONDS ?= 60
fuzz:
	mkdir -p .build/fuzz/corpus-token .build/fuzz/corpus-set
	swiftc -O -wmo -parse-as-library -sanitize=fuzzer,address -module-name TOML \
		-emit-module-path .build/fuzz/TOML.swiftmodule -c Sources/TOML/*.swift -o .build/fuzz/TOML.o
	swiftc -O -parse-as-library -sanitize=fuzzer,address -module-name FuturesModel -I .build/fuzz \
		Sources/FuturesModel/*/*.swift scripts/fuzz/FuturesModelFuzz.swift .build/fuzz/TOML.o -o .build/fuzz/model
	printf 'tf1:50-30-20-30-20+h48+a4=0.9' > .build/fuzz/corpus-token/seed
	printf 'export_controls=0.7,smuggling_enforcement=35%%' > .build/fuzz/corpus-set/seed
	cd .build/fuzz && FUZZ_TARGET=token ./model -max_total_time=$(FUZZ_SECONDS) corpus-token
	cd .build/fuzz && FUZZ_TARGET=set ./model -max_total_time=$(FUZZ_SECONDS) corpus-set
