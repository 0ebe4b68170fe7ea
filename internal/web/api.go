package web

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire"
)

// params reads a request's query, refusing parameters the endpoint does
// not take and parameters given twice, so a misspelt filter is an error
// rather than a silently wider answer.
type params struct {
	q url.Values
}

func readParams(r *http.Request, allowed ...string) (params, error) {
	// Not r.URL.Query(), which drops what does not parse (a bad escape, a
	// semicolon) and so would widen the answer.
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return params{}, &badRequest{"malformed query string"}
	}
	// In sorted order, so that of two bad parameters the same one is
	// named every time.
	for _, k := range slices.Sorted(maps.Keys(q)) {
		v := q[k]
		ok := false
		for _, a := range allowed {
			ok = ok || a == k
		}
		if !ok {
			return params{}, &badRequest{fmt.Sprintf("unknown parameter %q", k)}
		}
		if len(v) > 1 {
			return params{}, &badRequest{fmt.Sprintf("parameter %q given %d times", k, len(v))}
		}
	}
	return params{q}, nil
}

func (p params) get(k string) string { return p.q.Get(k) }

// filterParams are the parameters of every event query, as the flags of
// "eventwire events" name them.
var filterParams = []string{"actor", "source", "target", "code", "plover", "from", "to", "text"}

// pageParams page a listing.
var pageParams = []string{"after", "limit"}

func join(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// maxTextParam bounds a text search.
const maxTextParam = 200

// filter reads the event filter of p, checking each value's shape.
func (h *Handler) filter(p params) (eventwire.EventFilter, error) {
	f := eventwire.EventFilter{
		Actor: p.get("actor"), Source: p.get("source"), Target: p.get("target"),
		CAMEO: p.get("code"), PLOVER: p.get("plover"), From: p.get("from"), To: p.get("to"),
		Search: p.get("text"),
	}
	for _, c := range []struct{ name, v string }{{"actor", f.Actor}, {"source", f.Source}, {"target", f.Target}} {
		if !isCode(c.v, 32, false) {
			return f, &badRequest{fmt.Sprintf("%s: want an actor code (letters and digits)", c.name)}
		}
	}
	if !isCode(f.CAMEO, 4, true) {
		return f, &badRequest{"code: want a CAMEO code or its prefix (up to 4 digits)"}
	}
	if !isCode(strings.ReplaceAll(f.PLOVER, "_", ""), 32, false) {
		return f, &badRequest{"plover: want a PLOVER category (ASSAULT, CONSULT...)"}
	}
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return f, &badRequest{d.name + ": want a date YYYY-MM-DD"}
		}
	}
	if len(f.Search) > maxTextParam || !utf8.ValidString(f.Search) {
		return f, &badRequest{fmt.Sprintf("text: at most %d bytes of UTF-8", maxTextParam)}
	}
	return f, nil
}

// isCode reports whether s is empty or at most n ASCII letters or digits
// (only digits if digits).
func isCode(s string, n int, digits bool) bool {
	if len(s) > n {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
		case !digits && (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'):
		default:
			return false
		}
	}
	return true
}

// page reads the cursor and the page size: after is an opaque cursor (a
// non-negative integer), limit is 1 or more and clipped to the maximum.
func (h *Handler) page(p params) (after int64, limit int, err error) {
	if s := p.get("after"); s != "" {
		after, err = strconv.ParseInt(s, 10, 64)
		if err != nil || after < 0 {
			return 0, 0, &badRequest{"after: want the cursor a previous page gave as next"}
		}
	}
	limit = DefaultLimit
	if s := p.get("limit"); s != "" {
		limit, err = strconv.Atoi(s)
		if err != nil || limit < 1 {
			return 0, 0, &badRequest{"limit: want a positive integer"}
		}
	}
	return after, min(limit, h.opts.MaxLimit), nil
}

// pathID reads the integer path value name.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 1 {
		return 0, &badRequest{name + ": want a positive integer"}
	}
	return id, nil
}

// eventPage is one page of a listing: next is the cursor of the next page,
// null on the last.
type eventPage[T any] struct {
	Events []T     `json:"events"`
	Next   *string `json:"next"`
}

func cursor(id int64) *string {
	s := strconv.FormatInt(id, 10)
	return &s
}

// events lists events: GET /api/events (?merged=true lists merged events).
func (h *Handler) events(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r, join(filterParams, pageParams, []string{"merged"})...)
	if err != nil {
		return err
	}
	switch p.get("merged") {
	case "", "false", "0":
	case "true", "1":
		return h.mergedEvents(w, r)
	default:
		return &badRequest{"merged: want true or false"}
	}
	f, err := h.filter(p)
	if err != nil {
		return err
	}
	if f.After, f.Limit, err = h.page(p); err != nil {
		return err
	}
	limit := f.Limit
	f.Limit++ // one more tells whether there is a next page
	recs, err := h.store.Events(r.Context(), f)
	if err != nil {
		return err
	}
	out := eventPage[eventwire.EventRecord]{Events: recs}
	if len(recs) > limit {
		out.Events = recs[:limit]
		out.Next = cursor(recs[limit-1].ID)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// mergedEvents lists merged events: GET /api/events/merged.
func (h *Handler) mergedEvents(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r, join(filterParams, pageParams, []string{"merged", "mentions"})...)
	if err != nil {
		return err
	}
	f, err := h.filter(p)
	if err != nil {
		return err
	}
	if f.After, f.Limit, err = h.page(p); err != nil {
		return err
	}
	mentions := false
	switch p.get("mentions") {
	case "", "false", "0":
	case "true", "1":
		mentions = true
	default:
		return &badRequest{"mentions: want true or false"}
	}
	limit := f.Limit
	f.Limit++
	ms, err := h.store.MergedEvents(r.Context(), f, mentions)
	if err != nil {
		return err
	}
	out := eventPage[eventwire.MergedEvent]{Events: ms}
	if len(ms) > limit {
		out.Events = ms[:limit]
		out.Next = cursor(ms[limit-1].ID)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// mention is a stored event with the sentence it was coded from, cut into
// segments at its evidence, so a client can highlight source, verb and
// target by writing text into elements without ever parsing markup.
type mention struct {
	eventwire.EventRecord
	Sentence []segment `json:"sentence"`
}

// segment is a stretch of a sentence; Role is "source", "verb", "target"
// or "" for the words between.
type segment struct {
	Text string `json:"text"`
	Role string `json:"role,omitempty"`
}

// event is one stored event with its sentence: GET /api/events/{id}.
func (h *Handler) event(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	recs, err := h.store.Events(r.Context(), eventwire.EventFilter{After: id - 1, Limit: 1})
	if err != nil {
		return err
	}
	if len(recs) == 0 || recs[0].ID != id {
		return eventwire.ErrNotFound
	}
	ms, err := h.mentions(r, recs)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, ms[0])
	return nil
}

// maxMentions bounds the mentions a merged event shows with sentences.
const maxMentions = 100

// mergedEvent is one merged event with each mention and its sentence:
// GET /api/events/merged/{id}.
func (h *Handler) mergedEvent(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ms, err := h.store.MergedEvents(r.Context(), eventwire.EventFilter{After: id - 1, Limit: 1}, true)
	if err != nil {
		return err
	}
	if len(ms) == 0 || ms[0].ID != id {
		return eventwire.ErrNotFound
	}
	me := ms[0]
	recs := me.Mentions
	if len(recs) > maxMentions {
		recs = recs[:maxMentions]
	}
	mentions, err := h.mentions(r, recs)
	if err != nil {
		return err
	}
	me.Mentions = nil
	writeJSON(w, http.StatusOK, struct {
		eventwire.MergedEvent
		Mentions []mention `json:"mentions"`
	}{me, mentions})
	return nil
}

// ArticleReader is what a store may offer for the article and event pages
// beyond the Store contract (the SQLite store has it): story id without
// what they never show, its raw page body and its quotes, and without its
// events and places unless withEvents. Without it they read the whole
// story.
type ArticleReader interface {
	ArticleStory(ctx context.Context, id int64, withEvents bool) (*eventwire.Story, error)
}

// story reads story id for a page: its article and Doc, and its events
// and places if withEvents; the raw page body is never read or kept.
func (h *Handler) story(ctx context.Context, id int64, withEvents bool) (*eventwire.Story, error) {
	if ar, ok := h.store.(ArticleReader); ok {
		return ar.ArticleStory(ctx, id, withEvents)
	}
	st, err := h.store.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	st.Page.Body = nil
	return st, nil
}

// mentions gives each record its sentence, reading each article once.
func (h *Handler) mentions(r *http.Request, recs []eventwire.EventRecord) ([]mention, error) {
	stories := map[int64]*eventwire.Story{}
	out := make([]mention, 0, len(recs))
	for _, rec := range recs {
		st, ok := stories[rec.StoryID]
		if !ok {
			var err error
			if st, err = h.story(r.Context(), rec.StoryID, false); err != nil {
				return nil, err
			}
			stories[rec.StoryID] = st
		}
		out = append(out, mention{rec, sentenceOf(st, rec.Event)})
	}
	return out, nil
}

// actorLinks bounds the dyads read to count actors.
const actorLinks = 10000

// actorCount is how often an actor code acts and is acted on.
type actorCount struct {
	Code     string `json:"code"`
	AsSource int64  `json:"as_source"`
	AsTarget int64  `json:"as_target"`
}

// link is a dyad: how many events source directs at target.
type link struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Events int64  `json:"events"`
}

// actorNetwork counts actors and their links among the events that pass f,
// the actors most active first, the first limit links.
func (h *Handler) actorNetwork(r *http.Request, f eventwire.EventFilter, limit int) ([]actorCount, []link, error) {
	f.Limit = actorLinks
	cs, err := h.store.CountEvents(r.Context(), f, eventwire.CountByDyad)
	if err != nil {
		return nil, nil, err
	}
	byCode := map[string]*actorCount{}
	get := func(c string) *actorCount {
		a := byCode[c]
		if a == nil {
			a = &actorCount{Code: c}
			byCode[c] = a
		}
		return a
	}
	links := []link{}
	for _, c := range cs {
		get(c.Source).AsSource += c.Events
		get(c.Target).AsTarget += c.Events
		if len(links) < limit {
			links = append(links, link{c.Source, c.Target, c.Events})
		}
	}
	actors := make([]actorCount, 0, len(byCode))
	for _, a := range byCode {
		actors = append(actors, *a)
	}
	sort.Slice(actors, func(i, j int) bool {
		ti, tj := actors[i].AsSource+actors[i].AsTarget, actors[j].AsSource+actors[j].AsTarget
		if ti != tj {
			return ti > tj
		}
		return actors[i].Code < actors[j].Code
	})
	return actors, links, nil
}

// actors counts actors and who acts on whom: GET /api/actors.
func (h *Handler) actors(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r, join(filterParams, []string{"limit"})...)
	if err != nil {
		return err
	}
	f, err := h.filter(p)
	if err != nil {
		return err
	}
	_, limit, err := h.page(p)
	if err != nil {
		return err
	}
	actors, links, err := h.actorNetwork(r, f, limit)
	if err != nil {
		return err
	}
	if len(actors) > limit {
		actors = actors[:limit]
	}
	writeJSON(w, http.StatusOK, struct {
		Actors []actorCount `json:"actors"`
		Links  []link       `json:"links"`
	}{actors, links})
	return nil
}

// actor is one actor code (and the codes it prefixes): its counts, its
// partners and its first events: GET /api/actors/{code}.
func (h *Handler) actor(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r); err != nil {
		return err
	}
	code := strings.ToUpper(r.PathValue("code"))
	if code == "" || !isCode(code, 32, false) {
		return &badRequest{"code: want an actor code (letters and digits)"}
	}
	f := eventwire.EventFilter{Actor: code}
	_, links, err := h.actorNetwork(r, f, h.opts.MaxLimit)
	if err != nil {
		return err
	}
	var src, tgt int64
	for _, l := range links {
		if strings.HasPrefix(l.Source, code) {
			src += l.Events
		}
		if strings.HasPrefix(l.Target, code) {
			tgt += l.Events
		}
	}
	f.Limit = DefaultLimit + 1
	recs, err := h.store.Events(r.Context(), f)
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return eventwire.ErrNotFound
	}
	out := struct {
		actorCount
		Links  []link                  `json:"links"`
		Events []eventwire.EventRecord `json:"events"`
		Next   *string                 `json:"next"`
	}{actorCount{code, src, tgt}, links, recs, nil}
	if len(recs) > DefaultLimit {
		out.Events = recs[:DefaultLimit]
		out.Next = cursor(recs[DefaultLimit-1].ID)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// day is one day of the timeline: Counts[q] is the number of events of
// quad class q (0 for none).
type day struct {
	Day    string   `json:"day"`
	Counts [5]int64 `json:"counts"`
}

// timeline counts events per day and quad class: GET /api/timeline.
func (h *Handler) timeline(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r, filterParams...)
	if err != nil {
		return err
	}
	f, err := h.filter(p)
	if err != nil {
		return err
	}
	cs, err := h.store.CountEvents(r.Context(), f, eventwire.CountByDay)
	if err != nil {
		return err
	}
	days := []day{}
	for _, c := range cs {
		if len(days) == 0 || days[len(days)-1].Day != c.Day {
			days = append(days, day{Day: c.Day})
		}
		if c.QuadClass >= 0 && c.QuadClass < 5 {
			days[len(days)-1].Counts[c.QuadClass] += c.Events
		}
	}
	writeJSON(w, http.StatusOK, struct {
		Days []day `json:"days"`
	}{days})
	return nil
}

// maxOffset bounds how deep article listings page (each page costs the
// rows it skips).
const maxOffset = 1_000_000

// articles lists or searches articles: GET /api/articles.
func (h *Handler) articles(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r, "text", "after", "limit")
	if err != nil {
		return err
	}
	search := p.get("text")
	if len(search) > maxTextParam || !utf8.ValidString(search) {
		return &badRequest{fmt.Sprintf("text: at most %d bytes of UTF-8", maxTextParam)}
	}
	offset, limit, err := h.page(p)
	if err != nil {
		return err
	}
	if offset > maxOffset {
		return &badRequest{"after: too deep; narrow the search"}
	}
	as, err := h.store.Articles(r.Context(), eventwire.ArticleFilter{Search: search, Offset: int(offset), Limit: limit + 1})
	if err != nil {
		return err
	}
	out := struct {
		Articles []eventwire.ArticleSummary `json:"articles"`
		Next     *string                    `json:"next"`
	}{as, nil}
	if len(as) > limit {
		out.Articles = as[:limit]
		out.Next = cursor(offset + int64(limit))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// articleEvent is an event of an article with its sentence.
type articleEvent struct {
	eventwire.Event
	SentenceText []segment `json:"sentence_text"`
}

// article is one article's text, in paragraphs, and its events with their
// evidence: GET /api/articles/{id}. The raw page is never sent.
func (h *Handler) article(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	st, err := h.story(r.Context(), id, true)
	if err != nil {
		return err
	}
	if st.Article == nil {
		return eventwire.ErrNotFound
	}
	a := st.Article
	out := struct {
		ID         int64             `json:"id"`
		URL        string            `json:"url"`
		Title      string            `json:"title"`
		Published  string            `json:"published"`
		Byline     string            `json:"byline"`
		Credits    []string          `json:"credits"`
		Dateline   string            `json:"dateline"`
		Language   string            `json:"language"`
		FetchedAt  time.Time         `json:"fetched_at"`
		Text       string            `json:"text"`
		Paragraphs []string          `json:"paragraphs"`
		Events     []articleEvent    `json:"events"`
		Places     []eventwire.Place `json:"places"`
	}{ID: id, URL: a.URL, Title: a.Title, Published: a.Published, Byline: a.Byline, Credits: a.Credits,
		Dateline: a.Dateline, Language: a.Language, FetchedAt: st.Page.FetchedAt, Text: a.Text,
		Paragraphs: []string{}, Events: []articleEvent{}, Places: st.Places}
	if out.Places == nil {
		out.Places = []eventwire.Place{}
	}
	if out.Credits == nil {
		out.Credits = []string{}
	}
	for _, p := range a.Paragraphs {
		if s, e := int(p.Start), int(p.End); 0 <= s && s <= e && e <= len(a.Text) {
			out.Paragraphs = append(out.Paragraphs, a.Text[s:e])
		}
	}
	if len(out.Paragraphs) == 0 && a.Text != "" {
		out.Paragraphs = append(out.Paragraphs, a.Text)
	}
	for _, ev := range st.Events {
		out.Events = append(out.Events, articleEvent{ev, sentenceOf(st, ev)})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// stats counts what the store holds: GET /api/stats.
func (h *Handler) stats(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r); err != nil {
		return err
	}
	st, err := h.store.Stats(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

// openapi serves the API's description: GET /api/openapi.json.
func (h *Handler) openapi(w http.ResponseWriter, r *http.Request) error {
	b, err := assets.ReadFile("openapi.json")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
	return nil
}

// PlaceLister is what a store offers for place pages beyond the Store
// contract (the SQLite store has it): the place with gazetteer ID id and
// the articles that mention it, at most limit.
type PlaceLister interface {
	PlaceArticles(ctx context.Context, id int64, limit int) (eventwire.Place, []eventwire.ArticleSummary, error)
}

// place is one gazetteer place and the articles that mention it: GET
// /api/places/{id}; 404 when the store keeps no such index.
func (h *Handler) place(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r, "limit")
	if err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	_, limit, err := h.page(p)
	if err != nil {
		return err
	}
	pl, ok := h.store.(PlaceLister)
	if !ok {
		return eventwire.ErrNotFound
	}
	place, as, err := pl.PlaceArticles(r.Context(), id, limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, struct {
		Place    eventwire.Place            `json:"place"`
		Articles []eventwire.ArticleSummary `json:"articles"`
	}{place, as})
	return nil
}
