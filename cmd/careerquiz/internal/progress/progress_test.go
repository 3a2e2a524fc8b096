package progress_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/progress"
)

const (
	bankA = "9f2c1e0b7a6d5c4b3a291807f6e5d4c3b2a1908f7e6d5c4b3a29180706f5e4d3"
	bankB = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestDir(t *testing.T) {
	tests := []struct {
		name    string
		goos    string
		vars    map[string]string
		want    string
		wantErr string
	}{
		{
			name: "XDG_STATE_HOME wins on linux",
			goos: "linux",
			vars: map[string]string{"XDG_STATE_HOME": "/srv/state", "HOME": "/home/ana"},
			want: filepath.Join("/srv/state", "careerquiz"),
		},
		{
			name: "XDG_STATE_HOME wins on darwin",
			goos: "darwin",
			vars: map[string]string{"XDG_STATE_HOME": "/srv/state", "HOME": "/Users/ana"},
			want: filepath.Join("/srv/state", "careerquiz"),
		},
		{
			name: "XDG_STATE_HOME wins on windows",
			goos: "windows",
			vars: map[string]string{"XDG_STATE_HOME": "/srv/state", "LocalAppData": `C:\Users\ana\AppData\Local`},
			want: filepath.Join("/srv/state", "careerquiz"),
		},
		{
			name: "a relative XDG_STATE_HOME is ignored",
			goos: "linux",
			vars: map[string]string{"XDG_STATE_HOME": "state", "HOME": "/home/ana"},
			want: filepath.Join("/home/ana", ".local", "state", "careerquiz"),
		},
		{
			name: "linux",
			goos: "linux",
			vars: map[string]string{"HOME": "/home/ana"},
			want: filepath.Join("/home/ana", ".local", "state", "careerquiz"),
		},
		{
			name: "other unix systems follow linux",
			goos: "freebsd",
			vars: map[string]string{"HOME": "/home/ana"},
			want: filepath.Join("/home/ana", ".local", "state", "careerquiz"),
		},
		{
			name: "darwin",
			goos: "darwin",
			vars: map[string]string{"HOME": "/Users/ana"},
			want: filepath.Join("/Users/ana", "Library", "Application Support", "careerquiz"),
		},
		{
			name: "windows",
			goos: "windows",
			vars: map[string]string{"LocalAppData": `C:\Users\ana\AppData\Local`, "HOME": "/home/ana"},
			want: filepath.Join(`C:\Users\ana\AppData\Local`, "careerquiz"),
		},
		{
			name:    "linux without HOME",
			goos:    "linux",
			vars:    map[string]string{},
			wantErr: "cannot tell where to save progress: $HOME is not set; set XDG_STATE_HOME to a folder for saved progress",
		},
		{
			name:    "darwin without HOME",
			goos:    "darwin",
			vars:    map[string]string{},
			wantErr: "cannot tell where to save progress: $HOME is not set; set XDG_STATE_HOME to a folder for saved progress",
		},
		{
			name:    "windows without LocalAppData",
			goos:    "windows",
			vars:    map[string]string{"HOME": "/home/ana"},
			wantErr: "cannot tell where to save progress: %LocalAppData% is not set; set XDG_STATE_HOME to a folder for saved progress",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := progress.Dir(env(tt.vars), tt.goos)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("got %q, %v; want error %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func sampleState() progress.State {
	return progress.State{
		Answers: map[string]any{
			"outage":   2,
			"diagrams": 5,
			"tasks":    []int{1, 3},
			"hobby":    "skip",
		},
		Next:     4,
		Shuffled: true,
		// Beyond 2^53, where a trip through float64 would change it.
		Seed:     -9007199254740993,
		Answered: 3,
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	s := progress.NewStore(t.TempDir(), bankA)
	want := sampleState()
	if err := s.Save(want); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Load()
	if err != nil || !ok {
		t.Fatalf("Load: %v, %v", ok, err)
	}
	if got.Version != progress.Version || got.Bank != bankA {
		t.Errorf("version %d, bank %q; want %d, %q", got.Version, got.Bank, progress.Version, bankA)
	}
	if got.Next != want.Next || got.Shuffled != want.Shuffled || got.Seed != want.Seed || got.Answered != want.Answered {
		t.Errorf("got %+v, want %+v", got, want)
	}
	// Answers come back as decoded JSON; what matters is that they encode
	// to the same answers file.
	gotJSON, _ := json.Marshal(got.Answers)
	wantJSON, _ := json.Marshal(want.Answers)
	if string(gotJSON) != string(wantJSON) {
		t.Errorf("answers %s, want %s", gotJSON, wantJSON)
	}
}

func TestLoadWithoutProgress(t *testing.T) {
	s := progress.NewStore(filepath.Join(t.TempDir(), "not", "made", "yet"), bankA)
	st, ok, err := s.Load()
	if err != nil || ok || !reflect.DeepEqual(st, progress.State{}) {
		t.Fatalf("got %+v, %v, %v; want nothing", st, ok, err)
	}
}

func TestSaveReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	s := progress.NewStore(dir, bankA)
	first := sampleState()
	second := sampleState()
	second.Next, second.Answered = 5, 4
	for _, st := range []progress.State{first, second} {
		if err := s.Save(st); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"progress-9f2c1e0b7a6d5c4b.json"}; !reflect.DeepEqual(names, want) {
		t.Errorf("folder holds %v, want %v", names, want)
	}
	got, _, err := s.Load()
	if err != nil || got.Next != 5 || got.Answered != 4 {
		t.Errorf("got %+v, %v; want the second save", got, err)
	}
}

func TestSaveModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix permission bits")
	}
	dir := filepath.Join(t.TempDir(), "state", "careerquiz")
	s := progress.NewStore(dir, bankA)
	if err := s.Save(sampleState()); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, s.Path(): 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s has mode %v, want %v", path, got, want)
		}
	}
}

func TestSaveFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "careerquiz")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := progress.NewStore(blocker, bankA)
	err := s.Save(sampleState())
	if err == nil || !strings.HasPrefix(err.Error(), "saving progress: ") {
		t.Fatalf("got %v, want a saving progress error", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the blocking file", len(entries))
	}
}

func TestStoresAreKeyedByBank(t *testing.T) {
	dir := t.TempDir()
	a, b := progress.NewStore(dir, bankA), progress.NewStore(dir, bankB)
	if a.Path() == b.Path() {
		t.Fatalf("two banks share %s", a.Path())
	}
	if err := a.Save(sampleState()); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := b.Load(); ok || err != nil {
		t.Errorf("bank B sees bank A's progress: %v, %v", ok, err)
	}
	if err := b.Clear(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := a.Load(); !ok {
		t.Error("clearing bank B removed bank A's progress")
	}
}

func TestNewStoreKeepsOddDigestsInsideTheFolder(t *testing.T) {
	dir := t.TempDir()
	for _, digest := range []string{"", "../../../etc/passwd", "short", `C:\x\y\z\0123456789`} {
		s := progress.NewStore(dir, digest)
		if filepath.Dir(s.Path()) != dir {
			t.Errorf("digest %q: file %s is outside %s", digest, s.Path(), dir)
		}
	}
}

func TestClear(t *testing.T) {
	dir := t.TempDir()
	s := progress.NewStore(dir, bankA)
	if err := s.Clear(); err != nil {
		t.Fatalf("Clear without progress: %v", err)
	}
	if err := s.Save(sampleState()); err != nil {
		t.Fatal(err)
	}
	// A save killed between writing and renaming leaves its temporary file.
	leftover := filepath.Join(dir, "progress-9f2c1e0b7a6d5c4b.json.123456.tmp")
	if err := os.WriteFile(leftover, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Clear(); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Load(); ok || err != nil {
		t.Errorf("progress still there after Clear: %v, %v", ok, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("folder still holds %v", entries)
	}
}

func TestLoadRefusesUnusableFiles(t *testing.T) {
	other, _ := json.Marshal(map[string]any{"version": 1, "bank_sha256": bankB, "answers": map[string]any{}})
	newer, _ := json.Marshal(map[string]any{"version": 2, "bank_sha256": bankA, "answers": map[string]any{}})
	negative, _ := json.Marshal(map[string]any{"version": 1, "bank_sha256": bankA, "answers": map[string]any{}, "next": -1})
	tests := []struct {
		name string
		data string
		want string // with %s for the file
	}{
		{"cut short", `{"version": 1, "answ`, "saved progress %s is damaged (unexpected EOF); --restart discards it"},
		{"not JSON", "outage = 2\n", "saved progress %s is damaged (invalid character 'o' looking for beginning of value); --restart discards it"},
		{"wrong types", `{"version": "1"}`, "saved progress %s is damaged (json: cannot unmarshal string into Go struct field State.version of type int); --restart discards it"},
		{"text after the end", `{"version": 1} {}`, "saved progress %s is damaged (text after the end of the progress); --restart discards it"},
		{"some other JSON file", `{"name": "x"}`, "saved progress %s is not careerquiz progress; --restart discards it"},
		{"another bank", string(other), "saved progress %s belongs to another question bank; --restart discards it"},
		{"another version", string(newer), "saved progress %s has format version 2, not 1; --restart discards it"},
		{"negative position", string(negative), "saved progress %s is damaged (missing or negative fields); --restart discards it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := progress.NewStore(t.TempDir(), bankA)
			if err := os.WriteFile(s.Path(), []byte(tt.data), 0o600); err != nil {
				t.Fatal(err)
			}
			st, ok, err := s.Load()
			if ok {
				t.Fatalf("Load accepted %+v", st)
			}
			if want := fmt.Sprintf(tt.want, s.Path()); err == nil || err.Error() != want {
				t.Errorf("error:\n%v\nwant:\n%s", err, want)
			}
		})
	}
}

func ExampleStore() {
	dir, err := os.MkdirTemp("", "careerquiz-state")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	store := progress.NewStore(dir, bankA)
	err = store.Save(progress.State{
		Answers:  map[string]any{"outage": 2, "tasks": []int{1, 3}, "hobby": "skip"},
		Next:     3,
		Answered: 2,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	st, ok, err := store.Load()
	fmt.Println(ok, err, st.Next, st.Answered)
	answers, _ := json.Marshal(st.Answers)
	fmt.Println(string(answers))
	fmt.Println(filepath.Base(store.Path()))
	// Output:
	// true <nil> 3 2
	// {"hobby":"skip","outage":2,"tasks":[1,3]}
	// progress-9f2c1e0b7a6d5c4b.json
}
