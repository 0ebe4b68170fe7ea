package samples

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

func TestSource(t *testing.T) {
	rferl, err := RFERL(filepath.Join("..", "..", "..", "testdata", "samples"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(rferl.Body), "Putin") || rferl.URL != RFERLURL {
		t.Errorf("RFE/RL page: url %q, %d bytes", rferl.URL, len(rferl.Body))
	}
	src := Source(nil, rferl)
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

func TestRFERLMissing(t *testing.T) {
	_, err := RFERL(t.TempDir(), nil)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing sample: got %v, want fs.ErrNotExist", err)
	}
	src := Source(nil)
	defer src.Close()
	n := 0
	for {
		_, err := src.Next(context.Background())
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 50 {
		t.Errorf("without the RFE/RL page: %d samples, want 50", n)
	}
}
