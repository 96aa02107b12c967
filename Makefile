# relgraph: the two commands README shows, and their parts.
#   make run    installs what is missing (Debian), builds, runs the main job on the bundled graph
#   make test   installs what is missing, builds, runs every test, then again under ASan + UBSan

BUILD      ?= build
SAN_BUILD  ?= build-sanitize
JOBS       ?= $(shell nproc)
RELGRAPH   := $(BUILD)/bin/relgraph
DIAGRAM    := $(BUILD)/north-korea.svg

# Debian packages the build, the tests and the CLI need.
PACKAGES := cmake make g++ pkg-config python3 graphviz libgraphviz-dev libboost-graph-dev \
            nlohmann-json3-dev libcli11-dev libfmt-dev doctest-dev libpugixml-dev libxxhash-dev libutf8proc-dev python3-networkx \
            fonts-dejavu-core chromium

.PHONY: run test deps build build-sanitize clean

run: build
	$(RELGRAPH) validate
	@echo
	$(RELGRAPH) who-reported "North Korea" sent_workers Russia
	@echo
	$(RELGRAPH) path "Andrei Orlov" "Kim Jong Un"
	@echo
	$(RELGRAPH) render --focus "North Korea" --depth 1 -o $(DIAGRAM)

test: build build-sanitize
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)
	cd $(SAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp ctest --output-on-failure -j$(JOBS)

# Installs only the packages that are missing, so it is quiet and quick when all are present.
deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Debug information as line tables only (-g1): stack traces, sanitizer reports and profiles keep
# file:line, and the optimized build takes a quarter less time than with full -g.
build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
	cmake --build $(BUILD) -j$(JOBS)

build-sanitize: deps
	cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1" -DRELGRAPH_SANITIZE=ON
	cmake --build $(SAN_BUILD) -j$(JOBS)

clean:
	rm -rf $(BUILD) $(SAN_BUILD)
