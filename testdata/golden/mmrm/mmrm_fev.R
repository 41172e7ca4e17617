# Cross-check with the R package mmrm (0.3.x built from the public openpharma/mmrm snapshot): REML and ML
# -2 log-likelihood and the VIS4 difference on fev_data for every structure, pooled and separately by arm
# (us(AVISIT | ARMCD / USUBJID)). The log-likelihood at mmrm's stopping point is within ~1e-9 relative of
# the optimum (it is flat there); estimates only to ~1e-5.
# Run: R_LIBS=<lib with mmrm> Rscript testdata/golden/mmrm/mmrm_fev.R
suppressPackageStartupMessages(library(mmrm))
d <- read.csv("effect/mmrm/testdata/fev_data.csv")
for (v in c("AVISIT", "ARMCD", "USUBJID", "RACE", "SEX")) d[[v]] <- factor(d[[v]])
out <- list()
for (s in c("us", "cs", "csh", "ar1", "ar1h", "toep", "toeph", "ad", "adh")) for (g in c(FALSE, TRUE)) for (reml in c(TRUE, FALSE)) {
  cov <- if (g) sprintf("%s(AVISIT | ARMCD / USUBJID)", s) else sprintf("%s(AVISIT | USUBJID)", s)
  f <- tryCatch(mmrm(as.formula(paste("FEV1 ~ RACE + SEX + ARMCD * AVISIT +", cov)), data = d, reml = reml),
                error = function(e) NULL)
  if (is.null(f)) next
  b <- component(f, "beta_est")
  out[[length(out) + 1]] <- data.frame(structure = s, by_arm = g, method = if (reml) "REML" else "ML",
    m2ll = -2 * as.numeric(logLik(f)), diff4 = b[["ARMCDTRT"]] + b[["ARMCDTRT:AVISITVIS4"]])
}
write.csv(do.call(rbind, out), "testdata/golden/mmrm/mmrm_fev.csv", row.names = FALSE)
