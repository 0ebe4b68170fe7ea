// Package factuality predicts whether the event a predicate names happened,
// according to the text: "Germany banned Mahan Air" (it happened), "Germany
// did not ban", "Germany plans to ban", "Germany would ban it if ...",
// "Germany may ban" (it did not, or not yet, or not known). The event coder
// uses it to tell asserted events from negated, hypothetical, intended and
// merely possible ones.
//
// The model is a ridge regression over hashed features of the predicate and
// of the dependency tree around it, trained on the UDS-IH2 factuality
// judgements (Rudinger, White and Van Durme 2018) of predicates of the UD
// English Web Treebank. Its features come from eventwire's own tagger and
// parser run on the treebank's gold tokens, never from the gold trees,
// because news never has gold trees. The features (Groups) are the
// predicate's lemma, form, tags and morphology (tense, mood, verb form);
// its negation, auxiliaries and modals, subordinators, adverbs and subject;
// the chain of governors up to the root (each governor's relation and
// lemma, its modal, negation and subordinator, and its class in a small
// lexicon of desire, plan, attempt, negative-implicative, factive, report
// and directive verbs); the words around it; whether it sits in a question;
// and a few conjunctions of these.
//
// Factuality returns the learned value, except for a predicate the text
// does not assert, which scores at most NotAssertedMax: a negated one
// ("not", "n't", "never", a "no" subject or object) and the verb of a
// yes-no question. The UDS-IH2 annotators judged many of these as having
// happened ("I don't recommend this place" is a fact about the speaker),
// which the event coder must not follow ("did not ban" is no ban).
// Model.Learned gives the learned value alone.
//
// Values are on the UDS-IH2 scale as the shared data distributes it
// (normalised per annotator): about +1.1 for "happened", about -1.2 for
// "did not happen", near 0 for uncertain; predictions are clipped to
// [MinValue, MaxValue]. "Did it happen?" is Factuality > 0.
//
// The model is trained by "eventwire train factuality" and embedded as
// models/en_ewt.factuality; models/MANIFEST records the data, the command
// and the scores. A Model is immutable and safe for concurrent use; one
// prediction takes about two microseconds and allocates nothing.
package factuality
