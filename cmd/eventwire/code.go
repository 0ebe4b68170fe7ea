package main

import (
	"context"
	"fmt"
)

// runCode is not built yet; its owner replaces this file.
func runCode(ctx context.Context, m *Main, args []string) error {
	return fmt.Errorf("code: not implemented yet")
}
