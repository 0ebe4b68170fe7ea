//go:build race

package main

// raceEnabled: the tests run under the race detector, where every step is
// several times slower; tests that measure at scale use a smaller scale.
const raceEnabled = true
