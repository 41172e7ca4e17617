package nct

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

const goldenDir = "../../testdata/golden/nct/"

type gridRow struct {
	t, df, ncp float64
	cdf, sf    float64
}

// readGrid reads the CDF grid. It parses the file itself rather than with
// internal/golden because the 25-digit reference holds tails below the
// double range (1e-498), which must read as 0 or subnormal, not fail.
func readGrid(t *testing.T) []gridRow {
	t.Helper()
	f, err := os.Open(goldenDir + "nct_grid.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []gridRow
	for i, r := range recs[1:] {
		var v [5]float64
		for j := range v {
			// ParseFloat rounds the 25-digit reference correctly; values
			// below the double range parse as 0 or subnormal (and are
			// skipped by the comparison).
			x, err := strconv.ParseFloat(r[j], 64)
			if err != nil && !isRangeErr(err) {
				t.Fatalf("row %d column %d: %v", i+2, j, err)
			}
			v[j] = x
		}
		rows = append(rows, gridRow{v[0], v[1], v[2], v[3], v[4]})
	}
	return rows
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// region names the accuracy region of a grid point for the report.
func region(r gridRow) string {
	switch {
	case r.t == 0:
		return "t=0"
	case math.Abs(r.ncp) <= 37.62 && r.df <= 4e5:
		return "AS243 region (|ncp|<=37.62, df<=4e5)"
	case math.Abs(r.ncp) > 37.62 && r.df <= 4e5:
		return "|ncp|>37.62, df<=4e5"
	default:
		return "df>4e5"
	}
}

// TestGoldenGrid compares CDF and Survival with the 25-digit mpmath
// reference of testdata/golden/nct/gen_nct.py: relative error at most 1e-10
// wherever the reference exceeds 1e-300 (the measured maxima are logged).
func TestGoldenGrid(t *testing.T) {
	t.Parallel()
	rows := readGrid(t)
	if len(rows) < 100 {
		t.Fatalf("only %d golden rows", len(rows))
	}
	const tol = 1e-10
	type stat struct {
		n      int
		maxRel float64
		where  string
	}
	stats := map[string]*stat{}
	for _, r := range rows {
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"CDF", CDF(r.t, r.df, r.ncp), r.cdf},
			{"Survival", Survival(r.t, r.df, r.ncp), r.sf},
		} {
			if !(c.want > 1e-300) {
				if c.got > 1e-290 {
					t.Errorf("%s(%v, %v, %v) = %v, want %v", c.name, r.t, r.df, r.ncp, c.got, c.want)
				}
				continue
			}
			rel := math.Abs(c.got-c.want) / c.want
			key := region(r)
			if c.want < 1e-10 {
				key += ", tail < 1e-10"
			}
			s := stats[key]
			if s == nil {
				s = &stat{}
				stats[key] = s
			}
			s.n++
			if rel > s.maxRel {
				s.maxRel = rel
				s.where = fmt.Sprintf("%s(%v, %v, %v)", c.name, r.t, r.df, r.ncp)
			}
			if !(rel <= tol) {
				t.Errorf("%s(%v, %v, %v) = %.17g, want %.17g (rel. error %.2g)", c.name, r.t, r.df, r.ncp, c.got, c.want, rel)
			}
		}
	}
	keys := make([]string, 0, len(stats))
	for k := range stats {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s := stats[k]
		t.Logf("%-55s n=%4d  max rel. error %.2g at %s", k, s.n, s.maxRel, s.where)
	}
}

// TestGoldenNCPInterval compares NCPInterval with limits found by mpmath
// root finding on the 25-digit reference tails (gen_interval.py): error at
// most 1e-12·max(1, |limit|).
func TestGoldenNCPInterval(t *testing.T) {
	t.Parallel()
	recs := golden.ReadCSV(t, goldenDir+"nct_interval.csv")
	if len(recs) < 10 {
		t.Fatalf("only %d rows", len(recs))
	}
	var maxErr float64
	for _, r := range recs {
		tv, df, level := r.Float(t, "t"), r.Float(t, "df"), r.Float(t, "level")
		lo, hi, err := NCPInterval(tv, df, level)
		if err != nil {
			t.Errorf("%s: NCPInterval(%v, %v, %v): %v", r.Where(), tv, df, level, err)
			continue
		}
		for _, c := range [][2]float64{{lo, r.Float(t, "lo")}, {hi, r.Float(t, "hi")}} {
			e := math.Abs(c[0]-c[1]) / math.Max(1, math.Abs(c[1]))
			maxErr = math.Max(maxErr, e)
			if !(e <= 1e-12) {
				t.Errorf("%s: NCPInterval(%v, %v, %v) = [%.17g, %.17g], want [%s, %s]", r.Where(), tv, df, level, lo, hi, r.String(t, "lo"), r.String(t, "hi"))
			}
		}
	}
	t.Logf("%d intervals, max error / max(1, |limit|) = %.2g", len(recs), maxErr)
}
