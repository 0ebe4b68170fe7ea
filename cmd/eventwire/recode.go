package main

import (
	"context"
	"fmt"
)

// runRecode is not built yet; its owner replaces this file.
func runRecode(ctx context.Context, m *Main, args []string) error {
	return fmt.Errorf("recode: not implemented yet")
}
