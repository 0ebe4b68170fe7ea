// Package geo resolves place names against a gazetteer.
//
// The Gazetteer is GeoNames, compacted (gazetteer/geonames.tsv.gz, made by
// go generate from the project's data folder; CC BY 4.0, see Attribution):
// about 59,000 populated places (cities over 15,000 people, places over
// 5,000, capitals) with their ASCII alternate names, the countries with
// their ISO codes and capitals, the first-level divisions, and the
// continents, plus eventwire's own tables of country points, aliases
// ("U.S.", "Britain") and demonyms ("Syrian"). Default loads it in about a
// tenth of a second.
//
// Resolve finds the place mentions of a parsed Doc — names (proper-noun
// sequences matched against the gazetteer, longest first), demonyms used as
// places ("in Syrian territory"), descriptions ("the Kazakh capital", "the
// Syrian city of Tartus") — and resolves each in the article's context:
// the countries and divisions it names, its dateline, each candidate's
// kind and population. Every Place says in Evidence what decided it.
//
// Locate gives coded events a location: a place in the event's own clause,
// else in its sentence, else the last place the article put something in.
package geo
