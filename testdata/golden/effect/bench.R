# Timing of the R equivalent of effect.HedgesG with the exact 95% CI, for the
# performance comparison in the effect package report.
# R 4.2.2, effectsize 0.8.3 (Debian). Run: Rscript bench.R [reps]
#
# Case RC1: m1=38.2, s1=9.1, n1=45; m2=42.7, s2=10.3, n2=47.
# (a) "uniroot": pooled SD, d, J by lgamma, both ncp bounds by uniroot on pt
#     (tol 1e-13, the golden-file reference; the Go code solves to ~1e-13 too),
#     bounds scaled by J/h. This is the same computation as effect.HedgesG.
# (b) "effectsize": effectsize's own internal route (.get_ncp_t: optim on pt),
#     accurate to ~1e-7 only, on the same summaries.
# (c) "hedges_g raw": effectsize::hedges_g on raw vectors with those summaries
#     (it accepts no summaries), including its data handling.
# Reported: user+system CPU seconds per call (proc.time), and elapsed.
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args)) as.integer(args[1]) else 2000L
suppressPackageStartupMessages(library(effectsize))
m1 <- 38.2; s1 <- 9.1; n1 <- 45; m2 <- 42.7; s2 <- 10.3; n2 <- 47
g_uniroot <- function() {
  df <- n1 + n2 - 2
  sp <- sqrt(((n1 - 1) * s1^2 + (n2 - 1) * s2^2) / df)
  d <- (m1 - m2) / sp
  J <- exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
  h <- sqrt(n1 * n2 / (n1 + n2)); t <- d * h
  f <- function(ncp, target) pt(t, df, ncp) - target
  w <- max(10, 2 * abs(t))
  lo <- uniroot(f, c(t - w, t + w), target = 0.975, tol = 1e-13, extendInt = "downX")$root
  hi <- uniroot(f, c(t - w, t + w), target = 0.025, tol = 1e-13, extendInt = "downX")$root
  c(J * d, J * lo / h, J * hi / h)
}
g_effectsize <- function() {
  df <- n1 + n2 - 2
  sp <- sqrt(((n1 - 1) * s1^2 + (n2 - 1) * s2^2) / df)
  d <- (m1 - m2) / sp; hn <- 1 / n1 + 1 / n2
  J <- exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
  ts <- effectsize:::.get_ncp_t(d / sqrt(hn), df, 0.95)
  c(J * d, J * ts[1] * sqrt(hn), J * ts[2] * sqrt(hn))
}
mk <- function(m, s, n) m + s * as.numeric(scale(seq_len(n)))
x <- mk(m1, s1, n1); y <- mk(m2, s2, n2)
g_raw <- function() hedges_g(x, y)
tm <- function(f, reps) {
  f()
  gc()
  p0 <- proc.time(); for (i in seq_len(reps)) f(); p <- proc.time() - p0
  c(cpu = (p[["user.self"]] + p[["sys.self"]]) / reps, elapsed = p[["elapsed"]] / reps)
}
cat(sprintf("R %s, effectsize %s, reps %d\n", getRversion(), packageVersion("effectsize"), reps))
print(g_uniroot(), digits = 12); print(g_effectsize(), digits = 12)
for (nm in c("uniroot", "effectsize", "hedges_g raw")) {
  f <- switch(nm, uniroot = g_uniroot, effectsize = g_effectsize, `hedges_g raw` = g_raw)
  r <- tm(f, if (nm == "hedges_g raw") max(50L, reps %/% 10L) else reps)
  cat(sprintf("%-13s cpu %8.1f us/call   elapsed %8.1f us/call\n", nm, 1e6 * r[["cpu"]], 1e6 * r[["elapsed"]]))
}
