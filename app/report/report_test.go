package report

import (
	"strings"
	"testing"
)

// PhraseAt finds the figure's own occurrence in its sentence: 5% is the revenue target,
// not the 5% inside 5.5%左右 before it; a phrase printed twice is found by its place in
// the text, and without a place it is not guessed.
func TestPhraseAt(t *testing.T) {
	sentence := "地区生产总值增长5.5%左右，地方一般公共预算收入增长5%。"
	f := &Figure{Phrase: "5%", Sentence: sentence, Nature: Target}
	at, end, ok := f.PhraseAt()
	if !ok || sentence[at:end] != "5%" || !strings.HasPrefix(sentence[at-len("增长"):], "增长5%。") {
		t.Errorf("PhraseAt = %d, %d, %v: %q", at, end, ok, sentence[:at])
	}
	twice := "城镇新增就业5万人，其中高校毕业生就业5万人。"
	g := &Figure{Phrase: "5万人", Sentence: twice, Nature: Result}
	if _, _, ok := g.PhraseAt(); ok {
		t.Error("a phrase printed twice, without a place, is guessed")
	}
	sec := &Section{Items: []string{"上年工作。" + twice}}
	g.Section = sec
	second := strings.LastIndex(sec.Items[0], "5万人")
	g.Location = Location{Block: 1, Start: second, End: second + len("5万人")} // block 0 is the title
	if at, _, ok := g.PhraseAt(); !ok || at != strings.LastIndex(twice, "5万人") {
		t.Errorf("by its place: %d, %v", at, ok)
	}
	if _, _, ok := (&Figure{Phrase: "6%", Sentence: sentence, Nature: Target}).PhraseAt(); ok {
		t.Error("a phrase not in the sentence is found")
	}
}
