# One gate, the same locally and in CI: make check.
GO ?= go
STATICCHECK_VERSION ?= v0.8.2

.PHONY: build check fmt vet staticcheck test test-short generate-check bench

build:
	$(GO) build -o bin/eventwire ./cmd/eventwire

check: fmt vet staticcheck test

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

test:
	$(GO) test -race -timeout 30m ./...

test-short:
	$(GO) test -short ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
