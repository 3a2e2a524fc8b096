package render

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/scoring"
)

// TestMarkdownShape: every run gives a document that opens with a "# "
// title naming the verdict, lists the split, has a table of themes where
// there are themes, and holds no escape code or other control character.
func TestMarkdownShape(t *testing.T) {
	t.Parallel()
	for _, f := range allRuns() {
		t.Run(f.name, func(t *testing.T) {
			out := string(render(t, WriteMarkdown, f.run))
			first, _, _ := strings.Cut(out, "\n")
			if !strings.HasPrefix(first, "# ") || strings.Count(out, "\n# ") != 0 {
				t.Errorf("want one # title, first: %q", first)
			}
			if rec := f.run.Result.Recommendation; rec != nil && !strings.Contains(first, md(rec.Name)) {
				t.Errorf("title %q does not name %q", first, rec.Name)
			}
			if !strings.Contains(out, "\n- **Split:** ") {
				t.Error("no split")
			}
			if len(f.run.Result.Themes) > 0 && !regexp.MustCompile(`\n\| Theme \|.*\|\n\| :-- \|( --: \|)+\n`).MatchString(out) {
				t.Errorf("no table of themes:\n%s", out)
			}
			for _, r := range out {
				if r != '\n' && (unicode.IsControl(r) || r == '\u202e') {
					t.Fatalf("control character %U in:\n%q", r, out)
				}
			}
		})
	}
}

// TestMarkdownEscapesBankText: text from a bank cannot become Markdown,
// and carries no backslash Markdown does not need, since the document is
// also read as plain text.
func TestMarkdownEscapesBankText(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Back-end engineer", "Back-end engineer"},
		{"Design & build", "Design & build"},
		{"$115,000 to $150,000", "$115,000 to $150,000"},
		{"snake_case and 5 * 3", "snake_case and 5 * 3"},
		{"C:\\temp and a\\b", "C:\\temp and a\\b"},
		{"[optional] steps", `\[optional] steps`},
		{"a < b, 1.5 years, -1 point", "a < b, 1.5 years, -1 point"},
		{"pay <$100k or >$150k", "pay <$100k or >$150k"},
		{"mail <0@0>", `mail \<0@0>`},
		{"# Heading", `\# Heading`},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"> quote", `\> quote`},
		{"1. first", `1\. first`},
		{"12) twelfth", `12\) twelfth`},
		{"version 1. of", "version 1. of"},
		{"a | b", "a | b"},
		{"*bold* _it_", `\*bold\* \_it\_`},
		{"`code`", "\\`code\\`"},
		{"[link](http://x)", `\[link\](http://x)`},
		{"see [link](http://x)", `see [link\](http://x)`},
		{"<script>alert(1)</script>", `\<script>alert(1)\</script>`},
		{"&amp; &#38; &#x26;", `\&amp; \&#38; \&#x26;`},
		{"a\\*b", `a\\\*b`},
		{"~~gone~~", `\~\~gone\~\~`},
		{"two\nlines\n\n# and a heading", "two lines # and a heading"},
		{"\x1b[31mred\x1b[0m", "red"},
	}
	for _, tt := range tests {
		if got := md(tt.in); got != tt.want {
			t.Errorf("md(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := mdCell("a | b"); got != `a \| b` {
			t.Errorf("mdCell(%q) = %q, want %q", "a | b", got, `a \| b`)
		}
	}
}

// gfm renders Markdown as GitHub does, with its tables, strikethrough and
// task lists.
var gfm = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))

// readsAs checks that Markdown doc renders as want: HTML that is exactly
// the text s (escaped), wrapped in open and close.
func readsAs(t *testing.T, doc, s, open, close string) {
	t.Helper()
	var out bytes.Buffer
	if err := gfm.Convert([]byte(doc), &out); err != nil {
		t.Fatal(err)
	}
	got, ok := strings.CutPrefix(strings.TrimSpace(out.String()), open)
	if ok {
		got, ok = strings.CutSuffix(got, close)
	}
	if !ok || strings.ContainsAny(got, "<>") || html.UnescapeString(got) != s {
		t.Fatalf("%q renders as %q, want %q as text", doc, out.String(), s)
	}
}

// FuzzMarkdownEscape: whatever the text, md gives one line with no control
// characters that a Markdown renderer shows as the text itself, at the
// start of a line, in a list item, in emphasis and in a table cell.
func FuzzMarkdownEscape(f *testing.F) {
	for _, s := range []string{"Back-end", "# x", "1. x", "a|b", "<b>", "&amp;", "*_`[]~$\\", "\x1b[2J", "x\n- y", "snake_case", "[ ] task", "a\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := md(s)
		if strings.ContainsAny(got, "\n\r") {
			t.Fatalf("md(%q) = %q spans lines", s, got)
		}
		text := result.OneLine(s)
		if text == "" || strings.ContainsRune(text, '\uFFFD') {
			// Markdown renders an empty line as nothing, and a NUL as
			// U+FFFD.
			return
		}
		readsAs(t, "x "+got, "x "+text, "<p>", "</p>")
		readsAs(t, got, text, "<p>", "</p>")
		readsAs(t, "- "+got, text, "<ul>\n<li>", "</li>\n</ul>")
		readsAs(t, "x *"+got+"*", text, "<p>x <em>", "</em></p>")
		cell := "| a |\n| --- |\n| " + mdCell(s) + " |"
		readsAs(t, cell, text, "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>", "</td>\n</tr>\n</tbody>\n</table>")
	})
}

func TestMarkdownNoRecommendation(t *testing.T) {
	t.Parallel()
	r := noRecommendationRun()
	out := string(render(t, WriteMarkdown, r))
	if !strings.HasPrefix(out, "# No recommendation yet\n") || !strings.Contains(out, "**Verdict:** none yet") {
		t.Errorf("got:\n%s", out)
	}
}

func TestMarkdownNoBank(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	if err := WriteMarkdown(&b, Run{Result: scoring.Result{}}); err == nil || b.Len() > 0 {
		t.Errorf("error %v, wrote %q", err, b.String())
	}
}

// TestMarkdownNamesTheBankAndTheDay: the document ends with the bank's
// title and the day the quiz was taken, not a digest no reader can use.
func TestMarkdownNamesTheBankAndTheDay(t *testing.T) {
	t.Parallel()
	r := clearRun()
	r.Taken = taken
	out := string(render(t, WriteMarkdown, r))
	want := "\n*" + md(r.Bank.Title) + " · 8 questions · taken 7 December 2026*\n"
	if !strings.HasSuffix(out, want) {
		t.Errorf("document does not end %q:\n%s", want, out)
	}
	if strings.Contains(out, r.Bank.SHA256[:12]) {
		t.Errorf("document gives the bank's digest:\n%s", out)
	}
}
