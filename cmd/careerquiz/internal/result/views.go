package result

// MarshalJSON writes a as history --json and compare --json list it: where
// it was read from (its place in history, 1 for the newest, or none for a
// file named on the command line), when it was taken, and its verdict and
// shares.
func (a Attempt) MarshalJSON() ([]byte, error) {
	// A tie names no path (see Recommendation).
	type verdict struct {
		Path     string `json:"path,omitempty"`
		Name     string `json:"name,omitempty"`
		Strength string `json:"strength"`
		Tie      bool   `json:"tie,omitempty"`
	}
	type path struct {
		ID    string  `json:"id"`
		Name  string  `json:"name"`
		Share float64 `json:"share"`
	}
	j := struct {
		Number         int      `json:"number,omitempty"`
		File           string   `json:"file"`
		Taken          *string  `json:"taken"`
		Bank           Bank     `json:"bank"`
		Recommendation *verdict `json:"recommendation"`
		Paths          []path   `json:"paths"`
	}{Number: a.Number, File: a.File, Bank: a.Bank, Paths: []path{}}
	if !a.Taken.IsZero() {
		j.Taken = new(a.Taken.UTC().Format(TimeFormat))
	}
	if r := a.Recommendation; r != nil {
		j.Recommendation = &verdict{Strength: string(r.Strength), Tie: r.Tie}
		if !r.Tie {
			j.Recommendation.Path, j.Recommendation.Name = r.Path, r.Name
		}
	}
	for _, p := range a.Paths {
		j.Paths = append(j.Paths, path{ID: p.ID, Name: p.Name, Share: Round(p.Share, 1)})
	}
	return Marshal(j)
}

// MarshalJSON writes c as compare --json does: both shares, to a tenth,
// and the change between the figures written, so that the document adds
// up; a share an attempt does not have is null.
func (c Change) MarshalJSON() ([]byte, error) {
	j := struct {
		ID     string   `json:"id"`
		Name   string   `json:"name"`
		A      *float64 `json:"a"`
		B      *float64 `json:"b"`
		Change *float64 `json:"change"`
	}{ID: c.ID, Name: c.Name}
	if c.InA {
		j.A = new(Round(c.A, 1))
	}
	if c.InB {
		j.B = new(Round(c.B, 1))
	}
	if c.InA && c.InB {
		j.Change = new(Round(*j.B-*j.A, 1))
	}
	return Marshal(j)
}
