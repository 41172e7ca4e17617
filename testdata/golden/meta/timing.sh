#!/usr/bin/env bash
# REML on k = 2,000: metafor (timing.R) against effect/meta's BenchmarkREML2000, in one run.
# Run from the repository root: testdata/golden/meta/timing.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
uptime
Rscript testdata/golden/meta/timing.R 3 | tee /tmp/meta_timing_r.txt
go test -run '^$' -bench 'REML2000$' -benchtime 2s -count 5 ./effect/meta/ | tee /tmp/meta_timing_go.txt
uptime
r=$(awk '/median elapsed/ {print $(NF-1)}' /tmp/meta_timing_r.txt)
g=$(awk '/^BenchmarkREML2000/ {print $3}' /tmp/meta_timing_go.txt | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
awk -v r="$r" -v g="$g" 'BEGIN { printf "metafor median %.3f s, Go median %.3f ms: ratio %.0fx\n", r, g/1e6, r*1e9/g }'
