# playbook — see README.md. `make run` and `make test` are all a new user needs.
GO      ?= go
BIN     := bin/playbook
PORT    ?= 1313
FUZZTIME ?= 30s
# Minimising a new input costs whole builds for FuzzBuildPage: bound it by runs, not time,
# so every target executes thousands of inputs a minute.
FUZZMINTIME ?= 50x
FUZZONLY ?= .
# The WebP encoder (gen2brain/webp: libwebp as WASM, run by wazero) would also try a system
# libwebp through purego, which makes a CGO_ENABLED=0 binary dynamically linked: stay static.
export GOFLAGS += -tags=nodynamic

.PHONY: all build run test lint fuzz golden bench loadtest audit screenshots hostile dist clean

all: build

## build: compile the playbook binary into bin/ and build the example site into public/
build:
	$(GO) build -o $(BIN) ./cmd/playbook
	./$(BIN) build --source .

## run: build the example site and serve it on 127.0.0.1:$(PORT) with live reload
run:
	$(GO) build -o $(BIN) ./cmd/playbook
	./$(BIN) serve --source . --port $(PORT)

# The browser tests' audit tools (axe-core, Lighthouse), pinned by the lockfile.
NPM_DIR := generator/internal/browsertest/npm
NPM_STAMP := $(NPM_DIR)/node_modules/.package-lock.json
$(NPM_STAMP): $(NPM_DIR)/package.json $(NPM_DIR)/package-lock.json
	npm ci --prefix $(NPM_DIR) --no-audit --no-fund --loglevel=error

## test: vet, then every test (unit, golden, fuzz seeds, browser), the server under -race
test: $(NPM_STAMP)
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -race ./generator/pipeline/... ./generator/incremental/... ./generator/write/... ./generator/serve/... ./generator/watch/...

## lint: formatting and vet
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

## fuzz: run every fuzz target for FUZZTIME each; FUZZONLY='Split|Parse' picks targets by name, and
##       FUZZPARALLEL=1 keeps each to one worker, so two lists can run side by side
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz' | grep -E '$(FUZZONLY)'); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME) $(if $(FUZZPARALLEL),-parallel $(FUZZPARALLEL)) $$pkg || exit 1; \
	  done; \
	done

## golden: regenerate golden files (review the diff before committing)
golden:
	$(GO) test ./... -update

## bench: playbook against Hugo (defaults, and pages-only) on the same 1k and 10k-page corpora, plus Go benchmarks;
##        SIZES=100000 make bench adds the 100k-page size (playbook only). See bench/README.md
bench:
	bash bench/run.sh

## loadtest: 200 concurrent connections at serve while the site rebuilds 100 times (make test runs 50 x 10)
loadtest:
	PLAYBOOK_LOAD_CONNS=200 PLAYBOOK_LOAD_REBUILDS=100 $(GO) test -count=1 -race -run TestServeUnderLoad -v ./generator/serve/

## audit: Lighthouse's four scores (performance too, which depends on the machine's load) on five pages
audit: $(NPM_STAMP)
	$(GO) test -count=1 -run TestLighthouse -v ./generator/pipeline/ -args -audit | grep -E 'lighthouse|FAIL|ok'

## screenshots: the home page, a guide, the workflow card and the calculator at 390px and 1280px, light and dark,
##              and the workflow card printed on A4 and Letter (PDF; pdftoppm -png turns one into images)
screenshots:
	$(GO) test -count=1 -run 'TestScreenshots|TestPrintWorkflowCard' ./generator/pipeline/ -args -screenshots $(CURDIR)/screenshots

## hostile: build each pathological input (deep nesting, aliases, many keys, delimiter runs...) at full size,
##          one child process each, and print its outcome, time and peak memory
hostile:
	$(GO) test -count=1 -timeout 30m -run '^TestHostileFull$$' -v ./generator/pipeline/ -args -hostile

## dist: static binaries for Linux, macOS and Windows (amd64, arm64) in dist/, with SHA256SUMS;
##       VERSION defaults to `git describe`, and `playbook version` prints it with the commit
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
dist:
	rm -rf dist && mkdir -p dist
	@for p in $(PLATFORMS); do \
	  os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
	  out=dist/playbook-$(VERSION)-$$os-$$arch$$ext; echo "  $$out"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath \
	    -ldflags "-s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT)" -o $$out ./cmd/playbook || exit 1; \
	done
	cd dist && sha256sum playbook-* > SHA256SUMS

clean:
	rm -rf bin public dist
