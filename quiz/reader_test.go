package quiz

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// The loader reads banks and answers files in their usual layout with a
// small reader of its own, because decoding them with the TOML library was
// most of the cost of a run; anything else goes to the library. These
// tests hold the reader to the library: whatever it accepts, it must read
// exactly as the library does.

// sameAsDecoder reports whether readBank accepted src, failing the test if
// what it read differs from the TOML library's reading.
func sameAsDecoder(t *testing.T, src string) bool {
	t.Helper()
	raw, ok := readBank(src)
	if !ok {
		return false
	}
	var want rawBank
	if _, err := toml.Decode(src, &want); err != nil {
		t.Fatalf("readBank accepted what the decoder refuses: %v\n%q", err, src)
	}
	lines := scanKeyLines(src)
	for i, q := range raw.Questions {
		if want := lines.line(fmt.Sprintf("questions[%d]", i)); q.line != want {
			t.Fatalf("question %d: readBank says line %d, the scan says %d\n%q", i+1, q.line, want, src)
		}
	}
	for i, p := range raw.Paths {
		if want := lines.line(fmt.Sprintf("paths[%d]", i)); p.line != want {
			t.Fatalf("path %d: readBank says line %d, the scan says %d\n%q", i+1, p.line, want, src)
		}
	}
	got := *raw
	got.Paths = slices.Clone(got.Paths)
	got.Questions = slices.Clone(got.Questions)
	forComparison(&got)
	forComparison(&want)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("readBank disagrees with the decoder\n got %#v\nwant %#v\n%q", got, want, src)
	}
	return true
}

// forComparison clears what only readBank records (lines) and what the two
// readings may spell differently without meaning anything else (an empty
// list against none).
func forComparison(b *rawBank) {
	if b.Scoring != nil {
		x := *b.Scoring
		b.Scoring = &x
	}
	for i := range b.Paths {
		b.Paths[i].line = 0
		if len(b.Paths[i].Salary) == 0 {
			b.Paths[i].Salary = nil
		}
	}
	for i := range b.Questions {
		b.Questions[i].line = 0
	}
}

var readerBanks = []string{"../questions.toml", "testdata/base.toml", "testdata/small.toml"}

func TestReadBankReadsTheBanksWeShip(t *testing.T) {
	for _, name := range readerBanks {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !sameAsDecoder(t, string(data)) {
			t.Errorf("%s: readBank declined it, so every run pays for the TOML library", name)
		}
	}
}

func FuzzReadBankAgrees(f *testing.F) {
	for _, name := range readerBanks {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	for _, s := range []string{
		"title = \"\"\"\na\\\n   b\"\"\"\"\"\n",
		"title = '''\r\nx'''''\n",
		"title = \"a\\u00e9\\U0001F600\\t\"",
		"[scoring]\nslight = 1e1\nmoderate = -0.0\nclear = +25\n",
		"[[paths]]\nsalary = [\n 'a', # c\n \"b\",\n]\n[[paths.steps]]\ntext = \"x\"",
		"[[questions]]\n[[questions.options]]\nweights = { a = 1, b = 2.5e-1 }\n",
		"[[questions]]\nweight = 9007199254740993\n",
		"title = \"\"\"\\\"\"\"\"\"\"\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if utf8.ValidString(src) {
			sameAsDecoder(t, src)
		}
	})
}

func FuzzReadAnswersAgrees(f *testing.F) {
	for _, s := range []string{
		"outage = 2\ndiagrams = 5 # c\ntasks = [1, 3]\nhobby = \"skip\"\n",
		"a = 'x'\nb = [\n 'a', # c\n \"b\",\n]\r\nc = -0\nd = +12\n",
		"a = \"\"\"\nx\"\"\"\nb = []\n",
		"schema = \"careerquiz.result/v1\"\nanswers = 3\n",
		"a = 99999999999999999999\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		got, ok := readAnswers(src)
		if !ok {
			return
		}
		r := &answersReader{file: "a.toml", data: []byte(src)}
		want, _, _, err := r.decodeTOML(src)
		if err != nil {
			t.Fatalf("readAnswers accepted what the decoder refuses: %v\n%q", err, src)
		}
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("readAnswers disagrees with the decoder\n got %#v\nwant %#v\n%q", got, want, src)
		}
	})
}
