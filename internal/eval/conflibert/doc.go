// Package conflibert scores the event coder on the ConfliBERT CAMEO data
// (Hu et al. 2022): English wire-news sentences, each with the PentaClass
// of its main event, and for most of them the words of that event's
// source and target.
//
// # Files
//
// The class file (cameo_class_train.tsv) has one sentence a line, a tab,
// and the PentaClass 0-4 (ReadClasses). A few lines are quoted as CSV
// writes fields: a sentence that starts and ends with a double quote loses
// those quotes and has "" read as ". The tag file (cameo_ner_train.txt) has
// one word a line, a space and a BIO tag — B-S/I-S for the source, B-T/I-T
// for the target, B-R/I-R for a related actor, O — with a blank line
// between sentences (ReadNER).
//
// # Joining the files
//
// The tag file's words come from a tokenizer that splits and rewrites the
// text ("ministerʼs" is "minister 's", "Şahin" is "Sahin"), and
// some of its sentences were edited after the class file was written. Join
// pairs a tagged sentence with class sentences whose Key is the same as the
// key of its words run together. Key keeps letters and digits only, after
// compatibility decomposition (NFKD) and lower-casing, and drops the
// combining marks that the decomposition splits off ("Şahin" and
// "Sahin" are one key) and modifier letters (ʼ U+02BC, which the
// tokenizer writes as '). Spaces and punctuation do not count, so a
// tokenizer's spacing, quote style or a final period added or lost do not
// matter, while an added or removed word does. On the development files
// 937 of the 1,153 tagged sentences have the key of a class sentence (934
// different ones, and 3 that repeat one of them and are not used); the
// data folder's README, with a normalisation it does not give, says 935.
// The other 216 were edited (words added, dropped or changed) and are left
// out. 937 class sentences get chunks (a sentence the class file repeats
// gets them each time), 721 of them both a source and a target chunk.
//
// The words are then placed in the class sentence by characters (Align):
// the i-th kept key character of the words is the i-th of the sentence, so
// each word gets the byte span from its first to its last key character in
// the sentence, whatever the tokenizer did to spacing and punctuation. A
// word is placed by its letters and digits only ("'s" by its s); a word of
// punctuation only gets no span. The spans of a B-X I-X ... run make one
// chunk (Chunks); an I-X without a B-X before it starts one.
//
// # Scores
//
// The PentaClass of a CAMEO code is that of its root, as the Phoenix data
// define it and the file's labels follow: 01-02 → 0 (statements and
// appeals), 03-05 → 1 (verbal cooperation), 06-08 → 2 (material
// cooperation), 09-13 and 16 → 3 (verbal conflict, with reducing
// relations), 14-15 and 17-20 → 4 (material conflict) (PentaClass).
//
// Over all class sentences: coded (some event coded from the sentence),
// class recall (some event has the gold class) and precision (share of
// coded events with the gold class). Over the sentences joined with a
// tagged sentence that has both a source and a target chunk:
// class+source+target recall (some event has the gold class, its evidence
// source span overlaps a gold source chunk and its evidence target span
// overlaps a gold target chunk) and its precision over the events coded
// from those sentences. An actor that is a pronoun or a short reference
// ("Farc has said it will release ...") also overlaps through the mention
// it stands for (its Via span, for the hows pronoun, short-ref, role-ref,
// apposition and quote-speaker), since annotators mark the name; codes
// inferred from a place or the article do not. An event whose actor the
// sentence does not name (no evidence span) does not overlap anything.
//
// The class is that of the sentence's main event; a coder that also codes a
// second real event of the sentence with another class loses precision
// for it, so precision is a lower bound.
package conflibert
