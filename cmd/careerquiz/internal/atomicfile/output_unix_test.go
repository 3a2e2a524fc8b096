//go:build unix

package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz/internal/fileio"
)

// A link is followed and what it points to is replaced, in its own folder;
// the link stays a link.
func TestWriteOutputFollowsLinks(t *testing.T) {
	for _, tc := range []struct {
		name string
		// links are made in order in the folder "links", each pointing at
		// its to; path is written; want is the file that gets the report.
		links     [][2]string
		path      string
		want      string
		wantFiles []string // in "real" afterwards
	}{
		{"a link to a file", [][2]string{{"r.md", "../real/r.md"}}, "links/r.md", "real/r.md", []string{"r.md"}},
		{"an absolute link", [][2]string{{"r.md", "ABS/real/r.md"}}, "links/r.md", "real/r.md", []string{"r.md"}},
		{"a chain of links", [][2]string{{"a.md", "b.md"}, {"b.md", "../real/c.md"}, {"c.md", "a.md"}}, "links/c.md", "real/c.md", []string{"c.md", "r.md"}},
		{"a link to nothing creates its target", [][2]string{{"new.md", "../real/new.md"}}, "links/new.md", "real/new.md", []string{"new.md", "r.md"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			os.Mkdir(filepath.Join(root, "links"), 0o700)
			os.Mkdir(filepath.Join(root, "real"), 0o700)
			os.WriteFile(filepath.Join(root, "real", "r.md"), []byte("old\n"), 0o640)
			os.WriteFile(filepath.Join(root, "real", "c.md"), []byte("old\n"), 0o640)
			if tc.name != "a chain of links" {
				os.Remove(filepath.Join(root, "real", "c.md"))
			}
			for _, l := range tc.links {
				to := strings.Replace(l[1], "ABS", root, 1)
				if err := os.Symlink(to, filepath.Join(root, "links", l[0])); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(root, tc.path)
			if err := WriteOutput(path, []byte("new\n"), 0o644, nil); err != nil {
				t.Fatal(err)
			}
			if got := readFile(t, filepath.Join(root, tc.want)); got != "new\n" {
				t.Errorf("%s holds %q, want the report", tc.want, got)
			}
			if fi, err := os.Lstat(path); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
				t.Errorf("%s is no longer a link", tc.path)
			}
			want := fs.FileMode(0o640)
			if strings.Contains(tc.name, "nothing") {
				want = 0o644
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != want {
				t.Errorf("target has mode %v, want %v", fi.Mode().Perm(), want)
			}
			onlyFiles(t, filepath.Join(root, "real"), tc.wantFiles...)
		})
	}
}

func TestWriteOutputLinksInALoop(t *testing.T) {
	dir := t.TempDir()
	os.Symlink("b", filepath.Join(dir, "a"))
	os.Symlink("a", filepath.Join(dir, "b"))
	err := WriteOutput(filepath.Join(dir, "a"), []byte("x"), 0o644, nil)
	if err == nil || !strings.Contains(err.Error(), "go round in a loop") || fileio.Hint(err) == "" {
		t.Fatalf("error %v, want the loop said", err)
	}
	if err := CheckWritable(filepath.Join(dir, "a")); err == nil {
		t.Errorf("CheckWritable passed links in a loop")
	}
}

// A FIFO is written into, as the shell's > would, and stays a FIFO.
func TestWriteOutputIntoAFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := CheckWritable(fifo); err != nil {
		t.Fatalf("CheckWritable(FIFO) = %v", err)
	}
	read := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			read <- err.Error()
			return
		}
		defer f.Close()
		data, _ := io.ReadAll(f)
		read <- string(data)
	}()
	done := make(chan error)
	go func() { done <- WriteOutput(fifo, []byte("through the pipe\n"), 0o644, nil) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("still writing after 5s")
	}
	if got := <-read; got != "through the pipe\n" {
		t.Errorf("reader got %q", got)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v, %v", fi.Mode(), err)
	}
	onlyFiles(t, dir, "out")
}

// /dev/null is written into, never replaced (as root, a rename would
// make it a file); a link to it as well. /dev/full says it is full.
func TestWriteOutputIntoADevice(t *testing.T) {
	link := filepath.Join(t.TempDir(), "null")
	os.Symlink("/dev/null", link)
	for _, path := range []string{"/dev/null", link} {
		if err := CheckWritable(path); err != nil {
			t.Errorf("CheckWritable(%s) = %v", path, err)
		}
		if err := WriteOutput(path, []byte("gone\n"), 0o644, nil); err != nil {
			t.Errorf("WriteOutput(%s) = %v", path, err)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
			t.Errorf("%s is no longer a device: %v, %v", path, fi.Mode(), err)
		}
	}
	if _, err := os.Stat("/dev/full"); err != nil {
		return
	}
	err := WriteOutput("/dev/full", []byte("x"), 0o644, nil)
	if err == nil || !errors.Is(err, syscall.ENOSPC) || err.Error() != "cannot be written: no space left on device" {
		t.Fatalf("error %v, want no space left", err)
	}
	if h := fileio.Hint(err); !strings.Contains(h, "free some space") {
		t.Errorf("hint %q", h)
	}
}

// A folder that cannot be written is a clear error, before and after the
// work, and the file that is there stays as it was.
func TestWriteOutputReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes in any folder")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(dir, 0o700)
	path := filepath.Join(dir, "report.md")
	os.WriteFile(path, []byte("old\n"), 0o644)
	os.Chmod(dir, 0o500)
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	err := CheckWritable(path)
	if err == nil || err.Error() != "cannot write in folder "+dir+": permission denied" ||
		!strings.Contains(fileio.Hint(err), "a folder you can write to") {
		t.Errorf("CheckWritable: %v (hint %q)", err, fileio.Hint(err))
	}
	err = WriteOutput(path, []byte("new\n"), 0o644, nil)
	if err == nil || !errors.Is(err, fs.ErrPermission) || err.Error() != "cannot be written: permission denied" ||
		!strings.Contains(fileio.Hint(err), "a folder you can write to") {
		t.Errorf("WriteOutput: %v (hint %q)", err, fileio.Hint(err))
	}
	if got := readFile(t, path); got != "old\n" {
		t.Errorf("the old file holds %q, want it untouched", got)
	}
	onlyFiles(t, dir, "report.md")
}

// A name with a newline cannot forge a line of the message.
func TestWriteOutputErrorQuotesTheName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none\ncareerquiz: hint: all fine", "r.md")
	// The folder is named in the message; the caller names path.
	err := CheckWritable(path)
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Fatalf("error %q, want one line", err)
	}
}

// A link is judged by what it points to: a link to nothing can be
// written where its target's folder can.
func TestCheckWritableFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	os.Symlink("elsewhere/r.md", filepath.Join(dir, "into-missing"))
	os.Symlink("r.md", filepath.Join(dir, "dangling"))
	if err := CheckWritable(filepath.Join(dir, "dangling")); err != nil {
		t.Errorf("a link to a file that can be made: %v", err)
	}
	err := CheckWritable(filepath.Join(dir, "into-missing"))
	if err == nil || err.Error() != "folder "+filepath.Join(dir, "elsewhere")+" does not exist" {
		t.Errorf("a link into a missing folder: %v", err)
	}
	onlyFiles(t, dir, "dangling", "into-missing")
}

// /dev/stdout and /dev/fd/N stand for an open file: with standard output
// sent to a regular file, writing to them appends to that file, as the
// shell's >> would, and never puts another file in its place.
func TestWriteOutputIntoAnOpenFile(t *testing.T) {
	if _, err := os.Stat("/dev/fd/0"); err != nil {
		t.Skip("no /dev/fd")
	}
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "stdout"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	before, _ := f.Stat()
	f.WriteString("header\n")
	fdPath := fmt.Sprintf("/dev/fd/%d", f.Fd())
	link := filepath.Join(dir, "out")
	os.Symlink(fdPath, link)
	for _, path := range []string{fdPath, link} {
		if err := CheckWritable(path); err != nil {
			t.Errorf("CheckWritable(%s) = %v", path, err)
		}
		if err := WriteOutput(path, []byte("report\n"), 0o644, nil); err != nil {
			t.Fatalf("WriteOutput(%s) = %v", path, err)
		}
	}
	after, err := os.Stat(filepath.Join(dir, "stdout"))
	if err != nil || !os.SameFile(before, after) {
		t.Fatalf("the file behind the descriptor was replaced")
	}
	if got := readFile(t, filepath.Join(dir, "stdout")); got != "header\nreport\nreport\n" {
		t.Errorf("the file holds %q, want the header and both reports after it", got)
	}
	onlyFiles(t, dir, "out", "stdout")
}
