package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/internal/eval/events"
	"github.com/eventwire/eventwire/internal/eval/gold"
	"github.com/eventwire/eventwire/internal/eval/plover"
	"github.com/eventwire/eventwire/internal/stages"
	"github.com/eventwire/eventwire/text"
)

// runTrainScorer trains the learned event scorer (coder.Scorer) on coded
// events labelled right or wrong by the development data: the dev split of
// the real-news gold (a coded event is right when a gold event matches
// it), a judged file (its verdicts), and the tune half of the PLOVER gold
// (right: the record's category and a gold source country). Test splits
// and the PLOVER check half are never read. The model is a logistic
// regression with an L2 penalty fitted by Newton's method; its threshold
// maximises the F1 of keeping right events over five-fold cross-validation
// by article. The same data and flags give the same file.
func runTrainScorer(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlagSet("train scorer", "--out FILE [--gold DIR] [--judged CORPUS.jsonl=JUDGED.tsv]... [--plover FILE]",
		"eventwire train scorer --gold testdata/gold --judged ../shared/data/corpus/wikinews-politics-demo.jsonl=testdata/judged/wikinews-politics-demo.tsv --plover ../shared/data/events/plover-gsr-dev/PLOVER_GSR_dev.json --out models/events.scorer")
	goldDir := fs.String("gold", "", "real-news gold `dir` (articles.jsonl, gold.tsv); its dev split is used")
	var judged multiFlag
	fs.Var(&judged, "judged", "`CORPUS=JUDGED`: a JSONL corpus and its judged events; repeatable")
	ploverPath := fs.String("plover", "", "PLOVER gold JSON `file`; its tune half (plover.Part) is used")
	out := fs.String("out", "", "scorer `file` to write")
	lambda := fs.Float64("lambda", 1, "L2 penalty on the weights")
	beta := fs.Float64("beta", 1, "choose the threshold that maximises F-beta of keeping right events (below 1 favours precision)")
	modelDir := modelsFlag(fs)
	curve := fs.Bool("curve", false, "print the cross-validated precision and recall at every threshold")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 0 || (*goldDir == "" && len(judged) == 0 && *ploverPath == "") {
		fs.Usage()
		return errUsage
	}
	start := time.Now()
	p, err := newPipeline(m.Stderr, false, nil, *modelDir)
	if err != nil {
		return err
	}
	var ex []example
	if *goldDir != "" {
		e, err := goldExamples(ctx, p, *goldDir)
		if err != nil {
			return err
		}
		ex = append(ex, e...)
	}
	for _, j := range judged {
		corpus, file, ok := strings.Cut(j, "=")
		if !ok {
			return fmt.Errorf("%w: --judged %q: want CORPUS=JUDGED", errUsage, j)
		}
		e, err := judgedExamples(ctx, p, corpus, file)
		if err != nil {
			return err
		}
		ex = append(ex, e...)
	}
	if *ploverPath != "" {
		e, err := ploverExamples(ctx, p, *ploverPath)
		if err != nil {
			return err
		}
		ex = append(ex, e...)
	}
	if len(ex) == 0 {
		return errors.New("train scorer: no labelled events")
	}
	counts := map[string][2]int{}
	for _, e := range ex {
		c := counts[e.source]
		if e.y > 0 {
			c[0]++
		} else {
			c[1]++
		}
		counts[e.source] = c
	}
	// Cross-validation by article: five folds, an article's events in one.
	probs := make([]float64, len(ex))
	for fold := 0; fold < 5; fold++ {
		var train []example
		for _, e := range ex {
			if e.fold != fold {
				train = append(train, e)
			}
		}
		b, w := fitLogistic(train, *lambda)
		for i, e := range ex {
			if e.fold == fold {
				probs[i] = sigmoid(b + dot(w, e.x))
			}
		}
	}
	threshold, cvP, cvR, cvF := chooseThreshold(ex, probs, *beta)
	if *curve {
		fmt.Fprintln(m.Stdout, "threshold kept precision recall")
		for k := 0; k <= 19; k++ {
			th := float64(k) * 0.05
			p, r, n := keepAt(ex, probs, th)
			fmt.Fprintf(m.Stdout, "%.2f %d %.3f %.3f\n", th, n, p, r)
		}
	}
	b, w := fitLogistic(ex, *lambda)
	weights := map[string]float64{}
	for i, v := range w {
		if math.Abs(v) >= 1e-4 {
			weights[coder.FeatureNames[i]] = math.Round(v*1e4) / 1e4
		}
	}
	var data []string
	for _, k := range sortedKeys(counts) {
		data = append(data, fmt.Sprintf("%s %d right %d wrong", k, counts[k][0], counts[k][1]))
	}
	all := 0
	for _, e := range ex {
		if e.y > 0 {
			all++
		}
	}
	trained := map[string]string{
		"data":    strings.Join(data, "; "),
		"command": "eventwire " + strings.Join(append([]string{"train", "scorer"}, args...), " "),
		"cv":      fmt.Sprintf("5-fold by article: keeping events scored >= %.2f keeps %.3f of the right ones with precision %.3f (F-beta %.3f); all events: precision %.3f", threshold, cvR, cvP, cvF, float64(all)/float64(len(ex))),
		"lambda":  fmt.Sprint(*lambda),
	}
	s, err := coder.NewScorer(math.Round(b*1e4)/1e4, weights, threshold, trained)
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := s.Write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "events %d (%s)\n", len(ex), strings.Join(data, "; "))
	fmt.Fprintf(m.Stdout, "cross-validation: threshold %.2f precision %.3f recall %.3f f1 %.3f (all kept: precision %.3f)\n", threshold, cvP, cvR, cvF, float64(all)/float64(len(ex)))
	fmt.Fprintf(m.Stdout, "wrote %s in %s\n", *out, time.Since(start).Round(time.Millisecond))
	return nil
}

// example is one labelled candidate event.
type example struct {
	x      []float64
	y      float64 // 1 right, 0 wrong
	fold   int     // cross-validation fold, by article
	source string  // which data set labelled it
}

func toFloat(x []float32) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = float64(v)
	}
	return out
}

// foldOf puts an article in one of five folds by a hash of its id.
func foldOf(id string) int {
	h := uint32(2166136261)
	for i := 0; i < len(id); i++ {
		h = (h ^ uint32(id[i])) * 16777619
	}
	return int(h % 5)
}

// candidates parses txt and returns the coder's candidate events.
func candidates(ctx context.Context, p *pipeline, txt string, date time.Time) (*text.Doc, []coder.Candidate, error) {
	doc := text.NewDoc(txt)
	if err := p.parser.Annotate(ctx, doc); err != nil {
		return nil, nil, err
	}
	c, err := p.coder.Candidates(ctx, doc, date)
	return doc, c, err
}

// goldExamples labels the candidates of the gold's dev articles: right
// when a gold event of the sentence matches (root, source and target
// country).
func goldExamples(ctx context.Context, p *pipeline, dir string) ([]example, error) {
	arts, err := gold.ReadArticlesFile(dir + "/articles.jsonl")
	if err != nil {
		return nil, err
	}
	ann, err := gold.ReadAnnotationsFile(dir+"/gold.tsv", arts)
	if err != nil {
		return nil, err
	}
	var out []example
	for _, a := range arts.Split("dev") {
		_, cs, err := candidates(ctx, p, a.Text, stages.ArticleDate(a.Published))
		if err != nil {
			return nil, err
		}
		evs := make([]eventwire.Event, len(cs))
		for i, c := range cs {
			evs[i] = c.Event
		}
		r := gold.Compare(a, ann.Events(a.ID), gold.FromCoded(a, evs))
		if len(r.Coded) != len(cs) {
			continue // one-sided candidates: none with RequireDyad
		}
		for i, c := range cs {
			y := 0.0
			if r.CodedMatch[i] >= 0 {
				y = 1
			}
			out = append(out, example{x: toFloat(c.Features), y: y, fold: foldOf(a.ID), source: "gold-dev"})
		}
	}
	return out, nil
}

// judgedExamples labels the candidates of a corpus by a judged file; the
// events nobody judged are left out.
func judgedExamples(ctx context.Context, p *pipeline, corpus, file string) ([]example, error) {
	arts, err := events.ReadCorpusFile(corpus)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("train scorer: corpus %s does not exist (the Wikinews corpora are in the project's data folder, e.g. ../shared/data/corpus)", corpus)
	}
	if err != nil {
		return nil, err
	}
	j, err := readJudgedFile(file)
	if err != nil {
		return nil, err
	}
	var out []example
	for _, a := range arts {
		doc, cs, err := candidates(ctx, p, a.Text, stages.ArticleDate(a.Published))
		if err != nil {
			return nil, err
		}
		evs := make([]eventwire.Event, len(cs))
		for i, c := range cs {
			evs[i] = c.Event
		}
		for i, k := range events.FromEvents(a.ID, doc, evs) {
			g, ok := j.Lookup(k.Key)
			if !ok || (g.Verdict != "right" && g.Verdict != "wrong") {
				continue
			}
			y := 0.0
			if g.Verdict == "right" {
				y = 1
			}
			out = append(out, example{x: toFloat(cs[i].Features), y: y, fold: foldOf(a.ID), source: "judged"})
		}
	}
	return out, nil
}

// ploverExamples labels the candidates of the PLOVER tune half: right when
// the event has the record's category and a gold source country.
func ploverExamples(ctx context.Context, p *pipeline, path string) ([]example, error) {
	recs, err := plover.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []example
	for i := range recs {
		r := &recs[i]
		if plover.Part(r.ID) != "tune" {
			continue
		}
		_, cs, err := candidates(ctx, p, r.Text, r.Date)
		if err != nil {
			return nil, err
		}
		evs := make([]eventwire.Event, len(cs))
		for i, c := range cs {
			evs[i] = c.Event
		}
		res := plover.ScoreRecord(r, plover.FromEvents(r.Text, evs))
		for i, c := range cs {
			y := 0.0
			if res.Right[i] {
				y = 1
			}
			out = append(out, example{x: toFloat(c.Features), y: y, fold: foldOf(r.ID), source: "plover-tune"})
		}
	}
	return out, nil
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func dot(w, x []float64) float64 {
	s := 0.0
	for i := range w {
		s += w[i] * x[i]
	}
	return s
}

// fitLogistic fits a logistic regression with an L2 penalty lambda on the
// weights (not the bias) by Newton's method: 25 steps, each solving the
// penalised Hessian system by Cholesky factorisation. Deterministic.
func fitLogistic(ex []example, lambda float64) (float64, []float64) {
	if len(ex) == 0 {
		return 0, make([]float64, len(coder.FeatureNames))
	}
	d := len(ex[0].x) + 1 // weights, then the bias
	theta := make([]float64, d)
	row := func(e example) []float64 { return append(append([]float64(nil), e.x...), 1) }
	for iter := 0; iter < 25; iter++ {
		g := make([]float64, d)
		h := make([][]float64, d)
		for i := range h {
			h[i] = make([]float64, d)
		}
		for _, e := range ex {
			x := row(e)
			p := sigmoid(dot(theta, x))
			for i := range x {
				g[i] += (p - e.y) * x[i]
				if x[i] == 0 {
					continue
				}
				for j := range x {
					h[i][j] += p * (1 - p) * x[i] * x[j]
				}
			}
		}
		for i := 0; i < d-1; i++ {
			g[i] += lambda * theta[i]
			h[i][i] += lambda
		}
		h[d-1][d-1] += 1e-6
		step, ok := cholSolve(h, g)
		if !ok {
			break
		}
		maxStep := 0.0
		for i := range theta {
			theta[i] -= step[i]
			maxStep = math.Max(maxStep, math.Abs(step[i]))
		}
		if maxStep < 1e-9 {
			break
		}
	}
	return theta[d-1], theta[:d-1]
}

// cholSolve solves a x = b for a symmetric positive definite a.
func cholSolve(a [][]float64, b []float64) ([]float64, bool) {
	n := len(a)
	l := make([][]float64, n)
	for i := range l {
		l[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ {
			s := a[i][j]
			for k := 0; k < j; k++ {
				s -= l[i][k] * l[j][k]
			}
			if i == j {
				if s <= 0 {
					return nil, false
				}
				l[i][i] = math.Sqrt(s)
			} else {
				l[i][j] = s / l[j][j]
			}
		}
	}
	y := make([]float64, n)
	for i := 0; i < n; i++ {
		s := b[i]
		for k := 0; k < i; k++ {
			s -= l[i][k] * y[k]
		}
		y[i] = s / l[i][i]
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := y[i]
		for k := i + 1; k < n; k++ {
			s -= l[k][i] * x[k]
		}
		x[i] = s / l[i][i]
	}
	return x, true
}

// chooseThreshold returns the probability threshold (a multiple of 0.05)
// that maximises the F-beta of keeping the right events, given
// out-of-fold probabilities, with the precision, recall and F-beta it
// gives.
func chooseThreshold(ex []example, probs []float64, beta float64) (t, p, r, f float64) {
	best := -1.0
	b2 := beta * beta
	for k := 0; k <= 19; k++ {
		th := float64(k) * 0.05
		prec, rec, _ := keepAt(ex, probs, th)
		fb := 0.0
		if prec+rec > 0 {
			fb = (1 + b2) * prec * rec / (b2*prec + rec)
		}
		if fb > best+1e-12 {
			best, t, p, r, f = fb, th, prec, rec, fb
		}
	}
	return t, p, r, f
}

// keepAt returns the precision and recall of keeping the events whose
// probability is at least th, and how many are kept.
func keepAt(ex []example, probs []float64, th float64) (p, r float64, kept int) {
	pos, right := 0, 0
	for i, e := range ex {
		if e.y > 0 {
			pos++
		}
		if probs[i] >= th {
			kept++
			if e.y > 0 {
				right++
			}
		}
	}
	return ratioF(right, kept), ratioF(right, pos), kept
}

func ratioF(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
