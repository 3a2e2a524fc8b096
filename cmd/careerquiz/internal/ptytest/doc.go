// Package ptytest puts a person in front of a program's terminal, so that
// tests of interactive prompts run where there is no terminal at all, as in
// CI, and still see what a person would.
//
// Run gives the program the terminal side of a fresh pseudo-terminal. What
// the program draws is interpreted by a vt10x screen of Width×Height cells,
// which also answers the program's queries (such as where the cursor is), as
// a real terminal would; go-expect plays the person at the keyboard. Every
// wait is bounded by Timeout, so a broken program fails its test instead of
// hanging it.
//
// The package is for tests only: import it from _test.go files. It works on
// systems with Unix pseudo-terminals; elsewhere it is empty.
package ptytest
