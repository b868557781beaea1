# Briefing: the two set-up commands are `make site` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CMARK_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config

.PHONY: site test deps build clean bench fuzz

## Build in release mode and generate Public/ from Content/ and Templates/.
site: deps
	$(SWIFT) build -c release --product briefing
	.build/release/briefing build

## Run the test suite.
test: deps
	$(SWIFT) test

## Install libcmark-gfm (and its GFM extensions) with apt-get when pkg-config cannot find it.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark-gfm; then \
		echo "Installing $(CMARK_PACKAGES) with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(CMARK_PACKAGES); \
	fi

## Benchmark against Hugo on the synthetic corpora (BENCH_SIZES="1000 10000", BENCH_RUNS=3).
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
