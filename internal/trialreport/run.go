package trialreport

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tiesproject/ties/measures"
)

// Config says where the example analysis reads and writes.
type Config struct {
	In, Out string
	// Seed seeds the cluster bootstrap; Replicates is its number of
	// resamples (0 means 2000).
	Seed       uint64
	Replicates int
	// Level is the confidence level; 0 means 0.95.
	Level float64
}

// Result holds every number the report shows.
type Result struct {
	Trial       *Trial
	Description [][]ArmVisit // per instrument
	ICC         []float64    // per instrument, the raw ANOVA estimate at baseline
	Adjusted    []Adjusted   // per instrument and follow-up, instrument-major
	Responders  Responders
	Bootstrap   ClusterBootstrap
	// MMRM and Population hold, per instrument, the primary mixed-model
	// analysis and who it uses; Sensitivity the reference-based analysis of
	// the primary outcome.
	MMRM        []MMRMAnalysis
	Population  []Population
	Sensitivity Sensitivity
	// Networks holds the name-generator outcomes (secondary).
	Networks *Networks
	Files    []string // files written, relative to Out
}

// Run performs the example analysis and writes report.md, results.csv and
// the figures into c.Out. Progress lines go to progress.
func Run(c Config, progress io.Writer) (*Result, error) {
	if c.Level == 0 {
		c.Level = 0.95
	}
	if c.Replicates == 0 {
		c.Replicates = 2000
	}
	say := func(format string, args ...any) { fmt.Fprintf(progress, "example: "+format+"\n", args...) }

	say("scoring %s with the published keys (%s, %s, %s)", filepath.Join(c.In, "responses.csv"), Outcomes[0].ID, Outcomes[1].ID, Outcomes[2].ID)
	tr, err := Load(c.In)
	if err != nil {
		return nil, err
	}
	say("%d participants, %d visits, %d invalid item codes", len(tr.Participants), tr.Visits, len(tr.Invalid))
	if err := os.MkdirAll(c.Out, 0o755); err != nil {
		return nil, err
	}
	res := &Result{Trial: tr}

	say("describing each arm at each visit")
	for k := range tr.Instruments {
		res.Description = append(res.Description, tr.describe(k, c.Level))
	}

	say("fitting the mixed model for repeated measures of each instrument (unstructured, REML, Kenward-Roger; CR2 by care team)")
	for k := range tr.Instruments {
		a, err := tr.mmrmAnalysis(k, c.Level)
		if err != nil {
			return nil, err
		}
		res.MMRM = append(res.MMRM, a)
		res.Population = append(res.Population, tr.population(k))
	}

	say("estimating the baseline ICC within care teams and the adjusted effects at %v months", tr.Months[1:])
	for k, in := range tr.Instruments {
		e, err := tr.baselineICC(k)
		if err != nil {
			return nil, fmt.Errorf("ICC of %s: %w", in.ID, err)
		}
		res.ICC = append(res.ICC, e.ICC)
		icc := max(e.ICC, 0)
		for v := 1; v < len(tr.Months); v++ {
			a, err := tr.adjusted(k, v, icc, c.Level)
			if err != nil {
				return nil, err
			}
			res.Adjusted = append(res.Adjusted, a)
		}
	}

	last := len(tr.Months) - 1
	say("responder analysis: %q on %s at %d months", "not lonely", Outcomes[0].ID, tr.Months[last])
	if res.Responders, err = tr.responders(0, last, "not lonely", c.Level); err != nil {
		return nil, err
	}

	say("cluster bootstrap of the %s adjusted difference at %d months (B = %d, seed %d)", Outcomes[0].ID, tr.Months[last], c.Replicates, c.Seed)
	if res.Bootstrap, err = tr.clusterBootstrap(0, last, c.Seed, c.Replicates, c.Level); err != nil {
		return nil, err
	}

	say("name-generator networks at baseline and 12 months: size and share of non-kin, non-professional contacts")
	if res.Networks, err = tr.networks(c.In, c.Level); err != nil {
		return nil, err
	}

	say("jump-to-reference sensitivity analysis and tipping point of %s at %d months (conditional mean imputation, jackknife)", Outcomes[0].ID, tr.Months[last])
	if res.Sensitivity, err = tr.sensitivity(0, c.Level); err != nil {
		return nil, err
	}

	for k, in := range tr.Instruments {
		name := "trajectory-" + in.ID + "-mmrm.png"
		say("drawing %s", name)
		if err := tr.trajectoryMMRM(k, res.MMRM[k], res.Population[k], figurePath(c.Out, name)); err != nil {
			return nil, err
		}
		res.Files = append(res.Files, name)
	}
	for k, in := range tr.Instruments {
		name := "trajectory-" + in.ID + ".png"
		say("drawing %s", name)
		if err := tr.trajectory(k, res.Description[k], figurePath(c.Out, name)); err != nil {
			return nil, err
		}
		res.Files = append(res.Files, name)
	}
	say("drawing network-size.png")
	if err := tr.networkTrajectory(res.Networks, figurePath(c.Out, "network-size.png")); err != nil {
		return nil, err
	}
	res.Files = append(res.Files, "network-size.png")
	if res.Networks.Shown != "" {
		say("drawing ego-network.png (participant %s)", res.Networks.Shown)
		if err := tr.egoFigure(res.Networks, res.Networks.Shown, figurePath(c.Out, "ego-network.png")); err != nil {
			return nil, err
		}
		res.Files = append(res.Files, "ego-network.png")
	}
	say("drawing tipping-point.png")
	if err := tr.tippingFigure(res.Sensitivity, figurePath(c.Out, "tipping-point.png")); err != nil {
		return nil, err
	}
	res.Files = append(res.Files, "tipping-point.png")
	say("drawing forest.png")
	if err := tr.forest(res.Adjusted, figurePath(c.Out, "forest.png")); err != nil {
		return nil, err
	}
	res.Files = append(res.Files, "forest.png")

	say("writing results.csv and report.md")
	if err := writeFile(filepath.Join(c.Out, "results.csv"), res.writeCSV); err != nil {
		return nil, err
	}
	res.Files = append(res.Files, "results.csv")
	if err := writeFile(filepath.Join(c.Out, "report.md"), func(w io.Writer) error { return res.writeMarkdown(w, c) }); err != nil {
		return nil, err
	}
	res.Files = append(res.Files, "report.md")
	return res, nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}

// instrument returns the trial's instrument with the given id.
func (tr *Trial) instrument(id string) *measures.Instrument {
	for _, in := range tr.Instruments {
		if in.ID == id {
			return in
		}
	}
	return nil
}
