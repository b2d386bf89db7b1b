package meta

import (
	"os"
	"regexp"
	"testing"
)

// TestMatchesFyneAppToml: the identity the program reports is the one `fyne package`
// builds into the executable from FyneApp.toml.
func TestMatchesFyneAppToml(t *testing.T) {
	data, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	field := func(name string) string {
		m := regexp.MustCompile(`(?m)^\s*` + name + `\s*=\s*"([^"]*)"`).FindSubmatch(data)
		if m == nil {
			t.Fatalf("FyneApp.toml has no %s", name)
		}
		return string(m[1])
	}
	for name, want := range map[string]string{"Name": Name, "ID": ID, "Version": Version} {
		if got := field(name); got != want {
			t.Errorf("FyneApp.toml %s = %q, app/meta says %q", name, got, want)
		}
	}
}
