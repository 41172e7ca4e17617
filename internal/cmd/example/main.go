// Command example runs the bundled example analysis: it scores the raw item
// responses of the simulated trial in testdata/example, reports invalid
// codes, describes each arm at each visit, estimates the baseline-adjusted
// and cluster-adjusted effects, a responder analysis and a cluster
// bootstrap, and writes report.md, results.csv and figures into the output
// folder, whose path it prints on exit.
//
//	go run ./internal/cmd/example -out out/example
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tiesproject/ties/internal/trialreport"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "example:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("example", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "testdata/example", "folder with participants.csv and responses.csv")
	out := fs.String("out", "out/example", "output folder for report.md, results.csv and figures")
	seed := fs.Uint64("seed", 20261122, "seed of the cluster bootstrap")
	reps := fs.Int("B", 2000, "bootstrap replicates")
	if err := fs.Parse(args); err != nil {
		return err
	}
	res, err := trialreport.Run(trialreport.Config{In: *in, Out: *out, Seed: *seed, Replicates: *reps}, stderr)
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(*out)
	if err != nil {
		abs = *out
	}
	fmt.Fprintf(stdout, "report and %d files written to %s\n", len(res.Files), abs)
	return nil
}
