# R anchors for the Go benchmarks BenchmarkSandwichCR2Fev and BenchmarkKenwardRogerFev (same data and model:
# fev_data, FEV1 ~ ARMCD*AVISIT + RACE + SEX, UN, REML). Run: [R_LIBS=<lib with mmrm>] Rscript bench.R [fev csv]
# Prints median elapsed ms and median CPU ms (user + system) over 7 runs: the machine is shared, so CPU time is the
# fairer comparison with the Go benchmarks' cpu-ns/op. The KR anchor is the difference between an mmrm fit with
# Kenward-Roger-Linear and one with the asymptotic covariance (mmrm has no separate KR entry point).
suppressMessages({ library(nlme); library(clubSandwich) })
args <- commandArgs(trailingOnly = TRUE)
fev_path <- if (length(args) >= 1) args[1] else "/work/shared/reference/mmrm_fev_data.csv"
f <- read.csv(fev_path, stringsAsFactors = FALSE)
f <- f[!is.na(f$FEV1), ]
f$AVISIT <- factor(f$AVISIT); f$USUBJID <- factor(f$USUBJID); f$ARMCD <- factor(f$ARMCD, levels = c("PBO", "TRT"))
f$visit <- f$VISITN
med <- function(expr, n = 7) {
  e <- substitute(expr)
  tm <- replicate(n, { s <- system.time(eval(e, parent.frame())); c(s[["elapsed"]], s[["user.self"]] + s[["sys.self"]]) })
  c(wall = median(tm[1, ]), cpu = median(tm[2, ])) * 1000
}
pr <- function(what, x) cat(sprintf("%s: %.1f ms wall, %.1f ms CPU\n", what, x[["wall"]], x[["cpu"]]))
fit <- gls(FEV1 ~ ARMCD * AVISIT + RACE + SEX, f, correlation = corSymm(form = ~ visit | USUBJID),
           weights = varIdent(form = ~ 1 | AVISIT))
pr("clubSandwich vcovCR CR2 (by subject) on the gls fit", med(vcovCR(fit, type = "CR2")))
if (requireNamespace("mmrm", quietly = TRUE)) {
  suppressMessages(library(mmrm))
  a <- med(mmrm(FEV1 ~ ARMCD * AVISIT + RACE + SEX + us(AVISIT | USUBJID), data = f))
  k <- med(mmrm(FEV1 ~ ARMCD * AVISIT + RACE + SEX + us(AVISIT | USUBJID), data = f, method = "Kenward-Roger",
                vcov = "Kenward-Roger-Linear"))
  b <- med(mmrm(FEV1 ~ ARMCD * AVISIT + RACE + SEX + us(AVISIT | USUBJID), data = f, vcov = "Empirical-Bias-Reduced"))
  pr("mmrm fit (asymptotic vcov)", a); pr("mmrm fit with KR-linear", k); pr("  KR share", k - a)
  pr("mmrm fit with Empirical-Bias-Reduced", b); pr("  bias-reduced share", b - a)
}
