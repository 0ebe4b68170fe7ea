package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/eventwire/eventwire"
)

func runArticles(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("articles", "[flags]", `eventwire articles --db news.db --search "Hong Kong protest" --limit 5`)
	db := fs.String("db", defaultDB, "SQLite database `file`")
	search := fs.String("search", "", "only articles whose title or text hold all these `words`")
	limit := fs.Int("limit", 20, "most articles listed")
	offset := fs.Int("offset", 0, "articles skipped first (for paging)")
	jsonOut := fs.Bool("json", false, "print one JSON object per article")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(m.Stderr, "eventwire articles: unexpected argument %q (use --search)\n", fs.Arg(0))
		return errUsage
	}
	if *limit <= 0 {
		fmt.Fprintln(m.Stderr, "eventwire articles: --limit must be positive")
		return errUsage
	}
	store, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	list, err := store.Articles(ctx, eventwire.ArticleFilter{Search: *search, Limit: *limit, Offset: *offset})
	if err != nil {
		return err
	}
	if *jsonOut {
		enc := json.NewEncoder(m.Stdout)
		for _, a := range list {
			if err := enc.Encode(a); err != nil {
				return err
			}
		}
		return nil
	}
	for _, a := range list {
		pub := a.Published
		if len(pub) > 10 {
			pub = pub[:10]
		}
		if pub == "" {
			pub = "----------"
		}
		fmt.Fprintf(m.Stdout, "%5d  %s  %s\n", a.ID, pub, oneLine(a.Title, 100))
		fmt.Fprintf(m.Stdout, "       %s\n", a.URL)
		if a.Snippet != "" {
			fmt.Fprintf(m.Stdout, "       %s\n", oneLine(a.Snippet, 160))
		}
	}
	if len(list) == 0 {
		fmt.Fprintln(m.Stderr, "no articles")
	}
	return nil
}

// oneLine collapses whitespace and cuts s to at most n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "(untitled)"
	}
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
