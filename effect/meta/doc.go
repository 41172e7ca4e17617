// Package meta pools effect sizes across studies (meta-analysis), as R's
// metafor rma() does, in O(k) time per iteration.
package meta
