package render

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

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

// TestMarkdownEscapesBankText: text from a bank cannot become Markdown.
func TestMarkdownEscapesBankText(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Back-end engineer", "Back-end engineer"},
		{"Design & build", "Design & build"},
		{"# Heading", `\# Heading`},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"> quote", `\> quote`},
		{"1. first", `1\. first`},
		{"12) twelfth", `12\) twelfth`},
		{"version 1. of", "version 1. of"},
		{"a | b", `a \| b`},
		{"*bold* _it_", `\*bold\* \_it\_`},
		{"`code`", "\\`code\\`"},
		{"[link](http://x)", `\[link\](http://x)`},
		{"<script>alert(1)</script>", `\<script>alert(1)\</script>`},
		{"&amp; &#38; &#x26;", `\&amp; \&#38; \&#x26;`},
		{"a\\b", `a\\b`},
		{"~~gone~~ $x$", `\~\~gone\~\~ \$x\$`},
		{"two\nlines\n\n# and a heading", "two lines # and a heading"},
		{"\x1b[31mred\x1b[0m", "red"},
	}
	for _, tt := range tests {
		if got := md(tt.in); got != tt.want {
			t.Errorf("md(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// unescape undoes md's backslashes: CommonMark shows a backslash before
// ASCII punctuation as the punctuation alone.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// FuzzMarkdownEscape: whatever the text, md gives one line with no control
// characters that reads, once rendered, as the text itself, and in which
// every character Markdown gives meaning to anywhere in a line is escaped.
func FuzzMarkdownEscape(f *testing.F) {
	for _, s := range []string{"Back-end", "# x", "1. x", "a|b", "<b>", "&amp;", "*_`[]~$\\", "\x1b[2J", "x\n- y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := md(s)
		if strings.ContainsAny(got, "\n\r") {
			t.Fatalf("md(%q) = %q spans lines", s, got)
		}
		if unescape(got) != oneLine(s) {
			t.Fatalf("md(%q) = %q reads as %q, want %q", s, got, unescape(got), oneLine(s))
		}
		for i := 0; i < len(got); i++ {
			if got[i] == '\\' {
				i++
				continue
			}
			if strings.IndexByte("*_`[]<|~$", got[i]) >= 0 {
				t.Fatalf("md(%q) = %q leaves %q unescaped", s, got, got[i])
			}
		}
		switch {
		case got == "":
		case strings.IndexByte("#-+=>", got[0]) >= 0:
			t.Fatalf("md(%q) = %q starts a block", s, got)
		}
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
