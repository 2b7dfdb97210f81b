# Vigil — monitoring as code. `make demo` and `make test` are the whole set-up on Debian.
PREFIX ?= /usr/local
SWIFT ?= swift
VIGIL_RELEASE = .build/release/vigil
# Release binaries carry the Swift runtime and Foundation: `make install` copies one file that
# runs without a Swift toolchain, and a process starts in half the time (no dynamic linking of
# the Swift libraries).
RELEASE_FLAGS = -c release --static-swift-stdlib
export RELEASE_FLAGS

.PHONY: all deps build release test demo golden bench install corpus readme generate clean clean-modules fuzz fuzz-smoke test-asan conformance

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

corpus:
	@scripts/fetch-corpora.sh

test: deps corpus
	$(SWIFT) test

# Re-records the golden files of rendering tests (review the diff before committing).
golden: deps
	$(SWIFT) build --product vigil
	.build/debug/vigil render examples/aurelis/vigil.yaml --all-envs --out examples/aurelis/rendered
	VIGIL_RECORD_GOLDEN=1 $(SWIFT) test --filter Golden
	@git status --short -- '*Fixtures*' '*golden*' examples

demo: release
	@scripts/demo.sh $(VIGIL_RELEASE)

bench: release
	@scripts/bench.sh

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(VIGIL_RELEASE) $(DESTDIR)$(PREFIX)/bin/vigil

clean:
	rm -rf .build .build-address .build-thread .corpus Fuzz/.build

# Drops the compiled modules but keeps the fetched packages and corpora: after a pull that
# changes a public type's layout, SwiftPM can link stale objects (undefined symbols, or crashes
# in generic metadata).
clean-modules:
	rm -rf .build/*-unknown-linux-gnu/debug .build/*-unknown-linux-gnu/release

# libFuzzer targets of every parser (Fuzz/), FUZZ_SECONDS each; findings in Fuzz/artifacts/.
FUZZ_SECONDS ?= 180
fuzz:
	@VIGIL_FUZZ=1 scripts/install-deps.sh
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

# The short run CI can afford: FUZZ_SMOKE_SECONDS per target (CI passes 10).
FUZZ_SMOKE_SECONDS ?= 30
fuzz-smoke:
	@VIGIL_FUZZ=1 scripts/install-deps.sh
	FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS) scripts/fuzz.sh

# Core modules' tests under AddressSanitizer, the concurrent lint driver under ThreadSanitizer.
test-asan: deps
	@scripts/test-sanitizers.sh

# Vigil's verdicts against promtool's and amtool's on every corpus file they can judge.
conformance: deps corpus
	@scripts/conformance.sh

# Regenerates the rule table in README.md.
readme:
	@scripts/update-readme.sh

# Regenerates the Swift sources embedded from templates/ (built-in catalogues).
generate:
	@python3 scripts/generate-builtins.py
