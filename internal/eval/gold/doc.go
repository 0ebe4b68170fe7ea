// Package gold scores the event coder against eventwire's real-news event
// gold standard (testdata/gold), a set of whole articles in which readers
// annotated every codable event of every sentence (docs/gold-guideline.md),
// and measures how far two readers' annotations of the same articles agree.
//
// # Files
//
// articles.jsonl (ReadArticles) holds the articles, one JSON object a
// line, with their split (dev or test) and the byte spans of the annotated
// sentences. An annotation file (ReadAnnotations) is a TSV list of events,
// one a line, naming its article and sentence (the index, from 0, into the
// article's spans), its CAMEO code, the source and target actor codes and
// the texts of source, trigger and target; a line "article sent none" says
// the sentence has no event. Every sentence of an annotated article must
// have a line.
//
// # Unit of scoring
//
// The unit is one event in one annotated sentence, reduced to its key:
// (CAMEO root, source country, target country), where the root is the first
// two digits of the code and an actor's country is Country(code): the
// three-letter country or region code, the first six letters of an
// international code (IGOUNO, IGOWST, IGOEUR, NGO...), "---" when the code
// names none. Roles (GOV, MIL, ...) and the digits after the root do not
// decide a match. A coded event belongs to the annotated sentence whose
// byte span holds the start of its evidence verb (of its evidence source
// when it has no verb); in each sentence the coded and the gold events are
// matched as multisets of keys, so two gold events with the same key need
// two coded events. Precision is matched/coded, recall matched/gold, F1
// their harmonic mean, 2·matched/(gold+coded). Two other keys are scored
// the same way: a looser one (root, source country) and a stricter one
// (full CAMEO code, full source and target actor codes). Events with no
// target (gold target code "-" or empty) are counted apart and scored by
// none of the three keys; coded events outside every annotated sentence
// count as coded and unmatched.
//
// Agreement between two readers (Agree) scores one against the other with
// the same keys, and gives Cohen's kappa on the CAMEO root and on whether a
// sentence has any event (see Agree and Confusion for the items).
//
// The package does no parsing or coding: cmd/eventwire codes the articles
// and hands their events to FromCoded and Compare.
package gold
