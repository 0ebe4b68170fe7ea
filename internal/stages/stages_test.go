package stages

import (
	"testing"
	"time"

	"github.com/eventwire/eventwire"
)

// TestStoryDate checks the date that selects dated actor roles.
func TestStoryDate(t *testing.T) {
	fetched := time.Date(2021, 3, 4, 21, 30, 0, 0, time.FixedZone("EST", -5*3600)) // 02:30 UTC on the 5th
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name      string
		published string
		article   bool
		fetched   time.Time
		want      time.Time
	}{
		{"date", "2016-12-23", true, fetched, day(2016, 12, 23)},
		{"RFC 3339", "2019-01-30T08:15:00Z", true, fetched, day(2019, 1, 30)},
		{"no date: fetch day in UTC", "", true, fetched, day(2021, 3, 5)},
		{"unreadable date: fetch day", "last Tuesday", true, fetched, day(2021, 3, 5)},
		{"no article", "", false, fetched, day(2021, 3, 5)},
		{"nothing", "", true, time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &eventwire.Story{Page: &eventwire.Page{URL: "x", FetchedAt: tt.fetched}}
			if tt.article {
				st.Article = &eventwire.Article{Published: tt.published}
			}
			if got := StoryDate(st); !got.Equal(tt.want) {
				t.Errorf("StoryDate = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestArticleDate checks the dates Article.Published is read as.
func TestArticleDate(t *testing.T) {
	for in, want := range map[string]string{
		"2016-12-23": "2016-12-23", "2016-12-23T10:00:00Z": "2016-12-23", "": "", "Dec 2016": "", "2016-13-01": "",
	} {
		got := ArticleDate(in)
		if (want == "") != got.IsZero() || (want != "" && got.Format(time.DateOnly) != want) {
			t.Errorf("ArticleDate(%q) = %v, want %q", in, got, want)
		}
	}
}
