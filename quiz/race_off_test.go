//go:build !race

package quiz_test

// slowdown stretches time limits under the race detector (see race_on_test.go).
const slowdown = 1
