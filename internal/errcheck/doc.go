// Package errcheck holds the test helper that checks the error shape every
// package of ties promises: each error, also each one joined with
// errors.Join, is an *effect.FieldError whose Err is one of the package's
// sentinels (so that errors.As and errors.Is both work) and whose Line lies
// inside the input.
package errcheck
