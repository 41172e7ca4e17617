// Package apicheck holds a test that audits the module's exported API:
// every exported function and method must have a runnable Example (one
// with an "// Output:" comment), so that its documentation shows a call
// that go test has checked. The package has no exported API itself.
package apicheck
