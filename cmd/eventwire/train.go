package main

import (
	"context"
	"fmt"
)

// runTrain is not built yet; its owner replaces this file.
func runTrain(ctx context.Context, m *Main, args []string) error {
	return fmt.Errorf("train: not implemented yet")
}
