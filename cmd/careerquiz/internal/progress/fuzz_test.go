package progress_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/progress"
	"github.com/careerquiz/careerquiz/quiz"
)

// FuzzLoadRestore: whatever the progress file holds, Load and Restore
// either refuse it as damaged or give answers that fit the bank and a
// position inside the quiz, never a panic.
func FuzzLoadRestore(f *testing.F) {
	b := testBank(f, nil)
	seed, err := json.Marshal(progress.Snapshot(b, given(), inOrder, 2, false, 0))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"version": 2, "bank": "built-in", "answers": {"outage": 999}, "next": 999}`))
	f.Add([]byte(`{"version": 2, "bank": "built-in", "bank_sha256": "x", "answers": {"tasks": [1, 1]}, "picked": {"tasks": ["Tuning slow queries", "Tuning slow queries"]}, "question": "tasks"}`))
	f.Add([]byte(`{"version": 2, "bank": "built-in", "answers": {"diagrams": "skip"}, "picked": {"diagrams": ["Agree"]}, "next": 1, "question": "diagrams"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := progress.NewStore(t.TempDir(), progress.BuiltIn)
		if err := os.WriteFile(s.Path(), data, 0o600); err != nil {
			t.Fatal(err)
		}
		st, ok, err := s.Load()
		if err != nil || !ok {
			return
		}
		r, err := s.Restore(b, st, inOrder)
		if err != nil {
			return
		}
		if r.Next < 0 || r.Next > len(b.Questions) {
			t.Fatalf("resumes at %d of %d", r.Next, len(b.Questions))
		}
		for id, a := range r.Answers {
			qi := b.QuestionIndex(id)
			if qi < 0 {
				t.Fatalf("an answer to unknown question %q", id)
			}
			q := &b.Questions[qi]
			last := -1
			for _, p := range a.Picks {
				if p <= last || p >= len(q.Options) {
					t.Fatalf("question %q: picks %v do not fit %d options", id, a.Picks, len(q.Options))
				}
				last = p
			}
			if q.Kind != quiz.PickAny && len(a.Picks) > 1 {
				t.Fatalf("question %q takes one answer, got %v", id, a.Picks)
			}
		}
	})
}
