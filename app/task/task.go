// Package task runs background work — chart rendering, workbook export — through an
// Executor, so that the UI never waits on it and tests can run it synchronously.
package task

import "sync"

// Executor runs functions, possibly on another goroutine.
type Executor interface {
	Go(fn func())
}

// Async runs each function on a new goroutine and can wait for all of them.
type Async struct {
	wg sync.WaitGroup
}

// Go runs fn on a new goroutine.
func (a *Async) Go(fn func()) {
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		fn()
	}()
}

// Wait blocks until every function started so far has returned.
func (a *Async) Wait() { a.wg.Wait() }

// Sync runs each function at once, on the caller's goroutine. Tests use it to make
// background work deterministic.
type Sync struct{}

// Go runs fn and returns when it has.
func (Sync) Go(fn func()) { fn() }
