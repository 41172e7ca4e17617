package mmrm

import (
	"bytes"
	"errors"
	"math"
	"testing"
)

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("id,visit,arm,base,y\nP1,3m,C,6,5\nP1,6m,C,6,NA\nP2,3m,T,7,5\nP2,6m,T,7,4\nP3,3m,C,5,4\nP3,6m,C,5,6\nP4,3m,T,4,2\nP4,6m,T,4,3\n"))
	f.Add([]byte("id,visit,arm,base,y\nP1,3m,C,6,5\nP1,3m,C,6,5\n"))
	f.Add([]byte("id,visit,arm,base,y\n\"P1,3m,C,6,5\n"))
	f.Add([]byte("\ufeffid,visit,arm,base,y,y\n"))
	f.Add([]byte("id,visit,arm,base,y\nP1,3m,C,.,1e400\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ReadCSV(bytes.NewReader(b), Columns{Subject: "id", Visit: "visit", Arm: "arm", Outcome: "y", Baseline: "base"})
		if err != nil {
			if !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("error %v does not wrap ErrInvalidInput", err)
			}
			return
		}
		for _, s := range []Structure{CS, US} {
			r, err := Fit(d, &Options{Structure: s, MaxIter: 30})
			if err != nil {
				if !errors.Is(err, ErrInvalidInput) && !errors.Is(err, ErrNoConvergence) {
					t.Fatalf("error %v wraps no sentinel", err)
				}
				continue
			}
			_ = r.String()
		}
	})
}

// FuzzFit builds small trials from bytes: each byte pair gives a visit
// (of 3), an outcome and a missingness flag.
func FuzzFit(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24}, uint8(0))
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, uint8(3))
	f.Add([]byte{255, 1, 255, 1, 128, 7, 9, 200, 3, 3, 3, 3, 90, 91, 92, 93, 1, 2}, uint8(8))
	f.Fuzz(func(t *testing.T, b []byte, opt uint8) {
		if len(b) > 400 {
			return
		}
		var d Data
		visits := []string{"a", "b", "c"}
		for i := 0; i+1 < len(b); i += 2 {
			subj := string(rune('A' + (i/6)%40))
			v := visits[(i/2)%3]
			y := float64(b[i]) / 7
			if b[i+1]%11 == 0 {
				y = math.NaN()
			}
			d.Subject = append(d.Subject, subj)
			d.Visit = append(d.Visit, v)
			d.Arm = append(d.Arm, []string{"C", "T"}[(i/6)%2])
			d.Outcome = append(d.Outcome, y)
			d.Baseline = append(d.Baseline, float64(b[i+1]%13))
		}
		o := &Options{Structure: Structure(opt % 9), Method: Method((opt / 9) % 2), DF: DFMethod((opt / 18) % 5), MaxIter: 30}
		r, err := Fit(&d, o)
		if err != nil {
			if !errors.Is(err, ErrInvalidInput) && !errors.Is(err, ErrNoConvergence) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		for _, df := range r.Differences {
			if math.IsNaN(df.Estimate) {
				t.Fatalf("NaN estimate from a successful fit: %v", r)
			}
		}
	})
}
