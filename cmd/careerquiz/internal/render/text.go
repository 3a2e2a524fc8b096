package render

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/scoring"
)

func init() { writers[Text] = WriteText }

const (
	minWidth = 40
	// longestBar keeps the path bars readable on very wide terminals.
	longestBar = 50
	// Names longer than this are shortened in the bar labels.
	longestLabel = 24
	// A theme label narrower than this makes the side-by-side theme table
	// unreadable, so the themes are stacked instead.
	narrowestThemeLabel = 12
)

// WriteText writes r as a report for a person: the verdict, the breakdown
// by path and theme, the answers that weighed most, and what to do next.
// No line is wider than o.Width cells, and without o.Color the output holds
// no control byte but newlines. On error nothing is written.
func WriteText(w io.Writer, r Run, o Options) error {
	if r.Bank == nil {
		return errNoBank
	}
	width := ScreenWidth
	if o.Width > 0 {
		width = max(o.Width, minWidth)
	}
	p := &printer{width: width, pal: newPalette(o.Color), res: r.Result, run: r}
	p.verdict()
	p.breakdown()
	p.why()
	p.nextSteps()
	p.footer(r)
	_, err := io.WriteString(w, p.buf.String())
	return err
}

// palette holds the report's colours, each switched on or off explicitly:
// left alone, fatih/color decides from NO_COLOR and os.Stdout, which say
// nothing about the stream this report goes to.
type palette struct {
	on                bool
	bold, faint, warn *color.Color
}

func newPalette(on bool) *palette {
	pal := &palette{on: on}
	pal.bold, pal.faint, pal.warn = pal.color(color.Bold), pal.color(color.Faint), pal.color(color.FgYellow)
	return pal
}

// color makes a colour that is on exactly when the palette is.
func (pal *palette) color(attrs ...color.Attribute) *color.Color {
	c := color.New(attrs...)
	if pal.on {
		c.EnableColor()
	} else {
		c.DisableColor()
	}
	return c
}

// pathColor gives each path of the bank its own colour, the same in every
// part of the report, by the path's place in the result; extra adds to it
// (bold, for the path the headline names).
func (pal *palette) pathColor(res scoring.Result, id string, extra ...color.Attribute) *color.Color {
	if i := pathIndex(res, id); i >= 0 {
		return pal.color(append([]color.Attribute{pathAttrs[i%len(pathAttrs)]}, extra...)...)
	}
	return pal.bold
}

// pathAttrs are the colours paths are told apart by, in bank order.
var pathAttrs = []color.Attribute{
	color.FgCyan, color.FgMagenta, color.FgGreen, color.FgBlue, color.FgYellow, color.FgRed,
}

// paint colours s with c (nil for none); empty text stays empty rather
// than becoming a pair of escape sequences around nothing.
func paint(c *color.Color, s string) string {
	if s == "" || c == nil {
		return s
	}
	return c.Sprint(s)
}

// printer builds the report line by line. Widths are always measured on
// the plain text, and colour is added last, so escape sequences never
// count towards a line's length.
type printer struct {
	lines
	width int
	pal   *palette
	res   scoring.Result
	run   Run
}

// lines is a document built line by line, written out whole once done.
type lines struct{ buf strings.Builder }

func (l *lines) line(s string) {
	l.buf.WriteString(s)
	l.buf.WriteByte('\n')
}

// section starts a part of the report, after a blank line unless it is the
// first thing written.
func (p *printer) section(title string) {
	if p.buf.Len() > 0 {
		p.line("")
	}
	p.line(paint(p.pal.bold, title))
}

// prose writes each of texts that is not empty as a paragraph.
func (p *printer) prose(texts ...string) {
	for _, t := range texts {
		if t != "" {
			p.para("", t, nil)
		}
	}
}

// para wraps text at the report width, every line starting with indent,
// and colours the text of each line with c (nil for none).
func (p *printer) para(indent, text string, c *color.Color) {
	p.hanging(indent, indent, text, c)
}

// hanging wraps text with first in front of the first line and indent in
// front of the rest; first and indent have the same length in runes.
func (p *printer) hanging(first, indent, text string, c *color.Color) {
	for i, l := range textwrap.Wrap(text, p.width, indent) {
		body := paint(c, strings.TrimPrefix(l, indent))
		if i == 0 {
			p.line(first + body)
		} else {
			p.line(indent + body)
		}
	}
}

// span is a piece of a line and the colour it is shown in.
type span struct {
	text string
	c    *color.Color
}

// spans writes one line made of coloured pieces. A line too long for the
// report is wrapped as plain text instead and shown in c, since colours
// cannot be kept across breaks the wrapper chooses.
func (p *printer) spans(c *color.Color, ss ...span) {
	var plain, painted strings.Builder
	for _, s := range ss {
		plain.WriteString(s.text)
		painted.WriteString(paint(s.c, s.text))
	}
	if textwrap.Width(plain.String()) <= p.width {
		p.line(painted.String())
		return
	}
	p.para("", plain.String(), c)
}

func (p *printer) verdict() {
	res := p.res
	rec := res.Recommendation
	if rec == nil {
		p.line(paint(p.pal.bold, "No recommendation yet"))
		p.prose(withheldText(res))
	} else {
		p.headline(rec)
		p.prose(meaningText(res), confidenceText(res))
	}
	p.prose(basisText(res), stoppedText(p.run), sidedText(res))
	for _, w := range res.Warnings {
		p.hanging("! ", "  ", warningText(w, p.run), p.pal.warn)
	}
}

func (p *printer) headline(rec *scoring.Recommendation) {
	res := p.res
	name := recName(res)
	nameSpan := span{name, p.pal.pathColor(res, rec.Path, color.Bold)}
	if rec.RunnerUp == "" {
		p.spans(p.pal.bold, span{"You lean towards: ", p.pal.bold}, nameSpan,
			span{fmt.Sprintf(" (%s)", rec.Strength), nil})
		return
	}
	runner := result.OneLine(pathName(res, rec.RunnerUp))
	a, b := percentText(pathShare(res, rec.Path)), percentText(pathShare(res, rec.RunnerUp))
	switch {
	case rec.Tie:
		p.spans(p.pal.bold, span{"No preference: ", p.pal.bold},
			span{fmt.Sprintf("%s and %s tie (%s to %s)", name, runner, a, b), nil})
	case rec.Strength == scoring.Balanced:
		p.spans(p.pal.bold, span{"Balanced: ", p.pal.bold},
			span{fmt.Sprintf("no clear preference (%s %s to %s)", name, a, b), nil})
	default:
		p.spans(p.pal.bold, span{"You lean towards: ", p.pal.bold}, nameSpan,
			span{fmt.Sprintf(" (%s, %s to %s)", rec.Strength, a, b), nil})
	}
	p.prose(evenText(res), hypothesisNote(res))
}

// basisText says how many questions the result rests on.
func basisText(res scoring.Result) string {
	total := res.Total
	switch {
	case res.Answered == 0:
		return fmt.Sprintf("No questions answered (%s in the quiz).", Count(total, "question"))
	case res.Skipped == 0 && res.Answered == total:
		return fmt.Sprintf("Based on all %s.", Count(total, "question"))
	case res.NotAsked > 0 && res.Skipped == 0:
		// A quiz that stopped early: the rest were never asked.
		return fmt.Sprintf("Based on the %s asked.", Count(res.Answered, "question"))
	case res.NotAsked > 0:
		return fmt.Sprintf("Based on %d of the %s asked (%d skipped).", res.Answered, Count(total-res.NotAsked, "question"), res.Skipped)
	default:
		return fmt.Sprintf("Based on %d of %s (%d skipped).", res.Answered, Count(total, "question"), res.Skipped)
	}
}

func (p *printer) breakdown() {
	res := p.res
	if len(res.Paths) == 0 {
		return
	}
	p.section("BREAKDOWN")
	names := each(res.Paths, func(ps scoring.PathScore) string { return result.OneLine(ps.Name) })
	if len(res.Paths) == 2 {
		p.split(names)
	} else {
		p.shareBars(names)
	}
	p.themes(names)
}

// split draws two paths' shares as one bar: the first path's share filled
// from the left, the second's from the right, with the band in which the
// answers show no clear preference marked under its middle.
func (p *printer) split(names []string) {
	res := p.res
	const indent = "  "
	left, right := res.Paths[0], res.Paths[1]
	// A row is indent, the left share and a space, the bar, a space and
	// the right share. The bar has an odd number of cells: the middle one
	// marks 50, and the cells either side of it are the shares, so that
	// 50 to 50 fills exactly half on each side.
	shown := result.Shown([]float64{left.Share, right.Share})
	lt, rt := fmt.Sprintf("%3s ", shareText(shown[0])), " "+shareText(shown[1])
	barW := min(p.width-len(indent)-len(lt)-len(rt), longestBar+10)
	if barW%2 == 0 {
		barW--
	}
	// The names stand over the ends of the bar, not of the screen.
	lw := len(lt) + barW + len(rt)
	ln, rn := shorten(names[0], lw/2-1), shorten(names[1], lw/2-1)
	gap := lw - textwrap.Width(ln) - textwrap.Width(rn)
	lc, rc := p.pal.pathColor(res, left.ID), p.pal.pathColor(res, right.ID)
	p.line(indent + paint(lc, ln) + strings.Repeat(" ", max(1, gap)) + paint(rc, rn))
	half := barW / 2
	fill := barCells(shown[0], 2*half)
	var bar strings.Builder
	for i := range 2 * half {
		if i == half {
			bar.WriteString(paint(p.pal.faint, barMid))
		}
		if i < fill {
			bar.WriteString(paint(lc, barFull))
		} else {
			bar.WriteString(paint(rc, barOther))
		}
	}
	p.line(indent + lt + bar.String() + rt)
	p.line(indent + strings.Repeat(" ", len(lt)) + p.band(barW))
}

// band marks, under a split bar of n cells, the shares that read as
// balanced: within half the Slight margin of 50 on either side.
func (p *printer) band(n int) string {
	half := p.res.Bands.Slight / 2
	from := int(result.Round((50-half)*float64(n)/100, 0))
	to := int(result.Round((50+half)*float64(n)/100, 0)) - 1
	mid := n / 2
	from, to = min(from, mid-1), max(to, mid+1)
	from = max(from, 0)
	to = min(to, n-1)
	// from < mid < to: the band has its two edges and its centre.
	cells := slices.Repeat([]string{"─"}, to-from+1)
	cells[0], cells[mid-from], cells[to-from] = "╰", "┴", "╯"
	// The band's name is the label the verdict gives a result inside it,
	// at every width.
	return paint(p.pal.faint, strings.Repeat(" ", from)+strings.Join(cells, "")+" "+string(scoring.Balanced))
}

// shareBars draws each path's share as a bar, with the even share (100/N)
// marked on every bar.
func (p *printer) shareBars(names []string) {
	res := p.res
	// A row is indent, label, two spaces, bar, space, "100%".
	const indent = "  "
	labelW := min(widest(names), longestLabel, p.width-len(indent)-2-10-5)
	barW := min(p.width-len(indent)-labelW-2-5, longestBar)
	even := 100 / float64(len(res.Paths))
	mark := int(result.Round(even*float64(barW)/100, 0))
	shown := result.Shown(pathShares(res))
	for i, ps := range res.Paths {
		label := pad(shorten(names[i], labelW), labelW)
		if rec := res.Recommendation; rec != nil && !rec.Tie && rec.Path == ps.ID {
			label = paint(p.pal.bold, label)
		}
		p.line(indent + label + "  " + p.markedBar(shown[i], barW, mark, p.pal.pathColor(res, ps.ID)) +
			" " + percentCell(shown[i]))
	}
	// The mark's caption sits after the mark, or before it where it would
	// not fit.
	evenText := strconv.Itoa(int(result.Round(even, 0))) + "%"
	caption, at := "^ even share ("+evenText+")", labelW+2+mark
	if at+len(caption) > p.width-len(indent) {
		caption = "even share (" + evenText + ") ^"
		at = max(0, at-len(caption)+1)
	}
	p.line(indent + strings.Repeat(" ", at) + paint(p.pal.faint, caption))
}

// markedBar is bar with cell mark drawn as a line, where the even share
// falls.
func (p *printer) markedBar(percent float64, n, mark int, c *color.Color) string {
	full := barCells(percent, n)
	var sb strings.Builder
	for i := range n {
		switch {
		case i == mark:
			sb.WriteString(paint(p.pal.bold, barMid))
		case i < full:
			sb.WriteString(paint(c, barFull))
		default:
			sb.WriteString(paint(p.pal.faint, barEmpty))
		}
	}
	return sb.String()
}

// themes shows each theme with a compact bar per path: side by side, one
// column per path, where the columns fit the width, and stacked otherwise.
func (p *printer) themes(names []string) {
	res := p.res
	if len(res.Themes) == 0 {
		return
	}
	p.line("")
	const indent, gap = "  ", "  "
	colW := max(15, min(widest(names), 18))
	barW := colW - 5
	themeW := widest(each(res.Themes, func(th scoring.ThemeScore) string { return result.OneLine(th.Name) }))
	labelW := min(p.width-len(indent)-len(res.Paths)*(len(gap)+colW), max(themeW, len("By theme")))
	if labelW < narrowestThemeLabel {
		p.stackedThemes(names)
		return
	}
	head := indent + paint(p.pal.faint, pad("By theme", labelW))
	for i, ps := range res.Paths {
		name := shorten(names[i], colW)
		if i < len(res.Paths)-1 {
			name = pad(name, colW)
		}
		head += gap + paint(p.pal.pathColor(res, ps.ID), name)
	}
	p.line(head)
	for _, th := range res.Themes {
		row := indent + pad(shorten(result.OneLine(th.Name), labelW), labelW)
		if note := thinTheme(res, th); note != "" {
			p.note(row+gap, note)
			continue
		}
		for _, ps := range res.Paths {
			row += gap + p.themeBar(th, ps.ID, barW)
		}
		p.line(row)
	}
}

func (p *printer) stackedThemes(names []string) {
	res := p.res
	const indent, inner = "  ", "    "
	labelW := min(widest(names), longestLabel, p.width-len(inner)-2-10-5)
	barW := min(p.width-len(inner)-labelW-2-5, 20)
	for _, th := range res.Themes {
		title := shorten(result.OneLine(th.Name), p.width-len(indent))
		if note := thinTheme(res, th); note != "" {
			p.note(indent+title+" ", "("+note+")")
			continue
		}
		p.line(indent + title)
		for i, ps := range res.Paths {
			p.line(inner + pad(shorten(names[i], labelW), labelW) + "  " + p.themeBar(th, ps.ID, barW))
		}
	}
}

// themeBar is path id's share of theme th as a bar of n cells and a figure.
func (p *printer) themeBar(th scoring.ThemeScore, id string, n int) string {
	pct := themePercent(th, id)
	return p.bar(pct, n, p.pal.pathColor(p.res, id)) + " " + percentCell(pct)
}

// note writes head and then note in faint, on one line where it fits and
// otherwise wrapped under head's indent.
func (p *printer) note(head, note string) {
	if textwrap.Width(head+note) <= p.width {
		p.line(head + paint(p.pal.faint, note))
		return
	}
	trimmed := strings.TrimLeft(head, " ")
	indent := head[:len(head)-len(trimmed)]
	p.hanging(indent, indent+"  ", strings.TrimRight(trimmed, " ")+" "+note, nil)
}

// thinTheme says why a theme is shown without bars, or "" when it has
// them: with fewer than two answers that took a side, a split of 100 to 0
// would say more than one answer holds.
func thinTheme(res scoring.Result, th scoring.ThemeScore) string {
	switch {
	case th.Answered == 0:
		return "no answers"
	case th.Sided == 0:
		return "no answer took a side"
	case th.Sided == 1:
		for _, ps := range th.Paths {
			if ps.Share > 50 {
				return "rests on one answer, towards " + result.OneLine(pathName(res, ps.ID))
			}
		}
		return "rests on one answer"
	}
	return ""
}

// themePercent is a path's share of a theme, as shown: the theme's shares
// rounded together so that they add up to 100.
func themePercent(th scoring.ThemeScore, id string) float64 { return shownShare(th.Paths, id) }

// The glyphs bars are drawn with, the same in every view (the report with
// or without colour, compare) so that a bar means one thing wherever it is.
const (
	barFull  = "█"
	barEmpty = "░"
	// barOther is the second path's part of a split bar.
	barOther = "▓"
	// barMid marks a place on a bar: the even share, or 50 on a split.
	barMid = "│"
)

// barCells is how many of n cells a share of 0–100 fills.
func barCells(percent float64, n int) int {
	return int(result.Round(min(max(percent, 0), 100)*float64(n)/100, 0))
}

// Bar draws a share of 0–100 as n cells, the filled ones first: the one bar
// every view of shares draws.
func Bar(percent float64, n int) string {
	full := barCells(percent, n)
	return strings.Repeat(barFull, full) + strings.Repeat(barEmpty, n-full)
}

// bar is Bar with the filled part in c and the rest faint.
func (p *printer) bar(percent float64, n int, c *color.Color) string {
	full := barCells(percent, n)
	return paint(c, strings.Repeat(barFull, full)) +
		paint(p.pal.faint, strings.Repeat(barEmpty, n-full))
}

func (p *printer) why() {
	groups := reasonGroups(p.res, result.OneLine)
	if len(groups) == 0 {
		return
	}
	p.section("WHY")
	pointsW := 0
	for _, g := range groups {
		pointsW = max(pointsW, widest(each(g.reasons, func(rs scoring.Reason) string { return pullText(rs.Points) })))
	}
	for _, g := range groups {
		p.para("  ", g.title, nil)
		for _, rs := range g.reasons {
			p.reason(rs, pointsW)
		}
	}
}

// reasonGroup is a heading and the answers under it.
type reasonGroup struct {
	title   string
	reasons []scoring.Reason
}

// reasonGroups are the answers that weighed most towards the verdict, then
// the strongest one the other way, each under its heading; quote makes a
// path's name fit the report they go in.
func reasonGroups(res scoring.Result, quote func(string) string) []reasonGroup {
	var gs []reasonGroup
	if len(res.Toward) > 0 {
		gs = append(gs, reasonGroup{towardTitle(res, quote), res.Toward})
	}
	if res.Against != nil {
		gs = append(gs, reasonGroup{againstTitle(res, quote), []scoring.Reason{*res.Against}})
	}
	return gs
}

// towardTitle heads the answers that weighed most; quote makes the path's
// name fit the report it goes in.
func towardTitle(res scoring.Result, quote func(string) string) string {
	switch rec := res.Recommendation; {
	case rec != nil && rec.Tie:
		return "The strongest pull towards " + quote(pathName(res, rec.Path))
	case rec != nil:
		return "What pushed you towards " + quote(recName(res))
	}
	return "What weighed most"
}

// againstTitle heads the strongest answer the other way; quote makes the
// runner-up's name fit the report it goes in.
func againstTitle(res scoring.Result, quote func(string) string) string {
	if rec := res.Recommendation; rec != nil && rec.RunnerUp != "" {
		return "The strongest pull towards " + quote(pathName(res, rec.RunnerUp))
	}
	return "The strongest pull the other way"
}

// othersTitle heads the other paths, or all of them when none is
// recommended.
func othersTitle(res scoring.Result) string {
	if res.Recommendation != nil {
		return "Other paths"
	}
	return "The paths"
}

// pullPath is the path an answer that moved points pulls towards, whose
// colour it is shown in: the runner-up's for the pull the other way.
func pullPath(path, runnerUp string, points float64) string {
	if points < 0 && runnerUp != "" {
		return runnerUp
	}
	return path
}

// reason shows one answer: the points it moved and the question, then the
// answer given, each wrapped at the width rather than cut, since a person
// needs the whole question and the whole side they took to read them.
func (p *printer) reason(rs scoring.Reason, pointsW int) {
	const indent = "    "
	c := p.pal.bold
	if rec := p.res.Recommendation; rec != nil {
		c = p.pal.pathColor(p.res, pullPath(rec.Path, rec.RunnerUp, rs.Points))
	}
	under := indent + strings.Repeat(" ", pointsW+2)
	p.hanging(indent+paint(c, pad(pullText(rs.Points), pointsW))+"  ", under, result.OneLine(rs.Text), nil)
	p.hanging(under+paint(p.pal.faint, "→ "), under+"  ", result.OneLine(answerText(rs)), nil)
}

func (p *printer) nextSteps() {
	res := p.res
	if len(res.Steps) == 0 && len(res.Salary) == 0 && len(res.Others) == 0 {
		return
	}
	p.section("NEXT STEPS")
	sub := false
	subsection := func(title string) {
		if sub {
			p.line("")
		}
		sub = true
		p.para("  ", title, nil)
	}
	if len(res.Steps) > 0 {
		subsection(stepsTitle(len(res.Steps)))
		p.steps()
	}
	if len(res.Salary) > 0 {
		subsection("Pay")
		for _, s := range res.Salary {
			p.hanging("    • ", "      ", result.OneLine(s), nil)
		}
	}
	if len(res.Others) > 0 {
		subsection(othersTitle(res))
		// Each summary is shown whole, wrapped under the path's name.
		const indent, under = "    ", "      "
		for _, o := range res.Others {
			name := result.OneLine(o.Name)
			ls := textwrap.Hanging(indent, under, name+otherTail(res, o, result.OneLine), p.width)
			if rest, ok := strings.CutPrefix(ls[0], indent+name); ok {
				ls[0] = indent + paint(p.pal.pathColor(res, o.ID), name) + rest
			}
			p.line(strings.Join(ls, "\n"))
		}
	}
}

// otherTail is what follows another path's name: its share and the bank's
// summary of it, if any; quote makes the summary fit the report it goes in.
func otherTail(res scoring.Result, o scoring.OtherPath, quote func(string) string) string {
	tail := fmt.Sprintf(" (%s)", percentText(pathShare(res, o.ID)))
	if summary := quote(o.Summary); summary != "" {
		tail += ": " + summary
	}
	return tail
}

// footer names the bank and any shuffle's seed, so that a run can be
// repeated; the text report is not dated (see Run.Taken).
func (p *printer) footer(r Run) {
	a := aboutRun(r)
	a.taken = ""
	p.line("")
	p.para("", a.String(), p.pal.faint)
}

// widest is the width of the widest of ss, in cells.
func widest(ss []string) int { return slices.Max(append(each(ss, textwrap.Width), 0)) }

// shorten is textwrap.Truncate that cuts at a word boundary where one is
// near the end, and leaves no space or comma in front of the ellipsis.
func shorten(s string, n int) string {
	t := textwrap.Truncate(s, n)
	if t == s {
		return s
	}
	t = strings.TrimSuffix(t, "…")
	if i := strings.LastIndexByte(t, ' '); i >= 0 && textwrap.Width(t[:i]) >= n*2/3 {
		t = t[:i]
	}
	return strings.TrimRight(t, " ,;:") + "…"
}

// sentence starts s with a capital and ends it with a full stop, for
// messages from scoring that are worded like error messages (lowercase,
// no final period) but are shown here as prose.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.ContainsAny(s[len(s)-1:], ".!?") {
		s += "."
	}
	return s
}

// percentText is a share as shown: already rounded by shownShares, so a
// whole number unless a tenth is needed to tell two shares apart.
func percentText(x float64) string { return shareText(x) + "%" }

// percentCell is percentText right-aligned in four runes, for bar rows.
func percentCell(x float64) string { return fmt.Sprintf("%4s", percentText(x)) }

// shareText is a shown share without the percent sign: as it is, to a tenth
// at most.
func shareText(x float64) string { return strconv.FormatFloat(result.Round(x, 1), 'f', -1, 64) }

// pathShares is the result's shares, in the order of its paths.
func pathShares(res scoring.Result) []float64 {
	return each(res.Paths, func(p scoring.PathScore) float64 { return p.Share })
}

// pullText is the points a reason moved towards the path its heading
// names, so always with a plus: the pull the other way is towards the
// runner-up, not against it.
func pullText(x float64) string { return pointsText(math.Abs(x)) }

// pointsText is a signed number of points with no needless decimals.
func pointsText(x float64) string {
	x = result.Round(x, 3)
	s := strconv.FormatFloat(math.Abs(x), 'f', -1, 64)
	switch {
	case x > 0:
		return "+" + s
	case x < 0:
		return "-" + s
	}
	return s
}
