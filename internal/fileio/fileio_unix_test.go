//go:build unix

package fileio_test

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz/internal/fileio"
)

// Every name that is not a regular file is refused at once, with what it is
// and what to do; a regular file, or a link to one, is read.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	write := func(name, content string) {
		if err := os.WriteFile(at(name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("bank.toml", "title = \"x\"\n")
	big, err := os.Create(at("big.toml"))
	if err != nil {
		t.Fatal(err)
	}
	big.Truncate(limit + 1)
	big.Close()
	for _, name := range []string{"fifo", "fifo.json"} {
		if err := syscall.Mkfifo(at(name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	os.Symlink("bank.toml", at("link.toml"))
	os.Symlink("link.toml", at("chain.toml"))
	os.Symlink("fifo", at("link-to-fifo"))
	os.Symlink("missing.toml", at("dangling.toml"))
	os.Symlink("loop-b", at("loop-a"))
	os.Symlink("loop-a", at("loop-b"))
	os.Mkdir(at("folder"), 0o700)
	sock := shortSocketPath(t)
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()

	for _, tc := range []struct {
		name, path string
		want       string // the whole message; "" to read
		is         error
		hint       string // part of the hint
	}{
		{"a regular file", at("bank.toml"), "", nil, ""},
		{"a link to a file", at("link.toml"), "", nil, ""},
		{"a chain of links to a file", at("chain.toml"), "", nil, ""},
		{"a folder", at("folder"), at("folder") + ": is a folder, not a file", fileio.ErrNotRegular, "name a file in it"},
		{"a FIFO with no writer", at("fifo"), at("fifo") + ": is a FIFO (named pipe): careerquiz reads only regular files here", fileio.ErrNotRegular, "pass - and pipe it in instead"},
		{"a link to a FIFO", at("link-to-fifo"), at("link-to-fifo") + ": is a FIFO (named pipe)", fileio.ErrNotRegular, "pass -"},
		{"/dev/null", "/dev/null", "/dev/null: is a device (character device): careerquiz reads only regular files here", fileio.ErrNotRegular, "name a regular file"},
		{"/dev/zero, which never ends", "/dev/zero", "/dev/zero: is a device (character device)", fileio.ErrNotRegular, "name a regular file"},
		{"a socket", sock, sock + ": is a socket: careerquiz reads only regular files here", fileio.ErrNotRegular, "name a regular file"},
		{"a file over the limit", at("big.toml"), at("big.toml") + ": file is larger than 16 MiB (16777217 bytes)", fileio.ErrTooLarge, "check the name"},
		{"a missing file", at("missing.toml"), at("missing.toml") + ": does not exist", fs.ErrNotExist, "check the file's name and folder"},
		{"a link to nothing", at("dangling.toml"), at("dangling.toml") + ": is a symbolic link to nothing", fs.ErrNotExist, "point the link at a file"},
		{"links in a loop", at("loop-a"), at("loop-a") + ": cannot be read: its symbolic links go round in a loop", nil, "point the link"},
		{"a file used as a folder", at("bank.toml/x"), at("bank.toml/x") + ": does not exist: a part of it before the last is a file", nil, "check the file's name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan struct{})
			var data []byte
			var err error
			go func() {
				defer close(done)
				data, err = fileio.ReadFile(tc.path, limit)
			}()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("ReadFile still waiting after 5s")
			}
			if tc.want == "" {
				if err != nil || string(data) != "title = \"x\"\n" {
					t.Fatalf("read %q, %v; want the file", data, err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("error %v, want one starting %q", err, tc.want)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			if h := fileio.Hint(err); !strings.Contains(h, tc.hint) {
				t.Errorf("hint %q, want one saying %q", h, tc.hint)
			}
		})
	}
}

// A FIFO is refused even while a writer holds it open: a bank is not read
// from a pipe that may never end.
func TestReadFileRefusesAFIFOWithAWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	// Opening for reading and writing does not wait, and keeps a writer
	// there for the whole test.
	w, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.WriteString("title = \"x\"\n")
	if _, err := fileio.ReadFile(path, limit); !errors.Is(err, fileio.ErrNotRegular) {
		t.Fatalf("error %v, want the FIFO refused", err)
	}
}

// shortSocketPath is a socket path short enough for every system's limit
// (about 100 bytes), which t.TempDir's can pass.
func shortSocketPath(t *testing.T) string {
	dir, err := os.MkdirTemp("", "fio")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return filepath.Join(dir, "s.sock")
}

// Walk hands over the regular files it finds and says why it skips the
// rest, without opening any of them: a FIFO among results cannot hang it.
func TestWalk(t *testing.T) {
	root := t.TempDir()
	at := func(name string) string { return filepath.Join(root, name) }
	os.Mkdir(at("sub"), 0o700)
	for _, name := range []string{"a.json", "sub/d.json", "notes.txt"} {
		if err := os.WriteFile(at(name), []byte("{}"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	syscall.Mkfifo(at("b.json"), 0o600)
	syscall.Mkfifo(at("c.txt"), 0o600)
	os.Symlink("a.json", at("link.json"))
	os.Symlink("none.json", at("dangling.json"))
	os.Symlink("sub", at("linkdir.json"))
	os.Symlink("/dev/null", at("null.json"))
	os.Mkdir(at("folder.json"), 0o700)

	isJSON := func(name string) bool { return strings.HasSuffix(name, ".json") }
	var got []string
	err := fileio.Walk(root, isJSON, func(path string, err error) error {
		rel, _ := filepath.Rel(root, path)
		line := rel
		if err != nil {
			line += ": " + strings.TrimPrefix(err.Error(), path+": ")
		}
		got = append(got, line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a.json",
		"b.json: is a FIFO (named pipe): careerquiz reads only regular files here",
		"dangling.json: is a symbolic link to nothing: what it points to does not exist",
		"link.json",
		"linkdir.json: is a link to a folder, which is not followed inside a folder",
		"null.json: is a device (character device): careerquiz reads only regular files here",
		"sub/d.json",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("walked\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// A root that is not a folder is handed over whatever its name, judged as
// every entry is.
func TestWalkARootThatIsAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "results.ndjson")
	syscall.Mkfifo(fifo, 0o600)
	file := filepath.Join(dir, "r.txt")
	os.WriteFile(file, nil, 0o600)
	none := func(string) bool { return false }
	for _, tc := range []struct {
		path string
		is   error
	}{
		{file, nil},
		{fifo, fileio.ErrNotRegular},
		{filepath.Join(dir, "missing"), fs.ErrNotExist},
	} {
		calls := 0
		fileio.Walk(tc.path, none, func(path string, err error) error {
			calls++
			if path != tc.path || !errors.Is(err, tc.is) || (tc.is == nil) != (err == nil) {
				t.Errorf("Walk(%s) gave %s, %v; want %v", tc.path, path, err, tc.is)
			}
			return nil
		})
		if calls != 1 {
			t.Errorf("Walk(%s) called back %d times, want once", tc.path, calls)
		}
	}
}

// The first error the callback returns ends the walk.
func TestWalkStopsWhereTold(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"a.json", "b.json", "c.json"} {
		os.WriteFile(filepath.Join(root, name), nil, 0o600)
	}
	stop := errors.New("stop")
	n := 0
	err := fileio.Walk(root, func(string) bool { return true }, func(string, error) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Errorf("Walk returned %v after %d files, want stop after 2", err, n)
	}
}

// A folder's listing is judged entry by entry without opening any: the
// results folder holds what people and crashes put there.
func TestCheckEntry(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	os.WriteFile(at("r.json"), nil, 0o600)
	syscall.Mkfifo(at("f.json"), 0o600)
	os.Symlink("r.json", at("l.json"))
	os.Mkdir(at("d"), 0o700)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		err := fileio.CheckEntry(at(e.Name()), e)
		got = append(got, fmt.Sprintf("%s %v", e.Name(), errors.Is(err, fileio.ErrNotRegular)))
	}
	if want := "d true, f.json true, l.json false, r.json false"; strings.Join(got, ", ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, ", "), want)
	}
}
