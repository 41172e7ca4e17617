package plot

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// Observation is one participant's score at one visit, a row of a
// long-format data set. Value NaN marks a missed visit (the participant
// is then not counted as assessed at that visit).
type Observation struct {
	Arm   string
	ID    string // participant identifier; needed for per-participant lines
	Time  float64
	Value float64
}

// SummaryOptions adjusts SummarizeVisits. A nil *SummaryOptions means the
// defaults documented on each field.
type SummaryOptions struct {
	// Level is the confidence level of the t-based intervals; 0 means
	// 0.95.
	Level float64
}

// SummarizeVisits turns long-format observations into one Arm per arm
// (in order of first appearance) with one Visit per distinct time: the
// mean, the sample SD, the number of non-missing values and the t-based
// interval mean ± t(n−1)·SD/√n at o.Level. Visits
// where nobody has a value get Mean NaN and N 0. Each participant with an
// ID also becomes a Series of the arm.
//
// A participant ID that appears in two arms, or twice at one time, is an
// error, as are empty arm names and non-finite times or values (other
// than a NaN value).
func SummarizeVisits(obs []Observation, o *SummaryOptions) ([]Arm, error) {
	const fig = "trajectory"
	var l float64
	if o != nil {
		l = o.Level
	}
	level, err := ciLevel(fig, l)
	if err != nil {
		return nil, err
	}
	if len(obs) == 0 {
		return nil, inputErr(fig, "Observations", nil, "no observations")
	}
	type key struct {
		arm int
		t   float64
	}
	var names []string
	armOf := map[string]int{}
	values := map[key][]float64{}
	timesOf := make([][]float64, 0)
	type pid struct {
		arm int
		id  string
	}
	series := map[pid]int{} // index into arms[arm].Participants
	idArm := map[string]int{}
	seen := map[string]map[float64]bool{}
	var parts [][]Series
	for r, o := range obs {
		rf := fmt.Sprintf("Observations[%d]", r)
		switch {
		case o.Arm == "":
			return nil, inputErr(fig, rf+".Arm", nil, "empty arm name")
		case math.IsNaN(o.Time) || math.IsInf(o.Time, 0):
			return nil, inputErr(fig, rf+".Time", o.Time, "must be finite")
		case math.IsInf(o.Value, 0):
			return nil, inputErr(fig, rf+".Value", o.Value, "must be finite (NaN marks a missed visit)")
		}
		a, ok := armOf[o.Arm]
		if !ok {
			a = len(names)
			armOf[o.Arm] = a
			names = append(names, o.Arm)
			timesOf = append(timesOf, nil)
			parts = append(parts, nil)
		}
		k := key{a, o.Time}
		vs, ok := values[k]
		if !ok {
			timesOf[a] = append(timesOf[a], o.Time)
		}
		if !math.IsNaN(o.Value) {
			vs = append(vs, o.Value)
		}
		values[k] = vs
		if o.ID == "" {
			continue
		}
		if b, ok := idArm[o.ID]; ok && b != a {
			return nil, inputErr(fig, rf+".ID", o.ID, fmt.Sprintf("participant is in arms %q and %q", names[b], o.Arm))
		}
		idArm[o.ID] = a
		if seen[o.ID] == nil {
			seen[o.ID] = map[float64]bool{}
		}
		if seen[o.ID][o.Time] {
			return nil, inputErr(fig, rf+".ID", o.ID, fmt.Sprintf("participant has two rows at time %v", o.Time))
		}
		seen[o.ID][o.Time] = true
		si, ok := series[pid{a, o.ID}]
		if !ok {
			si = len(parts[a])
			series[pid{a, o.ID}] = si
			parts[a] = append(parts[a], Series{ID: o.ID})
		}
		s := &parts[a][si]
		s.Time = append(s.Time, o.Time)
		s.Value = append(s.Value, o.Value)
	}
	arms := make([]Arm, len(names))
	for a, name := range names {
		ts := timesOf[a]
		slices.Sort(ts)
		arm := Arm{Name: name, Participants: parts[a]}
		for _, t := range ts {
			vs := values[key{a, t}]
			v := Visit{Time: t, Mean: math.NaN(), N: len(vs)}
			switch len(vs) {
			case 0:
			case 1:
				v.Mean = vs[0]
			default:
				v.Mean, v.SD = stat.MeanStdDev(vs, nil)
				v.CI = tInterval(v.Mean, v.SD, len(vs), level)
			}
			arm.Visits = append(arm.Visits, v)
		}
		arms[a] = arm
	}
	return arms, nil
}

// TrajectoryLong summarizes long-format observations with
// SummarizeVisits (at o.Level) and draws them with Trajectory; set
// o.Participants to add one faint line per participant.
func TrajectoryLong(obs []Observation, o *TrajectoryOptions) (*Figure, error) {
	var level float64
	if o != nil {
		level = o.Level
	}
	arms, err := SummarizeVisits(obs, &SummaryOptions{Level: level})
	if err != nil {
		return nil, err
	}
	return Trajectory(arms, o)
}
