package scoring

import (
	"math"
	"slices"
	"strings"
)

// confidence is the chance (0–1) that the same person, answering the same
// questions again with fresh noise, is told the same path, under the model
// of latent.go on the axis from the recommended path to the runner-up
// (calibration_test.go holds it there): the posterior chance that the
// retest's margin is above 0. Per lean the margin is taken as normal with
// its exact mean and variance, corrected for the lattice it lives on, since
// an exact tie is not the same path; a pick-any question too large to list
// counts as answered the same way again. It is 1 without a runner-up and
// 1 in N on a tie. Only the two leading paths' moves count, so a mirrored
// bank gives the same figure, bit for bit.
func (s *Scorer) confidence(done []answered, most []int64, top, second int, tie bool) float64 {
	n := s.t.paths
	switch {
	case second < 0:
		return 1
	case tie:
		return 1 / float64(n)
	}
	move := func(raw []int64) float64 { return swing(raw, most, top, second) }
	// Per lean, the retest margin's mean and variance.
	var mean, vari [leanPoints]float64
	var lattice int64
	latticeOK := true
	// Sums and products in question id order give the same figure
	// whatever the order of the bank.
	done = slices.SortedFunc(slices.Values(done), func(x, y answered) int {
		return strings.Compare(s.b.Questions[x.q].ID, s.b.Questions[y.q].ID)
	})
	weight := s.t.posterior(s.b, done, leanAxis{top, second}, func(d answered, al *answerList, _ int) {
		r := &s.t.rows[d.q]
		for o := range r.opts {
			w := r.weights(o, n)
			a, ok1 := mul(w[top], most[second])
			b, ok2 := mul(w[second], most[top])
			lattice = gcd(lattice, a-b)
			latticeOK = latticeOK && ok1 && ok2
		}
		if al == nil {
			raw := make([]int64, n)
			r.addPicks(raw, d.picks...)
			for g := range mean {
				mean[g] += move(raw)
			}
			return
		}
		moves := make([]float64, len(al.raws))
		for i, raw := range al.raws {
			moves[i] = move(raw)
		}
		for g, p := range al.byLean {
			var e, e2 float64
			for i, pi := range p {
				e += pi * moves[i]
				e2 += pi * moves[i] * moves[i]
			}
			mean[g] += e
			vari[g] += max(0, e2-e*e)
		}
	})
	step := 0.0
	if latticeOK && lattice > 0 && most[top] > 0 && most[second] > 0 {
		step = 100 * float64(lattice) / float64(most[top]) / float64(most[second])
	}
	conf := 0.0
	for g, w := range weight {
		sd := math.Sqrt(vari[g])
		switch {
		case sd > 1e-12:
			conf += w * normalCDF((mean[g]-step/2)/sd)
		case mean[g] > step/2:
			conf += w
		}
	}
	return min(1, conf)
}
