package samples

import (
	"context"
	"io"
	"strings"
	"testing"
)

func TestSource(t *testing.T) {
	src := Source(nil)
	defer src.Close()
	n := 0
	for {
		p, err := src.Next(context.Background())
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		if p.URL == "" || len(p.Body) == 0 {
			t.Errorf("page %d without URL or body", n)
		}
		if strings.HasPrefix(p.URL, "https://en.wikinews.org/") && (p.Hints.Title == "" || p.Hints.Published == "") {
			t.Errorf("wikinews page %s lacks title or date hints", p.URL)
		}
	}
	if n != 51 {
		t.Errorf("%d samples, want 50 Wikinews articles and the RFE/RL page", n)
	}
}
