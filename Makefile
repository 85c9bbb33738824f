# The two commands of README: `make` builds recto and the sample book into out/; `make test` runs the suite.
# Both install missing Debian packages first (cmake/install-deps.sh).
BUILD  := build/dev
RECTO  := $(BUILD)/src/cli/recto
JOBS   ?= $(shell nproc)

.PHONY: all deps configure build book test bench fuzz clean

all: book

deps:
	@cmake/install-deps.sh

configure: deps
	@cmake --preset dev >/dev/null

build: configure
	@cmake --build --preset dev -j $(JOBS)

book: build
	@mkdir -p out
	$(RECTO) build source -o out --theme trade,ereader
	$(RECTO) tree source > out/wechat-is-watching.tree.txt

test: build
	ctest --preset dev -j $(JOBS)

# Not part of `make test`: recto against pandoc, Typst, xelatex and WeasyPrint; writes out/bench.md (bench/README.md).
# Quick check: make bench BENCH_ARGS="--sizes small"
bench: build
	@cmake/install-deps.sh bench/peer-packages.txt || echo "bench: some peers could not be installed; they are reported as such"
	python3 bench/bench.py $(BENCH_ARGS)

# Not part of `make test`: the libFuzzer targets of tests/fuzz (clang, the fuzz preset), each run for
# FUZZ_SECONDS; what they find is in build/fuzz/crashes (tests/fuzz/run.sh).
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh

clean:
	rm -rf build
