# Times metafor's REML fit on the 2,000 generated studies of data_gen2000.csv, the data
# BenchmarkREML2000 in effect/meta pools. R 4.2.2, metafor 3.8-1.
# Run from the repository root:  Rscript testdata/golden/meta/timing.R [reps]
# Prints the elapsed seconds of each rep and the median. metafor builds k x k matrices
# (P = W - W X (X'WX)^-1 X'W) in every Fisher-scoring iteration, which is what makes it slow
# at this k; the Go code works with sums over the studies instead.
suppressMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) > 0) as.integer(args[1]) else 3
d <- read.csv("testdata/golden/meta/data_gen2000.csv")
el <- numeric(reps)
for (i in seq_len(reps)) {
  el[i] <- system.time(r <- rma(d$yi, d$vi, method = "REML"))[["elapsed"]]
  cat(sprintf("rep %d: %.3f s (tau2 = %.10g)\n", i, el[i], r$tau2))
}
cat(sprintf("metafor REML k=2000 median elapsed: %.3f s\n", median(el)))
