package quiz_test

// Benchmarks of what every run does before it can ask or answer anything:
// load and validate a bank, and read an answers file. Banks of 1,000 and
// 10,000 questions are the built-in bank's questions over and over with
// fresh ids, so that they have its mix of kinds and lengths of text.
//
// The rest of a run is benchmarked where it is done: scoring a result and
// its stability in scoring/bench_test.go (BenchmarkScore), the random-answer
// distribution of `careerquiz check` there too (BenchmarkAnalyze), and the
// whole command in cmd/careerquiz/bench_test.go. .ci/perf compares whole
// processes with a hello-world program.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/quiz"
)

// benchSizes are the banks benchmarked: 0 is the built-in bank as it is.
var benchSizes = []int{0, 1000, 10_000}

func sizeName(n int) string {
	if n == 0 {
		return "built-in"
	}
	return fmt.Sprint(n)
}

var questionID = regexp.MustCompile(`(?m)^id = "[^"]*"`)

// builtInTimes returns a bank of n questions made of the built-in bank's
// questions in turn, the first round with their own ids and the i-th after
// it with id "q<i>"; n = 0 gives the built-in bank itself.
func builtInTimes(tb testing.TB, n int) []byte {
	tb.Helper()
	if n == 0 {
		return careerquiz.Questions
	}
	const header = "\n[[questions]]\n"
	parts := strings.Split(string(careerquiz.Questions), header)
	if len(parts) < 2 {
		tb.Fatalf("the built-in bank has no %q", strings.TrimSpace(header))
	}
	// Tables that are not questions ([[try_both]]) may stand between them;
	// they are written once, before the questions.
	var sb strings.Builder
	sb.WriteString(parts[0])
	for i, q := range parts[1:] {
		if at := strings.Index(q, "\n[[try_both]]"); at >= 0 {
			sb.WriteString(q[at:])
			parts[1+i] = q[:at]
		}
	}
	for i := range n {
		q := parts[1+i%(len(parts)-1)]
		loc := questionID.FindStringIndex(q)
		if loc == nil {
			tb.Fatalf("a question of the built-in bank has no id line:\n%s", q)
		}
		if i < len(parts)-1 {
			// The first round keeps its ids, which steps may name.
			sb.WriteString(header + q)
			continue
		}
		fmt.Fprintf(&sb, "%sid = \"q%d\"%s", header+q[:loc[0]], i, q[loc[1]:])
	}
	return []byte(sb.String())
}

func parseBench(tb testing.TB, n int) (*quiz.Bank, []byte) {
	tb.Helper()
	src := builtInTimes(tb, n)
	bank, err := quiz.Parse("bench.toml", src)
	if err != nil {
		tb.Fatal(err)
	}
	if n > 0 && len(bank.Questions) != n {
		tb.Fatalf("generated bank has %d questions, want %d", len(bank.Questions), n)
	}
	return bank, src
}

// BenchmarkParse loads and validates a bank, as every run does first.
func BenchmarkParse(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			_, src := parseBench(b, n)
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := quiz.Parse("bench.toml", src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseAnswers reads an answers file that answers every question,
// in both formats: TOML as people write it, JSON as a saved result holds it.
func BenchmarkParseAnswers(b *testing.B) {
	for _, n := range benchSizes {
		bank, _ := parseBench(b, n)
		answers := quiz.Answers{}
		for i, q := range bank.Questions {
			answers[q.ID] = quiz.Answer{Picks: []int{i % len(q.Options)}}
		}
		values := bank.AnswerValues(answers)
		var tomlFile bytes.Buffer
		if err := toml.NewEncoder(&tomlFile).Encode(values); err != nil {
			b.Fatal(err)
		}
		jsonFile, err := json.Marshal(values)
		if err != nil {
			b.Fatal(err)
		}
		for _, file := range []struct {
			name string
			data []byte
		}{{"answers.toml", tomlFile.Bytes()}, {"answers.json", jsonFile}} {
			b.Run(sizeName(n)+"/"+file.name, func(b *testing.B) {
				b.SetBytes(int64(len(file.data)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := quiz.ParseAnswers(bank, file.name, file.data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
