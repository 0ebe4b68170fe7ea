// Command gencodebook compacts the CAMEO event-code table and the
// CAMEO→PLOVER crosswalk into the single TSV that package cameo embeds.
//
// It reads, from the ontology directory of the project's data folder:
//
//	cameo/cameo-eventcodes.tsv      code, name, level, root, parent, quad_class, goldstein, source
//	plover/CAMEO2PLOVER-2021.txt    CODE: PLOVER_EVENT, mode, context # CAMEO name
//
// and writes one row per CAMEO code. Run it with go generate in package cameo:
//
//	go run ./internal/gencodebook -ontology ../../shared/data/ontology -o codebook.tsv
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	dir := flag.String("ontology", "../../shared/data/ontology", "ontology `dir` of the data folder")
	out := flag.String("o", "codebook.tsv", "output `file`")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencodebook:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	b, err := generateFromDir(dir)
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

// generateFromDir reads the two source tables under dir and returns the
// generated TSV.
func generateFromDir(dir string) ([]byte, error) {
	codes, err := os.ReadFile(filepath.Join(dir, "cameo", "cameo-eventcodes.tsv"))
	if err != nil {
		return nil, err
	}
	cross, err := os.ReadFile(filepath.Join(dir, "plover", "CAMEO2PLOVER-2021.txt"))
	if err != nil {
		return nil, err
	}
	return generate(string(codes), string(cross))
}
