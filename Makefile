# Every target installs what is missing first, so a fresh Debian 12 machine needs nothing else.
BUILD    ?= build
JOBS     ?= $(shell nproc)
GENERATOR = $(shell command -v ninja >/dev/null 2>&1 && echo Ninja || echo "Unix Makefiles")

.PHONY: all deps configure build run test golden bench test-sanitize fuzz clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -G "$(GENERATOR)" -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: $(BUILD)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

# The main job: check the bundled example specs, then roll them up.
run: build
	$(BUILD)/specgate check examples/
	$(BUILD)/specgate status examples/ --today 2026-11-22

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Rewrites tests/golden/expected from current output; review the diff before committing.
golden: build
	SPECGATE_UPDATE_GOLDEN=1 $(BUILD)/tests/specgate_tests --gtest_filter='Golden*'
	git --no-pager diff --stat -- tests/golden

bench: build
	bench/compare

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer (-O1 keeps it fast enough
# for CI). The tests that run the binary pass these options on to it. Any report fails the run.
SANITIZER_ENV = ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 \
                UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
test-sanitize: deps
	cmake -S . -B build-asan -G "$(GENERATOR)" -DCMAKE_BUILD_TYPE=Debug \
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
