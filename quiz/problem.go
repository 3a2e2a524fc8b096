package quiz

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// Problem is one thing wrong with a bank, placed so that a person can find it.
type Problem struct {
	File     string
	Line     int    // 1-based; 0 when the place is not known
	Question string // the id of the question at fault, or "question 3" before ids are known; empty for the whole bank
	Field    string // the key at fault, such as "options[2].weights"
	Message  string
	Warning  bool // a problem that does not stop the bank from being used
}

// Error renders the problem as
// `questions.toml:57: question "outage": option 3: weight for unknown path "enginer"`.
func (p Problem) Error() string {
	s := p.File
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
	}
	if q := p.Question; strings.HasPrefix(q, "question ") {
		s += ": " + q
	} else if q != "" {
		s += fmt.Sprintf(": question %q", q)
	}
	if p.Field != "" {
		// A field can hold a key as the bank spells it, which must not reach
		// the terminal raw, nor forge a line with a newline: one that is
		// not plain text is quoted.
		s += ": " + termsafe.Name(p.Field)
	}
	return s + ": " + p.Message
}

// Problems is the error Parse returns when a bank breaks rules of meaning:
// every such problem the file has, in file order, so that an author can fix
// them all in one pass.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// sortProblems puts problems in file order, those with no line last.
func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		if a.Line == 0 || b.Line == 0 {
			return cmp.Compare(b.Line, a.Line)
		}
		return cmp.Compare(a.Line, b.Line)
	})
}
