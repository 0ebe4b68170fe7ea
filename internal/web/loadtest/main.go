// Command loadtest measures the web API under load on loopback: it fills
// a SQLite store with synthetic events (once; the file is reused), serves
// it in process on 127.0.0.1 through a real listener, or targets -url,
// and runs -clients concurrent clients for -duration over a mix of
// endpoints and filters, then prints throughput, errors and latency
// percentiles, overall and per endpoint.
//
//	go run ./internal/web/loadtest -events 100000 -clients 64 -duration 60s
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/internal/sqlite"
	"github.com/eventwire/eventwire/internal/storetest"
	"github.com/eventwire/eventwire/internal/web"
	"github.com/eventwire/eventwire/text"
)

func main() {
	db := flag.String("db", filepath.Join(os.TempDir(), "eventwire-load.db"), "SQLite `file` of synthetic events (created when it holds fewer than -events)")
	events := flag.Int("events", 100000, "events the store holds at least")
	clients := flag.Int("clients", 64, "concurrent clients")
	duration := flag.Duration("duration", 60*time.Second, "how long to load")
	warmup := flag.Duration("warmup", 0, "how long to load before measuring, with other requests of the same mix (0: measure from a cold start)")
	target := flag.String("url", "", "base URL of a running eventwire serve (default: serve -db in process on loopback)")
	seed := flag.Uint64("seed", 1, "random seed of the data and the requests")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to `file`")
	memProfile := flag.String("memprofile", "", "write an allocation profile of the whole run to `file`")
	cacheMB := flag.Int("cache-mb", 64, "`MiB` of response cache of the server in process (0: none), as serve --cache-mb")
	inFlight := flag.Int("inflight", 0, "requests the server admits at once (in process; 0: its default)")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		runtime.MemProfileRate = 64 << 10
	}
	opts := web.Options{MaxInFlight: *inFlight, CacheBytes: int64(*cacheMB) << 20}
	if *cacheMB <= 0 {
		opts.CacheBytes = -1
	}
	err := run(*db, *events, *clients, *duration, *warmup, *target, *seed, opts)
	if *memProfile != "" {
		if f, err := os.Create(*memProfile); err == nil {
			pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
	}
	if err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// The vocabulary of the synthetic events.
var (
	// actors are 40 countries, each alone and with 5 sectors: 240 codes,
	// about as many as a month of news names.
	actors = func() []string {
		var out []string
		for _, c := range strings.Fields("USA RUS CHN IRN SYR TUR ISR PSE UKR GBR FRA DEU IRQ AFG PAK IND SAU YEM EGY LBY " +
			"JPN KOR PRK VEN COL MEX BRA NGA ETH SDN SOM KEN ZAF LBN JOR QAT ARE POL HUN SRB") {
			for _, sector := range []string{"", "GOV", "MIL", "REB", "OPP", "BUS"} {
				out = append(out, c+sector)
			}
		}
		return out
	}()
	cameos = []struct {
		code, plover string
		quad         int
	}{{"010", "", 1}, {"036", "CONSULT", 1}, {"040", "CONSULT", 1}, {"042", "CONSULT", 1}, {"051", "SUPPORT", 1},
		{"057", "AGREE", 1}, {"061", "COOPERATE", 2}, {"071", "AID", 2}, {"111", "ACCUSE", 3}, {"112", "ACCUSE", 3},
		{"120", "REJECT", 3}, {"130", "THREATEN", 3}, {"141", "PROTEST", 3}, {"163", "SANCTION", 4}, {"173", "SEIZE", 4},
		{"180", "ASSAULT", 4}, {"190", "ASSAULT", 4}, {"193", "ASSAULT", 4}, {"195", "ASSAULT", 4}}
	words = strings.Fields("talks strike ceasefire border sanctions minister army rebels protest election aid oil " +
		"nuclear summit embassy troops drone missile refugees trade treaty court police capital coalition")
)

const eventsPerStory = 25

// fill adds synthetic stories until the store holds n events.
func fill(ctx context.Context, s *sqlite.Store, n int, r *rand.Rand) error {
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	have := int(st.Events)
	start := time.Now()
	day0 := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := int(st.Pages); have < n; i++ {
		var b strings.Builder
		b.WriteString("Officials said on Monday that")
		for range 80 {
			b.WriteString(" ")
			b.WriteString(words[r.IntN(len(words))])
		}
		b.WriteString(". <script>alert('not markup')</script> The end.")
		body := b.String()
		x := storetest.Story(fmt.Sprintf("https://news%d.example/story/%d", i%50, i), fmt.Sprintf("Story %d: %s and %s", i, words[r.IntN(len(words))], words[r.IntN(len(words))]), body)
		x.Events = x.Events[:0]
		for range eventsPerStory {
			c := cameos[r.IntN(len(cameos))]
			src, tgt := actors[r.IntN(len(actors))], actors[r.IntN(len(actors))]
			x.Events = append(x.Events, eventwire.Event{
				Source: eventwire.Actor{Text: "Officials", Code: src}, Target: eventwire.Actor{Text: "Monday", Code: tgt},
				CAMEO: c.code, PLOVER: c.plover, QuadClass: c.quad, Goldstein: float64(r.IntN(20) - 10),
				Evidence: eventwire.Evidence{Source: text.Span{Start: 0, End: 9}, Verb: text.Span{Start: 10, End: 14}, Target: text.Span{Start: 23, End: 29}},
				Pattern:  "SYNTHETIC", Date: day0.AddDate(0, 0, r.IntN(730)).Format("2006-01-02"), Confidence: r.Float64(),
			})
		}
		if _, err := s.PutStory(ctx, x); err != nil {
			return err
		}
		have += eventsPerStory
		if i%500 == 0 {
			fmt.Fprintf(os.Stderr, "\rfilling: %d events (%.0f/s)", have, float64(have-int(st.Events))/time.Since(start).Seconds())
		}
	}
	fmt.Fprintf(os.Stderr, "\rfilled: %d events in %v\n", have, time.Since(start).Round(time.Second))
	ms, err := s.MergeEvents(ctx, sqlite.DefaultMergeWindow, false)
	if err != nil {
		return err
	}
	if ms.Events > 0 {
		fmt.Fprintf(os.Stderr, "merged %d events (%d joined) in %v\n", ms.Events, ms.Joined, time.Since(start).Round(time.Second))
	}
	return nil
}

// request is one request of the mix: its endpoint's name and its path.
type request struct{ kind, path string }

// next picks a request: mostly filtered event listings, as the UI makes
// them, then details, articles, actors, timelines and stats.
func next(r *rand.Rand, maxEvent, maxStory int64) request {
	a := actors[r.IntN(len(actors))]
	switch n := r.IntN(100); {
	case n < 35:
		q := []string{"actor=" + a, "code=" + cameos[r.IntN(len(cameos))].code[:2], "from=2023-03-01&to=2023-06-30", "source=" + a + "&code=1", "plover=ASSAULT", "", "text=" + words[r.IntN(len(words))]}[r.IntN(7)]
		return request{"events", "/api/events?limit=50&" + q}
	case n < 45:
		return request{"events page", fmt.Sprintf("/api/events?limit=100&after=%d", r.Int64N(maxEvent))}
	case n < 60:
		return request{"event", fmt.Sprintf("/api/events/%d", 1+r.Int64N(maxEvent))}
	case n < 67:
		return request{"merged", "/api/events/merged?limit=50&actor=" + a}
	case n < 75:
		return request{"articles", "/api/articles?limit=20&text=" + words[r.IntN(len(words))]}
	case n < 82:
		return request{"article", fmt.Sprintf("/api/articles/%d", 1+r.Int64N(maxStory))}
	case n < 90:
		return request{"actors", "/api/actors?limit=60&actor=" + a}
	case n < 95:
		return request{"timeline", "/api/timeline?actor=" + a}
	default:
		return request{"stats", "/api/stats"}
	}
}

// validEvery: every validEvery-th answer of a client is checked to be
// valid JSON throughout (get).
const validEvery = 8

type result struct {
	kind string
	d    time.Duration
	ok   bool
}

// run fills the store db with n events (if it has fewer) and loads it for
// duration, after warmup: the server at base, or one served in process
// with opts.
func run(db string, n, clients int, duration, warmup time.Duration, base string, seed uint64, opts web.Options) error {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, db, sqlite.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	if err := fill(ctx, s, n, rand.New(rand.NewPCG(seed, 1))); err != nil {
		return err
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	if base == "" {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		srv := web.NewServer(ln.Addr().String(), web.New(s, slog.New(slog.NewTextHandler(os.Stderr, nil)), opts))
		go srv.Serve(ln)
		defer srv.Close()
		base = "http://" + ln.Addr().String()
	}
	base = strings.TrimSuffix(base, "/")
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxIdleConns: clients}}
	fmt.Fprintf(os.Stderr, "loading %s: %d events, %d articles, %d clients for %v (GOMAXPROCS %d; in process: cache bytes %d, in flight %d, 0 = default)\n",
		base, st.Events, st.Articles, clients, duration, runtime.GOMAXPROCS(0), opts.CacheBytes, opts.MaxInFlight)
	// load runs the clients for d, each with its own random stream of
	// requests from seed.
	load := func(d time.Duration, seed uint64) chan []result {
		results := make(chan []result, clients)
		deadline := time.Now().Add(d)
		var wg sync.WaitGroup
		for c := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := rand.New(rand.NewPCG(seed, uint64(c)+2))
				var rs []result
				var buf bytes.Buffer
				for i := 0; time.Now().Before(deadline); i++ {
					q := next(r, st.Events, st.Articles)
					t0 := time.Now()
					ok := get(client, base+q.path, &buf, i%validEvery == 0)
					rs = append(rs, result{q.kind, time.Since(t0), ok})
				}
				results <- rs
			}()
		}
		wg.Wait()
		return results
	}
	if warmup > 0 {
		fmt.Fprintf(os.Stderr, "warming up for %v (other requests of the same mix, not counted)\n", warmup)
		load(warmup, seed+1<<32)
	}
	cpu0 := cpuTime()
	start := time.Now()
	results := load(duration, seed)
	elapsed := time.Since(start)
	cpu := cpuTime() - cpu0
	close(results)
	byKind := map[string][]result{}
	var all []result
	for rs := range results {
		all = append(all, rs...)
		for _, x := range rs {
			byKind[x.kind] = append(byKind[x.kind], x)
		}
	}
	fmt.Printf("%d requests in %v by %d clients: %.0f requests/s; %.1f s of CPU, %.0f requests per CPU-second (server and clients)\n\n",
		len(all), elapsed.Round(time.Millisecond), clients, float64(len(all))/elapsed.Seconds(), cpu.Seconds(), float64(len(all))/cpu.Seconds())
	fmt.Println("| requests | count | errors | p50 | p90 | p99 | max |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|")
	kinds := []string{}
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range append([]string{"all"}, kinds...) {
		rs := all
		if k != "all" {
			rs = byKind[k]
		}
		row(k, rs)
	}
	for _, x := range all {
		if !x.ok {
			return fmt.Errorf("some requests failed")
		}
	}
	return nil
}

// get reports whether GET url answered 200 with a whole JSON object: the
// body is read to its end (its Content-Length) and checked to be one
// object, and every check-th body is checked to be valid JSON throughout.
// The clients share the server's CPU: once the server answered from its
// cache, validating every answer took 7% of the run's CPU time.
func get(c *http.Client, url string, buf *bytes.Buffer, check bool) bool {
	res, err := c.Get(url)
	if err != nil {
		fmt.Fprintln(os.Stderr, url, err)
		return false
	}
	defer res.Body.Close()
	buf.Reset()
	_, err = buf.ReadFrom(res.Body)
	b := bytes.TrimSpace(buf.Bytes())
	ok := res.StatusCode == 200 && err == nil && len(b) >= 2 && b[0] == '{' && b[len(b)-1] == '}' &&
		strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") && (!check || json.Valid(b))
	if !ok {
		fmt.Fprintln(os.Stderr, url, res.Status, err, "body:", len(b), "bytes")
	}
	return ok
}

func row(kind string, rs []result) {
	ds := make([]time.Duration, len(rs))
	errs := 0
	for i, x := range rs {
		ds[i] = x.d
		if !x.ok {
			errs++
		}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	q := func(p float64) string {
		if len(ds) == 0 {
			return "-"
		}
		return ds[min(len(ds)-1, int(p*float64(len(ds))))].Round(100 * time.Microsecond).String()
	}
	fmt.Printf("| %s | %d | %d | %s | %s | %s | %s |\n", kind, len(rs), errs, q(0.50), q(0.90), q(0.99), q(1))
}

// cpuTime is the CPU time (user and system) the process has used: on a
// shared machine, requests per CPU-second is the steadier figure.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
