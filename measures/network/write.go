package network

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
)

// WriteCSV writes d in the layout ReadCSV reads with default column names:
// an egos file (ego_id and the ego attributes), an alters file (ego_id,
// alter_id and the alter attributes) and a ties file (ego_id, alter_a,
// alter_b, plus weight when any ego is weighted). Categories are written
// as their codebook labels, numbers in the shortest form that reads back
// exactly, missing values as "NA". A nil writer skips its file.
func WriteCSV(egos, alters, ties io.Writer, d *Data) error {
	cb := &d.Codebook
	cell := func(a Attribute, v float64) string {
		switch {
		case math.IsNaN(v):
			return "NA"
		case a.Kind == Categorical && v >= 0 && int(v) < len(a.Categories) && v == math.Trunc(v):
			return a.Categories[int(v)]
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	weighted := false
	for i := range d.Egos {
		weighted = weighted || d.Egos[i].Weighted
	}
	write := func(dst io.Writer, head []string, rows func(w *csv.Writer) error) error {
		if dst == nil {
			return nil
		}
		w := csv.NewWriter(dst)
		if err := w.Write(head); err != nil {
			return err
		}
		if err := rows(w); err != nil {
			return err
		}
		w.Flush()
		return w.Error()
	}
	head := []string{"ego_id"}
	for _, a := range cb.Ego {
		head = append(head, a.Name)
	}
	err := write(egos, head, func(w *csv.Writer) error {
		for _, e := range d.Egos {
			rec := []string{e.ID}
			for k, a := range cb.Ego {
				v := math.NaN()
				if k < len(e.Values) {
					v = e.Values[k]
				}
				rec = append(rec, cell(a, v))
			}
			if err := w.Write(rec); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	head = []string{"ego_id", "alter_id"}
	for _, a := range cb.Alter {
		head = append(head, a.Name)
	}
	err = write(alters, head, func(w *csv.Writer) error {
		for _, e := range d.Egos {
			for _, al := range e.Alters {
				rec := []string{e.ID, al.ID}
				for k, a := range cb.Alter {
					v := math.NaN()
					if k < len(al.Values) {
						v = al.Values[k]
					}
					rec = append(rec, cell(a, v))
				}
				if err := w.Write(rec); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	head = []string{"ego_id", "alter_a", "alter_b"}
	if weighted {
		head = append(head, "weight")
	}
	return write(ties, head, func(w *csv.Writer) error {
		for _, e := range d.Egos {
			for _, t := range e.Ties {
				if t.A < 0 || t.A >= len(e.Alters) || t.B < 0 || t.B >= len(e.Alters) {
					return fieldErr(ErrInvalidInput, e.ID, "tie", t, "alter index outside the ego's alters")
				}
				rec := []string{e.ID, e.Alters[t.A].ID, e.Alters[t.B].ID}
				if weighted {
					wt := 1.0
					if e.Weighted {
						wt = t.Weight
					}
					rec = append(rec, strconv.FormatFloat(wt, 'g', -1, 64))
				}
				if err := w.Write(rec); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
