package progress_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/progress"
)

// A quiz that may stop early saves its stop, its order by id, a declined
// offer and where it ends; they come back as saved, and an end that does
// not fit is damage.
func TestStopIsSaved(t *testing.T) {
	t.Parallel()
	b := testBank(t, nil)
	order := []int{2, 0, 1}
	st := progress.Snapshot(b, given(), order, 3, false, 0)
	chance := 0.01
	st.Stop, st.Order, st.Declined, st.End, st.Chance = "quick", []string{"tasks", "outage", "diagrams"}, true, 3, &chance
	s, got := reload(t, st)
	if got.Stop != "quick" || !got.Declined || got.End != 3 || got.Chance == nil || *got.Chance != chance {
		t.Errorf("reloaded %+v", got)
	}
	ids, ok := progress.OrderOf(b, got.Order)
	if !ok || !slices.Equal(ids, order) {
		t.Errorf("order %v, %v; want %v", ids, ok, order)
	}
	for _, bad := range [][]string{nil, {"tasks", "outage"}, {"tasks", "outage", "outage"}, {"tasks", "outage", "hobby"}} {
		if _, ok := progress.OrderOf(b, bad); ok {
			t.Errorf("order %v fits a bank of 3", bad)
		}
	}
	if _, err := s.Restore(b, got, ids); err != nil {
		t.Fatal(err)
	}
	for _, end := range []int{-1, 2, 4} {
		got.End = end
		_, err := s.Restore(b, got, ids)
		var d *progress.DamagedError
		if !errors.As(err, &d) {
			t.Errorf("end %d at question 4 of 3: %v, want damage", end, err)
		}
	}
}
