package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/collect"
	"github.com/careerquiz/careerquiz/quiz"
)

// simulated writes the results of n simulated people with known leanings,
// each taken through the real command (--answers - --json), as files in a
// folder and as the lines of one NDJSON text. It returns the folder, the
// NDJSON and every person's answers, in the order of the files' names.
func simulated(t *testing.T, n int) (dir, ndjson string, people []quiz.Answers) {
	t.Helper()
	b, err := loadBank("")
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	rng := rand.New(rand.NewPCG(uint64(n), 14))
	var lines strings.Builder
	for i := range n {
		// A lean from -1 (developer) to +1 (engineer); each answer follows
		// it with a chance that grows with its strength, and one answer in
		// fifty is skipped.
		lean := 2*rng.Float64() - 1
		a := quiz.Answers{}
		for qi := range b.Questions {
			q := &b.Questions[qi]
			like := make([]float64, len(q.Options))
			var sum float64
			for o, opt := range q.Options {
				like[o] = math.Exp(1.5 * lean * (opt.Weights[0] - opt.Weights[1]))
				sum += like[o]
			}
			switch {
			case rng.Float64() < 0.02:
			case q.Kind == quiz.PickAny:
				var picks []int
				for o := range q.Options {
					if rng.Float64() < 3*like[o]/sum {
						picks = append(picks, o)
					}
				}
				if len(picks) > 0 {
					a[q.ID] = quiz.Answer{Picks: picks}
				}
			default:
				x, o := rng.Float64()*sum, 0
				for o < len(like)-1 && x >= like[o] {
					x -= like[o]
					o++
				}
				a[q.ID] = quiz.Answer{Picks: []int{o}}
			}
		}
		people = append(people, a)
		answers, err := json.Marshal(b.AnswerValues(a))
		if err != nil {
			t.Fatal(err)
		}
		e, stdout, stderr := testEnv(t, string(answers))
		if code := run([]string{"--answers", "-", "--json"}, e); code != 0 {
			t.Fatalf("person %d: exit %d: %s", i, code, stderr)
		}
		// Some results sit in subfolders: the walk must find them.
		path := filepath.Join(dir, fmt.Sprintf("group%d", i%3), fmt.Sprintf("p%04d.json", i))
		write(t, path, stdout.String())
		var compact bytes.Buffer
		if err := json.Compact(&compact, stdout.Bytes()); err != nil {
			t.Fatal(err)
		}
		lines.Write(compact.Bytes())
		lines.WriteByte('\n')
	}
	// The walk reads files in lexical order; so must the answers.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return x%3 - y%3 })
	sorted := make([]quiz.Answers, n)
	for i, j := range order {
		sorted[i] = people[j]
	}
	return dir, lines.String(), sorted
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// statsDoc is the part of the stats --json document the tests hold.
type statsDoc struct {
	People    int      `json:"people"`
	Complete  int      `json:"complete"`
	Alpha     *float64 `json:"alpha"`
	AlphaN    int      `json:"alpha_n"`
	Questions []struct {
		ID       string   `json:"id"`
		Answered int      `json:"answered"`
		ItemRest *float64 `json:"item_rest"`
	} `json:"questions"`
}

func stats(t *testing.T, stdin string, args ...string) (statsDoc, string, int) {
	t.Helper()
	e, stdout, stderr := testEnv(t, stdin)
	code := run(append([]string{"stats", "--json"}, args...), e)
	var doc statsDoc
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("stats --json printed no JSON (exit %d): %v\n%s\n%s", code, err, stdout, stderr)
	}
	return doc, stderr.String(), code
}

// reference computes people, complete, alpha and each item–rest
// correlation the plain two-pass way, from every complete person's statsItem
// scores held in memory: an implementation that shares nothing with the
// command's but the bank.
func reference(t *testing.T, people []quiz.Answers) (complete int, alpha float64, itemRest map[string]float64) {
	t.Helper()
	b, err := loadBank("")
	if err != nil {
		t.Fatal(err)
	}
	var items []quiz.Question
	for _, q := range b.Questions {
		if q.Scored() {
			items = append(items, q)
		}
	}
	var rows [][]float64
	for _, a := range people {
		var row []float64
		for _, q := range items {
			picks := a[q.ID].Picks
			if len(picks) == 0 {
				row = nil
				break
			}
			var x float64
			for _, o := range picks {
				x += q.Options[o].Weights[0] - q.Options[o].Weights[1]
			}
			row = append(row, x)
		}
		if row != nil {
			rows = append(rows, row)
		}
	}
	n, k := float64(len(rows)), len(items)
	variance := func(f func([]float64) float64) float64 {
		var m float64
		for _, r := range rows {
			m += f(r)
		}
		m /= n
		var s float64
		for _, r := range rows {
			s += (f(r) - m) * (f(r) - m)
		}
		return s / (n - 1)
	}
	sum := func(r []float64, except int) float64 {
		var s float64
		for i, v := range r {
			if i != except {
				s += v
			}
		}
		return s
	}
	var sumVar float64
	itemRest = map[string]float64{}
	for j, q := range items {
		vx := variance(func(r []float64) float64 { return r[j] })
		vr := variance(func(r []float64) float64 { return sum(r, j) })
		// cov(x, rest) from var(x + rest) = var x + var rest + 2 cov.
		vt := variance(func(r []float64) float64 { return sum(r, -1) })
		itemRest[q.ID] = (vt - vx - vr) / 2 / math.Sqrt(vx*vr)
		sumVar += vx
	}
	alpha = float64(k) / float64(k-1) * (1 - sumVar/variance(func(r []float64) float64 { return sum(r, -1) }))
	return len(rows), alpha, itemRest
}

// The figures of eighty simulated people (enough to judge reliability by),
// read from a folder and from NDJSON on standard input, match the two-pass
// computation to 0.001 and each other exactly. Scale is .ci/perf's to
// measure (100,000 results), and BenchmarkStats's.
func TestStatsFigures(t *testing.T) {
	t.Parallel()
	const n = 80
	dir, ndjson, people := simulated(t, n)
	complete, alpha, itemRest := reference(t, people)
	t.Logf("%d people, %d complete, alpha %.4f", n, complete, alpha)

	folder, stderr, code := stats(t, "", dir)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if folder.People != n || folder.Complete != complete || folder.AlphaN != complete {
		t.Errorf("people %d, complete %d (alpha over %d), want %d and %d", folder.People, folder.Complete, folder.AlphaN, n, complete)
	}
	if folder.Alpha == nil || math.Abs(*folder.Alpha-alpha) > 0.001 {
		t.Errorf("alpha %v, want %.4f", folder.Alpha, alpha)
	}
	if len(itemRest) < 10 {
		t.Fatalf("%d scored questions: the test has lost its material", len(itemRest))
	}
	for _, q := range folder.Questions {
		want, scored := itemRest[q.ID]
		switch {
		case !scored && q.ItemRest != nil:
			t.Errorf("%s is unscored but has item_rest %v", q.ID, *q.ItemRest)
		case scored && (q.ItemRest == nil || math.Abs(*q.ItemRest-want) > 0.001):
			t.Errorf("%s: item_rest %v, want %.4f", q.ID, q.ItemRest, want)
		}
	}

	piped, stderr, code := stats(t, ndjson, "-")
	if code != 0 || stderr != "" {
		t.Fatalf("stdin: exit %d, stderr %q", code, stderr)
	}
	if same(piped) != same(folder) {
		t.Errorf("NDJSON on stdin gives other figures than the folder:\n%+v\n%+v", piped, folder)
	}
	// The whole document, every count and figure, is the same, and so it
	// is for the files themselves, as the quiz wrote them, one after
	// another on stdin (cat results/*/*.json | careerquiz stats -).
	var files strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, rerr := os.ReadFile(path)
			files.Write(data)
			return rerr
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var whole []string
	for _, in := range []struct{ stdin, path string }{{"", dir}, {ndjson, "-"}, {files.String(), "-"}} {
		e, stdout, stderr := testEnv(t, in.stdin)
		if code := run([]string{"stats", "--json", in.path}, e); code != 0 {
			t.Errorf("exit %d: %s", code, stderr)
		}
		whole = append(whole, stdout.String())
	}
	if whole[0] != whole[1] || whole[0] != whole[2] {
		t.Errorf("stats --json of the folder, of NDJSON and of the files on stdin differ")
	}
}

// The CSV is read back by a standard reader: a header, then one row per
// person, each row's answers as an answers file would give them.
func TestStatsCSV(t *testing.T) {
	t.Parallel()
	dir, _, people := simulated(t, 40)
	b, err := loadBank("")
	if err != nil {
		t.Fatal(err)
	}
	e, stdout, stderr := testEnv(t, "")
	if code := run([]string{"stats", "--csv", dir}, e); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(stdout).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(people) {
		t.Fatalf("%d rows, want a header and %d", len(rows), len(people))
	}
	want := []string{"file", "recommendation", "share_engineer", "share_developer"}
	for _, q := range b.Questions {
		want = append(want, q.ID)
	}
	if !slices.Equal(rows[0], want) {
		t.Fatalf("header %q,\nwant %q", rows[0], want)
	}
	for i, row := range rows[1:] {
		if !strings.HasPrefix(row[0], dir) || !strings.HasSuffix(row[0], ".json") {
			t.Errorf("row %d: file %q", i, row[0])
		}
		if row[1] != "engineer" && row[1] != "developer" && row[1] != "" {
			t.Errorf("row %d: recommendation %q", i, row[1])
		}
		for _, cell := range row[2:4] {
			if v, err := strconv.ParseFloat(cell, 64); err != nil || v < 0 || v > 100 {
				t.Errorf("row %d: share %q", i, cell)
			}
		}
		for j, q := range b.Questions {
			var cells []string
			for _, o := range people[i][q.ID].Picks {
				cells = append(cells, strconv.Itoa(o+1))
			}
			if got := row[4+j]; got != strings.Join(cells, ";") {
				t.Errorf("row %d, %s: %q, want %q", i, q.ID, got, strings.Join(cells, ";"))
			}
		}
	}
}

// A junk file and a result from another bank are each named with the
// reason; the report of the rest still prints, and the exit status is 1.
func TestStatsSkipsBadFiles(t *testing.T) {
	t.Parallel()
	dir, _, people := simulated(t, 30)
	good, _, _ := stats(t, "", dir)

	write(t, filepath.Join(dir, "junk.json"), "this is not json\n")
	write(t, filepath.Join(dir, "other.json"), `{"bank": {"sha256": "0123456789abcdef"}, "answers": {"messaging": 1}}`)
	write(t, filepath.Join(dir, "misfit.json"), fmt.Sprintf(`{"bank": {"sha256": %q}, "answers": {"no-such-question": 1}}`, bankSHA(t)))
	write(t, filepath.Join(dir, "notes.txt"), "not a .json file, so never read")
	doc, stderr, code := stats(t, "", dir)
	if code != cli.ExitError {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"careerquiz: " + filepath.Join(dir, "junk.json") + ": skipped: not JSON",
		"careerquiz: " + filepath.Join(dir, "other.json") + ": skipped: taken on another bank (sha256 0123456789ab…",
		"careerquiz: " + filepath.Join(dir, "misfit.json") + `: skipped: answers do not fit the bank: unknown question "no-such-question"`,
		"careerquiz: skipped 3 of 33 results; the figures cover the other 30",
		"careerquiz: hint: ",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "notes.txt") {
		t.Errorf("a .txt file in a folder was read:\n%s", stderr)
	}
	if doc.People != len(people) || same(doc) != same(good) {
		t.Errorf("the report of the rest changed:\n%+v\n%+v", doc, good)
	}

	// --any-bank keeps the other bank's result, whose answers still fit.
	doc, _, _ = stats(t, "", "--any-bank", dir)
	if doc.People != len(people)+1 {
		t.Errorf("--any-bank: %d people, want %d", doc.People, len(people)+1)
	}
}

// NDJSON lines are judged one by one: a bad line is named by its number
// and the lines after it are still read.
func TestStatsNDJSONLines(t *testing.T) {
	t.Parallel()
	sha := bankSHA(t)
	ok := fmt.Sprintf(`{"bank":{"sha256":%q},"answers":{"messaging":1}}`, sha)
	long := `{"answers":{"x":"` + strings.Repeat("a", collect.MaxSize) + `"}}`
	pretty := fmt.Sprintf("{\n  \"bank\": {\n    \"sha256\": %q\n  },\n  \"answers\": {\"messaging\": 2}\n}", sha)
	in := strings.Join([]string{ok, "", "[1, 2]", long, `{"bank":{"sha256":1},"answers":{}}`, `{"bank":{}}`, ok,
		pretty, "{", `  "bank": ]`, ok, "{", `  "answers": {}`}, "\n")
	doc, stderr, code := stats(t, in, "-")
	if code != cli.ExitError || doc.People != 4 {
		t.Errorf("exit %d, %d people; want 1 and 4", code, doc.People)
	}
	for _, want := range []string{
		"careerquiz: standard input:3: skipped: not a careerquiz result: a result is a JSON object, not array",
		"careerquiz: standard input:4: skipped: longer than 1 MiB: no result is that long",
		"careerquiz: standard input:5: skipped: not a careerquiz result: bank.sha256 is number, not string",
		`careerquiz: standard input:6: skipped: not a careerquiz result: it has no "answers"`,
		"careerquiz: standard input:14-15: skipped: not JSON: invalid character ']' looking for beginning of value",
		"careerquiz: standard input:17-18: skipped: not JSON: unexpected end of JSON input",
		"careerquiz: skipped 6 of 10 results",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestStatsUsage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"stats"}, "careerquiz: stats needs a result file, a folder of them, or - for standard input"},
		{[]string{"stats", "--json", "--csv", "x"}, "careerquiz: stats: --json and --csv cannot be used together"},
		{[]string{"stats", "--questions", "", "x"}, "careerquiz: stats: --questions needs a file name"},
		{[]string{"stats", "-", "-"}, "careerquiz: stats: - (standard input) can be given once"},
		{[]string{"stats", "--jsno", "x"}, "careerquiz: stats: unknown flag --jsno\ncareerquiz: hint: did you mean --json?"},
	} {
		e, _, stderr := testEnv(t, "")
		if code := run(tc.args, e); code != cli.ExitUsage || !strings.HasPrefix(stderr.String(), tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

// same renders a document for comparison, figures and all.
func same(doc statsDoc) string {
	data, _ := json.Marshal(doc)
	return string(data)
}

func bankSHA(t testing.TB) string {
	b, err := loadBank("")
	if err != nil {
		t.Fatal(err)
	}
	return b.SHA256
}

// minimalResults is n results in the least a result needs, one a line:
// the bank's digest and answers, as a cohort's collected NDJSON would be.
func minimalResults(tb testing.TB, n int) string {
	tb.Helper()
	b, err := loadBank("")
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(n), 1))
	var sb strings.Builder
	for range n {
		fmt.Fprintf(&sb, `{"bank":{"sha256":%q},"answers":{`, b.SHA256)
		for i, q := range b.Questions {
			if i > 0 {
				sb.WriteByte(',')
			}
			k := len(q.Options)
			if q.Kind == quiz.PickAny {
				fmt.Fprintf(&sb, "%q:[%d,%d]", q.ID, 1+rng.IntN(k/2), 1+k/2+rng.IntN(k-k/2))
			} else {
				fmt.Fprintf(&sb, "%q:%d", q.ID, 1+rng.IntN(k))
			}
		}
		sb.WriteString("}}\n")
	}
	return sb.String()
}

// BenchmarkStats reads 1,000 minimal results from stdin, as `careerquiz
// stats -` does; the per-result cost times 100,000 is the large run.
func BenchmarkStats(b *testing.B) {
	in := minimalResults(b, 1000)
	for _, mode := range []string{"--json", "--csv"} {
		b.Run(mode[2:], func(b *testing.B) {
			for b.Loop() {
				e := benchEnv(b)
				e.stdin = strings.NewReader(in)
				if code := run([]string{"stats", mode, "-"}, e); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/result")
		})
	}
}
