package scoring

import (
	"math"
	"slices"
)

// Confidence is the chance (0–1) that the same person, taking the quiz
// again, would be recommended the same path. It rests on a simple model of
// a retest, stated here so that the figure can be checked:
//
//   - Each answered question moves the margin between the leading path and
//     the runner-up by d_j percentage points (the margin is their sum, m).
//     A retest draws the person's answers afresh, so the margin it gives
//     varies around the person's true lean μ by about the spread of the
//     d_j: its variance is s² = k×v over k answers, where v is the
//     variance of one move. v is estimated from the answers' own spread,
//     pooled with two questions' worth of the spread random answering
//     gives (chance, the mean variance of a move under random answers), so
//     that a handful of identical answers is not taken for certainty.
//   - Before the answers are seen, half of all people are taken to have no
//     preference (μ = 0: a retest then gives either path by chance, 1 in N
//     for N paths), and half a lean μ spread normally with a standard
//     deviation of the bank's Mild lead (see Bands), the lead of someone who
//     always gives the mildest answer towards one path.
//   - The answers update that belief by Bayes' rule, and the confidence is
//     the chance, under the updated belief, that a retest puts the same
//     path ahead.
//
// A margin of exactly 0 (a tie) gives 1 in N, never more, whichever path
// the tie rule named; and since everything depends on |m| and s only, a
// mirrored bank (the paths' roles swapped) gives the same figure. Without a
// runner-up (a bank of one path) a retest cannot change the path, and the
// confidence is 1. simulation_test.go holds the model to simulated people
// answering twice.
func confidence(ds []float64, chance float64, paths int, lean float64) float64 {
	if paths < 2 {
		return 1
	}
	even := 1 / float64(paths)
	if len(ds) == 0 {
		return even
	}
	// Sums in a fixed order (ascending) give the same figure whatever the
	// order of the bank.
	ds = slices.Sorted(slices.Values(ds))
	m, mean := 0.0, 0.0
	for _, d := range ds {
		m += d
	}
	mean = m / float64(len(ds))
	ss := 0.0
	for _, d := range ds {
		ss += (d - mean) * (d - mean)
	}
	m = math.Abs(m)
	// Margins are sums of thousandths over Mosts; anything this close to 0
	// is a tie that floating point failed to cancel.
	if m < 1e-9 {
		return even
	}
	k := float64(len(ds))
	s := math.Sqrt(k * (ss + priorQuestions*chance) / (k - 1 + priorQuestions))
	if s < 1e-9 {
		// No answer could have moved the margin otherwise.
		return 1
	}
	if lean <= 0 {
		lean = 50
	}
	z := m / s
	t2 := (lean / s) * (lean / s)
	shrink := t2 / (1 + t2)
	// The likelihood of the observed z with no preference, and with a
	// lean of spread T = lean/s (z then spreads as N(0, 1+T²)).
	none := normalPDF(z)
	leans := normalPDF(z/math.Sqrt(1+t2)) / math.Sqrt(1+t2)
	pNone := none / (none + leans)
	// With a lean, the true margin is near shrink×z, and a retest adds
	// its own noise: the retest's z is N(shrink×z, 1+shrink).
	same := normalCDF(shrink * z / math.Sqrt(1+shrink))
	return pNone*even + (1-pNone)*same
}

// priorQuestions is how many questions' worth of random answering's spread
// the estimate of a move's variance starts from.
const priorQuestions = 2

func normalPDF(x float64) float64 { return math.Exp(-x*x/2) / math.Sqrt(2*math.Pi) }

func normalCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }
