package result

import (
	"encoding/json"

	"github.com/careerquiz/careerquiz/scoring"
)

// Document is the JSON result, field for field: what --json prints, what
// is kept, and what history, compare, stats and --answers read back. Its
// field order is the order keys are written in: the verdict first, the
// answers (which can be long) last. Lists are never nil when written, so
// that they encode as [] and a program can iterate without checking for
// null.
type Document struct {
	// Taken is when a kept result was finished (TimeFormat); a result
	// printed by --json has none.
	Taken          string          `json:"taken,omitempty"`
	Schema         string          `json:"schema"`
	Bank           Bank            `json:"bank"`
	Recommendation *Recommendation `json:"recommendation"`
	Reason         string          `json:"reason,omitempty"`
	Withheld       string          `json:"withheld,omitempty"`
	Answered       int             `json:"answered"`
	Skipped        int             `json:"skipped"`
	// Sided is the number of answers that took a side, and NoSide the
	// number of scored questions whose answer took none (skipped ones
	// included): the verdict rests on Sided answers.
	Sided  int `json:"sided"`
	NoSide int `json:"no_side"`
	// NotAsked lists the scored questions a quiz that stopped early never
	// asked, and StoppedEarly how it stopped; both are left out of a
	// result that asked every question. A question not asked is neither
	// answered nor skipped: the result is that of the questions asked.
	NotAsked     []string      `json:"not_asked,omitempty"`
	StoppedEarly *StoppedEarly `json:"stopped_early,omitempty"`
	Confidence   float64       `json:"confidence"`
	// Stability is Confidence under its former name, kept for programs
	// that read it; it is deprecated.
	Stability  float64   `json:"stability"`
	Bands      Bands     `json:"bands"`
	Warnings   []Warning `json:"warnings"`
	Paths      []Path    `json:"paths"`
	Themes     []Theme   `json:"themes"`
	Reasons    Reasons   `json:"reasons"`
	Steps      []Step    `json:"steps"`
	OtherSteps []Step    `json:"other_steps"`
	StepsDone  []Step    `json:"steps_done"`
	Salary     []string  `json:"salary"`
	Others     []Other   `json:"others"`
	Order      Order     `json:"order"`
	// Answers is the answers object in answers-file form, as written, so
	// that a result replays with --answers.
	Answers json.RawMessage `json:"answers"`
}

// StoppedEarly is how a quiz stopped before its last scored question.
type StoppedEarly struct {
	// Mode is "settled" (the rest could not change the path) or "quick"
	// (a change was unlikely).
	Mode string `json:"mode"`
	// Asked is the number of scored questions asked, of Scored.
	Asked  int `json:"asked"`
	Scored int `json:"scored"`
	// Chance is, for the quick stop, the chance that answering the rest
	// would have named another path.
	Chance *float64 `json:"chance,omitempty"`
}

// Bank names the question bank a result answered.
type Bank struct {
	Title     string `json:"title"`
	Questions int    `json:"questions"`
	SHA256    string `json:"sha256"`
}

// Recommendation is a result's verdict. A tie recommends no path: Path,
// Name and RunnerUp are left out, Tie is true and Tied lists the paths
// tied for the lead, so that no reader can count a tie for the path the
// bank lists first. A result kept before ties were written so may still
// name a path beside tie: true; Winner reads both alike.
type Recommendation struct {
	Path     string           `json:"path,omitempty"`
	Name     string           `json:"name,omitempty"`
	Strength scoring.Strength `json:"strength"`
	Margin   float64          `json:"margin"`
	RunnerUp string           `json:"runner_up,omitempty"`
	Tie      bool             `json:"tie"`
	Tied     []string         `json:"tied,omitempty"`
}

// Winner is the path the recommendation names, or "" for a tie or none:
// the one way every reader of results asks which path won.
func (r *Recommendation) Winner() string {
	if r == nil || r.Tie {
		return ""
	}
	return r.Path
}

type Bands struct {
	Slight     float64 `json:"slight"`
	Moderate   float64 `json:"moderate"`
	Clear      float64 `json:"clear"`
	Calibrated bool    `json:"calibrated"`
}

type Warning struct {
	Code    string `json:"code"`
	Count   int    `json:"count"`
	Message string `json:"message"`
}

// Path is one path's standing in a result.
type Path struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Percent float64 `json:"percent"`
	Share   float64 `json:"share"`
	// Points and MaxPoints are the sums Percent is made of, so that a
	// program can weigh results of different lengths.
	Points    float64 `json:"points"`
	MaxPoints float64 `json:"max_points"`
	// Towards is the number of answers that took this path's side.
	Towards int `json:"towards"`
}

// Theme is one theme's standing in a result.
type Theme struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Answered int    `json:"answered"`
	// Sided is the number of the theme's answers that took a side: with
	// fewer than two, its split rests on one answer or none.
	Sided int         `json:"sided"`
	Paths []ThemePath `json:"paths"`
}

type ThemePath struct {
	ID      string  `json:"id"`
	Percent float64 `json:"percent"`
	Share   float64 `json:"share"`
}

type Reasons struct {
	Toward  []Reason `json:"toward"`
	Against *Reason  `json:"against"`
}

type Reason struct {
	Question string  `json:"question"`
	Text     string  `json:"text"`
	Answer   string  `json:"answer"`
	Points   float64 `json:"points"`
}

type Step struct {
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
	// Lead is true for a step brought forward, past the foundations, as
	// the first step of a theme that drew the person most.
	Lead bool `json:"lead"`
}

type Other struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Summary string  `json:"summary"`
	Percent float64 `json:"percent"`
	Share   float64 `json:"share"`
}

type Order struct {
	Shuffled bool `json:"shuffled"`
	// Seed is left out when the questions were asked in bank order, where
	// no seed was used.
	Seed *int64 `json:"seed,omitempty"`
}
