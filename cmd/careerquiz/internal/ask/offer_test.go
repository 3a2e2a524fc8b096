//go:build !windows

package ask

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ptytest"
)

// offerText is the settled stop's offer, as long as the real one, so that
// it is wrapped above the line that is typed on.
const offerText = "Your path can no longer change: the 9 questions left could not move it. " +
	"Enter: see your result now · c: answer the rest, which sharpen the label, the breakdown and the steps."

// TestTerminalOffer: Enter takes the offer and c goes on, as the offer
// says; y and n, which the offer's yes/no form took, still work; anything
// else is asked again, and Ctrl-D saves and quits.
func TestTerminalOffer(t *testing.T) {
	tests := []struct {
		name    string
		keys    []string
		want    bool
		wantErr error
	}{
		{"Enter takes it", []string{enter}, true, nil},
		{"c goes on", []string{"c", enter}, false, nil},
		{"C goes on", []string{"C", enter}, false, nil},
		{"n goes on", []string{"n", enter}, false, nil},
		{"y takes it", []string{"y", enter}, true, nil},
		{"anything else is asked again", []string{"x", enter, "", "c", enter}, false, nil},
		{"Ctrl-C interrupts", []string{ctrlC}, false, ErrInterrupted},
		{"Ctrl-D saves and quits", []string{ctrlD}, false, ErrQuit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			converse(t, func(a *Terminal) error {
				got, err := a.Offer(offerText)
				if !errors.Is(err, tt.wantErr) || tt.wantErr == nil && err != nil {
					return fmt.Errorf("Offer: err = %v, want %v", err, tt.wantErr)
				}
				if tt.wantErr == ErrInterrupted && errors.Is(err, ErrQuit) {
					return fmt.Errorf("Offer: Ctrl-C gave %v, which is Ctrl-D's", err)
				}
				if got != tt.want {
					return fmt.Errorf("Offer = %v, want %v", got, tt.want)
				}
				return nil
			}, func(p *ptytest.Person) error {
				if err := p.See("Your answer"); err != nil {
					return err
				}
				if !strings.Contains(strings.Join(strings.Fields(p.Screen()), " "), "c: answer the rest") {
					return fmt.Errorf("the offer is not on the screen:\n%s", p.Screen())
				}
				// "" waits for the offer to be made again.
				for _, k := range tt.keys {
					if k == "" {
						if err := p.See("Please press Enter, or type c"); err != nil {
							return err
						}
						continue
					}
					if err := p.Press(k); err != nil {
						return err
					}
				}
				return p.Leave()
			})
		})
	}
}

// TestPlainOffer: an empty line takes the offer, c (or n) goes on, and
// anything else is explained and asked again.
func TestPlainOffer(t *testing.T) {
	tests := []struct {
		input string
		want  bool
	}{
		{"\n", true},
		{"y\n", true},
		{"c\n", false},
		{" C \n", false},
		{"n\n", false},
		{"no\n", false},
		{"maybe\nc\n", false},
	}
	for _, tt := range tests {
		var out strings.Builder
		a := NewPlain(strings.NewReader(tt.input), &out, Options{})
		got, err := a.Offer(offerText)
		if err != nil || got != tt.want {
			t.Errorf("Offer with %q = %v, %v; want %v", tt.input, got, err, tt.want)
		}
		if !strings.Contains(out.String(), "[Enter/c]") {
			t.Errorf("the prompt does not say which keys:\n%s", out.String())
		}
		if again := strings.Contains(out.String(), "Please press Enter, or type c."); again != strings.HasPrefix(tt.input, "maybe") {
			t.Errorf("Offer with %q: asked again %v:\n%s", tt.input, again, out.String())
		}
	}
	a := NewPlain(strings.NewReader(""), io.Discard, Options{EndIsQuit: true})
	if _, err := a.Offer(offerText); !errors.Is(err, ErrQuit) {
		t.Errorf("Ctrl-D at the offer: err = %v, want ErrQuit", err)
	}
}
