package quiz

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/internal/suggest"
)

const answerSkip = "skip" // the answer that skips a question

// ResultSchema names the JSON result document, defined here where a saved
// result is read back as answers. It changes only when a field is renamed
// or removed; fields may be added under the same name.
const (
	ResultSchema       = "careerquiz.result/v1"
	resultSchemaFamily = "careerquiz.result/"
)

// A file of answers for another bank could hold thousands of problems:
// past maxProblems they are only counted, and past maxSuggestions unknown
// questions get no "did you mean", a search over the whole bank each.
const (
	maxProblems    = 100
	maxSuggestions = 25
)

// ParseAnswers reads an answers file, named file in messages: TOML or JSON
// with one key per question id, or a saved result, whose "answers" are used.
// Content that starts with "{" is JSON whatever the name says (a saved
// result renamed to .toml still replays); otherwise .json says JSON.
// Questions left out, answered "skip" or an empty list are skipped. An error
// wraps ErrTooLarge, or is a *SyntaxError for a file that is not UTF-8, TOML
// or JSON, or Problems listing, in file order, every answer that does not fit.
func ParseAnswers(b *Bank, file string, data []byte) (Answers, error) {
	if b == nil {
		b = &Bank{}
	}
	if err := checkText(file, data, "an answers file"); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a byte order mark, which JSON refuses
	r := &answersReader{bank: b, file: file, data: data,
		isJSON: bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("{")) || strings.EqualFold(filepath.Ext(file), ".json")}
	entries, err := r.entries()
	if err != nil {
		return nil, err
	}
	answers := r.resolve(entries)
	if r.unlisted > 0 {
		r.problems = append(r.problems, Problem{File: file,
			Message: fmt.Sprintf("%d more problems not listed; was this file written for another question bank?", r.unlisted)})
	}
	if len(r.problems) > 0 {
		return nil, r.problems
	}
	return answers, nil
}

// AnswerValues is the inverse of ParseAnswers: every question's value as an
// answers file holds it (an option number from 1, a list of them, "skip").
// An answer that does not fit its question (two picks for a choice question)
// is written as a list, so that reading it back fails rather than quietly
// dropping a pick.
func (b *Bank) AnswerValues(a Answers) map[string]any {
	values := make(map[string]any, len(b.Questions))
	for _, q := range b.Questions {
		var nums []int
		for _, p := range a[q.ID].Picks {
			nums = append(nums, p+1)
		}
		values[q.ID] = nums
		if len(nums) == 0 {
			values[q.ID] = answerSkip
		} else if !q.Multiple() && len(nums) == 1 {
			values[q.ID] = nums[0]
		}
	}
	return values
}

// answerEntry is one key of an answers file with its line and its value, as
// the TOML decoder or the JSON one with UseNumber gives it; a JSON object
// comes as its entries, in file order, repeated keys included.
type answerEntry struct {
	key   string
	line  int
	value any
}

type answersReader struct {
	bank      *Bank
	file      string
	data      []byte
	isJSON    bool
	loc       *locator
	at, lines int // the last offset given a line, and the line breaks before it
	problems  Problems
	// unlisted counts the problems past maxProblems; suggested the unknown
	// questions searched for a near id.
	unlisted, suggested int
}

func (r *answersReader) problem(line int, question, format string, args ...any) {
	if len(r.problems) >= maxProblems {
		r.unlisted++
		return
	}
	r.problems = append(r.problems, Problem{File: r.file, Line: line, Question: question,
		Message: fmt.Sprintf(format, args...)})
}

// entries decodes the file into its top-level keys, in file order, or into
// the keys of the "answers" of a saved result.
func (r *answersReader) entries() ([]answerEntry, error) {
	if !r.isJSON {
		doc, err := decodeTOML(r.file, string(r.data), "invalid TOML: ", "an answer is a number, an id or one list of them")
		if err != nil {
			return nil, err
		}
		r.loc = newLocator(string(r.data))
		return r.savedResult(r.tomlTable(doc, "")), nil
	}
	// Unmarshal checks the whole document, placing its syntax errors in the
	// file, before the streaming decoder reads it token by token.
	var se *json.SyntaxError
	if err := json.Unmarshal(r.data, new(json.RawMessage)); errors.As(err, &se) {
		off := int(se.Offset) - 1
		if se.Offset >= int64(len(r.data)) {
			off = len(r.data)
		}
		line, col := position(string(r.data), max(off, 0))
		return nil, newSyntaxError(r.file, string(r.data), line, col, "invalid JSON: "+se.Error(), err)
	}
	dec := json.NewDecoder(bytes.NewReader(r.data))
	dec.UseNumber()
	top, ok := r.jsonValue(dec).([]answerEntry)
	if !ok {
		line, col := position(string(r.data), len(r.data)-len(bytes.TrimLeft(r.data, " \t\r\n")))
		return nil, newSyntaxError(r.file, string(r.data), line, col,
			"an answers file holds a JSON object with one key per question id", nil)
	}
	return r.savedResult(top), nil
}

// tomlTable lists the keys of a table in file order, each at the line of
// its key or header.
func (r *answersReader) tomlTable(table map[string]any, name string) []answerEntry {
	entries := make([]answerEntry, 0, len(table))
	for k, v := range table {
		at := joinKey(name, k)
		if _, ok := v.([]map[string]any); ok {
			at += "[0]" // an array of tables is placed by its first element
		}
		entries = append(entries, answerEntry{key: k, value: v, line: r.loc.line(at)})
	}
	slices.SortFunc(entries, func(a, b answerEntry) int { return cmp.Or(a.line-b.line, strings.Compare(a.key, b.key)) })
	return entries
}

// jsonValue reads the next value of a document known to be valid JSON.
func (r *answersReader) jsonValue(dec *json.Decoder) any {
	tok, _ := dec.Token()
	switch tok {
	case json.Delim('['):
		list := []any{}
		for dec.More() {
			list = append(list, r.jsonValue(dec))
		}
		dec.Token()
		return list
	case json.Delim('{'):
		entries := []answerEntry{}
		for dec.More() {
			key, _ := dec.Token()
			line := r.line(int(dec.InputOffset()) - 1)
			entries = append(entries, answerEntry{key: key.(string), line: line, value: r.jsonValue(dec)})
		}
		dec.Token()
		return entries
	}
	return tok
}

// savedResult tells a saved result, whose top-level "schema" names the
// result document, from an answers file. It returns the entries to resolve:
// the file's, the result's "answers", or none after recording why not.
func (r *answersReader) savedResult(entries []answerEntry) []answerEntry {
	var schema, answers *answerEntry
	for i := range entries {
		switch entries[i].key {
		case "schema":
			schema = &entries[i]
		case "answers":
			answers = &entries[i]
		}
	}
	if schema == nil {
		return entries
	}
	name, _ := schema.value.(string)
	switch {
	case !strings.HasPrefix(name, resultSchemaFamily):
		return entries
	case name != ResultSchema:
		r.problem(schema.line, "", "the saved result has schema %s; this version of careerquiz reads %q", quoteValue(name), ResultSchema)
	case answers == nil:
		r.problem(schema.line, "", `the saved result has no "answers" %s`, r.word("object", "table"))
	default:
		switch v := answers.value.(type) {
		case []answerEntry:
			return v
		case map[string]any:
			return r.tomlTable(v, answers.key)
		}
		r.problem(answers.line, "", `the saved result's "answers" must be %s with one key per question id, not %s`,
			r.word("an object", "a table"), r.describe(answers.value))
	}
	return nil
}

// resolve checks each entry against the bank and turns it into an answer,
// recording a problem for each one that does not fit.
func (r *answersReader) resolve(entries []answerEntry) Answers {
	index := make(map[string]int, len(r.bank.Questions))
	for i, q := range r.bank.Questions {
		index[q.ID] = i
	}
	answers := make(Answers, len(entries))
	first := make(map[string]int, len(entries)) // line of each question's first answer
	for _, e := range entries {
		qi, known := index[e.key]
		if !known {
			why := "the bank has no question with this id"
			if r.suggested < maxSuggestions {
				r.suggested++
				if near := suggest.Closest(e.key, ids(r.bank.Questions, func(q *Question) string { return q.ID })); near != "" {
					why = fmt.Sprintf("did you mean %q?", near)
				}
			}
			r.problem(e.line, "", "unknown question %s; %s", quoteValue(e.key), why)
			continue
		}
		if line, dup := first[e.key]; dup {
			r.problem(e.line, e.key, "answered twice; the first answer is on line %d", line)
			continue
		}
		first[e.key] = e.line
		if picks, ok := r.picks(&r.bank.Questions[qi], e); ok && len(picks) > 0 {
			answers[e.key] = Answer{Picks: picks}
		}
	}
	return answers
}

// picks reads one question's answer. ok is false when a problem was
// recorded; no picks with ok means the question was skipped.
func (r *answersReader) picks(q *Question, e answerEntry) (picks []int, ok bool) {
	items, isList := e.value.([]any)
	switch {
	case e.value == answerSkip:
		return nil, true
	case !isList:
		items = []any{e.value}
	case !q.Multiple():
		r.problem(e.line, q.ID, "takes one option, not a list; write one option number from 1 to %d", len(q.Options))
		return nil, false
	}
	ok = true
	for i, item := range items {
		pick, msg := r.option(q, item, isList)
		if isList && item == answerSkip {
			msg = `"skip" skips the whole question; write "skip" or [] in place of the list`
		}
		if isList && msg != "" {
			msg = fmt.Sprintf("item %d: %s", i+1, msg)
		} else if msg == "" && slices.Contains(picks, pick) {
			msg = fmt.Sprintf("option %d is picked twice", pick+1)
		}
		if msg != "" {
			r.problem(e.line, q.ID, "%s", msg)
			ok = false
		} else {
			picks = append(picks, pick)
		}
	}
	slices.Sort(picks)
	return picks, ok
}

// option reads one option number or id and returns its 0-based index, or a
// message saying what is wrong with it.
func (r *answersReader) option(q *Question, v any, inList bool) (int, string) {
	n := len(q.Options)
	var text string
	whole := true // written as a whole number, not as a float
	switch v := v.(type) {
	case int64:
		text = strconv.FormatInt(v, 10)
	case json.Number:
		text, whole = v.String(), !strings.ContainsAny(v.String(), ".eE")
	case float64:
		text, whole = strconv.FormatFloat(v, 'g', -1, 64), false
		if !strings.ContainsAny(text, ".eIN") {
			text += ".0"
		}
	case string:
		return r.optionID(q, v, inList)
	default:
		return -1, fmt.Sprintf("%s, not %s", r.expected(q, inList), r.describe(v))
	}
	if whole {
		if i, err := strconv.ParseInt(text, 10, 64); err == nil && i >= 1 && i <= int64(n) {
			return int(i) - 1, ""
		}
		return -1, fmt.Sprintf("option %s is out of range (1-%d)", shortValue(text), n)
	}
	f, _ := strconv.ParseFloat(text, 64)
	if f == math.Trunc(f) && f >= 1 && f <= float64(n) {
		return -1, fmt.Sprintf("write the option number as a whole number: %d, not %s", int(f), shortValue(text))
	}
	return -1, fmt.Sprintf("%s is not an option number; use a whole number from 1 to %d", shortValue(text), n)
}

func (r *answersReader) optionID(q *Question, id string, inList bool) (int, string) {
	if i := q.OptionIndex(id); i >= 0 {
		return i, ""
	}
	ids := ids(q.Options, func(o *Option) string { return o.ID })
	if i, err := strconv.ParseInt(strings.TrimSpace(id), 10, 64); err == nil {
		return -1, fmt.Sprintf("%s is text; write the option number without quotes: %d", quoteValue(id), i)
	}
	switch {
	case id == "":
		return -1, r.expected(q, inList) + ", not an empty string"
	case len(ids) == 0:
		return -1, fmt.Sprintf("%s, not %s (this question's options have no ids)", r.expected(q, inList), quoteValue(id))
	}
	if near := suggest.Closest(id, ids); near != "" {
		return -1, fmt.Sprintf("unknown option %s; did you mean %q?", quoteValue(id), near)
	}
	return -1, fmt.Sprintf("unknown option %s; use a number from 1 to %d or one of %s", quoteValue(id), len(q.Options), strings.Join(ids, ", "))
}

// expected says what a question takes, for messages about values of the
// wrong kind.
func (r *answersReader) expected(q *Question, inList bool) string {
	ids := slices.ContainsFunc(q.Options, func(o Option) bool { return o.ID != "" })
	what := fmt.Sprintf("an option number (1-%d)", len(q.Options))
	switch {
	case inList && ids:
		what += " or an option id"
	case inList:
	case q.Multiple():
		what = fmt.Sprintf("a list of option numbers (1-%d)", len(q.Options))
		if ids {
			what += " or ids"
		}
		what += `, or "skip"`
	case ids:
		what += `, an option id or "skip"`
	default:
		what += ` or "skip"`
	}
	return "expected " + what
}

// describe names a value of the wrong kind in the words of the file's format.
func (r *answersReader) describe(v any) string {
	switch v := v.(type) {
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return "null"
	case map[string]any, []answerEntry:
		return r.word("an object", "a table")
	case []map[string]any:
		return "a list of tables"
	case []any:
		return "a list"
	case time.Time:
		return "a date"
	case string:
		return quoteValue(v)
	}
	return fmt.Sprintf("a %T", v)
}

// word picks the word for a JSON file or for a TOML one.
func (r *answersReader) word(json, toml string) string {
	if r.isJSON {
		return json
	}
	return toml
}

// shortValue cuts a value from the file down to fit in a message, which a
// stray paragraph or a megabyte of digits should not flood.
func shortValue(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s)[:most]) + "…"
}

// quoteValue quotes a string from the file for a message, escaping control
// characters so that a file cannot move the cursor or hide text.
func quoteValue(s string) string { return strconv.Quote(shortValue(s)) }

// line is the 1-based line of a byte offset. The keys of a JSON file are
// read in order, so it counts on from the last key.
func (r *answersReader) line(off int) int {
	r.lines += bytes.Count(r.data[r.at:off], []byte{'\n'})
	r.at = off
	return r.lines + 1
}
