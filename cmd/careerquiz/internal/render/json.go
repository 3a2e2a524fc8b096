package render

import (
	"fmt"
	"io"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

func init() {
	writers[JSON] = func(w io.Writer, r Run, _ Options) error { return WriteJSON(w, r) }
}

// WriteJSON writes r as one JSON document, indented by two spaces and ending
// in a newline, by encoding/json from the types above. The same Run always
// gives the same bytes: nothing in the document depends on the clock, and
// map keys are sorted. Percents, shares and margins are rounded to one
// decimal, confidence and points to three. On error nothing is written.
func WriteJSON(w io.Writer, r Run) error {
	doc, err := NewDocument(r)
	if err != nil {
		return err
	}
	return result.Encode(w, doc)
}

// NewDocument is the result document of r: the JSON result, and the
// kept one once it is stamped with the time it was taken.
func NewDocument(r Run) (doc result.Document, err error) {
	if r.Bank == nil {
		return result.Document{}, errNoBank
	}
	res := r.Result
	doc = result.Document{
		Schema: quiz.ResultSchema,
		Bank: result.Bank{
			Title:     clean(r.Bank.Title),
			Questions: len(r.Bank.Questions),
			SHA256:    r.Bank.SHA256,
		},
		Withheld:   res.Withheld,
		Answered:   res.Answered,
		Skipped:    res.Skipped,
		Confidence: result.Round(res.Confidence, 3),
		Stability:  result.Round(res.Confidence, 3),
		Bands: result.Bands{
			Slight:     result.Round(res.Bands.Slight, 1),
			Moderate:   result.Round(res.Bands.Moderate, 1),
			Clear:      result.Round(res.Bands.Clear, 1),
			Calibrated: res.Bands.Calibrated,
		},
		Warnings:   make([]result.Warning, 0, len(res.Warnings)),
		Paths:      make([]result.Path, 0, len(res.Paths)),
		Themes:     make([]result.Theme, 0, len(res.Themes)),
		Reasons:    result.Reasons{Toward: make([]result.Reason, 0, len(res.Toward))},
		Steps:      newStepsJSON(res, res.Steps),
		OtherSteps: newStepsJSON(res, res.OtherSteps),
		StepsDone:  newStepsJSON(res, res.StepsDone),
		Salary:     make([]string, 0, len(res.Salary)),
		Others:     make([]result.Other, 0, len(res.Others)),
		Order:      result.Order{Shuffled: r.Shuffled},
	}
	if r.Stopped != nil {
		doc.NotAsked, doc.StoppedEarly = r.NotAsked, r.Stopped
	}
	if res.Recommendation == nil {
		doc.Reason = withheldText(res)
	}
	if rec := res.Recommendation; rec != nil {
		doc.Recommendation = &result.Recommendation{
			Path:     rec.Path,
			Name:     clean(rec.Name),
			Strength: rec.Strength,
			Margin:   result.Round(rec.Margin, 1),
			RunnerUp: rec.RunnerUp,
			Tie:      rec.Tie,
		}
	}
	for _, wn := range res.Warnings {
		doc.Warnings = append(doc.Warnings, result.Warning{Code: wn.Code, Count: wn.Count, Message: warningText(wn, r)})
	}
	for _, p := range res.Paths {
		doc.Paths = append(doc.Paths, result.Path{
			ID:        p.ID,
			Name:      clean(p.Name),
			Percent:   result.Round(p.Percent, 1),
			Share:     result.Round(p.Share, 1),
			Points:    result.Round(p.Raw, 3),
			MaxPoints: result.Round(p.Most, 3),
		})
	}
	for _, th := range res.Themes {
		tj := result.Theme{
			ID:       th.ID,
			Name:     clean(th.Name),
			Answered: th.Answered,
			Paths:    make([]result.ThemePath, 0, len(th.Paths)),
		}
		for _, p := range th.Paths {
			tj.Paths = append(tj.Paths, result.ThemePath{ID: p.ID, Percent: result.Round(p.Percent, 1), Share: result.Round(p.Share, 1)})
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
		doc.Others = append(doc.Others, result.Other{
			ID:      o.ID,
			Name:    clean(o.Name),
			Summary: clean(o.Summary),
			Percent: result.Round(o.Percent, 1),
			Share:   result.Round(o.Share, 1),
		})
	}
	if r.Shuffled {
		seed := r.Seed
		doc.Order.Seed = &seed
	}
	answers := r.Answers
	if answers == nil {
		answers = map[string]any{}
	}
	if doc.Answers, err = result.Marshal(answers); err != nil {
		return result.Document{}, fmt.Errorf("report: encode answers: %w", err)
	}
	return doc, nil
}

func newReasonJSON(r scoring.Reason) result.Reason {
	return result.Reason{
		Question: r.Question,
		Text:     clean(r.Text),
		Answer:   clean(answerText(r)),
		Points:   result.Round(r.Points, 3),
	}
}
