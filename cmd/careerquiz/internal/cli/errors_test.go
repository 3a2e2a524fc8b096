package cli

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// A file name with a newline, in a system error, cannot forge a line of the
// message: it is quoted, wherever in the chain the error is.
func TestErrorQuotesTheNamesInSystemErrors(t *testing.T) {
	const name = "/tmp/x\nfake: ok"
	for _, err := range []error{
		&fs.PathError{Op: "mkdir", Path: name, Err: fs.ErrNotExist},
		fmt.Errorf("could not keep the result: %w", &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}),
		&os.LinkError{Op: "rename", Old: name, New: "/tmp/y", Err: fs.ErrExist},
	} {
		var out strings.Builder
		Messages{W: &out, Width: 200}.Error(err)
		for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
			if !strings.HasPrefix(line, "careerquiz: ") {
				t.Errorf("a line of the message not said by careerquiz: %q in\n%s", line, out.String())
			}
		}
		if !strings.Contains(out.String(), `"/tmp/x\nfake: ok"`) {
			t.Errorf("the name is not quoted:\n%s", out.String())
		}
	}
}
