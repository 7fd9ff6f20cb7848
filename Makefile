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

test-sanitize: deps
	cmake -S . -B build-asan -G "$(GENERATOR)" -DCMAKE_BUILD_TYPE=Debug -DSPECGATE_SANITIZE=ON -DSPECGATE_BENCH=OFF
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) build-asan build-fuzz
