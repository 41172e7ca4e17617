package exampledata_test

import (
	"fmt"
	"os"

	"github.com/tiesproject/ties/internal/exampledata"
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

func ExampleNetworks_Write() {
	c := exampledata.DefaultConfig()
	tr, _ := exampledata.Generate(c)
	nets, _ := exampledata.GenerateNetworks(tr, c)
	dir, _ := os.MkdirTemp("", "networks")
	defer os.RemoveAll(dir)
	if err := nets.Write(dir, c.Seed); err != nil {
		panic(err)
	}
	for _, m := range nets.Messy {
		fmt.Println(m)
	}
	// Output:
	// 0/P024: tie a3–a1 listed again in reverse (cleaned)
	// 0/P232: self-loop a1–a1 (dropped)
	// 0/P093: tie a1–a99 to an alter not named (rejected)
	// 0/P080: alter a55 with role "cousin", not in the codebook (rejected)
}
