// Package workspacetest makes workspaces for tests: a library whose built-in reports are
// the fixtures of app/report/reporttest, and a folder of saved reports of the test's
// own, so that no test depends on the data the app ships.
package workspacetest

import (
	"testing"

	"workreport/app/library"
	"workreport/app/report"
	"workreport/app/report/reporttest"
	"workreport/app/workspace"
)

// Sources are the fixtures as a library's built-in reports, in the order given.
func Sources(t testing.TB, names ...string) []library.Source {
	t.Helper()
	var out []library.Source
	for _, name := range names {
		data := reporttest.Bytes(t, name)
		out = append(out, library.Source{Name: name, Data: func() []byte { return data }})
	}
	return out
}

// New is a workspace whose built-in reports are the fixtures named (reporttest.Library
// when none are), with saved reports in dir.
func New(t testing.TB, dir string, names ...string) *workspace.Workspace {
	t.Helper()
	if len(names) == 0 {
		names = reporttest.Library
	}
	return workspace.New(library.New(dir, Sources(t, names...)...))
}

// First is the report the workspace opens first: the first fixture named.
func First(t testing.TB, ws *workspace.Workspace) *report.Report {
	t.Helper()
	r, _, err := ws.Open(ws.Default())
	if err != nil {
		t.Fatal(err)
	}
	return r
}
