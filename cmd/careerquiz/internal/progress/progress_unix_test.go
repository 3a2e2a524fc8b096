//go:build unix

package progress_test

import (
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/progress"
)

// TestLoadReadsOnlyRegularFiles: what sits where progress belongs is read
// only if it is a regular file of a bank's size at most. A FIFO would block
// the quiz and /dev/zero would fill memory; each is refused at once, and
// set aside rather than deleted.
func TestLoadReadsOnlyRegularFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		make   func(path string) error
		reason string
	}{
		{"a FIFO", func(path string) error { return syscall.Mkfifo(path, 0o600) }, "a named pipe, not a file"},
		{"a link to /dev/zero", func(path string) error { return os.Symlink("/dev/zero", path) }, "a device, not a file"},
		{"a link to a FIFO", func(path string) error {
			fifo := path + ".fifo"
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				return err
			}
			return os.Symlink(fifo, path)
		}, "a named pipe, not a file"},
		{"a link to nothing", func(path string) error { return os.Symlink(path+".gone", path) }, "a link to nothing"},
		{"a folder", func(path string) error { return os.Mkdir(path, 0o700) }, "a folder, not a file"},
		{"a file over 16 MiB", func(path string) error {
			f, err := os.Create(path)
			if err != nil {
				return err
			}
			defer f.Close()
			return f.Truncate(16<<20 + 1)
		}, "larger than 16 MiB (16777217 bytes)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s := progress.NewStore(dir, bankA)
			if err := tt.make(s.Path()); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() {
				_, _, err := s.Load()
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("Load is still waiting after 5 s")
			}
			var d *progress.DamagedError
			if !errors.As(err, &d) || d.Reason != tt.reason {
				t.Fatalf("error %v, want reason %q", err, tt.reason)
			}
			aside, err := s.SetAside(time.Date(2026, 12, 2, 6, 30, 0, 0, time.UTC))
			if err != nil {
				t.Fatal(err)
			}
			if want := strings.TrimSuffix(s.Path(), ".json") + ".damaged-20261202T063000Z"; aside != want {
				t.Errorf("set aside as %s, want %s", aside, want)
			}
			if _, err := os.Lstat(aside); err != nil {
				t.Errorf("what was set aside is gone: %v", err)
			}
			if _, err := os.Lstat(s.Path()); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the progress path is still taken: %v", err)
			}
			if _, ok, err := s.Load(); ok || err != nil {
				t.Errorf("after SetAside, Load gives %v, %v; want no progress", ok, err)
			}
		})
	}
}
