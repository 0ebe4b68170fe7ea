package main

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/eventwire/eventwire/coder/dict"
)

// A row is one line of factbook_executives_history.tsv.
type row struct {
	line  int
	seen  time.Time // first_seen_commit_date
	gec   string    // the Factbook's country code, from the file name ("AG" for africa/ag.json)
	short string    // country_short, for messages
	role  string    // "chief of state" or "head of government"
	text  string
	entry entry
}

// readRows parses the TSV. Lines that are not five tab-separated fields
// with a date are errors.
func readRows(data string) ([]row, []error) {
	var rows []row
	var errs []error
	for i, l := range strings.Split(strings.ReplaceAll(data, "\r\n", "\n"), "\n") {
		if i == 0 || strings.TrimSpace(l) == "" {
			continue // header
		}
		f := strings.Split(l, "\t")
		if len(f) != 5 {
			errs = append(errs, fmt.Errorf("factbook_executives_history.tsv:%d: %d fields, want 5", i+1, len(f)))
			continue
		}
		seen, err := time.Parse("2006-01-02", f[0])
		if err != nil {
			errs = append(errs, fmt.Errorf("factbook_executives_history.tsv:%d: %w", i+1, err))
			continue
		}
		gec := strings.ToUpper(strings.TrimSuffix(path.Base(f[1]), ".json"))
		if f[3] != "chief of state" && f[3] != "head of government" {
			errs = append(errs, fmt.Errorf("factbook_executives_history.tsv:%d: role %q", i+1, f[3]))
			continue
		}
		rows = append(rows, row{line: i + 1, seen: seen, gec: gec, short: cleanText(f[2]), role: f[3], text: f[4], entry: parseText(f[4])})
	}
	return rows, errs
}

// A tenure is one holder's continuous time in one post (a country's
// chief of state or head of government, or the sovereign's representative
// there).
type tenure struct {
	gec, slot  string
	key        string // the holder's name key when the tenure began
	title      string
	start, end time.Time // end zero: still in office at the last snapshot
	startGuess bool      // no "since" date: start is the first snapshot's date
	endGuess   bool      // end is a snapshot's date, not a successor's start
	endRow     time.Time // the date of the row that ended the tenure
	// notBefore is set when the first "since" date was not after the
	// start of the tenure this one replaced (a copied date): only a later
	// date counts. replaced are the tenures this one ended.
	notBefore   time.Time
	replaced    []*tenure
	firstSeen   time.Time
	lastSeen    time.Time
	lines       []int
	represented bool // a sovereign represented by someone else in this post
	names       []holder
}

// day is 24 hours, the unit of the dictionaries' dates.
const day = 24 * time.Hour

// nameKey identifies a holder by the ASCII capitals of the full name.
func nameKey(n name) string {
	p, _ := phraseOf(n.words())
	return p
}

// capsKey is the capitalised part's key, which survives spelling fixes of
// the given names ("Joko WiDODO", "Joko WIDODO").
func capsKey(n name) string {
	p, _ := phraseOf(n.caps)
	return p
}

// buildTenures turns the snapshots of each post into tenures. Rows are
// read in date order per country and post ("slot": the role, or the role
// and "rep" for representatives). In each snapshot:
//
//   - a holder already in office stays; its start is the earliest "since"
//     date seen;
//   - a new holder starts on its "since" date (else the snapshot's date,
//     marked as a guess); a new name that may be the same (sameName), or
//     has the same "since" date and a word or nearly the capitals in
//     common (shareWord, similarCaps), as a holder
//     who left in the same snapshot is that holder respelt ("THONGLOUN
//     Sisoulit", "THONGLOUN Sisoulith"; "Michel AOUN", "Michel AWN");
//   - a holder no longer listed ends the day before a new holder with a
//     compatible title begins (the same title, or either without one), or
//     before the first of the new holders when all of them are new; a
//     holder dropped from a list without a successor, or whose only
//     "successor" held office before them, stays in office;
//   - "vacant" ends everyone: the day before the date it gives, else the
//     day before the snapshot (a guess);
//   - a fixed term ("for the period A - B") ends the day before B.
//
// A snapshot without any holder (a note, an unread text) changes nothing.
func buildTenures(rows []row) (tenures []*tenure, skipped []int) {
	type slotKey struct{ gec, slot string }
	bySlot := map[slotKey][]row{}
	var order []slotKey
	for _, r := range rows {
		for _, rep := range []bool{false, true} {
			k := slotKey{r.gec, r.role}
			if rep {
				k.slot += "/rep"
			}
			if _, ok := bySlot[k]; !ok {
				order = append(order, k)
			}
			bySlot[k] = append(bySlot[k], r)
		}
	}
	for _, k := range order {
		rs := bySlot[k]
		slices.SortStableFunc(rs, func(a, b row) int { return a.seen.Compare(b.seen) })
		rep := strings.HasSuffix(k.slot, "/rep")
		active := map[string]*tenure{} // by name key
		var closed []*tenure
		for _, r := range rs {
			if r.entry.vacant && !rep {
				end, guess := r.seen.Add(-day), true
				if !r.entry.since.IsZero() {
					end, guess = r.entry.since.Add(-day), false
				}
				for _, t := range sortedTenures(active) {
					t.end, t.endGuess, t.endRow = end, guess, r.seen
					if t.end.Before(t.start) {
						t.end = t.start
					}
					closed = append(closed, t)
				}
				clear(active)
				continue
			}
			var hs []holder
			seenKey := map[string]bool{}
			for _, h := range r.entry.holders {
				if h.rep != rep || seenKey[nameKey(h.name)] {
					continue
				}
				seenKey[nameKey(h.name)] = true
				hs = append(hs, h)
			}
			if len(hs) == 0 {
				if !rep {
					skipped = append(skipped, r.line)
				}
				continue
			}
			// Holders present again, respelt, or new.
			var newcomers []holder
			present := map[*tenure]bool{}
			for _, h := range hs {
				if t := active[nameKey(h.name)]; t != nil {
					t.see(r, h)
					present[t] = true
					continue
				}
				newcomers = append(newcomers, h)
			}
			var fresh []holder
			for _, h := range newcomers {
				var same *tenure
				for _, t := range sortedTenures(active) {
					if present[t] {
						continue
					}
					last := t.names[len(t.names)-1]
					if sameName(last.name, h.name) || !h.since.IsZero() && h.since.Equal(t.start) &&
						(shareWord(last.name, h.name) || similarCaps(last.name, h.name)) {
						same = t
						break
					}
				}
				if same != nil {
					active[nameKey(h.name)] = same
					same.see(r, h)
					present[same] = true
					continue
				}
				fresh = append(fresh, h)
			}
			// Holders who left: the day before a compatible successor.
			allNew := len(fresh) == len(hs)
			after := map[int]time.Time{}    // fresh holder → the latest start of those it replaces
			replaces := map[int][]*tenure{} // fresh holder → the tenures it ends
			for _, t := range sortedTenures(active) {
				if present[t] {
					continue
				}
				var end time.Time
				for i, h := range fresh {
					if !(allNew || h.title == t.title || h.title == "" || t.title == "") {
						continue
					}
					s := startOf(r, h)
					if s.Before(t.start) {
						// One who held office before this holder came
						// ("Prime Minister Harini AMARASURIYA" replaced
						// in the head-of-government entry by the
						// president in office since the day before) is
						// no successor.
						continue
					}
					if end.IsZero() || s.Before(end) {
						end = s
					}
					if t.start.After(after[i]) {
						after[i] = t.start
					}
					replaces[i] = append(replaces[i], t)
				}
				if end.IsZero() {
					continue // dropped from a list without a successor
				}
				t.end, t.endRow = end.Add(-day), r.seen
				if t.end.Before(t.start) {
					t.end, t.endGuess = r.seen.Add(-day), true
					if t.end.Before(t.start) {
						t.end = t.start
					}
				}
				closed = append(closed, t)
				for key, a := range active {
					if a == t {
						delete(active, key)
					}
				}
			}
			for i, h := range fresh {
				// A holder back in the post ("Prime Minister (vacant)"
				// while Mark RUTTE stayed on) resumes the tenure that
				// ended, when the "since" date says it never did.
				var back *tenure
				for _, t := range closed {
					if t.key == nameKey(h.name) && !h.since.IsZero() && !h.since.After(t.end.Add(day)) {
						back = t
					}
				}
				if back != nil {
					closed = slices.DeleteFunc(closed, func(t *tenure) bool { return t == back })
					back.end, back.endGuess = time.Time{}, false
					back.see(r, h)
					active[nameKey(h.name)] = back
					continue
				}
				t := &tenure{gec: k.gec, slot: k.slot, key: nameKey(h.name), title: h.title, start: startOf(r, h),
					startGuess: h.since.IsZero(), firstSeen: r.seen, replaced: replaces[i]}
				if !after[i].IsZero() && !t.start.After(after[i]) {
					// "President Zuzana CAPUTOVA (since 15 June 2014)",
					// her predecessor's date: the start is unknown until a
					// later entry gives one after the predecessor's.
					t.start, t.startGuess, t.notBefore = r.seen, true, after[i]
				}
				t.see(r, h)
				active[nameKey(h.name)] = t
				tenures = append(tenures, t)
			}
		}
		for _, t := range tenures {
			if t.gec == k.gec && t.slot == k.slot && !t.names[len(t.names)-1].until.IsZero() {
				// A fixed term ends when it says.
				if u := t.names[len(t.names)-1].until.Add(-day); t.end.IsZero() || u.Before(t.end) {
					t.end, t.endGuess = u, false
				}
			}
		}
	}
	return tenures, skipped
}

// see records that r lists h in the tenure's post.
func (t *tenure) see(r row, h holder) {
	t.lastSeen = r.seen
	t.lines = append(t.lines, r.line)
	t.names = append(t.names, h)
	if !h.since.IsZero() && h.since.Before(t.start) && !h.since.After(r.seen) && h.since.After(t.notBefore) {
		t.start, t.startGuess = h.since, false
		for _, p := range t.replaced {
			if p.endGuess && p.start.Before(t.start) {
				p.end, p.endGuess = t.start.Add(-day), false
			}
		}
	}
	t.represented = t.represented || h.represented
}

// startOf is the day a holder listed in r began: the "since" date, unless
// there is none or it lies after the snapshot (a typo), then the
// snapshot's date.
func startOf(r row, h holder) time.Time {
	if h.since.IsZero() || h.since.After(r.seen) || h.since.Year() < 1900 {
		return r.seen
	}
	return h.since
}

// sortedTenures returns the distinct tenures of m in a fixed order.
func sortedTenures(m map[string]*tenure) []*tenure {
	var out []*tenure
	for _, t := range m {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b *tenure) int {
		if c := a.start.Compare(b.start); c != 0 {
			return c
		}
		return strings.Compare(a.key, b.key)
	})
	return out
}

// shareWord reports whether two names have a word of four letters or
// more in common ("Teodoro Obiang NGUEMA MGASOGO", "Teodoro OBIANG
// Nguema Mbasogo").
func shareWord(a, b name) bool {
	split := func(n name) []string {
		var out []string
		for _, w := range n.words() {
			for _, p := range strings.Split(w, "-") {
				if k, _ := asciiKey(p); len(k) >= 4 {
					out = append(out, k)
				}
			}
		}
		return out
	}
	bw := split(b)
	for _, k := range split(a) {
		if slices.Contains(bw, k) {
			return true
		}
	}
	return false
}

// similarCaps reports whether two names' capitals are one spelling away,
// compared by consonants without hyphens: ANASTASIADES, ANASTASIADIS;
// ELSISI, EL-SISI.
func similarCaps(a, b name) bool {
	ka := consonants(strings.ReplaceAll(capsCore(a), "-", ""))
	kb := consonants(strings.ReplaceAll(capsCore(b), "-", ""))
	return dict.EditDistance(ka, kb) <= 1
}
