package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// The types below are the JSON result, field for field. Their order is the
// order keys are written in: the verdict first, the answers (which can be
// long) last. Lists are never nil, so that they encode as [] and a program
// can iterate without checking for null.
type document struct {
	Schema         string              `json:"schema"`
	Bank           bankJSON            `json:"bank"`
	Recommendation *recommendationJSON `json:"recommendation"`
	Reason         string              `json:"reason,omitempty"`
	Withheld       string              `json:"withheld,omitempty"`
	Answered       int                 `json:"answered"`
	Skipped        int                 `json:"skipped"`
	Confidence     float64             `json:"confidence"`
	// Stability is Confidence under its former name, kept for programs
	// that read it; it is deprecated.
	Stability  float64        `json:"stability"`
	Bands      bandsJSON      `json:"bands"`
	Warnings   []warningJSON  `json:"warnings"`
	Paths      []pathJSON     `json:"paths"`
	Themes     []themeJSON    `json:"themes"`
	Reasons    reasonsJSON    `json:"reasons"`
	Steps      []stepJSON     `json:"steps"`
	OtherSteps []stepJSON     `json:"other_steps"`
	StepsDone  []stepJSON     `json:"steps_done"`
	Salary     []string       `json:"salary"`
	Others     []otherJSON    `json:"others"`
	Order      orderJSON      `json:"order"`
	Answers    map[string]any `json:"answers"`
}

type bankJSON struct {
	Title     string `json:"title"`
	Questions int    `json:"questions"`
	SHA256    string `json:"sha256"`
}

type recommendationJSON struct {
	Path     string           `json:"path"`
	Name     string           `json:"name"`
	Strength scoring.Strength `json:"strength"`
	Margin   float64          `json:"margin"`
	RunnerUp string           `json:"runner_up"`
	Tie      bool             `json:"tie"`
}

type bandsJSON struct {
	Slight     float64 `json:"slight"`
	Moderate   float64 `json:"moderate"`
	Clear      float64 `json:"clear"`
	Calibrated bool    `json:"calibrated"`
}

type warningJSON struct {
	Code    string `json:"code"`
	Count   int    `json:"count"`
	Message string `json:"message"`
}

type pathJSON struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Percent float64 `json:"percent"`
	Share   float64 `json:"share"`
	// Points and MaxPoints are the sums Percent is made of, so that a
	// program can weigh results of different lengths.
	Points    float64 `json:"points"`
	MaxPoints float64 `json:"max_points"`
}

type themeJSON struct {
	ID       string          `json:"id"`
	Name     string          `json:"name"`
	Answered int             `json:"answered"`
	Paths    []themePathJSON `json:"paths"`
}

type themePathJSON struct {
	ID      string  `json:"id"`
	Percent float64 `json:"percent"`
	Share   float64 `json:"share"`
}

type reasonsJSON struct {
	Toward  []reasonJSON `json:"toward"`
	Against *reasonJSON  `json:"against"`
}

type reasonJSON struct {
	Question string  `json:"question"`
	Text     string  `json:"text"`
	Answer   string  `json:"answer"`
	Points   float64 `json:"points"`
}

type stepJSON struct {
	ID        string   `json:"id"`
	Kind      string   `json:"kind"`
	Path      string   `json:"path"`
	Stage     int      `json:"stage"`
	Theme     string   `json:"theme"`
	ThemeName string   `json:"theme_name"`
	Text      string   `json:"text"`
	Why       string   `json:"why"`
	Reason    string   `json:"reason"`
	Questions []string `json:"questions"`
	Basis     string   `json:"basis"`
}

type otherJSON struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Summary string  `json:"summary"`
	Percent float64 `json:"percent"`
	Share   float64 `json:"share"`
}

type orderJSON struct {
	Shuffled bool `json:"shuffled"`
	// Seed is left out when the questions were asked in bank order, where
	// no seed was used.
	Seed *int64 `json:"seed,omitempty"`
}

// WriteJSON writes r as one JSON document, indented by two spaces and ending
// in a newline, by encoding/json from the types above. The same Run always
// gives the same bytes: nothing in the document depends on the clock, and
// map keys are sorted. Percents, shares and margins are rounded to one
// decimal, confidence and points to three. On error nothing is written.
func WriteJSON(w io.Writer, r Run) error {
	doc, err := newDocument(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	// Bank text such as "Design & build" reads better unescaped, and the
	// document is never embedded in HTML.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("report: encode result: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func newDocument(r Run) (document, error) {
	if r.Bank == nil {
		return document{}, errNoBank
	}
	res := r.Result
	doc := document{
		Schema: quiz.ResultSchema,
		Bank: bankJSON{
			Title:     clean(r.Bank.Title),
			Questions: len(r.Bank.Questions),
			SHA256:    r.Bank.SHA256,
		},
		Withheld:   res.Withheld,
		Answered:   res.Answered,
		Skipped:    res.Skipped,
		Confidence: round(res.Confidence, 3),
		Stability:  round(res.Confidence, 3),
		Bands: bandsJSON{
			Slight:     round(res.Bands.Slight, 1),
			Moderate:   round(res.Bands.Moderate, 1),
			Clear:      round(res.Bands.Clear, 1),
			Calibrated: res.Bands.Calibrated,
		},
		Warnings:   make([]warningJSON, 0, len(res.Warnings)),
		Paths:      make([]pathJSON, 0, len(res.Paths)),
		Themes:     make([]themeJSON, 0, len(res.Themes)),
		Reasons:    reasonsJSON{Toward: make([]reasonJSON, 0, len(res.Toward))},
		Steps:      newStepsJSON(res, res.Steps),
		OtherSteps: newStepsJSON(res, res.OtherSteps),
		StepsDone:  newStepsJSON(res, res.StepsDone),
		Salary:     make([]string, 0, len(res.Salary)),
		Others:     make([]otherJSON, 0, len(res.Others)),
		Order:      orderJSON{Shuffled: r.Shuffled},
		Answers:    r.Answers,
	}
	if res.Recommendation == nil {
		doc.Reason = withheldText(res)
	}
	if rec := res.Recommendation; rec != nil {
		doc.Recommendation = &recommendationJSON{
			Path:     rec.Path,
			Name:     clean(rec.Name),
			Strength: rec.Strength,
			Margin:   round(rec.Margin, 1),
			RunnerUp: rec.RunnerUp,
			Tie:      rec.Tie,
		}
	}
	for _, wn := range res.Warnings {
		doc.Warnings = append(doc.Warnings, warningJSON{Code: wn.Code, Count: wn.Count, Message: warningText(wn, r)})
	}
	for _, p := range res.Paths {
		doc.Paths = append(doc.Paths, pathJSON{
			ID:        p.ID,
			Name:      clean(p.Name),
			Percent:   round(p.Percent, 1),
			Share:     round(p.Share, 1),
			Points:    round(p.Raw, 3),
			MaxPoints: round(p.Most, 3),
		})
	}
	for _, th := range res.Themes {
		tj := themeJSON{
			ID:       th.ID,
			Name:     clean(th.Name),
			Answered: th.Answered,
			Paths:    make([]themePathJSON, 0, len(th.Paths)),
		}
		for _, p := range th.Paths {
			tj.Paths = append(tj.Paths, themePathJSON{ID: p.ID, Percent: round(p.Percent, 1), Share: round(p.Share, 1)})
		}
		doc.Themes = append(doc.Themes, tj)
	}
	for _, rs := range res.Toward {
		doc.Reasons.Toward = append(doc.Reasons.Toward, newReasonJSON(rs))
	}
	if res.Against != nil {
		a := newReasonJSON(*res.Against)
		doc.Reasons.Against = &a
	}
	for _, s := range res.Salary {
		doc.Salary = append(doc.Salary, clean(s))
	}
	for _, o := range res.Others {
		doc.Others = append(doc.Others, otherJSON{
			ID:      o.ID,
			Name:    clean(o.Name),
			Summary: clean(o.Summary),
			Percent: round(o.Percent, 1),
			Share:   round(o.Share, 1),
		})
	}
	if r.Shuffled {
		seed := r.Seed
		doc.Order.Seed = &seed
	}
	if doc.Answers == nil {
		doc.Answers = map[string]any{}
	}
	return doc, nil
}

func newReasonJSON(r scoring.Reason) reasonJSON {
	return reasonJSON{
		Question: r.Question,
		Text:     clean(r.Text),
		Answer:   clean(answerText(r)),
		Points:   round(r.Points, 3),
	}
}
