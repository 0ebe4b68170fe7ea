// Package quote finds the quotes of a parsed article and who said them.
//
// Attribute reads a text.Doc (tokens with byte offsets, sentences, UPOS,
// lemmas, dependencies) and the article's paragraphs, and returns
// eventwire.Quote values of three kinds:
//
//   - direct: words in quotation marks of any common style (straight,
//     curly, guillemets, „…“, single marks outside double ones, a closing
//     mark typed for the opening one at a word's start), paired
//     within a paragraph or across paragraphs by the convention that
//     repeats the opening mark on each paragraph of a long quotation,
//     attributed to the cue after them ("…," Putin said; "…," the letter
//     read), between their parts ("…," he said, "…") or before them in the
//     sentence (Putin said: "…"; …, tweeting, "…"; …, speaking via
//     Twitter: "…"), or to the clause that a
//     colon ends in the paragraph before ("The minister gave this
//     answer:"); a paragraph that is only a quotation continues the last
//     speaker; a word or two in quotation marks is a scare quote, not a
//     quote;
//   - indirect: reported speech, the clause a cue verb governs ("X said
//     (that) …", "X told Y that …", "X warned …", "…, X said"), read in
//     word order where the parse gives no clause: a cue set off by commas
//     with its speaker ("…, the agency said in a report, and …", "…, said
//     Jane Doe, an official"; the content is the sentence on both sides)
//     and a clause run on after the cue ("officials said the two firms
//     raised $20 million", parsed as an object); "according to X" (set off at
//     either end of a sentence, the whole sentence); any verb with a
//     "that" clause ("recognized that …"); the noun phrase of a stance
//     verb or of a speech verb that names what was said ("criticized the
//     move", "called for a ceasefire", "noted the rise"), verbs of judging
//     included ("lambasted", "commended"); an infinitive of intent or wish
//     ("vowed to fight", "hopes to win", "called on X to resign"); an
//     adjective of belief or feeling ("was sure that …", "critical of …");
//     a passive cue ("is expected to …", "was accused of …", "is supported
//     by …", the by-agent speaking); a verb of characterizing with an "as"
//     phrase ("painted the rival as a snob", "was treated as arson"); a
//     verb of liking, wanting, voting or (dis)agreeing ("loves the old
//     school", "wants to win", "voted against the bill", "disagrees with
//     her predecessor"); a verb of naming or judging with a small clause
//     ("called the referee a liar", "judged the bridge a mistake"); a verb
//     of urging with an object and an infinitive ("encouraged the parents
//     to read"); a verb of indicating or of manner of speaking with a noun
//     phrase ("the video shows a guard pushing …", "shouting slogans"); any
//     verb whose "as" phrase is in quotation marks ("skewering the
//     governor as a “reckless gambler”"); "as X put it"; a free relative
//     ("that is what the mayor said"); a statement noun with
//     its holder and its clause ("the senator's claim that …", "his
//     promise to …"), or a statement or feeling noun with what it is about
//     and its possessor or the subject of its light verb ("the mayor's
//     comments on the fees", "expressed outrage over the fees", "made the
//     case that …"); a
//     verb the tagger took for a noun or a name ("the mayor claims that
//     …", "…, the Courier reports", "Mayor Seeks New Bridge"); and a short
//     paragraph that a name and a colon open (headlines: "Sanders: …");
//   - mixed: reported speech with quoted words in it, and quoted words
//     that an argument of a cue holds ("branded North Korea an "outlaw
//     nation"").
//
// A statement inside what someone else is reported to have said is part
// of that report ("He said the troika had agreed to …"), not a quote of
// its own; a statement beside it (", arguing that …", ", citing …", ",
// though she admitted …", "… and the owners claimed …", a participle
// that holds a statement of its own, a quotation with its own cue after
// it: "…: “…,” the fishermen wrote") is cut off the report and is one.
// A cue whose clause is the complement of a speech cue keeps the chain:
// "the Kremlin said Putin told Assad that …" is Putin's quote, reported
// by the Kremlin, to Assad.
//
// The speaker is the cue's subject ("I" and "we" outside quotation marks
// being the author; a first conjunct's, a participle's governor's, an
// infinitive's controlling object's under "force", "urge",
// "ask" and the like; "who" of a relative clause, referring to the noun it
// modifies), or, when the parser took quoted words for the subject, the
// name or pronoun beside the cue, or, for a participle after a comma that
// the parse hangs inside the quotation (", asserting, “…”"), the nearest
// subject before it outside quotation marks; a name with a long
// apposition, or a nickname in quotation marks, may stand between a
// quotation and its cue. A report set off by commas with its speaker
// ("…, a spokesman announced") holds its sentence. A pronoun, a surname or
// a role noun
// ("the minister") is resolved to the full mention it refers to
// (Actor.Via), and, through a Resolver (the event coder's mentions stage,
// passed in by the caller), coded.
//
// Link points statement events and the quotes whose cue coded them at each
// other.
//
// Bad input gives sensible output: an unpaired mark closes at its
// paragraph's end; every walk is bounded, the rules that read a sentence
// in word order look no further than 200 tokens from their cue, and the
// work is linear in the text. The rules and their measured accuracy are in
// docs/BENCHMARKS.md (eventwire eval quotes).
package quote
