package result

import (
	"fmt"
	"strings"

	"github.com/careerquiz/careerquiz/internal/termsafe"
	"github.com/careerquiz/careerquiz/scoring"
)

// Verdict is a result in a few words, as every view names it: "Back-end
// engineer (moderate)", "no clear preference (balanced; leaning a little
// to Back-end developer)", "Back-end engineer and Back-end developer tie",
// or "no recommendation yet". A balanced result names a path only as the
// side of a small lead: read alone, "Back-end engineer (balanced)" sounds
// like a recommendation. paths give the names of the paths rec names by id
// only.
func Verdict(rec *Recommendation, paths []Path) string {
	return verdict(rec, paths, true)
}

// ShortVerdict is Verdict for a column of a table: "no clear preference"
// for a balanced result and a tie alike, without the lean.
func ShortVerdict(rec *Recommendation, paths []Path) string {
	return verdict(rec, paths, false)
}

func verdict(rec *Recommendation, paths []Path, long bool) string {
	if rec == nil {
		return "no recommendation yet"
	}
	name := pathName(rec.Name, rec.Path, paths)
	switch {
	case (rec.Tie || rec.Strength == scoring.Balanced) && !long:
		return "no clear preference"
	case rec.Tie:
		return fmt.Sprintf("%s and %s tie", name, pathName("", rec.RunnerUp, paths))
	case rec.Strength == scoring.Balanced:
		return fmt.Sprintf("no clear preference (balanced; leaning a little to %s)", name)
	case rec.Strength == "":
		return name
	}
	return fmt.Sprintf("%s (%s)", name, OneLine(string(rec.Strength)))
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
// cursor or retitle the window. Invalid UTF-8 becomes U+FFFD (a stray
// byte such as 0x9b can act as an escape on some terminals), and white
// space, newlines included, is made single spaces.
func OneLine(s string) string {
	return strings.Join(strings.Fields(termsafe.Clean(strings.ToValidUTF8(s, "\uFFFD"))), " ")
}
