// Package apicheck holds tests that audit the whole module against the
// project's documentation rules: every exported function and method has a
// runnable Example (one with an "// Output:" comment), so that its
// documentation shows a call that go test has checked; no code, doc,
// string, JSON file or script cites the project's own notes instead of the
// primary literature; and no doc comment states a timing (timings go
// stale; the README's table holds them). The package has no API itself.
package apicheck
