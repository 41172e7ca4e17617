# Timing of psych::cohen.kappa on worked example Ex2 (3x3 table), for the
# ratio reported against BenchmarkKappaTable (unweighted + quadratic, two
# KappaTable calls = what one cohen.kappa call computes).
# Run: Rscript bench.R   (R 4.2.2, psych 2.2.9)
suppressMessages(library(psych))
x <- matrix(c(22, 2, 1, 3, 4, 1, 1, 1, 5), 3, byrow = TRUE)
n <- 2000
for (rep in 1:5) {
  t <- system.time(for (i in 1:n) cohen.kappa(x))[["elapsed"]]
  cat(sprintf("psych::cohen.kappa %.1f us/op\n", 1e6 * t / n))
}
