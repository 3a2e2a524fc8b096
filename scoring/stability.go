package scoring

import (
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/careerquiz/careerquiz/quiz"
)

// Bootstrap settings. The seed is fixed so that the same answers always get
// the same stability; 1,000 resamples put the figure within about ±3 points.
const (
	resamples = 1000
	seedHi    = 0x63617265_65727175 // "careerqu"
	seedLo    = 0x697a5f62_6f6f7473 // "iz_boots"
)

// stability resamples the answered questions with replacement and returns
// the share of resamples the recommended path still wins. Questions are
// drawn from the answered ones sorted by id, so the figure does not depend
// on the order of the bank.
func stability(b *quiz.Bank, t *table, done []answered, gain []int64, rec int) float64 {
	n, k := t.paths, len(done)
	if k == 0 {
		return 0
	}
	order := make([]int, k)
	for j := range order {
		order[j] = j
	}
	slices.SortFunc(order, func(x, y int) int {
		return strings.Compare(b.Questions[done[x].q].ID, b.Questions[done[y].q].ID)
	})
	// Each answered question's gains and bests sit side by side, so one
	// draw reads one short contiguous run.
	cells := make([]int64, 0, 2*n*k)
	for _, j := range order {
		cells = append(cells, gain[j*n:(j+1)*n]...)
		cells = append(cells, t.rows[done[j].q].best...)
	}
	sums := make([]int64, 2*n)
	raw, most := sums[:n], sums[n:]
	d := newDraws(seedHi, seedLo)
	wins, width := 0, 2*n
	for range resamples {
		clear(sums)
		for range k {
			at := d.intN(k) * width
			for i, c := range cells[at : at+width] {
				sums[i] += c
			}
		}
		if leader(raw, most) == rec {
			wins++
		}
	}
	return float64(wins) / resamples
}

// draws hands out uniformly distributed integers from a PCG generator,
// two per 64-bit output: draws dominate both the bootstrap and the sampled
// audit, and halving the generator calls nearly halves their cost.
type draws struct {
	src   *rand.PCG
	spare uint32
	has   bool
}

func newDraws(hi, lo uint64) *draws { return &draws{src: rand.NewPCG(hi, lo)} }

func (d *draws) next32() uint32 {
	if d.has {
		d.has = false
		return d.spare
	}
	v := d.src.Uint64()
	d.spare, d.has = uint32(v>>32), true
	return uint32(v)
}

// intN returns an integer in [0, n) for 0 < n < 2^32, by Lemire's
// multiply-and-reject method, which needs no division on the common path.
func (d *draws) intN(n int) int {
	m := uint64(d.next32()) * uint64(n)
	if uint32(m) < uint32(n) {
		thresh := -uint32(n) % uint32(n)
		for uint32(m) < thresh {
			m = uint64(d.next32()) * uint64(n)
		}
	}
	return int(m >> 32)
}

// uint64N returns an integer in [0, n) for any n > 0, by the same method
// on 64 bits.
func (d *draws) uint64N(n uint64) uint64 {
	hi, lo := bits.Mul64(d.src.Uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(d.src.Uint64(), n)
		}
	}
	return hi
}
