// Package extraction scores article-body extraction the way the
// scrapinghub article-extraction-benchmark does: precision and recall of
// 4-token shingles, macro-averaged over pages, plus the share of pages whose
// token sequence is exactly right. See ../shared/data/extraction/README.md
// for the definition this code follows.
package extraction

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// ShingleSize is the number of consecutive tokens in a shingle.
const ShingleSize = 4

// Tokenize returns every maximal run of word characters of s, as Python's
// regular expression \w+ finds them on a str: letters, numbers and the
// underscore. Case is kept.
func Tokenize(s string) []string {
	var toks []string
	start := -1
	for i, r := range s {
		if isWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// shingles counts the ShingleSize-token windows of toks. One to three
// tokens give one shingle holding all of them; no tokens give none.
func shingles(toks []string) map[string]int {
	m := make(map[string]int)
	if len(toks) == 0 {
		return m
	}
	if len(toks) < ShingleSize {
		m[strings.Join(toks, "\x00")]++
		return m
	}
	for i := 0; i+ShingleSize <= len(toks); i++ {
		m[strings.Join(toks[i:i+ShingleSize], "\x00")]++
	}
	return m
}

// PageScore is the score of one page.
type PageScore struct {
	ID string
	// TP, FP and FN are shingle counts divided by TP+FP+FN, so that every
	// page weighs the same.
	TP, FP, FN float64
	Precision  float64
	Recall     float64
	// HasPred and HasTruth report whether the prediction and the ground
	// truth have at least one shingle; only such pages count in the
	// precision and recall means respectively.
	HasPred, HasTruth bool
	// Exact reports equal token sequences.
	Exact bool
}

// ScorePage scores one prediction against its ground truth.
func ScorePage(truth, pred string) PageScore {
	tt, pt := Tokenize(truth), Tokenize(pred)
	ts, ps := shingles(tt), shingles(pt)
	var tp, fp, fn int
	for s, t := range ts {
		p := ps[s]
		tp += min(t, p)
		fn += max(0, t-p)
	}
	for s, p := range ps {
		fp += max(0, p-ts[s])
	}
	sc := PageScore{HasPred: tp+fp > 0, HasTruth: tp+fn > 0, Exact: equal(tt, pt)}
	if n := float64(tp + fp + fn); n > 0 {
		sc.TP, sc.FP, sc.FN = float64(tp)/n, float64(fp)/n, float64(fn)/n
	}
	switch {
	case fp == 0 && fn == 0:
		sc.Precision, sc.Recall = 1, 1
	default:
		if tp+fp > 0 {
			sc.Precision = sc.TP / (sc.TP + sc.FP)
		}
		if tp+fn > 0 {
			sc.Recall = sc.TP / (sc.TP + sc.FN)
		}
	}
	return sc
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Result is the benchmark score of one system.
type Result struct {
	F1, Precision, Recall, Accuracy float64
	// Std holds the standard deviations of F1, precision, recall and
	// accuracy over bootstrap resamples of the pages (zero until
	// Bootstrap is called).
	StdF1, StdPrecision, StdRecall, StdAccuracy float64
	Pages                                       []PageScore
}

// Aggregate computes the benchmark figures from page scores.
func Aggregate(pages []PageScore) Result {
	r := Result{Pages: pages}
	r.Precision, r.Recall, r.Accuracy = means(pages, func(i int) int { return i })
	r.F1 = f1(r.Precision, r.Recall)
	return r
}

// means returns macro precision, macro recall and accuracy over the pages
// idx(0..len-1) selects, so that bootstrap samples reuse the code.
func means(pages []PageScore, idx func(int) int) (p, r, acc float64) {
	var np, nr, ne int
	for i := range pages {
		s := pages[idx(i)]
		if s.HasPred {
			p += s.Precision
			np++
		}
		if s.HasTruth {
			r += s.Recall
			nr++
		}
		if s.Exact {
			ne++
		}
	}
	if np > 0 {
		p /= float64(np)
	}
	if nr > 0 {
		r /= float64(nr)
	}
	if len(pages) > 0 {
		acc = float64(ne) / float64(len(pages))
	}
	return p, r, acc
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Bootstrap fills the Std fields with the standard deviation of each figure
// over n resamples of the pages drawn with replacement. The seed makes it
// deterministic.
func (r *Result) Bootstrap(n int, seed uint64) {
	if len(r.Pages) == 0 || n < 2 {
		return
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var f, p, rc, a []float64
	sample := make([]int, len(r.Pages))
	for range n {
		for i := range sample {
			sample[i] = rng.IntN(len(r.Pages))
		}
		sp, sr, sa := means(r.Pages, func(i int) int { return sample[i] })
		f, p, rc, a = append(f, f1(sp, sr)), append(p, sp), append(rc, sr), append(a, sa)
	}
	r.StdF1, r.StdPrecision, r.StdRecall, r.StdAccuracy = std(f), std(p), std(rc), std(a)
}

func std(xs []float64) float64 {
	var m float64
	for _, x := range xs {
		m += x
	}
	m /= float64(len(xs))
	var v float64
	for _, x := range xs {
		v += (x - m) * (x - m)
	}
	return math.Sqrt(v / float64(len(xs)))
}

// Score scores predictions (id → article body) against the ground truth.
// Every ground-truth id must have a prediction and no other id may appear,
// as upstream requires; a missing body counts as empty only when the id is
// present. Pages are scored in sorted id order.
func Score(truth, pred map[string]string) (Result, error) {
	var missing, extra []string
	for id := range truth {
		if _, ok := pred[id]; !ok {
			missing = append(missing, id)
		}
	}
	for id := range pred {
		if _, ok := truth[id]; !ok {
			extra = append(extra, id)
		}
	}
	if len(missing) > 0 || len(extra) > 0 {
		return Result{}, fmt.Errorf("extraction: prediction ids differ from ground truth: %d missing, %d extra", len(missing), len(extra))
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := make([]PageScore, len(ids))
	for i, id := range ids {
		pages[i] = ScorePage(truth[id], pred[id])
		pages[i].ID = id
	}
	return Aggregate(pages), nil
}

// Dataset is the benchmark on disk: ground truth and the HTML pages.
type Dataset struct {
	Dir string
	// IDs are the page ids in sorted order.
	IDs []string
	// Truth maps an id to its ground-truth article body.
	Truth map[string]string
	// URL maps an id to the page's original address.
	URL map[string]string
}

// ErrNoData reports that the benchmark directory is absent.
var ErrNoData = errors.New("extraction benchmark data not found")

// Load reads the ground truth of the benchmark in dir (the folder holding
// ground-truth.json and html/).
func Load(dir string) (*Dataset, error) {
	gt := filepath.Join(dir, "ground-truth.json")
	b, err := os.ReadFile(gt)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s (expected ground-truth.json and html/ there; the data lives in ../shared/data/extraction beside the repository)", ErrNoData, gt)
	}
	if err != nil {
		return nil, err
	}
	var raw map[string]struct {
		ArticleBody *string `json:"articleBody"`
		URL         string  `json:"url"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", gt, err)
	}
	d := &Dataset{Dir: dir, Truth: make(map[string]string, len(raw)), URL: make(map[string]string, len(raw))}
	for id, v := range raw {
		d.IDs = append(d.IDs, id)
		if v.ArticleBody != nil {
			d.Truth[id] = *v.ArticleBody
		}
		d.URL[id] = v.URL
	}
	sort.Strings(d.IDs)
	return d, nil
}

// MaxPageBytes bounds a decompressed benchmark page.
const MaxPageBytes = 64 << 20

// HTML returns the decompressed HTML of page id.
func (d *Dataset) HTML(id string) ([]byte, error) {
	f, err := os.Open(filepath.Join(d.Dir, "html", id+".html.gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	b, err := io.ReadAll(io.LimitReader(zr, MaxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	if len(b) > MaxPageBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes", f.Name(), MaxPageBytes)
	}
	return b, nil
}

// LoadPredictions reads a prediction file: an object mapping ids to
// {"articleBody": ...}, optionally wrapped as {"version":..., "output": {...}}.
func LoadPredictions(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	type body struct {
		ArticleBody string `json:"articleBody"`
	}
	var wrapped struct {
		Output map[string]body `json:"output"`
	}
	var m map[string]body
	if err := json.Unmarshal(b, &wrapped); err == nil && wrapped.Output != nil {
		m = wrapped.Output
	} else if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make(map[string]string, len(m))
	for id, v := range m {
		out[id] = v.ArticleBody
	}
	return out, nil
}
