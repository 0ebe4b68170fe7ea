// Command genfactbook writes data/eventwire/actors.factbook.txt, the
// dated heads of state and government of the CIA World Factbook, from the
// project's data folder:
//
//	actors/factbook/factbook_executives_history.tsv   first_seen_commit_date, file, country_short, role, text
//	geo/countryInfo.txt                               GeoNames' countries (FIPS → ISO 3166 alpha-3)
//
// and from the dictionaries package data ships (the Phoenix actor files
// and their fixes, whose records of the same persons it merges, and
// actors.news.txt, whose persons it leaves to that file after checking
// they agree). Run it with go generate in package data:
//
//	go run ./internal/genfactbook -factbook ../../shared/data/actors/factbook -geo ../../shared/data/geo/countryInfo.txt -o eventwire/actors.factbook.txt
//
// When the data folder is absent it says so and leaves the file as it
// is, so go generate works on a clone without it. The output depends
// only on its inputs: the same files give the same bytes.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/eventwire/eventwire/data"
)

func main() {
	dir := flag.String("factbook", "../../shared/data/actors/factbook", "factbook `dir` of the data folder")
	geo := flag.String("geo", "../../shared/data/geo/countryInfo.txt", "GeoNames countryInfo.txt `file`")
	out := flag.String("o", "eventwire/actors.factbook.txt", "output `file`")
	verbose := flag.Bool("v", false, "list the countries, conflicts and persons left to actors.news.txt")
	flag.Parse()
	if err := run(*dir, *geo, *out, *verbose, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "genfactbook:", err)
		os.Exit(1)
	}
}

// errAbsent marks missing source data: the generator then leaves its
// output alone.
var errAbsent = errors.New("source data absent")

func run(dir, geo, out string, verbose bool, log io.Writer) error {
	in, err := readInput(dir, geo)
	if errors.Is(err, errAbsent) {
		fmt.Fprintf(log, "genfactbook: %v; %s left as it is\n", err, out)
		return nil
	}
	if err != nil {
		return err
	}
	b, rep, err := generate(in)
	if rep != nil {
		printReport(log, rep, verbose || err != nil)
	}
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

// readInput reads the Factbook table, countryInfo.txt and the shipped
// dictionaries the output is merged with.
func readInput(dir, geo string) (input, error) {
	tsvPath := filepath.Join(dir, "factbook_executives_history.tsv")
	tsv, err := os.ReadFile(tsvPath)
	if errors.Is(err, fs.ErrNotExist) {
		return input{}, fmt.Errorf("%w: %s", errAbsent, tsvPath)
	}
	if err != nil {
		return input{}, err
	}
	ci, err := os.ReadFile(geo)
	if errors.Is(err, fs.ErrNotExist) {
		return input{}, fmt.Errorf("%w: %s", errAbsent, geo)
	}
	if err != nil {
		return input{}, err
	}
	up, news, err := loadShipped(data.FS())
	if err != nil {
		return input{}, err
	}
	return input{tsv: string(tsv), countryInfo: string(ci), upstream: up, news: news}, nil
}

// loadShipped loads the actor files that DefaultFiles layers before the
// generated file (the Phoenix files and their fixes) and actors.news.txt.
func loadShipped(fsys fs.FS) (up, news *upstream, err error) {
	files := data.DefaultFiles().Actors
	i := slices.Index(files, data.ActorFactbook)
	if i < 0 {
		return nil, nil, fmt.Errorf("%s is not in data.DefaultFiles", data.ActorFactbook)
	}
	if up, err = newUpstream(fsys, files[:i]); err != nil {
		return nil, nil, err
	}
	if news, err = newUpstream(fsys, []string{data.ActorNews}); err != nil {
		return nil, nil, err
	}
	up.index()
	news.index()
	return up, news, nil
}

func printReport(w io.Writer, r *report, verbose bool) {
	fmt.Fprintf(w, "genfactbook: %d rows, %d without a holder; %d tenures (%d dropped: no country code, or a sovereign's other realms); "+
		"%d persons in %d countries, %d dated entries (%d terms of office, %d earlier Phoenix roles), %d phrases (%d dropped as shared); %d merged with Phoenix records; %d left to actors.news.txt\n",
		r.rows, r.skippedRows, r.tenures, r.dropped, r.persons, r.countries, r.entries, r.spans, r.kept, r.phrases, r.droppedPhrases, r.mergedPhoenix, len(r.news))
	fmt.Fprintf(w, "genfactbook: countries without a code: %s\n", strings.Join(r.noCode, "; "))
	if !verbose {
		return
	}
	for _, s := range r.codes {
		fmt.Fprintln(w, "  code:", s)
	}
	for _, s := range r.conflicts {
		fmt.Fprintln(w, "  dropped phrase:", s)
	}
	for _, s := range r.takeovers {
		fmt.Fprintln(w, "  full name kept:", s)
	}
	for _, s := range r.news {
		fmt.Fprintln(w, "  in actors.news.txt:", s)
	}
}
