#!/bin/sh
# Times effect/mmrm and nlme::gls on the same simulated trials in one run.
# Usage (from the repository root): sh testdata/golden/mmrm/bench.sh [count] [big]
set -e
count=${1:-6}
dir=$(mktemp -d)
go test ./effect/mmrm -run TestWriteBenchData -args -mmrm.writebench="$dir" >/dev/null
go test ./effect/mmrm -run XXX -bench 'USREML|CSREML|FEV' -benchtime 20x -count "$count"
Rscript testdata/golden/mmrm/bench.R "$dir" 7 $2  # set R_LIBS to include mmrm to time it too
rm -r "$dir"
