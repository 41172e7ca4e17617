// Package effect computes standardized effect sizes for trials that compare
// an intervention with usual care, with their sampling variances and
// confidence intervals, following the conventions of R's metafor and
// effectsize packages.
//
// # Sign convention
//
// Every estimate is intervention minus usual care (first argument minus
// second). See Estimate.Favouring for outcomes where lower is better.
//
// # Errors
//
// Invalid input returns an error wrapping ErrInvalidInput (a *FieldError
// naming the field); nothing panics on user data.
package effect
