package compare

import (
	"fmt"
	"math/big"

	"workreport/app/zhtext"
)

// weights convert between the units a quantity of grain is stated in: 1 吨 = 2000 斤,
// 1 公斤 = 2 斤.
var weights = map[string]*big.Rat{"斤": big.NewRat(1, 1), "公斤": big.NewRat(2, 1), "吨": big.NewRat(2000, 1)}

// convert gives the factor that turns a value in unit from into unit to (亿元 → 万亿元
// is 1/10000, 万吨 → 万亿斤 is 2000/10⁸), or false when the units measure different
// things.
func convert(from, to string) (*big.Rat, bool) {
	if from == to {
		return big.NewRat(1, 1), true
	}
	fs, fb := zhtext.SplitUnit(from)
	ts, tb := zhtext.SplitUnit(to)
	factor := new(big.Rat).Quo(fs, ts)
	switch {
	case fb == tb:
	case fb == "" && tb == "人" || fb == "人" && tb == "":
		// A count of people is written 万 or 万人: the base 人 may be left out.
	case weights[fb] != nil && weights[tb] != nil:
		factor.Mul(factor, new(big.Rat).Quo(weights[fb], weights[tb]))
	default:
		return nil, false
	}
	return factor, true
}

// conversion says how a result was converted into the target's unit, where the units
// differ in kind: 70650万吨 is read in 万亿斤 (1 吨 = 2000 斤). It is "" otherwise.
func conversion(from, to string) string {
	_, fb := zhtext.SplitUnit(from)
	_, tb := zhtext.SplitUnit(to)
	if fb == tb || weights[fb] == nil || weights[tb] == nil {
		return ""
	}
	return fmt.Sprintf("实绩以“%s”计，按 1 吨 = 2000 斤、1 公斤 = 2 斤换算为“%s”比较", from, to)
}
