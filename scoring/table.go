package scoring

import (
	"math"
	"sync"

	"github.com/careerquiz/careerquiz/quiz"
)

// table is a bank's weights in exact thousandths, laid out flat so that
// scoring touches a few contiguous slices and no maps. Score and Analyze
// both read the bank through it, so the two never disagree on a weight.
type table struct {
	paths int
	rows  []row
	// scored is the number of questions that count towards a result.
	scored int
	// cache holds the answering model's lists of answers (see answers).
	cache *sync.Map
}

// row is one question. w holds opts×paths weights, option by option; best
// holds, per path, the most the question can give that path.
type row struct {
	kind quiz.Kind
	// scored is false for a profile question, which counts for no path
	// and in no total; its weights are all 0.
	scored bool
	opts   int
	w      []int64
	best   []int64
}

// milli converts a weight to whole thousandths, exactly, since the loader
// keeps weights finite, between 0 and 1000, with at most three decimals.
func milli(w float64) int64 { return int64(math.Round(w * 1000)) }

// weight converts thousandths back to weight units.
func weight(m int64) float64 { return float64(m) / 1000 }

func newTable(b *quiz.Bank) table {
	n := len(b.Paths)
	cells := 0
	for i := range b.Questions {
		cells += (len(b.Questions[i].Options) + 1) * n
	}
	// One backing array for every row keeps allocations constant.
	flat := make([]int64, cells)
	t := table{paths: n, rows: make([]row, len(b.Questions)), cache: &sync.Map{}}
	for i := range b.Questions {
		q := &b.Questions[i]
		k := len(q.Options)
		r := row{kind: q.Kind, scored: q.Scored(), opts: k}
		if r.scored {
			t.scored++
		}
		r.w, flat = flat[:k*n:k*n], flat[k*n:]
		r.best, flat = flat[:n:n], flat[n:]
		for o, opt := range q.Options {
			for p := 0; p < n && p < len(opt.Weights) && r.scored; p++ {
				r.w[o*n+p] = max(0, milli(opt.Weights[p]))
			}
		}
		// Most sums weights of three decimals, so its thousandths are exact.
		for p, m := range q.Most() {
			if p < n && r.scored {
				r.best[p] = max(0, milli(m))
			}
		}
		t.rows[i] = r
	}
	return t
}

// most is the most each path can get with every scored question answered.
func (t *table) most() []int64 {
	most := make([]int64, t.paths)
	for qi := range t.rows {
		for p, m := range t.rows[qi].best {
			most[p] += m
		}
	}
	return most
}

// weights returns option o's weights, one per path.
func (r *row) weights(o, n int) []int64 { return r.w[o*n : (o+1)*n] }

// addPicks adds the weights of the picked options to raw, one per path.
func (r *row) addPicks(raw []int64, picks ...int) {
	for _, o := range picks {
		for p, w := range r.weights(o, len(raw)) {
			raw[p] += w
		}
	}
}

// cmpPercent compares the percents rawA/mostA and rawB/mostB exactly (a
// percent with most 0 is 0) and returns -1, 0 or +1.
func cmpPercent(rawA, mostA, rawB, mostB int64) int {
	if mostA == 0 {
		rawA, mostA = 0, 1
	}
	if mostB == 0 {
		rawB, mostB = 0, 1
	}
	return cmpProducts(rawA, mostB, rawB, mostA)
}

// rank returns the path with the highest percent (the first in bank order
// among exact ties), the runner-up chosen the same way among the rest (-1
// with a single path), and whether the two are tied.
func rank(raw, most []int64) (top, second int, tie bool) {
	top, second = 0, -1
	for p := 1; p < len(raw); p++ {
		switch c := cmpPercent(raw[p], most[p], raw[top], most[top]); {
		case c > 0:
			top, second = p, top
		case second < 0 || cmpPercent(raw[p], most[p], raw[second], most[second]) > 0:
			second = p
		}
	}
	if second >= 0 {
		tie = cmpPercent(raw[top], most[top], raw[second], most[second]) == 0
	}
	return top, second, tie
}

// percent is raw/most×100, or 0 when most is 0, multiplied first so that a
// whole percent comes out whole.
func percent(raw, most int64) float64 {
	switch {
	case most == 0:
		return 0
	case raw <= math.MaxInt64/100:
		return float64(raw*100) / float64(most)
	}
	return float64(raw) / float64(most) * 100
}

// swing is what raws w add to path p's percent minus path q's, for mosts
// most.
func swing(w, most []int64, p, q int) float64 {
	return percent(w[p], most[p]) - percent(w[q], most[q])
}
