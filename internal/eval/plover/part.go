package plover

import "crypto/sha256"

// The two halves of a gold file (see the package doc).
const (
	PartTune  = "tune"  // may be used to fit a learned component
	PartCheck = "check" // held out: the figure to report for such a component
)

// Part returns the half of the gold file a record belongs to, PartTune or
// PartCheck: PartTune when the lowest bit of the first byte of
// SHA-256(id) is 0. It depends on the id alone, so training code and the
// scorer cut any version of the file the same way.
func Part(id string) string {
	if sum := sha256.Sum256([]byte(id)); sum[0]&1 == 0 {
		return PartTune
	}
	return PartCheck
}
