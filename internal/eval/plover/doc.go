// Package plover scores the event coder against a PLOVER gold-standard
// record file (the Open Event Data Alliance's PLOVER_GSR files, version
// 0.5b1): each record is one news sentence coded by hand with one event —
// source actors, target actors and a PLOVER category.
//
// The package reads the file (Read), cuts it into two fixed halves (Part),
// and compares the events coded from each sentence with its gold event
// (ScoreRecord, Summarize). It does no parsing or coding itself:
// cmd/eventwire wires the parser and the coder and hands it the events.
//
// # Categories
//
// The file names categories as PLOVER 0.5b1 did. Four were renamed by the
// 2021 PLOVER manual and its CAMEO→PLOVER crosswalk, which is where
// eventwire's categories come from (package cameo): DEMAND→REQUEST,
// DISAPPROVE→ACCUSE, FIGHT→ASSAULT, INVESTIGATE→ACCUSE. Category maps them;
// every comparison uses the 2021 names.
//
// # Matching
//
// Actors are compared by country, not by full code: Country keeps the
// Head of cameo.SplitActor ("RUSGOV" → "RUS") and, for an international
// code, its first part as well ("IGOUNOHCR" → "IGOUNO"). The gold file
// often writes a bare international code ("IGO" for the United Nations, the
// Red Cross or the OSCE); a bare gold code matches any coded country with
// the same head ("IGO" matches "IGOUNO"). A republic that the Phoenix
// dictionaries write under a dissolved federation's code (SCGSRB for
// Serbia, SCGMNE, FRYKSV) is its own country (SRB, as the gold writes
// Serbia). Three gold codes that are not
// country codes are read as the country they misspell (JAP→JPN, VTN→VNM,
// ITL→ITA; see GoldAliases).
//
// An event is right for its record when its category is the record's
// (mapped) category and its source country is among the gold sources'
// countries; when the gold has no source at all, the category alone
// decides. A record is hit when some event coded from its sentence is
// right, and hit strictly when, in addition, that event's target country is
// among the gold targets' countries (records whose gold has no target need
// no target).
//
// # Scores
//
// Recall is the share of records hit; strict recall the share hit
// strictly; precision the share of coded events that are right; F1 the
// harmonic mean of precision and recall. Events whose CAMEO code has no
// PLOVER equivalent (roots 01 and 02 in the crosswalk) can never be right;
// MappedPrecision leaves them out. Recall is also given per gold category,
// with the share of records for which nothing at all was coded.
//
// Precision understates a coder that finds correct extra events. Each
// sentence was chosen to illustrate one event and only that event is
// annotated: another real event of the same sentence ("X said ..." beside
// "X attacked Y") counts as wrong. Recall is exact; precision is a lower
// bound, useful to compare coders, not as an absolute figure.
//
// # Parts
//
// A learned scorer may be trained on part of the file; its figure must
// then be read on the other part. Part cuts the file by record id into two
// halves that do not depend on the file's order or size: a record is in
// "tune" when the lowest bit of the first byte of SHA-256(id) is 0, and in
// "check" when it is 1. (The lowest bit of an FNV-1a hash was tried first:
// it is the parity of the id bytes' lowest bits, so ids such as
// "…-SANCTION-0001", "…-SANCTION-0003" all fell on one side.) On the
// 163-record development file the cut gives 78 tune and 85 check records,
// and every category has records on both sides.
package plover
