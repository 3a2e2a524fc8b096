package result

import (
	"slices"
	"testing"
)

func TestRoundSharesAddUpToTheTotal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		shares   []float64
		decimals int
		want     []float64
	}{
		{"two halves of a point go to the first", []float64{47.5, 52.5}, 0, []float64{48, 52}},
		{"whole shares stay as they are", []float64{90, 10}, 0, []float64{90, 10}},
		{"a third each", []float64{100.0 / 3, 100.0 / 3, 100.0 / 3}, 0, []float64{34, 33, 33}},
		{"the largest remainder wins", []float64{12.4, 12.6, 75}, 0, []float64{12, 13, 75}},
		{"three remainders of 0.4 lose one unit", []float64{33.4, 33.3, 33.3}, 0, []float64{34, 33, 33}},
		{"tenths", []float64{33.33, 33.33, 33.34}, 1, []float64{33.3, 33.3, 33.4}},
		{"a negative share counts as 0", []float64{-1, 101}, 0, []float64{0, 101}},
		{"none", nil, 0, []float64{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := RoundShares(tc.shares, tc.decimals)
			if !slices.Equal(got, tc.want) {
				t.Errorf("RoundShares(%v, %d) = %v, want %v", tc.shares, tc.decimals, got, tc.want)
			}
		})
	}
}

func TestRoundSharesOfASplitAlwaysAddTo100(t *testing.T) {
	t.Parallel()
	for tenths := 0; tenths <= 1000; tenths++ {
		a := float64(tenths) / 10
		got := RoundShares([]float64{a, 100 - a}, 0)
		if got[0]+got[1] != 100 {
			t.Fatalf("RoundShares(%v, %v) = %v: adds to %v", a, 100-a, got, got[0]+got[1])
		}
	}
}

func TestChangeIsTheDifferenceOfTheShownShares(t *testing.T) {
	t.Parallel()
	a := []Path{{ID: "engineer", Share: 90}, {ID: "developer", Share: 10}}
	b := []Path{{ID: "engineer", Share: 47.5}, {ID: "developer", Share: 52.5}}
	got := changes(a, b)
	// 47.5 is shown as 48, and 48 − 90 is −42 (the raw change would
	// round to −43).
	if got[0].ShownA != 90 || got[0].ShownB != 48 || got[0].ShownDelta() != -42 {
		t.Errorf("engineer: %v → %v, change %v; want 90 → 48, -42", got[0].ShownA, got[0].ShownB, got[0].ShownDelta())
	}
	if got[1].ShownB != 52 || got[1].ShownDelta() != 42 {
		t.Errorf("developer: %v → %v, change %v; want 10 → 52, +42", got[1].ShownA, got[1].ShownB, got[1].ShownDelta())
	}
}
