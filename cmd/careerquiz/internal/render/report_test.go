package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update to accept it)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// renderings are the ways a run is written out, each with the suffix of
// its golden file.
var renderings = []struct {
	suffix string
	write  func(io.Writer, Run) error
}{
	{".txt", func(w io.Writer, r Run) error { return WriteText(w, r, Options{}) }},
	{".color.txt", func(w io.Writer, r Run) error { return WriteText(w, r, Options{Color: true}) }},
	{".json", WriteJSON},
	{".md", WriteMarkdown},
	{".html", WriteHTML},
	// A narrow terminal, where the theme table is stacked.
	{".w50.txt", func(w io.Writer, r Run) error { return WriteText(w, r, Options{Width: 50}) }},
}

func render(t *testing.T, write func(io.Writer, Run) error, r Run) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, f := range fixtures() {
		for _, rd := range renderings {
			t.Run(f.name+rd.suffix, func(t *testing.T) {
				golden(t, f.name+rd.suffix, render(t, rd.write, f.run))
			})
		}
	}
}

// sgr matches the colour sequences fatih/color writes, the only escapes the
// report may contain.
var sgr = regexp.MustCompile("\x1b\\[[0-9;]*m")

func allRuns() []fixture {
	return append(fixtures(), fixture{"hostile", hostileRun()})
}

func TestTextFitsWidth(t *testing.T) {
	for _, f := range allRuns() {
		for _, width := range []int{0, 20, 40, 50, 60, 80, 100, 132} {
			for _, colored := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/width=%d/color=%v", f.name, width, colored), func(t *testing.T) {
					var buf bytes.Buffer
					if err := WriteText(&buf, f.run, Options{Color: colored, Width: width}); err != nil {
						t.Fatal(err)
					}
					limit := width
					switch {
					case width == 0:
						limit = 80
					case width < 40:
						limit = 40
					}
					checkText(t, buf.String(), limit, colored)
				})
			}
		}
	}
}

// checkText holds text output to the rules every report follows: it ends
// in a newline, no line is wider than limit runes, and apart from colour
// sequences (only when colored) it has no control byte but newlines.
func checkText(t *testing.T, out string, limit int, colored bool) {
	t.Helper()
	if !strings.HasSuffix(out, "\n") {
		t.Errorf("output does not end in a newline")
	}
	if !colored && strings.Contains(out, "\x1b") {
		t.Errorf("plain output holds an escape byte")
	}
	plain := sgr.ReplaceAllString(out, "")
	for i, l := range strings.Split(strings.TrimSuffix(plain, "\n"), "\n") {
		// Width is in terminal cells, as the report lays out: a combining
		// mark takes none, a wide character two.
		if n := textwrap.Width(l); n > limit {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i+1, n, limit, l)
		}
		for _, r := range l {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				t.Errorf("line %d holds control character %U: %q", i+1, r, l)
			}
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d is not valid UTF-8: %q", i+1, l)
		}
	}
}

func TestColorIsTheCallersChoice(t *testing.T) {
	// fatih/color turns itself off when stdout is not a terminal or NO_COLOR
	// is set; the report must follow Options.Color regardless.
	saved := color.NoColor
	t.Cleanup(func() { color.NoColor = saved })
	tests := []struct {
		name      string
		noColor   bool
		env       string
		colored   bool
		wantEscap bool
	}{
		{"on although fatih/color is off", true, "1", true, true},
		{"off although fatih/color is on", false, "", false, false},
		{"on", false, "", true, true},
		{"off", true, "1", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			color.NoColor = tt.noColor
			t.Setenv("NO_COLOR", tt.env)
			var buf bytes.Buffer
			if err := WriteText(&buf, clearRun(), Options{Color: tt.colored}); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(buf.String(), "\x1b["); got != tt.wantEscap {
				t.Errorf("escape sequences present = %v, want %v", got, tt.wantEscap)
			}
		})
	}
}

func TestColorChangesOnlyColor(t *testing.T) {
	// The coloured report must say exactly what the plain one says, with
	// the same bars: one set of glyphs for every view.
	for _, f := range allRuns() {
		t.Run(f.name, func(t *testing.T) {
			plain := render(t, func(w io.Writer, r Run) error { return WriteText(w, r, Options{}) }, f.run)
			colored := render(t, func(w io.Writer, r Run) error { return WriteText(w, r, Options{Color: true}) }, f.run)
			stripped := sgr.ReplaceAllString(string(colored), "")
			if stripped != string(plain) {
				t.Errorf("coloured report without colour differs from the plain report:\n%s\nplain:\n%s", stripped, plain)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	big := clearRun()
	big.Answers = map[string]any{}
	for i := range 1000 {
		big.Answers[fmt.Sprintf("q%04d", i)] = i%5 + 1
	}
	runs := append(allRuns(), fixture{"many answers", big})
	for _, f := range runs {
		for _, rd := range renderings {
			t.Run(f.name+rd.suffix, func(t *testing.T) {
				first := render(t, rd.write, f.run)
				second := render(t, rd.write, f.run)
				if !bytes.Equal(first, second) {
					t.Errorf("two renderings of the same run differ")
				}
			})
		}
	}
}

func TestVerdictComesFirst(t *testing.T) {
	// A person should take in the verdict from the first lines alone.
	tests := []struct {
		fixture string
		want    []string
	}{
		{"clear", []string{
			"You lean towards: Back-end engineer (clear, 68% to 32%)",
			"A clear preference, and a consistent one: your answers leaned towards Back-end",
			"engineer as far as a mild answer for it on every question would.",
			"If you took the quiz again, you would almost certainly (more than 9 in 10) get",
			"the same path.",
			"Based on 7 of 8 questions (1 skipped).",
		}},
		{"balanced", []string{
			"Balanced: no clear preference (Back-end engineer 51% to 49%)",
		}},
		{"tie", []string{
			"No preference: Back-end engineer and Back-end developer tie (50% to 50%)",
			"Your answers came out exactly even, so either path could suit you; the themes",
		}},
		{"none", []string{
			"No recommendation yet",
			"You answered 2 of 8 questions; a recommendation needs at least 4.",
			"Based on 2 of 8 questions (6 skipped).",
			"! You answered 2 of 8 questions. That is too few for a recommendation: any lean",
		}},
		{"three-paths", []string{
			"You lean towards: Back-end developer (moderate, 51% to 33%)",
			"A moderate preference, but a consistent one: your answers leaned towards",
			"Back-end developer well beyond chance, though less than a mild answer for it on",
			"every question would.",
			"If you took the quiz again, you would very likely (about 9 in 10) get the same",
			"path.",
			"Based on all 8 questions.",
		}},
	}
	runs := map[string]Run{}
	for _, f := range fixtures() {
		runs[f.name] = f.run
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteText(&buf, runs[tt.fixture], Options{}); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(buf.String(), "\n")
			for i, want := range tt.want {
				if lines[i] != want {
					t.Errorf("line %d = %q, want %q", i+1, lines[i], want)
				}
			}
		})
	}
}

func TestNoBank(t *testing.T) {
	for _, rd := range renderings {
		t.Run(rd.suffix, func(t *testing.T) {
			var buf bytes.Buffer
			if err := rd.write(&buf, Run{}); err == nil {
				t.Errorf("writing a run without a bank succeeded")
			}
			if buf.Len() > 0 {
				t.Errorf("wrote %q before failing", buf.String())
			}
		})
	}
}

// decode renders r as JSON and decodes it generically, as a program
// reading the result would.
func decode(t *testing.T, r Run) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(render(t, WriteJSON, r), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// at follows a path of keys and list indexes into a decoded document.
func at(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, k := range path {
		switch k := k.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at %q", path, k)
			}
			if v, ok = m[k]; !ok {
				t.Fatalf("%v: no key %q", path, k)
			}
		case int:
			l, ok := v.([]any)
			if !ok || k >= len(l) {
				t.Fatalf("%v: no item %d", path, k)
			}
			v = l[k]
		}
	}
	return v
}

func TestJSONFields(t *testing.T) {
	clear, none, three := decode(t, clearRun()), decode(t, noRecommendationRun()), decode(t, threePathRun())
	balanced, hostile := decode(t, balancedRun()), decode(t, hostileRun())
	tests := []struct {
		name string
		doc  map[string]any
		path []any
		want any
	}{
		{"schema names the shape", clear, []any{"schema"}, "careerquiz.result/v1"},
		{"bank counts its questions", clear, []any{"bank", "questions"}, 8.0},
		{"bank digest", clear, []any{"bank", "sha256"}, digest("Back-end engineer or back-end developer?")},
		{"recommended path", clear, []any{"recommendation", "path"}, "engineer"},
		{"strength", clear, []any{"recommendation", "strength"}, "clear"},
		{"margin to one decimal", clear, []any{"recommendation", "margin"}, 36.7},
		{"runner-up", clear, []any{"recommendation", "runner_up"}, "developer"},
		{"percent to one decimal", clear, []any{"paths", 0, "percent"}, 78.3},
		{"points kept", clear, []any{"paths", 0, "points"}, 9.4},
		{"confidence to three decimals", clear, []any{"confidence"}, 0.963},
		{"stability repeats confidence", clear, []any{"stability"}, 0.963},
		{"share to one decimal", clear, []any{"paths", 0, "share"}, 68.3},
		{"shares sum to 100", clear, []any{"paths", 1, "share"}, 31.7},
		{"other path share", clear, []any{"others", 0, "share"}, 31.7},
		{"bands applied", clear, []any{"bands"}, map[string]any{"slight": 17.9, "moderate": 66.7, "clear": 83.3, "calibrated": true}},
		{"withheld code", none, []any{"withheld"}, "few-answered"},
		{"warning worded", balanced, []any{"warnings", 0, "message"}, "You picked option 1 on all 7 questions that take one answer, so the result may mean little: answer by what fits you, not by position."},
		{"theme percent", clear, []any{"themes", 2, "paths", 0, "percent"}, 20.0},
		{"negative points", clear, []any{"reasons", "against", "points"}, -1.1},
		{"every step says why", clear, []any{"steps", 1, "why"}, "Your answers on System design leaned neither way: it keeps its place in the usual order of the Back-end engineer path."},
		{"step kind", clear, []any{"steps", 2, "kind"}, "explore"},
		{"step reason", clear, []any{"steps", 2, "reason"}, "away"},
		{"questions a reason quotes", clear, []any{"steps", 2, "questions", 0}, "q3"},
		{"other path's first step", clear, []any{"other_steps", 0, "path"}, "developer"},
		{"step done", clear, []any{"steps_done", 1, "questions", 0}, "experience"},
		{"other path percent", clear, []any{"others", 0, "percent"}, 41.7},
		{"pick-any answer", clear, []any{"answers", "q7", 1}, 2.0},
		{"skipped answer", clear, []any{"answers", "q5"}, "skip"},
		{"bank order has no seed", clear, []any{"order"}, map[string]any{"shuffled": false}},
		{"seed 0 is still a seed", balanced, []any{"order", "seed"}, 0.0},
		{"no recommendation is null", none, []any{"recommendation"}, nil},
		{"no recommendation has a reason", none, []any{"reason"}, "You answered 2 of 8 questions; a recommendation needs at least 4."},
		{"no reasons is an empty list", none, []any{"reasons", "toward"}, []any{}},
		{"no against is null", none, []any{"reasons", "against"}, nil},
		{"no steps is an empty list", none, []any{"steps"}, []any{}},
		{"third path", three, []any{"paths", 2, "id"}, "web"},
		{"large seed exact", three, []any{"order", "seed"}, 1234567890123.0},
		{"warning code", balanced, []any{"warnings", 0, "code"}, "same-position"},
		{"control characters removed", hostile, []any{"bank", "title"}, "Back-end engineer\n and more \uFFFD"},
		{"tiny points do not become -0", hostile, []any{"reasons", "against", "points"}, -0.001},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := at(t, tt.doc, tt.path...)
			gotJSON, _ := json.Marshal(got)
			wantJSON, _ := json.Marshal(tt.want)
			if !bytes.Equal(gotJSON, wantJSON) {
				t.Errorf("%v = %s, want %s", tt.path, gotJSON, wantJSON)
			}
		})
	}
}

func TestJSONIsOneIndentedDocument(t *testing.T) {
	for _, f := range allRuns() {
		t.Run(f.name, func(t *testing.T) {
			out := render(t, WriteJSON, f.run)
			if !bytes.HasSuffix(out, []byte("}\n")) || bytes.HasSuffix(out, []byte("\n\n")) {
				t.Errorf("document does not end in exactly one newline")
			}
			if !bytes.HasPrefix(out, []byte("{\n  \"schema\": ")) {
				t.Errorf("document does not start with the schema, indented two spaces: %.40q", out)
			}
			dec := json.NewDecoder(bytes.NewReader(out))
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
			if dec.More() {
				t.Errorf("more than one JSON value written")
			}
		})
	}
}

func TestJSONEmptyAnswers(t *testing.T) {
	r := noRecommendationRun()
	r.Answers = nil
	if got := at(t, decode(t, r), "answers"); fmt.Sprint(got) != "map[]" {
		t.Errorf("answers = %v, want an empty object", got)
	}
}

func TestRound(t *testing.T) {
	tests := []struct {
		x        float64
		decimals int
		want     float64
	}{
		{68.04, 1, 68},
		{68.06, 1, 68.1},
		{-0.04, 1, 0},
		{0.96251, 3, 0.963},
		{2.5, 0, 3},
		{-2.5, 0, -3},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.x, "/", tt.decimals), func(t *testing.T) {
			got := result.Round(tt.x, tt.decimals)
			if got != tt.want || fmt.Sprint(got) == "-0" {
				t.Errorf("result.Round(%v, %d) = %v, want %v", tt.x, tt.decimals, got, tt.want)
			}
		})
	}
}

func TestShownSharesAddUpTo100(t *testing.T) {
	tests := []struct {
		shares []float64
		want   []string
	}{
		// Rounded one by one, 47.5 and 52.5 would read 48% to 53%.
		{[]float64{47.5, 52.5}, []string{"48%", "52%"}},
		{[]float64{68.2, 31.8}, []string{"68%", "32%"}},
		// Whole numbers would make a lean look even: tenths instead.
		{[]float64{50.3, 49.7}, []string{"50.3%", "49.7%"}},
		{[]float64{50, 50}, []string{"50%", "50%"}},
		{[]float64{100.0 / 3, 100.0 / 3, 100.0 / 3}, []string{"34%", "33%", "33%"}},
		{[]float64{12.5, 12.5, 75}, []string{"13%", "12%", "75%"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.shares), func(t *testing.T) {
			var got []string
			for _, s := range result.Shown(tt.shares) {
				got = append(got, percentText(s))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("result.Shown(%v) shown as %q, want %q", tt.shares, got, tt.want)
			}
		})
	}
}

func TestPathShareIsTheShownFigure(t *testing.T) {
	// The headline, the split bar, Markdown's split, the try-both reason
	// and "Other paths" all take their figures from pathShare.
	res := scoring.Result{Paths: []scoring.PathScore{{ID: "e", Share: 47.5}, {ID: "d", Share: 52.5}}}
	if a, b := pathShare(res, "e"), pathShare(res, "d"); a+b != 100 {
		t.Errorf("pathShare gives %v and %v, which add up to %v", a, b, a+b)
	}
}

func TestSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"you answered 7 of 28 questions", "You answered 7 of 28 questions."},
		{"Already a sentence.", "Already a sentence."},
		{"is it?", "Is it?"},
		{"élan", "Élan."},
		{"", ""},
	}
	for _, tt := range tests {
		if got := sentence(tt.in); got != tt.want {
			t.Errorf("sentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPointsText(t *testing.T) {
	tests := []struct {
		x    float64
		want string
	}{
		{2, "+2"},
		{1.5, "+1.5"},
		{-0.75, "-0.75"},
		{0.1 + 0.2, "+0.3"},
		{-0.0001, "0"},
	}
	for _, tt := range tests {
		if got := pointsText(tt.x); got != tt.want {
			t.Errorf("pointsText(%v) = %q, want %q", tt.x, got, tt.want)
		}
	}
}

func TestBar(t *testing.T) {
	// One bar for every view: the report's, without colour, is Bar.
	p := &printer{pal: newPalette(false)}
	tests := []struct {
		percent float64
		want    string
	}{
		{0, "░░░░░░░░░░"},
		{50, "█████░░░░░"},
		{100, "██████████"},
		{4, "░░░░░░░░░░"},
		{5, "█░░░░░░░░░"},
		{250, "██████████"},
		{-3, "░░░░░░░░░░"},
	}
	for _, tt := range tests {
		if got := p.bar(tt.percent, 10, p.pal.bold); got != tt.want {
			t.Errorf("bar(%v) = %q, want %q", tt.percent, got, tt.want)
		}
		if got := Bar(tt.percent, 10); got != tt.want {
			t.Errorf("Bar(%v) = %q, want %q", tt.percent, got, tt.want)
		}
	}
}

func TestEvenSplitFillsHalfEachSide(t *testing.T) {
	// A 50 to 50 split fills as many cells for one path as for the other,
	// at every width.
	for _, width := range []int{40, 50, 79, 80, 120, 200} {
		res := tieRun().Result
		res.Paths[0].Share, res.Paths[1].Share = 50, 50
		p := &printer{width: width, pal: newPalette(false), res: res}
		p.split([]string{"A", "B"})
		rows := strings.Split(p.buf.String(), "\n")
		if l, r := strings.Count(rows[1], barFull), strings.Count(rows[1], barOther); l != r {
			t.Errorf("width %d: 50 to 50 is drawn %d to %d: %q", width, l, r, rows[1])
		}
		// The names stand over the ends of the bar, however wide the screen.
		if n, b := utf8.RuneCountInString(rows[0]), utf8.RuneCountInString(rows[1]); n != b {
			t.Errorf("width %d: the names' line is %d wide and the bar's %d:\n%s\n%s", width, n, b, rows[0], rows[1])
		}
	}
}

func TestBandIsCalledBalancedAtEveryWidth(t *testing.T) {
	for _, width := range []int{40, 50, 80, 120, 200} {
		var buf bytes.Buffer
		if err := WriteText(&buf, balancedRun(), Options{Width: width}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "╯ balanced\n") || strings.Contains(buf.String(), "no clear preference\n") {
			t.Errorf("width %d: the band under the split is not called balanced:\n%s", width, buf.String())
		}
	}
}

func TestNothingANewcomerNeedsIsCut(t *testing.T) {
	// Questions, the sides taken and the other paths' summaries wrap at
	// the width instead of ending in an ellipsis: read with its line
	// breaks as spaces, the report holds each of them whole. (Only a word
	// longer than the line itself is ever broken.)
	for _, f := range fixtures() {
		res := f.run.Result
		var whole []string
		for _, rs := range append(append([]scoring.Reason{}, res.Toward...), derefReason(res.Against)...) {
			whole = append(whole, result.OneLine(rs.Text), result.OneLine(answerText(rs)))
		}
		for _, o := range res.Others {
			whole = append(whole, result.OneLine(o.Summary))
		}
		for _, width := range []int{40, 50, 80, 120, 200} {
			var buf bytes.Buffer
			if err := WriteText(&buf, f.run, Options{Width: width}); err != nil {
				t.Fatal(err)
			}
			flat := strings.Join(strings.Fields(buf.String()), " ")
			for _, w := range whole {
				if !strings.Contains(flat, w) {
					t.Errorf("%s at %d columns does not show %q whole:\n%s", f.name, width, w, buf.String())
				}
			}
		}
	}
}

func derefReason(r *scoring.Reason) []scoring.Reason {
	if r == nil {
		return nil
	}
	return []scoring.Reason{*r}
}

func TestStrengthAndConfidenceAreExplainedTogether(t *testing.T) {
	lean := func(strength scoring.Strength, conf float64, warn ...string) scoring.Result {
		res := scoring.Result{
			Recommendation: &scoring.Recommendation{Path: "d", Name: "Back-end developer", Strength: strength, RunnerUp: "e"},
			Confidence:     conf,
		}
		for _, w := range warn {
			res.Warnings = append(res.Warnings, scoring.Warning{Code: w, Count: 10})
		}
		return res
	}
	tests := []struct {
		name          string
		res           scoring.Result
		meaning, conf string
		notInConf     string
	}{
		{"mild but consistent", lean(scoring.Slight, 1),
			"A slight preference, but a consistent one: your answers leaned towards Back-end developer a little more than most people's with no preference do.",
			"If you took the quiz again, you would almost certainly (more than 9 in 10) get the same path.", ""},
		{"clear and consistent", lean(scoring.Clear, 0.9), "A clear preference, and a consistent one", "very likely (about 9 in 10)", ""},
		{"unsteady", lean(scoring.Moderate, 0.65), "A moderate preference, and not a steady one", "more likely than not (about 7 in 10)", ""},
		// Every answer that took a side took the same one: only their
		// number keeps the figure low, and the words say so.
		{"unsteady on few answers", func() scoring.Result {
			r := lean(scoring.Clear, 0.7)
			r.Sided, r.Paths = 2, []scoring.PathScore{{ID: "d", Towards: 2}, {ID: "e"}}
			return r
		}(), "A clear preference, and not yet a steady one", "about 7 in 10", "not all of your answers"},
		// Beside a warning about how the person answered, neither the
		// label nor the confidence may claim more than the answers carry.
		{"agreeing with everything", lean(scoring.Moderate, 0.999, scoring.WarnAgreeAll),
			"A moderate preference: your answers leaned towards Back-end developer well beyond chance, though less than a mild answer for it on every question would.",
			"The chance of the same path on a retest (more than 9 in 10) assumes answers given by what fits you; with the pattern noted below, it may say more about how you answered than about you.",
			"almost certainly"},
		{"same position", lean(scoring.Slight, 0.97, scoring.WarnSamePosition), "A slight preference:", "with the pattern noted below", "almost certainly"},
		{"few answered is not a pattern", lean(scoring.Slight, 0.97, scoring.WarnFewAnswered), "but a consistent one", "almost certainly", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meaningText(tt.res); !strings.Contains(got, tt.meaning) {
				t.Errorf("meaning = %q, want it to contain %q", got, tt.meaning)
			}
			got := confidenceText(tt.res)
			if !strings.Contains(got, tt.conf) {
				t.Errorf("confidence = %q, want it to contain %q", got, tt.conf)
			}
			if tt.notInConf != "" && strings.Contains(got+meaningText(tt.res), tt.notInConf) {
				t.Errorf("with a warning about answering style the words say %q: %q", tt.notInConf, got)
			}
		})
	}
}

func FuzzWriteText(f *testing.F) {
	f.Add("Back-end engineer", "System design", outageText, "Redesign the system", 80)
	f.Add("\x1b]0;x\x07A\x1b[2J", "\u202e\xff\x9b", "\r\n\t", strings.Repeat("w", 200), 41)
	f.Add("系统设计与架构", "テーマ", "", "", 0)
	f.Fuzz(func(t *testing.T, name, themeName, question, answer string, width int) {
		width %= 200
		r := clearRun()
		r.Bank.Title = question
		r.Result.Paths[0].Name = name
		r.Result.Recommendation.Name = name
		r.Result.Themes[0].Name = themeName
		r.Result.Toward[0].Text = question
		r.Result.Toward[0].Answer = answer
		r.Result.Steps[0].Text = question
		r.Result.Steps[0].Answers = []scoring.StepAnswer{{Question: "q", Verb: scoring.Chose, Text: answer}}
		r.Result.Others[0].Name = themeName
		r.Result.Others[0].Summary = answer
		r.Result.Warnings = []scoring.Warning{{Code: "few-answered", Count: width, Of: len(answer)}, {Code: answer}}
		r.Result.Salary = []string{name}
		for _, colored := range []bool{false, true} {
			var buf bytes.Buffer
			if err := WriteText(&buf, r, Options{Color: colored, Width: width}); err != nil {
				t.Fatal(err)
			}
			limit := width
			if width <= 0 {
				limit = 80
			}
			checkText(t, buf.String(), max(limit, 40), colored)
		}
	})
}

// Keep the fixtures honest: a run's answered and skipped counts add up to
// the bank's questions, as scoring promises.
func TestFixturesAreConsistent(t *testing.T) {
	for _, f := range allRuns() {
		res := f.run.Result
		if res.Answered+res.Skipped != res.Total || res.Total != len(f.run.Bank.Questions) {
			t.Errorf("%s: answered %d + skipped %d != total %d (bank has %d)", f.name,
				res.Answered, res.Skipped, res.Total, len(f.run.Bank.Questions))
		}
		for id, a := range f.run.Answers {
			i := f.run.Bank.QuestionIndex(id)
			if i < 0 {
				t.Errorf("%s: answer to unknown question %q", f.name, id)
				continue
			}
			q := f.run.Bank.Questions[i]
			var picks []int
			switch a := a.(type) {
			case int:
				picks = []int{a}
			case []int:
				if q.Kind != quiz.PickAny {
					t.Errorf("%s: several picks for %s question %q", f.name, q.Kind, id)
				}
				picks = a
			case string:
				if a != "skip" {
					t.Errorf("%s: answer %q to question %q", f.name, a, id)
				}
			}
			for _, n := range picks {
				if n < 1 || n > len(q.Options) {
					t.Errorf("%s: question %q has no option %d", f.name, id, n)
				}
			}
		}
	}
}

// TestChanceIsNeverAFlatZero: the quick stop's chance reads the same during
// the quiz and in its report, where it is kept to four decimals.
func TestChanceIsNeverAFlatZero(t *testing.T) {
	for c, want := range map[float64]string{0: "under 0.1%", 0.00003: "under 0.1%", 0.0004: "under 0.1%", 0.001: "0.1%", 0.0196: "2.0%"} {
		if got := ChanceText(c); got != want {
			t.Errorf("ChanceText(%v) = %q, want %q", c, got, want)
		}
	}
}
