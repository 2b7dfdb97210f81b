# Vigil — monitoring as code. `make demo` and `make test` are the whole set-up on Debian.
PREFIX ?= /usr/local
SWIFT ?= swift
VIGIL_RELEASE = .build/release/vigil

.PHONY: all deps build release test demo golden bench install corpus readme generate clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

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
	rm -rf .build .corpus

# Regenerates the rule table in README.md.
readme:
	@scripts/update-readme.sh

# Regenerates the Swift sources embedded from templates/ (built-in catalogues).
generate:
	@python3 scripts/generate-builtins.py
