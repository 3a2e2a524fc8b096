// Command careerquiz is a terminal quiz that helps a person see whether they
// lean towards back-end engineering or back-end development, and what to
// learn next. Run `careerquiz --help` for how to use it.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], systemEnv()))
}
