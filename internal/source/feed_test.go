package source

import (
	"testing"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<rss version="2.0"><channel><title>News</title><language>en</language>
<item><title> Iran admits downing jet </title><link>https://news.example/iran</link>
<pubDate>Sat, 11 Jan 2020 09:00:00 GMT</pubDate></item>
<item><title>Relative</title><link>/relative/story</link></item>
<item><title>No link</title></item>
<item><title>Mail</title><link>mailto:x@example.com</link></item>
</channel></rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Mugabe dies</title><link href="https://news.example/mugabe"/>
<updated>2019-09-06T08:00:00Z</updated></entry>
</feed>`

func TestParseFeed(t *testing.T) {
	tests := []struct {
		name  string
		feed  string
		base  string
		want  []FeedItem
		isErr bool
	}{
		{"rss", rss, "https://news.example/feed.xml", []FeedItem{
			{Link: "https://news.example/iran", Title: "Iran admits downing jet", Published: "2020-01-11T09:00:00Z", Language: "en"},
			{Link: "https://news.example/relative/story", Title: "Relative", Language: "en"},
		}, false},
		{"rss without base drops relative links", rss, "", []FeedItem{
			{Link: "https://news.example/iran", Title: "Iran admits downing jet", Published: "2020-01-11T09:00:00Z", Language: "en"},
		}, false},
		{"atom", atom, "", []FeedItem{
			{Link: "https://news.example/mugabe", Title: "Mugabe dies", Published: "2019-09-06T08:00:00Z"},
		}, false},
		{"html is not a feed", "<html><body>x</body></html>", "", nil, true},
		{"empty", "", "", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFeed([]byte(tt.feed), tt.base)
			if (err != nil) != tt.isErr {
				t.Fatalf("err = %v, want error %v", err, tt.isErr)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("items = %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("item %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestLooksLikeFeed(t *testing.T) {
	for s, want := range map[string]bool{
		rss:                         true,
		atom:                        true,
		"\ufeff<rss version='2.0'>": true,
		"<rdf:RDF xmlns='x'>":       true,
		"<html><rss>":               false,
		"<?xml version='1.0'?>":     false,
		"plain text":                false,
	} {
		if got := looksLikeFeed([]byte(s)); got != want {
			t.Errorf("looksLikeFeed(%.30q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzFeed(f *testing.F) {
	f.Add([]byte(rss))
	f.Add([]byte(atom))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"url":"https://x.example/1"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		items, err := ParseFeed(b, "https://news.example/feed")
		if err != nil {
			return
		}
		if len(items) > MaxFeedItems {
			t.Fatalf("%d items", len(items))
		}
		for _, it := range items {
			if it.Link == "" {
				t.Fatal("item without link")
			}
		}
	})
}
