#!/usr/bin/env bash
# Go and plain R timed back to back: conditional mean imputation (JR) with
# the jackknife on 200 subjects x 3 visits. Needs R and RBMI_STRATEGIES (see
# bench_condmean.R). Run from the repository root:
#   RBMI_STRATEGIES=/path/to/rbmi/R/strategies.R testdata/golden/mi/bench.sh
set -euo pipefail
go test ./effect/mi -run x -bench CondMeanJackknife200 -benchtime 5x -count 6 | tee /tmp/ties_mi_bench.txt
(cd testdata/golden/mi && Rscript bench_condmean.R)
