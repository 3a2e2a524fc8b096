package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// update rewrites the expected output held in the scripts: go test
// ./cmd/careerquiz -update. Review the diff before committing it.
var update = flag.Bool("update", false, "rewrite golden output in testdata/script")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"careerquiz": func() { os.Exit(run(os.Args[1:], systemEnv())) },
	})
}

// TestScript runs the command-line specifications in testdata/script: each
// .txtar file is a session at a shell, with the files it uses.
func TestScript(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			// Saved progress and kept results go to folders of the
			// test's own; colour is decided per stream, and no stream
			// here is a terminal.
			env.Setenv("XDG_STATE_HOME", filepath.Join(env.WorkDir, "state"))
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "data"))
			env.Setenv("HOME", filepath.Join(env.WorkDir, "home"))
			env.Setenv("ROOT", root)
			// Under -race every process would otherwise wait a second
			// before exiting, in case a late race report is coming.
			env.Setenv("GORACE", "atexit_sleep_ms=0")
			return nil
		},
	})
}
