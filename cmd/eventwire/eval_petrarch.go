package main

import (
	"context"
	"fmt"
)

// runEvalPetrarch is not built yet; its owner replaces this file.
func runEvalPetrarch(ctx context.Context, m *Main, args []string) error {
	return fmt.Errorf("eval_petrarch: not implemented yet")
}
