package report

// Pair is a result of the year under review with the targets set for the same indicator
// the next year: the main target first, then any striving target (力争).
type Pair struct {
	Result  *Figure
	Targets []*Figure
}

// Pairs returns every result that has a target, in the order of the results.
func (r *Report) Pairs() []Pair {
	var out []Pair
	index := map[string]int{}
	for _, f := range r.figures {
		if f.Nature != Target || f.Pair == "" {
			continue
		}
		i, ok := index[f.Pair]
		if !ok {
			i = len(out)
			index[f.Pair] = i
			out = append(out, Pair{Result: r.byID[f.Pair]})
		}
		out[i].Targets = append(out[i].Targets, f)
	}
	// Order by the results' position in the report.
	pos := map[*Figure]int{}
	for i, f := range r.figures {
		pos[f] = i
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && pos[out[j].Result] < pos[out[j-1].Result]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Dependents returns the figures that qualify f (its growth, share, rank…), in file order.
func (r *Report) Dependents(f *Figure) []*Figure {
	var out []*Figure
	for _, g := range r.figures {
		if g.Of == f.ID {
			out = append(out, g)
		}
	}
	return out
}
