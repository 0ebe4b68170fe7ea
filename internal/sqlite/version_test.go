package sqlite_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/internal/storetest"
)

// TestDataVersion checks that the data version stays while only reads
// happen and grows after a write by the store itself and after a write by
// another store on the same file (as another process's would be).
func TestDataVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v.db")
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	version := func() uint64 {
		t.Helper()
		v, err := s.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v0 := version()
	if _, err := s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	if v := version(); v != v0 {
		t.Errorf("a read changed the version: %d -> %d", v0, v)
	}
	if _, err := s.PutStory(ctx, storetest.Story("https://a.example/1", "One", "One text.")); err != nil {
		t.Fatal(err)
	}
	v1 := version()
	if v1 <= v0 {
		t.Errorf("a write by the store: version %d -> %d", v0, v1)
	}
	if _, err := other.PutStory(ctx, storetest.Story("https://a.example/2", "Two", "Two text.")); err != nil {
		t.Fatal(err)
	}
	v2 := version()
	if v2 <= v1 {
		t.Errorf("a write by another store: version %d -> %d", v1, v2)
	}
	if _, err := other.MergeEvents(ctx, 1, false); err != nil {
		t.Fatal(err)
	}
	if v := version(); v <= v2 {
		t.Errorf("a merge by another store: version %d -> %d", v2, v)
	}
	s.Close()
	if _, err := s.DataVersion(ctx); err == nil {
		t.Error("closed store: no error")
	}
}

// TestDataVersionOtherProcess checks that a write by another process (this
// test binary run again as TestWriterProcess) changes the version.
func TestDataVersionOtherProcess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v.db")
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v0, err := s.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$")
	cmd.Env = append(os.Environ(), "EVENTWIRE_TEST_WRITE_DB="+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("writer process: %v\n%s", err, out)
	}
	v1, err := s.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v1 <= v0 {
		t.Errorf("a write by another process: version %d -> %d", v0, v1)
	}
	if st, err := s.Stats(ctx); err != nil || st.Pages != 1 {
		t.Errorf("stats after the other process's write: %+v, %v", st, err)
	}
}

// TestWriterProcess stores one story in $EVENTWIRE_TEST_WRITE_DB, for
// TestDataVersionOtherProcess; it does nothing when that is unset.
func TestWriterProcess(t *testing.T) {
	path := os.Getenv("EVENTWIRE_TEST_WRITE_DB")
	if path == "" {
		t.Skip("run by TestDataVersionOtherProcess")
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutStory(ctx, storetest.Story("https://b.example/1", "Other", "Written by another process.")); err != nil {
		t.Fatal(err)
	}
}
