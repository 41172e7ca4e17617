#!/bin/sh
# Same-run comparison of effect.HedgesG (exact 95% CI from summaries) with
# R's uniroot on pt (bench.R, case: 38.2/9.1/45 vs 42.7/10.3/47).
# Both sides are timed in CPU time (Go: cpu-ns/op from internal/cputime;
# R: user+system from proc.time), which the load of a shared machine
# inflates less than wall time. Run from the repository root:
#   sh testdata/golden/effect/bench_vs_R.sh [count] [R reps]
set -e
count=${1:-6}
reps=${2:-2000}
go test ./effect -run '^$' -bench '^BenchmarkHedgesG$' -benchtime 200000x -count "$count" | tee /tmp/ties_hedgesg_bench.txt
(cd testdata/golden/effect && Rscript bench.R "$reps") | tee /tmp/ties_hedgesg_R.txt
go_ns=$(awk '/^BenchmarkHedgesG/ {print $5}' /tmp/ties_hedgesg_bench.txt | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
r_us=$(awk '/^uniroot/ {print $3}' /tmp/ties_hedgesg_R.txt)
awk -v g="$go_ns" -v r="$r_us" 'BEGIN {printf "HedgesG exact CI: Go %.0f cpu-ns/op (median), R uniroot %.1f cpu-us/call, ratio %.0fx\n", g, r, 1000*r/g}'
