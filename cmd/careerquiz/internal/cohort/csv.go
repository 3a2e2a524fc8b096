package cohort

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// CSV writes one row per person, as it comes: the file the result came
// from, the recommended path (empty when none), each path's share, then
// one column per question holding the answer as an answers file would: an
// option number, "1;3" for several, empty when skipped.
type CSV struct {
	w    *csv.Writer
	bank *quiz.Bank
	row  []string
}

// NewCSV writes the header row for bank b and returns the writer.
func NewCSV(w io.Writer, b *quiz.Bank) (*CSV, error) {
	c := &CSV{w: csv.NewWriter(w), bank: b}
	header := []string{"file", "recommendation"}
	for _, p := range b.Paths {
		header = append(header, "share_"+p.ID)
	}
	for i := range b.Questions {
		header = append(header, b.Questions[i].ID)
	}
	c.row = make([]string, len(header))
	return c, c.w.Write(header)
}

// Write adds the row of one person.
func (c *CSV) Write(file string, a quiz.Answers, r scoring.Result) error {
	row := c.row[:0]
	rec := ""
	if r.Recommendation != nil && !r.Recommendation.Tie {
		rec = r.Recommendation.Path
	}
	row = append(row, file, rec)
	for p := range c.bank.Paths {
		cell := ""
		if p < len(r.Paths) {
			cell = strconv.FormatFloat(r.Paths[p].Share, 'f', -1, 64)
		}
		row = append(row, cell)
	}
	for i := range c.bank.Questions {
		var cell strings.Builder
		for j, o := range a[c.bank.Questions[i].ID].Picks {
			if j > 0 {
				cell.WriteByte(';')
			}
			cell.WriteString(strconv.Itoa(o + 1))
		}
		row = append(row, cell.String())
	}
	return c.w.Write(row)
}

// Flush writes out what is buffered and reports any error writing.
func (c *CSV) Flush() error {
	c.w.Flush()
	return c.w.Error()
}
