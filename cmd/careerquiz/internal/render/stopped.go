package render

import (
	"fmt"
	"math"
)

// stoppedText is the note on a quiz that stopped early: after how many
// questions, and for the quick stop the chance that the rest would have
// named another path; "" for a quiz that asked every question.
func stoppedText(r Run) string {
	st := r.Stopped
	if st == nil {
		return ""
	}
	left := st.Scored - st.Asked
	if st.Mode == "quick" && st.Chance != nil {
		return fmt.Sprintf("Stopped early (--quick) after %d of %s: the chance that the %d left would have named another path is %s.",
			st.Asked, Count(st.Scored, "question"), left, ChanceText(*st.Chance))
	}
	return fmt.Sprintf("Stopped early after %d of %s: the %d left could not have changed the path.",
		st.Asked, Count(st.Scored, "question"), left)
}

// ChanceText is a small chance in percent, never rounded to a flat 0: a
// result keeps the chance to four decimals, so a stop the quiz called
// "under 0.1%" would otherwise read "0.0%" in its report.
func ChanceText(c float64) string {
	pct := 100 * c
	if pct < 0.1 {
		return "under 0.1%"
	}
	return fmt.Sprintf("%.1f%%", math.Round(pct*10)/10)
}
