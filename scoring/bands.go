package scoring

import (
	"math"
	"slices"

	"github.com/careerquiz/careerquiz/quiz"
)

// Bands are the margins, in percentage points between the leading path and
// the runner-up, from which a lean is called slight, moderate and clear;
// below Slight it is balanced. A bank may set them ([scoring]); otherwise
// they are calibrated on the bank itself:
//
//   - Slight is where random answering stops: the edge at which the share
//     of uniformly random answer sets called balanced comes nearest
//     BalancedQuantile (RandomBalanced says how near, as leads come in steps).
//   - Clear is Mild, since answers that all lean one way lean clearly,
//     however mildly each is put; but never below the lead ClearQuantile of
//     random answer sets stay under, unless that puts every lead out of reach.
//   - Moderate lies halfway between Slight and Clear.
//
// Fewer answers make a random lead larger, so Score widens the balanced band
// of a calibrated bank by √(questions/answered), never beyond Moderate.
type Bands struct {
	Slight   float64 `json:"slight"`
	Moderate float64 `json:"moderate"`
	Clear    float64 `json:"clear"`
	// Calibrated is true when the bands come from the bank's own
	// distribution rather than from its [scoring] table.
	Calibrated bool `json:"calibrated"`
	// Mild and Strong are the leads of the mildest and of the strongest
	// consistent answers towards one path, averaged over every ordered
	// pair of paths, with every question answered.
	Mild   float64 `json:"mild"`
	Strong float64 `json:"strong"`
	// RandomBalanced and RandomClear are the shares (0–1) of uniformly
	// random answer sets that these bands call balanced and clear.
	RandomBalanced float64 `json:"random_balanced"`
	RandomClear    float64 `json:"random_clear"`
	// Method is "exact" or "sampled", as for Random; Samples is 0 when exact.
	Method  string `json:"method"`
	Samples int    `json:"samples"`
}

const (
	// BalancedQuantile is the share of random answer sets a calibrated
	// bank calls balanced, as near as its steps of lead allow.
	BalancedQuantile = 0.75
	// ClearQuantile is the least share of random answer sets a calibrated
	// bank keeps from being called clear.
	ClearQuantile = 0.98
	// calibrationBudget bounds the work of the random distribution behind
	// the bands, which every run computes: about a millisecond.
	calibrationBudget = 2e6
)

// bankBands works out a bank's bands from its table and the most each path
// can get with every question answered.
func bankBands(b *quiz.Bank, t *table, most []int64) Bands {
	var bd Bands
	if t.paths == 0 {
		return bd
	}
	var o outcome
	o, bd.Method, bd.Samples = randomOutcome(t, most, calibrationBudget)
	bd.Mild, bd.Strong = intensities(t, most)
	th := b.Scoring
	if !th.BandsSet {
		bd.Calibrated = true
		bd.Slight = bandEdge(o.leads, BalancedQuantile, true)
		guard := bandEdge(o.leads, ClearQuantile, false)
		if len(o.leads) > 0 {
			guard = min(guard, o.leads[len(o.leads)-1].Margin)
		}
		bd.Clear = max(bd.Slight, bd.Mild, guard)
		bd.Moderate = (bd.Slight + bd.Clear) / 2
	} else {
		bd.Slight, bd.Moderate, bd.Clear = th.Slight, th.Moderate, th.Clear
	}
	for _, pt := range o.leads {
		if pt.Margin < bd.Slight {
			bd.RandomBalanced += pt.Probability
		}
		if pt.Margin >= bd.Clear {
			bd.RandomClear += pt.Probability
		}
	}
	return bd
}

// bandEdge is the edge below which at least q of the distribution lies,
// or with nearest, below which its share comes nearest q (the lower on an
// even call), halfway between two leads so that none sits on the edge.
func bandEdge(pts []MarginPoint, q float64, nearest bool) float64 {
	acc := 0.0
	for i, pt := range pts {
		below := acc
		acc += pt.Probability
		// A little slack keeps rounding in the sum from skipping a point
		// that reaches q exactly.
		if acc < q-1e-12 {
			continue
		}
		if nearest && i > 0 && q-below <= acc-q+1e-12 {
			// The share below this lead is nearer q than the share up to it.
			return (pts[i-1].Margin + pt.Margin) / 2
		}
		if i+1 < len(pts) {
			return (pt.Margin + pts[i+1].Margin) / 2
		}
		return pt.Margin + 1
	}
	return 0
}

// intensities returns the mildest and the strongest consistent leads, each
// averaged over every ordered pair of paths (a over b).
func intensities(t *table, most []int64) (mild, strong float64) {
	n := t.paths
	pairs := 0
	for a := range n {
		for b := range n {
			if a == b || most[a] == 0 {
				continue
			}
			mild += mildest(t, most, a, b)
			strong += reach(t, most, a, b)
			pairs++
		}
	}
	if pairs == 0 {
		return 0, 0
	}
	return mild / float64(pairs), strong / float64(pairs)
}

// mildest is the margin of path a over path b when every question gets the
// mildest answer towards a: the option that favours a least, or where none
// does, the one that costs it least.
func mildest(t *table, most []int64, a, b int) float64 {
	return sumMoves(t, most, a, b, func(_ *row, d []float64) float64 {
		least := math.Inf(1)
		for _, x := range d {
			if x > 0 {
				least = min(least, x)
			}
		}
		if math.IsInf(least, 1) {
			return slices.Max(d)
		}
		return least
	})
}

// sumMoves adds up, over the questions with options, what pick makes of
// their options' moves d of path a's percent minus path b's.
func sumMoves(t *table, most []int64, a, b int, pick func(r *row, d []float64) float64) float64 {
	total := 0.0
	var d []float64
	for qi := range t.rows {
		r := &t.rows[qi]
		if r.opts == 0 {
			continue
		}
		d = d[:0]
		for o := range r.opts {
			d = append(d, swing(r.weights(o, t.paths), most, a, b))
		}
		total += pick(r, d)
	}
	return total
}
