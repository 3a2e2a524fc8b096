package main

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestReadmeCountsTheBuiltInBank: what README says of the size of the
// built-in bank is what the bank holds, as 'careerquiz check' counts it.
func TestReadmeCountsTheBuiltInBank(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := strings.Join(strings.Fields(string(data)), " ")
	b, err := loadBank("")
	if err != nil {
		t.Fatal(err)
	}
	scored := 0
	for i := range b.Questions {
		if b.Questions[i].Scored() {
			scored++
		}
	}
	n := len(b.Questions)
	for _, want := range []string{
		fmt.Sprintf("It asks %d short questions, %d of them scored", n, scored),
		fmt.Sprintf(`"questions": %d,`, n),
		fmt.Sprintf("(6 of %d questions)", n),
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("README does not say %q", want)
		}
	}
}
