# R anchors for the Go benchmarks BenchmarkSandwichCR2Fev and BenchmarkKenwardRogerFev (same data and model:
# fev_data, FEV1 ~ ARMCD*AVISIT + RACE + SEX, UN, REML). Run: [R_LIBS=<lib with mmrm>] Rscript bench.R [fev csv]
# Prints median elapsed ms over 7 runs. The KR anchor is the difference between an mmrm fit with
# Kenward-Roger-Linear and one with the asymptotic covariance (mmrm has no separate KR entry point).
suppressMessages({ library(nlme); library(clubSandwich) })
args <- commandArgs(trailingOnly = TRUE)
fev_path <- if (length(args) >= 1) args[1] else "/work/shared/reference/mmrm_fev_data.csv"
f <- read.csv(fev_path, stringsAsFactors = FALSE)
f <- f[!is.na(f$FEV1), ]
f$AVISIT <- factor(f$AVISIT); f$USUBJID <- factor(f$USUBJID); f$ARMCD <- factor(f$ARMCD, levels = c("PBO", "TRT"))
f$visit <- f$VISITN
med <- function(expr, n = 7) { e <- substitute(expr); median(replicate(n, system.time(eval(e, parent.frame()))[["elapsed"]])) * 1000 }
fit <- gls(FEV1 ~ ARMCD * AVISIT + RACE + SEX, f, correlation = corSymm(form = ~ visit | USUBJID),
           weights = varIdent(form = ~ 1 | AVISIT))
cat(sprintf("clubSandwich vcovCR CR2 (by subject) on the gls fit: %.1f ms\n", med(vcovCR(fit, type = "CR2"))))
if (requireNamespace("mmrm", quietly = TRUE)) {
  suppressMessages(library(mmrm))
  a <- med(mmrm(FEV1 ~ ARMCD * AVISIT + RACE + SEX + us(AVISIT | USUBJID), data = f))
  k <- med(mmrm(FEV1 ~ ARMCD * AVISIT + RACE + SEX + us(AVISIT | USUBJID), data = f, method = "Kenward-Roger",
                vcov = "Kenward-Roger-Linear"))
  b <- med(mmrm(FEV1 ~ ARMCD * AVISIT + RACE + SEX + us(AVISIT | USUBJID), data = f, vcov = "Empirical-Bias-Reduced"))
  cat(sprintf("mmrm fit: %.1f ms; with KR-linear: %.1f ms (KR share %.1f ms); with bias-reduced empirical: %.1f ms\n",
              a, k, k - a, b))
}
