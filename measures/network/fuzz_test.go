package network

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// FuzzReadCSV feeds arbitrary alters and ties files to the reader: it
// must never panic, every reported problem must be a positioned
// *effect.FieldError with a sentinel, and Describe must accept whatever
// it returns.
func FuzzReadCSV(f *testing.F) {
	f.Add("ego_id,sex\nE,f\nF,NA\nE,m\n", "ego_id,alter_id,role,freq\nE,a,friend,3\nE,b,NA,\n", "ego_id,alter_a,alter_b,weight\nE,a,b,0.5\nE,b,a,0.5\nE,a,a,1\n")
	f.Add("", "ego_id,alter_id,role,freq\nE,a,x,1e400\nE,a,friend,-\n\"", "ego_id,alter_a,alter_b,weight\nE,a,c,2\nF,a,b,\n")
	f.Add("", "ego_id,alter_id,role,freq\n", "")
	f.Add("", "ego_id,alter_id,role,freq\nE,a,friend,Inf\nE,b,friend,0x1p3\n", "ego_id,alter_a,alter_b,weight\nE,a,b,NaN\nE,a,b,1,2\n")
	cb := Codebook{Alter: []Attribute{{Name: "role", Categories: []string{"friend", "family"}}, {Name: "freq", Kind: Numeric}}}
	cbEgo := cb
	cbEgo.Ego = []Attribute{{Name: "sex", Categories: []string{"f", "m"}}}
	f.Fuzz(func(t *testing.T, egos, alters, ties string) {
		for _, cap := range []int{0, 1} {
			var egoFile *strings.Reader
			cb := cb
			if egos != "" {
				egoFile, cb = strings.NewReader(egos), cbEgo
			}
			var d *Data
			var err error
			if egoFile != nil {
				d, err = ReadCSV(egoFile, strings.NewReader(alters), strings.NewReader(ties), &ReadOptions{Codebook: cb, Weight: "weight", Cap: cap})
			} else {
				d, err = ReadCSV(nil, strings.NewReader(alters), strings.NewReader(ties), &ReadOptions{Codebook: cb, Weight: "weight", Cap: cap})
			}
			if err != nil {
				if !errors.Is(err, ErrColumn) && !errors.Is(err, ErrRecord) && !errors.Is(err, ErrInvalidInput) {
					t.Fatalf("unexpected error %v", err)
				}
				continue
			}
			for _, list := range [][]error{d.Rejected, d.Cleaned} {
				for _, e := range list {
					var fe *effect.FieldError
					if !errors.As(e, &fe) || fe.Line < 2 || fe.Err == nil {
						t.Fatalf("report without a line: %v", e)
					}
				}
			}
			res, err := Describe(d, &Options{Compose: []string{"role"}, Strength: "freq", Threshold: 2})
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != len(d.Egos) {
				t.Fatalf("%d results for %d egos", len(res), len(d.Egos))
			}
			for i, r := range res {
				if (r.Err != nil) != (d.Errs[i] != nil) {
					t.Fatalf("ego %s: result error %v, data error %v", r.Ego, r.Err, d.Errs[i])
				}
				if r.Err == nil {
					s := r.Structure
					if s.Density < 0 || s.Density > 1 || s.Constraint < 0 || (s.Size > 0 && math.IsNaN(s.Constraint)) {
						t.Fatalf("ego %s: %+v", r.Ego, s)
					}
				}
			}
			// What was read writes and reads back the same.
			var a, b bytes.Buffer
			if err := WriteCSV(&a, &a, &b, d); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// FuzzScoreSNI checks that the scorer never panics and keeps its ranges.
func FuzzScoreSNI(f *testing.F) {
	f.Add(1, 2, 3, 0, 1, 4, 0, 0, 0, 7, 2, 0, 12, false, false, false, uint8(1))
	f.Add(-1, -1, 9, 4, -5, 8, 0, 0, 0, 0, 0, 0, -1, true, true, true, uint8(2))
	f.Fuzz(func(t *testing.T, m, ch, pa, il, re, fr, rg, st, su, co, ne, vo, gr int, either, capG, zero bool, emb uint8) {
		a := SNIAnswers{m, ch, pa, il, re, fr, rg, st, su, co, ne, vo, []int{gr, gr / 3}}
		s, err := ScoreSNI(a, &SNIOptions{EmployeeEither: either, CapGroups: capG, ZeroFill: zero, Embedded: EmbeddedRule(emb % 4)})
		if err != nil {
			if !errors.Is(err, ErrInvalidInput) {
				t.Fatal(err)
			}
			return
		}
		if s.Roles < 0 || s.Roles > 12 || s.People < 0 || s.Embedded < -1 || s.Embedded > 8 {
			t.Fatalf("%+v", s)
		}
	})
}
