# Thin wrapper over CMake/CTest. `make run` and `make test` install missing Debian packages first.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
PROJECT ?=

.PHONY: all deps configure build run serve test bench screenshot format clean

all: build

deps:
	@./install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Opens the studio on PROJECT, or on a writable copy of the bundled sample project.
run: build
	$(BUILD_DIR)/bin/gatehouse $(PROJECT)

# Serves PROJECT (default: the bundled sample) headless: its APIs and the Lambda Invoke API on local ports.
serve: build
	$(BUILD_DIR)/bin/gatehouse serve $(or $(PROJECT),resources/samples/hello-api)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	@cmake --build $(BUILD_DIR) --target benchmarks
	@for script in tests/bench/*.sh; do echo "== $$script"; bash $$script $(BUILD_DIR) || exit 1; done

# Regenerates resources/screenshots/designer.png (shown in README.md): the main window on the bundled
# sample project, drawn offscreen so no display is needed.
screenshot: build
	@cmake --build $(BUILD_DIR) --target bench_startup
	@mkdir -p resources/screenshots
	@QT_QPA_PLATFORM=offscreen $(BUILD_DIR)/bin/bench_startup --screenshot resources/screenshots/designer.png >/dev/null
	@echo "wrote resources/screenshots/designer.png"

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
