package main

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/careerquiz/careerquiz/quiz"
)

// warnOtherBank warns when an answers file is a saved result taken on
// another bank than the one it is replayed on. The answers may still fit
// (the ids can be the same), but the result is not the one that was saved,
// and a person comparing the two should know why.
func warnOtherBank(w io.Writer, b *quiz.Bank, name string, data []byte) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return
	}
	var result struct {
		Bank *struct {
			Title  string `json:"title"`
			SHA256 string `json:"sha256"`
		} `json:"bank"`
	}
	if json.Unmarshal(data, &result) != nil || result.Bank == nil || result.Bank.SHA256 == "" || result.Bank.SHA256 == b.SHA256 {
		return
	}
	warnf(w, "%s was taken on another bank: %q (sha256 %s), not %s %q (sha256 %s)",
		name, result.Bank.Title, short(result.Bank.SHA256), b.File, b.Title, short(b.SHA256))
	hintf(w, "its answers are scored here by question id; replay it with --questions and the bank it was taken on to see the saved result")
}

// short is the start of a SHA-256, enough to tell banks apart by eye.
func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}
