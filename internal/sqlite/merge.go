package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/eventwire/eventwire"
)

// Merging. News reports one event in many articles; the events table holds
// one row per report (a mention). MergeEvents puts each mention, in ID
// order, into the first merged event whose members share its CAMEO root
// (the first two digits), its source and its target actor codes exactly,
// and one of which is dated within the window (days) of it (a date of a
// week, "2020-W01" for "last week", covers its seven days), and that has
// no report from the mention's own article: one article reporting two
// acts of one kind between the same actors on one day (a campaign
// round-up: "Trump attacked Biden for ..., accused Biden of ...") reports
// two events. Otherwise the mention starts a merged event of its own,
// named by its ID. Mentions without a day or week date, or without both
// actor codes, are merged with nothing. Each mention counts for
// an independent source: the first wire agency its article credits, else
// the site (the URL's host, "file" for local files), except that a mention
// whose evidence text (from the source's words to the target's,
// normalised) a member already has counts for that member's source, since
// it is a copy of one report.

// DefaultMergeWindow is the merge window, in days, of eventwire merge and
// ingest: reports of one event are dated on the same or the next day.
const DefaultMergeWindow = 1

// mergeBatch is how many unmerged mentions one transaction merges.
const mergeBatch = 500

// MergeEvents implements eventwire.Store.
func (s *Store) MergeEvents(ctx context.Context, windowDays int, rebuild bool) (eventwire.MergeStats, error) {
	var st eventwire.MergeStats
	if windowDays < 0 {
		return st, fmt.Errorf("sqlite: merge: %w: negative window %d", eventwire.ErrInvalid, windowDays)
	}
	if rebuild {
		if err := s.tx(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `DELETE FROM event_merges`)
			return err
		}); err != nil {
			return st, fmt.Errorf("sqlite: merge: %w", err)
		}
	}
	for {
		n := 0
		err := s.tx(ctx, func(tx *sql.Tx) error {
			ms, err := unmerged(ctx, tx)
			if err != nil {
				return err
			}
			n = len(ms)
			for _, m := range ms {
				joined, err := mergeOne(ctx, tx, m, windowDays)
				if err != nil {
					return fmt.Errorf("event %d: %w", m.id, err)
				}
				st.Events++
				if joined {
					st.Joined++
				}
			}
			return nil
		})
		if err != nil {
			return st, fmt.Errorf("sqlite: merge: %w", err)
		}
		if n < mergeBatch {
			return st, nil
		}
	}
}

// mention is what merging needs of one stored event.
type mention struct {
	id, page              int64
	cameo, source, target string
	lo, hi                string // the days its date covers; "" when vaguer than a week
	sourceKey, textHash   string
}

// dayRange returns the first and last day a date covers: a day
// ("2016-12-23", or an RFC 3339 time) itself, an ISO week ("2020-W01")
// Monday to Sunday; ok is false for a month, a year or no date.
func dayRange(date string) (lo, hi time.Time, ok bool) {
	if len(date) >= 10 {
		if d, err := time.Parse("2006-01-02", date[:10]); err == nil {
			return d, d, true
		}
	}
	var y, w int
	if n, err := fmt.Sscanf(date, "%4d-W%2d", &y, &w); err == nil && n == 2 && len(date) == 8 && w >= 1 && w <= 53 {
		// ISO week 1 holds January 4th.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
		return monday, monday.AddDate(0, 0, 6), true
	}
	return time.Time{}, time.Time{}, false
}

// unmerged returns the next batch of mentions not merged yet, in ID order.
func unmerged(ctx context.Context, tx *sql.Tx) ([]mention, error) {
	rows, err := tx.QueryContext(ctx, `SELECT e.id, e.page_id, e.cameo, e.source_code, e.target_code, e.date, e.json,
			p.url, COALESCE(a.credits, '[]'), COALESCE(a.text, '')
		FROM events e JOIN pages p ON p.id = e.page_id LEFT JOIN articles a ON a.page_id = e.page_id
		WHERE NOT EXISTS (SELECT 1 FROM event_merges m WHERE m.event_id = e.id)
		ORDER BY e.id LIMIT ?`, mergeBatch)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []mention
	for rows.Next() {
		var m mention
		var date, js, u, credits, text string
		if err := rows.Scan(&m.id, &m.page, &m.cameo, &m.source, &m.target, &date, &js, &u, &credits, &text); err != nil {
			return nil, err
		}
		if lo, hi, ok := dayRange(date); ok {
			m.lo, m.hi = lo.Format(time.DateOnly), hi.Format(time.DateOnly)
		}
		var ev eventwire.Event
		if err := json.Unmarshal([]byte(js), &ev); err != nil {
			return nil, fmt.Errorf("event %d: %w", m.id, err)
		}
		m.sourceKey = sourceKey(u, credits)
		m.textHash = evidenceHash(text, ev.Evidence)
		out = append(out, m)
	}
	return out, rows.Err()
}

// sourceKey is the independent source an article counts for: the first
// wire agency it credits, else its site.
func sourceKey(pageURL, creditsJSON string) string {
	var credits []string
	if json.Unmarshal([]byte(creditsJSON), &credits) == nil && len(credits) > 0 && credits[0] != "" {
		return "wire:" + strings.ToUpper(credits[0])
	}
	u, err := url.Parse(pageURL)
	if err != nil || u.Host == "" {
		if strings.HasPrefix(pageURL, "file:") {
			return "site:file"
		}
		return "site:" + pageURL
	}
	return "site:" + strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// evidenceHash hashes the article text from the first to the last byte of
// an event's evidence, lower-cased with runs of spaces made one: the words
// a copy of the report repeats. "" when the spans do not fit the text.
func evidenceHash(text string, ev eventwire.Evidence) string {
	lo, hi := int32(-1), int32(-1)
	for _, sp := range []struct{ s, e int32 }{{ev.Source.Start, ev.Source.End}, {ev.Verb.Start, ev.Verb.End}, {ev.Target.Start, ev.Target.End}} {
		if sp.e <= sp.s {
			continue
		}
		if lo < 0 || sp.s < lo {
			lo = sp.s
		}
		if sp.e > hi {
			hi = sp.e
		}
	}
	if lo < 0 || int(hi) > len(text) {
		return ""
	}
	norm := strings.Join(strings.Fields(strings.ToLower(text[lo:hi])), " ")
	h := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(h[:12])
}

// mergeOne puts m into the first merged event that matches it, or into a
// new one; it reports whether m joined one.
func mergeOne(ctx context.Context, tx *sql.Tx, m mention, windowDays int) (bool, error) {
	group := m.id
	joined := false
	if m.lo != "" && m.source != "" && m.target != "" && len(m.cameo) >= 2 {
		lo, _ := time.Parse(time.DateOnly, m.lo)
		hi, _ := time.Parse(time.DateOnly, m.hi)
		err := tx.QueryRowContext(ctx, `SELECT m.merged_id FROM event_merges m JOIN events e ON e.id = m.event_id
			WHERE e.source_code = ? AND e.target_code = ? AND substr(e.cameo, 1, 2) = ?
				AND m.day_lo <> '' AND m.day_lo <= ? AND m.day_hi >= ?
				AND NOT EXISTS (SELECT 1 FROM event_merges m2 JOIN events e2 ON e2.id = m2.event_id
					WHERE m2.merged_id = m.merged_id AND e2.page_id = ?)
			ORDER BY m.merged_id LIMIT 1`, m.source, m.target, m.cameo[:2],
			hi.AddDate(0, 0, windowDays).Format(time.DateOnly), lo.AddDate(0, 0, -windowDays).Format(time.DateOnly),
			m.page).Scan(&group)
		switch {
		case err == nil:
			joined = true
		case err != sql.ErrNoRows:
			return false, err
		}
	}
	key := m.sourceKey
	if joined && m.textHash != "" {
		// A copy of a member's report counts for that member's source.
		var k string
		err := tx.QueryRowContext(ctx, `SELECT source_key FROM event_merges WHERE merged_id = ? AND text_hash = ?
			ORDER BY event_id LIMIT 1`, group, m.textHash).Scan(&k)
		switch {
		case err == nil:
			key = k
		case err != sql.ErrNoRows:
			return false, err
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO event_merges (event_id, merged_id, source_key, text_hash, day_lo, day_hi)
		VALUES (?, ?, ?, ?, ?, ?)`, m.id, group, key, m.textHash, m.lo, m.hi)
	return joined, err
}

// MergedEvents implements eventwire.Store.
func (s *Store) MergedEvents(ctx context.Context, f eventwire.EventFilter, withMentions bool) ([]eventwire.MergedEvent, error) {
	where, args, err := eventWhere(f)
	if err != nil {
		return nil, fmt.Errorf("sqlite: merged events: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	if len(where) == 0 {
		ids, err := s.ids(ctx, `SELECT DISTINCT m.merged_id FROM event_merges m JOIN events e ON e.id = m.event_id
			WHERE m.merged_id > ? ORDER BY m.merged_id LIMIT ?`, f.After, limit)
		if err != nil {
			return nil, fmt.Errorf("sqlite: merged events: %w", err)
		}
		return s.mergedEvents(ctx, ids, withMentions)
	}
	// The merged IDs of the page, in two steps as Events reads its IDs: a
	// walk of the groups that follow the cursor (the membership rows
	// first, CROSS JOIN, on their index by merged ID), then the indexes
	// of the events for the rest.
	cond := strings.Join(where, " AND ")
	hi := windowEnd(f.After, limit)
	ids, err := s.ids(ctx, `SELECT DISTINCT m.merged_id FROM event_merges m CROSS JOIN events e ON e.id = m.event_id
		WHERE `+cond+` AND m.merged_id > ? AND m.merged_id <= ? ORDER BY m.merged_id LIMIT ?`,
		append(args[:len(args):len(args)], f.After, hi, limit)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: merged events: %w", err)
	}
	if len(ids) < limit {
		// A group's members have IDs from its merged ID on.
		last, err := s.lastID(ctx, "event_merges")
		if err != nil {
			return nil, err
		}
		if hi < last {
			rest, err := s.ids(ctx, `SELECT DISTINCT m.merged_id FROM event_merges m JOIN events e ON e.id = m.event_id
				WHERE `+cond+` AND m.merged_id > ? ORDER BY m.merged_id LIMIT ?`, append(args, hi, limit-len(ids))...)
			if err != nil {
				return nil, fmt.Errorf("sqlite: merged events: %w", err)
			}
			ids = append(ids, rest...)
		}
	}
	return s.mergedEvents(ctx, ids, withMentions)
}

// ids runs query, whose rows are one ID each, and returns the IDs.
func (s *Store) ids(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := s.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// mergedEvents assembles the merged events ids (in increasing order) from
// their mentions, read in one query: one query per merged event made a
// page of 50 wait 51 times for a connection under load.
func (s *Store) mergedEvents(ctx context.Context, ids []int64, withMentions bool) ([]eventwire.MergedEvent, error) {
	out := make([]eventwire.MergedEvent, 0, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	// The IDs as one JSON array, so that the query's text, and so its
	// prepared statement, is the same for every page.
	list := make([]byte, 0, 8*len(ids))
	for i, id := range ids {
		if i > 0 {
			list = append(list, ',')
		}
		list = strconv.AppendInt(list, id, 10)
	}
	rows, err := s.query(ctx, `SELECT m.merged_id, e.id, e.page_id, p.url, COALESCE(a.title, ''), COALESCE(a.published, ''),
			p.fetched_at, e.json, m.source_key
		FROM event_merges m JOIN events e ON e.id = m.event_id JOIN pages p ON p.id = e.page_id
			LEFT JOIN articles a ON a.page_id = e.page_id
		WHERE m.merged_id IN (SELECT value FROM json_each(?)) ORDER BY m.merged_id, e.id`, "["+string(list)+"]")
	if err != nil {
		return nil, fmt.Errorf("sqlite: merged events: %w", err)
	}
	defer rows.Close()
	var b *mergedBuilder
	var js sql.RawBytes // decoded, not kept
	for rows.Next() {
		var id int64
		var r eventwire.EventRecord
		var fetched, key string
		if err := rows.Scan(&id, &r.ID, &r.StoryID, &r.URL, &r.Title, &r.Published, &fetched, &js, &key); err != nil {
			return nil, fmt.Errorf("sqlite: merged events: %w", err)
		}
		if err := json.Unmarshal(js, &r.Event); err != nil {
			return nil, fmt.Errorf("sqlite: event %d: %w", r.ID, err)
		}
		r.FetchedAt = fetched
		if b == nil || b.me.ID != id {
			if b != nil {
				out = append(out, b.finish())
			}
			b = newMergedBuilder(id, withMentions)
		}
		b.add(r, fetched, key)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: merged events: %w", err)
	}
	if b != nil {
		out = append(out, b.finish())
	}
	return out, nil
}

// mergedBuilder assembles one merged event from its mentions in ID order.
type mergedBuilder struct {
	me           eventwire.MergedEvent
	withMentions bool
	articles     map[int64]bool
	best         map[string]float64 // by source: its best mention's confidence
	bestConf     float64
}

func newMergedBuilder(id int64, withMentions bool) *mergedBuilder {
	return &mergedBuilder{me: eventwire.MergedEvent{ID: id}, withMentions: withMentions,
		articles: map[int64]bool{}, best: map[string]float64{}, bestConf: -1}
}

// add counts mention r, fetched at fetched, of independent source key.
func (b *mergedBuilder) add(r eventwire.EventRecord, fetched, key string) {
	me := &b.me
	b.articles[r.StoryID] = true
	if c, ok := b.best[key]; !ok || r.Event.Confidence > c {
		b.best[key] = r.Event.Confidence
	}
	if r.Event.Confidence > b.bestConf {
		b.bestConf, me.Best = r.Event.Confidence, r
	}
	if d := r.Event.Date; d != "" {
		if len(d) > 10 {
			d = d[:10]
		}
		if me.FirstDate == "" || d < me.FirstDate {
			me.FirstDate = d
		}
		if d > me.LastDate {
			me.LastDate = d
		}
	}
	if fetched != "" && (me.FirstSeen == "" || fetched < me.FirstSeen) {
		me.FirstSeen = fetched
	}
	if fetched > me.LastSeen {
		me.LastSeen = fetched
	}
	if b.withMentions {
		me.Mentions = append(me.Mentions, r)
	}
}

// finish computes the counts and the confidence.
func (b *mergedBuilder) finish() eventwire.MergedEvent {
	me := b.me
	me.Articles, me.Sources = len(b.articles), len(b.best)
	miss := 1.0
	for _, c := range b.best {
		miss *= 1 - math.Max(0, math.Min(1, c))
	}
	me.Confidence = math.Round((1-miss)*1000) / 1000
	me.CAMEO, me.PLOVER = me.Best.Event.CAMEO, me.Best.Event.PLOVER
	me.Source, me.Target = me.Best.Event.Source.Code, me.Best.Event.Target.Code
	return me
}
