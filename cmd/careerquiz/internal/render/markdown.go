package render

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/scoring"
)

func init() {
	writers[Markdown] = func(w io.Writer, r Run, _ Options) error { return WriteMarkdown(w, r) }
}

// WriteMarkdown writes r as a Markdown document to paste into an email, a
// wiki or an issue, with the facts of the text report. Text from the bank
// is escaped, so that it cannot start a heading, a list or a link, break a
// table row or slip in HTML. On error nothing is written.
func WriteMarkdown(w io.Writer, r Run) error {
	if r.Bank == nil {
		return errNoBank
	}
	m := &mdWriter{res: r.Result, run: r}
	heading, verdict := m.verdict()
	m.line("# " + heading)
	m.line("")
	if t := md(r.Bank.Title); t != "" {
		m.line("*A careerquiz result: " + t + "*")
		m.line("")
	}
	m.summary(verdict)
	m.themes()
	m.why()
	m.steps()
	m.footer(r)
	_, err := io.WriteString(w, m.buf.String())
	return err
}

type mdWriter struct {
	lines
	res scoring.Result
	run Run
}

// section starts a part of the document with a second-level heading.
func (m *mdWriter) section(title string) {
	m.line("")
	m.line("## " + title)
	m.line("")
}

// verdict words the result twice: as the document's heading, and as the
// first item of its summary.
func (m *mdWriter) verdict() (heading, item string) {
	res := m.res
	rec := res.Recommendation
	if rec == nil {
		return "No recommendation yet", "none yet. " + md(withheldText(res))
	}
	name := md(recName(res))
	switch {
	case rec.Tie:
		tie := fmt.Sprintf("%s and %s tie", name, md(pathName(res, rec.RunnerUp)))
		return "No preference: " + tie, result.NoPreference + ": " + tie
	case rec.Strength == scoring.Balanced:
		// "a balanced lean" says one thing and its opposite.
		return "Balanced, edging towards " + name, result.NoClearPreference + "; a small lead for " + name
	}
	return fmt.Sprintf("%s (%s lean)", name, rec.Strength), fmt.Sprintf("%s, %s lean", name, rec.Strength)
}

func (m *mdWriter) summary(verdict string) {
	res := m.res
	m.line("- **Verdict:** " + verdict)
	if res.Recommendation != nil {
		m.item("**What it means:** ", evenText(res))
		m.item("**What it means:** ", meaningText(res))
		m.item("**Confidence:** ", confidenceText(res))
	}
	split := each(res.Paths, func(p scoring.PathScore) string { return md(p.Name) + " " + percentText(pathShare(res, p.ID)) })
	if len(split) > 0 {
		m.line("- **Split:** " + strings.Join(split, " · "))
	}
	m.item("", basisText(res))
	m.item("", stoppedText(m.run))
	m.item("**Sides taken:** ", sidedText(res))
	for _, wn := range res.Warnings {
		m.item("**Note:** ", warningText(wn, m.run))
	}
	if note := hypothesisNote(res); note != "" {
		m.line("")
		m.line("*" + note + "*")
	}
}

// item writes a list item of text, escaped, after label, unless text is
// empty.
func (m *mdWriter) item(label, text string) {
	if text != "" {
		m.line("- " + label + md(text))
	}
}

// themes is a table with a row per theme and a column per path.
func (m *mdWriter) themes() {
	res := m.res
	if len(res.Themes) == 0 || len(res.Paths) == 0 {
		return
	}
	m.section("By theme")
	names := each(res.Paths, func(p scoring.PathScore) string { return mdCell(p.Name) })
	m.line("| Theme | " + strings.Join(names, " | ") + " |")
	m.line("| :-- |" + strings.Repeat(" --: |", len(res.Paths)))
	for _, th := range res.Themes {
		cells := each(res.Paths, func(p scoring.PathScore) string { return percentText(themePercent(th, p.ID)) })
		if note := thinTheme(res, th); note != "" {
			// The note stands in the first path's column, the rest left empty.
			cells = make([]string, len(res.Paths))
			cells[0] = mdCell(note)
		}
		m.line("| " + mdCell(th.Name) + " | " + strings.Join(cells, " | ") + " |")
	}
}

func (m *mdWriter) why() {
	groups := reasonGroups(m.res, md)
	if len(groups) == 0 {
		return
	}
	m.section("Why")
	for i, g := range groups {
		if i > 0 {
			m.line("")
		}
		m.line(g.title + ":")
		m.line("")
		for _, rs := range g.reasons {
			m.line(fmt.Sprintf("- %s → *%s* (%s)", md(rs.Text), md(answerText(rs)), pullText(rs.Points)))
		}
	}
}

func (m *mdWriter) steps() {
	res := m.res
	if len(res.Steps) > 0 {
		m.section("What to learn next, in this order")
		// Every step: the text report shows the next few, but a document
		// to share is read at leisure.
		for i, s := range res.Steps {
			m.line(fmt.Sprintf("%d. %s", i+1, md(stepLine(res, m.run.Bank, s))))
			// Indented to sit inside the numbered item.
			m.line("   *" + md(stepWhy(res, m.run.Bank, s)) + "*")
		}
		if note := doneNote(res, md); note != "" || len(res.OtherSteps) > 0 {
			m.line("")
			if note != "" {
				m.line("- " + note)
			}
			for _, o := range res.OtherSteps {
				m.line("- " + otherStepNote(res, o, md))
			}
		}
	}
	if len(res.Salary) > 0 {
		m.section("Pay")
		for _, s := range res.Salary {
			m.line("- " + md(s))
		}
	}
	if len(res.Others) > 0 {
		m.section(othersTitle(res))
		for _, o := range res.Others {
			m.line("- **" + md(o.Name) + "**" + otherTail(res, o, md))
		}
	}
}

// footer names the bank by its title, how many questions it asked, in
// which order, and the day the quiz was taken, as the HTML page does.
func (m *mdWriter) footer(r Run) {
	a := aboutRun(r)
	a.title = md(a.title)
	m.line("")
	m.line("---")
	m.line("")
	m.line("*" + a.String() + "*")
}

// md makes text from a bank safe inside a line of Markdown: on one line,
// with a backslash before each character CommonMark or GitHub would read as
// markup there and before no other, since in a pasted email every
// backslash shows: "snake_case" and "5 * 3" stay, "*bold*" is escaped.
func md(s string) string { return mdEscape(result.OneLine(s), false) }

// mdCell is md for a cell of a table, where a | would end the cell.
func mdCell(s string) string { return mdEscape(result.OneLine(s), true) }

func mdEscape(s string, cell bool) string {
	var b strings.Builder
	for i, r := range s {
		if misread(s, i, cell) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// misread reports whether Markdown could read the byte at i of s, at the
// start of a line or inside one, as markup rather than as itself.
func misread(s string, i int, cell bool) bool {
	// Beyond either end of s, prev and next are 0: s may be wrapped in
	// markup (*s*), so an end is never taken for a space.
	var prev, next rune
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if i+1 < len(s) {
		next, _ = utf8.DecodeRuneInString(s[i+1:])
	}
	spaced := unicode.IsSpace
	ends := func(r rune) bool { return r == 0 || unicode.IsSpace(r) }
	switch s[i] {
	case '\\':
		// A backslash escapes ASCII punctuation, and ends a line with a
		// break; before anything else it is itself.
		return i+1 == len(s) || strings.ContainsRune(asciiPunct, next)
	case '`':
		// A code span can pair with a backtick anywhere on the line.
		return true
	case '*', '~':
		// Emphasis and strikethrough open or close only next to text.
		return !(spaced(prev) && spaced(next))
	case '_':
		// ... and an underscore not inside a word either.
		word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }
		return !(spaced(prev) && spaced(next)) && !(word(prev) && word(next))
	case '[':
		// At the start of a line, a link definition or a task box.
		return i == 0
	case ']':
		return next == '(' || next == '['
	case '<':
		// HTML, a comment or an autolink; an email autolink (<a@b>) may
		// start with a digit or punctuation, but no autolink holds a space
		// or a < before its >.
		end := strings.IndexByte(s[i+1:], '>')
		return unicode.IsLetter(next) || next == '/' || next == '!' || next == '?' ||
			end > 0 && !strings.ContainsAny(s[i+1:i+1+end], " <")
	case '&':
		// Only an entity reference (&amp;, &#38;) would be turned into
		// something else.
		return entityAt(s[i:])
	case '|':
		return cell
	case '#', '>':
		return i == 0
	case '-', '+':
		// A list item, or a rule made of dashes.
		return i == 0 && (ends(next) || strings.Trim(s, "- ") == "")
	case '.', ')':
		// "1." or "1)" at the start of a line begins a numbered list.
		return digitsOnly(s[:i]) && ends(next)
	}
	return false
}

// asciiPunct is what a backslash escapes in CommonMark.
const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// entityAt reports whether s starts with something HTML reads as an entity:
// & then letters or #digits, then ;.
func entityAt(s string) bool {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 32 {
		return false
	}
	body := s[1:end]
	if body[0] == '#' {
		body = strings.TrimPrefix(strings.TrimPrefix(body[1:], "x"), "X")
	}
	alnum := func(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' }
	return body != "" && strings.TrimLeftFunc(body, alnum) == ""
}

func digitsOnly(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
