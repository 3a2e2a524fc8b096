package quiz

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/careerquiz/careerquiz/internal/suggest"
)

// answerSkip is the value that skips a question in an answers file.
const answerSkip = "skip"

// ResultSchema names the JSON result document, here where a saved result is
// read back (it is accepted as an answers file, so that a quiz can be
// replayed from it) and for the report that writes it. It changes only when
// a field is renamed or removed; fields may be added under the same name.
const (
	ResultSchema       = "careerquiz.result/v1"
	resultSchemaFamily = "careerquiz.result/"
)

// maxSuggestions bounds how many unknown question ids get a "did you mean"
// search over the whole bank, so that a file of answers for another bank
// still fails fast against a bank of thousands of questions.
const maxSuggestions = 25

// maxProblems bounds how many problems are listed one by one. A file with
// more was most likely written for another bank; listing a million of them
// would only flood the terminal and fill memory.
const maxProblems = 100

// ParseAnswers reads an answers file: TOML or JSON with one key per question
// id, as the README describes. file names the file in messages. Content
// that starts with "{" is JSON; otherwise the extension .json says JSON and
// anything else is TOML. A saved JSON result is accepted too, and its
// "answers" object is used.
//
// Questions the file leaves out, or answers "skip" (or an empty list, for a
// pick-any question), are skipped and are not in the returned Answers.
//
// It returns an error wrapping ErrTooLarge for files over MaxSize, a
// *SyntaxError for files that are not UTF-8, TOML or JSON, and Problems
// listing every answer that does not fit the bank, in file order (past
// maxProblems, the rest are counted in a last Problem).
func ParseAnswers(b *Bank, file string, data []byte) (Answers, error) {
	if b == nil {
		b = &Bank{}
	}
	if err := checkText(file, data, "an answers file"); err != nil {
		return nil, err
	}
	// Editors on Windows like to start UTF-8 files with a byte order mark;
	// it carries no meaning, and the JSON decoder would reject it.
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	r := &answersReader{bank: b, file: file, data: data}
	var entries []answerEntry
	var err error
	if isJSONAnswers(file, data) {
		entries, err = r.jsonEntries()
	} else {
		entries, err = r.tomlEntries()
	}
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

func isJSONAnswers(file string, data []byte) bool {
	// A TOML document cannot begin with "{", so content that does is JSON
	// whatever the name says: a saved result.json renamed to .toml still
	// replays. Otherwise the extension decides, so that a broken .json file
	// gets JSON's error messages.
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return true
	}
	return strings.ToLower(filepath.Ext(file)) == ".json"
}

// AnswerValues is the inverse of ParseAnswers: it gives every question of the
// bank the value an answers file would hold for it — a 1-based option number
// for choice and scale questions, a list of them for pick-any questions, and
// "skip" for questions without an answer. The JSON encoding of the map is a
// valid answers file for the bank that reads back as the same answers.
//
// An answer that does not fit its question (two picks for a choice question)
// is written as a list, so that reading it back fails instead of quietly
// dropping a pick.
func (b *Bank) AnswerValues(a Answers) map[string]any {
	values := make(map[string]any, len(b.Questions))
	for i := range b.Questions {
		q := &b.Questions[i]
		ans := a[q.ID]
		switch {
		case ans.Skipped():
			values[q.ID] = answerSkip
		case !q.Multiple() && len(ans.Picks) == 1:
			values[q.ID] = ans.Picks[0] + 1
		default:
			nums := make([]int, len(ans.Picks))
			for j, p := range ans.Picks {
				nums[j] = p + 1
			}
			values[q.ID] = nums
		}
	}
	return values
}

// answerEntry is one key of an answers file with its decoded value. Values
// are as the TOML decoder gives them (int64, float64, string, bool, time,
// []any, map[string]any) or as the JSON decoder does with UseNumber
// (json.Number, string, bool, nil, []any, map[string]any).
type answerEntry struct {
	key   string
	line  int
	value any
	// path names a TOML entry's key for the locator, which finds its line
	// for a message; a JSON entry has its line.
	path string
	// raw and offset locate a JSON value in the file, so that the
	// "answers" object of a saved result can be read key by key.
	raw    []byte
	offset int
}

type answersReader struct {
	bank     *Bank
	file     string
	data     []byte
	isJSON   bool
	newlines []int    // offsets of the file's line breaks, built on first use
	loc      *locator // places TOML entries on lines
	problems Problems
	// unlisted counts the problems beyond maxProblems.
	unlisted int
	// suggested counts the unknown questions searched for a near id.
	suggested int
}

func (r *answersReader) problem(line int, question, format string, args ...any) {
	if len(r.problems) >= maxProblems {
		r.unlisted++
		return
	}
	r.problems = append(r.problems, Problem{File: r.file, Line: line, Question: question,
		Message: fmt.Sprintf(format, args...)})
}

// tomlEntries decodes a TOML answers file into its top-level keys, in file
// order, or into the keys of the "answers" table of a saved result.
func (r *answersReader) tomlEntries() ([]answerEntry, error) {
	src := string(r.data)
	doc, keys, err := decodeTOML(r.file, src, "invalid TOML: ", "an answer is a number, an id or one list of them")
	if err != nil {
		return nil, err
	}
	r.loc = newLocator(src, doc)
	entries := tomlTable(doc, keys, "")
	if answers, ok := r.savedResult(entries); ok {
		if answers == nil {
			return nil, nil
		}
		table, _ := answers.value.(map[string]any)
		return tomlTable(table, keys, answers.key), nil
	}
	return entries, nil
}

// tomlTable lists the keys of one table in the order the file gives them
// (keys are the document's, in that order); keys made only implicitly, by a
// header such as [outage.x], come last. Lines are found only for messages.
func tomlTable(table map[string]any, keys []toml.Key, name string) []answerEntry {
	depth := 1
	if name != "" {
		depth = 2
	}
	entries := make([]answerEntry, 0, len(table))
	seen := make(map[string]bool, len(table))
	add := func(k string) {
		if v, ok := table[k]; ok && !seen[k] {
			seen[k] = true
			path := joinKey(name, k)
			if _, ok := v.([]map[string]any); ok {
				// An array of tables is placed by its first element.
				path += "[0]"
			}
			entries = append(entries, answerEntry{key: k, path: path, value: v})
		}
	}
	for _, k := range keys {
		if len(k) == depth && (name == "" || k[0] == name) {
			add(k[depth-1])
		}
	}
	for _, k := range slices.Sorted(maps.Keys(table)) {
		add(k)
	}
	return entries
}

// at is the line of an entry, found when a message needs it.
func (r *answersReader) at(e answerEntry) int {
	if e.line == 0 && e.path != "" && r.loc != nil {
		return r.loc.line(e.path)
	}
	return e.line
}

// jsonEntries decodes a JSON answers file into its top-level keys, in file
// order, or into the keys of the "answers" object of a saved result.
func (r *answersReader) jsonEntries() ([]answerEntry, error) {
	r.isJSON = true
	// Unmarshal checks the whole document before decoding anything, and its
	// syntax errors carry offsets into the file; the streaming decoder used
	// below reports offsets relative to its buffer instead.
	var whole json.RawMessage
	if err := json.Unmarshal(r.data, &whole); err != nil {
		var se *json.SyntaxError
		if !errors.As(err, &se) {
			return nil, fmt.Errorf("%s: invalid JSON: %w", r.file, err)
		}
		off := int(se.Offset) - 1
		if se.Offset >= int64(len(r.data)) {
			off = len(r.data)
		}
		line, col := r.position(max(off, 0))
		return nil, &SyntaxError{File: r.file, Line: line, Col: col, Message: "invalid JSON: " + se.Error(),
			Source: sourceLine(string(r.data), line), Err: err}
	}
	entries, ok := r.jsonObject(r.data, 0)
	if !ok {
		start := len(r.data) - len(bytes.TrimLeft(r.data, " \t\r\n"))
		line, col := r.position(start)
		return nil, &SyntaxError{File: r.file, Line: line, Col: col,
			Message: "an answers file holds a JSON object with one key per question id",
			Source:  sourceLine(string(r.data), line)}
	}
	if answers, ok := r.savedResult(entries); ok {
		if answers == nil {
			return nil, nil
		}
		entries, _ = r.jsonObject(answers.raw, answers.offset)
		return entries, nil
	}
	return entries, nil
}

// jsonObject lists the keys of a JSON object, already known to be valid JSON,
// in file order, repeated keys included. base is the offset of data in the
// file. ok is false when data is not an object.
func (r *answersReader) jsonObject(data []byte, base int) (entries []answerEntry, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	for dec.More() {
		tok, err := dec.Token()
		key, isKey := tok.(string)
		if err != nil || !isKey {
			return entries, true
		}
		keyEnd := base + int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return entries, true
		}
		start := base + int(dec.InputOffset()) - len(raw)
		value, _ := decodeJSONValue(raw)
		line := r.line(keyEnd - 1)
		entries = append(entries, answerEntry{key: key, line: line, value: value, raw: raw, offset: start})
	}
	return entries, true
}

// decodeJSONValue decodes one value, already known to be valid JSON, keeping
// numbers as json.Number. Numbers and strings, nearly every answer, are
// decoded without a json.Decoder, which would cost a buffer per value.
func decodeJSONValue(raw []byte) (any, error) {
	switch raw[0] {
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case 't', 'f':
		return raw[0] == 't', nil
	case 'n':
		return nil, nil
	case '[', '{':
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var v any
		err := dec.Decode(&v)
		return v, err
	}
	return json.Number(raw), nil
}

// savedResult tells a saved JSON result from an answers file: a result has a
// top-level "schema" naming the result document. For a result it returns the
// "answers" entry, or nil after recording why there is none usable.
func (r *answersReader) savedResult(entries []answerEntry) (answers *answerEntry, isResult bool) {
	var schema *answerEntry
	for i := range entries {
		switch entries[i].key {
		case "schema":
			schema = &entries[i]
		case "answers":
			answers = &entries[i]
		}
	}
	if schema == nil {
		return nil, false
	}
	name, ok := schema.value.(string)
	if !ok || !strings.HasPrefix(name, resultSchemaFamily) {
		return nil, false
	}
	switch {
	case name != ResultSchema:
		r.problem(r.at(*schema), "", "the saved result has schema %s; this version of careerquiz reads %q", quoteValue(name), ResultSchema)
	case answers == nil:
		r.problem(r.at(*schema), "", `the saved result has no "answers" %s`, r.tableWord())
	default:
		if _, ok := answers.value.(map[string]any); ok {
			return answers, true
		}
		r.problem(r.at(*answers), "", `the saved result's "answers" must be %s with one key per question id, not %s`,
			r.aTable(), r.describe(answers.value))
	}
	return nil, true
}

// resolve checks each entry against the bank and turns it into an answer,
// recording a problem for each one that does not fit.
func (r *answersReader) resolve(entries []answerEntry) Answers {
	b := r.bank
	index := make(map[string]int, len(b.Questions))
	for i := range b.Questions {
		index[b.Questions[i].ID] = i
	}
	answers := make(Answers, len(entries))
	first := make(map[int]int, len(entries)) // question index → entry of its first answer
	for i, e := range entries {
		qi, known := index[e.key]
		if !known {
			r.unknownQuestion(e)
			continue
		}
		if j, dup := first[qi]; dup {
			r.problem(r.at(e), e.key, "answered twice; the first answer is on line %d", r.at(entries[j]))
			continue
		}
		first[qi] = i
		if picks, ok := r.picks(&b.Questions[qi], e); ok && len(picks) > 0 {
			answers[e.key] = Answer{Picks: picks}
		}
	}
	return answers
}

func (r *answersReader) unknownQuestion(e answerEntry) {
	if r.suggested < maxSuggestions {
		r.suggested++
		ids := make([]string, len(r.bank.Questions))
		for i := range r.bank.Questions {
			ids[i] = r.bank.Questions[i].ID
		}
		if near := suggest.Closest(e.key, ids); near != "" {
			r.problem(r.at(e), "", "unknown question %s; did you mean %q?", quoteValue(e.key), near)
			return
		}
	}
	r.problem(r.at(e), "", "unknown question %s; the bank has no question with this id", quoteValue(e.key))
}

// picks reads one question's answer. ok is false when a problem was
// recorded; no picks with ok means the question was skipped.
func (r *answersReader) picks(q *Question, e answerEntry) (picks []int, ok bool) {
	switch v := e.value.(type) {
	case string:
		if v == answerSkip {
			return nil, true
		}
	case []any:
		if !q.Multiple() {
			r.problem(r.at(e), q.ID, "takes one option, not a list; write one option number from 1 to %d", len(q.Options))
			return nil, false
		}
		return r.list(q, e, v)
	}
	pick, msg := r.option(q, e.value, false)
	if msg != "" {
		r.problem(r.at(e), q.ID, "%s", msg)
		return nil, false
	}
	return []int{pick}, true
}

// list reads the picks of a pick-any question, reporting every bad item.
func (r *answersReader) list(q *Question, e answerEntry, items []any) (picks []int, ok bool) {
	ok = true
	picks = make([]int, 0, len(items))
	for i, item := range items {
		if s, isString := item.(string); isString && s == answerSkip {
			r.problem(r.at(e), q.ID, `item %d: "skip" skips the whole question; write "skip" or [] in place of the list`, i+1)
			ok = false
			continue
		}
		pick, msg := r.option(q, item, true)
		switch {
		case msg != "":
			r.problem(r.at(e), q.ID, "item %d: %s", i+1, msg)
			ok = false
		case slices.Contains(picks, pick):
			r.problem(r.at(e), q.ID, "option %d is picked twice", pick+1)
			ok = false
		default:
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
	switch v := v.(type) {
	case int64:
		return r.number(q, v, strconv.FormatInt(v, 10))
	case json.Number:
		text := v.String()
		if !strings.ContainsAny(text, ".eE") {
			i, err := strconv.ParseInt(text, 10, 64)
			if err != nil {
				return -1, fmt.Sprintf("option %s is out of range (1-%d)", shortValue(text), n)
			}
			return r.number(q, i, text)
		}
		f, _ := strconv.ParseFloat(text, 64)
		return -1, fractionMessage(f, text, n)
	case float64:
		text := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(text, ".eIN") {
			text += ".0"
		}
		return -1, fractionMessage(v, text, n)
	case string:
		return r.optionID(q, v, inList)
	}
	return -1, fmt.Sprintf("%s, not %s", r.expected(q, inList), r.describe(v))
}

func (r *answersReader) number(q *Question, i int64, text string) (int, string) {
	if i < 1 || i > int64(len(q.Options)) {
		return -1, fmt.Sprintf("option %s is out of range (1-%d)", text, len(q.Options))
	}
	return int(i) - 1, ""
}

func fractionMessage(f float64, text string, n int) string {
	text = shortValue(text)
	if f == math.Trunc(f) && f >= 1 && f <= float64(n) {
		return fmt.Sprintf("write the option number as a whole number: %d, not %s", int(f), text)
	}
	return fmt.Sprintf("%s is not an option number; use a whole number from 1 to %d", text, n)
}

func (r *answersReader) optionID(q *Question, id string, inList bool) (int, string) {
	var ids []string
	for i, o := range q.Options {
		if o.ID == "" {
			continue
		}
		if o.ID == id {
			return i, ""
		}
		ids = append(ids, o.ID)
	}
	n := len(q.Options)
	if id == "" {
		return -1, r.expected(q, inList) + ", not an empty string"
	}
	if i, err := strconv.ParseInt(strings.TrimSpace(id), 10, 64); err == nil {
		return -1, fmt.Sprintf("%s is text; write the option number without quotes: %d", quoteValue(id), i)
	}
	if len(ids) == 0 {
		return -1, fmt.Sprintf("%s, not %s (this question's options have no ids)", r.expected(q, inList), quoteValue(id))
	}
	if near := suggest.Closest(id, ids); near != "" {
		return -1, fmt.Sprintf("unknown option %s; did you mean %q?", quoteValue(id), near)
	}
	return -1, fmt.Sprintf("unknown option %s; use a number from 1 to %d or one of %s", quoteValue(id), n, strings.Join(ids, ", "))
}

// expected says what a question takes, for messages about values of the
// wrong kind.
func (r *answersReader) expected(q *Question, inList bool) string {
	ids := false
	for _, o := range q.Options {
		if o.ID != "" {
			ids = true
			break
		}
	}
	n := len(q.Options)
	switch {
	case inList && ids:
		return fmt.Sprintf("expected an option number (1-%d) or an option id", n)
	case inList:
		return fmt.Sprintf("expected an option number (1-%d)", n)
	case q.Multiple() && ids:
		return fmt.Sprintf(`expected a list of option numbers (1-%d) or ids, or "skip"`, n)
	case q.Multiple():
		return fmt.Sprintf(`expected a list of option numbers (1-%d), or "skip"`, n)
	case ids:
		return fmt.Sprintf(`expected an option number (1-%d), an option id or "skip"`, n)
	default:
		return fmt.Sprintf(`expected an option number (1-%d) or "skip"`, n)
	}
}

// describe names a value of the wrong kind in the words of the file's format.
func (r *answersReader) describe(v any) string {
	switch v := v.(type) {
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return "null"
	case map[string]any:
		return r.aTable()
	case []map[string]any:
		return "a list of " + r.tableWord() + "s"
	case []any:
		return "a list"
	case time.Time:
		return "a date"
	case string:
		return quoteValue(v)
	}
	return fmt.Sprintf("a %T", v)
}

func (r *answersReader) tableWord() string {
	if r.isJSON {
		return "object"
	}
	return "table"
}

func (r *answersReader) aTable() string {
	if r.isJSON {
		return "an object"
	}
	return "a table"
}

// shortValue cuts a value from the file down to a length that fits in a
// message: a stray paragraph or a megabyte of digits should not flood the
// terminal.
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

// line turns a byte offset into a 1-based line number. It is called for
// every key of a JSON file, so it searches an index of line breaks rather
// than counting them each time.
func (r *answersReader) line(off int) int {
	off = min(max(off, 0), len(r.data))
	if r.newlines == nil {
		r.newlines = make([]int, 0, bytes.Count(r.data, []byte{'\n'}))
		for i, c := range r.data {
			if c == '\n' {
				r.newlines = append(r.newlines, i)
			}
		}
	}
	return sort.SearchInts(r.newlines, off) + 1 // line breaks before off, plus one
}

// position turns a byte offset into a 1-based line and column (in runes).
// Counting the column takes time in proportion to the line's length, which
// is fine for the one place of a syntax error.
func (r *answersReader) position(off int) (line, col int) {
	off = min(max(off, 0), len(r.data))
	line = r.line(off)
	start := 0
	if line > 1 {
		start = r.newlines[line-2] + 1
	}
	return line, utf8.RuneCount(r.data[start:off]) + 1
}
