package main

import (
	"fmt"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/internal/suggest"
)

// schemas are the JSON Schemas careerquiz ships, by the name `careerquiz
// schema NAME` knows them by; the first is the default.
var schemas = []struct {
	name string
	data []byte
}{
	{"bank", careerquiz.BankSchema},
	{"result", careerquiz.ResultSchema},
	{"check", careerquiz.CheckSchema},
}

// schemaNames are the names `careerquiz schema` knows.
func schemaNames() []string {
	names := make([]string, len(schemas))
	for i, s := range schemas {
		names[i] = s.name
	}
	return names
}

func runSchema(args []string, e env) error {
	rest, err := cli.Parse("schema", args, noFlags, &struct{}{})
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		return cli.UsageError{Msg: fmt.Sprintf("schema takes one name, got %d", len(rest))}
	}
	name := schemas[0].name
	if len(rest) == 1 {
		name = rest[0]
	}
	var names []string
	for _, s := range schemas {
		if s.name == name {
			_, err := e.stdout.Write(s.data)
			return err
		}
		names = append(names, s.name)
	}
	err = cli.UsageError{Msg: fmt.Sprintf("schema: no schema called %q", name)}
	if s := suggest.Closest(name, names); s != "" {
		return cli.WithHint(err, "did you mean 'careerquiz schema %s'?", s)
	}
	return cli.WithHint(err, "the schemas are bank, result and check")
}
