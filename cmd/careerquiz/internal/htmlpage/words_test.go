package htmlpage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cohort"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/report"
	"github.com/careerquiz/careerquiz/scoring"
)

// TestResultWordsAreTheTextReports holds every sentence the result page
// words itself to the text report of the same answers: the page says
// nothing the text report does not, in the same words.
func TestResultWordsAreTheTextReports(t *testing.T) {
	b := builtinBank(t)
	seen := map[string]bool{}
	for _, s := range answerSets {
		for seed := range uint64(4) {
			t.Run(fmt.Sprintf("%s/%d", s.name, seed), func(t *testing.T) {
				r := run(b, s, seed)
				var txt bytes.Buffer
				if err := report.WriteText(&txt, r, report.TextOptions{Width: 100000}); err != nil {
					t.Fatal(err)
				}
				textReport := oneSpace(txt.String())
				var d resultDoc
				if err := json.Unmarshal(resultJSON(t, r), &d); err != nil {
					t.Fatal(err)
				}
				v := newResultView(&d, taken)
				sentences := append([]string{v.Headline, v.Basis, v.TowardTitle, v.AgainstTitle}, v.Notes...)
				sentences = append(sentences, v.Warnings...)
				sentences = append(sentences, v.OtherSteps...)
				if v.Confidence != nil {
					sentences = append(sentences, v.Confidence.Text)
				}
				// The text report lists the first five steps.
				for _, st := range v.Steps[:min(5, len(v.Steps))] {
					sentences = append(sentences, st.Text, st.Why)
				}
				for _, sn := range sentences {
					if sn == "" {
						continue
					}
					seen[sn] = true
					if !strings.Contains(textReport, oneSpace(sn)) {
						t.Errorf("the page says %q, which the text report does not:\n%s", sn, txt.String())
					}
				}
			})
		}
	}
	// The answer sets reach every wording of the confidence and the lean.
	for _, want := range []string{"almost certainly", "very likely", "could as easily get another path", "A clear preference", "A slight preference", "Balanced: no clear preference", "No questions answered", "Based on 1"} {
		found := false
		for sn := range seen {
			found = found || strings.Contains(sn, want)
		}
		if !found {
			t.Errorf("no answer set gives %q", want)
		}
	}
}

// TestCohortWordsAreTheTextViews holds the cohort page's sentences to the
// text view of the same report.
func TestCohortWordsAreTheTextViews(t *testing.T) {
	b := builtinBank(t)
	for _, n := range []int{3, 40, 120} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			r := cohortReport(b, n)
			var txt bytes.Buffer
			if err := cohort.WriteText(&txt, r, false); err != nil {
				t.Fatal(err)
			}
			textView := oneSpace(txt.String())
			v := newCohortView(r, CohortOptions{Slight: scoring.NewScorer(b).Bands().Slight})
			heading := strings.NewReplacer("“", `"`, "”", `"`).Replace(v.Heading)
			sentences := []string{heading, v.Complete, v.Alpha, v.Bracketed, v.FlagsLead}
			for _, l := range v.Leaned {
				sentences = append(sentences, l.Labels)
			}
			for _, h := range v.Histograms {
				sentences = append(sentences, h.Title)
			}
			for _, f := range v.Flags {
				sentences = append(sentences, f.Question+": "+f.Message, f.Try)
			}
			for _, sn := range sentences {
				if sn != "" && !strings.Contains(textView, oneSpace(sn)) {
					t.Errorf("the page says %q, which the text view does not:\n%s", sn, txt.String())
				}
			}
		})
	}
}
