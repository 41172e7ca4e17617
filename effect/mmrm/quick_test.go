package mmrm

import "testing"

func TestQuickStructures(t *testing.T) {
	d := readFEV(t)
	for _, byArm := range []bool{false, true} {
		for _, m := range []Method{REML, ML} {
			for s := US; s <= ADH; s++ {
				r, err := Fit(d, &Options{Structure: s, Method: m, ByArm: byArm})
				if err != nil {
					t.Errorf("%v %v %v: %v", s, m, byArm, err)
					continue
				}
				t.Logf("%v %v %v: -2ll %.6f iter %d grad %.2g diff4 %.6f se %.6f df %.3f", s, m, byArm, -2*r.LogLik, r.Iterations, r.GradientNorm, r.Differences[3].Estimate, r.Differences[3].SE, r.Differences[3].DF)
			}
		}
	}
}
