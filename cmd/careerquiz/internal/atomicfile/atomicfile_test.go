package atomicfile

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestWriteReplacesWholeAndLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.md")
	for _, content := range []string{"first\n", "second, longer\n"} {
		if err := Write(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Fatalf("read %q, %v; want %q", got, err, content)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the folder, want 1", len(entries))
	}
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
			t.Errorf("mode %v, want 0644", fi.Mode().Perm())
		}
	}
}

func TestWriteIntoAMissingFolderFailsCleanly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none", "report.md")
	if err := Write(path, []byte("x"), 0o600); err == nil {
		t.Fatal("wrote into a folder that does not exist")
	}
}

func TestIsTemp(t *testing.T) {
	for name, want := range map[string]bool{
		".report.md.123.tmp": true, ".result-2026.json.9.tmp": true,
		"report.md": false, "result.json": false, "x.tmp": false,
	} {
		if IsTemp(name) != want {
			t.Errorf("IsTemp(%q) = %v", name, !want)
		}
	}
}

func TestCheckWritable(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string // want "" for no error
	}{
		{"a new file", filepath.Join(dir, "new.md"), ""},
		{"an existing file", file, ""},
		{"a missing folder", filepath.Join(dir, "none", "r.md"), "folder " + filepath.Join(dir, "none") + " does not exist"},
		{"a folder", dir, "is a folder"},
		{"a file as the folder", filepath.Join(file, "r.md"), "is not a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckWritable(tt.path)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("checking left %d files in the folder, want the 1 there before", len(entries))
	}
}

func TestCheckWritableReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs a system where a folder's mode stops its owner")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	err := CheckWritable(filepath.Join(dir, "r.md"))
	if err == nil || !strings.Contains(err.Error(), "cannot write in folder") {
		t.Errorf("error %v, want one saying the folder cannot be written", err)
	}
}
