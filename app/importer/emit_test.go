package importer

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Every string the data file writes reads back as itself.
func TestWriteString(t *testing.T) {
	for _, s := range []string{"", "s1.f1", "%", "6%以上", "- 居民消费价格", "2024", "1.0", "true", "No", "null", "~", "#注", "a: b", "a #b", "末尾 ",
		" 开头", "引号\"和\\反斜杠", "换行\n之后", "制表\t符", "\u2028行分隔", "\u0085", "\ufeff", "...", "---", "是：", "[1]", "{a}", "&锚", "*别名", "!标签",
		"|块", ">折叠", "'单引号", "@", "`", "?问", ",逗号", "0x1F", ".inf", "-.5", "居民消费价格　全国：-0.2", "粮食产量首次跃上1.4万亿斤新台阶"} {
		checkRoundTrip(t, s)
	}
}

func FuzzWriteString(f *testing.F) {
	f.Add("居民消费价格　全国：-0.2")
	f.Add("a: b #c")
	f.Fuzz(func(t *testing.T, s string) {
		checkRoundTrip(t, s)
	})
}

func checkRoundTrip(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		return // the importer writes decoded text only
	}
	var b bytes.Buffer
	b.WriteString("v: ")
	writeString(&b, s)
	b.WriteByte('\n')
	var back struct{ V *string }
	if err := yaml.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatalf("%q written as %q: %v", s, b.String(), err)
	}
	got := ""
	if back.V != nil {
		got = *back.V
	}
	if got != s {
		t.Errorf("%q written as %q reads back as %q", s, b.String(), got)
	}
}
