package measures

import (
	"errors"
	"math"
	"strconv"

	"github.com/tiesproject/ties/effect"
)

// Scores holds the scores of many respondents in flat, reusable arrays.
// Row i of every field belongs to respondent i. Subscale arrays are
// row-major: the score of subscale s for respondent i is
// Subscales[i*len(in.Subscales)+s].
type Scores struct {
	N                int
	Total            []float64
	Raw              []float64
	Band             []int // index into Instrument.Total.Bands; -1 for none
	Missing          []int
	Prorated         []bool
	NonStandard      []bool
	Subscales        []float64
	SubscaleBand     []int
	SubscaleMissing  []int
	SubscaleProrated []bool
	Err              []error // nil, or why respondent i could not be scored
	vals             []float64
}

func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// ScoreMatrix scores every respondent of a flat, row-major matrix of
// responses (len(responses) = n × len(in.Items); NaN marks a missing item)
// into dst, reusing dst's arrays when they are large enough. Every
// respondent gets a result in order; one that cannot be scored has its
// Err set (an *effect.FieldError with Record "respondent 3", counting
// from 1) and NaN
// scores. The error return is for a matrix whose length is not a multiple
// of the number of items.
//
// This is the fast path: it does not allocate per respondent (except to
// report an error).
func (in *Instrument) ScoreMatrix(dst *Scores, responses []float64, o *ScoreOptions) error {
	if err := in.loaded(); err != nil {
		return err
	}
	if dst == nil {
		return fieldErr("dst", "nil", "a *Scores is required")
	}
	if err := o.validate(in); err != nil {
		return err
	}
	k := in.c.k
	if len(responses)%k != 0 {
		return fieldErr("responses", len(responses), "length is not a multiple of the number of items ("+strconv.Itoa(k)+")")
	}
	n := len(responses) / k
	m := len(in.Subscales)
	dst.N = n
	dst.Total = grow(dst.Total, n)
	dst.Raw = grow(dst.Raw, n)
	dst.Band = grow(dst.Band, n)
	dst.Missing = grow(dst.Missing, n)
	dst.Prorated = grow(dst.Prorated, n)
	dst.NonStandard = grow(dst.NonStandard, n)
	dst.Subscales = grow(dst.Subscales, n*m)
	dst.SubscaleBand = grow(dst.SubscaleBand, n*m)
	dst.SubscaleMissing = grow(dst.SubscaleMissing, n*m)
	dst.SubscaleProrated = grow(dst.SubscaleProrated, n*m)
	dst.Err = grow(dst.Err, n)
	dst.vals = grow(dst.vals, k)
	var r rowResult
	for i := 0; i < n; i++ {
		r.sub = dst.Subscales[i*m : (i+1)*m]
		r.subBand = dst.SubscaleBand[i*m : (i+1)*m]
		r.subMissing = dst.SubscaleMissing[i*m : (i+1)*m]
		r.subPro = dst.SubscaleProrated[i*m : (i+1)*m]
		err := in.scoreRow(responses[i*k:(i+1)*k], dst.vals, &r, o)
		if err != nil {
			var fe *effect.FieldError
			if errors.As(err, &fe) {
				fe.Record = "respondent " + strconv.Itoa(i+1)
			}
			dst.Err[i] = err
			dst.Total[i], dst.Raw[i], dst.Band[i] = math.NaN(), math.NaN(), -1
			dst.Missing[i], dst.Prorated[i], dst.NonStandard[i] = 0, false, false
			for s := range r.sub {
				r.sub[s], r.subBand[s], r.subMissing[s], r.subPro[s] = math.NaN(), -1, 0, false
			}
			continue
		}
		dst.Err[i] = nil
		dst.Total[i], dst.Raw[i], dst.Band[i] = r.total, r.raw, r.band
		dst.Missing[i], dst.Prorated[i], dst.NonStandard[i] = r.missing, r.prorated, r.nonStd
	}
	return nil
}
