package models_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/models"
)

// TestManifestMatchesFiles checks that MANIFEST lists a sha256 for every
// model file and that each matches the embedded bytes.
func TestManifestMatchesFiles(t *testing.T) {
	man, err := fs.ReadFile(models.FS(), "MANIFEST")
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(man))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 3 && f[0] == "sha256" {
			sums[f[2]] = f[1]
		}
	}
	for _, name := range []string{models.TaggerFile, models.ParserFile, models.FactualityFile} {
		t.Run(name, func(t *testing.T) {
			want, ok := sums[name]
			if !ok {
				t.Fatalf("MANIFEST has no sha256 line for %s", name)
			}
			b, err := fs.ReadFile(models.FS(), name)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(b)
			if got := hex.EncodeToString(sum[:]); got != want {
				t.Errorf("sha256 %s, MANIFEST says %s", got, want)
			}
		})
	}
	for _, must := range []string{"UD_English-EWT", "15d613d8447b3478787d4c278730a1e48a945efb", "CC BY-SA 4.0", "Silveira", "Rudinger", "973705b0c8f0c82701126ac4d8e1e2186bdcab21"} {
		if !bytes.Contains(man, []byte(must)) {
			t.Errorf("MANIFEST does not mention %q", must)
		}
	}
}

func TestAccessors(t *testing.T) {
	for name, get := range map[string]func() ([]byte, error){"tagger": models.Tagger, "parser": models.Parser, "factuality": models.Factuality} {
		b, err := get()
		if err != nil || len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
			t.Errorf("%s: %d bytes, err %v; want a gzip stream", name, len(b), err)
		}
	}
}
