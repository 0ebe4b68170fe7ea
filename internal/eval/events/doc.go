// Package events measures the precision of the event coder on real news
// against a file of judged events.
//
// A judged file is a TSV list of coded events, each judged right or wrong by
// a reader (see ReadJudged for the format). An event is keyed by the
// article, the text of its sentence (not the sentence's index, so that a
// change in sentence splitting does not shift keys), its CAMEO code, the
// source and target actor codes and the text of its evidence verb. Score
// compares the events coded now with the judgements: precision over the
// judged events that are still coded, with a Wilson interval, the events no
// one has judged yet (to be judged and appended), and the events judged
// right that are no longer coded (a loss of recall).
//
// The package does no parsing or coding itself: cmd/eventwire wires the
// parser and the coder and hands Score the events.
package events
