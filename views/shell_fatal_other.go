//go:build !windows

package views

import (
	"fmt"
	"os"
)

// showFatal prints the message on the terminal.
func showFatal(title, text string) {
	fmt.Fprintf(os.Stderr, "%s\n\n%s\n", title, text)
}
