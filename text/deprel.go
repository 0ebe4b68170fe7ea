package text

import "strings"

// DepRel is a dependency relation label: a UD universal relation with an
// optional subtype ("nsubj", "nmod:poss", "obl:tmod"). Labels are kept as
// written so that any treebank round-trips; Base and Universal give the
// normalised views that consumers branch on.
type DepRel string

// The UD v2 universal relations.
const (
	NoDep      DepRel = ""
	Acl        DepRel = "acl"
	Advcl      DepRel = "advcl"
	Advmod     DepRel = "advmod"
	Amod       DepRel = "amod"
	Appos      DepRel = "appos"
	Aux        DepRel = "aux"
	Case       DepRel = "case"
	Cc         DepRel = "cc"
	Ccomp      DepRel = "ccomp"
	Clf        DepRel = "clf"
	Compound   DepRel = "compound"
	Conj       DepRel = "conj"
	Cop        DepRel = "cop"
	Csubj      DepRel = "csubj"
	Dep        DepRel = "dep"
	Det        DepRel = "det"
	Discourse  DepRel = "discourse"
	Dislocated DepRel = "dislocated"
	Expl       DepRel = "expl"
	Fixed      DepRel = "fixed"
	Flat       DepRel = "flat"
	Goeswith   DepRel = "goeswith"
	Iobj       DepRel = "iobj"
	List       DepRel = "list"
	Mark       DepRel = "mark"
	Nmod       DepRel = "nmod"
	Nsubj      DepRel = "nsubj"
	Nummod     DepRel = "nummod"
	Obj        DepRel = "obj"
	Obl        DepRel = "obl"
	Orphan     DepRel = "orphan"
	Parataxis  DepRel = "parataxis"
	Punct      DepRel = "punct"
	Reparandum DepRel = "reparandum"
	Root       DepRel = "root"
	Vocative   DepRel = "vocative"
	Xcomp      DepRel = "xcomp"

	NsubjPass DepRel = "nsubj:pass"
	CsubjPass DepRel = "csubj:pass"
	AuxPass   DepRel = "aux:pass"
	NmodPoss  DepRel = "nmod:poss"
	AclRelcl  DepRel = "acl:relcl"
	CompPrt   DepRel = "compound:prt"
	OblAgent  DepRel = "obl:agent"
)

// Base returns the relation without its subtype: "nmod:poss" gives "nmod".
func (r DepRel) Base() DepRel {
	if i := strings.IndexByte(string(r), ':'); i >= 0 {
		return r[:i]
	}
	return r
}

// Subtype returns the part after the colon, or "".
func (r DepRel) Subtype() string {
	if i := strings.IndexByte(string(r), ':'); i >= 0 {
		return string(r[i+1:])
	}
	return ""
}

// Universal maps UD v1 labels to their v2 equivalents (dobj → obj,
// nsubjpass → nsubj:pass, auxpass → aux:pass, csubjpass → csubj:pass,
// mwe → fixed, name → flat, neg → advmod) and leaves v2 labels alone. UD v1's
// nmod on a predicate is v2's obl; that depends on the head, so the caller
// decides (see IsObliqueLike).
func (r DepRel) Universal() DepRel {
	switch r {
	case "dobj":
		return Obj
	case "nsubjpass":
		return NsubjPass
	case "csubjpass":
		return CsubjPass
	case "auxpass":
		return AuxPass
	case "mwe":
		return Fixed
	case "name":
		return Flat
	case "neg":
		return Advmod
	}
	return r
}

// IsSubject reports nsubj, csubj and their subtypes (v1 passives included).
func (r DepRel) IsSubject() bool {
	b := r.Universal().Base()
	return b == Nsubj || b == Csubj
}

// IsPassiveSubject reports nsubj:pass / csubj:pass and v1 nsubjpass / csubjpass.
func (r DepRel) IsPassiveSubject() bool {
	u := r.Universal()
	return u == NsubjPass || u == CsubjPass
}

// IsObject reports obj (v1 dobj).
func (r DepRel) IsObject() bool { return r.Universal().Base() == Obj }

// IsObliqueLike reports obl and nmod, which v1 used for both.
func (r DepRel) IsObliqueLike() bool {
	b := r.Universal().Base()
	return b == Obl || b == Nmod
}
