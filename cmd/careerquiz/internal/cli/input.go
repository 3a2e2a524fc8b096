package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/internal/fileio"
	"github.com/careerquiz/careerquiz/internal/termsafe"
	"github.com/careerquiz/careerquiz/quiz"
)

// ReadBank returns the bank at path, the built-in one for "", or the one
// on stdin for "-" where stdin is given. Only a regular file is read,
// or a FIFO where fifo is set; anything else is refused at once. A name
// that could forge a line of a message is shown quoted (termsafe.Name)
// wherever the bank names its file.
func ReadBank(path string, stdin io.Reader, fifo bool) (*quiz.Bank, error) {
	if path == "" {
		b, err := quiz.Parse(careerquiz.QuestionsFile, careerquiz.Questions)
		if err != nil {
			return nil, WithHint(fmt.Errorf("the built-in bank is broken: %w", err), "this build of careerquiz is broken: install it again, or take a bank of your own with --questions FILE")
		}
		return b, nil
	}
	name, data, err := bankBytes(path, stdin, fifo)
	if err != nil {
		return nil, err
	}
	b, err := quiz.Parse(name, data)
	if err != nil {
		if path == fileio.Stdin {
			return nil, WithHint(err, "fix the bank, then check it with 'careerquiz check FILE'")
		}
		return nil, WithHint(err, "fix the bank, then run 'careerquiz check %s'", termsafe.Name(path))
	}
	return b, nil
}

// bankBytes reads a bank and returns the name messages call it by.
func bankBytes(path string, stdin io.Reader, fifo bool) (string, []byte, error) {
	if path == fileio.Stdin && stdin != nil {
		return fileio.ReadInput(path, stdin, quiz.MaxSize)
	}
	if fi, err := os.Stat(path); fifo && err == nil && fi.Mode()&fs.ModeNamedPipe != 0 {
		data, err := readFIFO(path)
		return termsafe.Name(path), data, err
	}
	data, err := quiz.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil, WithHint(err, "check the name, or start a bank of your own with 'careerquiz bank > %s'", termsafe.Name(path))
	}
	return termsafe.Name(path), data, err
}

// readFIFO reads the bank a FIFO carries, waiting for its writer as any
// tool reading a pipe does; the stopper ends the wait on a signal.
func readFIFO(path string) ([]byte, error) {
	f, err := os.Open(path)
	var data []byte
	if err == nil {
		defer f.Close()
		data, err = io.ReadAll(io.LimitReader(f, quiz.MaxSize+1))
	}
	switch {
	case err != nil:
		return nil, &fileio.Error{Path: path, Why: "cannot be read: " + err.Error(), Err: err,
			Hint: "check what writes to it, or save the bank to a file and name that"}
	case len(data) > quiz.MaxSize:
		return nil, &fileio.Error{Path: path, Why: quiz.ErrTooLarge.Error(), Err: quiz.ErrTooLarge,
			Hint: "check what writes to it: a bank is a text file of a few kilobytes"}
	}
	return data, nil
}
