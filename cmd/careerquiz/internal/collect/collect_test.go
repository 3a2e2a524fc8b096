package collect

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

func builtin(t testing.TB) *quiz.Bank {
	t.Helper()
	b, err := quiz.Parse(careerquiz.QuestionsFile, careerquiz.Questions)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzStatsResult: whatever a line of NDJSON holds, judging it never
// panics, and it is either skipped with a reason or scored with answers
// that fit the bank.
func FuzzStatsResult(f *testing.F) {
	b := builtin(f)
	sha := b.SHA256
	f.Add(fmt.Sprintf(`{"bank":{"sha256":%q},"answers":{"messaging":1,"security-tasks":[1,3],"crash":"skip"}}`, sha))
	f.Add(fmt.Sprintf(`{"bank":{"sha256":%q},"answers":{"messaging":"x"}}`, sha))
	f.Add(`{"bank":{"sha256":"0"},"answers":{}}`)
	f.Add(`[1,2]`)
	f.Add(`{"answers":null}`)
	f.Add("\xff\xfe")
	r := &Reader{Bank: b}
	scorer := scoring.NewScorer(b)
	options := map[string]int{}
	for _, q := range b.Questions {
		options[q.ID] = len(q.Options)
	}
	f.Fuzz(func(t *testing.T, line string) {
		o := r.judge(scorer, item{name: "fuzz", data: []byte(line)})
		if o.skip != "" {
			return
		}
		for id, a := range o.answers {
			for _, p := range a.Picks {
				if p < 0 || p >= options[id] {
					t.Fatalf("%s: pick %d of %d options", id, p, options[id])
				}
			}
		}
	})
}

// FuzzStream: whatever standard input holds, reading it never panics;
// every piece it hands on is named by a line that exists, in order, and is
// a JSON value of the input, whole; and input that is all JSON values is
// read whole, no byte lost or read twice.
func FuzzStream(f *testing.F) {
	f.Add("{\"a\":1}\n\n[1]\n{\n  \"b\": {\n  }\n}\n{\n \"c\": ]\n{\"d\":2}\n{")
	f.Add("{\n")
	f.Add("}}}\n{{{\n")
	f.Add("{\"a\":1}{\"b\":2} 3\n")
	f.Fuzz(func(t *testing.T, src string) {
		var names []string
		var read strings.Builder
		in := input{emit: func(it item) bool {
			names = append(names, it.name)
			if it.skip == "" {
				if !json.Valid(it.data) || !strings.Contains(src, string(it.data)) {
					t.Fatalf("handed on %q, not a value of the input", it.data)
				}
				read.Write(it.data)
			}
			return true
		}}
		if err := in.stream("in", strings.NewReader(src)); err != nil {
			t.Fatal(err)
		}
		last := 1
		lines := strings.Count(src, "\n") + 1
		for _, name := range names {
			from, to, span := strings.Cut(strings.TrimPrefix(name, "in:"), "-")
			n, err := strconv.Atoi(from)
			m := n
			if span {
				m, _ = strconv.Atoi(to)
			}
			if err != nil || n < last || m < n || m > lines || span && m == n {
				t.Fatalf("piece named %q after line %d of %d", name, last, lines)
			}
			last = m
		}
		dec := json.NewDecoder(strings.NewReader(src))
		for {
			var v json.RawMessage
			if err := dec.Decode(&v); err == io.EOF {
				break
			} else if err != nil {
				return
			}
		}
		if kept, want := strings.Join(strings.Fields(read.String()), ""), strings.Join(strings.Fields(src), ""); kept != want {
			t.Fatalf("read %q of %q", kept, want)
		}
	})
}

// zeros is an endless stream of NUL bytes, as /dev/zero gives.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// TestAStreamWithNoLinesEnds: a stream that is not JSON and never ends a
// line (/dev/zero piped in) is skipped once no line has ended within a
// bank's length, instead of being read forever.
func TestAStreamWithNoLinesEnds(t *testing.T) {
	t.Parallel()
	var skips []string
	in := input{emit: func(it item) bool {
		skips = append(skips, it.skip)
		return true
	}}
	if err := in.stream("in", zeros{}); err != nil {
		t.Fatal(err)
	}
	if len(skips) != 1 || !strings.Contains(skips[0], "no line ends within 16 MiB") {
		t.Errorf("skips %q, want the NUL's line, which never ends", skips)
	}
}

// TestJunkLinesLoseNoResult: in NDJSON where some lines are not results,
// every result line is read and named by its line, and each run of other
// lines is skipped once, named by the lines it spans, however the runs and
// results alternate and however long a line is.
func TestJunkLinesLoseNoResult(t *testing.T) {
	t.Parallel()
	junk := []string{"y", "nope", "{bad", "]", strings.Repeat("x", 70_000), strings.Repeat("z", 5000)}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		var src strings.Builder
		var want []string
		runFrom := 0 // the first line of the run of junk lines being written, or 0
		end := func(line int) {
			if runFrom > 0 {
				span := fmt.Sprint(runFrom)
				if line-1 > runFrom {
					span += fmt.Sprintf("-%d", line-1)
				}
				want = append(want, "skip in:"+span)
				runFrom = 0
			}
		}
		lines := 1 + rng.IntN(40)
		for line := 1; line <= lines; line++ {
			if rng.IntN(2) == 0 {
				end(line)
				fmt.Fprintf(&src, "{\"n\":%d}\n", line)
				want = append(want, fmt.Sprintf("in:%d {\"n\":%d}", line, line))
				continue
			}
			j := junk[rng.IntN(len(junk))]
			if j[0] == '{' {
				end(line) // a line that starts with { starts a piece of its own
			}
			if runFrom == 0 {
				runFrom = line
			}
			src.WriteString(j + "\n")
		}
		end(lines + 1)
		var got []string
		in := input{emit: func(it item) bool {
			if it.skip != "" {
				got = append(got, "skip "+it.name)
			} else {
				got = append(got, it.name+" "+string(it.data))
			}
			return true
		}}
		if err := in.stream("in", strings.NewReader(src.String())); err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("round %d: read\n%s\nwant\n%s", round, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
