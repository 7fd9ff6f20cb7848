# Every target installs what is missing first, so a fresh Debian 12 machine needs nothing else.
BUILD    ?= build
JOBS     ?= $(shell nproc)
GENERATOR = $(shell command -v ninja >/dev/null 2>&1 && echo Ninja || echo "Unix Makefiles")

# ccache when installed (it is not a dependency): a rebuild after `git pull` or in a second clone
# then compiles only what changed.
LAUNCHER  = $(shell command -v ccache >/dev/null 2>&1 && echo -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
PREFIX   ?= /usr/local

# -O2 as RelWithDebInfo, without -g: GCC's -g never changes the code it generates, so the binary
# runs the same, and the build takes about a quarter less CPU. `make install` and the .deb strip
# the debug info anyway. To debug, configure a tree of your own with RelWithDebInfo
# (docs/development.md, "Build time").
BUILD_TYPE = -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG"

.PHONY: all deps deps-run configure configure-run build build-run run test golden bench bench-mermaid gallery test-sanitize fuzz install package clean

all: build

deps:
	@scripts/install-deps

deps-run:
	@scripts/install-deps --run

# One build tree for both. `make run` configures a new tree without tests and benchmarks (so it
# neither installs nor compiles them) and builds only the binary and its man page/completions;
# on a tree `make test` configured it builds the same two targets and leaves the options alone,
# so switching back and forth never drops the tests from ninja's log (which would rebuild them).
configure-run: | deps-run
	@test -f $(BUILD)/CMakeCache.txt || \
	  cmake -S . -B $(BUILD) -G "$(GENERATOR)" $(BUILD_TYPE) $(LAUNCHER) \
	    -DSPECGATE_TESTS=OFF -DSPECGATE_BENCH=OFF

configure: | deps
	cmake -S . -B $(BUILD) -G "$(GENERATOR)" $(BUILD_TYPE) $(LAUNCHER) \
	  -DSPECGATE_TESTS=ON -DSPECGATE_BENCH=ON

build-run: configure-run
	cmake --build $(BUILD) -j $(JOBS) --target specgate specgate_docs

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# The main job: check the bundled example specs, then roll them up. Both run with today's date
# on purpose, no --today: `make run` shows what a user gets on the day (the examples' due and
# review dates are in 2030, so it stays clean until then; a pinned date would hide the day they
# pass). Outputs compared across days pin the date instead (tests, scripts/snapshot-outputs).
run: build-run
	$(BUILD)/specgate check examples/
	$(BUILD)/specgate status examples/
	$(BUILD)/specgate site examples/ --out $(BUILD)/site

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The stripped binary, man page and shell completions under PREFIX (docs/install.md).
install: build-run
	cmake --install $(BUILD) --prefix "$(PREFIX)" --strip

# A .deb in $(BUILD) whose Depends: come from dpkg-shlibdeps.
package: deps build-run
	cd $(BUILD) && cpack -G DEB

# Rewrites tests/golden/expected from current output; review the diff before committing.
golden: build
	SPECGATE_UPDATE_GOLDEN=1 $(BUILD)/tests/specgate_tests --gtest_filter='Golden*'
	git --no-pager diff --stat -- tests/golden

bench: build
	bench/compare

# specgate's SVG beside Mermaid 11's own rendering (in Debian's chromium) of the same diagrams:
# $(BUILD)/gallery/index.html. Our fixtures, plus Mermaid's docs corpus when ../shared is there.
# `make gallery SCREENSHOTS=docs/images/gallery` also rewrites the docs' side-by-side PNGs.
gallery: deps build-run
	node tests/browser/gallery.mjs $(BUILD)/specgate $(BUILD)/gallery $(if $(SCREENSHOTS),--screenshots $(SCREENSHOTS))

# mermaid.render in chromium timed beside specgate render over the same diagrams (docs/performance.md).
bench-mermaid: deps build
	node bench/mermaid/side_by_side.mjs $(BUILD)

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer (-O1 keeps it fast enough
# for CI). The tests that run the binary pass these options on to it. Any report fails the run,
# except leaks inside fontconfig (PNG output's font library keeps its caches: tests/lsan.supp).
SANITIZER_ENV = ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 \
                LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
                UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
test-sanitize: deps
	cmake -S . -B build-asan -G "$(GENERATOR)" -DCMAKE_BUILD_TYPE=Debug $(LAUNCHER) \
	  -DCMAKE_C_FLAGS_DEBUG="-O1 -g" -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DSPECGATE_SANITIZE=ON -DSPECGATE_BENCH=OFF
	cmake --build build-asan -j $(JOBS)
	cd build-asan && $(SANITIZER_ENV) ctest --output-on-failure -j $(JOBS)

# libFuzzer targets built with clang (ASan + UBSan) into build-fuzz, then each run for
# FUZZ_SECONDS seconds, one after another (fuzz/run; docs/fuzzing.md).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz:
	@SPECGATE_WITH_FUZZ=1 scripts/install-deps
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -G "$(GENERATOR)" -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_C_FLAGS_DEBUG="-O1 -g" -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
	  -DSPECGATE_FUZZ=ON -DSPECGATE_TESTS=OFF -DSPECGATE_BENCH=OFF
	cmake --build build-fuzz -j $(JOBS)
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run build-fuzz $(FUZZ_TARGETS)

clean:
	rm -rf $(BUILD) build-asan build-fuzz
