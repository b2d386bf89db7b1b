//go:build !windows

package cli

// PrepareConsole does nothing outside Windows, where every program has its console.
func PrepareConsole(args []string) {}
