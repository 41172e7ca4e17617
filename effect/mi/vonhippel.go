package mi

import (
	"fmt"
	"math"
)

// VonHippelBartlett pools B bootstrap samples each imputed D times
// (bootstrapped maximum likelihood multiple imputation, von Hippel &
// Bartlett 2021, eqs. 8.4 and 8.6). estimates holds the B·D estimates
// bootstrap-major: the D imputations of bootstrap sample 1 first. With
// MSB and MSW the between- and within-bootstrap mean squares,
//
//	V = (1 + 1/B)(MSB − MSW)/D + MSW/(B·D),
//	ν = max(3, V² / [((B+1)/(B·D))²·MSB²/(B − 1) + MSW²/(B·D²·(D − 1))]),
//
// and inference uses t on ν. V is negative when MSB < MSW (too few
// bootstrap samples for the variance to be estimated); that is an error
// here, where rbmi returns a NaN standard error.
func VonHippelBartlett(estimates []float64, d int, o *Options) (Pooled, error) {
	level, alt, err := o.resolve()
	if err != nil {
		return Pooled{}, err
	}
	if d < 2 {
		return Pooled{}, fieldErr("d", d, "need at least 2 imputations per bootstrap sample")
	}
	if len(estimates) == 0 || len(estimates)%d != 0 {
		return Pooled{}, fieldErr("estimates", len(estimates), fmt.Sprintf("the number of estimates must be a positive multiple of d = %d", d))
	}
	if err := checkFinite("estimates", estimates); err != nil {
		return Pooled{}, err
	}
	b := len(estimates) / d
	if b < 2 {
		return Pooled{}, fieldErr("estimates", len(estimates), "need at least 2 bootstrap samples")
	}
	B, D := float64(b), float64(d)
	grand := 0.0
	for _, e := range estimates {
		grand += e
	}
	grand /= B * D
	ssw, ssb := 0.0, 0.0
	for i := 0; i < b; i++ {
		row := estimates[i*d : (i+1)*d]
		m := 0.0
		for _, e := range row {
			m += e
		}
		m /= D
		for _, e := range row {
			ssw += (e - m) * (e - m)
		}
		ssb += D * (m - grand) * (m - grand)
	}
	msw := ssw / (B * (D - 1))
	msb := ssb / (B - 1)
	v := (1+1/B)*(msb-msw)/D + msw/(B*D)
	if !(v > 0) {
		return Pooled{}, fieldErr("estimates", v, "the variance estimate is not positive (between-bootstrap mean square below the within mean square): use more bootstrap samples")
	}
	c := (B + 1) / (B * D)
	df := v * v / (c*c*msb*msb/(B-1) + msw*msw/(B*D*D*(D-1)))
	p := Pooled{Method: MethodVonHippelBartlett, Estimate: grand, SE: math.Sqrt(v), DF: math.Max(3, df), N: b * d}
	nanRubin(&p)
	parametric(&p, level, alt)
	return p, nil
}
