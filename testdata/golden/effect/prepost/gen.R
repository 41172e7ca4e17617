# Goldens for effect/prepostcontrol.go.
#
# Morris (2008) d_ppc2 (eq. 8, c_p = 1 - 3/(4(nE+nC-2)-1)) and its variance
# (eq. 25, population delta replaced by the estimate), written out by hand
# here because no R package implements them. Becker's (1988) difference of
# per-arm standardized mean changes is taken from metafor escalc "SMCR"
# (each arm's change standardized by its own pre-test SD, exact J on n-1
# df, vtype "LS"), d = g_E - g_C, v = v_E + v_C.
#
# R 4.2.2, metafor 3.8-1 (Debian bookworm). Run: Rscript gen.R
# Output: prepost.csv (first row is effect-anchors RC17).
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
  cp <- 1 - 3 / (4 * (N - 2) - 1)
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
# effect-anchors RC17 check (nE=45, nC=47, rho=.6, both arms).
stopifnot(abs(out$morris.d[1] - -0.488128082025) < 1e-11,
          abs(out$morris.v[1] - 0.036357114409) < 1e-11,
          abs(out$becker.d[1] - -0.493163109748) < 1e-11)
out[] <- lapply(out, function(x) sprintf("%.17g", x))
write.csv(out, "prepost.csv", row.names = FALSE, quote = FALSE)
