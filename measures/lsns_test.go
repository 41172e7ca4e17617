package measures

import (
	"errors"
	"testing"
)

// LSNS-R and LSNS-18 are plain sums of 0–5 codes; the block subscales
// follow the form layout (family, [neighbours,] friends).
func TestLSNSRevisedAnd18(t *testing.T) {
	r := lookup(t, "lsns-r")
	resp := []float64{5, 4, 3, 2, 1, 0, 1, 1, 2, 3, 5, 5}
	s, err := r.Score(resp)
	if err != nil {
		t.Fatal(err)
	}
	if s.Total != 32 || s.Subscales[0].Value != 15 || s.Subscales[1].Value != 17 || s.Band != "" {
		t.Errorf("lsns-r: %+v", s)
	}
	// The LSNS-6 items are LSNS-R items 1, 3, 4, 7, 9, 10, by content ID.
	six := lookup(t, "lsns-6")
	sub := make([]float64, len(six.Items))
	for j, it := range six.Items {
		k := r.Index(it.ID)
		if k < 0 {
			t.Fatalf("lsns-6 item %s not in lsns-r", it.ID)
		}
		sub[j] = resp[k]
	}
	s6, err := six.Score(sub)
	if err != nil || s6.Total != 5+3+2+1+2+3 {
		t.Errorf("lsns-6 from lsns-r: %+v %v", s6, err)
	}
	e := lookup(t, "lsns-18")
	resp18 := make([]float64, 18)
	for j := range resp18 {
		resp18[j] = float64(j % 6)
	}
	s, err = e.Score(resp18)
	if err != nil || s.Total != 45 || len(s.Subscales) != 3 || s.Subscales[1].ID != "neighbours" || s.Subscales[1].Value != 15 {
		t.Errorf("lsns-18: %+v %v", s, err)
	}
	resp18[3] = 6
	if _, err := e.Score(resp18); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("code 6: %v", err)
	}
}
