package compare

import (
	"math/big"

	"workreport/app/zhtext"
)

// convert gives the factor that turns a value in unit from into unit to (亿元 → 万亿元
// is 1/10000), or false when the units measure different things.
func convert(from, to string) (*big.Rat, bool) {
	if from == to {
		return big.NewRat(1, 1), true
	}
	fs, fb := zhtext.SplitUnit(from)
	ts, tb := zhtext.SplitUnit(to)
	// A count of people is written 万 or 万人: the base 人 may be left out.
	if fb != tb && !(fb == "" && tb == "人" || fb == "人" && tb == "") {
		return nil, false
	}
	return new(big.Rat).Quo(fs, ts), true
}
