// Package golden reads the reference tables that ties' tests compare with
// (CSV files made by committed R and Python scripts under testdata/) and
// compares numbers to stated tolerances. It is the one helper for golden
// files in the module, and Update is the one regeneration flag: tests that
// write their own goldens rewrite them when run with -update.
package golden
