package mmrm

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/tiesproject/ties/effect"
)

// Columns names the columns of a long-format CSV file for ReadCSV. Subject,
// Visit and Outcome are required; the others are optional ("" or nil for
// none). Arm is needed by the default arm × visit model; without it
// Data.Arm is nil (Options.Mean = Covariates or InterceptOnly).
type Columns struct {
	Subject, Visit, Arm, Outcome string
	Baseline                     string
	Covariates                   []string
	Factors                      []string
	Cluster                      string
}

// missingText reports whether a numeric field means "missing".
func missingText(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "NA", "na", "NaN", ".":
		return true
	}
	return false
}

// ReadCSV reads a long-format CSV file with a header row, one row per
// subject and post-baseline visit, taking the named columns. Missing
// numbers may be written as "", "NA", "NaN" or "." (SAS). Errors give the
// physical line (header = line 1), the column and the subject.
func ReadCSV(r io.Reader, cols Columns) (*Data, error) {
	if cols.Subject == "" || cols.Visit == "" || cols.Outcome == "" {
		return nil, fieldErr(0, "", "", "Columns", cols, "Subject, Visit and Outcome columns must be named")
	}
	cr := csv.NewReader(r)
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fieldErr(1, "", "", "header", "", "empty file: the first line must name the columns")
		}
		return nil, fmt.Errorf("%w: %v", ErrInvalidInput, err)
	}
	pos := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := pos[h]; dup {
			return nil, fieldErr(1, h, "", "header", h, "column heading appears twice")
		}
		pos[h] = i
	}
	col := func(name string) (int, error) {
		i, ok := pos[name]
		if !ok {
			return 0, fieldErr(1, name, "", "header", name, fmt.Sprintf("no such column; the header has %q", header))
		}
		return i, nil
	}
	var iS, iV, iA, iY, iB, iC int
	if iS, err = col(cols.Subject); err != nil {
		return nil, err
	}
	if iV, err = col(cols.Visit); err != nil {
		return nil, err
	}
	iA = -1
	if cols.Arm != "" {
		if iA, err = col(cols.Arm); err != nil {
			return nil, err
		}
	}
	if iY, err = col(cols.Outcome); err != nil {
		return nil, err
	}
	iB, iC = -1, -1
	if cols.Baseline != "" {
		if iB, err = col(cols.Baseline); err != nil {
			return nil, err
		}
	}
	if cols.Cluster != "" {
		if iC, err = col(cols.Cluster); err != nil {
			return nil, err
		}
	}
	iCov := make([]int, len(cols.Covariates))
	for j, c := range cols.Covariates {
		if iCov[j], err = col(c); err != nil {
			return nil, err
		}
	}
	iFac := make([]int, len(cols.Factors))
	for j, c := range cols.Factors {
		if iFac[j], err = col(c); err != nil {
			return nil, err
		}
	}
	d := &Data{Columns: cols}
	if iA >= 0 {
		d.Arm = []string{}
	}
	if iB >= 0 {
		d.Baseline = []float64{}
	}
	if iC >= 0 {
		d.Cluster = []string{}
	}
	d.Covariates = make([]effect.Covariate, len(cols.Covariates))
	for j, c := range cols.Covariates {
		d.Covariates[j].Name = c
	}
	d.Factors = make([]effect.Factor, len(cols.Factors))
	for j, c := range cols.Factors {
		d.Factors[j].Name = c
	}
	num := func(rec []string, i, line int, name, subj string) (float64, error) {
		s := rec[i]
		if missingText(s) {
			return math.NaN(), nil
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsInf(v, 0) {
			return 0, fieldErr(line, name, subj, name, s, "not a number (write missing values as NA or leave the field empty)")
		}
		return v, nil
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fieldErr(pe.Line, "", "", "record", "", pe.Err.Error())
			}
			return nil, fmt.Errorf("%w: %v", ErrInvalidInput, err)
		}
		line, _ := cr.FieldPos(0)
		subj := strings.TrimSpace(rec[iS])
		if subj == "" {
			return nil, fieldErr(line, cols.Subject, "", cols.Subject, "", "empty subject ID")
		}
		y, err := num(rec, iY, line, cols.Outcome, subj)
		if err != nil {
			return nil, err
		}
		d.Subject = append(d.Subject, subj)
		d.Visit = append(d.Visit, strings.TrimSpace(rec[iV]))
		if iA >= 0 {
			d.Arm = append(d.Arm, strings.TrimSpace(rec[iA]))
		}
		d.Outcome = append(d.Outcome, y)
		d.Line = append(d.Line, line)
		if iB >= 0 {
			b, err := num(rec, iB, line, cols.Baseline, subj)
			if err != nil {
				return nil, err
			}
			d.Baseline = append(d.Baseline, b)
		}
		if iC >= 0 {
			d.Cluster = append(d.Cluster, strings.TrimSpace(rec[iC]))
		}
		for j, i := range iCov {
			v, err := num(rec, i, line, cols.Covariates[j], subj)
			if err != nil {
				return nil, err
			}
			d.Covariates[j].Values = append(d.Covariates[j].Values, v)
		}
		for j, i := range iFac {
			v := strings.TrimSpace(rec[i])
			if v == "NA" {
				v = ""
			}
			d.Factors[j].Levels = append(d.Factors[j].Levels, v)
		}
	}
	if len(d.Subject) == 0 {
		return nil, fieldErr(2, "", "", "rows", 0, "no data rows after the header")
	}
	return d, nil
}
