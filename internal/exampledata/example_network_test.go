package exampledata_test

import (
	"fmt"
	"math"
	"os"

	"github.com/tiesproject/ties/internal/exampledata"
	"github.com/tiesproject/ties/measures/network"
)

func ExampleNetworkFiles() {
	fmt.Println(exampledata.NetworkFiles(12))
	// Output:
	// network-m12-egos.csv network-m12-alters.csv network-m12-ties.csv
}

func ExampleGenerateNetworks() {
	c := exampledata.DefaultConfig()
	tr, _ := exampledata.Generate(c)
	nets, err := exampledata.GenerateNetworks(tr, c)
	if err != nil {
		panic(err)
	}
	for i, m := range nets.Months {
		fmt.Printf("month %d: %d interviews\n", m, len(nets.Data[i].Egos))
	}
	// Output:
	// month 0: 240 interviews
	// month 12: 184 interviews
}

// writeNetworks generates the default trial's networks and writes them
// to a temporary directory, which the caller removes.
func writeNetworks() (*exampledata.Networks, string) {
	c := exampledata.DefaultConfig()
	tr, _ := exampledata.Generate(c)
	nets, _ := exampledata.GenerateNetworks(tr, c)
	dir, _ := os.MkdirTemp("", "networks")
	if err := nets.Write(dir, c.Seed); err != nil {
		panic(err)
	}
	return nets, dir
}

func ExampleNetworks_Write() {
	nets, dir := writeNetworks()
	defer os.RemoveAll(dir)
	for _, m := range nets.Messy {
		fmt.Println(m)
	}
	// Output:
	// 0/P024: tie a3–a1 listed again in reverse (cleaned)
	// 0/P232: self-loop a1–a1 (dropped)
	// 0/P093: tie a1–a99 to an alter not named (rejected)
	// 0/P080: alter a55 with role "cousin", not in the codebook (rejected)
}

func ExampleReadNetworks() {
	_, dir := writeNetworks()
	defer os.RemoveAll(dir)
	data, err := exampledata.ReadNetworks(dir)
	if err != nil {
		panic(err)
	}
	cb := network.SimulationCodebook()
	for i, d := range data {
		res, _ := network.Describe(d, nil)
		size, share, k, left := 0.0, 0.0, 0, 0
		for j, r := range res {
			if r.Err != nil {
				left++
				continue
			}
			size += float64(r.Structure.Size)
			if p, _ := network.NonKinNonProfessional(&d.Egos[j], &cb); !math.IsNaN(p.Share) {
				share += p.Share
				k++
			}
		}
		fmt.Printf("month %d: mean size %.2f, mean non-kin non-professional share %.2f, %d left out, %d rows rejected, %d cleaned\n",
			exampledata.NetworkMonths[i], size/float64(len(res)-left), share/float64(k), left, len(d.Rejected), len(d.Cleaned))
	}
	// Output:
	// month 0: mean size 4.31, mean non-kin non-professional share 0.42, 2 left out, 2 rows rejected, 2 cleaned
	// month 12: mean size 4.78, mean non-kin non-professional share 0.46, 0 left out, 0 rows rejected, 0 cleaned
}
