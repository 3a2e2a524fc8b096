package render_test

import (
	"os"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// exampleRun is a quiz of two questions, one answered, as scoring would
// score it.
func exampleRun() render.Run {
	engineer := quiz.Path{ID: "engineer", Name: "Back-end engineer"}
	developer := quiz.Path{ID: "developer", Name: "Back-end developer",
		Summary: "Writes the code that brings the design to life."}
	return render.Run{
		Bank: &quiz.Bank{
			Title:  "Back-end engineer or back-end developer?",
			Paths:  []quiz.Path{engineer, developer},
			Themes: []quiz.Theme{{ID: "problems", Name: "Problem solving"}},
			Questions: []quiz.Question{
				{ID: "outage", Theme: "problems", Kind: quiz.Choice},
				{ID: "diagrams", Theme: "problems", Kind: quiz.Scale, Keyed: "engineer"},
			},
			SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
		},
		Result: scoring.Result{
			Total:    2,
			Answered: 1,
			Skipped:  1,
			Sided:    1,
			NoSide:   1,
			Paths: []scoring.PathScore{
				{ID: "engineer", Name: "Back-end engineer", Raw: 2, Most: 2, Percent: 100, Share: 100, Towards: 1},
				{ID: "developer", Name: "Back-end developer", Raw: 0, Most: 2, Percent: 0, Share: 0},
			},
			Recommendation: &scoring.Recommendation{
				Path: "engineer", Name: "Back-end engineer", Strength: scoring.Clear,
				Margin: 100, RunnerUp: "developer",
			},
			Confidence: 0.93,
			Bands:      scoring.Bands{Slight: 20, Moderate: 66.7, Clear: 83.3, Calibrated: true},
			Toward: []scoring.Reason{{
				Question: "outage",
				Text:     "A website crashes because too many people use it at once. What do you want to do?",
				Answer:   "Redesign the system so it can take more traffic",
				Points:   2,
			}},
			Steps: []scoring.StepAdvice{{
				ID: "root-causes", Path: "engineer", Kind: scoring.Learn, Stage: 3,
				Theme: "problems", ThemeName: "Problem solving",
				Text:   "Investigate why problems occur and how to prevent them.",
				Reason: scoring.ReasonDrew,
				Answers: []scoring.StepAnswer{{
					Question: "outage", Verb: scoring.Chose, Text: "Redesign the system so it can take more traffic", Toward: true,
				}},
				Basis: "Engineers investigate why a problem occurred and how to prevent it from happening again.",
			}},
			Others: []scoring.OtherPath{{ID: "developer", Name: developer.Name, Summary: developer.Summary}},
		},
		Answers: map[string]any{"outage": 2, "diagrams": "skip"},
	}
}

func ExampleWriteJSON() {
	if err := render.WriteJSON(os.Stdout, exampleRun()); err != nil {
		panic(err)
	}
	// Output:
	// {
	//   "schema": "careerquiz.result/v1",
	//   "bank": {
	//     "title": "Back-end engineer or back-end developer?",
	//     "questions": 2,
	//     "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	//   },
	//   "recommendation": {
	//     "path": "engineer",
	//     "name": "Back-end engineer",
	//     "strength": "clear",
	//     "margin": 100,
	//     "runner_up": "developer",
	//     "tie": false
	//   },
	//   "answered": 1,
	//   "skipped": 1,
	//   "sided": 1,
	//   "no_side": 1,
	//   "confidence": 0.93,
	//   "stability": 0.93,
	//   "bands": {
	//     "slight": 20,
	//     "moderate": 66.7,
	//     "clear": 83.3,
	//     "calibrated": true
	//   },
	//   "warnings": [],
	//   "paths": [
	//     {
	//       "id": "engineer",
	//       "name": "Back-end engineer",
	//       "percent": 100,
	//       "share": 100,
	//       "points": 2,
	//       "max_points": 2,
	//       "towards": 1
	//     },
	//     {
	//       "id": "developer",
	//       "name": "Back-end developer",
	//       "percent": 0,
	//       "share": 0,
	//       "points": 0,
	//       "max_points": 2,
	//       "towards": 0
	//     }
	//   ],
	//   "themes": [],
	//   "reasons": {
	//     "toward": [
	//       {
	//         "question": "outage",
	//         "text": "A website crashes because too many people use it at once. What do you want to do?",
	//         "answer": "Redesign the system so it can take more traffic",
	//         "points": 2
	//       }
	//     ],
	//     "against": null
	//   },
	//   "steps": [
	//     {
	//       "id": "root-causes",
	//       "kind": "learn",
	//       "path": "engineer",
	//       "stage": 3,
	//       "theme": "problems",
	//       "theme_name": "Problem solving",
	//       "text": "Investigate why problems occur and how to prevent them.",
	//       "why": "Problem solving drew you to Back-end engineer: you chose “Redesign the system so it can take more traffic”.",
	//       "reason": "drew",
	//       "questions": [
	//         "outage"
	//       ],
	//       "basis": "Engineers investigate why a problem occurred and how to prevent it from happening again.",
	//       "lead": false
	//     }
	//   ],
	//   "other_steps": [],
	//   "steps_done": [],
	//   "salary": [],
	//   "others": [
	//     {
	//       "id": "developer",
	//       "name": "Back-end developer",
	//       "summary": "Writes the code that brings the design to life.",
	//       "percent": 0,
	//       "share": 0
	//     }
	//   ],
	//   "order": {
	//     "shuffled": false
	//   },
	//   "answers": {
	//     "diagrams": "skip",
	//     "outage": 2
	//   }
	// }
}

func ExampleWriteText() {
	if err := render.WriteText(os.Stdout, exampleRun(), render.Options{Width: 60}); err != nil {
		panic(err)
	}
	// Output:
	// You lean towards: Back-end engineer (clear, 100% to 0%)
	// A clear preference, and a consistent one: your answers
	// leaned towards Back-end engineer as far as a mild answer for
	// it on every question would.
	// If you took the quiz again, you would very likely (about 9
	// in 10) get the same path.
	// Based on 1 of 2 questions (1 skipped).
	// 1 of your 2 answers took a side; 1 of them towards Back-end
	// engineer.
	//
	// BREAKDOWN
	//   Back-end engineer                      Back-end developer
	//   100 █████████████████████████│█████████████████████████ 0
	//                           ╰────┴────╯ balanced
	//
	// WHY
	//   What pushed you towards Back-end engineer
	//     +2  A website crashes because too many people use it at
	//         once. What do you want to do?
	//         → Redesign the system so it can take more traffic
	//
	// NEXT STEPS
	//   Your next steps
	//     1. Investigate why problems occur and how to prevent
	//        them.
	//        ↳ Problem solving drew you to Back-end engineer: you
	//          chose “Redesign the system so it can take more
	//          traffic”.
	//
	//   Other paths
	//     Back-end developer (0%): Writes the code that brings
	//       the design to life.
	//
	// Back-end engineer or back-end developer? · 2 questions
}
