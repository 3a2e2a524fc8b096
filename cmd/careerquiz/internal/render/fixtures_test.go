package render

import (
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// The runs below are built by hand, as scoring would return them, so that
// the report can be held to them whatever state the scoring engine is in.
// Their wording follows the source text the default bank is written from.

type fixture struct {
	name string
	run  Run
}

func fixtures() []fixture {
	return []fixture{
		{"clear", clearRun()},
		{"balanced", balancedRun()},
		{"tie", tieRun()},
		{"none", noRecommendationRun()},
		{"three-paths", threePathRun()},
	}
}

func digest(s string) string {
	return fmt.Sprintf("%x", sha256.Sum256([]byte(s)))
}

var (
	engineer = quiz.Path{
		ID:      "engineer",
		Name:    "Back-end engineer",
		Summary: "Designs the whole system: how components interact, how data is stored, how it handles growth and stays secure.",
		Salary: []string{
			"In the United States a back-end software engineer earns about $115,784 a year on average.",
			"Pay depends on experience, location and responsibilities; cities such as New York and San Francisco pay more.",
		},
		Steps: []quiz.Step{
			{Theme: "problems", Text: "Learn a programming language such as PHP, Java or Python."},
			{Theme: "performance", Text: "Learn how servers process requests and how databases store data."},
			{Theme: "design", Text: "Study system design: how components interact and how a system handles growth."},
			{Theme: "security", Text: "Study security: how authentication works, how passwords are encrypted and how threats are prevented."},
			{Theme: "design", Text: "Get hands-on experience with real projects."},
		},
	}
	developer = quiz.Path{
		ID:      "developer",
		Name:    "Back-end developer",
		Summary: "Writes and maintains the code that brings the design to life: features, quick fixes, faster queries, security measures.",
		Salary: []string{
			"In the United States a back-end developer earns about $115,007 a year on average.",
			"Entry-level back-end developers start at around $67,000 a year; with 5 to 9 years of experience they can earn up to $125,000.",
		},
		Steps: []quiz.Step{
			{Theme: "problems", Text: "Write clean, efficient code that follows best practices."},
			{Theme: "performance", Text: "Practise optimising database queries and removing unnecessary steps."},
			{Theme: "teamwork", Text: "Learn front-end basics: how pages load, how browsers work and how data is displayed."},
		},
	}
	webEngineer = quiz.Path{
		ID:      "web",
		Name:    "Web development engineer",
		Summary: "Builds both the front end and the back end of a website: how it looks as well as how it works.",
	}
	themes = []quiz.Theme{
		{ID: "design", Name: "System design"},
		{ID: "problems", Name: "Problem solving"},
		{ID: "security", Name: "Security"},
		{ID: "performance", Name: "Performance"},
		{ID: "teamwork", Name: "Teamwork"},
	}
	outageText   = "A website crashes because too many people use it at once. What do you want to do?"
	paymentsText = "An online shop has stopped processing payments. Which part of the fix appeals to you?"
	passwordText = "A site stores user passwords. Which task would you rather own?"
	searchText   = "An online store wants a search bar. Which part would you rather do?"
	slowText     = "An app takes too long to load. Where do you start?"
	blueprint    = "I enjoy planning how databases, APIs and servers will work together."
)

// bank builds a bank over the given paths with eight questions, two per
// theme but the last: choices with one option per path that gives that
// path a point, but for the sixth, an agreement statement keyed to the
// first path, and the seventh, where any options may be picked.
func bank(title string, paths ...quiz.Path) *quiz.Bank {
	texts := []string{outageText, paymentsText, passwordText, searchText, slowText, blueprint,
		"Which would you rather do all day?", "Who would you rather work with most?"}
	b := &quiz.Bank{
		File:    "questions.toml",
		Title:   title,
		Scoring: quiz.DefaultThresholds,
		Paths:   paths,
		Themes:  themes,
		SHA256:  digest(title),
	}
	for i, text := range texts {
		q := quiz.Question{
			ID:    fmt.Sprintf("q%d", i+1),
			Theme: themes[i/2%len(themes)].ID,
			Kind:  quiz.Choice,
			Text:  text,
		}
		switch i {
		case 5:
			q.Kind, q.Keyed = quiz.Scale, paths[0].ID
			for k, label := range quiz.ScaleLabels {
				w := make([]float64, len(paths))
				w[0] = float64(k) / 4
				q.Options = append(q.Options, quiz.Option{ID: quiz.ScaleIDs[k], Text: label, Weights: w})
			}
		case 6:
			q.Kind = quiz.PickAny
			fallthrough
		default:
			for j, p := range paths {
				w := make([]float64, len(paths))
				w[j] = 1
				q.Options = append(q.Options, quiz.Option{Text: "As a " + p.Name, Weights: w})
			}
		}
		b.Questions = append(b.Questions, q)
	}
	return b
}

func twoPathBank() *quiz.Bank {
	return bank("Back-end engineer or back-end developer?", engineer, developer)
}

// score is a path score as scoring reports it: raw points over the most the
// answered questions could give.
func score(p quiz.Path, raw, most float64) scoring.PathScore {
	pct := 0.0
	if most > 0 {
		pct = raw / most * 100
	}
	return scoring.PathScore{ID: p.ID, Name: p.Name, Raw: raw, Most: most, Percent: pct}
}

// split sets the paths' shares, which scoring works out from the percents
// of all the paths together.
func split(ps []scoring.PathScore, shares ...float64) []scoring.PathScore {
	for i := range ps {
		ps[i].Share = shares[i]
	}
	return ps
}

// calibrated are strength bands as scoring calibrates them on a bank.
var calibrated = scoring.Bands{Slight: 17.9, Moderate: 66.7, Clear: 83.3, Calibrated: true, Mild: 50, Strong: 100}

func theme(id string, answered int, paths ...scoring.PathScore) scoring.ThemeScore {
	// Any shares summing to 100 will do for the report: proportional ones.
	sum := 0.0
	for _, p := range paths {
		sum += p.Percent
	}
	for i := range paths {
		paths[i].Share = 100 / float64(len(paths))
		if sum > 0 {
			paths[i].Share = paths[i].Percent / sum * 100
		}
	}
	// Every answer took a side, but a single one that split the theme
	// evenly, which took none.
	sided := answered
	if answered == 1 && len(paths) > 0 && paths[0].Share == 100/float64(len(paths)) {
		sided = 0
	}
	for _, t := range themes {
		if t.ID == id {
			return scoring.ThemeScore{ID: id, Name: t.Name, Answered: answered, Sided: sided, Paths: paths}
		}
	}
	panic("no theme " + id)
}

// steps lists p's steps in the given order, as learn steps of one stage
// each, of themes that leaned neither way unless drew gives the answers
// that drew the person to the step.
func steps(p quiz.Path, drew map[int][]scoring.StepAnswer, order ...int) []scoring.StepAdvice {
	var out []scoring.StepAdvice
	for _, i := range order {
		s := p.Steps[i]
		sa := scoring.StepAdvice{ID: fmt.Sprintf("%s-%d", p.ID, i+1), Path: p.ID, Kind: scoring.Learn,
			Stage: i + 1, Theme: s.Theme, ThemeName: theme(s.Theme, 0).Name, Text: s.Text, Reason: scoring.ReasonEven}
		if as, ok := drew[i]; ok {
			sa.Reason, sa.Answers = scoring.ReasonDrew, as
		}
		out = append(out, sa)
	}
	return out
}

// experience is the answer to the profile question of a person who writes
// back-end code at work.
var experience = scoring.StepAnswer{Question: "experience", Verb: scoring.Chose, Text: "Back-end code at work"}

func clearRun() Run {
	b := twoPathBank()
	return Run{
		Bank: b,
		Result: scoring.Result{
			Total:    8,
			Answered: 7,
			Skipped:  1,
			Paths:    split([]scoring.PathScore{score(engineer, 9.4, 12), score(developer, 5, 12)}, 68.3, 31.7),
			Recommendation: &scoring.Recommendation{
				Path: "engineer", Name: engineer.Name, Strength: scoring.Clear,
				Margin: 36.666666, RunnerUp: "developer",
			},
			Confidence: 0.96251,
			Bands:      calibrated,
			Themes: []scoring.ThemeScore{
				theme("design", 2, score(engineer, 4, 4), score(developer, 0.5, 4)),
				theme("problems", 2, score(engineer, 3, 4), score(developer, 1.5, 4)),
				theme("security", 1, score(engineer, 0.4, 2), score(developer, 1.5, 2)),
				theme("performance", 2, score(engineer, 2, 2), score(developer, 1.5, 2)),
				theme("teamwork", 0),
			},
			Toward: []scoring.Reason{
				{Question: "q1", Text: outageText, Answer: "Redesign the system so it can take more traffic", Points: 2},
				{Question: "q6", Text: blueprint, Answer: "Strongly agree", Points: 1.5},
				{Question: "q2", Text: paymentsText, Answer: "Finding out why it happened and preventing it", Points: 1},
			},
			Against: &scoring.Reason{Question: "q3", Text: passwordText, Answer: "Writing the code that applies the encryption at sign-up", Points: -1.1},
			Steps: append(steps(engineer, map[int][]scoring.StepAnswer{
				2: {{Question: "q6", Verb: scoring.StronglyAgreed, Text: blueprint, Toward: true}},
			}, 2, 4), scoring.StepAdvice{
				ID: "engineer-4", Path: "engineer", Kind: scoring.Explore, Stage: 4, Theme: "security", ThemeName: "Security",
				Text: engineer.Steps[3].Text, Reason: scoring.ReasonAway, Rival: "developer",
				Answers: []scoring.StepAnswer{{Question: "q3", Verb: scoring.Chose, Text: "Writing the code that applies the encryption at sign-up"}},
			}),
			StepsDone: []scoring.StepAdvice{
				{ID: "engineer-1", Path: "engineer", Kind: scoring.Done, Stage: 1, Theme: "problems", ThemeName: "Problem solving",
					Text: engineer.Steps[0].Text, Reason: scoring.ReasonCovered, Answers: []scoring.StepAnswer{experience}},
				{ID: "engineer-2", Path: "engineer", Kind: scoring.Done, Stage: 2, Theme: "performance", ThemeName: "Performance",
					Text: engineer.Steps[1].Text, Reason: scoring.ReasonCovered, Answers: []scoring.StepAnswer{experience}},
			},
			OtherSteps: steps(developer, map[int][]scoring.StepAnswer{
				0: {{Question: "q2", Verb: scoring.Chose, Text: "Fixing the code", Toward: true}},
			}, 0),
			Salary: engineer.Salary,
			Others: []scoring.OtherPath{{ID: developer.ID, Name: developer.Name, Summary: developer.Summary, Percent: 41.666666, Share: 31.7}},
		},
		Answers: map[string]any{
			"q1": 1, "q2": 1, "q3": 2, "q4": 1, "q5": "skip", "q6": 5, "q7": []int{1, 2}, "q8": 1,
		},
	}
}

func balancedRun() Run {
	b := twoPathBank()
	return Run{
		Bank: b,
		Result: scoring.Result{
			Total:    8,
			Answered: 8,
			Paths:    split([]scoring.PathScore{score(engineer, 6.3, 12), score(developer, 6, 12)}, 51.3, 48.7),
			Recommendation: &scoring.Recommendation{
				Path: "engineer", Name: engineer.Name, Strength: scoring.Balanced,
				Margin: 2.5, RunnerUp: "developer",
			},
			Confidence: 0.541,
			Bands:      calibrated,
			Warnings:   []scoring.Warning{{Code: scoring.WarnSamePosition, Count: 7, Position: 1}},
			Themes: []scoring.ThemeScore{
				theme("design", 2, score(engineer, 2, 4), score(developer, 2, 4)),
				theme("problems", 2, score(engineer, 2.3, 4), score(developer, 1, 4)),
				theme("security", 2, score(engineer, 1, 2), score(developer, 1, 2)),
				theme("performance", 2, score(engineer, 1, 2), score(developer, 2, 2)),
				theme("teamwork", 0),
			},
			Toward: []scoring.Reason{
				{Question: "q2", Text: paymentsText, Answer: "Finding out why it happened and preventing it", Points: 1.3},
			},
			Against: &scoring.Reason{Question: "q5", Text: slowText, Answer: "Rewriting the slow queries", Points: -1},
			Steps: append([]scoring.StepAdvice{{
				ID: "login", Kind: scoring.TryBoth, Theme: "security", ThemeName: "Security",
				Text:   "Design how a log-in system stores user data, then write its sign-up and log-in code. Notice which half you enjoyed.",
				Reason: scoring.ReasonClose, Rival: "developer",
				Answers: []scoring.StepAnswer{
					{Question: "q3", Verb: scoring.Chose, Text: "Deciding how the passwords are encrypted", Toward: true},
					{Question: "q7", Verb: scoring.Agreed, Text: "I like writing the code for a security measure."},
				},
			}}, steps(engineer, nil, 0, 1, 2, 3, 4)...),
			Salary: engineer.Salary,
			Others: []scoring.OtherPath{{ID: developer.ID, Name: developer.Name, Summary: developer.Summary, Percent: 50, Share: 48.7}},
		},
		Answers:  map[string]any{"q1": 1, "q2": 1, "q3": 1, "q4": 1, "q5": 1, "q6": 1, "q7": []int{1}, "q8": 1},
		Shuffled: true,
		Seed:     0,
	}
}

func tieRun() Run {
	b := twoPathBank()
	return Run{
		Bank: b,
		Result: scoring.Result{
			Total:    8,
			Answered: 6,
			Skipped:  2,
			Paths:    split([]scoring.PathScore{score(engineer, 3, 6), score(developer, 3, 6)}, 50, 50),
			Recommendation: &scoring.Recommendation{
				Path: "engineer", Name: engineer.Name, Strength: scoring.Balanced,
				RunnerUp: "developer", Tie: true, Tied: []string{"engineer", "developer"},
			},
			Confidence: 0.5,
			Bands:      calibrated,
			Warnings:   []scoring.Warning{{Code: scoring.WarnAlwaysMiddle, Count: 3}},
			Themes: []scoring.ThemeScore{
				theme("design", 2, score(engineer, 1, 2), score(developer, 1, 2)),
				theme("problems", 2, score(engineer, 1, 2), score(developer, 1, 2)),
				theme("security", 1, score(engineer, 0.5, 1), score(developer, 0.5, 1)),
				theme("performance", 1, score(engineer, 0.5, 1), score(developer, 0.5, 1)),
				theme("teamwork", 0),
			},
			Steps:  steps(engineer, nil, 0, 1, 2, 3, 4),
			Salary: engineer.Salary,
			Others: []scoring.OtherPath{{ID: developer.ID, Name: developer.Name, Summary: developer.Summary, Percent: 50, Share: 50}},
		},
		Answers: map[string]any{"q1": 1, "q2": 2, "q3": 1, "q4": 2, "q5": "skip", "q6": 3, "q7": "skip", "q8": 2},
	}
}

func noRecommendationRun() Run {
	b := twoPathBank()
	return Run{
		Bank: b,
		Result: scoring.Result{
			Total:    8,
			Answered: 2,
			Skipped:  6,
			Paths:    split([]scoring.PathScore{score(engineer, 1, 2), score(developer, 1, 2)}, 50, 50),
			Withheld: scoring.WithheldFewAnswered,
			Needed:   4,
			Bands:    calibrated,
			Warnings: []scoring.Warning{{Code: scoring.WarnFewAnswered, Count: 2, Of: 8}},
			Themes: []scoring.ThemeScore{
				theme("design", 2, score(engineer, 1, 2), score(developer, 1, 2)),
				theme("problems", 0),
				theme("security", 0),
				theme("performance", 0),
				theme("teamwork", 0),
			},
		},
		Answers: map[string]any{"q1": 1, "q2": 2, "q3": "skip", "q4": "skip", "q5": "skip", "q6": "skip", "q7": "skip", "q8": "skip"},
	}
}

func threePathRun() Run {
	b := bank("Which back-end path suits you?", engineer, developer, webEngineer)
	return Run{
		Bank: b,
		Result: scoring.Result{
			Total:    8,
			Answered: 8,
			Paths:    split([]scoring.PathScore{score(engineer, 4, 12), score(developer, 8.2, 12), score(webEngineer, 6, 12)}, 16.1, 51.1, 32.8),
			Recommendation: &scoring.Recommendation{
				Path: "developer", Name: developer.Name, Strength: scoring.Moderate,
				Margin: 18.333333, RunnerUp: "web",
			},
			Confidence: 0.874,
			Bands:      calibrated,
			Themes: []scoring.ThemeScore{
				theme("design", 2, score(engineer, 1, 4), score(developer, 3, 4), score(webEngineer, 2, 4)),
				theme("problems", 2, score(engineer, 1, 4), score(developer, 2.2, 4), score(webEngineer, 2, 4)),
				theme("security", 2, score(engineer, 1, 2), score(developer, 1, 2), score(webEngineer, 0, 2)),
				theme("performance", 2, score(engineer, 1, 2), score(developer, 2, 2), score(webEngineer, 2, 2)),
				theme("teamwork", 0),
			},
			Toward: []scoring.Reason{
				{Question: "q5", Text: slowText, Answer: "Rewriting the code to match the new setup", Points: 1},
				{Question: "q4", Text: searchText, Answer: "Writing the code that sends the right results to the front end", Points: 0.75},
			},
			Steps: append(steps(developer, nil, 0, 1), scoring.StepAdvice{
				ID: "developer-3", Path: "developer", Kind: scoring.Explore, Stage: 3, Theme: "teamwork", ThemeName: "Teamwork",
				Text: developer.Steps[2].Text, Reason: scoring.ReasonAway, Rival: "web",
				Answers: []scoring.StepAnswer{{Question: "q4", Verb: scoring.Chose, Text: "Building both the page and the code behind it"}},
			}),
			Salary: developer.Salary,
			Others: []scoring.OtherPath{
				{ID: engineer.ID, Name: engineer.Name, Summary: engineer.Summary, Percent: 33.333333, Share: 16.1},
				{ID: webEngineer.ID, Name: webEngineer.Name, Summary: webEngineer.Summary, Percent: 50, Share: 32.8},
			},
		},
		Answers:  map[string]any{"q1": 2, "q2": 2, "q3": 1, "q4": 2, "q5": 2, "q6": 4, "q7": []int{2, 3}, "q8": 3},
		Shuffled: true,
		Seed:     1234567890123,
	}
}

// hostileRun is a run over a bank whose text tries everything the loader
// is meant to stop: escape sequences, bell and carriage returns, bidi
// overrides, invalid UTF-8, words longer than a line, and more paths than
// fit side by side. The report must still stay inside its width and print
// nothing that drives a terminal.
func hostileRun() Run {
	long := strings.Repeat("Supercalifragilistic", 6)
	nasty := "\x1b]0;owned\x07Back-end\x1b[31m engineer\x1b[0m\r\n\tand\u202e more\u009b2J \xff"
	var paths []quiz.Path
	for i := range 6 {
		paths = append(paths, quiz.Path{
			ID:      fmt.Sprintf("p%d", i),
			Name:    fmt.Sprintf("%s %d %s", nasty, i, long),
			Summary: nasty + " " + long + " " + nasty,
		})
	}
	b := bank(nasty, paths...)
	res := scoring.Result{Total: 8, Answered: 8, Confidence: 0.75, Bands: calibrated}
	for i, p := range paths {
		res.Paths = append(res.Paths, score(p, float64(i), 8))
	}
	res.Paths = split(res.Paths, 0, 0, 5, 17.5, 30, 47.5)
	res.Recommendation = &scoring.Recommendation{
		Path: "p5", Name: paths[5].Name, Strength: scoring.Slight, Margin: 12.5, RunnerUp: "p4",
	}
	res.Warnings = []scoring.Warning{{Code: scoring.WarnSamePosition, Count: 8, Position: 0}, {Code: "odd-pattern"}}
	for _, t := range themes {
		res.Themes = append(res.Themes, scoring.ThemeScore{
			ID: t.ID, Name: nasty + " 系统设计与架构系统设计与架构系统设计与架构", Answered: 2, Paths: res.Paths,
		})
	}
	res.Toward = []scoring.Reason{{Question: "q1", Text: nasty + " " + long, Answer: nasty + " " + long, Points: 123.456}}
	res.Against = &scoring.Reason{Question: "q2", Text: nasty, Answer: nasty, Points: -0.001}
	for i := range 12 {
		res.Steps = append(res.Steps, scoring.StepAdvice{
			ID: fmt.Sprintf("s%d", i), Kind: scoring.Learn, Path: "p5", Stage: 1,
			Theme: "design", ThemeName: nasty, Text: fmt.Sprintf("%d %s %s", i, nasty, long),
			Reason: scoring.ReasonDrew, Answers: []scoring.StepAnswer{{Question: "q1", Verb: scoring.Chose, Text: nasty + " " + long, Toward: true}},
		})
	}
	res.Salary = []string{nasty + " " + long}
	for _, p := range paths[:5] {
		res.Others = append(res.Others, scoring.OtherPath{ID: p.ID, Name: p.Name, Summary: p.Summary, Percent: 12.5, Share: 5})
	}
	return Run{Bank: b, Result: res, Answers: map[string]any{"q1": 1}, Shuffled: true, Seed: -7}
}
