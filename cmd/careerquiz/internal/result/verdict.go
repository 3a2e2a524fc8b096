package result

import (
	"fmt"
	"strings"

	"github.com/careerquiz/careerquiz/internal/termsafe"
	"github.com/careerquiz/careerquiz/scoring"
)

// Verdict is a result in a few words, as every view names it: "Back-end
// engineer (moderate)", "no clear preference (balanced; leaning a little
// to Back-end developer)", "no preference (Back-end engineer and Back-end
// developer tie)", or "no recommendation yet". A balanced result names a
// path only as the side of a small lead: read alone, "Back-end engineer
// (balanced)" sounds like a recommendation; a tie names no path first.
// paths give the names of the paths rec names by id only.
func Verdict(rec *Recommendation, paths []Path) string {
	return verdict(rec, paths, true)
}

// ShortVerdict is Verdict for a column of a table: "no preference" for a
// tie and "no clear preference" for a balanced result, without the lean.
func ShortVerdict(rec *Recommendation, paths []Path) string {
	return verdict(rec, paths, false)
}

// The words for a result that recommends no path: a tie, where no answer
// leaned either way on balance, and a balanced lean, too small to call.
const (
	NoPreference      = "no preference"
	NoClearPreference = "no clear preference"
)

func verdict(rec *Recommendation, paths []Path, long bool) string {
	if rec == nil {
		return "no recommendation yet"
	}
	name := pathName(rec.Name, rec.Path, paths)
	switch {
	case rec.Tie && !long:
		return NoPreference
	case rec.Tie:
		// A result kept before Tied was written names the two of Path and RunnerUp.
		ids := rec.Tied
		if len(ids) == 0 {
			ids = []string{rec.Path, rec.RunnerUp}
		}
		names := make([]string, len(ids))
		for i, id := range ids {
			names[i] = pathName("", id, paths)
		}
		return fmt.Sprintf("%s (%s tie)", NoPreference, JoinAnd(names))
	case rec.Strength == scoring.Balanced && !long:
		return NoClearPreference
	case rec.Strength == scoring.Balanced:
		return fmt.Sprintf("%s (balanced; leaning a little to %s)", NoClearPreference, name)
	case rec.Strength == "":
		return name
	}
	return fmt.Sprintf("%s (%s)", name, OneLine(string(rec.Strength)))
}

// JoinAnd joins words as a sentence lists them: "a", "a and b", "a, b and c".
func JoinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// pathName is name, or else the name paths give the path id, or else id.
func pathName(name, id string, paths []Path) string {
	if name == "" {
		name = id
		for _, p := range paths {
			if p.ID == id && p.Name != "" {
				name = p.Name
			}
		}
	}
	return OneLine(name)
}

// Digest is the short form of a bank's SHA-256 that every view shows:
// enough to tell banks apart by eye, marked where it is cut.
func Digest(sha string) string {
	sha = OneLine(sha)
	if len(sha) > 12 {
		return sha[:12] + "…"
	}
	return sha
}

// OneLine makes text read from a result or a bank safe to print: a kept
// file is a file anyone may edit, so it must not be able to move the
// cursor or retitle the window (termsafe.Clean), and white space,
// newlines included, is made single spaces.
func OneLine(s string) string {
	return strings.Join(strings.Fields(termsafe.Clean(s)), " ")
}
