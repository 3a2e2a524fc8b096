package main

import (
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/quiz"
)

// warnOtherBank warns when an answers file is a saved result taken on
// another bank than the one it is replayed on. The answers may still fit
// (the ids can be the same), but the result is not the one that was saved,
// and a person comparing the two should know why.
func warnOtherBank(m cli.Messages, b *quiz.Bank, name string, data []byte) {
	taken := result.BankOf(data)
	if taken == nil || taken.SHA256 == b.SHA256 {
		return
	}
	m.Warn("%s was taken on another bank: %q (sha256 %s), not %s %q (sha256 %s)",
		name, taken.Title, result.Digest(taken.SHA256), b.File, b.Title, result.Digest(b.SHA256))
	m.Hint("its answers are scored here by question id; replay it with --questions and the bank it was taken on to see the saved result")
}
