// Package models embeds the trained language models that the default English
// pipeline (nlp/english) loads: the tagger and the parser trained on the
// Universal Dependencies English Web Treebank by "eventwire train"; and the
// factuality model (nlp/factuality) trained on UDS-IH2 judgements of EWT
// predicates by "eventwire train factuality".
//
// MANIFEST records where each file came from (treebank, version, commit),
// when and how it was trained, its scores and its sha256. The models are
// derived from the treebank and share its licence, CC BY-SA 4.0; see README.md.
package models

import (
	"embed"
	"io/fs"
)

//go:embed MANIFEST README.md en_ewt.tagger en_ewt.parser en_ewt.factuality
var files embed.FS

// File names of the embedded models.
const (
	TaggerFile = "en_ewt.tagger"
	ParserFile = "en_ewt.parser"
	// FactualityFile is the factuality model (nlp/factuality).
	FactualityFile = "en_ewt.factuality"
)

// FS returns the embedded files (MANIFEST, README.md and the models).
func FS() fs.FS { return files }

// Tagger returns the bytes of the English tagger model (tag.Load reads them).
func Tagger() ([]byte, error) { return files.ReadFile(TaggerFile) }

// Parser returns the bytes of the English parser model (parse.Load reads them).
func Parser() ([]byte, error) { return files.ReadFile(ParserFile) }

// Factuality returns the bytes of the English factuality model
// (factuality.LoadBytes reads them).
func Factuality() ([]byte, error) { return files.ReadFile(FactualityFile) }
