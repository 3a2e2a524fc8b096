package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// Progress goes to stderr only when it is a terminal.
func TestStatsProgress(t *testing.T) {
	t.Parallel()
	for _, terminal := range []bool{false, true} {
		var stderr bytes.Buffer
		p := NewProgress(&stderr, terminal)
		p.last = p.last.Add(-time.Hour) // the first tick draws
		p.Tick(256)
		p.Clear()
		got := stderr.String()
		if terminal != strings.Contains(got, "read 256 results") {
			t.Errorf("terminal %v: stderr %q", terminal, got)
		}
		if terminal && !strings.HasSuffix(got, "\r\x1b[K") {
			t.Errorf("the progress line is not cleared: %q", got)
		}
	}
}
