# Goldens for effect/bootstrap.go: the deterministic parts of the bootstrap
# intervals, checked against R's boot package.
#
# A stratified (within-arm) bootstrap of Hedges' g (exact J) is run in R
# with boot(); its replicates t* (and the variance of each replicate, for the
# studentized interval) are written to replicates.csv. The Go test feeds
# those replicates to its interval code and must reproduce boot.ci's
# percentile, BCa and studentized intervals. The BCa acceleration is given
# to boot.ci from jackknife influence values (empinf(type = "jack"), per
# stratum). The Go code computes the stratified form of the acceleration
# from the same influence values (a.strat, Davison & Hinkley 1997), which
# differs from boot.ci's a because the arms have unequal sizes; the Go test
# checks its acceleration against a.strat and its intervals, given a,
# against boot.ci.
#
# R 4.2.2, boot 1.3-28.1 (Debian bookworm). Run: Rscript gen.R
suppressMessages(library(boot))
x <- c(38, 41, 29, 35, 44, 31, 36, 40, 33, 27, 39, 42, 30, 34, 37)  # intervention (n = 15)
y <- c(43, 45, 38, 41, 47, 36, 44, 40, 49, 39, 42, 46)              # usual care (n = 12)
J <- function(df) exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
g_and_v <- function(a, b) {
  n1 <- length(a); n2 <- length(b)
  sp <- sqrt(((n1 - 1) * var(a) + (n2 - 1) * var(b)) / (n1 + n2 - 2))
  g <- J(n1 + n2 - 2) * (mean(a) - mean(b)) / sp
  c(g, 1 / n1 + 1 / n2 + g^2 / (2 * (n1 + n2)))
}
dat <- data.frame(v = c(x, y), arm = c(rep(1, length(x)), rep(2, length(y))))
stat <- function(d, i) {
  d <- d[i, ]
  g_and_v(d$v[d$arm == 1], d$v[d$arm == 2])
}
set.seed(42)
b <- boot(dat, stat, R = 1999, strata = dat$arm)
L <- empinf(b, type = "jack", index = 1)
a <- sum(L^3) / (6 * sum(L^2)^1.5)       # what boot.ci uses
nk <- ifelse(dat$arm == 1, length(x), length(y))
a.strat <- sum(L^3 / nk^3) / (6 * sum(L^2 / nk^2)^1.5)  # stratified form (Go)
out <- list()
for (lev in c(0.95, 0.90)) {
  ci <- boot.ci(b, conf = lev, type = c("perc", "bca", "stud"), L = L)
  out[[length(out) + 1]] <- data.frame(level = lev, t0 = b$t0[1], v0 = b$t0[2], a = a, a.strat = a.strat,
    perc.lb = ci$percent[4], perc.ub = ci$percent[5],
    bca.lb = ci$bca[4], bca.ub = ci$bca[5],
    stud.lb = ci$student[4], stud.ub = ci$student[5])
}
res <- do.call(rbind, out)
res[] <- lapply(res, function(z) sprintf("%.17g", z))
write.csv(res, "intervals.csv", row.names = FALSE, quote = FALSE)
reps <- data.frame(t = sprintf("%.17g", b$t[, 1]), v = sprintf("%.17g", b$t[, 2]))
write.csv(reps, "replicates.csv", row.names = FALSE, quote = FALSE)
