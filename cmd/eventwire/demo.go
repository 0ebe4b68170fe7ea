package main

import (
	"context"
	"fmt"
)

// runDemo is not built yet; its owner replaces this file.
func runDemo(ctx context.Context, m *Main, args []string) error {
	return fmt.Errorf("demo: not implemented yet")
}
