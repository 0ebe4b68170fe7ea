package main

import (
	"context"
	"fmt"
)

// runEvalUD is not built yet; its owner replaces this file.
func runEvalUD(ctx context.Context, m *Main, args []string) error {
	return fmt.Errorf("eval_ud: not implemented yet")
}
