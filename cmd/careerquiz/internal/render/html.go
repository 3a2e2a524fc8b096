package render

import (
	"bytes"
	"embed"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
)

// HTML is the format of the pages a person keeps or sends: the report, the
// history and a cohort's figures, each one self-contained file with inline
// styles and SVG and nothing fetched, so that it opens with no network. The
// pages say what the text views say, with the same functions.
const HTML = "html"

func init() {
	writers[HTML] = func(w io.Writer, r Run, _ Options) error { return WriteHTML(w, r) }
}

//go:embed html
var htmlFiles embed.FS

// pages holds every page's template, parsed when a page is first written,
// not when careerquiz starts: most runs write no page.
var pages = sync.OnceValue(func() *template.Template {
	style, err := htmlFiles.ReadFile("html/style.css")
	if err != nil {
		panic(err)
	}
	return template.Must(template.New("").Funcs(template.FuncMap{
		"css": func() template.CSS { return template.CSS(style) },
	}).ParseFS(htmlFiles, "html/*.html"))
})

// writePage renders one page into a buffer first, so that on error nothing
// is written to w.
func writePage(w io.Writer, name string, data any) error {
	var buf bytes.Buffer
	if err := pages().ExecuteTemplate(&buf, name, data); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// svgNum is a coordinate, to two decimals at most.
func svgNum(x float64) string { return strconv.FormatFloat(result.Round(x, 2), 'f', -1, 64) }

// pagePalette is how many colours paths are told apart by on a page; the
// style sheet defines .c0 to .c5, in light and dark, each AA against its
// background.
const pagePalette = 6

// colourClass is the class of the i-th path's colour.
func colourClass(i int) string { return "c" + strconv.Itoa(i%pagePalette) }

// legendEntry is a path as a chart names it.
type legendEntry struct {
	ID, Name, Class string
	Share           float64
	Shown           string
}

// splitBar is a bar of shares that add up to 100, one part per path, in a
// viewBox 100 units wide; with two paths it marks 50 and maybe the Band.
type splitBar struct {
	Parts []splitPart
	Mid   bool
	Band  *balancedBand
	// Desc is the bar in words, for a reader who cannot see it.
	Desc string
}

type splitPart struct {
	X, W  string
	Class string
	// Gap is where the part ends, when another part follows it.
	Gap string
}

// balancedBand is the shares within half the slight margin of 50.
type balancedBand struct{ X, W, Lo, Hi string }

// newBand is the balanced band of a bank whose slight margin is slight,
// drawn at x(share).
func newBand(slight float64, x func(float64) float64) *balancedBand {
	half := min(slight/2, 50)
	return &balancedBand{X: svgNum(x(50 - half)), W: svgNum(x(50+half) - x(50-half)),
		Lo: shareText(50 - half), Hi: shareText(50 + half)}
}

// newSplitBar draws parts (their shown shares) as one bar; slight > 0
// marks the balanced band.
func newSplitBar(parts []legendEntry, slight float64) *splitBar {
	s := &splitBar{Mid: len(parts) == 2}
	var desc []string
	var sum float64
	for _, p := range parts {
		sum += p.Share
	}
	x := 0.0
	for i, p := range parts {
		w := 0.0
		if sum > 0 {
			w = p.Share / sum * 100
		}
		sp := splitPart{X: svgNum(x), W: svgNum(w), Class: p.Class}
		x += w
		if i < len(parts)-1 && w > 0 {
			sp.Gap = svgNum(x)
		}
		s.Parts = append(s.Parts, sp)
		desc = append(desc, p.Name+" "+p.Shown)
	}
	s.Desc = strings.Join(desc, ", ")
	if slight > 0 && len(parts) == 2 {
		s.Band = newBand(slight, func(x float64) float64 { return x })
		s.Desc += "; balanced from " + s.Band.Lo + " to " + s.Band.Hi + "%"
	}
	return s
}

// legend is ps as a chart names them, coloured by classes, each share as shown.
func legend[T any](ps []T, of func(T) (id, name string, share float64), classes map[string]string) []legendEntry {
	out := each(ps, func(p T) legendEntry {
		id, name, share := of(p)
		return legendEntry{ID: id, Name: name, Class: classes[id], Share: share}
	})
	for i, s := range result.Shown(each(out, func(e legendEntry) float64 { return e.Share })) {
		out[i].Shown = percentText(s)
	}
	return out
}
