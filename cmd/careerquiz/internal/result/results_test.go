package result

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestDir(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		vars map[string]string
		goos string
		want string // "" for an error
	}{
		{"XDG_DATA_HOME", map[string]string{"XDG_DATA_HOME": "/data", "HOME": "/home/a"}, "linux", "/data/careerquiz/results"},
		{"XDG_DATA_HOME wins on macOS too", map[string]string{"XDG_DATA_HOME": "/data", "HOME": "/Users/a"}, "darwin", "/data/careerquiz/results"},
		{"a relative XDG_DATA_HOME is ignored", map[string]string{"XDG_DATA_HOME": "data", "HOME": "/home/a"}, "linux", "/home/a/.local/share/careerquiz/results"},
		{"Linux", map[string]string{"HOME": "/home/a"}, "linux", "/home/a/.local/share/careerquiz/results"},
		{"macOS", map[string]string{"HOME": "/Users/a"}, "darwin", "/Users/a/Library/Application Support/careerquiz/results"},
		{"Windows", map[string]string{"LocalAppData": `C:\Users\a\AppData\Local`}, "windows", `C:\Users\a\AppData\Local/careerquiz/results`},
		{"no home", map[string]string{}, "linux", ""},
		{"Windows without LocalAppData", map[string]string{"HOME": "/home/a"}, "windows", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Dir(func(k string) string { return tt.vars[k] }, tt.goos)
			if tt.want == "" {
				if err == nil || !strings.Contains(err.Error(), "XDG_DATA_HOME") {
					t.Fatalf("Dir = %q, %v; want an error that names XDG_DATA_HOME", got, err)
				}
				return
			}
			if err != nil || filepath.ToSlash(got) != filepath.ToSlash(tt.want) {
				t.Errorf("Dir = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// document decodes data as a Document, as a kept result is read.
func document(t testing.TB, data []byte) Document {
	t.Helper()
	var d Document
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// result is a minimal result document as --json writes it: engineer and
// developer with the given percents, and the answers given.
func result(engineer, developer float64, answers string) []byte {
	rec := "null"
	switch {
	case engineer > developer:
		rec = `{"path": "engineer", "name": "Back-end engineer", "strength": "clear"}`
	case developer > engineer:
		rec = `{"path": "developer", "name": "Back-end developer", "strength": "clear"}`
	}
	return []byte(fmt.Sprintf(`{
  "schema": "careerquiz.result/v1",
  "bank": {"title": "Test bank", "questions": 2, "sha256": "ab12"},
  "recommendation": %s,
  "paths": [
    {"id": "engineer", "name": "Back-end engineer", "percent": %g},
    {"id": "developer", "name": "Back-end developer", "percent": %g}
  ],
  "themes": [
    {"id": "design", "name": "Design", "answered": 1, "paths": [{"id": "engineer", "percent": %g}, {"id": "developer", "percent": %g}]},
    {"id": "people", "name": "People", "answered": 0, "paths": [{"id": "engineer", "percent": 0}, {"id": "developer", "percent": 0}]}
  ],
  "answers": %s
}
`, rec, engineer, developer, engineer, developer, answers))
}

func TestSaveIsOwnerOnlyAndKeepsTheDocument(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "results")
	doc := result(80, 20, `{"q1": 1, "q2": [1, 2]}`)
	taken := time.Date(2026, 3, 4, 5, 6, 7, 891_000_000, time.FixedZone("CET", 3600))
	path, err := Save(dir, document(t, doc), taken)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "result-2026-03-04T04-06-07.891Z.json"); path != want {
		t.Errorf("kept as %s, want %s", path, want)
	}
	if runtime.GOOS != "windows" {
		for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700} {
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != want {
				t.Errorf("%s has mode %v, want %v: results are personal", p, fi.Mode().Perm(), want)
			}
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The kept file is the document with "taken" first, and nothing
	// else changed.
	prefix := "{\n  \"taken\": \"2026-03-04T04:06:07.891Z\","
	kept := document(t, data)
	kept.Taken = ""
	got, _ := Marshal(kept)
	want, _ := Marshal(document(t, doc))
	if !bytes.HasPrefix(data, []byte(prefix)) || !bytes.Equal(got, want) {
		t.Errorf("kept file:\n%s\nwant the document with %q in front", data, prefix)
	}
	if !json.Valid(data) {
		t.Error("the kept file is not valid JSON")
	}
	a, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Taken.Equal(taken) {
		t.Errorf("read back taken %v, want %v", a.Taken, taken)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only the result (no temporary file left)", len(entries))
	}
}

func TestSaveNeverReplacesAResult(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	taken := time.Now()
	seen := map[string]bool{}
	for i := range 3 {
		path, err := Save(dir, document(t, result(float64(i), 0, `{}`)), taken)
		if err != nil {
			t.Fatal(err)
		}
		if seen[path] {
			t.Fatalf("two results kept as %s", path)
		}
		seen[path] = true
	}
	attempts, problems, err := List(dir)
	if err != nil || len(problems) > 0 || len(attempts) != 3 {
		t.Fatalf("List: %d attempts, problems %v, %v; want 3", len(attempts), problems, err)
	}
}

func TestListIsNewestFirstAndTolerant(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	base := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	// Kept out of order: the listing sorts by when each was taken.
	for _, h := range []int{2, 0, 1} {
		if _, err := Save(dir, document(t, result(float64(10*h), 5, `{}`)), base.Add(time.Duration(h)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	others := map[string]string{
		"damaged.json":  `{"taken": "2026-01-01T00:00:00Z", "schema": "careerquiz.result/v1", "bank": `,
		"foreign.json":  `{"name": "some other program's file"}`,
		"array.json":    `[1, 2, 3]`,
		"future.json":   `{"schema": "careerquiz.result/v9"}`,
		"badtime.json":  strings.Replace(string(result(1, 2, `{}`)), "{", `{"taken": "yesterday",`, 1),
		"notkept.json":  string(result(1, 2, `{}`)),
		"notes.txt":     "my notes",
		"nopaths.json":  `{"schema": "careerquiz.result/v1", "taken": "2026-01-01T00:00:00Z", "bank": {"sha256": "ab"}, "paths": [], "answers": {}}`,
		".x.json.1.tmp": `{`,
		// A file edited by hand to a share no result can have is
		// damaged, not a figure to show (as -9223372036854775808).
		"huge.json": strings.Replace(strings.Replace(string(result(40, 60, `{}`)), "{", `{"taken": "2026-01-01T00:00:00Z",`, 1),
			`"percent": 40}`, `"percent": 40, "share": 1e308}`, 1),
	}
	for name, content := range others {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "old"), 0o700); err != nil {
		t.Fatal(err)
	}

	attempts, problems, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(attempts) != 3 {
		t.Fatalf("%d attempts, want 3", len(attempts))
	}
	for i, a := range attempts {
		want := base.Add(time.Duration(2-i) * time.Hour)
		if a.Number != i+1 || !a.Taken.Equal(want) {
			t.Errorf("attempt %d: number %d, taken %v; want number %d, taken %v", i, a.Number, a.Taken, i+1, want)
		}
	}
	named := map[string]string{}
	for _, p := range problems {
		named[filepath.Base(p.File)] = p.Why
	}
	for name, why := range map[string]string{
		"damaged.json": "is damaged", "foreign.json": "not a careerquiz result", "array.json": "not a careerquiz result",
		"future.json": "careerquiz.result/v9", "badtime.json": "RFC 3339", "notkept.json": "not a kept one",
		"notes.txt": "not a .json file", "nopaths.json": `no "paths"`,
		"huge.json": "is damaged: path \"engineer\" has a share",
	} {
		if !strings.Contains(named[name], why) {
			t.Errorf("%s: problem %q, want one saying %q", name, named[name], why)
		}
	}
	if len(problems) != 9 {
		t.Errorf("%d problems, want 9 (a temporary file and a folder are not named): %v", len(problems), problems)
	}
	// Nothing is deleted: the person may want these files.
	for name := range others {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestListOfAMissingFolderIsEmpty(t *testing.T) {
	t.Parallel()
	attempts, problems, err := List(filepath.Join(t.TempDir(), "none"))
	if err != nil || len(attempts) != 0 || len(problems) != 0 {
		t.Errorf("List = %v, %v, %v; want nothing", attempts, problems, err)
	}
}

func TestSharesFromPercents(t *testing.T) {
	t.Parallel()
	a, why := parse(result(60, 20, `{}`), true)
	if why != "" {
		t.Fatal(why)
	}
	if s := a.Paths[0].Share; s != 75 {
		t.Errorf("engineer share %v, want 75 (60 of 80)", s)
	}
	if s := a.Themes[1].Paths[0].Share; s != 0 {
		t.Errorf("share in a theme with no answers %v, want 0", s)
	}
	// A document with shares keeps them.
	doc := strings.Replace(string(result(60, 20, `{}`)), `"percent": 60}`, `"percent": 60, "share": 70}`, 1)
	a, why = parse([]byte(doc), true)
	if why != "" {
		t.Fatal(why)
	}
	if s := a.Paths[0].Share; s != 70 {
		t.Errorf("engineer share %v, want the document's 70", s)
	}
}

func attempt(t *testing.T, doc []byte) *Attempt {
	t.Helper()
	a, why := parse(doc, true)
	if why != "" {
		t.Fatal(why)
	}
	return &a
}

func TestCompare(t *testing.T) {
	t.Parallel()
	a := attempt(t, result(90, 10, `{"q1": 1, "q2": [1, 3], "q3": "skip", "q4": 2}`))
	b := attempt(t, result(20, 80, `{"q1": 2, "q2": [3, 1], "q3": 1, "q4": 2}`))
	c := Compare(a, b)
	if !c.SameBank || c.Shared != 4 {
		t.Errorf("same bank %v, shared %d; want true, 4", c.SameBank, c.Shared)
	}
	if len(c.Paths) != 2 || c.Paths[0].ID != "engineer" || c.Paths[0].B-c.Paths[0].A != -70 || c.Paths[1].B-c.Paths[1].A != 70 {
		t.Errorf("paths %+v; want engineer -70, developer +70", c.Paths)
	}
	if len(c.Themes) != 2 || c.Themes[0].Paths[0].B-c.Themes[0].Paths[0].A != -70 || c.Themes[0].Paths[0].Name != "Back-end engineer" {
		t.Errorf("themes %+v; want design with engineer -70, named", c.Themes)
	}
	var changed []string
	for _, ch := range c.Changed {
		changed = append(changed, fmt.Sprintf("%s:%s>%s", ch.Question, ch.A, ch.B))
	}
	// The same picks in another order are the same answer.
	if got, want := strings.Join(changed, " "), `q1:1>2 q3:"skip">1`; got != want {
		t.Errorf("changed %s, want %s", got, want)
	}
}

func TestCompareAcrossBanks(t *testing.T) {
	t.Parallel()
	a := attempt(t, result(90, 10, `{"q1": 1, "q2": 1, "old": 2}`))
	other := strings.Replace(string(result(40, 60, `{"q1": 1, "q2": 2, "new": 1}`)), `"sha256": "ab12"`, `"sha256": "cd34"`, 1)
	other = strings.Replace(other, `{"id": "developer", "name": "Back-end developer", "percent": 60}`,
		`{"id": "developer", "name": "Back-end developer", "percent": 60}, {"id": "architect", "name": "Architect", "percent": 50}`, 1)
	b := attempt(t, []byte(other))
	c := Compare(a, b)
	if c.SameBank {
		t.Error("different digests compared as the same bank")
	}
	if c.Shared != 2 || len(c.Changed) != 1 || c.Changed[0].Question != "q2" {
		t.Errorf("shared %d, changed %+v; want 2 shared and q2 changed", c.Shared, c.Changed)
	}
	if strings.Join(c.OnlyA, ",") != "old" || strings.Join(c.OnlyB, ",") != "new" {
		t.Errorf("only in A %v, only in B %v", c.OnlyA, c.OnlyB)
	}
	last := c.Paths[len(c.Paths)-1]
	if last.ID != "architect" || last.InA || !last.InB {
		t.Errorf("a path only B's bank has: %+v", last)
	}
}

// A listing holds a summary of each kept result, not the whole document,
// so that history over many large results stays small; Read gives one
// whole.
func TestListHoldsSummaries(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	long := `{"q1": "` + strings.Repeat("x", 1<<20) + `"}`
	if _, err := Save(dir, document(t, result(60, 40, long)), time.Now()); err != nil {
		t.Fatal(err)
	}
	attempts, _, err := List(dir)
	if err != nil || len(attempts) != 1 {
		t.Fatalf("List: %d attempts, %v", len(attempts), err)
	}
	a := attempts[0]
	if a.Answers != nil || a.Themes != nil || len(a.Paths) != 2 || a.Bank.SHA256 == "" {
		t.Errorf("the listing holds more or less than a summary: %d bytes of answers, %d themes, %d paths", len(a.Answers), len(a.Themes), len(a.Paths))
	}
	whole, err := Read(a.File)
	if err != nil || len(whole.Answers) < 1<<20 || len(whole.Themes) != 2 {
		t.Errorf("Read: %d bytes of answers, %d themes, %v", len(whole.Answers), len(whole.Themes), err)
	}
}
