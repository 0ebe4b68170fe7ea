package stages

import (
	"context"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/coder"
	"github.com/eventwire/eventwire/quote"
	"github.com/eventwire/eventwire/text"
)

// AttributeQuotes finds the quotes of doc with the coder as the speakers'
// resolver (nil: speakers are not coded), taking dated roles at date. The
// result is never nil when err is.
func AttributeQuotes(ctx context.Context, c *coder.Coder, doc *text.Doc, paras []text.Span, date time.Time) ([]eventwire.Quote, error) {
	var r quote.Resolver
	if c != nil {
		r = quote.ResolverFunc(func(ctx context.Context, d *text.Doc, heads []int) ([]eventwire.Actor, error) {
			return c.Actors(ctx, d, date, heads)
		})
	}
	qs, err := quote.Attribute(ctx, doc, paras, r)
	if qs == nil && err == nil {
		qs = []eventwire.Quote{}
	}
	return qs, err
}
