package cohort

import "io"

// The simulated cohorts of these tests, for the tests of how a report is
// shown, which live in package cohort_test because render imports cohort.
var (
	Builtin    = builtin
	CohortOf   = cohortOf
	ThreePaths = threePaths
)

// WriteText is render.WriteStats, set by package cohort_test, for the
// tests here that hold a report's figures and its words together.
var WriteText func(w io.Writer, r Report, color bool) error
