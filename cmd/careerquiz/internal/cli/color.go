package cli

import (
	"fmt"
	"strconv"
	"strings"
)

// Color is the choice of --color.
type Color int

const (
	ColorAuto Color = iota
	ColorAlways
	ColorNever
)

// ColorFlags are --color and --no-color, one setting, storing the choice
// in the field given.
func ColorFlags[T any](field func(*T) *Color) Flags[T] {
	return Flags[T]{
		{Name: "color", Aliases: []string{"colour"}, Arg: "WHEN", Choices: []string{"auto", "always", "never"}, Help: "colour: auto (on a terminal only), always or never",
			Set: func(o *T, v string) error {
				c, ok := map[string]Color{"auto": ColorAuto, "always": ColorAlways, "never": ColorNever}[v]
				if !ok {
					return fmt.Errorf("wants auto, always or never, got %q", v)
				}
				*field(o) = c
				return nil
			}},
		{Name: "no-color", Aliases: []string{"no-colour"}, Setting: "color", Help: "no colour: the same as --color=never",
			Set: func(o *T, v string) error {
				if on, err := strconv.ParseBool(v); err != nil || on {
					*field(o) = ColorNever
				}
				return nil
			}},
	}
}

// On decides colour for one stream. The first of these that applies
// decides, as the usage text says: --color (or --no-color); NO_COLOR set:
// never; CLICOLOR_FORCE or FORCE_COLOR set, and not 0: always; TERM=dumb:
// never; otherwise only a terminal gets colour.
func (c Color) On(getenv func(string) string, terminal bool) bool {
	switch {
	case c == ColorAlways:
		return true
	case c == ColorNever, getenv("NO_COLOR") != "":
		return false
	case forced(getenv("CLICOLOR_FORCE")), forced(getenv("FORCE_COLOR")):
		return true
	case getenv("TERM") == "dumb":
		return false
	}
	return terminal
}

// forced reads CLICOLOR_FORCE or FORCE_COLOR: set, and not 0 or false.
func forced(v string) bool {
	return v != "" && v != "0" && !strings.EqualFold(v, "false")
}
