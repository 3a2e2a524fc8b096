package quiz

import (
	"reflect"
	"strings"
	"testing"
)

// positionsBank is laid out the ways authors write banks: headers, comments,
// multi-line strings that look like TOML inside, inline tables, multi-line
// arrays of inline tables, dotted and quoted keys.
const positionsBank = `# A bank.   text = "not a key"
title = "Careers" # comment with """ in it
intro = """
This is not a key:
x = y
[[questions]]
nor is that a header."""

[scoring]
slight = 5

[[themes]]
id = 'design'
about = '''
literal = "still a string"
'''

[[questions]]
id = "outage"
help = "quoted \" quote, then = sign"
weights.engineer = 1

[[questions.options]]
text = "Find the cause"
weights = { engineer = 2, "dev-ops" = 1 }

[[questions.options]]
text = "Fix it fast"
weights = { developer = 2 }

[[questions]]
id = "tasks"
options = [
  { text = "Tuning queries", weights = { developer = 1 } },

  # A comment between elements.
  { text = "Planning growth", weights = { engineer = 1 } },
]

[[questions]]
id = "third"

[[questions.options]]
text = "Again the first option"

[paths."back end"]
name = "Quoted"
`

func TestScanKeyLines(t *testing.T) {
	lines := scanKeyLines(positionsBank)
	for key, want := range map[string]int{
		"title":           2,
		"intro":           3,
		"scoring":         9,
		"scoring.slight":  10,
		"themes[0]":       12,
		"themes[0].id":    13,
		"themes[0].about": 14,
		// Multi-line strings hide what looks like keys and headers: the first
		// question is questions[0], not questions[1].
		"questions[0]":      18,
		"questions[0].id":   19,
		"questions[0].help": 20,
		// A dotted key places itself and the table it implies.
		"questions[0].weights":          21,
		"questions[0].weights.engineer": 21,
		// Keys of inline tables, quoted or not, are placed on their line.
		"questions[0].options[0]":                   23,
		"questions[0].options[0].text":              24,
		"questions[0].options[0].weights":           25,
		"questions[0].options[0].weights.engineer":  25,
		"questions[0].options[0].weights.dev-ops":   25,
		"questions[0].options[1]":                   27,
		"questions[0].options[1].weights.developer": 29,
		"questions[1]":                              31,
		"questions[1].id":                           32,
		// Elements of a multi-line array of inline tables are placed on
		// their own lines, across blank and comment lines.
		"questions[1].options":                      33,
		"questions[1].options[0]":                   34,
		"questions[1].options[0].text":              34,
		"questions[1].options[0].weights.developer": 34,
		"questions[1].options[1]":                   37,
		"questions[1].options[1].weights.engineer":  37,
		// [[questions.options]] counts from 0 again in each question.
		"questions[2]":                 40,
		"questions[2].options[0]":      43,
		"questions[2].options[0].text": 44,
		"paths.back end":               46,
		"paths.back end.name":          47,
	} {
		if got := lines[key]; got != want {
			t.Errorf("line of %s = %d, want %d", key, got, want)
		}
	}
	for _, key := range []string{"x", "literal", "text", "questions[3]", "questions[0].options[2]", "questions[2].options[1]"} {
		if n, ok := lines[key]; ok {
			t.Errorf("%s placed at line %d, but it is inside a string or comment", key, n)
		}
	}
}

func TestKeyLinesLineFallsBackToParent(t *testing.T) {
	lines := scanKeyLines(positionsBank)
	for _, tc := range []struct {
		key  string
		want int
	}{
		{"questions[0].options[1].text", 28},
		{"questions[0].options[1].id", 27}, // not written: the option's header
		{"questions[0].kind", 18},          // not written: the question's header
		{"questions[1].options[1].id", 37}, // not written: the inline table's line
		{"questions[0].options[0].weights.nobody", 25},
		{"questions[9].text", 0},
		{"colour", 0},
	} {
		if got := lines.line(tc.key); got != tc.want {
			t.Errorf("line(%s) = %d, want %d", tc.key, got, tc.want)
		}
	}
}

func TestScanKeyLinesStrings(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      map[string]int
	}{
		{"basic string with escaped quotes", "a = \"x \\\" [[b]] y\"\nc = 1", map[string]int{"a": 1, "c": 2}},
		{"multi-line basic string with escaped delimiter", "a = \"\"\"\nx = \\\"\"\" still\n\"\"\"\nc = 1", map[string]int{"a": 1, "c": 4}},
		{"multi-line string closed with extra quotes", "a = \"\"\"\nx\"\"\"\"\"\nc = 1", map[string]int{"a": 1, "c": 3}},
		{"line-ending backslash", "a = \"\"\"one \\\n  x = 2\"\"\"\nc = 1", map[string]int{"a": 1, "c": 3}},
		{"literal multi-line string with a basic one inside", "a = '''\n\"\"\"\nx = 1\n'''\nc = 1", map[string]int{"a": 1, "c": 5}},
		{"apostrophes in a basic string", "a = \"it's ''' fine\"\nc = 1", map[string]int{"a": 1, "c": 2}},
		{"comment holding quotes", "a = 1 # \"\"\" not a string\nc = 1", map[string]int{"a": 1, "c": 2}},
		{"CRLF", "a = 1\r\n[t]\r\nc = 1\r\n", map[string]int{"a": 1, "t": 2, "t.c": 3}},
		{"array of strings across lines", "a = [\n  \"x = 1\",\n  'y = 2',\n]\nc = 1", map[string]int{"a": 1, "c": 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := scanKeyLines(tc.src)
			for k, n := range tc.want {
				if got[k] != n {
					t.Errorf("line of %s = %d, want %d (all: %v)", k, got[k], n, got)
				}
			}
			if _, ok := got["x"]; ok {
				t.Errorf("x placed at line %d, but it is inside a string", got["x"])
			}
		})
	}
}

// Deep nesting is found before the decoder sees it. Each key, array and
// array element is a level; the place reported is where the 33rd begins.
func TestScanBankNesting(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      *position
	}{
		{"a bank's own depth", "[[questions]]\n[[questions.options]]\nweights = { engineer = 1 }\noptions = [{ weights = { a = 1 } }]", nil},
		{"32 levels", "a = " + strings.Repeat("[", 31) + strings.Repeat("]", 31), nil},
		{"33 levels of arrays", "a = " + strings.Repeat("[", 32) + strings.Repeat("]", 32), &position{1, 5 + 31}},
		{"inline tables", "\na = " + strings.Repeat("{b=", 40), &position{2, 5 + 31*3}},
		{"dotted key", strings.Repeat("a.", 40) + "b = 1", &position{1, 1}},
		{"header", "x = 1\n[" + strings.Repeat("a.", 40) + "b]", &position{2, 1}},
		// The table a[0].b[0].c[0] is six levels, d the seventh, and the
		// 26th bracket the 33rd.
		{"deep after headers", "[[a]]\n[[a.b]]\n[[a.b.c]]\nd = " + strings.Repeat("[", 30), &position{4, 5 + 25}},
		{"brackets in strings do not count", `a = "` + strings.Repeat("[", 100) + `"`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, got := scanBank(tc.src)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("scanBank = %v, want %v", got, tc.want)
			}
		})
	}
}

// byPlainKey finds every place a key is written, as the decoder names it
// without indexes, in line order: an unknown key is reported at each.
func TestByPlainKey(t *testing.T) {
	got := scanKeyLines(positionsBank).byPlainKey()["questions.options.text"]
	want := []string{
		"questions[0].options[0].text",
		"questions[0].options[1].text",
		"questions[1].options[0].text",
		"questions[1].options[1].text",
		"questions[2].options[0].text",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

// The scan never fails and never loops, whatever it is given: half-written
// banks are the common case while an author types.
func TestScanKeyLinesBrokenInput(t *testing.T) {
	for _, src := range []string{
		"", "=", "[", "[[", "[]", "[[a]", "a", "a =", `a = "`, `a = """`, "a = '''\n", "a = [", "a = {", "a = { b",
		"a = { b = ", "a = [1,,]", "a = ]", "a = }", `"a`, "a.", "a. = 1", "[a.]", "\\", "a = [{]", "a = {[}",
		"a = \"\"\"\\", "\x00", "a = [\n# c\n", "a = \"x\" \"\"\"",
	} {
		scanBank(src)
	}
}
