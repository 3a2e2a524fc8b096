//go:build !unix

package main

// stdoutWasClosed is known only on Unix.
func stdoutWasClosed() bool { return false }
