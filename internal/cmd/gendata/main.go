// Command gendata writes the bundled example trial (see package
// internal/exampledata) as CSV files.
//
//	go run ./internal/cmd/gendata -seed 20261122 -out testdata/example
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/tiesproject/ties/internal/exampledata"
)

func main() {
	c := exampledata.DefaultConfig()
	seed := flag.Uint64("seed", c.Seed, "random seed")
	out := flag.String("out", "testdata/example", "output folder")
	flag.Parse()
	c.Seed = *seed
	tr, err := exampledata.Generate(c)
	if err == nil {
		err = tr.Write(*out)
	}
	var nets *exampledata.Networks
	if err == nil {
		nets, err = exampledata.GenerateNetworks(tr, c)
	}
	if err == nil {
		err = nets.Write(*out, c.Seed)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gendata: %d participants, %d visits, invalid cells %v, untidy network rows %v -> %s\n",
		len(tr.Participants), len(tr.Responses), tr.Invalid, nets.Messy, *out)
}
