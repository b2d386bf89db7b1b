package views

import (
	"net/url"

	"fyne.io/fyne/v2"
)

// uriToURL converts a file URI to the URL form OpenURL takes.
func uriToURL(u fyne.URI) *url.URL {
	parsed, err := url.Parse(u.String())
	if err != nil {
		return &url.URL{Scheme: "file", Path: u.Path()}
	}
	return parsed
}
