package main

import (
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestInterruptedWhileReading: Ctrl-C while stats or check reads a stream
// ends it as it ends the quiz, with exit status 130 and a line that says so.
func TestInterruptedWhileReading(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"stats", "-"}, {"check", "-"}} {
		t.Run(args[0], func(t *testing.T) {
			t.Parallel()
			interrupted(t, args)
		})
	}
}

func interrupted(t *testing.T, args []string) {
	e, _, _ := testEnv(t, "")
	pr, pw := io.Pipe()
	defer pw.Close()
	e.stdin = pr
	var mu sync.Mutex
	var stderr strings.Builder
	e.stderr = writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return stderr.Write(p) })
	sigs := make(chan os.Signal, 1)
	e.interrupts = func() (<-chan os.Signal, func()) { return sigs, func() {} }
	exited := make(chan int, 1)
	e.exit = func(code int) { exited <- code; pw.Close() }
	go run(args, e)
	if _, err := pw.Write([]byte("{\"a\":1}\n")); err != nil {
		t.Fatal(err)
	}
	sigs <- os.Interrupt
	select {
	case code := <-exited:
		if code != 130 {
			t.Errorf("exit status %d, want 130", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("%s did not end on Ctrl-C", args[0])
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(stderr.String(), "careerquiz: interrupted\n") {
		t.Errorf("stderr does not say it was interrupted:\n%s", stderr.String())
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
