package report

import "strings"

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

// Comparison is the line a figure's card shows under it: the short phrases (简述) of the
// figures that qualify it, and of those that qualify them, such as
// 增长3.3%，增速全省第2（建市以来最高排位）. It is empty for a figure nothing qualifies.
func (r *Report) Comparison(f *Figure) string {
	var parts []string
	for _, d := range r.Dependents(f) {
		parts = append(parts, d.brief()+r.nested(d, 1))
	}
	return strings.Join(parts, "，")
}

// nested appends the qualifiers of a qualifier: a qualitative remark on a rank goes in
// brackets, anything else after a comma.
func (r *Report) nested(f *Figure, depth int) string {
	if depth > 4 {
		return ""
	}
	var b strings.Builder
	for _, d := range r.Dependents(f) {
		if d.Nature == Qualitative {
			b.WriteString("（" + d.brief() + "）")
		} else {
			b.WriteString("，" + d.brief())
		}
		b.WriteString(r.nested(d, depth+1))
	}
	return b.String()
}

// brief is the figure's 简述, or its printed value when none is written.
func (f *Figure) brief() string {
	if f.Brief != "" {
		return f.Brief
	}
	return f.ValueText()
}

// Qualifies returns the figure f qualifies (its 从属), or nil.
func (r *Report) Qualifies(f *Figure) *Figure { return r.byID[f.Of] }
