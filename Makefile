# Briefing: the two set-up commands are `make site` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CMARK_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
MIMALLOC_PACKAGES := libmimalloc-dev

.PHONY: site test deps build clean bench release e2e e2e-deps e2e-apt fuzz robustness limits

## Build in release mode and generate Public/ from Content/ and Templates/.
site: deps
	$(SWIFT) build -c release --product briefing
	.build/release/briefing build

## Build the generator in release mode (without generating Public/).
release: deps
	$(SWIFT) build -c release --product briefing

## Browser tests and validators (Tests/e2e): a reader's way through the sample site in headless
## Chromium, served under a sub-path and from file://; axe-core in both colour schemes; the Nu HTML
## checker on every page; feed.xml against RFC 4287's schema. Screenshots go to artifacts/e2e/.
e2e: release e2e-deps
	$(E2E_VENV)/bin/python -m pytest Tests/e2e $(PYTEST_ARGS)

## Crash safety (Tests/system): builds killed with SIGKILL at many moments leave the whole old or
## the whole new site; a full disk and a read-only output fail clearly and keep the old site.
## The disk tests mount a small tmpfs and need root (they are skipped otherwise).
## The build cache is kept by a copy of the same binary and ignored by another build (its build ID),
## or by the same one with another build of libcmark-gfm. Random edits of a 200-article briefing
## (content, gazetteer, templates) build incrementally to a clean build's bytes. `briefing serve`
## rebuilds on each change a build reads (not on hidden files) and keeps serving through a failed build.
robustness: release e2e-deps
	$(E2E_VENV)/bin/python -m pytest Tests/system $(PYTEST_ARGS)

## Inputs at the limits (Tests/limits/generate.py): a 10 MB article, 100k lines of actors.yml,
## Markdown nested 10,000 deep, a 1 MB line, 50k actors. Each must build; prints time and memory.
## LIMITS_SCALE=0.1 for a quicker run (CI).
LIMITS_SCALE ?= 1
limits: release
	LIMITS_SCALE=$(LIMITS_SCALE) scripts/limits.sh

E2E_VENV := .build-e2e/venv
E2E_APT := chromium chromium-driver default-jre-headless jing python3-venv
PYTHON ?= python3

## Debian's chromium, chromedriver, Java (for the Nu checker), jing and python3-venv when missing,
## then the pinned Python packages in a virtualenv under .build-e2e/ (Debian's pip is externally
## managed), made again when Tests/e2e/requirements.txt changes.
e2e-deps: e2e-apt $(E2E_VENV)/.installed

e2e-apt:
	@missing=""; for p in $(E2E_APT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(E2E_VENV)/.installed: Tests/e2e/requirements.txt | e2e-apt
	rm -rf $(E2E_VENV)
	$(PYTHON) -m venv $(E2E_VENV)
	$(E2E_VENV)/bin/pip install --quiet --disable-pip-version-check -r Tests/e2e/requirements.txt
	$(E2E_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --ignore-requires-python axe-selenium-python==3.0.0
	touch $@

## Run the test suite.
test: deps
	python3 scripts/context-lookup.py --check
	$(SWIFT) test

## Install libcmark-gfm (and its GFM extensions) with apt-get when pkg-config cannot find it, and
## mimalloc, which the briefing executable links in place of glibc's malloc, when its header is missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark-gfm; then \
		echo "Installing $(CMARK_PACKAGES) with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(CMARK_PACKAGES); \
	fi
	@if [ "$$(uname -s)" = Linux ] && [ ! -e /usr/include/mimalloc.h ]; then \
		echo "Installing $(MIMALLOC_PACKAGES) with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(MIMALLOC_PACKAGES); \
	fi

## Benchmark against Hugo on the synthetic corpora (BENCH_SIZES="1000 10000", BENCH_RUNS=3;
## BENCH_BASELINE=<commit> also times that commit's clean builds in the same run).
bench: deps
	scripts/bench.sh

## Build the libFuzzer targets in Fuzz/ and run each for FUZZ_SECONDS (default 30); fails on a crash
## or a broken property and names the input. FUZZ_TARGETS="temporal-resolver …" picks targets.
FUZZ_SECONDS ?= 30
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

build: deps
	$(SWIFT) build

clean:
	rm -rf .build
