package timex

import (
	"strings"
	"testing"
	"time"
)

// ref is a Friday.
var ref = time.Date(2016, 12, 23, 15, 4, 0, 0, time.UTC)

func TestFind(t *testing.T) {
	tests := []struct {
		in, expr, value string
		gran            Granularity
		how             How
	}{
		{"The talks ended on Wednesday.", "Wednesday", "2016-12-21", Day, Weekday},
		{"They met on Friday.", "Friday", "2016-12-23", Day, Weekday},
		{"They will meet on Wednesday.", "Wednesday", "2016-12-28", Day, Weekday},
		{"They will meet next Wednesday.", "next Wednesday", "2016-12-28", Day, Weekday},
		{"They met last Friday.", "last Friday", "2016-12-16", Day, Weekday},
		{"Fighting resumed on Monday morning.", "Monday morning", "2016-12-19", Day, Weekday},
		{"It happened on December 23.", "December 23", "2016-12-23", Day, InferredYear},
		{"It happened on 23 December 2015.", "23 December 2015", "2015-12-23", Day, Absolute},
		{"It happened on Dec. 20.", "Dec. 20", "2016-12-20", Day, InferredYear},
		{"It happened on December 3rd, 2014, in Paris.", "December 3rd, 2014", "2014-12-03", Day, Absolute},
		{"Filed 2016-12-01 in court.", "2016-12-01", "2016-12-01", Day, Absolute},
		{"Filed 23/12/2016 in court.", "23/12/2016", "2016-12-23", Day, Absolute},
		{"Filed 12/23/2016 in court.", "12/23/2016", "2016-12-23", Day, Absolute},
		{"It rained in 2019.", "2019", "2019", Year, Absolute},
		{"It rained in March.", "March", "2016-03", Month, InferredYear},
		{"It rained in March 2015.", "March 2015", "2015-03", Month, Absolute},
		{"The vote happened in November.", "November", "2016-11", Month, InferredYear},
		{"The vote happened last March.", "last March", "2016-03", Month, InferredYear},
		{"Rebels left yesterday.", "yesterday", "2016-12-22", Day, Deictic},
		{"Rebels left today.", "today", "2016-12-23", Day, Deictic},
		{"Rebels leave tomorrow.", "tomorrow", "2016-12-24", Day, Deictic},
		{"Shelling began last night.", "last night", "2016-12-22", Day, Deictic},
		{"Shelling began last week.", "last week", "2016-W50", Week, Deictic},
		{"Shelling began this week.", "this week", "2016-W51", Week, Deictic},
		{"Shelling began earlier in the week.", "earlier in the week", "2016-W51", Week, Deictic},
		{"Shelling began earlier this month.", "earlier this month", "2016-12", Month, Deictic},
		{"Shelling began last month.", "last month", "2016-11", Month, Deictic},
		{"Talks resume next month.", "next month", "2017-01", Month, Deictic},
		{"Talks resume next year.", "next year", "2017", Year, Deictic},
		{"Talks began last year.", "last year", "2015", Year, Deictic},
		{"They met two weeks ago.", "two weeks ago", "2016-W49", Week, Deictic},
		{"They met three days ago.", "three days ago", "2016-12-20", Day, Deictic},
		{"They met 5 years ago.", "5 years ago", "2011", Year, Deictic},
		{"They met on December 1. Two days later, they left.", "Two days later", "2016-12-03", Day, Anchored},
		{"They met on December 1 and left the next day.", "the next day", "2016-12-02", Day, Anchored},
		{"They met in mid-December.", "mid-December", "2016-12", Month, InferredYear},
		{"The 2015 election was close.", "2015", "2015", Year, Absolute},
		{"Clashes broke out over the weekend.", "the weekend", "2016-W50", Week, Deictic},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Find(tt.in, ref)
			for _, e := range got {
				if e.Text != tt.expr {
					continue
				}
				if e.Value != tt.value || e.Gran != tt.gran || e.How != tt.how {
					t.Errorf("%q = %s %s %s, want %s %s %s", e.Text, e.Value, e.Gran, e.How, tt.value, tt.gran, tt.how)
				}
				if want := strings.Index(tt.in, tt.expr); int(e.Span.Start) != want || int(e.Span.End) != want+len(tt.expr) {
					t.Errorf("span %v, want [%d,%d)", e.Span, want, want+len(tt.expr))
				}
				return
			}
			t.Errorf("%q not found in %+v", tt.expr, got)
		})
	}
}

func TestFindNotDates(t *testing.T) {
	for _, in := range []string{
		"It happened on 31 February 2016.",
		"It happened on February 30.",
		"Filed 05/06/2016 in court.",
		"Call 2016-12-23-99 now.",
		"About 2000 soldiers came.",
		"You may go.",
		"Protesters march on the capital.",
		"Jan Smith spoke.",
		"The past week was hard.",
		"It cost $1,2019 dollars.",
	} {
		if got := Find(in, ref); len(got) != 0 {
			t.Errorf("Find(%q) = %+v, want nothing", in, got)
		}
	}
}
