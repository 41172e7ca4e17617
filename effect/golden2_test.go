package effect

import (
	"strings"
	"testing"
)

func TestGoldenPaired(t *testing.T) {
	rows := readGolden(t, "paired.csv")
	ta := newTally(t)
	defer ta.report()
	for _, r := range rows {
		id := r.String(t, "case")
		n := r.Int(t, "n")
		pp := PrePost{
			Pre:  Group{r.Float(t, "m_pre"), r.Float(t, "s_pre"), n},
			Post: Group{r.Float(t, "m_post"), r.Float(t, "s_post"), n},
			R:    r.Float(t, "r"),
		}
		level := r.Float(t, "level")
		J := r.Float(t, "J")
		src := " [" + r.String(t, "dz_src") + "]"
		type pair struct {
			vm  VarianceMethod
			col string
		}
		// d_z: metafor SMCC (corrected) and the exact CI.
		for _, vc := range []pair{{LS, "smcc_vi_LS"}, {LS2, "smcc_vi_LS2"}} {
			e, err := Dz(pp, &Options{Level: level, Correct: true, Variance: vc.vm})
			if err != nil {
				t.Fatalf("case %s: %v", id, err)
			}
			ta.rel("SMCC yi", id, e.Value, r.Float(t, "smcc_yi"), relTol)
			ta.rel("SMCC var "+vc.vm.String(), id, e.Variance, r.Float(t, vc.col), relTol)
			ta.rel("SMCC yi (metafor as installed)", id, e.Value, r.Float(t, "r_smcc_yi"), rTol)
			ta.rel("SMCC var "+vc.vm.String()+" (metafor as installed)", id, e.Variance, r.Float(t, "r_"+vc.col), rTol)
			ta.abs("d_z corrected CI exact"+src, id, e.CI.Lower, J*r.Float(t, "dz_lo"), exactTol)
			ta.abs("d_z corrected CI exact"+src, id, e.CI.Upper, J*r.Float(t, "dz_hi"), exactTol)
		}
		e, err := Dz(pp, &Options{Level: level})
		if err != nil {
			t.Fatalf("case %s: %v", id, err)
		}
		ta.rel("d_z", id, e.Value, r.Float(t, "dz"), relTol)
		ta.abs("d_z CI exact"+src, id, e.CI.Lower, r.Float(t, "dz_lo"), exactTol)
		ta.abs("d_z CI exact"+src, id, e.CI.Upper, r.Float(t, "dz_hi"), exactTol)

		// Becker: metafor SMCR (sd1i = pre SD), corrected.
		for _, vc := range []pair{{LS, "smcr_vi_LS"}, {LS2, "smcr_vi_LS2"}} {
			e, err := DBecker(pp, &Options{Level: level, Correct: true, Variance: vc.vm})
			if err != nil {
				t.Fatalf("case %s: %v", id, err)
			}
			ta.rel("SMCR yi", id, e.Value, r.Float(t, "smcr_yi"), relTol)
			ta.rel("SMCR var "+vc.vm.String(), id, e.Variance, r.Float(t, vc.col), relTol)
			ta.rel("SMCR yi (metafor as installed)", id, e.Value, r.Float(t, "r_smcr_yi"), rTol)
			ta.rel("SMCR var "+vc.vm.String()+" (metafor as installed)", id, e.Variance, r.Float(t, "r_"+vc.col), rTol)
		}

		// effectsize 1.0.3 rm_d formulas: adjust = FALSE (uncorrected, LS)
		// and adjust = TRUE (corrected, LS2: J·(d ± z·se)).
		for _, m := range []struct {
			name string
			f    func(PrePost, *Options) (Estimate, error)
		}{{"z", Dz}, {"rm", Drm}, {"av", Dav}, {"b", DBecker}} {
			u, err := m.f(pp, &Options{Level: level, CI: Wald})
			if err != nil {
				t.Fatalf("case %s: %v", id, err)
			}
			col := m.name
			if col == "z" {
				col = "dz"
			}
			want := r.Float(t, col)
			se := r.Float(t, m.name+"_se")
			lo, hi := r.Float(t, m.name+"_lo"), r.Float(t, m.name+"_hi")
			ta.rel("rm_d "+m.name, id, u.Value, want, relTol)
			ta.rel("rm_d "+m.name+" var", id, u.Variance, se*se, relTol)
			ta.rel("rm_d "+m.name+" CI", id, u.CI.Lower, lo, 1e-11)
			ta.rel("rm_d "+m.name+" CI", id, u.CI.Upper, hi, 1e-11)
			c, err := m.f(pp, &Options{Level: level, CI: Wald, Correct: true, Variance: LS2})
			if err != nil {
				t.Fatalf("case %s: %v", id, err)
			}
			ta.rel("rm_d "+m.name+" adjust", id, c.Value, J*want, relTol)
			ta.rel("rm_d "+m.name+" adjust CI", id, c.CI.Lower, J*lo, 1e-11)
			ta.rel("rm_d "+m.name+" adjust CI", id, c.CI.Upper, J*hi, 1e-11)
		}
	}
}

func TestGoldenFromStat(t *testing.T) {
	rows := readGolden(t, "fromstat.csv")
	ta := newTally(t)
	defer ta.report()
	for _, r := range rows {
		id := r.String(t, "case")
		tv := r.Float(t, "t")
		n1, n2 := r.Int(t, "n1"), r.Int(t, "n2")
		level := r.Float(t, "level")
		src := " [" + r.String(t, "d_src") + "]"
		d, err := FromT(tv, n1, n2, &Options{Level: level})
		if err != nil {
			t.Fatalf("case %s: %v", id, err)
		}
		ta.rel("FromT d", id, d.Value, r.Float(t, "d"), relTol)
		ta.abs("FromT CI exact"+src, id, d.CI.Lower, r.Float(t, "d_lo"), exactTol)
		ta.abs("FromT CI exact"+src, id, d.CI.Upper, r.Float(t, "d_hi"), exactTol)
		g, err := FromT(tv, n1, n2, &Options{Level: level, Correct: true})
		if err != nil {
			t.Fatalf("case %s: %v", id, err)
		}
		ta.rel("FromT g = escalc(ti=) yi", id, g.Value, r.Float(t, "yi"), relTol)
		ta.rel("FromT g var = escalc vi", id, g.Variance, r.Float(t, "vi"), relTol)
		ta.rel("FromT g (metafor as installed)", id, g.Value, r.Float(t, "r_yi"), rTol)
		sign := 1
		if tv < 0 {
			sign = -1
		}
		f, err := FromF(tv*tv, sign, n1, n2, &Options{Level: level, Correct: true})
		if err != nil {
			t.Fatalf("case %s: %v", id, err)
		}
		ta.rel("FromF g", id, f.Value, r.Float(t, "yi"), relTol)
		p := r.Float(t, "p")
		if yi, ok := optFloat(t, r, "p_yi"); ok && p > 1e-300 {
			e, err := FromP(p, int(r.Float(t, "sign")), n1, n2, &Options{Level: level, Correct: true})
			if err != nil {
				t.Fatalf("case %s: %v", id, err)
			}
			// t from p goes through the t quantile, whose relative accuracy
			// limits this comparison; 1e-10 documents it.
			ta.rel("FromP g (qt → escalc)", id, e.Value, yi, 1e-10)
			ta.rel("FromP g var", id, e.Variance, r.Float(t, "p_vi"), 1e-10)
		}
	}
}

func TestGoldenConvert(t *testing.T) {
	ta := newTally(t)
	defer ta.report()
	for _, r := range readGolden(t, "convert_dr.csv") {
		id := r.String(t, "case")
		n1, n2 := r.Int(t, "n1"), r.Int(t, "n2")
		e := Estimate{Measure: MeasureD, Value: r.Float(t, "d"), Variance: 0.04}
		re, err := RFromD(e, n1, n2)
		if err != nil {
			t.Fatalf("case %s: %v", id, err)
		}
		ta.rel("d_to_r", id, re.Value, r.Float(t, "r"), relTol)
		back, err := DFromR(re, n1, n2)
		if err != nil {
			t.Fatalf("case %s: %v", id, err)
		}
		ta.rel("r_to_d", id, back.Value, r.Float(t, "d_back"), 1e-11)
		ta.rel("variance round trip", id, back.Variance, e.Variance, 1e-11)
		lo, _ := LogORFromD(e, Logistic)
		ta.rel("d_to_oddsratio (log)", id, lo.Value, r.Float(t, "logor_logistic"), relTol)
		dd, _ := DFromLogOR(lo, Logistic)
		ta.rel("oddsratio_to_d", id, dd.Value, r.Float(t, "d_from_logor"), relTol)
	}
	for _, r := range readGolden(t, "convert_or.csv") {
		id := r.String(t, "case")
		or := Estimate{Measure: MeasureLogOR, Value: r.Float(t, "or_yi"), Variance: r.Float(t, "or_vi")}
		l, _ := DFromLogOR(or, Logistic)
		ta.rel("OR2DL yi", id, l.Value, r.Float(t, "dl_yi"), relTol)
		ta.rel("OR2DL vi", id, l.Variance, r.Float(t, "dl_vi"), relTol)
		c, _ := DFromLogOR(or, Cox)
		ta.rel("OR2DN yi", id, c.Value, r.Float(t, "dn_yi"), relTol)
		ta.rel("OR2DN vi", id, c.Variance, r.Float(t, "dn_vi"), relTol)
	}
	for _, r := range readGolden(t, "convert_d2or.csv") {
		id := r.String(t, "case")
		d, err := CohenD(Group{r.Float(t, "m1"), r.Float(t, "s1"), r.Int(t, "n1")}, Group{r.Float(t, "m2"), r.Float(t, "s2"), r.Int(t, "n2")}, nil)
		if err != nil {
			t.Fatal(err)
		}
		l, _ := LogORFromD(d, Logistic)
		ta.rel("D2ORL yi", id, l.Value, r.Float(t, "lo_yi"), relTol)
		ta.rel("D2ORL vi", id, l.Variance, r.Float(t, "lo_vi"), relTol)
		c, _ := LogORFromD(d, Cox)
		ta.rel("D2ORN yi", id, c.Value, r.Float(t, "no_yi"), relTol)
		ta.rel("D2ORN vi", id, c.Variance, r.Float(t, "no_vi"), relTol)
	}
}

func TestGoldenNNT(t *testing.T) {
	ta := newTally(t)
	defer ta.report()
	for _, r := range readGolden(t, "nnt.csv") {
		id := r.String(t, "case")
		d, cer := r.Float(t, "d"), r.Float(t, "cer")
		k, err := NNTKraemer(d)
		if err != nil {
			t.Fatal(err)
		}
		ta.rel("Kraemer", id, k, r.Float(t, "kraemer"), relTol)
		f, err := NNTFurukawa(d, cer)
		if err != nil {
			t.Fatal(err)
		}
		ta.rel("Furukawa", id, f, r.Float(t, "furukawa"), 1e-11)
	}
}

func TestGoldenMagnitude(t *testing.T) {
	rows := readGolden(t, "magnitude.csv")
	for _, r := range rows {
		d := r.Float(t, "d")
		for _, ru := range []Rules{Cohen1988, Sawilowsky2009, GignacSzodorai2016, Lovakov2021} {
			got, err := Magnitude(d, ru)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.ReplaceAll(r.String(t, ru.String()), "_", " ")
			if got != want {
				t.Errorf("Magnitude(%v, %v) = %q, effectsize says %q", d, ru, got, want)
			}
		}
	}
}
