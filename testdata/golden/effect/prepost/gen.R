# Goldens for effect/prepostcontrol.go.
#
# Morris (2008) d_ppc2 (eq. 8 with the exact c_p = J(nE+nC-2), the gamma-function
# form of Hedges 1981) and its variance
# (eq. 25, population delta replaced by the estimate), written out by hand
# here because no R package implements them. Becker's (1988) difference of
# per-arm standardized mean changes is taken from metafor escalc "SMCR"
# (each arm's change standardized by its own pre-test SD, exact J on n-1
# df, vtype "LS"), d = g_E - g_C, v = v_E + v_C.
#
# R 4.2.2, metafor 3.8-1 (Debian bookworm). Run: Rscript gen.R
# Output: prepost.csv. The script first reproduces Morris (2008) Table 5
# (the Carlson & Schmidt 1999 studies) to its four printed decimals.
suppressMessages(library(metafor))
cases <- data.frame(
  preE  = c(42.0, 20.1, 10.0, 55.0, 3.2),
  sdPreE  = c(9.8, 4.2, 2.0, 12.0, 0.9),
  postE = c(36.5, 18.0, 12.5, 50.0, 2.7),
  sdPostE = c(9.9, 4.0, 2.5, 11.0, 1.1),
  nE    = c(45, 30, 12, 150, 25),
  preC  = c(41.5, 19.8, 10.4, 54.0, 3.1),
  sdPreC  = c(10.1, 4.5, 2.2, 12.5, 1.0),
  postC = c(40.9, 19.5, 10.9, 53.5, 3.0),
  sdPostC = c(10.4, 4.6, 2.1, 12.0, 0.95),
  nC    = c(47, 28, 10, 148, 24),
  r     = c(0.6, 0.5, 0.8, 0.3, -0.2),
  rC    = c(0.6, 0.45, 0.7, 0.35, -0.1))
morris <- function(preE, sdPreE, postE, nE, preC, sdPreC, postC, nC, r) {
  N <- nE + nC
  sdpre <- sqrt(((nE - 1) * sdPreE^2 + (nC - 1) * sdPreC^2) / (N - 2))
  m <- N - 2
  cp <- exp(lgamma(m / 2) - lgamma((m - 1) / 2)) / sqrt(m / 2)
  d <- cp * ((postE - preE) - (postC - preC)) / sdpre
  v <- 2 * cp^2 * (1 - r) * (N / (nE * nC)) * ((N - 2) / (N - 4)) *
    (1 + d^2 / (2 * (1 - r) * (N / (nE * nC)))) - d^2
  c(d, v)
}
m <- t(with(cases, mapply(morris, preE, sdPreE, postE, nE, preC, sdPreC, postC, nC, r)))
out <- cases
out$morris.d <- m[, 1]; out$morris.v <- m[, 2]
gE <- escalc("SMCR", m1i = postE, m2i = preE, sd1i = sdPreE, ni = nE, ri = r, data = cases)
gC <- escalc("SMCR", m1i = postC, m2i = preC, sd1i = sdPreC, ni = nC, ri = rC, data = cases)
out$becker.gE <- as.numeric(gE$yi); out$becker.vE <- as.numeric(gE$vi)
out$becker.gC <- as.numeric(gC$yi); out$becker.vC <- as.numeric(gC$vi)
out$becker.d <- out$becker.gE - out$becker.gC
out$becker.v <- out$becker.vE + out$becker.vC
# Morris (2008) Table 5.
t5 <- mapply(morris, c(30.6, 23.5, 0.5, 53.4, 35.6), c(15.0, 3.1, 0.1, 14.5, 4.7),
             c(38.5, 26.8, 0.7, 75.9, 36.0), c(20, 50, 9, 10, 14),
             c(23.1, 24.9, 0.6, 55.7, 34.8), c(13.8, 4.1, 0.2, 17.3, 3.1),
             c(19.7, 25.3, 0.6, 60.7, 33.4), c(20, 42, 9, 11, 14),
             c(.47, .64, .77, .89, .44))
stopifnot(all(round(t5[1, ], 4) == c(0.7684, 0.8010, 1.2045, 1.0476, 0.4389)))
out[] <- lapply(out, function(x) sprintf("%.17g", x))
write.csv(out, "prepost.csv", row.names = FALSE, quote = FALSE)
