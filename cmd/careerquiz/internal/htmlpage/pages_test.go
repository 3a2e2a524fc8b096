package htmlpage

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/careerquiz/careerquiz/scoring"
)

// page is one of the three pages, made from the built-in bank and the
// fixtures: the pages the golden files hold and .ci/browser looks at.
type pageCase struct {
	name  string
	write func(t *testing.T) []byte
}

func pageCases() []pageCase {
	return []pageCase{
		{"result", func(t *testing.T) []byte {
			b := builtinBank(t)
			var buf bytes.Buffer
			if err := WriteResult(&buf, resultJSON(t, run(b, answerSets[0], 1)), ResultOptions{Taken: taken}); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}},
		{"history", func(t *testing.T) []byte {
			var buf bytes.Buffer
			if err := WriteHistory(&buf, historyFixture()); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}},
		{"cohort", func(t *testing.T) []byte {
			b := builtinBank(t)
			var buf bytes.Buffer
			if err := WriteCohort(&buf, cohortReport(b, 120), CohortOptions{Slight: scoring.NewScorer(b).Bands().Slight}); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}},
	}
}

// TestWritePages writes the three pages into the folder -pages names, for a
// person or a browser to look at (.ci/browser does); without -pages it does
// nothing.
func TestWritePages(t *testing.T) {
	if *pagesTo == "" {
		t.Skip("no -pages folder")
	}
	for _, pc := range pageCases() {
		writeFile(t, filepath.Join(*pagesTo, pc.name+".html"), pc.write(t))
	}
}
