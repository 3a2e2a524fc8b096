// Package userdir finds the per-user folders careerquiz keeps files in, by
// the XDG base directory rules where they apply and each platform's own
// convention elsewhere. Saved progress and kept results follow the same
// rule with different variables, so it is written once, here.
package userdir

import (
	"fmt"
	"path/filepath"
)

// Folder names one kind of per-user folder.
type Folder struct {
	XDG     string // the variable that overrides the folder, such as XDG_STATE_HOME
	Unix    string // the XDG spec's default under $HOME, such as ".local/state"
	Purpose string // what the folder is for, in messages: "save progress"
	Holds   string // what it holds, in messages: "saved progress"
}

// Dir returns the folder for f on goos, with careerquiz's own subfolder
// sub joined on. getenv and goos are passed in (as os.Getenv and
// runtime.GOOS) so that every platform's rule can be tested anywhere.
func Dir(getenv func(string) string, goos string, f Folder, sub ...string) (string, error) {
	base, from := getenv(f.XDG), "$HOME"
	// The XDG base directory spec says relative paths must be ignored.
	if !filepath.IsAbs(base) {
		switch home := getenv("HOME"); {
		case goos == "windows":
			base, from = getenv("LocalAppData"), "%LocalAppData%"
		case home == "":
			base = ""
		case goos == "darwin" || goos == "ios":
			base = filepath.Join(home, "Library", "Application Support")
		default:
			base = filepath.Join(home, filepath.FromSlash(f.Unix))
		}
	}
	if base == "" {
		return "", fmt.Errorf("cannot tell where to %s: %s is not set; set %s to a folder for %s", f.Purpose, from, f.XDG, f.Holds)
	}
	return filepath.Join(append([]string{base, "careerquiz"}, sub...)...), nil
}
