package main

import (
	"bytes"
	"encoding/csv"
	"github.com/tiesproject/ties/internal/golden"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tiesproject/ties/internal/exampledata"
)

// TestExampleEndToEnd runs the command on the bundled data into a
// temporary folder and checks the report's key numbers against values
// computed here, independently of the measures and effect packages: item
// sums by hand and the ANCOVA by the normal equations.
func TestExampleEndToEnd(t *testing.T) {
	in := filepath.Join("..", "..", "..", "testdata", "example")
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-in", in, "-out", out, "-B", "500"}, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), out) {
		t.Errorf("stdout %q does not name the output folder", stdout.String())
	}
	for _, step := range []string{"scoring", "describing", "ICC", "responder", "bootstrap", "forest.png", "report.md"} {
		if !strings.Contains(stderr.String(), step) {
			t.Errorf("no progress line mentions %q", step)
		}
	}
	for _, f := range []string{"report.md", "results.csv", "forest.png", "trajectory-ucla-3.png", "trajectory-djg-6.png", "trajectory-lsns-6.png", "trajectory-ucla-3-mmrm.png", "network-size.png", "ego-network.png", "tipping-point.png"} {
		if st, err := os.Stat(filepath.Join(out, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s missing or empty: %v", f, err)
		}
	}
	got := readResults(t, filepath.Join(out, "results.csv"))
	want := independent(t, in)

	// Every invalid cell the generator planted is reported.
	tr, err := exampledata.Generate(exampledata.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if g := got["invalid_cells||-1|"]; g != float64(len(tr.Invalid)) {
		t.Errorf("invalid cells = %v, want %d", g, len(tr.Invalid))
	}
	report, err := os.ReadFile(filepath.Join(out, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, cell := range tr.Invalid { // "P087/6/djg6_2=8"
		parts := strings.SplitN(cell, "=", 2)
		col := parts[0][strings.LastIndex(parts[0], "/")+1:]
		if !bytes.Contains(report, []byte("| "+col+" | `"+parts[1]+"` |")) {
			t.Errorf("report does not list invalid cell %s", cell)
		}
	}

	for key, w := range want {
		g, ok := got[key]
		if !ok {
			t.Errorf("results.csv lacks %s", key)
			continue
		}
		if math.Abs(g-w) > 1e-9*math.Max(1, math.Abs(w)) {
			t.Errorf("%s = %.12g, independent value %.12g", key, g, w)
		}
	}
	// The primary analysis agrees with R's nlme::gls + emmeans on UCLA-3
	// totals scored independently in R (testdata/golden/example). gls stops
	// about 1e-6 short of the REML optimum, hence 1e-5 on the estimates;
	// the report's SEs are Kenward–Roger adjusted and are checked against
	// SAS and R in effect/mmrm, so only the estimates and the likelihood are
	// compared here.
	for _, r := range golden.ReadCSV(t, filepath.Join("..", "..", "..", "testdata", "golden", "example", "mmrm_ucla3.csv")) {
		v := r.String(t, "visit")
		golden.Close(t, "MMRM difference at "+v, got["mmrm_difference|ucla-3|"+v+"|"], r.Float(t, "estimate"), 1e-5, 0)
		if se := got["mmrm_se|ucla-3|"+v+"|"]; !(se >= r.Float(t, "se")) {
			t.Errorf("Kenward–Roger SE at %s = %v is below the model-based SE %v", v, se, r.Float(t, "se"))
		}
		golden.Close(t, "MMRM log-likelihood", got["mmrm_loglik|ucla-3|-1|"], r.Float(t, "loglik"), 1e-9, 0)
		golden.Close(t, "MMRM subjects", got["mmrm_subjects|ucla-3|-1|"], r.Float(t, "n_subjects"), 0, 0)
	}
	// The report prints the 12-month UCLA-3 adjusted difference.
	d := strconv.FormatFloat(want["adjusted_difference|ucla-3|12|"], 'f', 2, 64)
	if !bytes.Contains(report, []byte(strings.Replace(d, "-", "−", 1)+" (")) {
		t.Errorf("report does not show the 12-month UCLA-3 adjusted difference %s", d)
	}
}

func readResults(t *testing.T, path string) map[string]float64 {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]float64{}
	for _, r := range recs[1:] {
		x, err := strconv.ParseFloat(r[4], 64)
		if err != nil {
			t.Fatalf("results.csv %v: %v", r, err)
		}
		m[strings.Join(r[:4], "|")] = x
	}
	return m
}

// independent scores UCLA-3 by hand (sum of three items coded 1-3, no
// missing item allowed), then computes arm means, the 12-month responder
// counts and the 12-month ANCOVA arm coefficient from the normal equations.
func independent(t *testing.T, dir string) map[string]float64 {
	arm := map[string]bool{}
	for _, r := range readCSV(t, filepath.Join(dir, "participants.csv"))[1:] {
		arm[r[0]] = r[2] == "intervention"
	}
	score := map[string]map[int]float64{}
	for _, r := range readCSV(t, filepath.Join(dir, "responses.csv"))[1:] {
		month, _ := strconv.Atoi(r[1])
		sum := 0.0
		for _, c := range r[2:5] {
			v, err := strconv.Atoi(c)
			if err != nil || v < 1 || v > 3 {
				sum = math.NaN()
				break
			}
			sum += float64(v)
		}
		if score[r[0]] == nil {
			score[r[0]] = map[int]float64{}
		}
		score[r[0]][month] = sum
	}
	want := map[string]float64{}
	for _, month := range []int{0, 3, 6, 12} {
		for _, treated := range []bool{true, false} {
			var s, n float64
			for id, sc := range score {
				if x, ok := sc[month]; ok && !math.IsNaN(x) && arm[id] == treated {
					s += x
					n++
				}
			}
			name := "usual care"
			if treated {
				name = "intervention"
			}
			want["n|ucla-3|"+strconv.Itoa(month)+"|"+name] = n
			want["mean|ucla-3|"+strconv.Itoa(month)+"|"+name] = s / n
		}
	}
	// Responders: "not lonely" is a total of 3 to 5 (Hughes et al. 2004
	// convention in the ucla-3 key).
	var ri, ru float64
	// ANCOVA y = b0 + b1·arm + b2·baseline by the normal equations.
	var xtx [3][3]float64
	var xty [3]float64
	for id, sc := range score {
		y, ok := sc[12]
		if !ok || math.IsNaN(y) {
			continue
		}
		if y <= 5 {
			if arm[id] {
				ri++
			} else {
				ru++
			}
		}
		b, ok := sc[0]
		if !ok || math.IsNaN(b) {
			continue
		}
		a := 0.0
		if arm[id] {
			a = 1
		}
		x := [3]float64{1, a, b}
		for i := range x {
			for j := range x {
				xtx[i][j] += x[i] * x[j]
			}
			xty[i] += x[i] * y
		}
	}
	want["responders_intervention|ucla-3|12|"] = ri
	want["responders_usual_care|ucla-3|12|"] = ru
	want["adjusted_difference|ucla-3|12|"] = solve3(xtx, xty)[1]
	return want
}

// solve3 solves a 3×3 system by Cramer's rule.
func solve3(a [3][3]float64, b [3]float64) [3]float64 {
	det := func(m [3][3]float64) float64 {
		return m[0][0]*(m[1][1]*m[2][2]-m[1][2]*m[2][1]) -
			m[0][1]*(m[1][0]*m[2][2]-m[1][2]*m[2][0]) +
			m[0][2]*(m[1][0]*m[2][1]-m[1][1]*m[2][0])
	}
	d := det(a)
	var x [3]float64
	for k := range x {
		m := a
		for i := range m {
			m[i][k] = b[i]
		}
		x[k] = det(m) / d
	}
	return x
}

func readCSV(t *testing.T, path string) [][]string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestExampleBadInput(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-in", t.TempDir(), "-out", t.TempDir()}, &stdout, &stderr); err == nil {
		t.Error("an empty input folder was accepted")
	}
	if err := run([]string{"-nosuchflag"}, &stdout, &stderr); err == nil {
		t.Error("an unknown flag was accepted")
	}
}
