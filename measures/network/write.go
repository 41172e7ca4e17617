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
			if err := w.Write(attrRecord([]string{e.ID}, cb.Ego, e.Values)); err != nil {
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
				if err := w.Write(attrRecord([]string{e.ID, al.ID}, cb.Alter, al.Values)); err != nil {
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

// attrRecord appends the cells of the attribute values vals to the key
// cells of one row: a category as its codebook label, a number in the
// shortest form that reads back exactly, a missing or absent value as
// "NA".
func attrRecord(rec []string, attrs []Attribute, vals []float64) []string {
	for k, a := range attrs {
		v := math.NaN()
		if k < len(vals) {
			v = vals[k]
		}
		switch {
		case math.IsNaN(v):
			rec = append(rec, "NA")
		case a.Kind == Categorical && v >= 0 && int(v) < len(a.Categories) && v == math.Trunc(v):
			rec = append(rec, a.Categories[int(v)])
		default:
			rec = append(rec, strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	return rec
}
