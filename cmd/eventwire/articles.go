package main

import (
	"context"
	"fmt"
)

// runArticles is not built yet; its owner replaces this file.
func runArticles(ctx context.Context, m *Main, args []string) error {
	return fmt.Errorf("articles: not implemented yet")
}
