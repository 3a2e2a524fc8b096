package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// WriteJSON is encoding/json over the document types; these tests hold it
// to what a program reading the result relies on: one valid document, or
// an error and nothing written.

// writesOneDocument fails unless WriteJSON writes r as exactly one JSON
// document that decodes again, or, for a run encoding/json refuses, fails
// and writes nothing.
func writesOneDocument(t *testing.T, r Run) {
	t.Helper()
	var buf bytes.Buffer
	err := WriteJSON(&buf, r)
	if err != nil {
		if buf.Len() > 0 {
			t.Fatalf("WriteJSON failed (%v) but wrote %d bytes", err, buf.Len())
		}
		return
	}
	dec := json.NewDecoder(&buf)
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("WriteJSON wrote a document that does not decode: %v", err)
	}
	if dec.More() {
		t.Fatal("WriteJSON wrote more than one document")
	}
}

func TestWriteJSONWritesOneDocument(t *testing.T) {
	t.Parallel()
	for _, f := range allRuns() {
		t.Run(f.name, func(t *testing.T) { writesOneDocument(t, f.run) })
	}
	// A fixed seed, so that a failure can be repeated.
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		r := randomRun(rng)
		t.Run(fmt.Sprintf("random-%d", i), func(t *testing.T) { writesOneDocument(t, r) })
	}
}

// JSON has no NaN or infinity, and encoding/json refuses them: the
// document writes such a number as 0 rather than fail at the end of a quiz.
func TestJSONNonFiniteNumbersAreZero(t *testing.T) {
	t.Parallel()
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		r := clearRun()
		r.Result.Confidence = x
		r.Result.Paths[0].Percent = x
		doc := decode(t, r)
		if got := at(t, doc, "stability"); got != 0.0 {
			t.Errorf("stability %v written as %v, want 0", x, got)
		}
		if got := at(t, doc, "paths", 0, "percent"); got != 0.0 {
			t.Errorf("percent %v written as %v, want 0", x, got)
		}
	}
}

// hostile are pieces of text that JSON has to escape, or must not: quotes,
// backslashes, every short escape, other control characters, DEL, HTML
// characters, U+2028 and U+2029, invalid and truncated UTF-8, U+FFFD
// itself, and text from outside ASCII.
var hostile = []string{
	"", "Back-end engineer", " ", `"`, `\`, `\"`, "\x00", "\x01", "\x1f", "\b", "\f", "\n", "\r", "\t",
	"\x7f", "<script>", "&amp;", "\u2028", "\u2029", "\u2027", "\u202a", "\u202e", "\xff", "\xc3",
	"\xe2\x80", "\xed\xa0\x80", "\ufffd", "\u0085", "\u009b", "é", "系统设计", "😀", "\x1b[31m",
}

func hostileString(rng *rand.Rand) string {
	var sb strings.Builder
	for range rng.IntN(5) {
		sb.WriteString(hostile[rng.IntN(len(hostile))])
	}
	return sb.String()
}

// edgeFloats are numbers on either side of encoding/json's switch between
// decimal and exponent form, and others that format unusually.
var edgeFloats = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.1, 0.0005, 1e-6, 9.99e-7, 1e-7, -1e-7, 1e20, 1e21, -1e21,
	123.456, -0.001, 12.5, 1e300, math.MaxFloat64, math.SmallestNonzeroFloat64,
	math.NaN(), math.Inf(1), math.Inf(-1),
}

// randomFloat is one of edgeFloats or a number of any magnitude. The
// largest, which round turns into +Inf and encoding/json then refuses, it
// keeps rare, so that most random runs are written.
func randomFloat(rng *rand.Rand) float64 {
	if rng.IntN(2) == 0 {
		f := edgeFloats[rng.IntN(len(edgeFloats))]
		if f == math.MaxFloat64 && rng.IntN(10) > 0 {
			f = 1e300
		}
		return f
	}
	return (rng.Float64() - 0.5) * math.Pow10(rng.IntN(30)-10)
}

// randomRun is a run with hostile text in every string, unusual numbers,
// lists from empty to several long, and answers of every kind the command
// gives.
func randomRun(rng *rand.Rand) Run {
	s := func() string { return hostileString(rng) }
	f := func() float64 { return randomFloat(rng) }
	n := func() int { return rng.IntN(4) }
	r := Run{
		Bank:     &quiz.Bank{Title: s(), SHA256: s(), Questions: make([]quiz.Question, n())},
		Shuffled: rng.IntN(2) == 0,
		Seed:     rng.Int64() - rng.Int64(),
	}
	res := &r.Result
	res.Answered, res.Skipped, res.Withheld, res.Confidence = rng.IntN(100), -rng.IntN(3), s(), f()
	if rng.IntN(3) > 0 {
		res.Recommendation = &scoring.Recommendation{
			Path: s(), Name: s(), Strength: scoring.Strength(s()), Margin: f(), RunnerUp: s(), Tie: rng.IntN(2) == 0,
		}
	}
	for range n() {
		res.Warnings = append(res.Warnings, scoring.Warning{Code: s(), Count: rng.IntN(9), Position: rng.IntN(3)})
	}
	for range n() {
		res.Paths = append(res.Paths, scoring.PathScore{ID: s(), Name: s(), Raw: f(), Most: f(), Percent: f()})
	}
	for range n() {
		th := scoring.ThemeScore{ID: s(), Name: s(), Answered: rng.IntN(10)}
		for range n() {
			th.Paths = append(th.Paths, scoring.PathScore{ID: s(), Percent: f()})
		}
		res.Themes = append(res.Themes, th)
	}
	for range n() {
		res.Toward = append(res.Toward, scoring.Reason{Question: s(), Text: s(), Answer: s(), Points: f()})
	}
	if rng.IntN(2) == 0 {
		res.Against = &scoring.Reason{Question: s(), Text: s(), Answer: s(), Points: f()}
	}
	for range n() {
		res.Steps = append(res.Steps, scoring.StepAdvice{Theme: s(), ThemeName: s(), Text: s(), Reason: scoring.ReasonAway,
			Rival: s(), Answers: []scoring.StepAnswer{{Question: s(), Verb: scoring.Agreed, Text: s()}}})
	}
	for range n() {
		res.Salary = append(res.Salary, s())
	}
	for range n() {
		res.Others = append(res.Others, scoring.OtherPath{ID: s(), Name: s(), Summary: s(), Percent: f()})
	}
	if rng.IntN(5) > 0 {
		r.Answers = map[string]any{}
		for range rng.IntN(8) {
			r.Answers[s()] = randomAnswer(rng)
		}
	}
	return r
}

// randomAnswer is an answer value as quiz.Bank.AnswerValues gives one, or
// a list it would never give, nil or empty.
func randomAnswer(rng *rand.Rand) any {
	switch rng.IntN(5) {
	case 0:
		return "skip"
	case 1:
		return hostileString(rng)
	case 2:
		var picks []int
		for range rng.IntN(4) {
			picks = append(picks, rng.IntN(5)+1)
		}
		return picks
	case 3:
		return []int{}
	default:
		return rng.IntN(1<<20) - 1<<19
	}
}

// Answers hold other kinds of value only if a caller builds them by hand;
// WriteJSON writes them as encoding/json does.
func TestWriteJSONWritesOtherAnswerValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		value any
		want  string
	}{
		{"float", 1.5, "1.5"},
		{"bool", true, "true"},
		{"int64", int64(2), "2"},
		{"nil", nil, "null"},
		{"list", []any{1, "2"}, `[1,"2"]`},
		{"table", map[string]any{"picks": []int{1}}, `{"picks":[1]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := clearRun()
			r.Answers = map[string]any{"q1": 1, "q2": tt.value}
			var doc struct{ Answers map[string]json.RawMessage }
			if err := json.Unmarshal(render(t, WriteJSON, r), &doc); err != nil {
				t.Fatal(err)
			}
			var compact bytes.Buffer
			if err := json.Compact(&compact, doc.Answers["q2"]); err != nil {
				t.Fatal(err)
			}
			if compact.String() != tt.want {
				t.Errorf("answer written as %s, want %s", compact.String(), tt.want)
			}
		})
	}
}

// Text from a bank is written unescaped where JSON allows it (HTML
// characters, non-ASCII), and escaped where it must be.
func TestJSONStrings(t *testing.T) {
	t.Parallel()
	r := clearRun()
	r.Bank.Title = "Design & build <fast> 系统 \"\\"
	out := string(render(t, WriteJSON, r))
	if want := `"title": "Design & build <fast> 系统 \"\\"`; !strings.Contains(out, want) {
		t.Errorf("title not written as %s:\n%s", want, out)
	}
}

func BenchmarkWriteJSON(b *testing.B) {
	r := clearRun()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WriteJSON(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
}
