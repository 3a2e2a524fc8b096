package htmlpage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/results"
)

// jsonResult is what the test reads of the JSON result, to hold the page to.
type jsonResult struct {
	Recommendation *struct {
		Name     string `json:"name"`
		Strength string `json:"strength"`
		Tie      bool   `json:"tie"`
	} `json:"recommendation"`
	Confidence float64 `json:"confidence"`
	Paths      []struct {
		ID    string  `json:"id"`
		Share float64 `json:"share"`
	} `json:"paths"`
	Steps []struct {
		Text string `json:"text"`
		Why  string `json:"why"`
	} `json:"steps"`
}

// TestResultPageHoldsToJSON renders the result page of answers of every
// kind and reads back from it the shares, the label, the confidence and the
// steps, which must be those of the JSON document it was made from.
func TestResultPageHoldsToJSON(t *testing.T) {
	b := builtinBank(t)
	for _, s := range answerSets {
		for seed := range uint64(4) {
			t.Run(fmt.Sprintf("%s/%d", s.name, seed), func(t *testing.T) {
				doc := resultJSON(t, run(b, s, seed))
				var want jsonResult
				if err := json.Unmarshal(doc, &want); err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := WriteResult(&buf, doc, ResultOptions{Taken: taken}); err != nil {
					t.Fatal(err)
				}
				page := parsePage(t, buf.Bytes())

				// Shares: the exact figure as the value of a <data>, and
				// the figure shown rounded as every view rounds it.
				shares := make([]float64, len(want.Paths))
				for i, p := range want.Paths {
					shares[i] = p.Share
				}
				whole := results.RoundShares(shares, 0)
				sum := 0.0
				for i, p := range want.Paths {
					data := page.byID(t, "share-"+p.ID).byName("data")
					if len(data) != 1 {
						t.Fatalf("path %s: %d <data> elements, want 1", p.ID, len(data))
					}
					got, err := strconv.ParseFloat(data[0].attr["value"], 64)
					if err != nil || got != p.Share {
						t.Errorf("path %s: data value %q, want %v", p.ID, data[0].attr["value"], p.Share)
					}
					shownText := strings.TrimSuffix(data[0].Text(), "%")
					shownVal, err := strconv.ParseFloat(shownText, 64)
					if err != nil || math.Abs(shownVal-whole[i]) > 0.5 {
						t.Errorf("path %s: shown %q, want about %v", p.ID, data[0].Text(), whole[i])
					}
					sum += shownVal
				}
				if want.Recommendation != nil && math.Abs(sum-100) > 1e-9 {
					t.Errorf("shown shares add up to %v, want 100", sum)
				}

				h1 := page.byName("h1")
				if len(h1) != 1 {
					t.Fatalf("%d h1, want 1", len(h1))
				}
				headline := h1[0].Text()
				rec := want.Recommendation
				switch {
				case rec == nil:
					if headline != "No recommendation yet" {
						t.Errorf("headline %q for no recommendation", headline)
					}
				case rec.Tie || rec.Strength == "balanced":
					if !strings.HasPrefix(headline, "Balanced:") {
						t.Errorf("headline %q for a %s result", headline, rec.Strength)
					}
				default:
					if !strings.Contains(headline, rec.Name) || !strings.Contains(headline, "("+rec.Strength) {
						t.Errorf("headline %q does not name %s (%s)", headline, rec.Name, rec.Strength)
					}
				}

				// Confidence: as many filled dots as tenths, and the same
				// natural frequency in the words beside them.
				dots := page.all(func(n *node) bool { return n.name == "circle" && n.hasClass("dot") })
				if rec == nil {
					if len(dots) != 0 {
						t.Errorf("%d confidence dots without a recommendation", len(dots))
					}
				} else {
					tenths := int(math.Round(want.Confidence * 10))
					if len(dots) != tenths {
						t.Errorf("%d filled dots for confidence %v, want %d", len(dots), want.Confidence, tenths)
					}
					freq := fmt.Sprintf("about %d in 10", tenths)
					if want.Confidence >= 0.95 {
						freq = "more than 9 in 10"
					}
					if got := page.byID(t, "confidence").Text(); !strings.Contains(got, "("+freq) {
						t.Errorf("confidence %v worded %q, want %q in it", want.Confidence, got, freq)
					}
				}

				// Steps: every step of the document, in its order, with
				// its reason.
				var items []*node
				if len(want.Steps) > 0 {
					items = page.byID(t, "steps").byName("li")
				}
				if len(items) != len(want.Steps) {
					t.Fatalf("%d steps on the page, want %d", len(items), len(want.Steps))
				}
				for i, st := range want.Steps {
					got := items[i].Text()
					if !strings.Contains(got, oneSpace(st.Text)) || !strings.Contains(got, oneSpace(st.Why)) {
						t.Errorf("step %d reads %q, want %q and %q", i+1, got, st.Text, st.Why)
					}
				}
			})
		}
	}
}

func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestResultPageEscapesBankText puts markup, quotes and a link in every text
// a bank or a result file gives the page: it is shown as text, never obeyed.
func TestResultPageEscapesBankText(t *testing.T) {
	b := builtinBank(t)
	var doc map[string]any
	if err := json.Unmarshal(resultJSON(t, run(b, answerSets[0], 0)), &doc); err != nil {
		t.Fatal(err)
	}
	const evil = `<script>alert("x")</script> "quoted" & 'single' </style><a href="https://example.com">link</a>`
	doc["bank"].(map[string]any)["title"] = evil
	for _, p := range doc["paths"].([]any) {
		p.(map[string]any)["name"] = evil
	}
	for _, s := range doc["steps"].([]any) {
		s.(map[string]any)["text"] = evil
		s.(map[string]any)["why"] = evil
	}
	for _, r := range doc["reasons"].(map[string]any)["toward"].([]any) {
		r.(map[string]any)["text"] = evil
	}
	doc["salary"] = []any{evil}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteResult(&buf, data, ResultOptions{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script", "</style><a", "<a href"} {
		if strings.Contains(out, bad) {
			t.Errorf("page holds %q: bank text was not escaped", bad)
		}
	}
	page := parsePage(t, buf.Bytes())
	if got := page.byName("a"); len(got) != 0 {
		t.Errorf("page has %d links made from bank text", len(got))
	}
	if !strings.Contains(page.byID(t, "steps").Text(), evil) {
		t.Errorf("bank text not shown as it was written")
	}
}

func TestWriteResultRejectsBrokenJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteResult(&buf, []byte(`{"paths": 3`), ResultOptions{}); err == nil {
		t.Fatal("no error for broken JSON")
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes on error", buf.Len())
	}
}
