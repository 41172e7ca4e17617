# Validates the mpmath reference nct_grid.csv against R's pt() where pt is
# exact (AS 243, Lenth 1989; error bound 1e-12 absolute): |ncp| <= 37.62 and
# df <= 4e5. Outside that region R uses the normal approximation of
# Abramowitz & Stegun 26.7.10, reported separately for information.
# R 4.2.2. Usage: Rscript check_vs_R.R > check_vs_R.txt
g <- read.csv("nct_grid.csv", colClasses = "character")
num <- function(x) as.numeric(x)
t <- num(g$t); df <- num(g$df); ncp <- num(g$ncp)
cdf <- num(g$cdf); sf <- num(g$sf)
rcdf <- pt(t, df, ncp)
rsf <- pt(t, df, ncp, lower.tail = FALSE)
exact <- abs(ncp) <= 37.62 & df <= 4e5
report <- function(sel, label) {
  ae <- pmax(abs(rcdf - cdf), abs(rsf - sf))[sel]
  big <- sel & pmin(cdf, sf) > 1e-3
  re <- pmax(abs(rcdf - cdf) / cdf, abs(rsf - sf) / sf)[big]
  cat(sprintf("%s: n = %d, max |R - mpmath| = %.3g (absolute); max relative where both tails > 1e-3: %.3g (n = %d)\n",
              label, sum(sel), max(ae), if (length(re)) max(re) else NA, sum(big)))
  i <- which(sel)[which.max(ae)]
  cat(sprintf("  worst: t = %g, df = %g, ncp = %g: R cdf %.17g, mpmath %s\n", t[i], df[i], ncp[i], rcdf[i], g$cdf[i]))
}
cat(R.version.string, "\n")
report(exact, "R exact region (|ncp| <= 37.62, df <= 4e5)")
report(!exact, "R approximate region (for information)")
# Closed forms: df = 1 and 2 with ncp = 0; t = 0.
c1 <- df == 1 & ncp == 0
c2 <- df == 2 & ncp == 0
t0 <- t == 0
cf1 <- ifelse(t < 0, atan2(1, -t) / pi, 1 - atan2(1, t) / pi)
r <- sqrt(2 + t^2)
cf2 <- ifelse(t < 0, 1 / (r * (r - t)), 1 - 1 / (r * (r + t)))
cat(sprintf("closed form df=1, ncp=0: n = %d, max rel. diff %.3g\n", sum(c1), max(abs(cdf - cf1)[c1] / cf1[c1])))
cat(sprintf("closed form df=2, ncp=0: n = %d, max rel. diff %.3g\n", sum(c2), max(abs(cdf - cf2)[c2] / cf2[c2])))
cat(sprintf("t = 0 (pnorm(-ncp)):     n = %d, max rel. diff %.3g\n", sum(t0), max(abs(cdf - pnorm(-ncp))[t0] / pnorm(-ncp)[t0])))
