package main

import (
	"context"
	"fmt"
)

// runEvalExtract is not built yet; its owner replaces this file.
func runEvalExtract(ctx context.Context, m *Main, args []string) error {
	return fmt.Errorf("eval_extract: not implemented yet")
}
