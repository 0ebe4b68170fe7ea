package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/eventwire/eventwire"
)

// Ingesting over HTTP. The endpoints exist only when the handler has a
// token and an Ingest function; every request must carry the token
// (Authorization: Bearer), fits in MaxBody, runs within IngestTimeout, and
// all of them share one rate (IngestRate per second, bursts of
// ingestBurst) and at most ingestSlots at a time: parsing is the costly
// part of the pipeline and the API must stay responsive beside it.

// ErrPrivateTarget is the error of a fetch refused because the address it
// would connect to is loopback, private, link-local or otherwise not on
// the public internet.
var ErrPrivateTarget = errors.New("refusing a private or loopback address")

// ingestRoutes are the endpoints that write, on when ingesting is enabled.
var ingestRoutes = []route{
	{"/api/ingest/url", (*Handler).ingestURL},
	{"/api/ingest/file", (*Handler).ingestFile},
}

const (
	ingestBurst = 5
	ingestSlots = 2
)

// ingestResult answers an ingest request.
type ingestResult struct {
	ID      int64  `json:"id"`
	Created bool   `json:"created"`
	Events  int    `json:"events"`
	URL     string `json:"url"`
}

// limiter is a token bucket: rate tokens a second, up to burst.
type limiter struct {
	mu     sync.Mutex
	rate   float64
	burst  float64
	tokens float64
	last   time.Time
	now    func() time.Time
}

// allow takes a token, or says how long until one is there.
func (l *limiter) allow() (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if !l.last.IsZero() {
		l.tokens = min(l.burst, l.tokens+now.Sub(l.last).Seconds()*l.rate)
	}
	l.last = now
	if l.tokens >= 1 {
		l.tokens--
		return true, 0
	}
	return false, time.Duration((1 - l.tokens) / l.rate * float64(time.Second))
}

// authorize checks the bearer token, the rate and a free slot; release
// must be called when it returns true.
func (h *Handler) authorize(w http.ResponseWriter, r *http.Request) (release func(), ok bool) {
	got, found := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !found || subtle.ConstantTimeCompare([]byte(got), []byte(h.opts.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="eventwire"`)
		writeJSON(w, http.StatusUnauthorized, errorBody{"a valid bearer token is required"})
		return nil, false
	}
	if ok, wait := h.rate.allow(); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		writeJSON(w, http.StatusTooManyRequests, errorBody{"too many ingest requests; retry later"})
		return nil, false
	}
	select {
	case h.slots <- struct{}{}:
		return func() { <-h.slots }, true
	case <-r.Context().Done():
		writeJSON(w, http.StatusServiceUnavailable, errorBody{"busy ingesting; retry later"})
		return nil, false
	}
}

// ingestURL fetches a URL and ingests it: POST /api/ingest/url with
// {"url": "https://..."}.
func (h *Handler) ingestURL(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r); err != nil {
		return err
	}
	release, ok := h.authorize(w, r)
	if !ok {
		return nil
	}
	defer release()
	var req struct {
		URL string `json:"url"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 8<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return &badRequest{"want a JSON body {\"url\": \"https://...\"}"}
	}
	u, err := url.Parse(req.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return &badRequest{"url: want an http or https URL without credentials"}
	}
	if h.opts.Fetch == nil {
		return &badRequest{"this server ingests files only"}
	}
	page, err := h.opts.Fetch(r.Context(), u.String())
	if err != nil {
		if _, _, ok := ingestError(err); ok || r.Context().Err() != nil {
			return fmt.Errorf("fetch: %w", err)
		}
		h.log.Info("ingest fetch failed", "url", u.String(), "err", err)
		return &fetchFailed{}
	}
	return h.ingest(w, r, page)
}

// ingestFile ingests the request body as a page: POST /api/ingest/file
// with a text/html or text/plain body; ?url= names it (a URL, or else the
// body's hash does).
func (h *Handler) ingestFile(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r, "url")
	if err != nil {
		return err
	}
	release, ok := h.authorize(w, r)
	if !ok {
		return nil
	}
	defer release()
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || (mt != "text/html" && mt != "text/plain" && mt != "application/xhtml+xml") {
		return fmt.Errorf("%w: Content-Type %q: want text/html or text/plain", eventwire.ErrUnsupported, ct)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxBody))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return fmt.Errorf("%w: more than %d bytes", eventwire.ErrTooLarge, h.opts.MaxBody)
		}
		return &badRequest{"could not read the body"}
	}
	if len(body) == 0 {
		return eventwire.ErrNoContent
	}
	page := &eventwire.Page{Body: body, ContentType: ct, FetchedAt: time.Now().UTC(), Origin: "http-upload"}
	page.URL = p.get("url")
	if page.URL == "" {
		sum := sha256.Sum256(body)
		page.URL = "upload:sha256:" + hex.EncodeToString(sum[:])
	} else if u, err := url.Parse(page.URL); err != nil || u.Scheme == "" || len(page.URL) > 2048 {
		return &badRequest{"url: want an absolute URL naming the page"}
	}
	return h.ingest(w, r, page)
}

func (h *Handler) ingest(w http.ResponseWriter, r *http.Request, page *eventwire.Page) error {
	st, created, err := h.opts.Ingest(r.Context(), page)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	writeJSON(w, http.StatusOK, ingestResult{ID: st.ID, Created: created, Events: len(st.Events), URL: page.URL})
	return nil
}

// fetchFailed is a URL that could not be fetched (no answer, an HTTP
// error, robots.txt); the detail goes to the log.
type fetchFailed struct{}

func (*fetchFailed) Error() string { return "could not fetch the URL" }

// ingestError maps the errors only ingesting has to a status and a
// message safe to show; ok is false for the others.
func ingestError(err error) (status int, msg string, ok bool) {
	switch {
	case errors.Is(err, ErrPrivateTarget):
		return http.StatusForbidden, "refusing to fetch a private, loopback or link-local address", true
	case errors.Is(err, eventwire.ErrTooLarge):
		return http.StatusRequestEntityTooLarge, "the page is too large", true
	case errors.Is(err, eventwire.ErrUnsupported):
		return http.StatusUnsupportedMediaType, "unsupported media type: want HTML or plain text", true
	case errors.Is(err, eventwire.ErrNoContent):
		return http.StatusUnprocessableEntity, "no article text in the page", true
	}
	var ff *fetchFailed
	if errors.As(err, &ff) {
		return http.StatusBadGateway, ff.Error(), true
	}
	var ie *eventwire.ItemError
	if errors.As(err, &ie) {
		// The stage is safe to show; the cause may hold internal detail.
		return http.StatusUnprocessableEntity, "the page failed at the " + ie.Op + " stage", true
	}
	return 0, "", false
}

// GuardedClient returns an HTTP client for fetching URLs that clients of
// the API name: it connects only to public addresses unless allowPrivate,
// checking the address actually dialled (after DNS, on every redirect),
// so a name that resolves to 127.0.0.1 or a redirect to 10.0.0.1 is
// refused as well; it ignores proxy settings, which would hide the
// address.
func GuardedClient(allowPrivate bool, timeout time.Duration) *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second}
	if !allowPrivate {
		d.Control = func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			ip := net.ParseIP(host)
			if ip == nil || !PublicIP(ip) {
				return fmt.Errorf("%s: %w", address, ErrPrivateTarget)
			}
			return nil
		}
	}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			Proxy:                 nil,
			DialContext:           d.DialContext,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: timeout,
			MaxIdleConns:          10,
			IdleConnTimeout:       30 * time.Second,
		},
	}
}

// nonPublic are the IPv4 and IPv6 ranges besides those net.IP's methods
// name that are not on the public internet (RFC 6890).
var nonPublic = func() []*net.IPNet {
	var out []*net.IPNet
	for _, c := range []string{"0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24", "198.18.0.0/15",
		"198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001:db8::/32", "2002::/16"} {
		_, n, err := net.ParseCIDR(c)
		if err != nil {
			panic(err)
		}
		out = append(out, n)
	}
	return out
}()

// PublicIP reports whether ip is a public unicast address.
func PublicIP(ip net.IP) bool {
	if ip4 := ip.To4(); ip4 != nil {
		ip = ip4
	}
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() {
		return false
	}
	for _, n := range nonPublic {
		if n.Contains(ip) {
			return false
		}
	}
	return true
}

// ingestContext bounds an ingest request by IngestTimeout instead of the
// read timeout.
func (h *Handler) ingestContext(r *http.Request) (*http.Request, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.IngestTimeout)
	return r.WithContext(ctx), cancel
}
