# Times R's boot on the speed target of issue 4: a stratified (within-arm)
# bootstrap of Hedges' g with B = 2000 resamples and 500 participants per
# arm, followed by boot.ci(type = "bca"). Compare with the Go benchmark
# BenchmarkBootstrapBCaHedgesG in effect/bootstrap_test.go; timing.sh runs
# both in one go.
#
# R 4.2.2, boot 1.3-28.1 (Debian bookworm). Run: Rscript timing.R [reps]
suppressMessages(library(boot))
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) > 0) as.integer(args[1]) else 5
set.seed(3)
n <- 500
v <- c(38 + 9 * rnorm(n), 42 + 10 * rnorm(n))
arm <- rep(1:2, each = n)
J <- function(df) exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
Jn <- J(2 * n - 2)
stat <- function(d, i) {
  x <- d[i[i <= n]]; y <- d[i[i > n]]   # strata keep n per arm
  n1 <- length(x); n2 <- length(y)
  sp <- sqrt(((n1 - 1) * var(x) + (n2 - 1) * var(y)) / (n1 + n2 - 2))
  Jn * (mean(x) - mean(y)) / sp
}
times <- numeric(reps); cpu <- numeric(reps)
for (r in seq_len(reps)) {
  st <- system.time({
    b <- boot(v, stat, R = 2000, strata = arm)
    ci <- boot.ci(b, type = "bca")
  })
  times[r] <- st[["elapsed"]]; cpu[r] <- st[["user.self"]] + st[["sys.self"]]
}
cat(sprintf("R boot BCa, B=2000, 500/arm: elapsed median %.3f s over %d runs (min %.3f, max %.3f); CPU median %.3f s\n",
            median(times), reps, min(times), max(times), median(cpu)))
cat(sprintf("BCa interval: [%.4f, %.4f], g = %.4f\n", ci$bca[4], ci$bca[5], b$t0))
