// Command careerquiz is a terminal quiz that helps a person see whether they
// lean towards back-end engineering or back-end development, and what to
// learn next. Run `careerquiz --help` for how to use it.
package main

import "os"

// version is set by release builds, which know their tag:
//
//	go build -ldflags "-X main.version=v1.2.0" ./cmd/careerquiz
//
// Without it the version comes from the module (go install …@v1.2.0), or is
// "devel".
var version string

func main() {
	os.Exit(run(os.Args[1:], systemEnv()))
}
