// Package geo resolves place names against a gazetteer.
//
// The Gazetteer is GeoNames, compacted (gazetteer/geonames.tsv.gz, made by
// go generate from the project's data folder; CC BY 4.0, see Attribution):
// about 59,000 populated places (cities over 15,000 people, places over
// 5,000, capitals) with their ASCII alternate names, the countries with
// their ISO codes and capitals, the first- and second-level divisions, and
// the continents (with their GeoNames ids), plus eventwire's own tables of
// country points, aliases ("U.S.", "Britain"; division abbreviations,
// "Ky.", and those that name a division only after a place and a comma,
// "KY", "Man.") and demonyms ("Syrian", "African"). Default loads it in
// a few tenths of a second.
//
// Resolve finds the place mentions of a parsed Doc — names (proper-noun
// sequences matched against the gazetteer, longest first, not the head of
// a longer name, "the Gulf of Oman", nor a person's first name, "Georgia
// Stevens"), demonyms used as places ("in Syrian territory"), descriptions
// ("the Kazakh capital", "the Syrian city of Tartus"), qualified names
// ("Paris, Texas", "Glasgow, Ky."; a name the gazetteer lacks before a
// division, "in Beaver, West Virginia", is a place of that division) — and
// resolves each in the article's context: the countries and divisions its
// other names give (a name is never its own context), the divisions where
// several names may lie together, its dateline, each candidate's kind and
// population. Every Place says in Evidence what decided it. ResolveSpans
// resolves given spans (evaluation on gold spans), demonyms among them.
//
// Locate gives coded events a location: a place in the event's own clause,
// else in its sentence, else the last place the article put something in.
package geo
