package ask

// Tests of what Terminal draws and decides that need no terminal, so they
// run everywhere.

import (
	"slices"
	"strings"
	"testing"
)

func TestHeading(t *testing.T) {
	p := pickAny(3)
	p.Help = "Pick as many as apply."
	plain := heading(p, 80, false)
	want := "\nQuestion 2 of 26 · Security\n" +
		"When an API is attacked, what do you reach for first?\n" +
		"Pick as many as apply.\n" +
		"Tick all that apply with Space, then press Enter.\n"
	if plain != want {
		t.Errorf("heading without colour:\n%q\nwant:\n%q", plain, want)
	}
	coloured := heading(p, 80, true)
	if !strings.Contains(coloured, "\x1b[1;36mQuestion 2 of 26 · Security\x1b[0m\n") {
		t.Errorf("heading with colour does not make the progress line bold:\n%q", coloured)
	}
	if c := heading(choice(3), 80, false); strings.Contains(c, "Space") {
		t.Errorf("a choice heading explains ticking:\n%q", c)
	}
}

func TestPickAnyReply(t *testing.T) {
	// Four options, then go back (4) and skip (5).
	tests := []struct {
		picks []int
		want  Reply
	}{
		{[]int{0, 2}, Reply{Action: Answered, Picks: []int{0, 2}}},
		{nil, Reply{Action: Skip}},
		{[]int{1, 4}, Reply{Action: Back}},
		{[]int{1, 5}, Reply{Action: Skip}},
		{[]int{4, 5}, Reply{Action: Back}},
	}
	for _, tt := range tests {
		got := pickAnyReply(tt.picks, 4, 5)
		if got.Action != tt.want.Action || !slices.Equal(got.Picks, tt.want.Picks) {
			t.Errorf("pickAnyReply(%v) = %+v, want %+v", tt.picks, got, tt.want)
		}
	}
}
