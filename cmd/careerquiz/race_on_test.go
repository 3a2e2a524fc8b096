//go:build race

package main

// slowdown stretches the time limits of tests that hold a speed the person
// feels: the race detector runs code several times slower, and a limit meant
// for a normal build would then fail on a busy machine for no fault of ours.
const slowdown = 10
