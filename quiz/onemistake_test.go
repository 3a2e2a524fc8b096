package quiz_test

import (
	"errors"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"
)

// A value of the wrong type is one mistake, and is reported once: not again
// as the key missing, or as what its absence leads to.
func TestWrongTypeIsReportedOnce(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"keyed", `keyed = "developer"`, `keyed = 3`,
			`profile.toml:83: question "diagrams": keyed: expected a string, found an integer`},
		{"side", `b = { text = "Find the broken code and get payments going again", path = "developer" }`, `b = "developer"`,
			`profile.toml:77: question "payments-down": b: expected a table, found a string`},
		{"options", "[[questions.options]]\nid = \"none\"\ntext = \"None yet\"\n\n[[questions.options]]\nid = \"database\"\ntext = \"A project with a database behind it\"\n\n[[questions.options]]\nid = \"work\"\ntext = \"Back-end code at work\"\n",
			"options = \"none, database, work\"\n",
			`profile.toml:57: question "experience": options: expected an array of tables, found a string: write each one under its own [[questions.options]] header`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := quiz.Parse("profile.toml", []byte(editProfile(t, tc.old, tc.new)))
			var ps quiz.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("got %v (%T), want quiz.Problems", err, err)
			}
			if err.Error() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", err, tc.want)
			}
		})
	}
}
