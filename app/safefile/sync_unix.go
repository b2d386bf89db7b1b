//go:build !windows

package safefile

import "os"

// syncDir makes a rename durable by syncing the folder that holds it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
