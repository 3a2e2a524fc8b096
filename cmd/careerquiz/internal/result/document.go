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
	Taken          string          `json:"taken,omitempty"` // when a kept result was finished (TimeFormat); none from --json
	Schema         string          `json:"schema"`
	Bank           Bank            `json:"bank"`
	Recommendation *Recommendation `json:"recommendation"`
	Reason         string          `json:"reason,omitempty"`
	Withheld       string          `json:"withheld,omitempty"`
	Answered       int             `json:"answered"`
	Skipped        int             `json:"skipped"`
	// Sided counts the answers that took a side, on which the verdict rests;
	// NoSide the scored questions whose answer took none, skipped ones included.
	Sided  int `json:"sided"`
	NoSide int `json:"no_side"`
	// NotAsked lists the scored questions a quiz that stopped early never asked
	// (neither answered nor skipped), and StoppedEarly how it stopped; both are
	// left out of a result that asked every question.
	NotAsked     []string        `json:"not_asked,omitempty"`
	StoppedEarly *StoppedEarly   `json:"stopped_early,omitempty"`
	Confidence   float64         `json:"confidence"`
	Stability    float64         `json:"stability"` // deprecated: Confidence under its former name, for programs that read it
	Bands        Bands           `json:"bands"`
	Warnings     []Warning       `json:"warnings"`
	Paths        []Path          `json:"paths"`
	Themes       []Theme         `json:"themes"`
	Reasons      Reasons         `json:"reasons"`
	Steps        []Step          `json:"steps"`
	OtherSteps   []Step          `json:"other_steps"`
	StepsDone    []Step          `json:"steps_done"`
	Salary       []string        `json:"salary"`
	Others       []Other         `json:"others"`
	Order        Order           `json:"order"`
	Answers      json.RawMessage `json:"answers"` // in answers-file form, so that a result replays with --answers
}

// StoppedEarly is how a quiz stopped before its last scored question.
type StoppedEarly struct {
	Mode   string `json:"mode"`  // "settled" (the rest could not change the path) or "quick" (a change was unlikely)
	Asked  int    `json:"asked"` // scored questions asked, of Scored
	Scored int    `json:"scored"`
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
// name a path beside tie: true, which every reader takes as a tie.
type Recommendation struct {
	Path     string           `json:"path,omitempty"`
	Name     string           `json:"name,omitempty"`
	Strength scoring.Strength `json:"strength"`
	Margin   float64          `json:"margin"`
	RunnerUp string           `json:"runner_up,omitempty"`
	Tie      bool             `json:"tie"`
	Tied     []string         `json:"tied,omitempty"`
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
	Towards   int     `json:"towards"` // the answers that took this path's side
}

// Theme is one theme's standing in a result.
type Theme struct {
	ID       string      `json:"id"`
	Name     string      `json:"name"`
	Answered int         `json:"answered"`
	Sided    int         `json:"sided"` // answers that took a side: with fewer than two, the split rests on one or none
	Paths    []ThemePath `json:"paths"`
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
	Lead      bool     `json:"lead"` // brought forward, past the foundations, as the first step of a theme that drew the person most
}

type Other struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Summary string  `json:"summary"`
	Percent float64 `json:"percent"`
	Share   float64 `json:"share"`
}

type Order struct {
	Shuffled bool   `json:"shuffled"`
	Seed     *int64 `json:"seed,omitempty"` // left out for bank order, where no seed was used
}
