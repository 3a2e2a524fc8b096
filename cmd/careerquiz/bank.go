package main

// The commands about banks: check, bank and schema.

import (
	"cmp"
	"errors"
	"fmt"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/internal/termsafe"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// checkOptions are the flags of check.
type checkOptions struct{ json, stops bool }

var checkFlags = cli.Flags[checkOptions]{
	cli.Switch("json", "print the report as one JSON document (schema\ncareerquiz.check/v1: see 'careerquiz schema check')",
		func(o *checkOptions) *bool { return &o.json }),
	cli.Switch("stops", "add the bank's stopping profile: how many questions\nthe settled stop and --quick ask of simulated people,\nand how often they agree with every question (about 1 s\non the built-in bank, longer with many paths or questions)",
		func(o *checkOptions) *bool { return &o.stops }),
}

func runCheck(args []string, e env) error {
	var o checkOptions
	files, err := cli.Parse("check", args, checkFlags, &o)
	if err != nil {
		return err
	}
	if len(files) > 1 {
		return cli.UsageError{Msg: fmt.Sprintf("check takes one bank file, got %d", len(files))}
	}
	path := ""
	if len(files) == 1 {
		if path = files[0]; path == "" {
			// An empty variable in a script must not check the built-in
			// bank and pass.
			return cli.UsageError{Msg: "check: the bank's name is empty: name a bank file, - for standard input, or nothing for the built-in bank"}
		}
	}
	// Reading a FIFO or standard input, or working out --stops, can take
	// a while.
	defer e.watchSignals().Stop()
	file := cmp.Or(path, careerquiz.QuestionsFile)
	b, err := cli.ReadBank(path, e.stdin, false)
	if o.json {
		doc := render.CheckDocument(file, b, err)
		if o.stops && err == nil {
			doc.Stops = render.StopsOf(b)
		}
		if werr := result.Encode(e.stdout, doc); werr != nil {
			return werr
		}
		if err != nil {
			// The problems are in the document; standard error says
			// only that there are some, for a person who ran it by hand.
			return cli.Exit{Code: cli.ExitError, Msg: termsafe.Name(file) + ": the bank has problems: they are listed in the JSON on standard output",
				Hint: fmt.Sprintf("run 'careerquiz check %s' to read them", termsafe.Name(file))}
		}
		return nil
	}
	if err != nil {
		var ps quiz.Problems
		var se *quiz.SyntaxError
		if errors.As(err, &ps) || errors.As(err, &se) {
			return cli.WithHint(err, "fix the problems above and run 'careerquiz check %s' again", termsafe.Name(file))
		}
		return err
	}
	render.WriteCheck(cli.CleanWriter{W: e.stdout}, b, scoring.Analyze(b))
	if o.stops {
		render.WriteStops(e.stdout, render.StopsOf(b))
	}
	return nil
}

// runBank prints the built-in bank, byte for byte.
func runBank(args []string, e env) error {
	if err := cli.ParseNone("bank", args, noFlags, &struct{}{}); err != nil {
		return err
	}
	_, err := e.stdout.Write(careerquiz.Questions)
	return err
}

// schemas are the JSON Schemas careerquiz ships, by the name `careerquiz
// schema NAME` knows them by; schemaNames lists them, the default first.
var (
	schemas     = map[string][]byte{"bank": careerquiz.BankSchema, "result": careerquiz.ResultSchema, "check": careerquiz.CheckSchema}
	schemaNames = []string{"bank", "result", "check"}
)

func runSchema(args []string, e env) error {
	rest, err := cli.Parse("schema", args, noFlags, &struct{}{})
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		return cli.UsageError{Msg: fmt.Sprintf("schema takes one name, got %d", len(rest))}
	}
	name := schemaNames[0]
	if len(rest) == 1 {
		name = rest[0]
	}
	if schemas[name] == nil {
		return cli.NoSuch("schema", "schema", name, schemaNames, "bank, result and check")
	}
	_, err = e.stdout.Write(schemas[name])
	return err
}
