package main

import (
	"context"
	"fmt"
)

// evalCommands are the "eventwire eval" scorers.
var evalCommands = []command{
	{"extract", "article-extraction benchmark: F1, precision, recall, accuracy, pages/s", runEvalExtract},
	{"ud", "UD treebank scores (CoNLL 2018): UPOS, XPOS, lemma, UAS, LAS, tokens/s", runEvalUD},
	{"petrarch", "PETRARCH validation records: event precision, recall, F1, exact records", runEvalPetrarch},
	{"events", "judged news events: precision with a Wilson interval, unjudged events, judged-right events lost", runEvalEvents},
	{"plover", "PLOVER gold news sentences: recall, precision, F1 by gold category and source country; tune/check halves", runEvalPlover},
	{"conflibert", "ConfliBERT wire-news sentences: coded at all, PentaClass recall and precision, with source and target spans", runEvalConfliBERT},
	{"timex", "annotated date expressions in news: exact accuracy of the normalised value, dev and test halves", runEvalTimex},
	{"geo", "toponyms: recognition P/R/F1, exact GeoNames id, accuracy within 161 km, mean error; dev/test halves", runEvalGeo},
	{"quotes", "PolNeAR attributions: speaker and content precision, recall, F1 (direct, mixed, indirect); tune/check halves", runEvalQuotes},
	{"agreement", "two readings of the real-news gold: event F1, Cohen's kappa on the CAMEO root and on any event", runEvalAgreement},
}

func runEval(ctx context.Context, m *Main, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(m.Stderr, "Usage: eventwire eval extract|ud|petrarch|events|plover|conflibert|geo|agreement [flags]")
		fmt.Fprintln(m.Stderr)
		for _, c := range evalCommands {
			fmt.Fprintf(m.Stderr, "  %-10s %s\n", c.name, c.summary)
		}
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	for _, c := range evalCommands {
		if c.name == args[0] {
			return c.run(ctx, m, args[1:])
		}
	}
	fmt.Fprintf(m.Stderr, "eventwire eval: unknown scorer %q\n", args[0])
	return errUsage
}
