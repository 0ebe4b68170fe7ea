package main

import (
	"context"
	"fmt"
)

// runParse is not built yet; its owner replaces this file.
func runParse(ctx context.Context, m *Main, args []string) error {
	return fmt.Errorf("parse: not implemented yet")
}
