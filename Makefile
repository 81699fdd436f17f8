# playbook — see README.md. `make run` and `make test` are all a new user needs.
GO      ?= go
BIN     := bin/playbook
PORT    ?= 1313
FUZZTIME ?= 30s
# Minimising a new input costs whole builds for FuzzBuildPage; keep it short.
FUZZMINTIME ?= 5s
# The WebP encoder (gen2brain/webp: libwebp as WASM, run by wazero) would also try a system
# libwebp through purego, which makes a CGO_ENABLED=0 binary dynamically linked: stay static.
export GOFLAGS += -tags=nodynamic

.PHONY: all build run test lint fuzz golden bench loadtest screenshots clean

all: build

## build: compile the playbook binary into bin/ and build the example site into public/
build:
	$(GO) build -o $(BIN) ./cmd/playbook
	./$(BIN) build --source .

## run: build the example site and serve it on 127.0.0.1:$(PORT) with live reload
run:
	$(GO) build -o $(BIN) ./cmd/playbook
	./$(BIN) serve --source . --port $(PORT)

## test: vet, then every test (unit, golden, fuzz seeds, browser), the server under -race
test:
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -race ./generator/pipeline/... ./generator/incremental/... ./generator/write/... ./generator/serve/... ./generator/watch/...

## lint: formatting and vet
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

## fuzz: run every fuzz target for FUZZTIME each
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME) $$pkg || exit 1; \
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

## screenshots: the home page, a guide, the workflow card and the calculator at 390px and 1280px
screenshots:
	$(GO) test -count=1 -run TestScreenshots ./generator/pipeline/ -args -screenshots $(CURDIR)/screenshots

clean:
	rm -rf bin public
