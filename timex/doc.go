// Package timex finds date expressions in news text and normalises them to
// calendar values against a reference date, the article's publication date.
//
// An expression is absolute ("23 December 2016", "Dec. 23", "2016-12-23",
// "in 2019", "in March"), deictic ("today", "yesterday", "last night",
// "last week", "next month", "earlier this year", "two weeks ago"), a
// weekday ("on Wednesday", "last Friday", "Monday morning") or anchored to
// the date an earlier expression gave ("the next day", "three days later").
// Its value is written as a TIMEX3 value of one of four granularities: a
// day ("2016-12-21"), an ISO week ("2016-W51"), a month ("2016-12") or a
// year ("2016"). Every Expr carries its byte span in the text, its value,
// its granularity and How it was resolved, so a wrong date shows which
// rule gave it.
//
// What the reference date does not say, the tense does: "on Wednesday" is
// the last Wednesday on or before the reference in a clause in the past
// tense, the next one on or after it in the future ("will meet",
// "is scheduled"); "last Wednesday" and "next Wednesday" are strictly
// before and after it. A month or day given without its year takes the
// year that puts it on the same side of the reference. The simple
// present and "could" say nothing (news seldom places an act with them,
// and taggers take participles for present verbs); with nothing to go
// on, the past, as news is mostly about what happened. FindDoc
// reads the tense from the dependency tree of a parsed text.Doc (the verb
// an expression attaches to, its Tense feature and its auxiliaries); Find
// works on raw text and reads it from the words nearby.
//
// Choices worth knowing:
//   - A date that is not in the calendar ("31 February", "April 31") is
//     not a date: nothing is returned for it, not a clamped day.
//   - Numeric dates with slashes are read only when unambiguous: a
//     year first ("2016/12/23") or a day above 12 ("23/12/2016",
//     "12/23/2016"); "05/06/2016" is skipped.
//   - "N weeks ago" is a week, "N months ago" a month: the granularity of
//     the unit. "Later" and "earlier" count from the last day an earlier
//     expression gave ("three days later"), else from the reference.
//   - Expressions that bound a span rather than place an act ("since 2015",
//     "until March", "by Friday") are returned with Mod set.
//
// Both finders run in time linear in the text and never panic on input.
package timex
