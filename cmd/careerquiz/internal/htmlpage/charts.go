package htmlpage

import "strings"

// split is a bar of shares that add up to 100, one part per path, drawn in
// a viewBox 100 units wide so that a part's width is its share. With two
// paths it marks 50 and, when Band is set, the shares that read as
// balanced.
type split struct {
	Parts []splitPart
	Mid   bool
	Band  *band
	// Desc is the bar in words, for a reader who cannot see it.
	Desc string
}

type splitPart struct {
	X, W  string
	Class string
	// Gap is where the part ends, when another part follows it.
	Gap string
}

// band is the balanced band: within half the slight margin of 50.
type band struct{ X, W, Lo, Hi string }

// newSplit draws parts (their shown shares) as one bar; slight > 0 marks
// the balanced band.
func newSplit(parts []legendEntry, slight float64) *split {
	s := &split{Mid: len(parts) == 2}
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
		half := min(slight/2, 50)
		s.Band = &band{X: svgNum(50 - half), W: svgNum(2 * half), Lo: num(50 - half), Hi: num(50 + half)}
		s.Desc += "; balanced from " + s.Band.Lo + " to " + s.Band.Hi + "%"
	}
	return s
}

// frequency is the confidence as ten dots, one per retest, filled for those
// that would give the same path.
type frequency struct {
	Dots  []dot
	Label string
	Text  string
}

type dot struct {
	X      string
	Filled bool
}

func newFrequency(c float64) *frequency {
	f := &frequency{Label: frequencyText(c)}
	n := tenths(c)
	for i := range 10 {
		f.Dots = append(f.Dots, dot{X: svgNum(10 + 20*float64(i)), Filled: i < n})
	}
	return f
}
