package safefile

// syncDir does nothing on Windows, where MoveFileEx is durable once it returns and a
// folder cannot be opened for syncing.
func syncDir(string) {}
