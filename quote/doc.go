// Package quote finds the quotes of a parsed article and who said them.
//
// Attribute reads a text.Doc (tokens with byte offsets, sentences, UPOS,
// lemmas, dependencies) and the article's paragraphs, and returns
// eventwire.Quote values of three kinds:
//
//   - direct: words in quotation marks of any common style (straight,
//     curly, guillemets, „…“, single marks outside double ones), paired
//     within a paragraph or across paragraphs by the convention that
//     repeats the opening mark on each paragraph of a long quotation,
//     attributed to the cue after them ("…," Putin said), between their
//     parts ("…," he said, "…") or before them in the sentence (Putin
//     said: "…"); a paragraph that is only a quotation continues the last
//     speaker; a word or two in quotation marks is a scare quote, not a
//     quote;
//   - indirect: reported speech, the clause a cue verb governs ("X said
//     (that) …", "X told Y that …", "X warned …", "…, X said"), "according
//     to X", any verb with a "that" clause ("recognized that …"), the
//     noun phrase of a stance verb ("criticized the move", "called for a
//     ceasefire"), a passive cue ("is expected to …", the by-agent
//     speaking), and a short paragraph that a name and a colon open
//     (headlines: "Sanders: …");
//   - mixed: reported speech with quoted words in it, and quoted words
//     that an argument of a cue holds ("branded North Korea an "outlaw
//     nation"").
//
// The speaker is the cue's subject (a first conjunct's, a participle's
// governor's; "who" of a relative clause, referring to the noun it
// modifies), or, when the parser took quoted words for the subject, the
// name or pronoun beside the cue. A pronoun, a surname
// or a role noun ("the minister") is resolved to the full mention it
// refers to (Actor.Via), and, through a Resolver (the event coder's
// mentions stage, passed in by the caller), coded. A cue whose clause is
// the complement of another cue keeps the chain: "the Kremlin said Putin
// told Assad that …" is Putin's quote, reported by the Kremlin, to Assad.
//
// Link points statement events and the quotes whose cue coded them at each
// other.
//
// Bad input gives sensible output: an unpaired mark closes at its
// paragraph's end; every walk is bounded, and the work is linear in the
// text. The rules and their measured accuracy are in docs/BENCHMARKS.md
// (eventwire eval quotes).
package quote
