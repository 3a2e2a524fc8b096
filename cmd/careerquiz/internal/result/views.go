package result

import "math"

// Entry is one attempt in history --json and compare --json: where it was
// read from, when it was taken, and its verdict and shares.
type Entry struct {
	// Number is the attempt's place in history, 1 for the newest; left
	// out for a result file named on the command line.
	Number         int           `json:"number,omitempty"`
	File           string        `json:"file"`
	Taken          *string       `json:"taken"`
	Bank           Bank          `json:"bank"`
	Recommendation *EntryVerdict `json:"recommendation"`
	Paths          []EntryPath   `json:"paths"`
}

type EntryVerdict struct {
	Path     string `json:"path"`
	Name     string `json:"name"`
	Strength string `json:"strength"`
}

type EntryPath struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Share float64 `json:"share"`
}

// Entry is a as history --json lists it.
func (a *Attempt) Entry() Entry {
	j := Entry{Number: a.Number, File: a.File, Bank: a.Bank, Paths: make([]EntryPath, 0, len(a.Paths))}
	if !a.Taken.IsZero() {
		t := a.Taken.UTC().Format(TimeFormat)
		j.Taken = &t
	}
	if r := a.Recommendation; r != nil {
		j.Recommendation = &EntryVerdict{Path: r.Path, Name: r.Name, Strength: string(r.Strength)}
	}
	for _, p := range a.Paths {
		j.Paths = append(j.Paths, EntryPath{ID: p.ID, Name: p.Name, Share: round1(p.Share)})
	}
	return j
}

// ComparisonDoc is compare --json. Every figure is B's minus A's; a figure
// an attempt does not have (a path its bank lacks, a theme it answered
// nothing in) is null.
type ComparisonDoc struct {
	A               Entry          `json:"a"`
	B               Entry          `json:"b"`
	SameBank        bool           `json:"same_bank"`
	SharedQuestions int            `json:"shared_questions"`
	Paths           []ChangeDoc    `json:"paths"`
	Themes          []ThemeDoc     `json:"themes"`
	Changed         []AnswerChange `json:"changed"`
	OnlyA           []string       `json:"only_a"`
	OnlyB           []string       `json:"only_b"`
}

type ChangeDoc struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	A      *float64 `json:"a"`
	B      *float64 `json:"b"`
	Change *float64 `json:"change"`
}

type ThemeDoc struct {
	ID        string      `json:"id"`
	Name      string      `json:"name"`
	AnsweredA int         `json:"answered_a"`
	AnsweredB int         `json:"answered_b"`
	Paths     []ChangeDoc `json:"paths"`
}

// Doc is c as compare --json writes it.
func (c Comparison) Doc() ComparisonDoc {
	j := ComparisonDoc{
		A:               c.A.Entry(),
		B:               c.B.Entry(),
		SameBank:        c.SameBank,
		SharedQuestions: c.Shared,
		Paths:           make([]ChangeDoc, 0, len(c.Paths)),
		Themes:          make([]ThemeDoc, 0, len(c.Themes)),
		Changed:         append([]AnswerChange{}, c.Changed...),
		OnlyA:           append([]string{}, c.OnlyA...),
		OnlyB:           append([]string{}, c.OnlyB...),
	}
	for _, p := range c.Paths {
		j.Paths = append(j.Paths, p.doc(true, true))
	}
	for _, th := range c.Themes {
		tj := ThemeDoc{ID: th.ID, Name: th.Name, AnsweredA: th.AnsweredA, AnsweredB: th.AnsweredB, Paths: make([]ChangeDoc, 0, len(th.Paths))}
		for _, p := range th.Paths {
			tj.Paths = append(tj.Paths, p.doc(th.AnsweredA > 0, th.AnsweredB > 0))
		}
		j.Themes = append(j.Themes, tj)
	}
	return j
}

func (p Change) doc(hasA, hasB bool) ChangeDoc {
	j := ChangeDoc{ID: p.ID, Name: p.Name}
	if p.InA && hasA {
		a := round1(p.A)
		j.A = &a
	}
	if p.InB && hasB {
		b := round1(p.B)
		j.B = &b
	}
	if j.A != nil && j.B != nil {
		// From the rounded figures, so that the document adds up.
		d := round1(*j.B - *j.A)
		j.Change = &d
	}
	return j
}

// round1 rounds to one decimal, as the result document does its figures.
func round1(x float64) float64 {
	r := math.Round(x*10) / 10
	if r == 0 || math.IsNaN(r) || math.IsInf(r, 0) {
		return 0
	}
	return r
}
