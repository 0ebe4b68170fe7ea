// Package eventwire names the vocabulary of the system once: the pages it
// reads, the articles it extracts, the events, quotes and places it codes, and
// the Source, Store and Queue services that move them. Adapters (sqlite,
// postgres, nats, the web server) import this package, never the reverse.
//
// The data flow is four hops:
//
//	Source ──Page──▶ Queue ──Page──▶ ingest.Process ──Story──▶ Store.PutStory
//
// See docs/ARCHITECTURE.md for the whole picture.
package eventwire

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/eventwire/eventwire/text"
)

// Version is the software version, stamped into stored events.
const Version = "0.1.0-dev"

// Page is one raw document as read from a source: an HTML page, a plain-text
// file, a feed item, a WARC response record.
type Page struct {
	// URL identifies the page: its address, or file:// path for local files.
	URL string `json:"url"`
	// Body is the raw bytes, already decompressed and bounded in size.
	Body []byte `json:"-"`
	// ContentType is the media type as declared (HTTP header, WARC header) or
	// sniffed; may carry a charset parameter.
	ContentType string `json:"content_type,omitempty"`
	// FetchedAt is when the bytes were read (WARC-Date for archives).
	FetchedAt time.Time `json:"fetched_at"`
	// Origin names where the page came from: "file", "http", "feed:<url>",
	// "warc:<path>".
	Origin string `json:"origin,omitempty"`
	// Hints carries metadata the source knew before extraction (a feed item's
	// title and date); extraction prefers what the page itself says.
	Hints PageHints `json:"hints,omitempty"`
}

// PageHints is metadata a source knows about a page.
type PageHints struct {
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Language  string `json:"language,omitempty"`
}

// ContentHash returns the hex sha256 of the page body; (URL, ContentHash)
// identifies a page for idempotent storage.
func (p *Page) ContentHash() string {
	h := sha256.Sum256(p.Body)
	return hex.EncodeToString(h[:])
}

// Article is the clean news article extracted from a page.
type Article struct {
	URL       string   `json:"url"`
	Title     string   `json:"title"`
	Published string   `json:"published"` // YYYY-MM-DD or RFC 3339; "" when unknown
	Byline    string   `json:"byline"`
	Credits   []string `json:"credits"` // wire agencies credited: "AP", "Reuters"
	Dateline  string   `json:"dateline"`
	Language  string   `json:"language"` // ISO 639-1 code; "" when unknown
	Text      string   `json:"text"`
	// Paragraphs are byte ranges of Text, in order.
	Paragraphs []text.Span `json:"paragraphs"`
}

// Actor is a participant of an event: the text that names it and the CAMEO
// actor code the dictionaries give it ("RUSGOV", "SYRREB"; "" for none).
type Actor struct {
	Text string `json:"text"`
	Code string `json:"code"`
	// Entry is the actor dictionary entry that gave the code, as
	// "file:line NAME" ("Phoenix.Countries.actors.txt:1234 BASHAR_AL-ASSAD");
	// "" when only an agent ("rebels") or nothing was matched.
	Entry string `json:"entry,omitempty"`
	// Via, when the code was not named in Text itself ("he", "Assad",
	// "the army", "rebel groups"), says where it came from; nil when Text
	// names the actor.
	Via *Via `json:"via,omitempty"`
}

// Via explains an actor code inferred from another mention: the mention it
// was taken from and how.
type Via struct {
	// How is one of "pronoun" (an antecedent), "short-ref" (an earlier,
	// longer name: "Assad" after "Bashar al-Assad"), "country" (an agent's
	// country from an earlier sentence: "the army"), "place" (an agent's
	// country from the place it acts in: "rebels ... outside Aleppo"),
	// "role-ref" (the last actor named with the same role: "the airline"
	// after "Mahan Air of Iran"), "place-ref" ("the city" for the last
	// place named), "sender" (the state whose forces "were dispatched
	// to Aleppo", with no by-agent), "apposition" (a name the
	// dictionaries lack, described beside it: "Mohammad Radmanish, an
	// Afghan defence spokesperson"), "article" (a local group's country
	// from the places the article is set in: "protesters" in an article
	// about Hong Kong), "act-ref" (the doer of the act the article
	// leads with, for "criticized the move") and "quote-speaker" ("I" or
	// "we" in a direct quotation: its speaker) and "authority" (the
	// state organ that alone does the act of an agentless passive:
	// police for "was arrested in Lebanon", courts for "was charged";
	// Text and Span are the place or article mention that gave the
	// state) and "assailant" (the unidentified attacker of an agentless
	// passive of violence, UAF of the state it happened in: "Wiranto was
	// stabbed"; Text and Span give the state as for "authority") and
	// "deceased" (the person whose death the article's first sentence
	// reports, for tributes and condolences that name no one; Text and
	// Span are that mention) and "attack-ref" (the doer of the last act
	// of force the article coded, for "the attack" or "the shooting"
	// with no doer of its own; Text and Span are that act's source, or its
	// verb when the source was inferred) and "suspect" (a person's name
	// the dictionaries lack whom a state's police or courts arrest or
	// charge: CRM of that state, as "Zhukovskyy was arrested"; Text and
	// Span are the mention or place that gave the state) and "restated"
	// (a side of the article's last act of force, which a definite noun
	// restates: "The attack came less than two weeks before ...", or
	// that a claim of responsibility naming no act of its own claims:
	// "The Islamic State ... subsequently claimed responsibility"; Text
	// and Span are that act's side, or its verb for a side inferred) and
	// "counterpart" (a group with no country of its own that
	// a state's organ uses force on, or that uses force on one: that
	// state's, as "protesters" the Hong Kong police fired on) and
	// "jurisdiction" (police, prosecutors or a court with no country of
	// their own that arrest, charge or investigate someone: that
	// person's state's, as "Police arrested a Syrian dissident") and
	// "own-state" (the target of a curfew, a state of emergency or
	// martial law whose clause names no actor or place: the state of the
	// source that imposed it, as "Indian authorities have imposed a
	// curfew") and "allegiance" (a group with no country of its own tied
	// to someone by "loyal to", "allied with", "linked to": that one's
	// state, or that organisation, as "troops loyal to President Assad")
	// and "group-ref" ("the group", "the organisation", "the movement":
	// the last group named before it, as "Hezbollah ... The group
	// attacked") and "scene" (the state where an explosion of no named
	// doer that hit no one named happened: "A car bomb exploded near a
	// police station in Baghdad" is IRQUAF on IRQ; Text and Span give the
	// state as for "assailant") and "defended" (an official with no
	// country of their own who defends a state's act or policy: that
	// state's, as "The ambassador defended China's expansion of reefs";
	// Text and Span are the state's mention) and "article-person" (a
	// person the dictionaries lack, named in full in an article set in
	// one state: a private person of that state, CVL, as "Trump granted
	// Milken a full and unconditional pardon"; Text and Span are a
	// mention that set the article in that state). "article" also gives
	// the country of a local group from the politicians the article
	// names.
	How string `json:"how"`
	// Text and Span are the mention the code came from; Span is a byte
	// range of Article.Text.
	Text string    `json:"text"`
	Span text.Span `json:"span"`
}

// Evidence holds the byte ranges in Article.Text that justify an event.
// A zero Span means "absent".
type Evidence struct {
	Source text.Span `json:"source"`
	Verb   text.Span `json:"verb"`
	Target text.Span `json:"target"`
}

// Event is one coded "who did what to whom".
type Event struct {
	Source    Actor    `json:"source"`
	Target    Actor    `json:"target"`
	CAMEO     string   `json:"cameo"`
	PLOVER    string   `json:"plover"`
	QuadClass int      `json:"quad_class"`
	Goldstein float64  `json:"goldstein"`
	Sentence  int      `json:"sentence"`
	Evidence  Evidence `json:"evidence"`
	// Location is where the event took place, when its clause, sentence or
	// article says; nil otherwise.
	Location *Location `json:"location,omitempty"`
	// Pattern names the dictionary entry or verb pattern that fired.
	Pattern  string `json:"pattern"`
	Date     string `json:"date"`
	DateFrom string `json:"date_from,omitempty"` // "sentence": Date is a date expression of the event's clause or sentence (timex); "article": the article's date
	Negated  bool   `json:"negated,omitempty"`
	// Background marks a past act the article tells as background, in a
	// clause that a past time dates ("In 2007, the United States labeled
	// Soleimani a terrorist"). It is coded, with that time as its Date
	// when the date stage finds it, so that a count of what happened on
	// the report's day can leave it out.
	Background bool    `json:"background,omitempty"`
	Confidence float64 `json:"confidence"`
	// Coder says what coded the event: the eventwire version and the
	// digest of the dictionaries loaded ("0.1.0-dev dict:3fa2c1d09b7e"),
	// so events coded before and after a dictionary change can be told
	// apart.
	Coder string `json:"coder,omitempty"`
	// Explain says what each stage of the coder decided, when asked for
	// (eventwire code --explain); nil otherwise.
	Explain *Explanation `json:"explain,omitempty"`
	// Quote, for a statement event (CAMEO 01-02, 10-13) coded from a
	// quote's cue, is the index of that quote in Story.Quotes; nil
	// otherwise.
	Quote *int `json:"quote,omitempty"`
}

// Explanation says what each stage of the event coder decided about an
// event, so that a wrong event shows which stage erred. The actors' own
// stage, mentions, is in Actor.Entry and Actor.Via.
type Explanation struct {
	// Frame is the predicate and how its source and target were found
	// (the dependency path from the predicate to each).
	Frame string `json:"frame"`
	// Assertion says why the act counts as having happened.
	Assertion string `json:"assertion"`
	// Coding is the pattern or rule that gave the code, and how the code
	// was changed (negation, transformation).
	Coding string `json:"coding"`
	// Score is the learned scorer's probability that a careful reader
	// codes the event, when a scorer is used.
	Score string `json:"score,omitempty"`
}

// Quote is a stretch of reported speech and who said it.
type Quote struct {
	Text    string    `json:"text"`
	Span    text.Span `json:"span"`
	Speaker Actor     `json:"speaker"`
	// SpeakerSpan is the byte range of the speaker mention; zero if unknown.
	SpeakerSpan text.Span `json:"speaker_span"`
	Sentence    int       `json:"sentence"`
	Direct      bool      `json:"direct"`
	// Cue is the word or phrase that reports the speech ("said", "told",
	// "according to", ":"); "" for a paragraph that only continues the
	// last speaker's quotation.
	Cue string `json:"cue,omitempty"`
	// Kind is "direct" (the speaker's words in quotation marks, Text
	// without the marks), "indirect" (reported speech: "X said (that)
	// ...") or "mixed" (reported speech with quoted words in it).
	Kind string `json:"kind,omitempty"`
	// Addressee is whom the speaker spoke to ("told Assad"); nil if the
	// text does not say.
	Addressee *Actor `json:"addressee,omitempty"`
	// ReportedBy is who reports the speech, when the text says so ("the
	// Kremlin said Putin told Assad ...": the Kremlin); nil otherwise.
	ReportedBy *Actor `json:"reported_by,omitempty"`
	// Evidence holds the byte ranges of the quote's parts in Article.Text.
	Evidence QuoteEvidence `json:"evidence"`
	// Events are the indexes in Story.Events of the statement events
	// (CAMEO 01-02, 10-13) coded from this quote's cue.
	Events []int `json:"events,omitempty"`
}

// QuoteEvidence holds the byte ranges in Article.Text that a quote was read
// from. A zero Span means "absent".
type QuoteEvidence struct {
	Speaker text.Span `json:"speaker"`
	Cue     text.Span `json:"cue"`
	// Content are the stretches of the quoted or reported words, in
	// order: one, or several for a quotation interrupted by its
	// attribution or running over paragraphs.
	Content    []text.Span `json:"content"`
	Addressee  text.Span   `json:"addressee"`
	ReportedBy text.Span   `json:"reported_by"`
}

// Place is a resolved place mention.
type Place struct {
	Text      string    `json:"text"`
	Span      text.Span `json:"span"`
	GeonameID int64     `json:"geonameid"`
	Name      string    `json:"name"`
	Country   string    `json:"country"` // ISO 3166-1 alpha-2
	Admin1    string    `json:"admin1,omitempty"`
	Lat       float64   `json:"lat"`
	Lon       float64   `json:"lon"`
	// Evidence says what decided the resolution ("country in the article:
	// SY; seat of a division; population 1602264; 3 candidates").
	Evidence string `json:"evidence,omitempty"`
}

// Location is where an event took place: a resolved place and how it was
// found for the event.
type Location struct {
	Name      string  `json:"name"`
	GeonameID int64   `json:"geonameid"`
	Country   string  `json:"country"` // ISO 3166-1 alpha-2
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	// How is "clause" (a place in the event's own clause: "talks in
	// Astana", "shelling the city" after the city was named), "sentence"
	// (a place the sentence puts something in) or "article" (the last
	// such place before the sentence).
	How string `json:"how"`
	// Span is the place mention in Article.Text that gave the location.
	Span text.Span `json:"span"`
}

// Story is everything eventwire knows about one page: the page, its article,
// the parsed Doc, and the events, quotes and places coded from it.
type Story struct {
	ID      int64     `json:"id,omitempty"`
	Page    *Page     `json:"page,omitempty"`
	Article *Article  `json:"article"`
	Doc     *text.Doc `json:"-"`
	Events  []Event   `json:"events"`
	Quotes  []Quote   `json:"quotes"`
	Places  []Place   `json:"places"`
}

// Source produces pages.
//
// Next returns the next page, or io.EOF when the source is exhausted. An
// error that concerns one item only (an unreadable file inside a directory, a
// corrupt WARC record) is returned as an *ItemError: the caller records it and
// calls Next again. Any other error ends the source. Next blocks until a page
// is ready or ctx is done. Close releases resources; it is safe to call twice.
type Source interface {
	Next(ctx context.Context) (*Page, error)
	Close() error
}

// ArticleFilter selects stored articles.
type ArticleFilter struct {
	Search string // full-text query over title and text; "" for all
	Limit  int    // 0 means a default
	Offset int
}

// ArticleSummary is one row of an article listing.
type ArticleSummary struct {
	ID        int64  `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Language  string `json:"language"`
	Snippet   string `json:"snippet,omitempty"`
}

// EventFilter selects stored events. Actor codes match by prefix, so
// "RUS" selects RUS, RUSGOV and RUSMIL; CAMEO codes too ("19" is every
// kind of fighting). Dates are YYYY-MM-DD and both ends count.
type EventFilter struct {
	Source string // source actor code prefix
	Target string // target actor code prefix
	Actor  string // either side's actor code prefix
	CAMEO  string // CAMEO code prefix
	PLOVER string // PLOVER category, exactly
	From   string // first event date
	To     string // last event date
	Search string // full-text query over the article's title and text
	After  int64  // cursor: only events with a larger ID (EventRecord.ID)
	Limit  int    // 0 means a default
}

// QuoteFilter selects stored quotes.
type QuoteFilter struct {
	Speaker string // the speaker's actor code prefix
	Kind    string // "direct", "indirect" or "mixed"; "" for all
	Search  string // full-text query over the article's title and text
	After   int64  // cursor: only quotes with a larger QuoteRecord.ID
	Limit   int    // 0 means a default
}

// QuoteRecord is one stored quote with the article it comes from.
type QuoteRecord struct {
	ID        int64  `json:"id"` // the quote's own, increasing with storage order
	StoryID   int64  `json:"story_id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Quote     Quote  `json:"quote"`
}

// EventRecord is one stored event with the article it was coded from.
type EventRecord struct {
	ID        int64  `json:"id"`       // the event's own, increasing with storage order
	StoryID   int64  `json:"story_id"` // the article's (Story.ID)
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	// FetchedAt is when the article's page was fetched (RFC 3339, UTC;
	// WARC-Date for archives).
	FetchedAt string `json:"fetched_at"`
	Event     Event  `json:"event"`
}

// MergedEvent is one event as reported by one or more articles: the
// mentions that share its CAMEO root, source and target actor codes and
// dates within the merge window (internal/sqlite, "Merging"). Sources counts
// independent sources: articles that carry one wire agency's copy, or the
// same evidence text, count once.
type MergedEvent struct {
	ID         int64   `json:"id"`
	CAMEO      string  `json:"cameo"` // the best mention's code
	PLOVER     string  `json:"plover"`
	Source     string  `json:"source"` // actor codes
	Target     string  `json:"target"`
	FirstDate  string  `json:"first_date"`
	LastDate   string  `json:"last_date"`
	Articles   int     `json:"articles"`
	Sources    int     `json:"sources"`
	FirstSeen  string  `json:"first_seen"` // when the first article reporting it was fetched
	LastSeen   string  `json:"last_seen"`
	Confidence float64 `json:"confidence"` // 1 - the product over sources of (1 - its best mention's confidence)
	// Best is the mention with the highest confidence, the evidence to show.
	Best EventRecord `json:"best"`
	// Mentions are all the mentions, in ID order, when asked for.
	Mentions []EventRecord `json:"mentions,omitempty"`
}

// MergeStats says what a merge pass did.
type MergeStats struct {
	Events int `json:"events"` // mentions merged in this pass
	Joined int `json:"joined"` // of them, those that joined an existing event
}

// Store keeps pages, articles and everything coded from them.
//
// PutStory writes the story's page, article, Doc and events in one
// transaction and sets Story.ID. A URL holds one story: storing the same page
// again (Page.URL and Page.ContentHash()) writes nothing and returns
// created=false with the existing ID; a re-fetch whose article text is
// unchanged (only the boilerplate differs) changes no article or event and
// returns created=false; a re-fetch with another article text replaces the
// story's article and everything coded from it under the same ID, keeping
// the old text for provenance, and returns created=true. PutFailure records a page that failed a
// stage, with its error, so it can be retried; a later successful PutStory of
// the same page clears the failure. Implementations are safe for concurrent
// use.
type Store interface {
	PutStory(ctx context.Context, s *Story) (created bool, err error)
	PutFailure(ctx context.Context, p *Page, stage string, cause error) error
	Story(ctx context.Context, id int64) (*Story, error)
	Articles(ctx context.Context, f ArticleFilter) ([]ArticleSummary, error)
	// Events lists stored events that pass f, in ID order from f.After,
	// at most f.Limit (a default when 0, capped by the store); to page on,
	// pass the last ID returned as the next f.After. An invalid filter (a
	// malformed date) is ErrInvalid.
	Events(ctx context.Context, f EventFilter) ([]EventRecord, error)
	// MergeEvents merges the stored events not merged yet, in ID order,
	// into the merged events they report (same CAMEO root, source and
	// target codes, a date within windowDays of a member's); rebuild first
	// forgets every merge. The result depends only on the stored events,
	// the window and the order of IDs, so a rebuild gives what the
	// incremental passes gave with the same window.
	MergeEvents(ctx context.Context, windowDays int, rebuild bool) (MergeStats, error)
	// MergedEvents lists merged events with a mention that passes f, in
	// merged-event ID order from f.After (as Events pages); withMentions
	// fills Mentions.
	MergedEvents(ctx context.Context, f EventFilter, withMentions bool) ([]MergedEvent, error)
	// Quotes lists stored quotes that pass f, in ID order from f.After, at
	// most f.Limit (a default when 0, capped by the store).
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRecord, error)
	// CountEvents counts the events that pass f (f.After is ignored)
	// grouped by; an unknown grouping or an invalid filter is ErrInvalid.
	CountEvents(ctx context.Context, f EventFilter, by CountBy) ([]EventCount, error)
	// Stats counts what the store holds.
	Stats(ctx context.Context) (StoreStats, error)
	// Failures lists recorded failures, most recent first; limit <= 0
	// means a default.
	Failures(ctx context.Context, limit int) ([]Failure, error)
	// Docs calls fn, in id order, for each stored story with an ID above
	// after that has a Doc (it was parsed when ingested). The story has its
	// ID, Page (without Body), Article, Doc and Events; fn owns it. Docs
	// holds no transaction open while fn runs, so fn may write to the store
	// (ReplaceEvents). An error from fn stops the walk and is returned.
	Docs(ctx context.Context, after int64, fn func(*Story) error) error
	// ReplaceEvents replaces all events of story id by events, in one
	// transaction: ErrNotFound if there is no such story.
	ReplaceEvents(ctx context.Context, id int64, events []Event) error
	// Unparsed is Docs for the stories that have an Article but no Doc
	// (stored without parsing): the story has its ID, Page (without Body),
	// Article and Events.
	Unparsed(ctx context.Context, after int64, fn func(*Story) error) error
	// PutDoc sets the Doc of story id and replaces its events, quotes and
	// places, in one transaction: ErrNotFound if there is no such story.
	PutDoc(ctx context.Context, id int64, d *text.Doc, events []Event, quotes []Quote, places []Place) error
	Close() error
}
