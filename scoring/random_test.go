package scoring

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"testing"
)

func TestSubsetIsNonEmptyAndUniformPerOption(t *testing.T) {
	d := rand.New(rand.NewPCG(3, 4))
	for _, k := range []int{1, 3, 63, 64, 70} {
		const draws = 4000
		counts := make([]int, k)
		var words []uint64
		for range draws {
			words = subset(d, k, words)
			set := 0
			for i, w := range words {
				for o := range 64 {
					if w&(1<<o) == 0 {
						continue
					}
					if i*64+o >= k {
						t.Fatalf("k=%d: option %d picked", k, i*64+o)
					}
					counts[i*64+o]++
					set++
				}
			}
			if set == 0 {
				t.Fatalf("k=%d: empty subset", k)
			}
		}
		// Each option is in 2^(k−1) of the 2^k−1 non-empty subsets.
		p := math.Ldexp(1, k-1) / (math.Ldexp(1, k) - 1)
		sd := math.Sqrt(draws * p * (1 - p))
		for o, c := range counts {
			if math.Abs(float64(c)-draws*p) > 6*sd+1e-9 {
				t.Errorf("k=%d: option %d picked %d times in %d, want about %.0f", k, o, c, draws, draws*p)
			}
		}
	}
}

func TestCmpProducts(t *testing.T) {
	const big = math.MaxInt64
	tests := []struct {
		a, b, c, d int64
		want       int
	}{
		{2, 3, 3, 2, 0},
		{-2, 3, 1, 5, -1},
		{-2, -3, 1, 5, 1},
		{big, big, big, big - 1, 1},
		{-big, big, big, -big, 0},
		{-big, big, -big, big - 1, -1},
		{math.MinInt64 + 1, 2, -1, 1, -1},
	}
	for _, tt := range tests {
		if got := cmpProducts(tt.a, tt.b, tt.c, tt.d); got != tt.want {
			t.Errorf("cmpProducts(%d×%d vs %d×%d) = %d, want %d", tt.a, tt.b, tt.c, tt.d, got, tt.want)
		}
	}
	if _, ok := mul(big, 2); ok {
		t.Error("mul(MaxInt64, 2) claims to fit")
	}
	if p, ok := mul(-big, 1); !ok || p != -big {
		t.Errorf("mul(-MaxInt64, 1) = %d, %v", p, ok)
	}
	if _, ok := add(big, 1); ok {
		t.Error("add(MaxInt64, 1) claims to fit")
	}
	if _, ok := sub(-big, 2); ok {
		t.Error("sub(-MaxInt64, 2) claims to fit")
	}
	hi, lo := bits.Mul64(1<<62, 8) // 2^65
	if f := float128(int64(hi), lo); f != 0x1p65 {
		t.Errorf("float128(2^65) = %v", f)
	}
	if f := float128(-1, uint64(1<<64-5)); f != -5 {
		t.Errorf("float128(-5) = %v", f)
	}
	if f := float128(-2, 0); f != -0x1p65 { // −2^65
		t.Errorf("float128(-2^65) = %v", f)
	}
}
