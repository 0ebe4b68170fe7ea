package extraction

import (
	"errors"
	"math"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, world!", []string{"Hello", "world"}},
		{"U.S.-Mexico border_x 2019", []string{"U", "S", "Mexico", "border_x", "2019"}},
		{"Größe — naïve café", []string{"Größe", "naïve", "café"}},
		{"don’t", []string{"don", "t"}},
		{"²½ Ⅻ", []string{"²½", "Ⅻ"}},
	}
	for _, tt := range tests {
		if got := Tokenize(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScorePage(t *testing.T) {
	tests := []struct {
		name              string
		truth, pred       string
		p, r              float64
		hasPred, hasTruth bool
		exact             bool
	}{
		{"both empty", "", "", 1, 1, false, false, true},
		{"empty prediction", "a b c d e", "", 0, 0, false, true, false},
		{"empty truth", "", "a b c d e", 0, 0, true, false, false},
		{"identical", "one two three four five", "one two three four five", 1, 1, true, true, true},
		// Punctuation and spacing do not count.
		{"same tokens", "one, two. three four!", "one two three\n\nfour", 1, 1, true, true, true},
		// Truth has 3 shingles (a b c d, b c d e, c d e f); prediction adds
		// one token at the end: 4 shingles, 3 shared.
		{"one extra", "a b c d e f", "a b c d e f g", 0.75, 1, true, true, false},
		// Prediction lacks the first token: 2 of 3 shingles found.
		{"one missing", "a b c d e f", "b c d e f", 1, 2.0 / 3, true, true, false},
		// Short texts are one shingle.
		{"short equal", "a b", "a b", 1, 1, true, true, true},
		{"short differ", "a b", "a c", 0, 0, true, true, false},
		// Repeated shingles count as a multiset.
		{"multiset", "a b c d a b c d", "a b c d", 1, 1.0 / 5, true, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ScorePage(tt.truth, tt.pred)
			if !near(s.Precision, tt.p) || !near(s.Recall, tt.r) || s.HasPred != tt.hasPred || s.HasTruth != tt.hasTruth || s.Exact != tt.exact {
				t.Errorf("got P %v R %v hasPred %v hasTruth %v exact %v; want %v %v %v %v %v",
					s.Precision, s.Recall, s.HasPred, s.HasTruth, s.Exact, tt.p, tt.r, tt.hasPred, tt.hasTruth, tt.exact)
			}
		})
	}
}

func TestAggregate(t *testing.T) {
	// Page 1: perfect. Page 2: empty prediction (excluded from precision,
	// recall 0). Page 3: precision 0.75, recall 1.
	r, err := Score(
		map[string]string{"1": "a b c d e", "2": "a b c d e", "3": "a b c d e f"},
		map[string]string{"1": "a b c d e", "2": "", "3": "a b c d e f g"},
	)
	if err != nil {
		t.Fatal(err)
	}
	wantP := (1 + 0.75) / 2
	wantR := (1 + 0 + 1) / 3.0
	if !near(r.Precision, wantP) || !near(r.Recall, wantR) || !near(r.Accuracy, 1.0/3) {
		t.Errorf("P %v R %v acc %v; want %v %v %v", r.Precision, r.Recall, r.Accuracy, wantP, wantR, 1.0/3)
	}
	if want := 2 * wantP * wantR / (wantP + wantR); !near(r.F1, want) {
		t.Errorf("F1 %v, want %v", r.F1, want)
	}
	r.Bootstrap(200, 1)
	if r.StdF1 <= 0 || r.StdF1 > 1 {
		t.Errorf("bootstrap std F1 = %v, want in (0, 1]", r.StdF1)
	}
	if _, err := Score(map[string]string{"1": "x"}, map[string]string{"2": "x"}); err == nil {
		t.Error("Score with different ids: want an error")
	}
}

// dataDir is the benchmark beside the repository, ../shared/data/extraction;
// without its ground-truth.json the test fails under CI and skips otherwise.
func dataDir(t *testing.T) string {
	t.Helper()
	return filepath.Dir(shared.Data(t, "extraction", "ground-truth.json"))
}

// TestBaselines checks the metric against the reference scores the data
// README gives for the two bundled baseline outputs.
func TestBaselines(t *testing.T) {
	dir := dataDir(t)
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.IDs) != 91 {
		t.Fatalf("%d pages, want 91", len(d.IDs))
	}
	tests := []struct {
		file          string
		f1, p, r, acc float64
	}{
		{"go_trafilatura.json", 0.965, 0.945, 0.987, 0.286},
		{"html-text.json", 0.659, 0.493, 0.994, 0.000},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			pred, err := LoadPredictions(filepath.Join(dir, "baselines", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Score(d.Truth, pred)
			if err != nil {
				t.Fatal(err)
			}
			round := func(x float64) float64 { return math.Round(x*1000) / 1000 }
			if round(r.F1) != tt.f1 || round(r.Precision) != tt.p || round(r.Recall) != tt.r || round(r.Accuracy) != tt.acc {
				t.Errorf("F1 %.4f P %.4f R %.4f acc %.4f; want %.3f %.3f %.3f %.3f", r.F1, r.Precision, r.Recall, r.Accuracy, tt.f1, tt.p, tt.r, tt.acc)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope"))
	if !errors.Is(err, ErrNoData) {
		t.Fatalf("err = %v, want ErrNoData", err)
	}
}
