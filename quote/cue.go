package quote

// cueKind says how a cue reports what was said.
type cueKind uint8

const (
	speech cueKind = 1 + iota // say, tell, warn: direct or indirect speech
	belief                    // think, believe: indirect only
	stance                    // criticize, call for: indirect only, a clause or a noun phrase
)

// stances are the verbs whose object or prepositional phrase says what
// their subject said or stood for: "criticized the move", "called for a
// ceasefire"; the speech verbs take them too ("denied the report").
var stances = []string{"criticize", "criticise", "condemn", "praise", "attack", "propose", "support", "oppose",
	"endorse", "discuss", "talk", "speak", "question", "cite", "welcome", "reject", "blame", "defend", "dismiss",
	"slam", "blast", "hammer", "recommend", "reiterate", "signal", "indicate", "estimate", "forecast", "decline",
	"refuse", "plan", "dispute", "agree", "label", "brand", "dub", "characterize", "characterise", "laud", "challenge", "mock", "applaud", "decry", "denounce", "protest", "demand", "request",
	"advocate", "tout", "highlight", "point", "refer", "describe", "liken", "compare", "acknowledge",
	// Verbs of judging (Levin's class 33) and of speaking about a topic.
	"applaud", "censure", "commend", "compliment", "fault", "lambaste", "lambast", "rebuke",
	"ridicule", "scold", "excoriate", "chastise", "berate", "castigate", "assail", "deride", "disparage",
	"belittle", "extol", "salute", "bemoan", "deplore", "downplay", "grill", "rail", "reference", "echo",
	"repeat", "recite", "underscore", "outline", "unveil", "champion", "embrace", "tout",
	// Verbs of liking and disliking (Levin's class 31.2, admire verbs):
	// "loves the old school", "likes to sing", "so admires that".
	"admire", "adore", "cherish", "despise", "detest", "dislike", "hate", "like", "loathe", "love", "respect",
	// Verbs of taking a stand on a measure by a vote or a veto: "voted
	// against the bill", "approved a bill", "vetoed the law".
	"vote", "approve", "veto", "override", "sponsor", "block", "ratify",
	// Verbs of agreeing and disagreeing with someone (of Levin's 36.1
	// correspond verbs): "disagrees with her predecessor", "agreed
	// with the referee about the penalty".
	"disagree", "concur", "dissent",
	// Verbs of indicating (Levin's class 78): what a report, a record or
	// a video shows is its content ("the video shows a guard pushing a
	// reporter", "the figures reflect a slowdown"). Not "prove", whose "to
	// be" raises ("the plan proved to be a failure").
	"demonstrate", "reflect", "illustrate", "underline", "substantiate"}

// withVerbs are the stances whose "with" phrase says whom their subject
// (dis)agrees with: a stance of its own.
var withVerbs = map[string]bool{"agree": true, "disagree": true, "concur": true, "dissent": true}

func init() {
	for _, v := range stances {
		if cues[v] == 0 {
			cues[v] = stance
		}
	}
}

// npSpeech are the speech verbs that also take a noun phrase for what
// was said: "denied the report", "called for a ceasefire".
var npSpeech = map[string]bool{"deny": true, "announce": true, "claim": true, "confirm": true,
	"reveal": true, "acknowledge": true, "admit": true, "call": true, "demand": true, "ask": true, "accuse": true,
	"warn": true, "threaten": true, "promise": true, "pledge": true, "disclose": true, "tweet": true, "hail": true,
	"describe": true, "comment": true, "complain": true, "insist": true, "urge": true,
	"note": true, "suggest": true, "show": true,
	// Verbs of manner of speaking (Levin's 37.3) name what was
	// shouted: "shouting insults", "chanting slogans".
	"shout": true, "yell": true, "scream": true, "chant": true, "whisper": true, "mutter": true,
	"mumble": true, "murmur": true, "holler": true, "bellow": true, "shriek": true, "declare": true, "mention": true, "predict": true, "seek": true, "vow": true}

// stancePreps are the prepositions that introduce what a stance verb is
// about: "called for", "commented on", "talked about", "warned against".
var stancePreps = map[string]bool{"for": true, "on": true, "about": true, "against": true, "over": true, "of": true}

// timeWords head the prepositional phrases that say when, not what: "on
// Thursday", "over the weekend".
var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "day": true, "week": true, "weekend": true, "month": true, "year": true,
	"morning": true, "afternoon": true, "evening": true, "night": true, "time": true, "occasion": true, "past": true}

// cues are the lemmas of the verbs that report speech or thought.
var cues = map[string]cueKind{
	"say": speech, "tell": speech, "add": speech, "warn": speech, "accuse": speech, "insist": speech,
	"claim": speech, "deny": speech, "announce": speech, "state": speech, "declare": speech,
	"explain": speech, "note": speech, "argue": speech, "suggest": speech, "stress": speech,
	"report": speech, "write": speech, "reply": speech, "respond": speech, "ask": speech,
	"urge": speech, "acknowledge": speech, "admit": speech, "confirm": speech, "reveal": speech,
	"predict": speech, "vow": speech, "promise": speech, "threaten": speech, "complain": speech,
	"recall": speech, "tweet": speech, "continue": speech, "conclude": speech,
	"emphasize": speech, "emphasise": speech, "assert": speech, "allege": speech, "maintain": speech,
	"contend": speech, "caution": speech, "observe": speech, "remark": speech, "comment": speech,
	"testify": speech, "mention": speech, "assure": speech, "inform": speech, "disclose": speech,
	"concede": speech, "boast": speech, "joke": speech, "quip": speech, "shout": speech,
	"yell": speech, "demand": speech, "charge": speech, "counter": speech, "retort": speech,
	"chant": speech, "scream": speech, "read": speech, "type": speech,
	"whisper": speech, "mutter": speech, "mumble": speech, "murmur": speech, "holler": speech,
	"bellow": speech, "shriek": speech, "grumble": speech,
	"lament": speech, "plead": speech, "pledge": speech, "proclaim": speech,
	"call": speech, "describe": speech, "hail": speech, "predicted": speech, "acknowledged": speech,
	"believe": belief, "think": belief, "expect": belief, "hope": belief, "fear": belief,
	"worry": belief, "doubt": belief, "feel": belief, "know": belief, "find": belief, "show": belief,
	"consider": belief, "suspect": belief, "wonder": belief,
}

// wishCues report what their subject hopes or means to do by an
// infinitive: "hopes to offset", "seeks to end", "expects to win".
// With them the verbs of wanting and longing (Levin's classes 32.1 and
// 32.2): "wants to cut the tax", "longs to go home".
var wishCues = map[string]bool{"hope": true, "expect": true, "seek": true, "aim": true, "intend": true,
	"plan": true, "wish": true, "want": true, "desire": true, "prefer": true, "crave": true, "long": true,
	"yearn": true}

func init() {
	for v := range wishCues {
		if cues[v] == 0 {
			cues[v] = belief
		}
	}
}

// toldVerbs name whom they address by their object: "told Assad that".
var toldVerbs = map[string]bool{"tell": true, "assure": true, "inform": true, "warn": true, "remind": true,
	"urge": true, "ask": true, "promise": true, "advise": true}

// intentCues take an infinitive as what was said: "vowed to fight".
var intentCues = map[string]bool{"vow": true, "promise": true, "threaten": true, "pledge": true, "urge": true,
	"ask": true, "warn": true, "demand": true}

// statementRoots are the CAMEO roots of statement events: public
// statements, appeals, demands, disapproval, rejection, threats (01-02,
// 10-13).
var statementRoots = map[string]bool{"01": true, "02": true, "10": true, "11": true, "12": true, "13": true}
