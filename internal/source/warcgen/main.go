// Command warcgen writes a synthetic WARC.gz of news-like HTML pages (one
// gzip member per record, as CC-NEWS) for load and memory tests of
// "eventwire ingest". The pages are made up and deterministic.
//
//	go run ./internal/source/warcgen -o /tmp/big.warc.gz -size 2GB
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/source"
)

var words = strings.Fields(`the government said on monday that talks with rebel leaders
would resume next week after a ceasefire was agreed in the northern province officials
confirmed that troops had withdrawn from the border town while protesters gathered outside
parliament demanding the resignation of the prime minister the foreign ministry condemned
the attack and called for an independent investigation into the deaths of civilians aid
agencies warned of shortages of food and medicine as thousands fled the fighting`)

func main() {
	out := flag.String("o", "", "output `file` (.warc.gz)")
	size := flag.String("size", "100MB", "stop after about this many compressed bytes (KB, MB, GB)")
	pages := flag.Int("pages", 0, "stop after this many pages (0: by size)")
	seed := flag.Uint64("seed", 1, "random seed")
	imageKB := flag.Int("image-kb", 0, "after each page, an image response of this many KB of random (incompressible) bytes, which ingest skips")
	flag.Parse()
	if *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	limit, err := parseSize(*size)
	if err != nil {
		fmt.Fprintln(os.Stderr, "warcgen:", err)
		os.Exit(2)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "warcgen:", err)
		os.Exit(1)
	}
	cw := &counter{w: bufio.NewWriterSize(f, 1<<20)}
	w := source.NewWARCWriter(cw, true)
	r := rand.New(rand.NewPCG(*seed, 2))
	when := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for (*pages == 0 && cw.n < limit) || (*pages > 0 && n < *pages) {
		if err := w.WriteResponse(fmt.Sprintf("https://news.example/%d/story-%d.html", n%1000, n),
			when.Add(time.Duration(n)*time.Second), page(r, n), "Content-Type: text/html; charset=utf-8"); err != nil {
			fmt.Fprintln(os.Stderr, "warcgen:", err)
			os.Exit(1)
		}
		if *imageKB > 0 {
			img := make([]byte, *imageKB<<10)
			for i := 0; i+8 <= len(img); i += 8 {
				v := r.Uint64()
				for j := 0; j < 8; j++ {
					img[i+j] = byte(v >> (8 * j))
				}
			}
			if err := w.WriteResponse(fmt.Sprintf("https://news.example/img/%d.jpg", n), when, img, "Content-Type: image/jpeg"); err != nil {
				fmt.Fprintln(os.Stderr, "warcgen:", err)
				os.Exit(1)
			}
		}
		n++
	}
	if err := cw.w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "warcgen:", err)
		os.Exit(1)
	}
	f.Close()
	fmt.Fprintf(os.Stderr, "warcgen: %d pages, %d bytes\n", n, cw.n)
}

// page returns a news-like HTML page of 5-15 paragraphs with some
// navigation boilerplate.
func page(r *rand.Rand, n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html><html><head><title>Story %d | Example News</title></head><body>", n)
	b.WriteString(`<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav><article>`)
	fmt.Fprintf(&b, "<h1>Story %d: %s</h1>", n, sentence(r, 8))
	for p := 5 + r.IntN(11); p > 0; p-- {
		b.WriteString("<p>")
		for s := 2 + r.IntN(4); s > 0; s-- {
			b.WriteString(sentence(r, 12+r.IntN(15)))
			b.WriteString(" ")
		}
		b.WriteString("</p>\n")
	}
	b.WriteString(`</article><footer>Copyright Example News. All rights reserved.</footer></body></html>`)
	return []byte(b.String())
}

func sentence(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[r.IntN(len(words))]
	}
	s := strings.Join(ws, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	u := strings.ToUpper(s)
	for suf, m := range map[string]int64{"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30} {
		if strings.HasSuffix(u, suf) {
			mult, u = m, strings.TrimSuffix(u, suf)
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(u), 64)
	if err != nil {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return int64(v * float64(mult)), nil
}

type counter struct {
	w *bufio.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
