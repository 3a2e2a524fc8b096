package scoring

import "testing"

// The balanced band's edge falls between two reachable leads, on the side
// whose share of random answer sets below it comes nearer the quantile.
func TestNearestBand(t *testing.T) {
	pts := []MarginPoint{{0, 0.3}, {2, 0.4}, {4, 0.2}, {6, 0.1}}
	tests := []struct {
		q, want float64
	}{
		{0.75, 3}, // 0.7 below 3 is nearer 0.75 than 0.9 below 5
		{0.82, 5}, // 0.9 below 5 is nearer 0.82 than 0.7 below 3
		{0.8, 3},  // an even call takes the lower edge
		{0.7, 3},  // reached exactly
		{0.2, 1},  // there is no edge below the smallest lead
		{0.99, 7}, // past the largest lead
		{0.96, 7}, // 1 below 7 is nearer 0.96 than 0.9 below 5
		{0.92, 5}, // 0.9 below 5 is nearer 0.92 than 1 below 7
	}
	for _, tt := range tests {
		if got := bandEdge(pts, tt.q, true); got != tt.want {
			t.Errorf("bandEdge(%v, nearest) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// A calibrated bank's bands are anchored to people a reader can picture:
// clear at the lead of the mildest answer towards one path on every
// question, moderate halfway from slight, and slight where about three
// random answer sets in four stay below.
func TestBandAnchors(t *testing.T) {
	bd := NewScorer(simBank()).Bands()
	t.Logf("%+v", bd)
	if !bd.Calibrated || bd.Clear != max(bd.Mild, bd.Slight) || bd.Moderate != (bd.Slight+bd.Clear)/2 {
		t.Errorf("bands %+v: want clear at the mild lead and moderate halfway", bd)
	}
	if bd.RandomBalanced < 0.7 || bd.RandomBalanced > 0.8 || bd.RandomClear > 0.02 {
		t.Errorf("random answer sets: balanced %v, clear %v; want about 3 in 4, at most 2%%", bd.RandomBalanced, bd.RandomClear)
	}
}
