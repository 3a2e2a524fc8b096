package atomicfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/internal/fileio"
)

// readFile reads path, failing the test where it cannot.
func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// onlyFiles fails the test unless dir holds exactly the names given: no
// temporary file is left behind.
func onlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

func TestWriteOutputToStandardOutput(t *testing.T) {
	var out bytes.Buffer
	if err := WriteOutput("-", []byte("report\n"), 0o644, &out); err != nil || out.String() != "report\n" {
		t.Fatalf("stdout got %q, %v", out.String(), err)
	}
	err := WriteOutput("-", []byte("report\n"), 0o644, failingWriter{})
	if err == nil || err.Error() != "cannot be written: no space left on device" {
		t.Fatalf("error %v, want the failed write said", err)
	}
	if fileio.Hint(err) == "" {
		t.Errorf("no hint for %v", err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

func TestWriteOutputToARegularFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.md")
	if err := WriteOutput(path, []byte("first\n"), 0o644, nil); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
			t.Errorf("a new file has mode %v, want 0644", fi.Mode().Perm())
		}
		os.Chmod(path, 0o600)
	}
	if err := WriteOutput(path, []byte("second\n"), 0o644, nil); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != "second\n" {
		t.Errorf("file holds %q, want the second report", got)
	}
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
			t.Errorf("a replaced file has mode %v, want its own 0600 kept", fi.Mode().Perm())
		}
	}
	onlyFiles(t, dir, "report.md")
}

func TestWriteOutputRefusesAFolder(t *testing.T) {
	dir := t.TempDir()
	err := WriteOutput(dir, []byte("x"), 0o644, nil)
	if err == nil || err.Error() != "is a folder; name a file" || fileio.Hint(err) == "" {
		t.Fatalf("error %v (hint %q), want a folder refused with a hint", err, fileio.Hint(err))
	}
	onlyFiles(t, dir)
}

func TestWriteOutputIntoAMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none", "report.md")
	err := WriteOutput(path, []byte("x"), 0o644, nil)
	if err == nil || !errors.Is(err, fs.ErrNotExist) || !strings.Contains(fileio.Hint(err), "create the folder first") {
		t.Fatalf("error %v (hint %q), want the missing folder said", err, fileio.Hint(err))
	}
}

func TestCheckWritableStandardOutput(t *testing.T) {
	if err := CheckWritable("-"); err != nil {
		t.Errorf("CheckWritable(-) = %v", err)
	}
}
