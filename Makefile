# The two commands of README: `make` builds recto and the sample book into out/; `make test` runs the suite
# (and again under the sanitizers).
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

# The whole suite, then once more built with AddressSanitizer and UndefinedBehaviorSanitizer (the asan
# preset: its tests run its recto). A sanitizer report fails it, even from a run of recto that a test
# expected to fail: ASan's and LSan's reports go to files, and any file is a failure; UBSan (which
# gcc's runtime lets write only to standard error) halts with exit code 86, and the tests' helper that
# runs commands fails on its "runtime error:" lines.
SANITIZER_REPORTS := $(CURDIR)/build/asan/reports
test: build
	ctest --preset dev -j $(JOBS)
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@rm -rf $(SANITIZER_REPORTS) && mkdir -p $(SANITIZER_REPORTS)
	@ASAN_OPTIONS=detect_leaks=1:exitcode=86:log_path=$(SANITIZER_REPORTS)/asan \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=86 \
	ctest --preset asan -j $(JOBS); status=$$?; \
	if [ -n "$$(ls -A $(SANITIZER_REPORTS))" ]; then \
	  cat $(SANITIZER_REPORTS)/*; echo "recto: the sanitizers reported the problems above" >&2; exit 1; \
	fi; exit $$status

# Not part of `make test`: recto against pandoc, Typst, xelatex and WeasyPrint; writes out/bench.md (bench/README.md).
# Quick check: make bench BENCH_ARGS="--sizes essay"
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
