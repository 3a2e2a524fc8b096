package scoring

import (
	"cmp"
	"math"
	"slices"

	"github.com/careerquiz/careerquiz/quiz"
)

// QuickRisk is the chance of another path, had every question been
// answered, below which the quick stop ends the quiz.
const QuickRisk = 0.02

// settleBudget bounds the states one Settled call may visit: far above what
// a bank of a few dozen questions needs, it keeps a bank of hundreds from
// taking seconds. Past it Settled says "not settled", which only asks more.
const settleBudget = 4e6

// Stopper decides when a quiz may stop early, for one bank, by one of two
// stops: Settled (exact: no way of answering the rest could change the
// standing; ask in Order) or Quick (the chance of another path is below
// QuickRisk under a model fitted to the person's answers; ask Quick's
// Next). A settled quiz stays settled whatever is answered next. A result
// stopped early is ScoreAsked's result of the questions asked; a quiz that
// stops still asks Profile's questions.
//
// Its decisions are pure functions of the answers so far and the questions
// not yet asked, so going back, changing or skipping an answer, and
// resuming need nothing but calling again. It keeps scratch space between
// calls, so one Stopper serves one quiz at a time.
type Stopper struct {
	// QuickKeeps is what the quick stop keeps; KeepPath unless set.
	QuickKeeps Keep

	s     *Scorer
	b     *quiz.Bank
	t     *table
	index map[string]int
	order []int
	// slight[k] is the balanced band for k answers, as Score widens it.
	slight []float64
	ws     searchSpace
}

// NewStopper prepares stopping decisions for the scorer's bank.
func NewStopper(s *Scorer) *Stopper {
	st := &Stopper{s: s, b: s.b, t: &s.t, index: map[string]int{}}
	for k := range st.t.scored + 1 {
		st.slight = append(st.slight, s.bandsFor(k).Slight)
	}
	// The asking order (see Order): a profile question's reach of -1 puts
	// it after every scored one.
	t, n, most := st.t, st.t.paths, st.t.most()
	reach := make([]float64, len(t.rows))
	st.order = make([]int, len(t.rows))
	for qi := range t.rows {
		r := &t.rows[qi]
		st.index[s.b.Questions[qi].ID], st.order[qi] = qi, qi
		if !r.scored {
			reach[qi] = -1
			continue
		}
		// A swing and its reverse span the same range, so each pair of
		// paths is tried one way round.
		d := make([]float64, r.opts)
		for p := range n {
			for q := p + 1; q < n; q++ {
				for o := range r.opts {
					d[o] = swing(r.weights(o, n), most, p, q)
				}
				hi, lo := answerRange(r, d)
				reach[qi] = max(reach[qi], hi-lo)
			}
		}
	}
	slices.SortStableFunc(st.order, func(a, b int) int { return cmp.Compare(reach[b], reach[a]) })
	return st
}

// Order is the order the settled stop asks the bank's questions in: the
// scored questions by reach, widest first and equal reaches in bank order,
// then the profile questions in bank order. A question's reach is the
// widest swing its answer can make, over every ordered pair of paths, in
// the margin between them with every question answered. Leaving the narrow
// swings for last settles soonest.
func (st *Stopper) Order() []string {
	ids := make([]string, len(st.order))
	for i, qi := range st.order {
		ids[i] = st.b.Questions[qi].ID
	}
	return ids
}

// Profile is the profile (unscored) questions among notAsked, in bank
// order: a quiz that stops early still asks them, since the steps need them.
func (st *Stopper) Profile(notAsked []string) []string {
	var ids []string
	for _, qi := range st.order {
		id := st.b.Questions[qi].ID
		if !st.t.rows[qi].scored && slices.Contains(notAsked, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// standing is what the settled stop keeps fixed: the path a result names
// (pathNone for a tie, pathWithheld without a recommendation) and whether
// it is a preference rather than balanced.
type standing struct {
	path       int
	preference bool
}

const (
	pathNone     = -1
	pathWithheld = -2
)

// standingOf is the standing, by Score's rules, of sums over k answers out
// of total scored questions.
func (st *Stopper) standingOf(raw, most []int64, k, total int) standing {
	if withhold(st.b, total, k, most) != "" {
		return standing{path: pathWithheld}
	}
	top, second, tie := rank(raw, most)
	if tie {
		return standing{path: pathNone}
	}
	rs, ms := int64(0), int64(0)
	if second >= 0 {
		rs, ms = raw[second], most[second]
	}
	return standing{path: top, preference: st.leads(k, raw[top], most[top], rs, ms)}
}

// leads reports whether percent a (rawA/mostA) leads percent b by at least
// the balanced band for k answers: by floating point where they are clearly
// apart, and exactly, as Score judges a strength, where they are close.
func (st *Stopper) leads(k int, rawA, mostA, rawB, mostB int64) bool {
	switch m, band := percent(rawA, mostA)-percent(rawB, mostB), st.slight[min(k, len(st.slight)-1)]; {
	case m > band+1e-6:
		return true
	case m < band-1e-6:
		return false
	}
	return strength(st.s.bandsFor(k), exactMargin(rawA, mostA, rawB, mostB)) != Balanced
}

// Settle is the settled stop's answer after an answer.
type Settle struct {
	// Settled is true when no way of answering the scored questions not
	// yet asked could change the standing.
	Settled bool
	// Left is the number of scored questions not yet asked.
	Left int
	// Exact is false when the bank was too large to decide within the
	// budget, and Settled false for that reason alone.
	Exact bool
}

// Settled decides, given the answers so far and the questions not yet
// asked (by id; profile questions among them are ignored), whether any
// completion (each question answered in any way, or skipped) could change
// the recommended path, or turn a preference into no clear preference or
// back. Stopping now is itself the completion that skips them all, so a
// settled result is the result of answering every question.
//
// The standing changes only if for some pair of paths a completion moves
// one percent past the other or the lead across the band, and each such
// question is an exact search (see search). With three or more paths, a
// tie is settled only if no completion breaks it or lifts a third path to
// it, which may ask more than needed but never less.
func (st *Stopper) Settled(a quiz.Answers, notAsked []string) Settle {
	pr := st.s.read(a, notAsked)
	res := Settle{Left: len(pr.rest), Exact: true}
	now := st.standingOf(pr.raw, pr.most, len(pr.done), st.t.scored)
	if len(pr.rest) == 0 {
		res.Settled = true
		return res
	}
	if now.path == pathWithheld {
		// Only if no completion could reach enough answers.
		res.Settled = len(pr.done)+len(pr.rest) < needed(st.b.Scoring.MinAnswered, st.t.scored)
		return res
	}
	st.ws.visited = 0
	n := st.t.paths
	changes := false
	find := func(paths []int, dir []int64, hit func(raw, most []int64, k int) bool) {
		if changes || !res.Exact {
			return
		}
		changes, res.Exact = st.search(pr, paths, dir, hit)
	}
	p := now.path
	switch {
	case now.path == pathNone:
		top, second, _ := rank(pr.raw, pr.most)
		for _, d := range []int64{1, -1} {
			find([]int{top, second}, []int64{d, -d}, func(raw, most []int64, _ int) bool {
				return cmpPercent(raw[0], most[0], raw[1], most[1]) == int(d)
			})
		}
		for r := range n {
			if r != top && r != second {
				find([]int{r, top}, []int64{1, -1}, func(raw, most []int64, _ int) bool {
					return cmpPercent(raw[0], most[0], raw[1], most[1]) >= 0
				})
			}
		}
	default:
		// A preference must keep its lead over every other path. A
		// balanced p must stay strictly ahead of each, and no completion
		// may lead every one of them by the band.
		all, dir := []int{p}, []int64{1}
		for q := range n {
			if q == p {
				continue
			}
			all, dir = append(all, q), append(dir, -1)
			find([]int{p, q}, []int64{-1, 1}, func(raw, most []int64, k int) bool {
				if now.preference {
					return !st.leads(k, raw[0], most[0], raw[1], most[1])
				}
				return cmpPercent(raw[0], most[0], raw[1], most[1]) <= 0
			})
		}
		if now.preference {
			if n == 1 {
				// A single path's lead is over nothing.
				find([]int{p}, []int64{-1}, func(raw, most []int64, k int) bool {
					return !st.leads(k, raw[0], most[0], 0, 0)
				})
			}
			break
		}
		find(all, dir, func(raw, most []int64, k int) bool {
			if len(raw) == 1 {
				return st.leads(k, raw[0], most[0], 0, 0)
			}
			for i := 1; i < len(raw); i++ {
				if !st.leads(k, raw[0], most[0], raw[i], most[i]) {
					return false
				}
			}
			return true
		})
	}
	res.Settled = !changes && res.Exact
	return res
}

// searchSpace is scratch space for search, kept between calls.
type searchSpace struct {
	visited float64
	stamp   []int32 // per key: the generation that last set head
	head    []int32
	gen     int32
	cur     searchStates
	next    searchStates
}

// searchStates are search states, one per element: a key, raws and mosts
// over the tracked paths, the number answered, and a chain to the next
// state of the same key.
type searchStates struct {
	key   []int
	raw   []int64
	most  []int64
	k     []int
	chain []int32
	alive []bool
}

func (s *searchStates) reset() {
	s.key, s.raw, s.most, s.k = s.key[:0], s.raw[:0], s.most[:0], s.k[:0]
	s.chain, s.alive = s.chain[:0], s.alive[:0]
}

// maxKeys bounds the dense table of keys a search indexes its searchStates by
// (16 MiB of int32s); a larger space counts as over budget.
const maxKeys = 1 << 21

// search reports whether some completion of pr reaches final sums for
// which hit holds. hit sees the raws and mosts of the given paths, in that
// order, and the number answered, and must be monotone in dir: if it holds
// for some sums, it holds for any with the same mosts and count whose raws
// are no smaller where dir is 1 and no larger where it is −1.
//
// It is a dynamic programme over the questions, a state being the count
// answered, the mosts and the raws. States with the same count and mosts
// end alike whatever follows, so one whose raws are no better in dir than
// another's is dropped, and of each question only the answers no other
// beats in dir are tried. Every state is itself a completion (the rest
// skipped), so hit is tried on each. ok is false when the budget ran out.
func (st *Stopper) search(pr sofar, paths []int, dir []int64, hit func(raw, most []int64, k int) bool) (found, ok bool) {
	t := st.t
	n, m := t.paths, len(paths)
	ws := &st.ws
	raw0, most0 := make([]int64, m), make([]int64, m)
	for i, p := range paths {
		raw0[i], most0[i] = pr.raw[p], pr.most[p]
	}
	if hit(raw0, most0, len(pr.done)) {
		return true, true
	}
	better := func(x, y []int64) bool { // x at least as good as y in dir
		for i := range x {
			if dir[i]*(x[i]-y[i]) < 0 {
				return false
			}
		}
		return true
	}
	// Each question's undominated answers, as raws over the tracked paths.
	answers := make([][][]int64, len(pr.rest))
	// final is the tracked mosts with every question answered, and g the
	// greatest common divisor of the questions' bests on each.
	final, g := slices.Clone(most0), make([]int64, m)
	for j, qi := range pr.rest {
		r := &t.rows[qi]
		var set [][]int64
		add := func(v []int64) {
			if !slices.ContainsFunc(set, func(u []int64) bool { return better(u, v) }) {
				set = append(slices.DeleteFunc(set, func(u []int64) bool { return better(v, u) }), v)
			}
		}
		for o := range r.opts {
			w := r.weights(o, n)
			v := make([]int64, m)
			for i, p := range paths {
				v[i] = w[p]
			}
			if r.kind.Multiple() {
				for _, u := range slices.Clone(set) {
					s := slices.Clone(u)
					for i := range s {
						s[i] += v[i]
					}
					add(s)
				}
			}
			add(v)
		}
		answers[j] = set
		for i, p := range paths {
			final[i] += r.best[p]
			g[i] = gcd(g[i], r.best[p])
		}
	}

	// A first try: every question answered the way that helps hit most
	// when the mosts are those of answering them all.
	pull := func(v []int64) (x float64) { // how far v moves the percents in dir
		for i := range v {
			x += float64(dir[i]) * percent(v[i], final[i])
		}
		return x
	}
	greedy, k := slices.Clone(raw0), len(pr.done)
	for j := range pr.rest {
		if len(answers[j]) == 0 {
			continue
		}
		k++
		pick := slices.MaxFunc(answers[j], func(x, y []int64) int { return cmp.Compare(pull(x), pull(y)) })
		for i := range greedy {
			greedy[i] += pick[i]
		}
	}
	if hit(greedy, final, k) {
		return true, true
	}

	// Keys: the count answered and each tracked most's increase, in units
	// of the increases' common divisor, in mixed radix.
	size := float64(len(pr.rest) + 1)
	strides := make([]int, m)
	stride := len(pr.rest) + 1
	for i := range m {
		span := 0
		if g[i] > 0 {
			span = int((final[i] - most0[i]) / g[i])
		}
		strides[i] = stride
		size *= float64(span + 1)
		stride *= span + 1
	}
	if size > maxKeys {
		return false, false
	}
	if len(ws.stamp) < int(size) {
		ws.stamp = make([]int32, int(size))
		ws.head = make([]int32, int(size))
		ws.gen = 0
	}
	cur, next := &ws.cur, &ws.next
	cur.reset()
	// push adds a state, chained to the states of the same key that this
	// generation pushed before it.
	push := func(s *searchStates, key int, raw, most []int64, k int) {
		s.key = append(s.key, key)
		s.raw = append(s.raw, raw...)
		s.most = append(s.most, most...)
		s.k = append(s.k, k)
		s.chain = append(s.chain, -1)
		s.alive = append(s.alive, true)
		at := int32(len(s.key) - 1)
		if ws.stamp[key] == ws.gen {
			s.chain[at] = ws.head[key]
		}
		ws.stamp[key], ws.head[key] = ws.gen, at
	}
	push(cur, 0, raw0, most0, len(pr.done))
	rawV, mostV := make([]int64, m), make([]int64, m)
	for j, qi := range pr.rest {
		if len(answers[j]) == 0 {
			continue
		}
		r := &t.rows[qi]
		step := 1
		for i, p := range paths {
			if g[i] > 0 {
				step += int(r.best[p]/g[i]) * strides[i]
			}
		}
		ws.gen++
		if ws.gen == math.MaxInt32 {
			clear(ws.stamp)
			ws.gen = 1
		}
		next.reset()
		// Skipping the question keeps every state as it is.
		for s := range cur.key {
			if !cur.alive[s] {
				continue
			}
			push(next, cur.key[s], cur.raw[s*m:(s+1)*m], cur.most[s*m:(s+1)*m], cur.k[s])
		}
		for s := range cur.key {
			if !cur.alive[s] {
				continue
			}
			ws.visited += float64(len(answers[j]))
			if ws.visited > settleBudget {
				return false, false
			}
			key := cur.key[s] + step
			for i, p := range paths {
				mostV[i] = cur.most[s*m+i] + r.best[p]
			}
		answer:
			for _, v := range answers[j] {
				for i := range m {
					rawV[i] = cur.raw[s*m+i] + v[i]
				}
				if ws.stamp[key] == ws.gen {
					for e := ws.head[key]; e >= 0; e = next.chain[e] {
						if !next.alive[e] {
							continue
						}
						old := next.raw[int(e)*m : int(e+1)*m]
						if better(old, rawV) {
							continue answer
						}
						if better(rawV, old) {
							next.alive[e] = false
						}
					}
				}
				if hit(rawV, mostV, cur.k[s]+1) {
					return true, true
				}
				push(next, key, rawV, mostV, cur.k[s]+1)
			}
		}
		cur, next = next, cur
	}
	ws.cur, ws.next = *cur, *next
	return false, true
}
