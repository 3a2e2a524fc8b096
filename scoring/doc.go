// Package scoring is the arithmetic of careerquiz: it weighs one person's
// answers against a question bank (Score) and audits a bank for its authors
// (Analyze). It is pure: no files, no terminal, no TOML, and the same input
// always gives the same output, down to the last bit.
//
// # Exact arithmetic
//
// Weights have at most three decimals, so every weight is converted once to
// whole thousandths and all sums are exact integers: they do not depend on
// the order questions are added in, and two paths that scored the same
// really are tied. Percents are compared exactly too, by cross-multiplying
// in 128 bits, which a large bank's products need.
//
// # Percent, share, winner and strength
//
// For each path, Raw is the sum of the picked options' weights and Most is
// the sum, over the answered questions only, of the best each could have
// given that path: the largest option weight for a single-answer question,
// the sum of all option weights for a pick-any question. Percent is
// Raw/Most×100. A skipped question counts for neither side, so skipping
// never helps or hurts a path; an unscored (profile) question counts for
// nothing. Share is the split of 100 nearest the percents (see shares).
//
// The recommended path has the highest percent. An exact tie recommends no
// path (see Recommendation.Tie), and no audit or simulation counts it for
// any path. The margin is the winner's percent minus the runner-up's, and
// the bands (see Bands) turn it into a strength:
//
//	margin < Slight            balanced
//	Slight ≤ margin < Moderate slight
//	Moderate ≤ margin < Clear  moderate
//	Clear ≤ margin             clear
//
// A tie is always balanced. No path is recommended when the bank has no
// scored questions, when fewer than MinAnswered of them were answered, or
// when no answered question could give any path a point.
//
// # Confidence
//
// Confidence is the chance of the same path on a retest, from a
// latent-trait model (latent.go): everyone has a true lean θ, and each
// answer is θ plus normal noise cut into its points. calibration_test.go
// holds the figure to simulated people of that model answering twice.
//
// # Desirability
//
// A bank may mark, per question, the side that sounds more impressive
// (quiz.Question.Impressive). Analyze reports what always taking it gives
// (Audit.Impressive), and Score warns someone who took it on nearly every
// marked question (WarnImpressive): such answers say how a person wants to
// sound as much as what they would rather do.
//
// # Facts, not words
//
// A Result holds ids, codes and numbers (and the bank's own texts), and the
// report words them: warnings and the reason for withholding are codes with
// the numbers they rest on, and how many answers took a side, per path and
// per theme, lets a verdict resting on few of them say so.
//
// # Audit
//
// Analyze reports how a bank behaves before anyone takes it: how questions
// spread, whether every path can reach a similar score, what random
// answerers are told, whether answering by position or taking the
// impressive side pushes towards one path, and which questions cannot tell
// the paths apart. See Audit.
package scoring
