// Package careerquiz holds the default question bank. It lives at the module
// root only so that questions.toml can stay where authors look for it; the
// bytes are handed down to the quiz package, which stays free of embedding.
package careerquiz

import _ "embed"

// Questions is the default bank, byte for byte as questions.toml.
//
//go:embed questions.toml
var Questions []byte

// QuestionsFile is the name the default bank goes by in messages.
const QuestionsFile = "questions.toml"
