package scoring

import (
	"math"
	"slices"
)

// The random-answer audit and the quick stop's chance both need the
// distribution of what a set of questions adds up to, each answered one of
// its ways with some chance: the Lord–Wingersky recursion, a convolution
// one question at a time in a table indexed by each sum shifted to start at
// 0 and divided by the greatest common divisor of its steps.
//
// With every question answered the mosts are fixed, so the path named
// depends only on the margins D_i = raw_i×most_r − raw_r×most_i against a
// reference path r with most_r > 0 (path i's percent minus r's is
// 100×D_i/(most_r×most_i); D_i = −raw_r where most_i = 0). They need one
// dimension fewer than the raws and span little when the mosts share a
// large factor, but as much as a product of raws when they do not. Callers
// lay out both bases and run the cheaper; they give the same distribution.
type basis int

const (
	byMargin basis = iota
	byRaw
)

// lwTable is a convolution laid out: coordinate j (of path coords[j]) is
// g_j×s_j + off_j at table index s_j; answer a of question q moves the
// flat index by shifts[q][of[q][a]] (equal shifts merged), and the
// furthest reachable cell by at most grow[q]. cost is the cell updates of
// one run.
type lwTable struct {
	basis         basis
	ref           int
	most          []int64
	coords        []int
	g, off        []int64
	dims, strides []int
	size          int
	shifts, of    [][]int
	grow          []int
	cost          float64
}

// layOut lays out the sums of start and one answer of each question
// (answers[q][a] the raws answer a gives), on basis bs against ref, for
// the final mosts most; ok is false past maxCells or 64 bits.
func layOut(bs basis, ref int, most, start []int64, answers [][][]int64, maxCells int) (*lwTable, bool) {
	lt := &lwTable{basis: bs, ref: ref, most: most, size: 1}
	for p := range most {
		if p != ref || bs == byRaw {
			lt.coords = append(lt.coords, p)
		}
	}
	m := len(lt.coords)
	// coordsOf is the coordinates of raws raw.
	coordsOf := func(raw []int64) ([]int64, bool) {
		d := make([]int64, m)
		for j, i := range lt.coords {
			switch {
			case bs == byRaw:
				d[j] = raw[i]
			case most[i] == 0:
				d[j] = -raw[ref]
			default:
				a, ok1 := mul(raw[i], most[ref])
				b, ok2 := mul(raw[ref], most[i])
				var ok3 bool
				if d[j], ok3 = sub(a, b); !ok1 || !ok2 || !ok3 {
					return nil, false
				}
			}
		}
		return d, true
	}
	terms := make([][][]int64, len(answers)) // per question, per answer, per coordinate
	lo := make([][]int64, len(answers))
	lt.g = make([]int64, m)
	spans := make([]int64, m)
	var ok bool
	if lt.off, ok = coordsOf(start); !ok {
		return nil, false
	}
	for q, as := range answers {
		terms[q], lo[q] = make([][]int64, len(as)), make([]int64, m)
		for a, raw := range as {
			if terms[q][a], ok = coordsOf(raw); !ok {
				return nil, false
			}
		}
		for j := range m {
			l, h := int64(math.MaxInt64), int64(math.MinInt64)
			for _, d := range terms[q] {
				l, h = min(l, d[j]), max(h, d[j])
			}
			span, ok1 := sub(h, l)
			var ok2, ok3 bool
			lt.off[j], ok2 = add(lt.off[j], l)
			spans[j], ok3 = add(spans[j], span)
			if !ok1 || !ok2 || !ok3 {
				return nil, false
			}
			lo[q][j] = l
			for _, d := range terms[q] {
				lt.g[j] = gcd(lt.g[j], d[j]-l)
			}
		}
	}
	for j := range m {
		lt.g[j] = max(1, lt.g[j])
		spans[j] /= lt.g[j]
		if float64(lt.size)*float64(spans[j]+1) > float64(maxCells) {
			return nil, false
		}
		// The largest D must fit 64 bits for the final comparisons.
		if _, ok := add(lt.g[j]*spans[j], abs(lt.off[j])); !ok {
			return nil, false
		}
		lt.dims = append(lt.dims, int(spans[j])+1)
		lt.strides = append(lt.strides, lt.size)
		lt.size *= int(spans[j]) + 1
	}
	active := 1
	for q := range answers {
		var shifts, of []int
		grow := 0
		for _, d := range terms[q] {
			s := 0
			for j := range m {
				s += int((d[j]-lo[q][j])/lt.g[j]) * lt.strides[j]
			}
			k := slices.Index(shifts, s)
			if k < 0 {
				k = len(shifts)
				shifts = append(shifts, s)
			}
			of = append(of, k)
			grow = max(grow, s)
		}
		lt.shifts, lt.of, lt.grow = append(lt.shifts, shifts), append(lt.of, of), append(lt.grow, grow)
		lt.cost += float64(active) * float64(len(shifts))
		active += grow
	}
	lt.cost += float64(lt.size)
	return lt, true
}

// cheaper lays out each of bases and keeps the one of least cost, or
// reports that none fits; the margin basis needs a reference path.
func cheaper(bases []basis, ref int, most, start []int64, answers [][][]int64, maxCells int) (*lwTable, bool) {
	var best *lwTable
	for _, bs := range bases {
		if bs == byMargin && (ref < 0 || len(most) < 2) {
			continue
		}
		if lt, ok := layOut(bs, ref, most, start, answers, maxCells); ok && (best == nil || lt.cost < best.cost) {
			best = lt
		}
	}
	return best, best != nil
}

// run convolves the questions, answer a of question q with chance
// probs(q)[a], and returns the distribution over the reachable cells, using
// cur and next, of size cells each, as scratch space.
func (lt *lwTable) run(cur, next []float64, probs func(q int) []float64) []float64 {
	clear(cur)
	cur[0] = 1
	active := 1
	merged := []float64{}
	for q, shifts := range lt.shifts {
		merged = slices.Grow(merged[:0], len(shifts))[:len(shifts)]
		clear(merged)
		for a, p := range probs(q) {
			merged[lt.of[q][a]] += p
		}
		clear(next[:active+lt.grow[q]])
		for s, v := range cur[:active] {
			if v == 0 {
				continue
			}
			for k, d := range shifts {
				next[s+d] += v * merged[k]
			}
		}
		cur, next = next, cur
		active += lt.grow[q]
	}
	return cur[:active]
}

// at fills d with the coordinates of cell s, by path: on the margin
// basis d[ref] is left 0.
func (lt *lwTable) at(s int, d []int64) {
	for j, i := range lt.coords {
		d[i] = lt.g[j]*int64(s/lt.strides[j]%lt.dims[j]) + lt.off[j]
	}
}

// rank is the path cell d names, by the rule of rank in table.go, and
// whether it is tied. On the margin basis paths compare by cross-
// multiplying d[i]/scale(i), to which percent minus the reference's is
// proportional.
func (lt *lwTable) rank(d []int64) (top int, tie bool) {
	if lt.basis == byRaw {
		top, _, tie = rank(d, lt.most)
		return top, tie
	}
	n := len(lt.most)
	for i := 1; i < n; i++ {
		if cmpProducts(d[i], lt.scale(top), d[top], lt.scale(i)) > 0 {
			top = i
		}
	}
	for i := range n {
		if i != top && cmpProducts(d[i], lt.scale(top), d[top], lt.scale(i)) == 0 {
			return top, true
		}
	}
	return top, false
}

func (lt *lwTable) scale(i int) int64 {
	if i == lt.ref || lt.most[i] == 0 {
		return 1
	}
	return lt.most[i]
}

// percents fills rel with each path's percent in cell d (on the margin
// basis, minus the reference's, which leaves differences alike).
func (lt *lwTable) percents(d []int64, rel []float64) {
	for i := range lt.most {
		switch {
		case lt.basis == byRaw:
			rel[i] = percent(d[i], lt.most[i])
		case i == lt.ref:
			rel[i] = 0
		default:
			rel[i] = 100 * float64(d[i]) / float64(lt.most[lt.ref]) / float64(lt.scale(i))
		}
	}
}
