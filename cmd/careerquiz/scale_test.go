package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
)

// These tests hold history and compare to memory and time that grow with
// their input, not with its square: what a person's own results folder can
// hold (hundreds of attempts, a file edited by hand to megabytes) must not
// take gigabytes or minutes.

// bigResult is a kept result of about size bytes: a real result's fields,
// with a steps list long enough to make up the size.
func bigResult(size int) []byte {
	var b strings.Builder
	b.WriteString(`{"taken": "2026-01-02T03:04:05.000Z", "schema": "careerquiz.result/v1",
"bank": {"title": "Two paths", "questions": 2, "sha256": "ab12"},
"recommendation": {"path": "engineer", "name": "Engineer", "strength": "clear"},
"paths": [{"id": "engineer", "name": "Engineer", "percent": 80, "share": 80}, {"id": "developer", "name": "Developer", "percent": 20, "share": 20}],
"answers": {"plan": 1}, "steps": [`)
	step := `{"id": "s", "text": "` + strings.Repeat("learn system design ", 50) + `"}`
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(step)
	}
	b.WriteString("]}\n")
	return []byte(b.String())
}

// TestHistoryOfManyLargeResultsStaysSmall: history over 200 kept results
// of 3 MB each holds one at a time, well under 100 MB of heap.
func TestHistoryOfManyLargeResultsStaysSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 600 MB")
	}
	data := t.TempDir()
	dir := filepath.Join(data, "careerquiz", "results")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	first := filepath.Join(dir, "result-0000.json")
	if err := os.WriteFile(first, bigResult(3<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	// One file under 200 names: the folder reads as 200 files of 3 MB,
	// without 600 MB on the disk.
	for i := 1; i < 200; i++ {
		if err := os.Link(first, filepath.Join(dir, fmt.Sprintf("result-%04d.json", i))); err != nil {
			t.Skipf("no hard links here: %v", err)
		}
	}
	e, stdout, stderr := testEnv(t, "")
	e.getenv = func(k string) string { return map[string]string{"XDG_DATA_HOME": data}[k] }

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	// The heap in use is sampled while history runs, for its peak.
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	})
	start := time.Now()
	code := run([]string{"history"}, e)
	took := time.Since(start)
	close(stop)
	wg.Wait()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := strings.Count(stdout.String(), "Engineer (clear)"); n != 200 {
		t.Errorf("%d attempts listed, want 200", n)
	}
	grew := int64(peak.Load()) - int64(before.HeapInuse)
	t.Logf("history of 200 results of 3 MB: %v, peak heap in use +%d MB, heap from the system +%d MB, %d MB allocated in all",
		took.Round(time.Millisecond), grew>>20, (int64(after.HeapSys)-int64(before.HeapSys))>>20, (after.TotalAlloc-before.TotalAlloc)>>20)
	if grew > 100<<20 {
		t.Errorf("peak heap grew by %d MB, want under 100 MB", grew>>20)
	}
}

// TestCompareOfManyPathsIsLinear: two results of 100,000 paths each are
// compared in well under a second on a quiet machine; the limit is wider,
// for a busy one, and still far below what a quadratic step would take
// (minutes at this size).
func TestCompareOfManyPathsIsLinear(t *testing.T) {
	dir := t.TempDir()
	files := make([]string, 2)
	for f := range files {
		var b strings.Builder
		b.WriteString(`{"schema": "careerquiz.result/v1", "bank": {"title": "Many", "sha256": "ab12"}, "answers": {"q": ` + fmt.Sprint(f+1) + `}, "paths": [`)
		for i := range 100_000 {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"id":"p%d","share":0.001}`, i)
		}
		b.WriteString("]}\n")
		files[f] = filepath.Join(dir, fmt.Sprintf("r%d.json", f))
		if err := os.WriteFile(files[f], []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"compare", files[0], files[1]}, {"compare", "--json", files[0], files[1]}} {
		e, _, stderr := testEnv(t, "")
		start := time.Now()
		code := run(args, e)
		took := time.Since(start)
		if code != cli.ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		t.Logf("%v on 100,000 paths each: %v", args[:len(args)-2], took.Round(time.Millisecond))
		// Alone it takes well under a second; the bound leaves room for a
		// busy machine, and a quadratic compare would take hours.
		if took > slowdown*5*time.Second {
			t.Errorf("%v took %v, want well under a second", args[:len(args)-2], took)
		}
	}
}
