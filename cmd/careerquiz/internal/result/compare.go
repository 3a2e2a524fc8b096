package result

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// Comparison is what moved between two attempts, A (the earlier, as a
// rule) and B. Every change is B's figure minus A's.
type Comparison struct {
	A, B *Attempt
	// SameBank is true when both attempts answered the same bank, byte for
	// byte. Otherwise the shares are each bank's own, and Changed covers
	// only the questions both banks have.
	SameBank bool
	Paths    []Change
	Themes   []ThemeChange
	// Shared is the number of questions both attempts have an answer
	// entry for; OnlyA and OnlyB are the ids of the others, sorted.
	Shared       int
	OnlyA, OnlyB []string
	// Changed lists the shared questions answered differently, by id: a
	// result does not record the order of its bank's questions.
	Changed []AnswerChange
}

// Change is one path's share in both attempts. InA and InB say whether the
// attempt has the path at all: banks can differ.
type Change struct {
	ID, Name string
	A, B     float64
	InA, InB bool
	// ShownA and ShownB are A and B as a person is shown them: whole
	// numbers that add up to 100 over each attempt's paths (RoundShares).
	ShownA, ShownB float64
}

// Delta is how far the share moved, in points.
func (c Change) Delta() float64 { return c.B - c.A }

// ShownDelta is how far the shown share moved: the difference of the
// figures a person reads, so that 90 → 48 is always -42.
func (c Change) ShownDelta() float64 { return c.ShownB - c.ShownA }

// ThemeChange is one theme's shares per path in both attempts.
type ThemeChange struct {
	ID, Name string
	// AnsweredA and AnsweredB count the questions answered in the theme;
	// a theme with none in an attempt has no shares there.
	AnsweredA, AnsweredB int
	InA, InB             bool
	Paths                []Change
}

// AnswerChange is one question answered differently. A and B are the
// answers as the documents write them.
type AnswerChange struct {
	Question string
	A, B     json.RawMessage
}

// Compare works out what moved from a to b. It is pure: both attempts are
// already read.
func Compare(a, b *Attempt) Comparison {
	c := Comparison{A: a, B: b, SameBank: a.Bank.SHA256 == b.Bank.SHA256}
	c.Paths = changes(a.Paths, b.Paths)

	seen := map[string]bool{}
	for _, att := range []*Attempt{a, b} {
		for _, th := range att.Themes {
			if !seen[th.ID] {
				seen[th.ID] = true
				c.Themes = append(c.Themes, ThemeChange{ID: th.ID, Name: th.Name})
			}
		}
	}
	for i := range c.Themes {
		tc := &c.Themes[i]
		ta, inA := theme(a, tc.ID)
		tb, inB := theme(b, tc.ID)
		tc.InA, tc.InB = inA, inB
		tc.AnsweredA, tc.AnsweredB = ta.Answered, tb.Answered
		if tc.Name == "" {
			tc.Name = tb.Name
		}
		tc.Paths = changes(ta.Paths, tb.Paths)
		// A result names its paths once, not in every theme.
		for j := range tc.Paths {
			for _, p := range c.Paths {
				if p.ID == tc.Paths[j].ID && tc.Paths[j].Name == "" {
					tc.Paths[j].Name = p.Name
				}
			}
		}
	}

	for id, va := range a.Answers {
		vb, ok := b.Answers[id]
		if !ok {
			c.OnlyA = append(c.OnlyA, id)
			continue
		}
		c.Shared++
		if !sameAnswer(va, vb) {
			c.Changed = append(c.Changed, AnswerChange{Question: id, A: va, B: vb})
		}
	}
	for id := range b.Answers {
		if _, ok := a.Answers[id]; !ok {
			c.OnlyB = append(c.OnlyB, id)
		}
	}
	slices.Sort(c.OnlyA)
	slices.Sort(c.OnlyB)
	slices.SortFunc(c.Changed, func(x, y AnswerChange) int { return strings.Compare(x.Question, y.Question) })
	return c
}

func theme(a *Attempt, id string) (Theme, bool) {
	for _, th := range a.Themes {
		if th.ID == id {
			return th, true
		}
	}
	return Theme{}, false
}

// changes pairs the paths of a and b by id: a's in its order, then any only
// b has.
func changes(a, b []Path) []Change {
	var out []Change
	shownA, shownB := shown(a), shown(b)
	for _, p := range a {
		c := Change{ID: p.ID, Name: p.Name, A: *p.Share, InA: true, ShownA: shownA[p.ID]}
		c.B, c.InB = shareOf(b, p.ID)
		c.ShownB = shownB[p.ID]
		out = append(out, c)
	}
	for _, p := range b {
		if _, ok := shareOf(a, p.ID); !ok {
			out = append(out, Change{ID: p.ID, Name: p.Name, B: *p.Share, InB: true, ShownB: shownB[p.ID]})
		}
	}
	return out
}

// shown is each path's share as a whole number, the numbers adding up to
// 100, by path id.
func shown(paths []Path) map[string]float64 {
	shares := make([]float64, len(paths))
	for i, p := range paths {
		shares[i] = *p.Share
	}
	out := map[string]float64{}
	for i, s := range RoundShares(shares, 0) {
		out[paths[i].ID] = s
	}
	return out
}

// sameAnswer compares two answers as values: a list of picks is the same
// in any order.
func sameAnswer(a, b json.RawMessage) bool {
	if bytes.Equal(a, b) {
		return true
	}
	var la, lb []json.Number
	if json.Unmarshal(a, &la) != nil || json.Unmarshal(b, &lb) != nil {
		return false
	}
	slices.Sort(la)
	slices.Sort(lb)
	return slices.Equal(la, lb)
}
