package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/atomicfile"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
)

// formatFlag is --format; --json is its short form, and the two are one
// setting, so that giving both is a usage error rather than a guess.
var formatFlag = cli.Flag[options]{Name: "format", Arg: "FORMAT", Setting: "format",
	Help: "text (the default), json, or markdown (a document to\npaste into an email, a wiki or an issue)",
	Set: func(o *options, v string) error {
		if v == "md" {
			v = render.Markdown
		}
		if !slices.Contains(render.Formats(), v) {
			return fmt.Errorf("wants %s, got %q", render.FormatList(), v)
		}
		o.format = v
		return nil
	}}

var jsonFlag = cli.InSetting("format", cli.Switch("json", "the same as --format json",
	func(o *options) *bool { return &o.json }))

// --save and --no-save are one setting too.
var (
	saveFlag = cli.InSetting("save", cli.Switch("save", "keep the result even of a run with --answers or piped\nanswers; a quiz finished in a terminal is kept anyway\n(see 'careerquiz history')",
		func(o *options) *bool { return &o.save }))
	noSaveFlag = cli.InSetting("save", cli.Switch("no-save", "do not keep this run's result",
		func(o *options) *bool { return &o.noSave }))
)

// emitReport writes the report to stdout, or to the --output file. The file
// gets exactly the bytes stdout would have: colour is decided as for any
// stream that is not a terminal.
func emitReport(r render.Run, o options, e env) error {
	var stream any = e.stdout
	if o.output != "" {
		stream = nil
	}
	var buf bytes.Buffer
	err := render.Write(&buf, o.format, r, render.Options{Color: colorOn(stream, e, o.color), Width: e.layoutWidth(stream)})
	if err != nil {
		return err
	}
	data := buf.Bytes()
	if o.output != "" {
		return writeOutput(o.output, data)
	}
	_, err = e.stdout.Write(data)
	return err
}

// checkOutput makes sure --output FILE can be written before the quiz
// starts, so that nobody answers every question only to lose the report.
func checkOutput(path string) error {
	if err := atomicfile.CheckWritable(path); err != nil {
		return cli.WithHint(fmt.Errorf("--output %s: %w", path, err), "create the folder first, or name a file in a folder you can write to")
	}
	return nil
}

// writeOutput writes the report to path atomically: a reader never sees
// half a report, and a failed write leaves an earlier file as it was. A
// new file gets the usual mode of a document (rw-r--r--), since it is
// written to be shared; a file being replaced keeps its mode.
func writeOutput(path string, data []byte) error {
	perm := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		perm = fi.Mode().Perm()
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("--output %s: %w", path, err)
	}
	if err := atomicfile.Write(path, data, perm); err != nil {
		return fmt.Errorf("--output %s: %w", path, err)
	}
	return nil
}
