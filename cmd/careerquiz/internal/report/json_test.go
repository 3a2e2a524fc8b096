package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// WriteJSON writes the document with its own writer, for start-up time,
// but the bytes are defined by encoding/json: document.marshal, the
// encoder as WriteJSON always used it (indented by two spaces, HTML
// escaping off, so not json.MarshalIndent, which escapes <, > and &). The
// tests below hold the writer to it, run by run and value by value.

// matchEncodingJSON fails unless WriteJSON writes r exactly as
// encoding/json would, and without falling back to it; or, where
// encoding/json refuses r, unless the writer gives up and WriteJSON fails
// too, writing nothing.
func matchEncodingJSON(t *testing.T, r Run) {
	t.Helper()
	doc, err := newDocument(r)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := doc.appendJSON(nil)
	want, err := doc.marshal()
	if err != nil {
		if ok {
			t.Fatalf("the writer wrote a run encoding/json refuses (%v):\n%s", err, got)
		}
		var buf bytes.Buffer
		if err := WriteJSON(&buf, r); err == nil || buf.Len() > 0 {
			t.Fatalf("WriteJSON = %v, wrote %d bytes; want an error and nothing written", err, buf.Len())
		}
		return
	}
	if !ok {
		t.Fatalf("the writer gave up on a run encoding/json writes:\n%s", want)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("the writer and encoding/json differ\n%s", firstDifference(got, want))
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("WriteJSON and encoding/json differ\n%s", firstDifference(buf.Bytes(), want))
	}
}

// firstDifference shows where got first departs from want, with a little
// context, quoted so that escapes are visible.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-40)
	return fmt.Sprintf("at byte %d:\n got: %q\nwant: %q", i,
		got[from:min(len(got), i+40)], want[from:min(len(want), i+40)])
}

func TestWriteJSONMatchesEncodingJSON(t *testing.T) {
	for _, f := range allRuns() {
		t.Run(f.name, func(t *testing.T) { matchEncodingJSON(t, f.run) })
	}
	// round(x, 3) of the largest float64 overflows to +Inf, which
	// encoding/json refuses: WriteJSON must fail the same way.
	huge := clearRun()
	huge.Result.Stability = math.MaxFloat64
	t.Run("huge", func(t *testing.T) { matchEncodingJSON(t, huge) })
	// A fixed seed, so that a failure can be repeated.
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		r := randomRun(rng)
		t.Run(fmt.Sprintf("random-%d", i), func(t *testing.T) { matchEncodingJSON(t, r) })
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
	res.Answered, res.Skipped, res.Reason, res.Stability = rng.IntN(100), -rng.IntN(3), s(), f()
	if rng.IntN(3) > 0 {
		res.Recommendation = &scoring.Recommendation{
			Path: s(), Name: s(), Strength: scoring.Strength(s()), Margin: f(), RunnerUp: s(), Tie: rng.IntN(2) == 0,
		}
	}
	for range n() {
		res.Warnings = append(res.Warnings, scoring.Warning{Code: s(), Message: s()})
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
		res.Steps = append(res.Steps, scoring.StepAdvice{Theme: s(), ThemeName: s(), Text: s(), Why: s()})
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
// WriteJSON then leaves them to encoding/json, with the same result.
func TestWriteJSONLeavesOtherAnswerValuesToEncodingJSON(t *testing.T) {
	tests := []struct {
		name  string
		value any
	}{
		{"float", 1.5},
		{"bool", true},
		{"int64", int64(2)},
		{"nil", nil},
		{"list", []any{1, "2"}},
		{"table", map[string]any{"picks": []int{1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := clearRun()
			r.Answers = map[string]any{"q1": 1, "q2": tt.value}
			doc, err := newDocument(r)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := doc.appendJSON(nil); ok {
				t.Errorf("the writer claims to write %T as encoding/json does", tt.value)
			}
			want, err := doc.marshal()
			if err != nil {
				t.Fatal(err)
			}
			if got := render(t, WriteJSON, r); !bytes.Equal(got, want) {
				t.Errorf("WriteJSON and encoding/json differ\n%s", firstDifference(got, want))
			}
		})
	}
}

// Every float64 the writer accepts is formatted as encoding/json formats
// it; the non-finite ones, which encoding/json refuses, it gives up on.
func TestJSONFloat(t *testing.T) {
	for _, f := range edgeFloats {
		t.Run(fmt.Sprint(f), func(t *testing.T) {
			w := jsonWriter{ok: true}
			w.float(f)
			want, err := json.Marshal(f)
			switch {
			case err != nil && w.ok:
				t.Errorf("wrote %s for a number encoding/json refuses: %v", w.b, err)
			case err == nil && !w.ok:
				t.Errorf("gave up on a number encoding/json writes as %s", want)
			case err == nil && string(w.b) != string(want):
				t.Errorf("wrote %s, encoding/json writes %s", w.b, want)
			}
		})
	}
}

// Every byte, alone and in a word, is escaped as encoding/json escapes it.
func TestJSONString(t *testing.T) {
	texts := append([]string{}, hostile...)
	for c := range 256 {
		texts = append(texts, string([]byte{byte(c)}), "a"+string([]byte{byte(c)})+"b")
	}
	for _, s := range texts {
		w := jsonWriter{ok: true}
		w.string(s)
		if want := encodeString(t, s); string(w.b) != want {
			t.Errorf("%q: wrote %s, encoding/json writes %s", s, w.b, want)
		}
	}
}

// encodeString is s as encoding/json writes it with HTML escaping off.
func encodeString(t testing.TB, s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

func FuzzWriteJSONMatchesEncodingJSON(f *testing.F) {
	f.Add("Back-end engineer", "q1", 44.8, 2)
	f.Add("\"\\\x00\x1f\b\f\n\r\t\x7f", "\u2028\u2029", 1e-7, -1)
	f.Add("\xff\xc3 <&> \ufffd", "\xed\xa0\x80", 1e21, 1<<40)
	f.Add("系统设计与架构 😀", "", math.Copysign(0, -1), 0)
	f.Fuzz(func(t *testing.T, text, key string, x float64, n int) {
		r := clearRun()
		r.Bank.Title, r.Bank.SHA256 = text, text
		rec := r.Result.Recommendation
		rec.Path, rec.Name, rec.Strength, rec.RunnerUp, rec.Margin = text, text, scoring.Strength(text), text, x
		r.Result.Reason, r.Result.Stability = text, x
		r.Result.Warnings = []scoring.Warning{{Code: text, Message: text}}
		r.Result.Paths[0].ID, r.Result.Paths[0].Name, r.Result.Paths[0].Raw = text, text, x
		r.Result.Themes[0].ID, r.Result.Themes[0].Name = text, text
		r.Result.Toward[0].Question, r.Result.Toward[0].Text, r.Result.Toward[0].Answer = text, text, text
		r.Result.Toward[0].Points = x
		r.Result.Steps[0].Theme, r.Result.Steps[0].ThemeName = text, text
		r.Result.Steps[0].Text, r.Result.Steps[0].Why = text, text
		r.Result.Salary = []string{text}
		r.Result.Others[0].ID, r.Result.Others[0].Name, r.Result.Others[0].Summary = text, text, text
		r.Result.Others[0].Percent = x
		r.Answers = map[string]any{key: text, key + "\x00": n, text: []int{n, 1}}
		r.Seed = int64(n)
		matchEncodingJSON(t, r)
	})
}

// BenchmarkWriteJSON compares the writer with encoding/json on a warm
// process; the writer's real gain is on the first call, which a benchmark
// cannot show (see BenchmarkRun in cmd/careerquiz and .ci/perf).
func BenchmarkWriteJSON(b *testing.B) {
	doc, err := newDocument(clearRun())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("writer", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			out, _ := doc.appendJSON(make([]byte, 0, 8<<10))
			_, _ = io.Discard.Write(out)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			out, _ := doc.marshal()
			_, _ = io.Discard.Write(out)
		}
	})
}
