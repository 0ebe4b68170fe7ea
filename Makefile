# One gate, the same locally and in CI: make check.
GO ?= go
STATICCHECK_VERSION ?= v0.8.2

.PHONY: build check lint fmt tidy vet staticcheck test test-short bench fuzz

build:
	$(GO) build -o bin/eventwire ./cmd/eventwire

check: lint test

lint: fmt tidy vet staticcheck

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# go.mod lists direct dependencies as direct and go.sum holds every sum.
tidy:
	$(GO) mod tidy -diff

vet:
	$(GO) vet ./...

staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

# test is the README's test command.
test:
	$(GO) test -race -timeout 20m ./...

test-short:
	$(GO) test -short ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# fuzz runs every fuzz target for FUZZTIME (default 10s; the campaign
# recorded in docs/BENCHMARKS.md used 10m; CI uses a count, 1000x, because a
# duration can end in a spurious "context deadline exceeded" from Go 1.26's
# fuzz coordinator, golang/go#75804), one after another, and stops at
# the first crasher, which go test writes under the package's
# testdata/fuzz/ (commit it: it then runs as a regression test).
FUZZTIME ?= 10s
FUZZPKGS ?= ./...
fuzz:
	@set -e; for pkg in $$($(GO) list $(FUZZPKGS)); do \
		dir=$$($(GO) list -f '{{.Dir}}' $$pkg); \
		for t in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$dir/*_test.go 2>/dev/null | sed 's/^func //'); do \
			echo "== $$pkg $$t ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -parallel 1 $$pkg; \
		done; \
	done
