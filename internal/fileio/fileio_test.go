package fileio_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/internal/fileio"
)

const limit = 16 << 20

// Once open, a regular file reads as usual: the non-blocking open does not
// leak into reads.
func TestOpenRegularReadsWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	content := strings.Repeat("{}\n", 100_000)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := fileio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := fileio.ReadFile(path, int64(len(content)))
	if err != nil || string(data) != content {
		t.Fatalf("read %d bytes, %v; want %d", len(data), err, len(content))
	}
	if _, err := fileio.ReadFile(path, int64(len(content)-1)); !errors.Is(err, fileio.ErrTooLarge) ||
		!strings.Contains(err.Error(), "file is larger than 299999 bytes (300000 bytes)") {
		t.Errorf("error %v, want it too large", err)
	}
}

func TestPermissionDenied(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs a system where a file's mode stops its owner")
	}
	path := filepath.Join(t.TempDir(), "secret.toml")
	if err := os.WriteFile(path, nil, 0o000); err != nil {
		t.Fatal(err)
	}
	_, err := fileio.ReadFile(path, limit)
	if err == nil || err.Error() != path+": cannot be read: permission denied" || !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("error %v, want permission denied", err)
	}
	if !strings.Contains(fileio.Hint(err), "chmod u+r") {
		t.Errorf("hint %q", fileio.Hint(err))
	}
}

// A name with a newline is shown quoted in the error, so that it cannot
// print a line of its own.
func TestErrorQuotesTheName(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "x\ncareerquiz: hint: all is fine\n.toml")
	_, err := fileio.ReadFile(name, limit)
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), `\ncareerquiz: hint: all is fine\n.toml": `) {
		t.Fatalf("error %q, want the name quoted on one line", err)
	}
}

func TestHintOfOtherErrors(t *testing.T) {
	if h := fileio.Hint(errors.New("x")); h != "" {
		t.Errorf("Hint of a plain error = %q", h)
	}
	if h := fileio.Hint(nil); h != "" {
		t.Errorf("Hint(nil) = %q", h)
	}
}

// An error leads with the name, quoted where need be, unless the caller
// names it itself.
func TestErrorMessage(t *testing.T) {
	for _, tc := range []struct {
		err  fileio.Error
		want string
	}{
		{fileio.Error{Path: "bank.toml", Why: "is a folder, not a file"}, "bank.toml: is a folder, not a file"},
		{fileio.Error{Path: "a\nb", Why: "does not exist"}, `"a\nb": does not exist`},
		{fileio.Error{Why: "is a folder; name a file"}, "is a folder; name a file"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}

func TestReadInput(t *testing.T) {
	path := filepath.Join(t.TempDir(), "answers.toml")
	os.WriteFile(path, []byte("a = 1\n"), 0o600)
	for _, tc := range []struct {
		name, path, stdin string
		limit             int64
		wantName, want    string // want is the data, or the error's message
	}{
		{"a file", path, "ignored", 100, path, "a = 1\n"},
		{"standard input", "-", "b = 2\n", 100, "standard input", "b = 2\n"},
		{"standard input at the limit", "-", "12345", 5, "standard input", "12345"},
		{"standard input over the limit", "-", "123456", 5, "standard input", "standard input: file is larger than 5 bytes"},
		{"a file over the limit", path, "", 5, path, path + ": file is larger than 5 bytes (6 bytes)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name, data, err := fileio.ReadInput(tc.path, strings.NewReader(tc.stdin), tc.limit)
			got := string(data)
			if err != nil {
				got = err.Error()
				if !errors.Is(err, fileio.ErrTooLarge) || fileio.Hint(err) == "" {
					t.Errorf("error %v (hint %q), want ErrTooLarge with a hint", err, fileio.Hint(err))
				}
			}
			if name != tc.wantName || got != tc.want {
				t.Errorf("ReadInput = %q, %q; want %q, %q", name, got, tc.wantName, tc.want)
			}
		})
	}
}
