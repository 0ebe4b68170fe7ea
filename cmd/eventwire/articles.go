package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/cameo"
)

func runArticles(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("articles", "[flags]", `eventwire articles --db news.db --search "Hong Kong protest" --limit 5`)
	db := fs.String("db", defaultDB, "SQLite database `file`")
	search := fs.String("search", "", "only articles whose title or text hold all these `words`")
	limit := fs.Int("limit", 20, "most articles listed")
	offset := fs.Int("offset", 0, "articles skipped first (for paging)")
	jsonOut := fs.Bool("json", false, "print one JSON object per article (with --events: per event)")
	events := fs.Int64("events", 0, "instead of listing, print the events coded from the article with this `ID`")
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
	if *events != 0 {
		return printArticleEvents(ctx, m.Stdout, store, *events, *jsonOut)
	}
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

// printArticleEvents prints the events of story id, one a line with their
// evidence, or one JSON object each.
func printArticleEvents(ctx context.Context, w io.Writer, store eventwire.Store, id int64, jsonOut bool) error {
	st, err := store.Story(ctx, id)
	if err != nil {
		return err
	}
	if jsonOut {
		enc := json.NewEncoder(w)
		for _, e := range st.Events {
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
		return nil
	}
	title, pub := "", ""
	if st.Article != nil {
		title, pub = st.Article.Title, st.Article.Published
	}
	fmt.Fprintf(w, "%d  %s  %s\n", st.ID, pub, oneLine(title, 100))
	fmt.Fprintf(w, "%d events\n", len(st.Events))
	if len(st.Events) > 0 {
		book := cameo.Default()
		fmt.Fprintln(w, "sent CAMEO  source [code] | verb | target [code]")
		for _, e := range st.Events {
			fmt.Fprintln(w, eventLine(st, e, book))
		}
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
