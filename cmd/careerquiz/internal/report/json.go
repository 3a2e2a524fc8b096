package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/scoring"
)

// SchemaID names the shape of the JSON result. It changes only when a field
// is renamed or removed; fields may be added under the same name.
const SchemaID = "careerquiz.result/v1"

// The types below are the JSON result, field for field. Their order is the
// order keys are written in: the verdict first, the answers (which can be
// long) last. Lists are never nil, so that they encode as [] and a program
// can iterate without checking for null.
type document struct {
	Schema         string              `json:"schema"`
	Bank           bankJSON            `json:"bank"`
	Recommendation *recommendationJSON `json:"recommendation"`
	Reason         string              `json:"reason,omitempty"`
	Answered       int                 `json:"answered"`
	Skipped        int                 `json:"skipped"`
	Stability      float64             `json:"stability"`
	Warnings       []warningJSON       `json:"warnings"`
	Paths          []pathJSON          `json:"paths"`
	Themes         []themeJSON         `json:"themes"`
	Reasons        reasonsJSON         `json:"reasons"`
	Steps          []stepJSON          `json:"steps"`
	Salary         []string            `json:"salary"`
	Others         []otherJSON         `json:"others"`
	Order          orderJSON           `json:"order"`
	Answers        map[string]any      `json:"answers"`
}

type bankJSON struct {
	Title     string `json:"title"`
	Questions int    `json:"questions"`
	SHA256    string `json:"sha256"`
}

type recommendationJSON struct {
	Path     string           `json:"path"`
	Name     string           `json:"name"`
	Strength scoring.Strength `json:"strength"`
	Margin   float64          `json:"margin"`
	RunnerUp string           `json:"runner_up"`
	Tie      bool             `json:"tie"`
}

type warningJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

type pathJSON struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Percent float64 `json:"percent"`
	// Points and MaxPoints are the sums Percent is made of, so that a
	// program can weigh results of different lengths.
	Points    float64 `json:"points"`
	MaxPoints float64 `json:"max_points"`
}

type themeJSON struct {
	ID       string          `json:"id"`
	Name     string          `json:"name"`
	Answered int             `json:"answered"`
	Paths    []themePathJSON `json:"paths"`
}

type themePathJSON struct {
	ID      string  `json:"id"`
	Percent float64 `json:"percent"`
}

type reasonsJSON struct {
	Toward  []reasonJSON `json:"toward"`
	Against *reasonJSON  `json:"against"`
}

type reasonJSON struct {
	Question string  `json:"question"`
	Text     string  `json:"text"`
	Answer   string  `json:"answer"`
	Points   float64 `json:"points"`
}

type stepJSON struct {
	Theme     string `json:"theme"`
	ThemeName string `json:"theme_name"`
	Text      string `json:"text"`
	Why       string `json:"why"`
}

type otherJSON struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Summary string  `json:"summary"`
	Percent float64 `json:"percent"`
}

type orderJSON struct {
	Shuffled bool `json:"shuffled"`
	// Seed is left out when the questions were asked in bank order, where
	// no seed was used.
	Seed *int64 `json:"seed,omitempty"`
}

// WriteJSON writes r as one JSON document, indented by two spaces and ending
// in a newline. The same Run always gives the same bytes: nothing in the
// document depends on the clock, and map keys are sorted. Percents and
// margins are rounded to one decimal, stability and points to three. On
// error nothing is written.
func WriteJSON(w io.Writer, r Run) error {
	doc, err := newDocument(r)
	if err != nil {
		return err
	}
	out, ok := doc.appendJSON(make([]byte, 0, 8<<10))
	if !ok {
		// An answer value of a kind the writer does not know: let
		// encoding/json write it, as it always did.
		if out, err = doc.marshal(); err != nil {
			return err
		}
	}
	_, err = w.Write(out)
	return err
}

// marshal encodes the document with encoding/json. It defines the bytes
// WriteJSON writes: appendJSON must give exactly the same, and
// json_test.go holds it to that.
func (d *document) marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	// Bank text such as "Design & build" reads better unescaped, and the
	// document is never embedded in HTML.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("report: encode result: %w", err)
	}
	return buf.Bytes(), nil
}

// appendJSON appends the document to b, byte for byte as marshal would
// write it, without reflection. It exists for start-up time: careerquiz
// writes one document per process, and encoding/json spends most of a
// first call building its encoders for the document's types (about
// 0.2 ms, a tenth of the whole run), while this takes microseconds. It
// reports false, having written something unusable, when an answer holds
// a value other than an int, a []int or a string, or a number is not
// finite; marshal then decides what to write or which error to give.
//
// Keys are written in the order of the document struct's fields, and a
// field added there must be added here too: the differential tests fail
// until it is.
func (d *document) appendJSON(b []byte) ([]byte, bool) {
	w := jsonWriter{b: b, ok: true}
	w.open('{')
	w.key("schema")
	w.string(d.Schema)
	w.key("bank")
	w.open('{')
	w.key("title")
	w.string(d.Bank.Title)
	w.key("questions")
	w.int(d.Bank.Questions)
	w.key("sha256")
	w.string(d.Bank.SHA256)
	w.close('}')
	w.key("recommendation")
	if rec := d.Recommendation; rec == nil {
		w.null()
	} else {
		w.open('{')
		w.key("path")
		w.string(rec.Path)
		w.key("name")
		w.string(rec.Name)
		w.key("strength")
		w.string(string(rec.Strength))
		w.key("margin")
		w.float(rec.Margin)
		w.key("runner_up")
		w.string(rec.RunnerUp)
		w.key("tie")
		w.bool(rec.Tie)
		w.close('}')
	}
	if d.Reason != "" { // omitempty
		w.key("reason")
		w.string(d.Reason)
	}
	w.key("answered")
	w.int(d.Answered)
	w.key("skipped")
	w.int(d.Skipped)
	w.key("stability")
	w.float(d.Stability)
	w.key("warnings")
	w.open('[')
	for _, wn := range d.Warnings {
		w.next()
		w.open('{')
		w.key("code")
		w.string(wn.Code)
		w.key("message")
		w.string(wn.Message)
		w.close('}')
	}
	w.close(']')
	w.key("paths")
	w.open('[')
	for _, p := range d.Paths {
		w.next()
		w.open('{')
		w.key("id")
		w.string(p.ID)
		w.key("name")
		w.string(p.Name)
		w.key("percent")
		w.float(p.Percent)
		w.key("points")
		w.float(p.Points)
		w.key("max_points")
		w.float(p.MaxPoints)
		w.close('}')
	}
	w.close(']')
	w.key("themes")
	w.open('[')
	for _, th := range d.Themes {
		w.next()
		w.open('{')
		w.key("id")
		w.string(th.ID)
		w.key("name")
		w.string(th.Name)
		w.key("answered")
		w.int(th.Answered)
		w.key("paths")
		w.open('[')
		for _, p := range th.Paths {
			w.next()
			w.open('{')
			w.key("id")
			w.string(p.ID)
			w.key("percent")
			w.float(p.Percent)
			w.close('}')
		}
		w.close(']')
		w.close('}')
	}
	w.close(']')
	w.key("reasons")
	w.open('{')
	w.key("toward")
	w.open('[')
	for i := range d.Reasons.Toward {
		w.next()
		w.reason(&d.Reasons.Toward[i])
	}
	w.close(']')
	w.key("against")
	if d.Reasons.Against == nil {
		w.null()
	} else {
		w.reason(d.Reasons.Against)
	}
	w.close('}')
	w.key("steps")
	w.open('[')
	for _, s := range d.Steps {
		w.next()
		w.open('{')
		w.key("theme")
		w.string(s.Theme)
		w.key("theme_name")
		w.string(s.ThemeName)
		w.key("text")
		w.string(s.Text)
		w.key("why")
		w.string(s.Why)
		w.close('}')
	}
	w.close(']')
	w.key("salary")
	w.open('[')
	for _, s := range d.Salary {
		w.next()
		w.string(s)
	}
	w.close(']')
	w.key("others")
	w.open('[')
	for _, o := range d.Others {
		w.next()
		w.open('{')
		w.key("id")
		w.string(o.ID)
		w.key("name")
		w.string(o.Name)
		w.key("summary")
		w.string(o.Summary)
		w.key("percent")
		w.float(o.Percent)
		w.close('}')
	}
	w.close(']')
	w.key("order")
	w.open('{')
	w.key("shuffled")
	w.bool(d.Order.Shuffled)
	if d.Order.Seed != nil { // omitempty
		w.key("seed")
		w.b = strconv.AppendInt(w.b, *d.Order.Seed, 10)
	}
	w.close('}')
	w.key("answers")
	w.answers(d.Answers)
	w.close('}')
	// json.Encoder ends every document with a newline.
	w.b = append(w.b, '\n')
	return w.b, w.ok
}

// jsonWriter appends indented JSON as json.Encoder with SetIndent("", "  ")
// lays it out: each member or element on its own line, "key": value with
// one space, and an empty object or array as {} or [].
type jsonWriter struct {
	b     []byte
	depth int
	// empty is true while the innermost open object or array has no member
	// or element yet.
	empty bool
	// ok turns false on a value the writer cannot write as encoding/json
	// would.
	ok bool
}

func (w *jsonWriter) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
	w.empty = true
}

func (w *jsonWriter) close(c byte) {
	w.depth--
	if !w.empty {
		w.newline()
	}
	w.b = append(w.b, c)
	w.empty = false
}

// next starts a member or element: a comma after the one before, then a new
// line at the current depth.
func (w *jsonWriter) next() {
	if !w.empty {
		w.b = append(w.b, ',')
	}
	w.empty = false
	w.newline()
}

func (w *jsonWriter) newline() {
	w.b = append(w.b, '\n')
	for range w.depth {
		w.b = append(w.b, ' ', ' ')
	}
}

// key starts an object member. The document's own keys are plain ASCII,
// but answer keys come from a file, so every key is escaped.
func (w *jsonWriter) key(k string) {
	w.next()
	w.string(k)
	w.b = append(w.b, ':', ' ')
}

func (w *jsonWriter) null() { w.b = append(w.b, "null"...) }

func (w *jsonWriter) bool(v bool) { w.b = strconv.AppendBool(w.b, v) }

func (w *jsonWriter) int(n int) { w.b = strconv.AppendInt(w.b, int64(n), 10) }

// float writes f as encoding/json writes a float64: like ES6's number to
// string conversion, in 'f' form but for magnitudes below 1e-6 or from
// 1e21 up, which take 'e' form with an unpadded exponent (1e-7, not
// 1e-07). round has already made -0 and non-finite numbers 0; should one
// get here anyway, the writer gives up and marshal reports the error.
func (w *jsonWriter) float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.ok = false
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	w.b = strconv.AppendFloat(w.b, f, format, -1, 64)
	if format == 'e' {
		if n := len(w.b); n >= 4 && w.b[n-4] == 'e' && w.b[n-3] == '-' && w.b[n-2] == '0' {
			w.b[n-2] = w.b[n-1]
			w.b = w.b[:n-1]
		}
	}
}

// string writes s quoted, escaped as encoding/json escapes it with HTML
// escaping off: quote and backslash get a backslash; \b, \f, \n, \r
// and \t their short forms; other bytes below 0x20 \u00XX with lowercase
// hex; each byte of invalid UTF-8 \ufffd; and U+2028 and U+2029, which
// break JavaScript, \u2028 and \u2029. Everything else, DEL and <, > and &
// included, is written as it is.
func (w *jsonWriter) string(s string) {
	const hex = "0123456789abcdef"
	b := append(w.b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	w.b = append(b, '"')
}

func (w *jsonWriter) reason(r *reasonJSON) {
	w.open('{')
	w.key("question")
	w.string(r.Question)
	w.key("text")
	w.string(r.Text)
	w.key("answer")
	w.string(r.Answer)
	w.key("points")
	w.float(r.Points)
	w.close('}')
}

// answers writes the answers object with its keys sorted byte-wise, as
// encoding/json sorts map keys. Values are what quiz.Bank.AnswerValues
// gives: an option number, a list of them, or "skip".
func (w *jsonWriter) answers(m map[string]any) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w.open('{')
	for _, k := range keys {
		w.key(k)
		switch v := m[k].(type) {
		case int:
			w.int(v)
		case string:
			w.string(v)
		case []int:
			if v == nil {
				w.null()
				break
			}
			w.open('[')
			for _, n := range v {
				w.next()
				w.int(n)
			}
			w.close(']')
		default:
			w.ok = false
		}
	}
	w.close('}')
}

func newDocument(r Run) (document, error) {
	if r.Bank == nil {
		return document{}, errNoBank
	}
	res := r.Result
	doc := document{
		Schema: SchemaID,
		Bank: bankJSON{
			Title:     clean(r.Bank.Title),
			Questions: len(r.Bank.Questions),
			SHA256:    r.Bank.SHA256,
		},
		Reason:    clean(res.Reason),
		Answered:  res.Answered,
		Skipped:   res.Skipped,
		Stability: round(res.Stability, 3),
		Warnings:  make([]warningJSON, 0, len(res.Warnings)),
		Paths:     make([]pathJSON, 0, len(res.Paths)),
		Themes:    make([]themeJSON, 0, len(res.Themes)),
		Reasons:   reasonsJSON{Toward: make([]reasonJSON, 0, len(res.Toward))},
		Steps:     make([]stepJSON, 0, len(res.Steps)),
		Salary:    make([]string, 0, len(res.Salary)),
		Others:    make([]otherJSON, 0, len(res.Others)),
		Order:     orderJSON{Shuffled: r.Shuffled},
		Answers:   r.Answers,
	}
	if rec := res.Recommendation; rec != nil {
		doc.Recommendation = &recommendationJSON{
			Path:     rec.Path,
			Name:     clean(rec.Name),
			Strength: rec.Strength,
			Margin:   round(rec.Margin, 1),
			RunnerUp: rec.RunnerUp,
			Tie:      rec.Tie,
		}
	}
	for _, wn := range res.Warnings {
		doc.Warnings = append(doc.Warnings, warningJSON{Code: wn.Code, Message: clean(wn.Message)})
	}
	for _, p := range res.Paths {
		doc.Paths = append(doc.Paths, pathJSON{
			ID:        p.ID,
			Name:      clean(p.Name),
			Percent:   round(p.Percent, 1),
			Points:    round(p.Raw, 3),
			MaxPoints: round(p.Most, 3),
		})
	}
	for _, th := range res.Themes {
		tj := themeJSON{
			ID:       th.ID,
			Name:     clean(th.Name),
			Answered: th.Answered,
			Paths:    make([]themePathJSON, 0, len(th.Paths)),
		}
		for _, p := range th.Paths {
			tj.Paths = append(tj.Paths, themePathJSON{ID: p.ID, Percent: round(p.Percent, 1)})
		}
		doc.Themes = append(doc.Themes, tj)
	}
	for _, rs := range res.Toward {
		doc.Reasons.Toward = append(doc.Reasons.Toward, newReasonJSON(rs))
	}
	if res.Against != nil {
		a := newReasonJSON(*res.Against)
		doc.Reasons.Against = &a
	}
	for _, s := range res.Steps {
		doc.Steps = append(doc.Steps, stepJSON{
			Theme:     s.Theme,
			ThemeName: clean(s.ThemeName),
			Text:      clean(s.Text),
			Why:       clean(s.Why),
		})
	}
	for _, s := range res.Salary {
		doc.Salary = append(doc.Salary, clean(s))
	}
	for _, o := range res.Others {
		doc.Others = append(doc.Others, otherJSON{
			ID:      o.ID,
			Name:    clean(o.Name),
			Summary: clean(o.Summary),
			Percent: round(o.Percent, 1),
		})
	}
	if r.Shuffled {
		seed := r.Seed
		doc.Order.Seed = &seed
	}
	if doc.Answers == nil {
		doc.Answers = map[string]any{}
	}
	return doc, nil
}

func newReasonJSON(r scoring.Reason) reasonJSON {
	return reasonJSON{
		Question: r.Question,
		Text:     clean(r.Text),
		Answer:   clean(r.Answer),
		Points:   round(r.Points, 3),
	}
}
