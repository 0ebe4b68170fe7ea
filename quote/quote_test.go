package quote_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/eventwire/eventwire"
	"github.com/eventwire/eventwire/nlp"
	"github.com/eventwire/eventwire/nlp/english"
	"github.com/eventwire/eventwire/quote"
	"github.com/eventwire/eventwire/text"
)

var pipeline = sync.OnceValues(func() (*nlp.Pipeline, error) { return english.New() })

// parse annotates s with the shipped English pipeline.
func parse(t testing.TB, s string) *text.Doc {
	t.Helper()
	p, err := pipeline()
	if err != nil {
		t.Fatal(err)
	}
	d := text.NewDoc(s)
	if err := p.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// summary is a quote in one line: kind, cue, speaker (→ the mention it
// refers to), addressee, reporter, text.
func summary(q eventwire.Quote) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q %s", q.Kind, q.Cue, q.Speaker.Text)
	if v := q.Speaker.Via; v != nil {
		fmt.Fprintf(&b, "→%s(%s)", v.Text, v.How)
	}
	if q.Addressee != nil {
		fmt.Fprintf(&b, " to %s", q.Addressee.Text)
	}
	if q.ReportedBy != nil {
		fmt.Fprintf(&b, " by %s", q.ReportedBy.Text)
	}
	fmt.Fprintf(&b, ": %s", q.Text)
	return b.String()
}

func TestAttribute(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"direct after", `"We will not give up," Smith said.`,
			[]string{`direct "said" Smith: We will not give up,`}},
		{"direct before", `Smith said: "The talks have failed."`,
			[]string{`direct "said" Smith: The talks have failed.`}},
		{"direct inverted", "“There is no deal on the table yet,” said Maria Jones.",
			[]string{`direct "said" Maria Jones: There is no deal on the table yet,`}},
		{"interrupted", "“The talks,” said Jones, “have failed completely.”",
			[]string{`direct "said" Jones: The talks, … have failed completely.`}},
		{"guillemets", "«The border stays closed for now,» the minister said.",
			[]string{`direct "said" the minister: The border stays closed for now,`}},
		{"indirect that", "The minister said that the border would stay closed.",
			[]string{`indirect "said" The minister: the border would stay closed`}},
		{"told", "Jones told reporters that the talks had failed.",
			[]string{`indirect "told" Jones to reporters: the talks had failed`}},
		{"according to", "According to the ministry, twelve soldiers died in the attack.",
			[]string{`indirect "According to" the ministry: twelve soldiers died in the attack`}},
		{"warned", "The general warned that the ceasefire would collapse.",
			[]string{`indirect "warned" The general: the ceasefire would collapse`}},
		{"scare quote", `The so-called "peace plan" was rejected by the opposition.`, nil},
		{"pronoun", "Anna Berg arrived in the capital on Monday. She said the vote was fair.",
			[]string{`indirect "said" She→Anna Berg(pronoun): the vote was fair`}},
		{"short name", "Anna Berg spoke first. \"We are ready to govern the country,\" Berg said.",
			[]string{`direct "said" Berg→Anna Berg(short-ref): We are ready to govern the country,`}},
		{"continued paragraph", "\"We will win this election,\" Berg said.\n\n\"Nobody can stop us now.\"",
			[]string{`direct "said" Berg: We will win this election,`, `direct "" Berg: Nobody can stop us now.`}},
		// Cues the tagger took for nouns, and a colon ending the
		// paragraph before.
		{"noun cue before", "The striker mocked the referee after the match, tweeting, \"Glasses are cheap these days.\"",
			[]string{`indirect "mocked" The striker: the referee`, `direct "tweeting" The striker: Glasses are cheap these days.`}},
		{"noun cue colon", "The Daily Courier reports:\n\n\"Fewer than half of the town's shops opened on Sunday.\"",
			[]string{`direct "reports" The Daily Courier: Fewer than half of the town's shops opened on Sunday.`}},
		{"clause colon", "The minister gave this answer after the vote:\n\n\"The harbour will stay open for as long as the fishermen need it.\"",
			[]string{`direct "gave" The minister: The harbour will stay open for as long as the fishermen need it.`}},
		// A verb of speaking, a stance cue elsewhere, introduces the
		// direct quotation its colon opens.
		{"speaking colon", `Berg gave a different account, speaking via Twitter: "I offered to resign last night."`,
			[]string{`direct "speaking" Berg: I offered to resign last night.`}},
		{"quotation over paragraphs", "Berg said: \"The first paragraph of the quotation.\n\n\"The second paragraph of it.\"",
			[]string{`direct "said" Berg: The first paragraph of the quotation. … The second paragraph of it.`}},
		{"relative", "The talks were led by Maria Jones, who said the deal was close.",
			[]string{`indirect "said" who→Maria Jones(pronoun): the deal was close`}},
		{"chain", "The agency said Smith told Jones that the deal was off.",
			[]string{`indirect "told" Smith to Jones by The agency: the deal was off`}},
		{"mixed", `Smith said the plan "has no chance of success" in parliament.`,
			[]string{`mixed "said" Smith: the plan "has no chance of success" in parliament`}},
		// The reported words are not cut inside quotation marks, however
		// the parse hangs the clause within them.
		{"mixed closed", `The radio said Berg responded that the win "has opened the way for reform" by "encouraging many, who earlier opposed the reform in the north, to join the process and work on peace."`,
			[]string{`mixed "responded" Berg by The radio: the win "has opened the way for reform" by "encouraging many, who earlier opposed the reform in the north, to join the process and work on peace.`}},
		// A speech cue set off by commas, however the parser hangs it.
		{"parenthetical after", "The ferry will run again from Friday, the port authority announced Tuesday evening.",
			[]string{`indirect "announced" the port authority: The ferry will run again from Friday`}},
		{"parenthetical inverted", "Prices will rise again next year, said Maria Olsen, an economist at the central bank.",
			[]string{`indirect "said" Maria Olsen: Prices will rise again next year`}},
		{"parenthetical holds a cue that runs into it", "In addition, the club plans to open a new stand next year, a spokesman announced Monday morning.",
			[]string{`indirect "announced" a spokesman: In addition, the club plans to open a new stand next year`}},
		{"parenthetical inside", "In the north, the governor said, the floods destroyed three bridges.",
			[]string{`indirect "said" the governor: In the north … the floods destroyed three bridges`}},
		{"parenthetical inverted object", "The match started late, and the crowd left early, said one steward at the gate.",
			[]string{`indirect "said" one steward at the gate: The match started late, and the crowd left early`}},
		{"adverbial clause", "The council could refuse them a licence until the fee is paid.",
			[]string{`indirect "refuse" The council: a licence`}},
		// The reported clause runs on after the cue, parsed as its object.
		{"clause as object", "Harbour officials said the two firms had spent $8 million on cranes.",
			[]string{`indirect "said" Harbour officials: the two firms had spent $8 million on cranes`}},
		{"said little about", "The council has said little about how it will pay for the new road.",
			[]string{`indirect "said" The council: little about how it will pay for the new road`}},
		{"object with a relative clause", "The coach stressed the spirit that the team so lacks.", nil},
		// A verb the tagger took for a plural noun after its subject.
		{"verb as noun", "The mayor claims that the bridge is safe.",
			[]string{`indirect "claims" The mayor: the bridge is safe`}},
		{"verb as noun after", "The budget was cut by a third, the Daily Courier reports.",
			[]string{`indirect "reports" the Daily Courier: The budget was cut by a third`}},
		{"verb as noun intent", "The museum plans to open its new wing next spring.",
			[]string{`indirect "plans" The museum: to open its new wing next spring`}},
		{"verb as noun after apposition", "The club's captain, Anna Berg, plans to retire at the end of the season.",
			[]string{`indirect "plans" The club's captain, Anna Berg: to retire at the end of the season`}},
		{"headline verb", "Mayor Seeks New Bridge As Floods Recede.",
			[]string{`indirect "Seeks" Mayor: New Bridge As Floods Recede`}},
		{"verb as name", "Farm leaders denounce the new tax; others vow protests.",
			[]string{`indirect "denounce" Farm leaders: the new tax`}},
		{"a name, not a headline", "The Norwegian Fisheries Directorate described him in May as a careful skipper.",
			[]string{`indirect "described" Directorate: him … as a careful skipper`}},
		{"spoke on the phone", "The two leaders spoke on the phone on Monday.", nil},
		{"a noun, not a verb", "Officials rejected the insurance claims that were filed in May.",
			[]string{`indirect "rejected" Officials: the insurance claims that were filed in May`}},
		// A closing mark typed for the opening one.
		{"closing mark opens", "People in the valley told us how they feel about the race.\n\n”He has no plan for the farms. He only talks about himself and his friends, and he never listens to us.” ― Maria Lopez",
			[]string{`indirect "told" People in the valley to us: how they feel about the race`, `direct "―" Lopez: He has no plan for the farms. He only talks about himself and his friends, and he never listens to us.`}},
		// Whose words a participle or an infinitive reports.
		// A participle after a comma that the parse hangs on a verb inside
		// the quotation: the subject before it speaks.
		{"participle hung in the quotation", "The mayor barely answered, treating the question as a joke -- \"That is funny\" -- and, when asked after the meeting, asserting, \"Of course, I pay my bills.\"",
			[]string{`indirect "treating" The mayor: the question as a joke`, `direct "asserting" The mayor: Of course, I pay my bills.`}},
		{"participle after said", "\"We have to stop this. The voters do not trust the board,\" Lee said, suggesting a few questions, including, \"Ms. Chair, do you really think that the county needs a new arena?\"",
			[]string{`direct "said" Lee: We have to stop this. The voters do not trust the board,`, `direct "suggesting" Lee: Ms. Chair, do you really think that the county needs a new arena?`}},
		{"infinitive under a participle", "\"The town has lost its nerve,\" Smith said, going on to say that the council had spent \"many years fighting for money, and we are tired of it all.\"",
			[]string{`direct "said" Smith: The town has lost its nerve,`, `direct "say" Smith: many years fighting for money, and we are tired of it all.`}},
		{"object control", "The auditor forced the treasurer to admit that the accounts had been altered.",
			[]string{`indirect "admit" the treasurer: the accounts had been altered`}},
		{"participle", "A group of fishermen wrote to the council urging it to reopen the harbour.",
			[]string{`indirect "urging" A group of fishermen to it: to reopen the harbour`}},
		{"time before cue", "The ferry company just this week announced it would cut its prices.",
			[]string{`indirect "announced" The ferry company: it would cut its prices`}},
		// An adjective of belief or feeling with its clause or topic.
		{"attitude adjective", "The farmers were sure the harvest would fail.",
			[]string{`indirect "sure" The farmers: the harvest would fail`}},
		{"attitude adjective of", "The governor has been critical of the new budget.",
			[]string{`indirect "critical" The governor: the new budget`}},
		// A statement beside a report is cut off it; one inside it is
		// part of it.
		{"participle beside", "The coach said the referee had erred, arguing that the goal had been offside.",
			[]string{`indirect "said" The coach: the referee had erred`, `indirect "arguing" The coach: the goal had been offside`}},
		{"clause beside", "The farmer said the price had fallen, though she admitted the harvest was good.",
			[]string{`indirect "said" The farmer: the price had fallen`, `indirect "admitted" she: the harvest was good`}},
		{"as inside", "The ministers said the talks had failed as they seek a new deal.",
			[]string{`indirect "said" The ministers: the talks had failed as they seek a new deal`}},
		{"inside", "The council said the budget would not declare its deficit.",
			[]string{`indirect "said" The council: the budget would not declare its deficit`}},
		// What a speech cue names, and passives with what was called.
		{"noun phrase", "The minister noted the rise in prices during the interview.",
			[]string{`indirect "noted" The minister: the rise in prices during the interview`}},
		{"passive agent", "The plan is supported by a coalition of farmers.",
			[]string{`indirect "supported" a coalition of farmers: The plan`}},
		{"passive accused", "The former mayor was accused of taking bribes from builders.",
			[]string{`indirect "accused" : The former mayor … of taking bribes from builders`}},
		{"passive naming", "The goalkeeper was dubbed the hero of the final.",
			[]string{`indirect "dubbed" : The goalkeeper … the hero of the final`}},
		// "According to X" set off at the end holds the whole sentence,
		// and the statements in it.
		{"according to after", "The band will play two more concerts in June, according to its manager.",
			[]string{`indirect "according to" its manager: The band will play two more concerts in June`}},
		{"according to a report", "The club has said it will not sell the stadium, according to a letter seen by fans.",
			[]string{`indirect "according to" a letter seen by fans: The club has said it will not sell the stadium`}},
		// The parse may hang the sentence on the source: its words end
		// at its comma.
		{"according to, sentence on the source", "According to a lawsuit filed by the harbour board and a second suit by the town, the company dumped oil into the bay for years.",
			[]string{`indirect "According to" a lawsuit filed by the harbour board and a second suit by the town: the company dumped oil into the bay for years`}},
		{"told that", "The spokesman told The Daily Courier that the plant would close in May.",
			[]string{`indirect "told" The spokesman to The Daily Courier: the plant would close in May`}},
		// Wishes and aims by an infinitive; appeals and purposes.
		{"hope to", "The farmer hopes to sell the land next year.",
			[]string{`indirect "hopes" The farmer: to sell the land next year`}},
		{"want to", "The mayor wants to rebuild the pier before the summer.",
			[]string{`indirect "wants" The mayor: to rebuild the pier before the summer`}},
		{"liking", "The old fisherman loves the harbour where he grew up.",
			[]string{`indirect "loves" The old fisherman: the harbour where he grew up`}},
		{"voted against", "The senator voted against the harbour bill.",
			[]string{`indirect "voted" The senator: the harbour bill`}},
		{"call on", "The senator called on the governor to resign.",
			[]string{`indirect "called" The senator: the governor to resign`}},
		{"purpose", "The mayor called the governor to thank him for the aid.", nil},
		// A statement noun with its holder and its clause.
		{"as X put it", "As the mayor put it, the bridge is older than the town.",
			[]string{`indirect "put" the mayor: the bridge is older than the town`}},
		{"as X put it, as on the subject", "The key test for the new ferry is a \"safe crossing in any weather,\" as the shipping board put it.",
			[]string{`mixed "put" the shipping board: The key test for the new ferry is a "safe crossing in any weather,`}},
		// Verbs of characterizing with an "as" phrase (Levin's 29.2).
		{"depict as", "The senator painted the governor as a snob who never pays taxes.",
			[]string{`indirect "painted" The senator: the governor as a snob who never pays taxes`}},
		{"depict as passive", "The fire at the depot was treated as arson.",
			[]string{`indirect "treated" : The fire at the depot … as arson`}},
		// Any verb with an "as" phrase in quotation marks, but one of
		// using or choosing.
		{"quoted as", "For months the senator has been skewering the governor as a “reckless gambler.”",
			[]string{`indirect "skewering" the senator: the governor as a “reckless gambler.`}},
		{"quoted as, phrasal", "The senator went after the governor as a “reckless gambler” in the debate.",
			[]string{`indirect "went" The senator: the governor as a “reckless gambler” in the debate`}},
		{"quoted as, using", "The mayor used the old hall as a “shelter” for the winter.", nil},
		{"depict as, a share", "The panel rated 40% of the ferry's crossings as “far too late” in its review.",
			[]string{`mixed "rated" The panel: 40% of the ferry's crossings as “far too late” in its review`}},
		{"depict plain object", "The senator painted the fence before the storm.", nil},
		{"noun that", "The senator's claim that crime had doubled was false.",
			[]string{`indirect "claim" The senator's: crime had doubled`}},
		{"noun to", "His promises to cut taxes were forgotten.",
			[]string{`indirect "promises" His: to cut taxes`}},
		// What a statement or feeling noun is about; a light verb's
		// subject holds it.
		{"noun of", "The union's criticism of the pay deal grew louder.",
			[]string{`indirect "criticism" The union's: the pay deal`}},
		{"light verb", "The council expressed outrage over the new harbour fees.",
			[]string{`indirect "outrage" The council: the new harbour fees`}},
		{"light verb that", "The minister made the case that the bridge must be rebuilt.",
			[]string{`indirect "case" The minister: the bridge must be rebuilt`}},
		{"statement noun about", "The mayor's comments on the harbour fees angered the fishermen.",
			[]string{`indirect "comments" The mayor's: the harbour fees`}},
		{"light verb, no statement", "The council made a profit on the new harbour fees.", nil},
		// Verbs of urging and begging (Levin's 58) ask for what their
		// object and infinitive say; not when a thing "encourages".
		{"urge verb", "The teachers have encouraged the parents to read with their children every night.",
			[]string{`indirect "encouraged" The teachers: the parents to read with their children every night`}},
		{"urge verb, a thing", "A tax that encourages farmers to sell their land early is unfair.", nil},
		// A lemma the lemmatizer cut the silent "e" of.
		{"lemma without e", "The fishermen implored the mayor to keep the harbour open.",
			[]string{`indirect "implored" The fishermen: the mayor to keep the harbour open`}},
		{"stance lemma without e", "The bishop deplored the violence at the harbour.",
			[]string{`indirect "deplored" The bishop: the violence`}},
		// A belief verb's clause without "that", parsed as an object
		// and a second predicate.
		{"object predicate", "The inspectors found the harbour master repeatedly ignored the rules.",
			[]string{`indirect "found" The inspectors: the harbour master repeatedly ignored the rules`}},
		// A question clause that "about" opens is what an attitude is
		// about.
		{"about whether", "The pilots' union was coy about whether the strike would end soon.",
			[]string{`indirect "coy" The pilots' union: about whether the strike would end soon`}},
		// The author's own statements in the first person; not "you".
		{"author first person", "I know the harbour board has tried everything it can.",
			[]string{`indirect "know" I: the harbour board has tried everything it can`}},
		{"second person", "You know the harbour board has tried everything it can.", nil},
		// A second verb the parse joined to the first one's object
		// shares its subject.
		{"verb joined to a noun", "The captain, for his part, has openly criticized old shipping rules such as the Baltic Port Convention and called for new fees on tankers from abroad.",
			[]string{`indirect "criticized" The captain, for his part: old shipping rules`,
				`indirect "called" The captain, for his part: new fees on tankers`}},
		// A subject the parse hung on the verb as a modifier.
		{"modifier subject", "One Liberal warned that the harbour would close.",
			[]string{`indirect "warned" Liberal: the harbour would close`}},
		// A participle after a comma holding a statement of its own is
		// cut off the report.
		{"participle with a statement", "A new recording shows that the guard stood still at the gate, disputing the ministry's claim that the guard had attacked the crowd.",
			[]string{`indirect "shows" A new recording: the guard stood still at the gate`, `indirect "disputing" A new recording: the ministry's claim that the guard had attacked the crowd`}},
		// The lone object of "promise" is what was promised.
		{"promised object", "The council has promised a recount.",
			[]string{`indirect "promised" The council: a recount`}},
		// Verbs of manner of speaking (Levin's 37.3) name what was
		// shouted.
		{"shouting", "The crowd kept shouting slogans outside the town hall.",
			[]string{`indirect "shouting" The crowd: slogans outside the town hall`}},
		// Verbs of indicating (Levin's 78): what a record shows.
		{"indicate verb", "The new video shows a guard pushing a reporter to the ground.",
			[]string{`indirect "shows" The new video: a guard pushing a reporter to the ground`}},
		{"indicate verb, reflect", "The harbour figures reflect a sharp slowdown in trade.",
			[]string{`indirect "reflect" The harbour figures: a sharp slowdown in trade`}},
		{"show, two objects", "The mayor showed the visitors the new harbour.", nil},
		// A free relative stands for what was said.
		{"what said", "That is not what the mayor said.",
			[]string{`indirect "said" the mayor: what`}},
		{"what said when", "That was what the old captain said when he left the ship for the last time in 1998.",
			[]string{`indirect "said" the old captain: what`}},
		// Agreeing and disagreeing with someone.
		{"disagree with", "The young mayor openly disagrees with her predecessor.",
			[]string{`indirect "disagrees" The young mayor: her predecessor`}},
		{"agree with", "The coach agreed with the referee about the penalty.",
			[]string{`indirect "agreed" The coach: the referee about the penalty`}},
		// A report joined to another by "and", with a subject of its
		// own, is beside it, not inside it.
		{"coordinated reports", "The union said the company broke the law and the owners claimed the strike was illegal.",
			[]string{`indirect "said" The union: the company broke the law`, `indirect "claimed" the owners: the strike was illegal`}},
		// A stance participle after a comma is a statement of its own,
		// however the parse hangs it.
		{"citing aside", "The senator said the bridge was safe, citing a report by the engineers.",
			[]string{`indirect "said" The senator: the bridge was safe`, `indirect "citing" The senator: a report by the engineers`}},
		{"citing after a noun", "In a letter, the union called the mayor a “hero” of the harbour, citing the new pier he had built.",
			[]string{`indirect "called" the union: the mayor a “hero” of the harbour`, `indirect "citing" the union: the new pier he had built`}},
		// A speaker with a long apposition between the quotation and
		// its cue.
		{"apposition before cue", "''The port must stay open for every boat,'' Jane Doe, a spokeswoman for the pilots' guild and a former harbour master of the town, said of the plan.",
			[]string{`direct "said" Jane Doe: The port must stay open for every boat,`}},
		{"nickname in the speaker's name", "\"Nobody in this valley will forget the flood of last spring!\" the farmers' spokeswoman, county Sen. Ingrid \"Inga\" Olsen (R-Fjord County), yelled to the crowd.",
			[]string{`direct "yelled" the farmers' spokeswoman: Nobody in this valley will forget the flood of last spring!`}},
		// A cue after a quotation that ends its sentence, with a
		// phrase of its own, starts a new statement.
		{"cue of a new sentence", "The harbour master said at a meeting: \"The pier is not safe. We will close it until the spring.\" The fishermen's union has called for an inquiry into the repairs.",
			[]string{`direct "said" The harbour master: The pier is not safe. We will close it until the spring.`,
				`indirect "called" The fishermen's union: an inquiry into the repairs`}},
		// ... but a comma after the closing mark ties a trailing cue
		// and its inverted subject to the quotation, in the British
		// style as in the American one.
		{"comma after the closing mark", "\"The pier will reopen in May. We thank the volunteers for their work\", wrote the harbour master.",
			[]string{`direct "wrote" the harbour master: The pier will reopen in May. We thank the volunteers for their work`}},
		// A quotation with its own cue after it is cut off a report
		// that ran on into it.
		{"quotation after a report", "The mayor said the harbour would reopen in May: “We have waited long enough for this,” the council wrote in its own letter.",
			[]string{`indirect "said" The mayor: the harbour would reopen in May`, `direct "wrote" the council: We have waited long enough for this,`}},
		{"quotation after a noun phrase", "The letter also described the damage the storm had done to the pier: “We lost two boats and every net we owned,” the fishermen wrote.",
			[]string{`indirect "described" The letter: the storm had done to the pier`, `direct "wrote" the fishermen: We lost two boats and every net we owned,`}},
		// Verbs of naming and judging with a small clause (Levin's
		// 29.3 and 29.4), however the parse hangs the second phrase.
		{"dub", "The coach called the referee a liar.",
			[]string{`indirect "called" The coach: the referee a liar`}},
		{"dub under object", "The minister has called the river pollution a crime committed by farmers.",
			[]string{`indirect "called" The minister: the river pollution a crime committed by farmers`}},
		{"declare", "The critics judged the bridge a costly mistake.",
			[]string{`indirect "judged" The critics: the bridge a costly mistake`}},
		{"consider", "The regulators did not consider the farm a serious risk.",
			[]string{`indirect "consider" The regulators: the farm a serious risk`}},
		{"call, no name", "The minister called the ambassador on Tuesday and the police an hour later.", nil},
		// An infinitive right after a cue of wish, intent or liking,
		// whatever the parse hangs it by; a purpose is not one.
		{"infinitive after", "The old farmer loves to fish, and his wife runs the shop.",
			[]string{`indirect "loves" The old farmer: to fish`}},
		{"to comment", "Reached by phone, the governor declined to comment.",
			[]string{`indirect "declined" the governor: to comment`}},
		// "that" after a cue opens its clause, however the parse hangs it
		// and whether or not the tagger found its verb.
		{"that, aside", "The baker quipped that, in her village, bread costs less than water.",
			[]string{`indirect "quipped" The baker: in her village, bread costs less than water`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.in)
			qs, err := quote.Attribute(context.Background(), d, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range qs {
				got = append(got, summary(q))
				checkSpans(t, d.Text, q)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("%s\n got:\n\t%s\nwant:\n\t%s", tt.in, strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// checkSpans checks that a quote's evidence spans lie in the text and say
// what the quote says.
func checkSpans(t *testing.T, s string, q eventwire.Quote) {
	t.Helper()
	in := func(sp text.Span) bool { return sp.Start >= 0 && sp.End >= sp.Start && int(sp.End) <= len(s) }
	for _, sp := range append([]text.Span{q.Span, q.SpeakerSpan, q.Evidence.Cue, q.Evidence.Addressee, q.Evidence.ReportedBy}, q.Evidence.Content...) {
		if !in(sp) {
			t.Fatalf("span %v outside the text (%d bytes)", sp, len(s))
		}
	}
	if got := s[q.Evidence.Cue.Start:q.Evidence.Cue.End]; got != q.Cue {
		t.Errorf("cue span says %q, Cue %q", got, q.Cue)
	}
	if got := s[q.SpeakerSpan.Start:q.SpeakerSpan.End]; got != q.Speaker.Text {
		t.Errorf("speaker span says %q, Speaker.Text %q", got, q.Speaker.Text)
	}
	var parts []string
	for _, c := range q.Evidence.Content {
		parts = append(parts, s[c.Start:c.End])
	}
	if got := strings.Join(parts, " … "); got != q.Text {
		t.Errorf("content spans say %q, Text %q", got, q.Text)
	}
}
