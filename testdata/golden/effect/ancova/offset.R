# Goldens for ANCOVA with a covariate far from zero (effect/ancova_offset_test.go).
#
# The arm coefficient, its SE and the baseline slope do not depend on a
# shift of the baseline, so the reference for the shifted fits is R's lm on
# the unshifted data_covs.csv (outcome ~ arm + baseline + age + site); the
# intercept moves by -slope * offset. lm on the shifted data is printed too:
# at offset 1e8 R's own fit loses digits (it does not centre), which is why
# the unshifted fit is the reference.
# R 4.2.2. Run from this directory: Rscript offset.R
# The baseline is first rounded to a multiple of 1/16, so that the shifted
# values are exact in double precision and the shifted fits see exactly the
# same data (otherwise rounding the sums alone perturbs the baseline by
# 1e-9 relative to its spread at offset 1e8).
d <- read.csv("data_covs.csv")
d$baseline <- round(d$baseline * 16) / 16
f0 <- lm(outcome ~ arm + baseline + age + site, data = d)
s0 <- summary(f0)$coefficients
out <- data.frame(term = rownames(s0), est = s0[, 1], se = s0[, 2], row.names = NULL)
out[] <- lapply(out, function(x) if (is.numeric(x)) sprintf("%.17g", x) else x)
write.csv(out, "offset.csv", row.names = FALSE, quote = FALSE)
for (off in c(1e6, 1e8)) {
  d2 <- d; d2$baseline <- d2$baseline + off
  s <- summary(lm(outcome ~ arm + baseline + age + site, data = d2))$coefficients
  cat(sprintf("offset %g: R lm on shifted data, arm %.15g (unshifted %.15g), rel. diff %.2g\n",
              off, s["arm", 1], s0["arm", 1], abs(s["arm", 1] / s0["arm", 1] - 1)))
}
