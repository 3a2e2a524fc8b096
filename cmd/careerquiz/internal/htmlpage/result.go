package htmlpage

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/careerquiz/careerquiz/scoring"
)

// resultDoc is what the result page reads of a JSON result
// (result.schema.json): the page is drawn from the document a program
// would read, so that both show the same figures.
type resultDoc struct {
	Taken *time.Time `json:"taken"`
	Bank  struct {
		Title     string `json:"title"`
		Questions int    `json:"questions"`
	} `json:"bank"`
	Recommendation *struct {
		Path     string           `json:"path"`
		Name     string           `json:"name"`
		Strength scoring.Strength `json:"strength"`
		RunnerUp string           `json:"runner_up"`
		Tie      bool             `json:"tie"`
	} `json:"recommendation"`
	Reason     string  `json:"reason"`
	Answered   int     `json:"answered"`
	Skipped    int     `json:"skipped"`
	Confidence float64 `json:"confidence"`
	Bands      struct {
		Slight float64 `json:"slight"`
	} `json:"bands"`
	Warnings []struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"warnings"`
	Paths []struct {
		ID    string  `json:"id"`
		Name  string  `json:"name"`
		Share float64 `json:"share"`
	} `json:"paths"`
	Themes []struct {
		Name     string `json:"name"`
		Answered int    `json:"answered"`
		Paths    []struct {
			ID    string  `json:"id"`
			Share float64 `json:"share"`
		} `json:"paths"`
	} `json:"themes"`
	Reasons struct {
		Toward  []reasonDoc `json:"toward"`
		Against *reasonDoc  `json:"against"`
	} `json:"reasons"`
	Steps      []stepDoc `json:"steps"`
	OtherSteps []stepDoc `json:"other_steps"`
	StepsDone  []stepDoc `json:"steps_done"`
	Salary     []string  `json:"salary"`
	Others     []struct {
		ID      string `json:"id"`
		Name    string `json:"name"`
		Summary string `json:"summary"`
	} `json:"others"`
	Order struct {
		Shuffled bool   `json:"shuffled"`
		Seed     *int64 `json:"seed"`
	} `json:"order"`
}

type reasonDoc struct {
	Text   string  `json:"text"`
	Answer string  `json:"answer"`
	Points float64 `json:"points"`
}

type stepDoc struct {
	Kind scoring.StepKind `json:"kind"`
	Path string           `json:"path"`
	Text string           `json:"text"`
	Why  string           `json:"why"`
}

// ResultOptions say what the result document does not.
type ResultOptions struct {
	// Taken is when the quiz was finished, for a document that does not
	// say (one printed by --json); a kept result's own "taken" wins.
	// Zero leaves the date out.
	Taken time.Time
}

// WriteResult writes the page of one result, from its JSON document (as
// WriteJSON of the report package writes it, or as a kept result holds it):
// the verdict in words, the split between the paths with the balanced band,
// the confidence in words and as a natural frequency, each theme, the
// reasons, the steps with their reasons, the warnings, pay, and the date
// taken and the bank's title. On error nothing is written.
func WriteResult(w io.Writer, doc []byte, o ResultOptions) error {
	var d resultDoc
	if err := json.Unmarshal(doc, &d); err != nil {
		return fmt.Errorf("htmlpage: read result: %w", err)
	}
	taken := o.Taken
	if d.Taken != nil {
		taken = *d.Taken
	}
	return write(w, "result", newResultView(&d, taken))
}

// resultView is the result page, worded and laid out.
type resultView struct {
	Title, Headline string
	Kicker          string
	Notes           []string
	Confidence      *frequency
	Basis           string
	Warnings        []string
	Split           *split
	Themes          []themeRow
	Paths           []legendEntry
	TowardTitle     string
	Toward          []reasonRow
	AgainstTitle    string
	Against         *reasonRow
	StepsTitle      string
	Steps           []stepRow
	Done            []stepRow
	OtherSteps      []string
	Salary          []string
	OthersTitle     string
	Others          []otherRow
	Footer          string
}

type legendEntry struct {
	ID, Name, Class string
	Share           float64
	Shown           string
}

type themeRow struct {
	Name  string
	Bar   *split
	Parts []legendEntry
}

type reasonRow struct{ Points, Text, Answer, Class string }

type stepRow struct{ Text, Why string }

type otherRow struct{ Name, Class, Share, Summary string }

func newResultView(d *resultDoc, taken time.Time) resultView {
	v := resultView{Basis: basisText(d)}
	names := map[string]string{}
	classes := map[string]string{}
	shares := make([]float64, len(d.Paths))
	for i, p := range d.Paths {
		names[p.ID] = text(p.Name)
		classes[p.ID] = colour(i)
		shares[i] = p.Share
	}
	shownShares := shown(shares)
	shownOf := map[string]float64{}
	for i, p := range d.Paths {
		shownOf[p.ID] = shownShares[i]
		v.Paths = append(v.Paths, legendEntry{ID: p.ID, Name: names[p.ID], Class: classes[p.ID], Share: p.Share, Shown: pct(shownShares[i])})
	}
	name := func(id string) string {
		if n := names[id]; n != "" {
			return n
		}
		return text(id)
	}

	rec := d.Recommendation
	if rec == nil {
		v.Headline = "No recommendation yet"
		v.Notes = append(v.Notes, text(d.Reason))
	} else {
		v.Headline = headlineText(d, name, shownOf)
		v.Notes = append(v.Notes, meaningText(d, name)...)
		v.Confidence = newFrequency(d.Confidence)
		v.Confidence.Text = confidenceText(d)
	}
	v.Title = v.Headline + " · careerquiz"
	for _, wn := range d.Warnings {
		v.Warnings = append(v.Warnings, text(wn.Message))
	}
	if len(d.Paths) > 0 {
		band := 0.0
		if len(d.Paths) == 2 {
			band = d.Bands.Slight
		}
		v.Split = newSplit(v.Paths, band)
	}
	for _, th := range d.Themes {
		row := themeRow{Name: text(th.Name)}
		if th.Answered > 0 {
			ts := make([]float64, len(th.Paths))
			for i, p := range th.Paths {
				ts[i] = p.Share
			}
			sh := shown(ts)
			for i, p := range th.Paths {
				row.Parts = append(row.Parts, legendEntry{ID: p.ID, Name: name(p.ID), Class: classes[p.ID], Share: p.Share, Shown: pct(sh[i])})
			}
			row.Bar = newSplit(row.Parts, 0)
		}
		v.Themes = append(v.Themes, row)
	}

	if len(d.Reasons.Toward) > 0 {
		v.TowardTitle = "What weighed most"
		if rec != nil {
			v.TowardTitle = "What pushed you towards " + name(rec.Path)
		}
	}
	cls := func(points float64) string {
		if rec == nil {
			return ""
		}
		if points < 0 && rec.RunnerUp != "" {
			return classes[rec.RunnerUp]
		}
		return classes[rec.Path]
	}
	for _, r := range d.Reasons.Toward {
		v.Toward = append(v.Toward, reasonRow{Points: pointsText(r.Points), Text: text(r.Text), Answer: text(r.Answer), Class: cls(r.Points)})
	}
	if a := d.Reasons.Against; a != nil {
		v.AgainstTitle = "The strongest pull the other way"
		if rec != nil && rec.RunnerUp != "" {
			v.AgainstTitle = "The strongest pull towards " + name(rec.RunnerUp)
		}
		v.Against = &reasonRow{Points: pointsText(a.Points), Text: text(a.Text), Answer: text(a.Answer), Class: cls(a.Points)}
	}

	v.StepsTitle = "Your next steps"
	for _, s := range d.Steps {
		v.Steps = append(v.Steps, stepRow{Text: stepText(s), Why: text(s.Why)})
	}
	for _, s := range d.StepsDone {
		v.Done = append(v.Done, stepRow{Text: text(s.Text), Why: text(s.Why)})
	}
	for _, s := range d.OtherSteps {
		v.OtherSteps = append(v.OtherSteps, fmt.Sprintf("On the %s path your first step would be: %s", name(s.Path), text(s.Text)))
	}
	for _, s := range d.Salary {
		v.Salary = append(v.Salary, text(s))
	}
	v.OthersTitle = "The paths"
	if rec != nil {
		v.OthersTitle = "Other paths"
	}
	for _, o := range d.Others {
		v.Others = append(v.Others, otherRow{Name: name(o.ID), Class: classes[o.ID], Share: pct(shownOf[o.ID]), Summary: text(o.Summary)})
	}

	var kicker []string
	kicker = append(kicker, "A careerquiz result")
	if t := text(d.Bank.Title); t != "" {
		kicker = append(kicker, t)
	}
	if !taken.IsZero() {
		kicker = append(kicker, "taken "+day(taken))
	}
	v.Kicker = strings.Join(kicker, " · ")
	foot := []string{}
	if t := text(d.Bank.Title); t != "" {
		foot = append(foot, t)
	}
	foot = append(foot, count(d.Bank.Questions, "question"))
	if d.Order.Shuffled && d.Order.Seed != nil {
		foot = append(foot, fmt.Sprintf("shuffled, seed %d", *d.Order.Seed))
	}
	if !taken.IsZero() {
		foot = append(foot, "taken "+day(taken))
	}
	v.Footer = strings.Join(foot, " · ")
	return v
}
