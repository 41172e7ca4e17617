#!/usr/bin/env bash
# Times Describe on 100,000 egos x 30 alters and networkx on the same
# networks in one run, and prints the ratio of process CPU time per ego
# (Go with -cpu 1, so the garbage collector shares the one core). networkx
# times the first EGOS_FOR_NETWORKX egos (default 2000) and is scaled per ego.
# Run from the module root (COUNT=6 repeats the Go benchmark for benchstat):
#   measures/network/testdata/bench_networkx.sh [EGOS_FOR_NETWORKX]
set -euo pipefail
cd "$(dirname "$0")/../../.."
egos=${1:-2000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
NETWORK_BENCH_DIR=$dir go test -count=1 -run TestWriteBenchData ./measures/network >/dev/null
go test -run '^$' -bench 'Describe100k' -benchtime 3x -cpu 1 -count "${COUNT:-1}" ./measures/network | tee "$dir/go.txt"
/usr/bin/python3 measures/network/testdata/bench_networkx.py "$dir" "$egos" | tee "$dir/py.txt"
awk -v egos=100000 '
  FNR == NR && /Describe100k\/all/ { for (i = 1; i <= NF; i++) if ($(i+1) == "proc-cpu-ns/op") { all += $i; na++ } }
  FNR == NR && /Describe100k\/structure/ { for (i = 1; i <= NF; i++) if ($(i+1) == "proc-cpu-ns/op") { st += $i; ns++ } }
  FNR != NR && /^structure_s_per_ego/ { pst = $2 }
  FNR != NR && /^all_s_per_ego/ { pall = $2 }
  END {
    gall = all / na / 1e9 / egos; gst = st / ns / 1e9 / egos
    printf "Go CPU per ego: all %.3g s, structure %.3g s (100,000 egos: %.3f s, %.3f s)\n", gall, gst, gall * egos, gst * egos
    printf "networkx CPU per ego: all %.3g s, structure %.3g s\n", pall, pst
    printf "ratio networkx/Go: all %.0f, structure %.0f\n", pall / gall, pst / gst
  }' "$dir/go.txt" "$dir/py.txt"
