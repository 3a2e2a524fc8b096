package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// node is an element of a parsed page. The pages are parsed with
// encoding/xml in its HTML mode (void elements closed, HTML entities
// known), which is enough for what html/template writes and needs no
// dependency beyond the standard library.
type node struct {
	name     string
	attr     map[string]string
	children []*node
	text     strings.Builder // all text inside, children's included, each element's apart
}

func parsePage(t *testing.T, page []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	root := &node{name: "#document"}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("page does not parse: %v", err)
		}
		// Elements are kept apart by a space in the text, so that table
		// cells read as separate words.
		switch tok.(type) {
		case xml.StartElement, xml.EndElement:
			for _, n := range stack {
				n.text.WriteByte(' ')
			}
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: strings.ToLower(tok.Name.Local), attr: map[string]string{}}
			for _, a := range tok.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			for _, n := range stack {
				n.text.Write(tok)
			}
		}
	}
	if len(stack) != 1 {
		t.Fatalf("page leaves %d elements open", len(stack)-1)
	}
	return root
}

// Text is the element's text with white space made single spaces.
func (n *node) Text() string { return strings.Join(strings.Fields(n.text.String()), " ") }

// all returns every element under n, in document order, that keep accepts.
func (n *node) all(keep func(*node) bool) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		for _, c := range m.children {
			if keep(c) {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

func (n *node) byName(name string) []*node {
	return n.all(func(m *node) bool { return m.name == name })
}

func (n *node) byID(t *testing.T, id string) *node {
	t.Helper()
	found := n.all(func(m *node) bool { return m.attr["id"] == id })
	if len(found) != 1 {
		t.Fatalf("%d elements with id %q, want 1", len(found), id)
	}
	return found[0]
}

func (n *node) hasClass(c string) bool {
	return strings.Contains(" "+n.attr["class"]+" ", " "+c+" ")
}
