package render

import (
	"fmt"
	"io"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/internal/termsafe"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

func init() { writers[JSON] = func(w io.Writer, r Run, _ Options) error { return WriteJSON(w, r) } }

// WriteJSON writes r as one result.Document. The same Run always gives the
// same bytes: nothing in it depends on the clock. On error nothing is written.
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
	res, round := r.Result, result.Round
	doc = result.Document{
		Schema:     quiz.ResultSchema,
		Bank:       result.Bank{Title: termsafe.Clean(r.Bank.Title), Questions: len(r.Bank.Questions), SHA256: r.Bank.SHA256},
		Withheld:   res.Withheld,
		Answered:   res.Answered,
		Skipped:    res.Skipped,
		Sided:      res.Sided,
		NoSide:     res.NoSide,
		Confidence: round(res.Confidence, 3),
		Stability:  round(res.Confidence, 3),
		Bands: result.Bands{Slight: round(res.Bands.Slight, 1), Moderate: round(res.Bands.Moderate, 1),
			Clear: round(res.Bands.Clear, 1), Calibrated: res.Bands.Calibrated},
		Warnings: each(res.Warnings, func(wn scoring.Warning) result.Warning {
			return result.Warning{Code: wn.Code, Count: wn.Count, Message: warningText(wn, r)}
		}),
		Paths: each(res.Paths, func(p scoring.PathScore) result.Path {
			return result.Path{ID: p.ID, Name: termsafe.Clean(p.Name), Percent: round(p.Percent, 1), Share: round(p.Share, 1),
				Points: round(p.Raw, 3), MaxPoints: round(p.Most, 3), Towards: p.Towards}
		}),
		Themes: each(res.Themes, func(th scoring.ThemeScore) result.Theme {
			return result.Theme{ID: th.ID, Name: termsafe.Clean(th.Name), Answered: th.Answered, Sided: th.Sided,
				Paths: each(th.Paths, func(p scoring.PathScore) result.ThemePath {
					return result.ThemePath{ID: p.ID, Percent: round(p.Percent, 1), Share: round(p.Share, 1)}
				})}
		}),
		Reasons:    result.Reasons{Toward: each(res.Toward, newReasonJSON)},
		Steps:      newStepsJSON(res, r.Bank, res.Steps),
		OtherSteps: newStepsJSON(res, r.Bank, res.OtherSteps),
		StepsDone:  newStepsJSON(res, r.Bank, res.StepsDone),
		Salary:     each(res.Salary, termsafe.Clean),
		Others: each(res.Others, func(o scoring.OtherPath) result.Other {
			return result.Other{ID: o.ID, Name: termsafe.Clean(o.Name), Summary: termsafe.Clean(o.Summary), Percent: round(o.Percent, 1), Share: round(o.Share, 1)}
		}),
		Order: result.Order{Shuffled: r.Shuffled},
	}
	if r.Stopped != nil {
		doc.NotAsked, doc.StoppedEarly = r.NotAsked, r.Stopped
	}
	switch rec := res.Recommendation; {
	case rec == nil:
		doc.Reason = withheldText(res)
	case rec.Tie:
		// A tie recommends no path, not the first in the bank.
		doc.Recommendation = &result.Recommendation{Strength: rec.Strength, Margin: round(rec.Margin, 1), Tie: true, Tied: rec.Tied}
	default:
		doc.Recommendation = &result.Recommendation{Path: rec.Path, Name: termsafe.Clean(rec.Name), Strength: rec.Strength,
			Margin: round(rec.Margin, 1), RunnerUp: rec.RunnerUp}
	}
	if res.Against != nil {
		doc.Reasons.Against = new(newReasonJSON(*res.Against))
	}
	if r.Shuffled {
		doc.Order.Seed = new(r.Seed)
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

// each is f of every element of in, in order: never nil, so that a list
// of none is written as [].
func each[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

func newReasonJSON(r scoring.Reason) result.Reason {
	return result.Reason{
		Question: r.Question,
		Text:     termsafe.Clean(r.Text),
		Answer:   termsafe.Clean(answerText(r)),
		Points:   result.Round(r.Points, 3),
	}
}
