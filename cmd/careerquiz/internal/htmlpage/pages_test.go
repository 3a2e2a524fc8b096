package htmlpage

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/report"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// page is one of the three pages, made from the built-in bank and the
// fixtures: the pages the golden files hold and .ci/browser looks at.
type pageCase struct {
	name  string
	write func(t *testing.T) []byte
}

func pageCases() []pageCase {
	return []pageCase{
		{"result", func(t *testing.T) []byte {
			b := builtinBank(t)
			var buf bytes.Buffer
			if err := WriteResult(&buf, resultJSON(t, run(b, answerSets[2], 1)), ResultOptions{Taken: taken}); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}},
		{"result-three", func(t *testing.T) []byte {
			b := threeBank(t)
			a := quiz.Answers{"plan": {Picks: []int{2}}, "scale": {Picks: []int{4}}, "team": {Picks: []int{1}}}
			r := report.Run{Bank: b, Result: scoring.Score(b, a), Answers: b.AnswerValues(a)}
			var buf bytes.Buffer
			if err := WriteResult(&buf, resultJSON(t, r), ResultOptions{Taken: taken}); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}},
		{"history", func(t *testing.T) []byte {
			var buf bytes.Buffer
			if err := WriteHistory(&buf, historyFixture()); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}},
		{"cohort", func(t *testing.T) []byte {
			b := builtinBank(t)
			var buf bytes.Buffer
			if err := WriteCohort(&buf, cohortReport(b, 120), CohortOptions{Slight: scoring.NewScorer(b).Bands().Slight}); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}},
	}
}

// TestWritePages writes the three pages into the folder -pages names, for a
// person or a browser to look at (.ci/browser does); without -pages it does
// nothing.
func TestWritePages(t *testing.T) {
	if *pagesTo == "" {
		t.Skip("no -pages folder")
	}
	for _, pc := range pageCases() {
		writeFile(t, filepath.Join(*pagesTo, pc.name+".html"), pc.write(t))
	}
}

// TestGoldenPages holds the three pages to testdata/*.html; go test -update
// rewrites them.
func TestGoldenPages(t *testing.T) {
	for _, pc := range pageCases() {
		t.Run(pc.name, func(t *testing.T) {
			got := pc.write(t)
			golden := filepath.Join("testdata", pc.name+".html")
			if *update {
				writeFile(t, golden, got)
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test -update writes it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; if the change is meant, go test -update", pc.name, golden)
			}
		})
	}
}

// TestPagesStandAlone checks what makes each page one file that opens with
// no network and reads well with assistive technology: nothing fetched,
// no script, the language, character set and viewport declared, headings
// in order, ids unique, and every chart either named and described or
// hidden beside its numbers.
func TestPagesStandAlone(t *testing.T) {
	for _, pc := range pageCases() {
		t.Run(pc.name, func(t *testing.T) {
			out := pc.write(t)
			checkStandAlone(t, out)
		})
	}
	// Every way of answering the built-in bank gives a page that stands
	// alone and stays small.
	b := builtinBank(t)
	for _, s := range answerSets {
		t.Run("result/"+s.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteResult(&buf, resultJSON(t, run(b, s, 1)), ResultOptions{Taken: taken}); err != nil {
				t.Fatal(err)
			}
			checkStandAlone(t, buf.Bytes())
		})
	}
}

// maxPage is the most a page of the built-in bank may weigh: small enough
// to send by email.
const maxPage = 100 << 10

func checkStandAlone(t *testing.T, out []byte) {
	t.Helper()
	if len(out) >= maxPage {
		t.Errorf("page is %d bytes, want under %d", len(out), maxPage)
	}
	lower := strings.ToLower(string(out))
	for _, bad := range []string{"http:", "https:", "<script", "<link", "<img", "<iframe", "@import", "url(", " src=", " href=", "javascript:"} {
		if strings.Contains(lower, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
	if !strings.HasPrefix(lower, "<!doctype html>\n") {
		t.Errorf("page does not start with <!doctype html>")
	}
	page := parsePage(t, out)
	html := page.byName("html")
	if len(html) != 1 || html[0].attr["lang"] == "" {
		t.Errorf("no <html lang>")
	}
	var charset, viewport bool
	for _, m := range page.byName("meta") {
		charset = charset || strings.EqualFold(m.attr["charset"], "utf-8")
		viewport = viewport || (m.attr["name"] == "viewport" && strings.Contains(m.attr["content"], "width=device-width"))
	}
	if !charset || !viewport {
		t.Errorf("meta charset %v, viewport %v; want both", charset, viewport)
	}
	if titles := page.byName("title"); len(titles) == 0 || titles[0].Text() == "" {
		t.Errorf("no page title")
	}
	// Headings: one h1, first, and no level skipped on the way down.
	level := 0
	headings := page.all(func(n *node) bool {
		return len(n.name) == 2 && n.name[0] == 'h' && n.name[1] >= '1' && n.name[1] <= '6'
	})
	for i, h := range headings {
		l := int(h.name[1] - '0')
		if (i == 0) != (l == 1) || l > level+1 {
			t.Errorf("heading %d is <%s> %q after level %d", i+1, h.name, h.Text(), level)
		}
		level = l
	}
	ids := map[string]bool{}
	for _, n := range page.all(func(n *node) bool { return n.attr["id"] != "" }) {
		if ids[n.attr["id"]] {
			t.Errorf("id %q used twice", n.attr["id"])
		}
		ids[n.attr["id"]] = true
	}
	for _, svg := range page.byName("svg") {
		switch {
		case svg.attr["aria-hidden"] == "true":
		case svg.attr["role"] == "img" && svg.attr["aria-label"] != "":
		case svg.attr["role"] == "img" && svg.attr["aria-labelledby"] != "":
			for _, id := range strings.Fields(svg.attr["aria-labelledby"]) {
				if !ids[id] {
					t.Errorf("chart labelled by missing id %q", id)
				}
			}
		default:
			t.Errorf("chart with neither a text equivalent nor aria-hidden: %v", svg.attr)
		}
	}
}
