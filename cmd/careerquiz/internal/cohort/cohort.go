// Package cohort sums up the results of many people who took the same bank:
// how the cohort leaned, and which questions work. It is pure arithmetic
// over a bank, each person's answers and what scoring.Score made of them:
// no files, no terminal.
//
// A Cohort takes people one at a time and keeps only running sums, so its
// memory depends on the bank (questions × options × paths) and never on the
// number of people.
//
// # Item scores
//
// Every scored question is an item. A person's item score on a question is
// what the picked option or options gave the first path minus what they
// gave the second. With one path it is that path's points; with more than
// two there is no single axis, and the item score is the first path's
// points minus the mean of the other paths' points, while each path is also
// measured on its own points (AlphaByPath, ItemRestByPath). Unscored
// questions are counted but are not items.
//
// # Reliability
//
// Alpha is Cronbach's alpha of the item scores over the people who answered
// every item (listwise: Complete of them),
//
//	alpha = k/(k−1) × (1 − Σ var(item) / var(total)),
//
// and ItemRest is the corrected item–rest correlation: Pearson's r between
// an item and the sum of the other items, over the same people. Both need
// only, per item, the sums of x, x² and x×total, and the sums of total and
// total²: cov(x_i, total − x_i) = cov(x_i, total) − var(x_i), and
// var(total − x_i) = var(total) − 2 cov(x_i, total) + var(x_i). The sums
// are taken of each value minus the first complete person's value, which
// leaves every variance and covariance unchanged and keeps the one-pass
// formulas from losing digits to cancellation.
package cohort

import (
	"math"
	"slices"

	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// Bins is the number of bars in a histogram of shares: 0–10, 10–20, …,
// 90–100.
const Bins = 10

// strengths are the labels in the order they are counted and shown.
var strengths = []scoring.Strength{scoring.Balanced, scoring.Slight, scoring.Moderate, scoring.Clear}

// Cohort accumulates people's results. The zero value is not usable; call
// New.
type Cohort struct {
	bank  *quiz.Bank
	paths int
	// items holds the indexes of the bank's scored questions.
	items []int

	people, complete, withheld, ties int
	// stopped counts the people whose quiz stopped early.
	stopped int
	recs    []int   // per path: people recommended it
	labels  [][]int // per path, per strength
	hist    [][Bins]int

	questions []question
	// axes[0] is the item score; with more than two paths axes[1+p] is
	// path p's points.
	axes []axis

	// Scratch for one person, reused so that Add allocates nothing.
	points []float64 // per question × path
	values [][]float64
}

type question struct {
	answered   int
	answeredBy []int // per recommended path
	picked     []int // per option
	pickedBy   []int // per option × recommended path
	leans      []int // per path, then one for answers that lean neither way
}

// axis holds the running sums for one way of scoring the items.
type axis struct {
	n       int
	shift   []float64 // the first complete person's values
	sx, sxx []float64
	sxt     []float64
	st, stt float64
}

// New returns an empty cohort for bank b.
func New(b *quiz.Bank) *Cohort {
	np := len(b.Paths)
	c := &Cohort{bank: b, paths: np, recs: make([]int, np), labels: make([][]int, np), hist: make([][Bins]int, np)}
	for p := range c.labels {
		c.labels[p] = make([]int, len(strengths))
	}
	c.questions = make([]question, len(b.Questions))
	for i := range b.Questions {
		q := &b.Questions[i]
		if q.Scored() {
			c.items = append(c.items, i)
		}
		k := len(q.Options)
		c.questions[i] = question{answeredBy: make([]int, np), picked: make([]int, k), pickedBy: make([]int, k*np), leans: make([]int, np+1)}
	}
	naxes := 1
	if np > 2 {
		naxes += np
	}
	c.axes = make([]axis, naxes)
	c.values = make([][]float64, naxes)
	for a := range c.axes {
		k := len(c.items)
		c.axes[a] = axis{sx: make([]float64, k), sxx: make([]float64, k), sxt: make([]float64, k)}
		c.values[a] = make([]float64, k)
	}
	c.points = make([]float64, len(b.Questions)*np)
	return c
}

// Add counts one person: their answers, as parsed against the cohort's
// bank, and the result scoring.Score gave them.
func (c *Cohort) Add(a quiz.Answers, r scoring.Result) {
	b, np := c.bank, c.paths
	c.people++
	if r.NotAsked > 0 {
		c.stopped++
	}
	rec := -1
	if r.Recommendation != nil && !r.Recommendation.Tie {
		// A tie recommends no path: it counts for none.
		rec = b.PathIndex(r.Recommendation.Path)
	}
	switch {
	case r.Recommendation == nil:
		c.withheld++
	case rec < 0:
		c.ties++
	default:
		c.recs[rec]++
		if s := slices.Index(strengths, r.Recommendation.Strength); s >= 0 {
			c.labels[rec][s]++
		}
	}
	if r.Recommendation != nil {
		for p := 0; p < np && p < len(r.Paths); p++ {
			c.hist[p][bin(r.Paths[p].Share)]++
		}
	}

	complete := true
	for i := range b.Questions {
		q := &b.Questions[i]
		picks := a[q.ID].Picks
		pts := c.points[i*np : (i+1)*np]
		clear(pts)
		if len(picks) == 0 {
			complete = complete && !q.Scored()
			continue
		}
		st := &c.questions[i]
		st.answered++
		if rec >= 0 {
			st.answeredBy[rec]++
		}
		for _, o := range picks {
			st.picked[o]++
			if rec >= 0 {
				st.pickedBy[o*np+rec]++
			}
			for p := 0; p < np && p < len(q.Options[o].Weights); p++ {
				pts[p] += q.Options[o].Weights[p]
			}
		}
		st.leans[lean(pts)]++
	}
	if !complete {
		return
	}
	c.complete++
	for j, qi := range c.items {
		pts := c.points[qi*np : (qi+1)*np]
		c.values[0][j] = itemScore(pts)
		for p := range len(c.axes) - 1 { // path p's own axis, with more than two paths
			c.values[1+p][j] = pts[p]
		}
	}
	for ax := range c.axes {
		c.axes[ax].add(c.values[ax])
	}
}

// itemScore is an answer's item score from the points it gave each path.
func itemScore(pts []float64) float64 {
	switch len(pts) {
	case 0:
		return 0
	case 1:
		return pts[0]
	}
	var others float64
	for _, v := range pts[1:] {
		others += v
	}
	return pts[0] - others/float64(len(pts)-1)
}

// lean is the path an answer gave strictly the most points to, or len(pts)
// when no path leads.
func lean(pts []float64) int {
	top, tie := -1, false
	for p, v := range pts {
		switch {
		case top < 0 || v > pts[top]:
			top, tie = p, false
		case v == pts[top]:
			tie = true
		}
	}
	if top < 0 || tie {
		return len(pts)
	}
	return top
}

func (ax *axis) add(x []float64) {
	if ax.n == 0 {
		ax.shift = append([]float64(nil), x...)
	}
	ax.n++
	var t float64
	for i, v := range x {
		t += v - ax.shift[i]
	}
	for i, v := range x {
		d := v - ax.shift[i]
		ax.sx[i] += d
		ax.sxx[i] += d * d
		ax.sxt[i] += d * t
	}
	ax.st += t
	ax.stt += t * t
}

// figures are one axis's reliability figures.
type figures struct {
	alpha    *float64
	itemRest []*float64
	mean, sd []*float64
}

// tiny is the variance below which a figure is taken to have none: a sum of
// weights with three decimals that does not vary differs from zero only by
// rounding.
const tiny = 1e-12

func (ax *axis) figures() figures {
	k := len(ax.sx)
	f := figures{itemRest: make([]*float64, k), mean: make([]*float64, k), sd: make([]*float64, k)}
	n := float64(ax.n)
	if ax.n == 0 {
		return f
	}
	for i := range k {
		f.mean[i] = new(ax.shift[i] + ax.sx[i]/n)
	}
	if ax.n < 2 {
		return f
	}
	varT := (ax.stt - ax.st*ax.st/n) / (n - 1)
	var sumVar float64
	for i := range k {
		v := max(0, (ax.sxx[i]-ax.sx[i]*ax.sx[i]/n)/(n-1))
		sumVar += v
		f.sd[i] = new(math.Sqrt(v))
		cov := (ax.sxt[i] - ax.sx[i]*ax.st/n) / (n - 1)
		covRest := cov - v
		varRest := varT - 2*cov + v
		if v > tiny && varRest > tiny {
			f.itemRest[i] = new(covRest / math.Sqrt(v*varRest))
		}
	}
	if k >= 2 && varT > tiny {
		f.alpha = new(float64(k) / float64(k-1) * (1 - sumVar/varT))
	}
	return f
}

// bin is the histogram bar a share (0–100) falls in; 100 goes in the last.
func bin(share float64) int {
	return max(0, min(Bins-1, int(math.Floor(share/(100/Bins)))))
}
