//go:build !unix

package cli

// stdoutWasClosed is known only on Unix.
func stdoutWasClosed() bool { return false }
