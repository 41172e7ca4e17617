#!/usr/bin/env bash
# Times effect/mmrm's Kenward–Roger and sandwich code (Go, CPU time per op) and the R anchors (bench.R) in one run.
# Run from the repository root:  bash testdata/golden/mmrm/inference/bench.sh [R library holding mmrm]
# The machine is shared: compare cpu-ns/op with R's CPU ms, not wall times.
set -euo pipefail
out=${TMPDIR:-/tmp}/mmrm_inference_bench.txt
go test -run XXX -bench 'Fev|400x3|KenwardRoger1000x10|Subject1000x10' -count 6 ./effect/mmrm | tee "$out"
"$(go env GOPATH)/bin/benchstat" "$out" || true
(cd testdata/golden/mmrm/inference && R_LIBS="${1:-}" Rscript bench.R)
