package report

import (
	"slices"
	"strings"
)

// Pair is a result of the period under review with the targets the report sets for the
// same indicator ahead, in file order.
type Pair struct {
	Result  *Figure
	Targets []*Figure
}

// Main is the pair's main target: the first without a strive word, or nil when the
// report sets only a striving target (争取超2000亿元).
func (p Pair) Main() *Figure {
	for _, t := range p.Targets {
		if t.Strive == "" {
			return t
		}
	}
	return nil
}

// Strive is the pair's striving target (力争7%以上), or nil.
func (p Pair) Strive() *Figure {
	for _, t := range p.Targets {
		if t.Strive != "" {
			return t
		}
	}
	return nil
}

// First is the first target the report sets for the indicator, main or striving.
func (p Pair) First() *Figure { return p.Targets[0] }

// Qualified reports whether a figure of the pair carries a bound, a strive word or a
// range, so that a bar or a number alone would not say what the text says.
func (p Pair) Qualified() bool {
	for _, f := range append([]*Figure{p.Result}, p.Targets...) {
		if f.Bound != "" || f.Strive != "" || f.IsRange {
			return true
		}
	}
	return false
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
	slices.SortStableFunc(out, func(a, b Pair) int { return pos[a.Result] - pos[b.Result] })
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
