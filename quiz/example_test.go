package quiz_test

import (
	"errors"
	"fmt"

	"github.com/careerquiz/careerquiz/quiz"
)

func ExampleParse() {
	const bank = `
title = "Back-end careers"
intro = "Engineer or developer?"

[[themes]]
id = "design"
name = "System design"

[[paths]]
id = "engineer"
name = "Back-end engineer"
summary = "Designs the whole system."

[[paths.steps]]
id = "step-1"
stage = 1
basis = "A step of the source."
theme = "design"
text = "Learn how to lay out data for growth."

[[paths]]
id = "developer"
name = "Back-end developer"
summary = "Writes the code that brings the design to life."

[[paths.steps]]
id = "step-2"
stage = 1
basis = "A step of the source."
theme = "design"
text = "Learn the design you will build on."

[[questions]]
id = "diagrams"
theme = "design"
kind = "scale"
keyed = "engineer"
text = "I enjoy drawing how the parts of a system fit together."
basis = "Engineers design the architecture."
`
	b, err := quiz.Parse("careers.toml", []byte(bank))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range b.Paths {
		fmt.Printf("path %s: %s\n", p.ID, p.Name)
	}
	fmt.Println("questions:", len(b.Questions))
	// A scale statement arrives as five options with weights per path.
	q := b.Questions[0]
	for _, o := range q.Options {
		fmt.Printf("%-17s %v\n", o.Text, o.Weights)
	}
	// Output:
	// path engineer: Back-end engineer
	// path developer: Back-end developer
	// questions: 1
	// Strongly disagree [0 0]
	// Disagree          [0 0]
	// Neutral           [0 0]
	// Agree             [1 0]
	// Strongly agree    [2 0]
}

// An author who gets a bank wrong sees every problem at once, each with the
// file, the line, the question and the field, in the order of the file.
func ExampleProblems() {
	const bank = `
title = "Back-end careers"
intro = "Engineer or developer?"

[[themes]]
id = "design"
name = "System design"

[[paths]]
id = "engineer"
name = "Back-end engineer"
summary = "Designs the whole system."

[[paths]]
id = "developer"
name = "Back-end developer"
summary = "Writes the code that brings the design to life."

[[questions]]
id = "outage"
theme = "desing"
text = "The site is down. What do you do first?"

[[questions.options]]
text = "Find the root cause"
weights = { enginer = 2 }

[[questions.options]]
text = "Ship a quick fix"
weigths = { developer = 2 }
`
	_, err := quiz.Parse("careers.toml", []byte(bank))
	var problems quiz.Problems
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Println(p)
		}
	}
	// Output:
	// careers.toml:21: question "outage": theme: unknown theme "desing": did you mean "design"?
	// careers.toml:26: question "outage": option 1: weight for unknown path "enginer": did you mean "engineer"?
	// careers.toml:28: question "outage": option 2: has no weights: give it points for at least one path, e.g. weights = { engineer = 1 }
	// careers.toml:30: question "outage": option 2: weigths: unknown key "weigths": did you mean "weights"? (known keys: id, text, weights)
}

// A bank that is not TOML at all is reported where the TOML breaks, with the
// line shown and a caret under the place.
func ExampleSyntaxError() {
	_, err := quiz.Parse("careers.toml", []byte("title = \"Back-end careers\"\nintro = Engineer or developer?\n"))
	var se *quiz.SyntaxError
	if errors.As(err, &se) {
		fmt.Println(se)
	}
	// Output:
	// careers.toml:2:9: expected value but found "Engineer" instead
	//      2 | intro = Engineer or developer?
	//        |         ^
}
