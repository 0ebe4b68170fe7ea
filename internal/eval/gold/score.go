package gold

import "sort"

// Counts are the sizes of a comparison: gold events, coded events, and the
// matches between them.
type Counts struct {
	Gold, Coded, Matched int
}

// Precision is Matched/Coded, 0 when nothing is coded.
func (c Counts) Precision() float64 { return ratio(c.Matched, c.Coded) }

// Recall is Matched/Gold, 0 when there is no gold event.
func (c Counts) Recall() float64 { return ratio(c.Matched, c.Gold) }

// F1 is the harmonic mean of precision and recall, 2·Matched/(Gold+Coded);
// 0 when there is no event at all.
func (c Counts) F1() float64 { return ratio(2*c.Matched, c.Gold+c.Coded) }

func (c *Counts) add(d Counts) {
	c.Gold += d.Gold
	c.Coded += d.Coded
	c.Matched += d.Matched
}

func ratio(a, b int) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ArticleResult compares the coded events of one article with its gold
// events (or one reader's with another's).
type ArticleResult struct {
	Article *Article
	// Gold and Coded are the scored events: those with a target. Coded
	// events outside every annotated sentence (Sent -1) are among Coded and
	// never match.
	Gold, Coded []Event
	// GoldMatch[i] is the index in Coded of the event matched to Gold[i]
	// under MainKey, or -1; CodedMatch is the converse.
	GoldMatch, CodedMatch []int
	// OneSidedGold and OneSidedCoded are the events without a target, not
	// scored.
	OneSidedGold, OneSidedCoded []Event
	// Main, Loose and Strict count the matches under MainKey, LooseKey and
	// StrictKey.
	Main, Loose, Strict Counts
	// ByRoot counts the main key's events and matches by CAMEO root.
	ByRoot map[string]Counts
}

// Missed returns the gold events no coded event matches, in order.
func (r *ArticleResult) Missed() []Event {
	var out []Event
	for i, j := range r.GoldMatch {
		if j < 0 {
			out = append(out, r.Gold[i])
		}
	}
	return out
}

// False returns the coded events that match no gold event, in order.
func (r *ArticleResult) False() []Event {
	var out []Event
	for i, j := range r.CodedMatch {
		if j < 0 {
			out = append(out, r.Coded[i])
		}
	}
	return out
}

// Compare matches the coded events of article a with its gold events,
// sentence by sentence, as multisets of keys: each gold event, in order,
// takes the first coded event of its sentence not taken yet whose key is
// the same. Events without a target are set apart (OneSided).
func Compare(a *Article, gold, coded []Event) *ArticleResult {
	r := &ArticleResult{Article: a, ByRoot: map[string]Counts{}}
	for _, e := range gold {
		if e.OneSided() {
			r.OneSidedGold = append(r.OneSidedGold, e)
		} else {
			r.Gold = append(r.Gold, e)
		}
	}
	for _, e := range coded {
		if e.OneSided() {
			r.OneSidedCoded = append(r.OneSidedCoded, e)
		} else {
			r.Coded = append(r.Coded, e)
		}
	}
	var m int
	r.GoldMatch, r.CodedMatch, m = match(r.Gold, r.Coded, MainKey)
	r.Main = Counts{len(r.Gold), len(r.Coded), m}
	_, _, m = match(r.Gold, r.Coded, LooseKey)
	r.Loose = Counts{len(r.Gold), len(r.Coded), m}
	_, _, m = match(r.Gold, r.Coded, StrictKey)
	r.Strict = Counts{len(r.Gold), len(r.Coded), m}
	for i := range r.Gold {
		c := r.ByRoot[Root(r.Gold[i].CAMEO)]
		c.Gold++
		if r.GoldMatch[i] >= 0 {
			c.Matched++
		}
		r.ByRoot[Root(r.Gold[i].CAMEO)] = c
	}
	for i := range r.Coded {
		c := r.ByRoot[Root(r.Coded[i].CAMEO)]
		c.Coded++
		r.ByRoot[Root(r.Coded[i].CAMEO)] = c
	}
	return r
}

// match pairs gold and coded events of the same sentence with the same
// key, greedily in order; the number of pairs is the multiset intersection
// of the keys, sentence by sentence. Coded events with Sent < 0 never
// match.
func match(gold, coded []Event, key func(*Event) Key) (gm, cm []int, n int) {
	gm, cm = make([]int, len(gold)), make([]int, len(coded))
	for i := range cm {
		cm[i] = -1
	}
	ck := make([]Key, len(coded))
	for j := range coded {
		ck[j] = key(&coded[j])
	}
	for i := range gold {
		gm[i] = -1
		k := key(&gold[i])
		for j := range coded {
			if cm[j] < 0 && coded[j].Sent >= 0 && coded[j].Sent == gold[i].Sent && ck[j] == k {
				gm[i], cm[j] = j, i
				n++
				break
			}
		}
	}
	return gm, cm, n
}

// Tally sums the results of several articles.
type Tally struct {
	Articles, Sentences int
	Main, Loose, Strict Counts
	// ByRoot counts the main key by CAMEO root.
	ByRoot map[string]Counts
	// OneSidedGold and OneSidedCoded count the events without a target,
	// not scored.
	OneSidedGold, OneSidedCoded int
	// Unplaced counts the coded events outside every annotated sentence
	// (in Main.Coded, never matched).
	Unplaced int
}

// Add adds one article's result.
func (t *Tally) Add(r *ArticleResult) {
	if t.ByRoot == nil {
		t.ByRoot = map[string]Counts{}
	}
	t.Articles++
	if r.Article != nil {
		t.Sentences += len(r.Article.Sentences)
	}
	t.Main.add(r.Main)
	t.Loose.add(r.Loose)
	t.Strict.add(r.Strict)
	for root, c := range r.ByRoot {
		d := t.ByRoot[root]
		d.add(c)
		t.ByRoot[root] = d
	}
	t.OneSidedGold += len(r.OneSidedGold)
	t.OneSidedCoded += len(r.OneSidedCoded)
	for _, e := range r.Coded {
		if e.Sent < 0 {
			t.Unplaced++
		}
	}
}

// Roots returns the CAMEO roots of ByRoot, sorted.
func (t *Tally) Roots() []string {
	out := make([]string, 0, len(t.ByRoot))
	for r := range t.ByRoot {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// Summarize tallies the results of the articles of a split (Dev, Test or
// All).
func Summarize(rs []*ArticleResult, split string) Tally {
	t := Tally{ByRoot: map[string]Counts{}}
	for _, r := range rs {
		if split == All || (r.Article != nil && r.Article.Split == split) {
			t.Add(r)
		}
	}
	return t
}
