#!/usr/bin/env bash
# Runs the Go benchmark and the R timing of the same task back to back, so
# that the ratio is measured under the same machine load. Needs R with boot.
# Usage (from the repository root): testdata/golden/effect/bootstrap/timing.sh
set -euo pipefail
cd "$(dirname "$0")/../../../.."
uptime
go test -run '^$' -bench 'BootstrapBCaHedgesG' -benchtime 50x -count 5 ./effect | grep Benchmark
Rscript testdata/golden/effect/bootstrap/timing.R 5
uptime
