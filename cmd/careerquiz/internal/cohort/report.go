package cohort

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/quiz"
)

// Schema names the JSON document of `careerquiz stats --json`.
const Schema = "careerquiz.stats/v1"

// Report is what a cohort adds up to. Its JSON encoding is the document
// `careerquiz stats --json` prints; figures that cannot be computed (too few
// people, or no variation) are null.
type Report struct {
	Schema string      `json:"schema"`
	Bank   result.Bank `json:"bank"`
	// People is how many results were counted; Complete how many of them
	// answered every scored question.
	People   int `json:"people"`
	Complete int `json:"complete"`
	// StoppedEarly is how many results stopped early. The questions they
	// were not asked are missing, as skipped ones are: not a zero in any
	// figure, and, like a skip, they leave the person out of alpha and
	// the item–rest correlations (listwise). It is left out when none
	// did.
	StoppedEarly int `json:"stopped_early,omitempty"`
	// Items is the number of scored questions.
	Items int `json:"items"`
	// Alpha is Cronbach's alpha of the item scores over AlphaN people
	// (the complete ones).
	Alpha  *float64 `json:"alpha"`
	AlphaN int      `json:"alpha_n"`
	// AlphaNMin is the fewest complete people whose alpha and item–rest
	// correlations can be judged (ReliabilityMin), and AlphaNEnough says
	// whether AlphaN reaches it. Below it the figures are still given, but
	// the text report does not read them as good or bad.
	AlphaNMin    int  `json:"alpha_n_min"`
	AlphaNEnough bool `json:"alpha_n_enough"`
	// AlphaByPath is given for banks of more than two paths: alpha of each
	// path's own points.
	AlphaByPath []PathAlpha `json:"alpha_by_path,omitempty"`
	Paths       []Path      `json:"paths"`
	// NoRecommendation counts the people too few of whose answers counted
	// for a recommendation.
	NoRecommendation int `json:"no_recommendation"`
	// Ties counts the people whose answers tied, who are told no path.
	Ties int `json:"ties"`
	// Labels counts the strengths over every recommendation.
	Labels    Labels     `json:"labels"`
	Questions []Question `json:"questions"`
	Flags     []Flag     `json:"flags"`
}

// Path is one path: how many were recommended it, with which labels, and
// the histogram of its share over everyone with a recommendation.
type Path struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Recommended int    `json:"recommended"`
	Labels      Labels `json:"labels"`
	// Split counts people by this path's share: Split[i] holds those with
	// a share from 10×i up to 10×(i+1) (100 included in the last).
	Split []int `json:"split"`
}

// Labels counts recommendations by strength.
type Labels struct {
	Balanced int `json:"balanced"`
	Slight   int `json:"slight"`
	Moderate int `json:"moderate"`
	Clear    int `json:"clear"`
}

// PathAlpha is alpha on one path's points.
type PathAlpha struct {
	Path  string   `json:"path"`
	Alpha *float64 `json:"alpha"`
}

// Question is how one question was answered and how well it works.
type Question struct {
	ID     string `json:"id"`
	Theme  string `json:"theme"`
	Kind   string `json:"kind"`
	Scored bool   `json:"scored"`
	// Answered counts the people who answered it; AnsweredByPath splits
	// them by the path they were recommended (people without a
	// recommendation are in Answered only).
	Answered       int            `json:"answered"`
	AnsweredByPath map[string]int `json:"answered_by_path"`
	Options        []Option       `json:"options"`
	// Leans counts the answers by the path they gave the most points to;
	// "neither" holds those that favoured no path.
	Leans map[string]int `json:"leans"`
	// ItemMean and ItemSD are the item score's mean and standard deviation
	// over the complete people; ItemRest is the corrected item–rest
	// correlation over them. All null for an unscored question.
	ItemMean       *float64            `json:"item_mean"`
	ItemSD         *float64            `json:"item_sd"`
	ItemRest       *float64            `json:"item_rest"`
	ItemRestByPath map[string]*float64 `json:"item_rest_by_path,omitempty"`
}

// Option is how often one option was picked.
type Option struct {
	Number int    `json:"number"`
	ID     string `json:"id,omitempty"`
	Text   string `json:"text"`
	Picked int    `json:"picked"`
	// ByPath splits Picked by the recommended path.
	ByPath map[string]int `json:"by_path"`
}

// Flag is a question that seems not to work, with what to try.
type Flag struct {
	Question string `json:"question"`
	// Code is stable for programs: "one-sided", "negative", "weak".
	Code    string `json:"code"`
	Message string `json:"message"`
	Try     string `json:"try"`
	// Tentative and Note are kept in the schema for the programs that read
	// them, and are always false and empty: no flag is raised from fewer
	// complete people than ReliabilityMin.
	Tentative bool   `json:"tentative"`
	Note      string `json:"note,omitempty"`
}

// Flag codes and their thresholds.
const (
	FlagOneSided = "one-sided"
	FlagNegative = "negative"
	FlagWeak     = "weak"

	// A question is one-sided when at least oneSided of its answers lean
	// the same way: it then tells people apart little.
	oneSided = 0.9
	// An item–rest correlation within weakBelow of zero is near zero, and
	// one at or below −weakBelow is negative: −0.02 says the question
	// measures nothing much, not that it reads the wrong way.
	weakBelow = 0.1
	// A one-sided flag needs this many answers before chance alone is
	// unlikely to raise it.
	flagMin = 20
)

// ReliabilityMin is the fewest people who answered every scored question
// for alpha and the item–rest correlations to be judged. With n people,
// a correlation that is really zero comes out anywhere within about
// ±2/√n by chance: ±0.37 at 30, but ±1 at 4, and with 2 people every
// correlation is exactly +1 or −1 and alpha can be anything. 30 keeps that
// margin under the gap between a question that works (0.3 or more) and
// one that does not (under 0.1), and is the usual floor for a pilot
// study of a questionnaire.
const ReliabilityMin = 30

// neither is the key of answers that lean to no path.
const neither = "neither"

// Report returns the figures of the people added so far.
func (c *Cohort) Report() Report {
	b := c.bank
	r := Report{
		Schema:           Schema,
		Bank:             result.Bank{Title: b.Title, Questions: len(b.Questions), SHA256: b.SHA256},
		People:           c.people,
		Complete:         c.complete,
		StoppedEarly:     c.stopped,
		Items:            len(c.items),
		AlphaN:           c.complete,
		AlphaNMin:        ReliabilityMin,
		AlphaNEnough:     c.complete >= ReliabilityMin,
		NoRecommendation: c.withheld,
		Ties:             c.ties,
		Questions:        make([]Question, len(b.Questions)),
		Flags:            []Flag{},
	}
	for p, path := range b.Paths {
		rp := Path{ID: path.ID, Name: path.Name, Recommended: c.recs[p], Labels: labels(c.labels[p]), Split: c.hist[p][:]}
		r.Paths = append(r.Paths, rp)
		r.Labels.add(rp.Labels)
	}
	figs := make([]figures, len(c.axes))
	for a := range c.axes {
		figs[a] = c.axes[a].figures()
	}
	r.Alpha = round(figs[0].alpha)
	if c.paths > 2 {
		for p, path := range b.Paths {
			r.AlphaByPath = append(r.AlphaByPath, PathAlpha{Path: path.ID, Alpha: round(figs[1+p].alpha)})
		}
	}
	for i := range b.Questions {
		q := &b.Questions[i]
		st := &c.questions[i]
		rq := Question{ID: q.ID, Theme: q.Theme, Kind: string(q.Kind), Scored: q.Scored(), Answered: st.answered,
			AnsweredByPath: c.byPath(st.answeredBy), Leans: map[string]int{neither: st.leans[c.paths]}}
		for p, path := range b.Paths {
			rq.Leans[path.ID] = st.leans[p]
		}
		for o, opt := range q.Options {
			rq.Options = append(rq.Options, Option{Number: o + 1, ID: opt.ID, Text: opt.Text, Picked: st.picked[o],
				ByPath: c.byPath(st.pickedBy[o*c.paths : (o+1)*c.paths])})
		}
		if j, ok := slices.BinarySearch(c.items, i); ok { // items are in bank order
			rq.ItemMean, rq.ItemSD, rq.ItemRest = round(figs[0].mean[j]), round(figs[0].sd[j]), round(figs[0].itemRest[j])
			if c.paths > 2 {
				rq.ItemRestByPath = map[string]*float64{}
				for p, path := range b.Paths {
					rq.ItemRestByPath[path.ID] = round(figs[1+p].itemRest[j])
				}
			}
		}
		r.Questions[i] = rq
		r.Flags = append(r.Flags, c.flags(q, &rq)...)
	}
	return r
}

func (c *Cohort) byPath(counts []int) map[string]int {
	m := make(map[string]int, len(counts))
	for p, path := range c.bank.Paths {
		m[path.ID] = counts[p]
	}
	return m
}

// flags says what seems wrong with one question, if anything. Below
// ReliabilityMin complete people nothing is: the report says they are too
// few to judge, and a flag would be read as a judgement all the same.
func (c *Cohort) flags(q *quiz.Question, rq *Question) []Flag {
	if c.complete < ReliabilityMin {
		return nil
	}
	var fs []Flag
	if rq.Scored && rq.Answered >= flagMin {
		most, name := rq.Leans[neither], "" // no name: the answers that lean neither way
		for _, p := range c.bank.Paths {
			if rq.Leans[p.ID] > most {
				most, name = rq.Leans[p.ID], cmp.Or(p.Name, p.ID)
			}
		}
		if float64(most) >= oneSided*float64(rq.Answered) {
			f := Flag{Question: q.ID, Code: FlagOneSided}
			pct := math.Round(100 * float64(most) / float64(rq.Answered))
			if name == "" {
				f.Message = fmt.Sprintf("%.0f%% of the %d who answered it picked answers that count for neither path, so it tells people apart little", pct, rq.Answered)
				f.Try = "give each side a reason to pick it that fits the work, so fewer people take the middle; or drop the question"
			} else {
				f.Message = fmt.Sprintf("%.0f%% of the %d who answered it leaned towards %s on it, so it tells people apart little", pct, rq.Answered, name)
				f.Try = "make the other side as attractive: reword the popular option so it does not sound better, or pair it with an equally good way of working"
			}
			fs = append(fs, f)
		}
	}
	if rq.ItemRest != nil {
		switch r := *rq.ItemRest; {
		case r <= -weakBelow:
			fs = append(fs, Flag{Question: q.ID, Code: FlagNegative,
				Message: fmt.Sprintf("its item–rest correlation is %.2f: people who lean one way on the rest of the bank lean the other way here", r),
				Try:     "check that its options' weights point at the right paths, and that its wording does not read the other way"})
		case r < weakBelow:
			fs = append(fs, Flag{Question: q.ID, Code: FlagWeak,
				Message: fmt.Sprintf("its item–rest correlation is %.2f: its answers hardly go with the rest of the bank", r),
				Try:     "reword it so its options contrast the paths' work more directly, or drop it: it may measure something else"})
		}
	}
	return fs
}

func labels(counts []int) Labels {
	return Labels{Balanced: counts[0], Slight: counts[1], Moderate: counts[2], Clear: counts[3]}
}

func (l *Labels) add(m Labels) {
	l.Balanced += m.Balanced
	l.Slight += m.Slight
	l.Moderate += m.Moderate
	l.Clear += m.Clear
}

// round keeps four decimals: more than any cohort's figures can bear, and
// short enough to read.
func round(v *float64) *float64 {
	if v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
		return nil
	}
	return new(math.Round(*v*1e4) / 1e4)
}
