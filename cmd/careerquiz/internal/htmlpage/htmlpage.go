// Package htmlpage writes the pages a person keeps or sends: a quiz result,
// the history of their attempts and a cohort's figures, each one
// self-contained HTML file. Styles are inline, charts are inline SVG, and
// there is no script and nothing fetched from elsewhere, so a page opens in
// any browser with no network, prints on A4 or Letter, reads on a phone and
// follows the system's dark mode.
//
// The pages show the figures they are given, rounded as the text views
// round them, and word them as the text views do; html/template escapes
// every text that comes from a bank or a result file.
package htmlpage

import (
	"bytes"
	"embed"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/results"
	"github.com/careerquiz/careerquiz/internal/termsafe"
)

//go:embed *.html style.css
var files embed.FS

// pages holds every page's template: "top" and "bottom" (page.html) are
// the head, style sheet and footer each page shares; "result", "history"
// and "cohort" are the pages.
var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"css": func() template.CSS { return style },
}).ParseFS(files, "*.html"))

var style = func() template.CSS {
	b, err := files.ReadFile("style.css")
	if err != nil {
		panic(err)
	}
	return template.CSS(b)
}()

// write renders one page into a buffer first, so that on error nothing is
// written to w.
func write(w io.Writer, name string, data any) error {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// text makes text from a bank or a result file fit to show: valid UTF-8, no
// control characters, white space made single spaces. Escaping is left to
// html/template.
func text(s string) string {
	return strings.Join(strings.Fields(termsafe.Clean(strings.ToValidUTF8(s, "\uFFFD"))), " ")
}

// shown rounds shares that add up to 100 as every view shows them: whole
// numbers that still add up to 100, or tenths where whole numbers would make
// two different shares look equal.
func shown(shares []float64) []float64 {
	whole := results.RoundShares(shares, 0)
	for i := range whole {
		for j := range i {
			if whole[i] == whole[j] && round(shares[i], 1) != round(shares[j], 1) {
				return results.RoundShares(shares, 1)
			}
		}
	}
	return whole
}

// round rounds x to the given number of decimals; non-finite numbers and -0
// become 0.
func round(x float64, decimals int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	p := math.Pow10(decimals)
	r := math.Round(x*p) / p
	if r == 0 || math.IsNaN(r) || math.IsInf(r, 0) {
		return 0
	}
	return r
}

// num is a figure to a tenth at most, with no needless decimals.
func num(x float64) string { return strconv.FormatFloat(round(x, 1), 'f', -1, 64) }

// pct is a figure as a percentage.
func pct(x float64) string { return num(x) + "%" }

// svgNum is a coordinate, to two decimals at most.
func svgNum(x float64) string { return strconv.FormatFloat(round(x, 2), 'f', -1, 64) }

// count is "1 question" or "3 questions".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// day is the date a quiz was taken, as a reader writes it.
func day(t time.Time) string { return t.Format("2 January 2006") }

// minute is the time an attempt was taken, as the history lists it.
func minute(t time.Time) string {
	if t.IsZero() {
		return "(not recorded)"
	}
	return t.Format("2006-01-02 15:04")
}

// palette is how many colours paths are told apart by; the style sheet
// defines .c0 to .c5, in light and dark, each AA against its background.
const palette = 6

// colour is the class of the i-th path's colour.
func colour(i int) string { return "c" + strconv.Itoa(i%palette) }
