package main

import (
	"context"
	"fmt"
)

// runIngest is not built yet; its owner replaces this file.
func runIngest(ctx context.Context, m *Main, args []string) error {
	return fmt.Errorf("ingest: not implemented yet")
}
