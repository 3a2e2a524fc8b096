package clidoc

import (
	"cmp"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Man writes p as a man page in section 1, in roff with the man macros:
// NAME, SYNOPSIS, DESCRIPTION, COMMANDS, OPTIONS, EXIT STATUS,
// ENVIRONMENT, FILES and EXAMPLES, each left out where p has nothing for
// it. date (2026-12-07) and version head the page; they are arguments so
// that the same program makes the same page.
func Man(w io.Writer, p Program, date, version string) error {
	if err := p.check(); err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, ".TH %s 1 %s %s \"User Commands\"\n", quoted(code(strings.ToUpper(p.Name))), quoted(text(date)), quoted(text(p.Name+" "+version)))
	// Names and flags are not to be broken at a hyphen, nor stretched.
	b.WriteString(".nh\n.ad l\n")
	b.WriteString(".SH NAME\n")
	fmt.Fprintf(&b, "%s \\- %s\n", code(p.Name), text(oneLine(p.Summary)))

	b.WriteString(".SH SYNOPSIS\n")
	synopsis := func(words, rest string) {
		fmt.Fprintf(&b, "\\fB%s\\fR", code(words))
		if rest != "" {
			fmt.Fprintf(&b, " %s", code(rest))
		}
		b.WriteString("\n")
	}
	b.WriteString(".nf\n")
	synopsis(p.Name, p.Synopsis)
	for _, c := range p.Commands {
		synopsis(p.Name+" "+c.Name, c.Synopsis)
	}
	b.WriteString(".fi\n")

	if p.Description != "" {
		b.WriteString(".SH DESCRIPTION\n")
		paragraphs(&b, p.Description, ".PP")
	}
	if len(p.Commands) > 0 {
		b.WriteString(".SH COMMANDS\n")
		for _, c := range p.Commands {
			fmt.Fprintf(&b, ".TP\n.B %s\n", quoted(code(strings.TrimSpace(c.Name+" "+c.Synopsis))))
			// .PP would end the .TP's indent; .IP keeps it.
			paragraphs(&b, cmp.Or(c.About, c.Summary), ".IP")
			if len(c.Flags) > 0 {
				b.WriteString(".RS\n")
				manFlags(&b, c.Flags)
				b.WriteString(".RE\n")
			}
		}
	}
	if len(p.Flags) > 0 {
		b.WriteString(".SH OPTIONS\n")
		manFlags(&b, p.Flags)
		b.WriteString(".TP\n.BR \\-h \", \" \\-\\-help\nshow the help of " + code(p.Name) + ", or of a command\n")
	}
	items := func(title string, list []Item, style string) {
		if len(list) == 0 {
			return
		}
		fmt.Fprintf(&b, ".SH %s\n", title)
		for _, it := range list {
			fmt.Fprintf(&b, ".TP\n.%s %s\n%s\n", style, quoted(code(it.Name)), text(oneLine(it.Text)))
		}
	}
	items(`"EXIT STATUS"`, p.Exit, "B")
	items("ENVIRONMENT", p.Environment, "B")
	items("FILES", p.Files, "I")
	if len(p.Examples) > 0 {
		b.WriteString(".SH EXAMPLES\n")
		for _, ex := range p.Examples {
			if ex.Text != "" {
				fmt.Fprintf(&b, ".PP\n%s\n", text(oneLine(ex.Text)))
			}
			fmt.Fprintf(&b, ".PP\n.RS 4\n.EX\n%s\n.EE\n.RE\n", code(ex.Command))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// manFlags writes flags as a tagged list: the flag, its value, its help.
func manFlags(b *strings.Builder, flags []Flag) {
	for _, f := range flags {
		b.WriteString(".TP\n")
		var names []string
		for _, n := range f.names() {
			names = append(names, code("--"+n))
		}
		tag := `\fB` + strings.Join(names, `\fR, \fB`) + `\fR`
		if f.Value != None {
			tag += ` \fI` + code(f.placeholder()) + `\fR`
		}
		fmt.Fprintf(b, "%s\n%s\n", tag, text(oneLine(f.Help)))
	}
}

// paragraphs writes s, paragraphs separated by blank lines, as filled
// text, each after the first begun by the request sep.
func paragraphs(b *strings.Builder, s, sep string) {
	for i, para := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if i > 0 {
			b.WriteString(sep + "\n")
		}
		fmt.Fprintf(b, "%s\n", text(oneLine(para)))
	}
}

// text escapes prose for roff: backslashes, a full stop or quote that
// would start a line as a request, and characters beyond ASCII written as
// their code points, which every roff reads whatever the page's encoding.
// Hyphens stay hyphens.
func text(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case (r == '.' || r == '\'') && i == 0:
			b.WriteString(`\&` + string(r))
		case r == '-' && i > 0 && s[i-1] == '-':
			// The second of "--" is a minus too, so a flag reads as one.
			b.WriteString(`\-`)
		case r == '-' && i+1 < len(s) && s[i+1] == '-':
			b.WriteString(`\-`)
		case r >= utf8.RuneSelf:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// code escapes what is typed (commands, flags, file names) for roff: as
// text, and every hyphen a minus sign, so that it can be copied from the
// page and typed.
func code(s string) string {
	return strings.ReplaceAll(text(strings.ReplaceAll(s, "-", "\x00")), "\x00", `\-`)
}

// quoted is escaped text as one argument of a request, in double quotes.
func quoted(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `\(dq`) + `"`
}
