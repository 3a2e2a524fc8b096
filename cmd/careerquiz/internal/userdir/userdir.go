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
	// XDG is the variable that overrides the folder, such as XDG_STATE_HOME.
	XDG string
	// Unix is the folder under $HOME that the XDG spec gives as its default,
	// such as ".local/state".
	Unix string
	// Purpose words what the folder is for in messages: "save progress".
	Purpose string
	// Holds words what it holds: "saved progress".
	Holds string
}

// Dir returns the folder for f on goos, with careerquiz's own subfolder
// sub joined on. getenv and goos are passed in (as os.Getenv and
// runtime.GOOS) so that every platform's rule can be tested anywhere.
func Dir(getenv func(string) string, goos string, f Folder, sub ...string) (string, error) {
	var base, from string
	// The XDG base directory spec says relative paths are invalid and must
	// be ignored.
	if xdg := getenv(f.XDG); xdg != "" && filepath.IsAbs(xdg) {
		base = xdg
	} else {
		switch goos {
		case "windows":
			base, from = getenv("LocalAppData"), "%LocalAppData%"
		case "darwin", "ios":
			if home := getenv("HOME"); home != "" {
				base = filepath.Join(home, "Library", "Application Support")
			}
			from = "$HOME"
		default:
			if home := getenv("HOME"); home != "" {
				base = filepath.Join(home, filepath.FromSlash(f.Unix))
			}
			from = "$HOME"
		}
	}
	if base == "" {
		return "", fmt.Errorf("cannot tell where to %s: %s is not set; set %s to a folder for %s", f.Purpose, from, f.XDG, f.Holds)
	}
	return filepath.Join(append([]string{base, "careerquiz"}, sub...)...), nil
}
