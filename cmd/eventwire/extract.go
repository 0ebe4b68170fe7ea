package main

import (
	"context"
	"fmt"
)

// runExtract is not built yet; its owner replaces this file.
func runExtract(ctx context.Context, m *Main, args []string) error {
	return fmt.Errorf("extract: not implemented yet")
}
