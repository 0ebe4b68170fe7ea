package source

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/eventwire/eventwire"
)

// MaxFeedItems bounds the items taken from one feed.
const MaxFeedItems = 10000

// FeedItem is one entry of an RSS or Atom feed: the link to fetch and what
// the feed says about it.
type FeedItem struct {
	Link      string
	Title     string
	Published string // RFC 3339 when the feed gives a parseable date, else as written
	Language  string
}

// looksLikeFeed reports whether b starts (after an XML prolog, comments and
// whitespace) with an RSS, RDF or Atom root element.
func looksLikeFeed(b []byte) bool {
	head := b[:min(len(b), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	for {
		head = bytes.TrimLeft(head, " \t\r\n")
		switch {
		case bytes.HasPrefix(head, []byte("<?")):
			i := bytes.Index(head, []byte("?>"))
			if i < 0 {
				return false
			}
			head = head[i+2:]
		case bytes.HasPrefix(head, []byte("<!--")):
			i := bytes.Index(head, []byte("-->"))
			if i < 0 {
				return false
			}
			head = head[i+3:]
		default:
			return bytes.HasPrefix(head, []byte("<rss")) || bytes.HasPrefix(head, []byte("<feed")) ||
				bytes.HasPrefix(head, []byte("<rdf:RDF"))
		}
	}
}

// ParseFeed parses an RSS, Atom or JSON feed and returns its items, at most
// MaxFeedItems, with links resolved against base (the feed's URL; may be
// ""). Items without a usable http(s) link are dropped.
func ParseFeed(b []byte, base string) ([]FeedItem, error) {
	items, _, err := parseFeed(b, base)
	return items, err
}

// feedDropped counts the items of a feed that ParseFeed leaves out.
type feedDropped struct {
	over   int // after the first MaxFeedItems
	noLink int // without a usable http(s) link
}

// err reports the dropped items as one error, nil when there are none: they
// were in the input and nothing will be stored for them, so they must not
// vanish without a word.
func (d feedDropped) err() error {
	var parts []string
	if d.noLink > 0 {
		parts = append(parts, fmt.Sprintf("%d items without an http(s) link (relative links need the feed's URL)", d.noLink))
	}
	if d.over > 0 {
		parts = append(parts, fmt.Sprintf("%d items after the first %d", d.over, MaxFeedItems))
	}
	switch {
	case d.over > 0:
		return fmt.Errorf("%w: feed items left out: %s", eventwire.ErrTooLarge, strings.Join(parts, ", "))
	case d.noLink > 0:
		return fmt.Errorf("%w: feed items left out: %s", eventwire.ErrInvalid, strings.Join(parts, ", "))
	}
	return nil
}

// parseFeed is ParseFeed that also counts the items it leaves out.
func parseFeed(b []byte, base string) (items []FeedItem, dropped feedDropped, err error) {
	defer func() {
		// gofeed is third-party code fed untrusted input.
		if r := recover(); r != nil {
			items, dropped, err = nil, feedDropped{}, fmt.Errorf("%w: feed parser panicked: %v", eventwire.ErrInvalid, r)
		}
	}()
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return nil, feedDropped{}, fmt.Errorf("%w: feed: %v", eventwire.ErrInvalid, err)
	}
	bu, _ := url.Parse(base)
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		if len(items) == MaxFeedItems {
			for _, rest := range f.Items[i:] {
				if rest != nil {
					dropped.over++
				}
			}
			break
		}
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		u, err := url.Parse(link)
		if err != nil || link == "" {
			dropped.noLink++
			continue
		}
		if bu != nil && bu.IsAbs() {
			u = bu.ResolveReference(u)
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			dropped.noLink++
			continue
		}
		fi := FeedItem{Link: u.String(), Title: strings.TrimSpace(it.Title), Language: f.Language}
		switch {
		case it.PublishedParsed != nil:
			fi.Published = it.PublishedParsed.UTC().Format(time.RFC3339)
		case it.UpdatedParsed != nil:
			fi.Published = it.UpdatedParsed.UTC().Format(time.RFC3339)
		default:
			fi.Published = strings.TrimSpace(it.Published)
		}
		items = append(items, fi)
	}
	return items, dropped, nil
}

// feedSource fetches the items of a parsed feed in order, but those whose
// URL is stored (Options.Known); after the last, it reports the items
// ParseFeed left out, if any, as one error.
type feedSource struct {
	url     string
	origin  string
	items   []FeedItem
	dropped error
	next    int
	opts    Options
	// poll is the URL the feed was fetched from, with the validators of
	// that answer, noted when every item was given out; "" for a file.
	poll       string
	validators Validators
}

func newFeedSource(ctx context.Context, p *eventwire.Page, opts Options) (*feedSource, error) {
	base := p.URL
	if strings.HasPrefix(base, "file://") {
		base = ""
	}
	items, dropped, err := parseFeed(p.Body, base)
	if err != nil {
		return nil, err
	}
	return &feedSource{url: p.URL, origin: "feed:" + p.URL, items: items, dropped: dropped.err(), opts: opts}, nil
}

func openFeedFile(path string, opts Options) (*feedSource, error) {
	p, err := ReadFile(path, opts)
	if err != nil {
		return nil, err
	}
	return newFeedSource(context.Background(), p, opts)
}

func (s *feedSource) Next(ctx context.Context) (*eventwire.Page, error) {
	for s.next < len(s.items) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		it := s.items[s.next]
		s.next++
		if s.opts.Known != nil && !s.opts.Refresh {
			known, err := s.opts.Known.HasURL(ctx, it.Link)
			if err != nil {
				return nil, &eventwire.ItemError{Op: "fetch", Item: it.Link, Err: fmt.Errorf("looking up whether it is stored: %w", err)}
			}
			if known {
				s.opts.log.known()
				continue
			}
		}
		if s.opts.Fetcher == nil {
			return nil, &eventwire.ItemError{Op: "fetch", Item: it.Link,
				Err: fmt.Errorf("%w: no fetcher for feed items", eventwire.ErrUnsupported)}
		}
		p, err := s.opts.Fetcher.Fetch(ctx, it.Link)
		if err != nil {
			return nil, &eventwire.ItemError{Op: "fetch", Item: it.Link, Err: err}
		}
		p.Origin = s.origin
		p.Hints = eventwire.PageHints{Title: it.Title, Published: it.Published, Language: it.Language}
		return p, nil
	}
	if err := s.dropped; err != nil {
		s.dropped = nil
		return nil, &eventwire.ItemError{Op: "read", Item: s.url, Err: err}
	}
	if s.poll != "" {
		s.opts.log.read(s.poll, s.validators)
		s.poll = ""
	}
	return nil, io.EOF
}

// Progress reports items started of items in the feed.
func (s *feedSource) Progress() (done, total int64, unit string) {
	return int64(s.next), int64(len(s.items)), "items"
}

func (s *feedSource) Close() error { s.next, s.dropped = len(s.items), nil; return nil }
