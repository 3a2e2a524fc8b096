// Package careerquiz holds the default question bank and the JSON Schemas
// that ship with it. It lives at the module root only so that questions.toml
// and the schemas can stay where authors look for them; the bytes are handed
// down to the quiz package, which stays free of embedding.
package careerquiz

import _ "embed"

// Questions is the default bank, byte for byte as questions.toml.
//
//go:embed questions.toml
var Questions []byte

// QuestionsFile is the name the default bank goes by in messages.
const QuestionsFile = "questions.toml"

// BankSchema is questions.schema.json, the JSON Schema of a question bank.
//
//go:embed questions.schema.json
var BankSchema []byte

// ResultSchema is result.schema.json, the JSON Schema of what --json prints.
//
//go:embed result.schema.json
var ResultSchema []byte

// CheckSchema is check.schema.json, the JSON Schema of what check --json
// prints.
//
//go:embed check.schema.json
var CheckSchema []byte
