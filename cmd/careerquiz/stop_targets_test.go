package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/quiz"
)

// latentSheet is the answers of a person of the latent-trait population:
// a true lean theta towards the bank's first path (engineer) and away
// from its second, each answer theta plus standard normal noise. Five
// points are that sum cut at ±0.5 and ±1.5, towards the path a graded
// question's side or a statement speaks for; another single pick takes an
// option on the side the sum falls, at random among them; a pick-any
// option is ticked when its side's lean plus its own noise is above 0.
// It is written here, apart from the stops' own model, so that the
// figures do not rest on the model the quick stop fits.
func latentSheet(b *quiz.Bank, r *rand.Rand, theta float64) map[string]any {
	first := b.Paths[0].ID
	towards := func(path string) float64 {
		if path == first {
			return 1
		}
		return -1
	}
	point := func(y float64) int {
		switch {
		case y < -1.5:
			return 1
		case y < -0.5:
			return 2
		case y < 0.5:
			return 3
		case y < 1.5:
			return 4
		}
		return 5
	}
	side := func(o quiz.Option) float64 {
		d := o.Weights[0] - o.Weights[1]
		switch {
		case d > 0:
			return 1
		case d < 0:
			return -1
		}
		return 0
	}
	sheet := map[string]any{}
	for _, q := range b.Questions {
		y := theta + r.NormFloat64()
		switch {
		case !q.Scored():
			sheet[q.ID] = 1 + r.IntN(len(q.Options))
			if q.Multiple() {
				sheet[q.ID] = []int{1}
			}
		case q.Kind == quiz.Graded && len(q.Sides) == 2:
			sheet[q.ID] = point(towards(q.Sides[1].Path) * y)
		case q.Kind == quiz.Scale:
			sheet[q.ID] = point(towards(q.Keyed) * y)
		case q.Multiple():
			var picks []int
			for len(picks) == 0 {
				for o, opt := range q.Options {
					s := side(opt)
					if s == 0 && r.IntN(2) == 0 || s != 0 && s*(theta+r.NormFloat64()) > 0 {
						picks = append(picks, o+1)
					}
				}
			}
			sheet[q.ID] = picks
		default:
			var on []int
			for o, opt := range q.Options {
				if s := side(opt); s != 0 && s*y > 0 {
					on = append(on, o+1)
				}
			}
			if len(on) == 0 {
				on = []int{1 + r.IntN(len(q.Options))}
			}
			sheet[q.ID] = on[r.IntN(len(on))]
		}
	}
	return sheet
}

// TestStopTargetsThroughTheCommand holds the stops to the targets,
// through `careerquiz --answers FILE --stop MODE --json` for people of the
// latent-trait population, each answering the same sheet with every
// question asked, with the settled stop and with --quick:
//
//   - settled: the same path (or the same no clear preference) for everyone,
//     the same label for at least 90%, at most 85% of the scored questions
//     asked;
//   - quick: the same path for at least 97%, and for 99% of those whose
//     full result is a preference, at most 50% of the scored questions
//     asked.
func TestStopTargetsThroughTheCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command three times for each of 300 people")
	}
	people := 300
	b, err := loadBank("")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	e := benchEnv(t)
	r := rand.New(rand.NewPCG(22, 22))
	type tally struct{ asked, path, label, decided, decidedPath int }
	var settled, quick tally
	scored := 0
	for _, q := range b.Questions {
		if q.Scored() {
			scored++
		}
	}
	for i := range people {
		data, err := json.Marshal(latentSheet(b, r, r.NormFloat64()))
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "answers.json")
		if err := os.WriteFile(file, data, 0o600); err != nil {
			t.Fatal(err)
		}
		verdict := func(stop string) result.Document {
			var out jsonBuffer
			e.stdout = &out
			if code := run([]string{"--answers", file, "--stop", stop, "--json"}, e); code != cli.ExitOK {
				t.Fatalf("person %d, --stop %s: exit code %d", i, stop, code)
			}
			var doc result.Document
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatal(err)
			}
			return doc
		}
		full := verdict("none")
		for _, run := range []struct {
			stop string
			tl   *tally
		}{{"settled", &settled}, {"quick", &quick}} {
			doc := verdict(run.stop)
			run.tl.asked += scored - len(doc.NotAsked)
			same := standingOf(doc) == standingOf(full)
			if run.stop == "settled" && !same {
				t.Errorf("person %d: settled says %q, every question %q", i, standingOf(doc), standingOf(full))
			}
			samePath := pathOf(doc) == pathOf(full)
			run.tl.path += oneIf(samePath)
			run.tl.label += oneIf(samePath && strengthOf(doc) == strengthOf(full))
			if strengthOf(full) != "" && strengthOf(full) != "balanced" {
				run.tl.decided++
				run.tl.decidedPath += oneIf(samePath)
			}
		}
	}
	share := func(n, of int) float64 { return float64(n) / float64(max(1, of)) }
	// The README and docs/usage.md give these figures: they must say what
	// was measured.
	for _, doc := range []string{"../../README.md", "../../docs/usage.md"} {
		text, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		said := strings.Join(strings.Fields(string(text)), " ")
		for _, want := range []string{
			fmt.Sprintf("on %d simulated people", people),
			fmt.Sprintf("settled asked %.0f%% of the %d scored questions and named the same path for %.0f%% (same label %.0f%%)",
				100*share(settled.asked, people*scored), scored, 100*share(settled.path, people), 100*share(settled.label, people)),
			fmt.Sprintf("`--quick` asked %.0f%%, with the same path for %.0f%%, but the same label for only %.0f%%",
				100*share(quick.asked, people*scored), 100*share(quick.path, people), 100*share(quick.label, people)),
		} {
			if !strings.Contains(said, want) {
				t.Errorf("%s does not say %q", doc, want)
			}
		}
	}
	for _, run := range []struct {
		name                    string
		tl                      tally
		path, decided, label, a float64
	}{
		{"settled", settled, 1, 1, 0.90, 0.85},
		{"quick", quick, 0.97, 0.99, 0, 0.50},
	} {
		tl := run.tl
		asked := share(tl.asked, people*scored)
		t.Logf("%s, %d people: asked %.1f of %d (%.1f%%), same path %.1f%%, same label %.1f%%, same path of %d decided %.1f%%",
			run.name, people, float64(tl.asked)/float64(people), scored, 100*asked,
			100*share(tl.path, people), 100*share(tl.label, people), tl.decided, 100*share(tl.decidedPath, tl.decided))
		if got := share(tl.path, people); got < run.path {
			t.Errorf("%s: the same path for %.1f%%, want at least %.0f%%", run.name, 100*got, 100*run.path)
		}
		if got := share(tl.decidedPath, tl.decided); got < run.decided {
			t.Errorf("%s: the same path for %.1f%% of decided results, want at least %.0f%%", run.name, 100*got, 100*run.decided)
		}
		if got := share(tl.label, people); got < run.label {
			t.Errorf("%s: the same label for %.1f%%, want at least %.0f%%", run.name, 100*got, 100*run.label)
		}
		if asked > run.a {
			t.Errorf("%s: %.1f%% of the scored questions asked, want at most %.0f%%", run.name, 100*asked, 100*run.a)
		}
	}
}

// jsonBuffer collects what run writes.
type jsonBuffer []byte

func (b *jsonBuffer) Write(p []byte) (int, error) { *b = append(*b, p...); return len(p), nil }

func pathOf(d result.Document) string {
	switch {
	case d.Recommendation == nil:
		return "(withheld)"
	case d.Recommendation.Tie:
		return "(tie)"
	}
	return d.Recommendation.Path
}

func strengthOf(d result.Document) string {
	if d.Recommendation == nil {
		return ""
	}
	return string(d.Recommendation.Strength)
}

// standingOf is the path and whether it is a preference.
func standingOf(d result.Document) string {
	if s := strengthOf(d); s == "balanced" || d.Recommendation != nil && d.Recommendation.Tie {
		return pathOf(d) + ", balanced"
	}
	return pathOf(d)
}

func oneIf(b bool) int {
	if b {
		return 1
	}
	return 0
}
