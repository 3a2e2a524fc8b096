package suggest

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"json", "json", 0},
		{"jsno", "json", 1}, // a swap of neighbours is one edit
		{"jso", "json", 1},
		{"color", "colour", 1},
		{"plain", "json", 4},
		{"é", "e", 1}, // letters, not bytes
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"id", "theme", "kind", "text", "help", "weight", "options"}
	tests := []struct {
		typed string
		want  string
	}{
		{"Text", "text"},        // a difference of case wins outright
		{"optons", "options"},   // one edit
		{"wieght", "weight"},    // a swap of neighbours is one edit
		{"tex", "text"},         // one edit, and a prefix too
		{"thme", "theme"},       // one edit in a short word
		{"tx", ""},              // two edits in a short word is too far
		{"optoins2", "options"}, // two edits in a longer word
		{"colour", ""},          // nothing near
		{"text", ""},            // the word itself is no suggestion
		{"hel", "help"},
	}
	for _, tt := range tests {
		if got := Closest(tt.typed, keys); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
	// Two candidates equally near: neither is what was meant.
	if got := Closest("bat", []string{"cat", "hat"}); got != "" {
		t.Errorf(`Closest("bat", cat/hat) = %q, want ""`, got)
	}
}
