package result

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// Comparison is what moved between two attempts, A (the earlier, as a
// rule) and B. Every change is B's figure minus A's. It is written as it
// is by compare --json.
type Comparison struct {
	A *Attempt `json:"a"`
	B *Attempt `json:"b"`
	// SameBank is true when both attempts answered the same bank, byte for
	// byte. Otherwise the shares are each bank's own, and Changed covers
	// only the questions both banks have.
	SameBank bool `json:"same_bank"`
	// Shared counts the questions both attempts have an answer entry for; OnlyA and OnlyB the others' ids, sorted.
	Shared int           `json:"shared_questions"`
	Paths  []Change      `json:"paths"`
	Themes []ThemeChange `json:"themes"`
	// Changed lists the shared questions answered differently, by id: a
	// result does not record the order of its bank's questions.
	Changed []AnswerChange `json:"changed"`
	OnlyA   []string       `json:"only_a"`
	OnlyB   []string       `json:"only_b"`
}

// Change is one path's share in both attempts. InA and InB say whether the
// attempt has a share for the path: banks can differ, and a theme with no
// answers in an attempt has no shares there.
type Change struct {
	ID, Name       string
	A, B           float64
	InA, InB       bool
	ShownA, ShownB float64 // A and B as a person is shown them (Shown)
}

// ShownDelta is how far the shown share moved: the difference of the
// figures a person reads, so that 90 → 48 is always -42.
func (c Change) ShownDelta() float64 { return c.ShownB - c.ShownA }

// ThemeChange is one theme's shares per path in both attempts.
type ThemeChange struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	AnsweredA int      `json:"answered_a"` // questions answered in the theme, in A and in B
	AnsweredB int      `json:"answered_b"`
	Paths     []Change `json:"paths"`
}

// AnswerChange is one question answered differently. A and B are the
// answers as the documents write them.
type AnswerChange struct {
	Question string          `json:"question"`
	A        json.RawMessage `json:"a"`
	B        json.RawMessage `json:"b"`
}

// Compare works out what moved from a to b. It is pure: both attempts are
// already read.
func Compare(a, b *Attempt) Comparison {
	c := Comparison{A: a, B: b, SameBank: a.Bank.SHA256 == b.Bank.SHA256, Themes: []ThemeChange{},
		Changed: []AnswerChange{}, OnlyA: []string{}, OnlyB: []string{}}
	c.Paths = changes(a.Paths, b.Paths)

	themesA, themesB := themesByID(a), themesByID(b)
	names := map[string]string{}
	for _, p := range c.Paths {
		names[p.ID] = p.Name
	}
	seen := map[string]bool{}
	for _, att := range []*Attempt{a, b} {
		for _, th := range att.Themes {
			if seen[th.ID] {
				continue
			}
			seen[th.ID] = true
			ta, tb := themesA[th.ID], themesB[th.ID]
			tc := ThemeChange{ID: th.ID, Name: th.Name, AnsweredA: ta.Answered, AnsweredB: tb.Answered,
				Paths: changes(themePaths(ta.Paths), themePaths(tb.Paths))}
			if tc.Name == "" {
				tc.Name = tb.Name
			}
			// A result names its paths once, not in every theme.
			for j := range tc.Paths {
				p := &tc.Paths[j]
				p.Name = names[p.ID]
				p.InA, p.InB = p.InA && ta.Answered > 0, p.InB && tb.Answered > 0
			}
			c.Themes = append(c.Themes, tc)
		}
	}

	answersA, answersB := a.answerMap(), b.answerMap()
	for id, va := range answersA {
		vb, ok := answersB[id]
		if !ok {
			c.OnlyA = append(c.OnlyA, id)
			continue
		}
		c.Shared++
		if !sameAnswer(va, vb) {
			c.Changed = append(c.Changed, AnswerChange{Question: id, A: va, B: vb})
		}
	}
	for id := range answersB {
		if _, ok := answersA[id]; !ok {
			c.OnlyB = append(c.OnlyB, id)
		}
	}
	slices.Sort(c.OnlyA)
	slices.Sort(c.OnlyB)
	slices.SortFunc(c.Changed, func(x, y AnswerChange) int { return strings.Compare(x.Question, y.Question) })
	return c
}

// themesByID is a's themes by id, the first of any id given twice.
func themesByID(a *Attempt) map[string]Theme {
	m := make(map[string]Theme, len(a.Themes))
	for _, th := range a.Themes {
		if _, ok := m[th.ID]; !ok {
			m[th.ID] = th
		}
	}
	return m
}

// themePaths are a theme's shares as paths, to be paired as the paths of
// the attempts are.
func themePaths(ps []ThemePath) []Path {
	out := make([]Path, len(ps))
	for i, p := range ps {
		out[i] = Path{ID: p.ID, Share: p.Share}
	}
	return out
}

// changes pairs the paths of a and b by id: a's in its order, then any only
// b has.
func changes(a, b []Path) []Change {
	shownA, shownB := shown(a), shown(b)
	out := []Change{}
	for _, p := range a {
		sb, inB := shownB[p.ID]
		out = append(out, Change{ID: p.ID, Name: p.Name, A: p.Share, InA: true, ShownA: shownA[p.ID].shown,
			B: sb.share, InB: inB, ShownB: sb.shown})
	}
	for _, p := range b {
		if _, inA := shownA[p.ID]; !inA {
			out = append(out, Change{ID: p.ID, Name: p.Name, B: p.Share, InB: true, ShownB: shownB[p.ID].shown})
		}
	}
	return out
}

// shown is each path's share, and the share as a person is shown it
// (Shown), by path id.
func shown(ps []Path) map[string]struct{ share, shown float64 } {
	shares := make([]float64, len(ps))
	for i, p := range ps {
		shares[i] = p.Share
	}
	out := make(map[string]struct{ share, shown float64 }, len(ps))
	for i, s := range Shown(shares) {
		out[ps[i].ID] = struct{ share, shown float64 }{ps[i].Share, s}
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
