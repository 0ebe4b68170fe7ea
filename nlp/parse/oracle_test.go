package parse

import (
	"testing"

	"github.com/eventwire/eventwire/text"
)

// tree builds a one-sentence Doc from forms, XPOS tags, 1-based heads (0 for
// the root) and relations.
func tree(forms, xpos []string, heads []int, rels []string) *text.Doc {
	d := &text.Doc{}
	pos := 0
	for i, f := range forms {
		if i > 0 {
			d.Text += " "
			pos++
		}
		d.Text += f
		d.Tokens = append(d.Tokens, text.Token{Start: int32(pos), End: int32(pos + len(f)), XPOS: xpos[i],
			Head: int32(heads[i] - 1), Dep: text.DepRel(rels[i])})
		pos += len(f)
	}
	d.Sents = []text.Span{{Start: 0, End: int32(len(forms))}}
	d.Attrs = text.AttrTokens | text.AttrSents | text.AttrXPOS | text.AttrDeps
	return d
}

// TestOracleReproducesProjectiveTrees follows zero-cost transitions from the
// initial state: for a projective tree they must rebuild it exactly, with
// every transition's cost computed against the gold tree.
func TestOracleReproducesProjectiveTrees(t *testing.T) {
	tests := []struct {
		name  string
		forms []string
		heads []int
		rels  []string
	}{
		{"svo", []string{"Putin", "met", "Assad", "."}, []int{2, 0, 2, 2}, []string{"nsubj", "root", "obj", "punct"}},
		{"right branching", []string{"a", "b", "c", "d"}, []int{0, 1, 2, 3}, []string{"root", "dep", "dep", "dep"}},
		{"left branching", []string{"a", "b", "c", "d"}, []int{2, 3, 4, 0}, []string{"dep", "dep", "dep", "root"}},
		{"title", []string{"Syrian", "President", "Bashar", "al-Assad", "said"}, []int{2, 4, 4, 5, 0},
			[]string{"amod", "compound", "compound", "nsubj", "root"}},
		{"single", []string{"Hi"}, []int{0}, []string{"root"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			xp := make([]string, len(tt.forms))
			for i := range xp {
				xp[i] = "NN"
			}
			d := tree(tt.forms, xp, tt.heads, tt.rels)
			p := &Parser{}
			labID := map[text.DepRel]uint16{}
			for _, r := range []text.DepRel{"amod", "compound", "dep", "nsubj", "obj", "punct", "root"} {
				labID[r] = uint16(len(p.labels))
				p.labels = append(p.labels, r)
			}
			p.root = int(labID["root"])
			n := len(tt.forms)
			g := goldSent{doc: d, span: d.Sents[0], heads: make([]int32, n), labs: make([]uint16, n), kids: make([][]int32, n+1)}
			for k, tok := range d.Tokens {
				h := int32(n)
				if tok.Head >= 0 {
					h = tok.Head
				}
				g.heads[k], g.labs[k] = h, labID[tok.Dep]
				g.kids[h] = append(g.kids[h], int32(k))
			}
			st := newState(len(p.labels))
			st.reset(d, d.Sents[0])
			inStack := make([]bool, n+1)
			for steps := 0; !st.terminal(); steps++ {
				if steps > 2*n+2 {
					t.Fatal("no terminal state after 2n+2 transitions")
				}
				cs := st.costs(&g, inStack)
				next := -1
				for c := 0; c < 1+2*len(p.labels); c++ {
					if st.valid(c, p.root) && st.cost(c, &g, cs) == 0 {
						next = c
						break
					}
				}
				if next < 0 {
					t.Fatalf("no zero-cost transition at step %d", steps)
				}
				if next == 0 {
					inStack[st.bi] = true
				} else {
					inStack[st.stack[len(st.stack)-1]] = false
				}
				st.apply(next, p.root)
			}
			for k := 0; k < n; k++ {
				if st.heads[k] != g.heads[k] || st.labels[k] != g.labs[k] {
					t.Errorf("word %d: head %d label %s, want %d %s", k, st.heads[k], p.labels[st.labels[k]], g.heads[k], p.labels[g.labs[k]])
				}
			}
		})
	}
}

func TestCostsCountLostArcs(t *testing.T) {
	// "Putin met Assad": after SHIFT Putin, SHIFT met, a RIGHT would make
	// met a dependent of Putin, losing met's head (root, in the buffer) and
	// its dependent Assad (in the buffer): cost 2. LEFT is the gold move.
	d := tree([]string{"Putin", "met", "Assad"}, []string{"NNP", "VBD", "NNP"}, []int{2, 0, 2}, []string{"nsubj", "root", "obj"})
	g := goldSent{doc: d, span: d.Sents[0], heads: []int32{1, 3, 1}, labs: []uint16{0, 1, 2}, kids: [][]int32{nil, {0, 2}, nil, {1}}}
	st := newState(3)
	st.reset(d, d.Sents[0])
	in := make([]bool, 4)
	st.apply(0, 1)
	in[0] = true
	cs := st.costs(&g, in)
	if cs.left != 0 || cs.shift != 1 {
		t.Errorf("after one SHIFT: costs %+v, want left 0, shift 1 (met would lose its subject)", cs)
	}
	st.apply(0, 1)
	in[1] = true
	cs = st.costs(&g, in)
	if cs.right != 2 {
		t.Errorf("RIGHT cost %d, want 2", cs.right)
	}
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		name    string
		heads   []int32 // n = len is the root
		want    []int32
		changed bool
	}{
		{"projective", []int32{1, 3, 1}, []int32{1, 3, 1}, false},
		// 0←2, 1←3 cross: "a b c d" with a's head c and b's head d, d root,
		// c's head b. Arc (2,0) spans 1, which descends from 3, not 2.
		{"crossing", []int32{2, 3, 1, 4}, []int32{1, 3, 1, 4}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := append([]int32(nil), tt.heads...)
			if got := projectivize(h); got != tt.changed {
				t.Errorf("changed = %v, want %v", got, tt.changed)
			}
			for i := range h {
				if h[i] != tt.want[i] {
					t.Fatalf("heads %v, want %v", h, tt.want)
				}
			}
		})
	}
}
