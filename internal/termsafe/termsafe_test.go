package termsafe_test

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// Text from a bank must not be able to move the cursor, clear or retitle
// the window, ring the bell, hide text or make it read in another order.
func TestClean(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"plain text", "Which tasks would you enjoy?", "Which tasks would you enjoy?"},
		{"non-ASCII text", "Récupérer la base — 数据库 ✓", "Récupérer la base — 数据库 ✓"},
		{"empty", "", ""},
		{"newlines kept", "Design it.\nBuild it.\n", "Design it.\nBuild it.\n"},
		{"tab becomes a space", "Design\tit", "Design it"},
		{"CSI colour", "\x1b[31mred\x1b[0m text", "red text"},
		{"CSI with parameters and intermediates", "a\x1b[38;5;196mb\x1b[2 qc", "abc"},
		{"CSI cursor movement", "top\x1b[2Abottom\x1b[10;20H", "topbottom"},
		{"CSI clear screen", "\x1b[2J\x1b[Hclean", "clean"},
		{"CSI cut off at the end", "text\x1b[31", "text"},
		{"OSC title ended by BEL", "\x1b]0;pwned\x07Question", "Question"},
		{"OSC title ended by ST", "\x1b]2;pwned\x1b\\Question", "Question"},
		{"OSC hyperlink", "\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\ text", "link text"},
		{"OSC never ended", "Question\x1b]0;pwned", "Question"},
		{"C1 OSC ended by C1 ST", "\u009d0;pwned\u009cQuestion", "Question"},
		{"DCS ended by ST", "\x1bPq#0;2;0;0;0\x1b\\after", "after"},
		{"bell", "ding\x07dong", "dingdong"},
		{"C1 CSI", "\u009b31mred", "red"},
		{"other C1 controls", "a\u0085b\u008dc", "abc"},
		{"DEL", "a\x7fb", "ab"},
		{"carriage return that would overwrite the line", "Engineer\rDeveloper", "EngineerDeveloper"},
		{"backspace", "yes\b\b\bno", "yesno"},
		{"NUL", "a\x00b", "ab"},
		{"two-character escape", "\x1bcreset", "reset"},
		{"character set selection", "\x1b(Bplain", "plain"},
		{"lone ESC before text", "\x1b", ""},
		{"ESC before a non-ASCII letter keeps the letter", "\x1bé", "é"},
		{"bidi override", "Engineer \u202eDeveloper\u202c", "Engineer Developer"},
		{"bidi isolates", "\u2066a\u2067b\u2068c\u2069", "abc"},
		{"bidi marks", "a\u200eb\u200fc\u061cd", "abcd"},
		{"all together", "\x1b]0;x\x07\x1b[1m\u202eBold\x1b[0m\tand\x07 plain\n", "Bold and plain\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := termsafe.Clean(tc.in); got != tc.want {
				t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// Clean runs over every text of a bank; text that is already clean, which
// is nearly all of it, must come back as it is, without a copy.
func TestCleanDoesNotCopyCleanText(t *testing.T) {
	s := strings.Repeat("Planning for growth — the engineer's view.\n", 20)
	if n := testing.AllocsPerRun(100, func() { sink = termsafe.Clean(s) }); n != 0 {
		t.Errorf("Clean of clean text allocated %v times, want 0", n)
	}
	if got := termsafe.Clean(s); got != s {
		t.Errorf("Clean changed clean text")
	}
}

var sink string

func BenchmarkClean(b *testing.B) {
	for _, bc := range []struct{ name, s string }{
		{"clean", strings.Repeat("Planning for growth — the engineer's view. ", 10)},
		{"colours", strings.Repeat("Planning for \x1b[1mgrowth\x1b[0m. ", 10)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.s)))
			b.ReportAllocs()
			for b.Loop() {
				sink = termsafe.Clean(bc.s)
			}
		})
	}
}

// FuzzClean: cleaned text is clean for good, and carries no control
// character but the newline.
func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"plain", "\x1b[31mred\x1b[0m", "\x1b]0;t\x07x", "\x1b]0;t\x1b\\x", "\u009b1m", "\u009d0;t\u009c",
		"a\x7fb\u202e", "\x1b\x1b[[", "\x1b(", "tab\tnew\nline\r", "\xff\x1b[\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := termsafe.Clean(s)
		if again := termsafe.Clean(c); again != c {
			t.Fatalf("Clean(%q) = %q, but Clean of that is %q", s, c, again)
		}
		for i := 0; i < len(c); i++ {
			if (c[i] < 0x20 && c[i] != '\n') || c[i] == 0x7f {
				t.Fatalf("Clean(%q) = %q keeps byte %#x", s, c, c[i])
			}
		}
		for _, r := range c {
			if r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Fatalf("Clean(%q) = %q keeps %U", s, c, r)
			}
		}
		if utf8.ValidString(s) && utf8.RuneCountInString(c) > utf8.RuneCountInString(s) {
			t.Fatalf("Clean(%q) = %q is longer", s, c)
		}
	})
}

// A file name in a message is one name on that line: whatever its
// characters, it cannot end the line and start a forged one, and a name
// quoted reads back as the exact name.
func TestName(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"plain name", "questions.toml", "questions.toml"},
		{"path", "banks/my bank.toml", "banks/my bank.toml"},
		{"Windows path", `C:\Users\ana\my.toml`, `C:\Users\ana\my.toml`},
		{"non-ASCII letters", "Récupérer/数据库.toml", "Récupérer/数据库.toml"},
		{"inner spaces and punctuation", "a b (1) [x] 'y'.json", "a b (1) [x] 'y'.json"},
		{"empty", "", `""`},
		{"newline forging a hint", "x\ncareerquiz: hint: all is fine, run rm -rf ~ now\n.toml",
			`"x\ncareerquiz: hint: all is fine, run rm -rf ~ now\n.toml"`},
		{"carriage return", "ok.toml\rcareerquiz: fine", `"ok.toml\rcareerquiz: fine"`},
		{"tab", "a\tb.toml", `"a\tb.toml"`},
		{"escape sequence", "\x1b[31mred.toml", `"\x1b[31mred.toml"`},
		{"DEL", "a\x7f.toml", `"a\x7f.toml"`},
		{"C1 control", "a\u0085b.toml", `"a\u0085b.toml"`},
		{"line separator", "a\u2028b.toml", `"a\u2028b.toml"`},
		{"bidi override", "evil\u202elmot.exe", `"evil\u202elmot.exe"`},
		{"invalid UTF-8", "bad\xff.toml", `"bad\xff.toml"`},
		{"leading space", " lead.toml", `" lead.toml"`},
		{"trailing space", "trail.toml ", `"trail.toml "`},
		{"only a space", " ", `" "`},
		{"leading double quote", `"quoted".toml`, `"\"quoted\".toml"`},
		{"inner double quote stays plain", `say "hi".toml`, `say "hi".toml`},
		{"no-break space", "a\u00a0b.toml", `"a\u00a0b.toml"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := termsafe.Name(tc.in)
			if got != tc.want {
				t.Errorf("Name(%q) = %s, want %s", tc.in, got, tc.want)
			}
			if strings.ContainsAny(got, "\n\r") {
				t.Errorf("Name(%q) = %q holds a line break", tc.in, got)
			}
			if got != tc.in {
				if back, err := strconv.Unquote(got); err != nil || back != tc.in {
					t.Errorf("Name(%q) = %s does not read back as the name: %q, %v", tc.in, got, back, err)
				}
			}
		})
	}
}

// FuzzName: whatever the name, what is shown is one line of printable text
// that reads back as the name.
func FuzzName(f *testing.F) {
	for _, s := range []string{"questions.toml", "x\ny", " a", "\xff", "\"q", "a\u202eb", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := termsafe.Name(s)
		for _, r := range got {
			if !strconv.IsPrint(r) {
				t.Fatalf("Name(%q) = %q keeps %U", s, got, r)
			}
		}
		if got == s {
			return
		}
		if back, err := strconv.Unquote(got); err != nil || back != s {
			t.Fatalf("Name(%q) = %s reads back as %q, %v", s, got, back, err)
		}
	})
}
