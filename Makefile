# One gate, the same locally and in CI: make check.
GO ?= go
STATICCHECK_VERSION ?= v0.8.2

.PHONY: build check lint fmt tidy vet staticcheck test test-short bench

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
	$(GO) test -race ./...

test-short:
	$(GO) test -short ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
