//go:build !race

package main

// slowdown stretches time limits under the race detector (see race_on_test.go).
const slowdown = 1
