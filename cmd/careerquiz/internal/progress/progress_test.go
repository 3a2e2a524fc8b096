package progress_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/progress"
)

// The keys of two bank files.
var (
	bankA = filepath.Join(string(filepath.Separator)+"home", "ana", "a.toml")
	bankB = filepath.Join(string(filepath.Separator)+"home", "ana", "b.toml")
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
		SHA256: "9f2c1e0b7a6d5c4b3a291807f6e5d4c3b2a1908f7e6d5c4b3a29180706f5e4d3",
		Answers: map[string]any{
			"outage":   2,
			"diagrams": 5,
			"tasks":    []int{1, 3},
			"hobby":    "skip",
		},
		Picked:   map[string][]string{"outage": {"Fix it fast"}},
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
	if got.Version != progress.Version || got.Bank != bankA || got.SHA256 != want.SHA256 {
		t.Errorf("version %d, bank %q, digest %q; want %d, %q, %q", got.Version, got.Bank, got.SHA256, progress.Version, bankA, want.SHA256)
	}
	if got.Next != want.Next || got.Shuffled != want.Shuffled || got.Seed != want.Seed || got.Answered != want.Answered {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if !reflect.DeepEqual(got.Picked, want.Picked) {
		t.Errorf("picked %v, want %v", got.Picked, want.Picked)
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
	s := progress.NewStore(dir, progress.BuiltIn)
	first := sampleState()
	second := sampleState()
	second.Next, second.Answered = 5, 4
	for _, st := range []progress.State{first, second} {
		if err := s.Save(st); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{"progress-built-in.json"}; !reflect.DeepEqual(names(t, dir), want) {
		t.Errorf("folder holds %v, want %v", names(t, dir), want)
	}
	got, _, err := s.Load()
	if err != nil || got.Next != 5 || got.Answered != 4 {
		t.Errorf("got %+v, %v; want the second save", got, err)
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestSaveModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix permission bits")
	}
	dir := filepath.Join(t.TempDir(), "state", "careerquiz")
	s := progress.NewStore(dir, bankA)
	if ok, err := s.Lock(); !ok || err != nil {
		t.Fatalf("Lock: %v, %v", ok, err)
	}
	defer s.Unlock()
	if err := s.Save(sampleState()); err != nil {
		t.Fatal(err)
	}
	lock := strings.TrimSuffix(s.Path(), ".json") + ".lock"
	for path, want := range map[string]os.FileMode{dir: 0o700, s.Path(): 0o600, lock: 0o600} {
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
	if err := s.Save(sampleState()); err == nil {
		t.Fatal("Save into a file, as if a folder, worked")
	}
	if entries := names(t, dir); len(entries) != 1 {
		t.Errorf("folder holds %v, want only the blocking file", entries)
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

func TestKey(t *testing.T) {
	dir := t.TempDir()
	bank := filepath.Join(dir, "bank.toml")
	if err := os.WriteFile(bank, []byte("title = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	real, err := filepath.EvalSymlinks(bank)
	if err != nil {
		t.Fatal(err)
	}
	if got := progress.Key("", "abc"); got != progress.BuiltIn {
		t.Errorf("the built-in bank's key is %q", got)
	}
	if got := progress.Key(bank, "abc"); got != real {
		t.Errorf("Key(%s) = %q, want %q", bank, got, real)
	}
	// Editing a bank keeps its key: the file is the same quiz.
	if got := progress.Key(bank, "def"); got != real {
		t.Errorf("an edited bank has key %q, want %q", got, real)
	}
	// A relative name and a link reach the same file, and the same key.
	t.Chdir(dir)
	if got := progress.Key("bank.toml", "abc"); got != real {
		t.Errorf("Key(bank.toml) = %q, want %q", got, real)
	}
	if runtime.GOOS != "windows" {
		if err := os.Symlink(bank, filepath.Join(dir, "link.toml")); err != nil {
			t.Fatal(err)
		}
		if got := progress.Key("link.toml", "abc"); got != real {
			t.Errorf("Key(link.toml) = %q, want %q", got, real)
		}
	}
	// A name that is no lasting file (a pipe, a folder) is known by the
	// bank's bytes.
	if got := progress.Key(dir, "abc"); got != "sha256:abc" {
		t.Errorf("Key(a folder) = %q, want sha256:abc", got)
	}
}

func TestNoTwoBanksShareAFile(t *testing.T) {
	dir := t.TempDir()
	seen := map[string]string{}
	for _, key := range []string{progress.BuiltIn, "", "../../../etc/passwd", "/x", `C:\x\y\z\0123456789`, "sha256:abc", "/home/ana/built-in"} {
		s := progress.NewStore(dir, key)
		if filepath.Dir(s.Path()) != dir {
			t.Errorf("key %q: file %s is outside %s", key, s.Path(), dir)
		}
		if other, ok := seen[s.Path()]; ok {
			t.Errorf("keys %q and %q share %s", key, other, s.Path())
		}
		seen[s.Path()] = key
	}
}

func TestClear(t *testing.T) {
	dir := t.TempDir()
	s := progress.NewStore(dir, progress.BuiltIn)
	if err := s.Clear(); err != nil {
		t.Fatalf("Clear without progress: %v", err)
	}
	if err := s.Save(sampleState()); err != nil {
		t.Fatal(err)
	}
	// A save killed between writing and renaming leaves its temporary file.
	leftover := filepath.Join(dir, ".progress-built-in.json.123456.tmp")
	if err := os.WriteFile(leftover, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Clear(); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Load(); ok || err != nil {
		t.Errorf("progress still there after Clear: %v, %v", ok, err)
	}
	if entries := names(t, dir); len(entries) != 0 {
		t.Errorf("folder still holds %v", entries)
	}
}

// TestOneRunAtATime: while one run holds a bank's lock, another cannot
// take it, and can once it is let go. Other banks are not held up.
func TestOneRunAtATime(t *testing.T) {
	dir := t.TempDir()
	first, second := progress.NewStore(dir, bankA), progress.NewStore(dir, bankA)
	if ok, err := first.Lock(); !ok || err != nil {
		t.Fatalf("first Lock: %v, %v", ok, err)
	}
	if ok, err := second.Lock(); ok || err != nil {
		t.Fatalf("second Lock while the first holds it: %v, %v; want false, nil", ok, err)
	}
	other := progress.NewStore(dir, bankB)
	if ok, err := other.Lock(); !ok || err != nil {
		t.Errorf("another bank is held up: %v, %v", ok, err)
	}
	other.Unlock()
	first.Unlock()
	if ok, err := second.Lock(); !ok || err != nil {
		t.Fatalf("second Lock after the first let go: %v, %v", ok, err)
	}
	second.Unlock()
}

func TestLoadRefusesUnusableFiles(t *testing.T) {
	other, _ := json.Marshal(map[string]any{"version": 2, "bank": bankB, "answers": map[string]any{}})
	older, _ := json.Marshal(map[string]any{"version": 1, "bank_sha256": "abc", "answers": map[string]any{}})
	negative, _ := json.Marshal(map[string]any{"version": 2, "bank": bankA, "answers": map[string]any{}, "next": -1})
	tests := []struct {
		name string
		data string
		want string
	}{
		{"cut short", `{"version": 2, "answ`, "unexpected EOF"},
		{"not JSON", "outage = 2\n", "invalid character 'o' looking for beginning of value"},
		{"wrong types", `{"version": "1"}`, "json: cannot unmarshal string into Go struct field State.version of type int"},
		{"text after the end", `{"version": 2} {}`, "text after the end of the progress"},
		{"some other JSON file", `{"name": "x"}`, "not careerquiz progress"},
		{"another bank", string(other), "it belongs to another question bank"},
		{"an earlier format", string(older), "format version 1, not 2"},
		{"negative position", string(negative), "missing or negative fields"},
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
			var d *progress.DamagedError
			if !errors.As(err, &d) || d.Reason != tt.want || d.Path != s.Path() {
				t.Errorf("error %#v, want reason %q for %s", err, tt.want, s.Path())
			}
		})
	}
}

func TestSetAsideKeepsEarlierOnes(t *testing.T) {
	s := progress.NewStore(t.TempDir(), bankA)
	now := time.Date(2026, 12, 2, 6, 30, 0, 0, time.UTC)
	var asides []string
	for range 2 {
		if err := os.WriteFile(s.Path(), []byte("{"), 0o600); err != nil {
			t.Fatal(err)
		}
		aside, err := s.SetAside(now)
		if err != nil {
			t.Fatal(err)
		}
		asides = append(asides, aside)
	}
	if asides[0] == asides[1] {
		t.Errorf("two damaged files set aside at one second share %s", asides[0])
	}
}

// TestRemoveOrphans: progress of a bank file that is gone, and progress in
// the earlier format (which named banks by their bytes), belongs to no bank
// and is removed. Progress of banks still there, of the built-in bank, of a
// bank another run holds, and files that are not progress are kept.
func TestRemoveOrphans(t *testing.T) {
	dir := t.TempDir()
	banks := t.TempDir()
	present := filepath.Join(banks, "present.toml")
	if err := os.WriteFile(present, []byte("title = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	gone := filepath.Join(banks, "gone.toml")
	held := filepath.Join(banks, "held.toml")
	for _, key := range []string{progress.BuiltIn, present, gone, held} {
		if err := progress.NewStore(dir, key).Save(sampleState()); err != nil {
			t.Fatal(err)
		}
	}
	holder := progress.NewStore(dir, held)
	if ok, err := holder.Lock(); !ok || err != nil {
		t.Fatalf("Lock: %v, %v", ok, err)
	}
	defer holder.Unlock()
	legacy := filepath.Join(dir, "progress-9f2c1e0b7a6d5c4b.json")
	keep := map[string]string{
		"progress-notes.json": `{"note": "mine"}`,
		"progress-bank-0000000000000000.damaged-20261202T063000Z": "{",
	}
	if err := os.WriteFile(legacy, []byte(`{"version": 1, "bank_sha256": "9f2c1e0b7a6d5c4b3a29", "answers": {}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, text := range keep {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	removed := progress.RemoveOrphans(dir)
	want := []string{progress.NewStore(dir, gone).Path(), legacy}
	slices.Sort(removed)
	slices.Sort(want)
	if !slices.Equal(removed, want) {
		t.Errorf("removed %v, want %v", removed, want)
	}
	for _, key := range []string{progress.BuiltIn, present, held} {
		if _, ok, err := progress.NewStore(dir, key).Load(); !ok || err != nil {
			t.Errorf("progress of %s is gone: %v, %v", key, ok, err)
		}
	}
	for name := range keep {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s is gone: %v", name, err)
		}
	}
}

func ExampleStore() {
	dir, err := os.MkdirTemp("", "careerquiz-state")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	store := progress.NewStore(dir, progress.BuiltIn)
	if ok, err := store.Lock(); !ok || err != nil {
		fmt.Println("another run holds the bank", err)
		return
	}
	defer store.Unlock()
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
	// progress-built-in.json
}
