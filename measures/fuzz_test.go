package measures

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad: Load never panics; an accepted key scores without panicking
// and its bands cover its range.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(minimalKey))
	ents, _ := os.ReadDir("keys")
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join("keys", e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"id":"x"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := Load(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, ErrInvalidKey) {
				t.Fatalf("error does not wrap ErrInvalidKey: %v", err)
			}
			checkPositioned(t, "Load", err, 0)
			return
		}
		lo, hi := in.Range()
		x := make([]float64, len(in.Items))
		for j, it := range in.Items {
			for _, rs := range in.ResponseSets {
				if rs.ID == it.Responses {
					x[j] = float64(rs.Codes[0])
				}
			}
		}
		s, err := in.Score(x)
		if err != nil {
			t.Fatalf("lowest codes rejected: %v", err)
		}
		if !(s.Total >= lo-1e-9*math.Abs(lo)-1e-9 && s.Total <= hi+1e-9*math.Abs(hi)+1e-9) && !math.IsNaN(s.Total) {
			t.Fatalf("total %v outside [%v, %v]", s.Total, lo, hi)
		}
		if len(in.Total.Bands) > 0 && s.Band == "" && !math.IsNaN(s.Total) {
			t.Fatalf("total %v in no band", s.Total)
		}
	})
}

// FuzzScoreCSV: ScoreCSV never panics, returns at most one row per line
// and every row has one score and one error slot per instrument; WriteCSV
// accepts the result.
func FuzzScoreCSV(f *testing.F) {
	f.Add(trialCSV, ",")
	f.Add("id,ucla3-companionship,ucla3-left-out,ucla3-isolated\na,1,1,1\nb,\"1\"x,1,1\n", ",")
	f.Add("id;ucla3-companionship;ucla3-left-out;ucla3-isolated\na;1;1;1\n", ";")
	ins := []*Instrument{lookup(f, "ucla-3"), lookup(f, "lsns-6")}
	opts := trialOptions()
	f.Fuzz(func(t *testing.T, data, comma string) {
		o := *opts
		if r := []rune(comma); len(r) == 1 {
			o.Comma = r[0]
		}
		u := ins[:1]
		for _, set := range [][]*Instrument{ins, u} {
			for _, op := range []*CSVOptions{&o, nil} {
				rows, err := ScoreCSV(strings.NewReader(data), set, op)
				lines := strings.Count(data, "\n") + strings.Count(data, "\r") + 1
				if err != nil {
					if !errors.Is(err, ErrColumn) && !errors.Is(err, ErrRecord) && !errors.Is(err, ErrInvalidInput) {
						t.Fatalf("unexpected error %v", err)
					}
					checkPositioned(t, "ScoreCSV", err, lines)
					continue
				}
				for _, r := range rows {
					for _, e := range r.Errs {
						checkPositioned(t, "ScoreCSV row", e, lines)
					}
				}
				if len(rows) > strings.Count(data, "\n")+strings.Count(data, "\r")+1 {
					t.Fatalf("%d rows from %d lines", len(rows), strings.Count(data, "\n")+1)
				}
				for _, r := range rows {
					if len(r.Scores) != len(set) || len(r.Errs) != len(set) {
						t.Fatal("row without a slot per instrument")
					}
					for i, e := range r.Errs {
						if e != nil && !math.IsNaN(r.Scores[i].Total) {
							t.Fatal("error row with a score")
						}
					}
				}
				var buf bytes.Buffer
				if err := WriteCSV(&buf, set, rows, op); err != nil {
					if op != nil && o.Comma != ',' {
						continue // an invalid delimiter is csv.Writer's error
					}
					t.Fatal(err)
				}
			}
		}
	})
}

// FuzzScore: Score never panics; it either errors with ErrOutOfRange /
// ErrInvalidInput or returns a total within the instrument's range, and
// ScoreMatrix agrees.
func FuzzScore(f *testing.F) {
	f.Add("ucla-ls3", []byte{1, 2, 3, 4})
	f.Add("djg-6", []byte{})
	f.Add("swemwbs", []byte{0xff, 0xf8, 0, 0, 0, 0, 0, 1})
	all := map[string]*Instrument{}
	for _, in := range All() {
		all[in.ID] = in
	}
	f.Fuzz(func(t *testing.T, id string, raw []byte) {
		in := all[id]
		if in == nil {
			in = all["mspss"]
		}
		x := make([]float64, len(in.Items))
		for j := range x {
			if len(raw) >= 8 && raw[0]&1 == 1 {
				x[j] = math.Float64frombits(binary.LittleEndian.Uint64(raw))
				raw = raw[8:]
			} else if len(raw) > 0 {
				x[j] = float64(int(raw[0]%9) - 1)
				if raw[0] > 240 {
					x[j] = math.NaN()
				}
				raw = raw[1:]
			}
		}
		for _, o := range []*ScoreOptions{nil, {MaxMissing: 2, SubscaleMaxMissing: 1}, {MaxMissing: 1, Method: SumAnswered}} {
			o = fitOptions(in, o)
			s, err := in.ScoreWith(x, o)
			var dst Scores
			if e2 := in.ScoreMatrix(&dst, x, o); e2 != nil {
				t.Fatal(e2)
			}
			if err != nil {
				if !errors.Is(err, ErrOutOfRange) {
					t.Fatalf("%v", err)
				}
				if dst.Err[0] == nil {
					t.Fatal("matrix accepted a row Score rejected")
				}
				continue
			}
			lo, hi := in.Range()
			// SumAnswered totals over fewer items may fall below the
			// complete-data range; they cannot exceed it.
			low := lo - 1e-9
			if o != nil && o.Method == SumAnswered && s.Missing > 0 {
				low = math.Inf(-1)
			}
			if !math.IsNaN(s.Total) && (s.Total < low || s.Total > hi+1e-9) {
				t.Fatalf("%s total %v outside [%v, %v] for %v", in.ID, s.Total, lo, hi, x)
			}
			if !same(s.Total, dst.Total[0]) || !same(s.Raw, dst.Raw[0]) || s.Prorated != dst.Prorated[0] || s.NonStandard != dst.NonStandard[0] {
				t.Fatalf("Score %+v, ScoreMatrix %v %v %v %v", s, dst.Total[0], dst.Raw[0], dst.Prorated[0], dst.NonStandard[0])
			}
			// The flags mean what the doc says.
			if math.IsNaN(s.Total) && (s.Prorated || !math.IsNaN(s.Raw) || s.Band != "") {
				t.Fatalf("%s: NaN total with raw %v, prorated %v, band %q", in.ID, s.Raw, s.Prorated, s.Band)
			}
			if s.Prorated && s.Missing == 0 {
				t.Fatalf("%s: prorated without a missing item", in.ID)
			}
			anyNumber := !math.IsNaN(s.Total)
			for _, sub := range s.Subscales {
				anyNumber = anyNumber || !math.IsNaN(sub.Value)
				if math.IsNaN(sub.Value) && (sub.Prorated || sub.Band != "") {
					t.Fatalf("%s: NaN subscale %s prorated %v band %q", in.ID, sub.ID, sub.Prorated, sub.Band)
				}
			}
			if s.NonStandard && (o == nil || !anyNumber) {
				t.Fatalf("%s: NonStandard with options %v and no score", in.ID, o)
			}
			if s.Band != "" && in.Total.Aggregation == Sum && s.Total != math.Trunc(s.Total) {
				t.Fatalf("%s: band %q for a non-whole sum %v", in.ID, s.Band, s.Total)
			}
		}
	})
}
