package report

// Headline returns the report's headline: the figures its review states in its own text
// (not in its parts) for the review's period, and that period. The overview's cards and
// charts both show these. A report without a review has as headline the first section
// whose own text states figures of its period. Figures that qualify others (a growth
// rate of a total, a rank) are among them: a card shows them on the card of the figure
// they qualify, a chart as bars of their own.
func Headline(r *Report) ([]*Figure, Period) {
	pick := func(sec *Section) []*Figure {
		var out []*Figure
		for _, f := range sec.Figures() {
			if f.IsReported() && f.Period == sec.Period {
				out = append(out, f)
			}
		}
		return out
	}
	for _, sec := range r.Sections {
		if sec.Role == RoleReview && !sec.Article {
			if out := pick(sec); len(out) > 0 {
				return out, sec.Period
			}
		}
	}
	for _, sec := range r.Sections {
		if out := pick(sec); len(out) > 0 {
			return out, sec.Period
		}
	}
	return nil, Period{}
}
