# Goldens for the CI checks of Glass's delta and of d with the average SD in
# effect/check (github.com/tiesproject/ties/effect/check, ciratio.go).
# R 4.2.2 (Debian bookworm r-base-core), metafor 3.8-1. Run from this folder:
#   Rscript gen_ratio.R
# Intervals (95%), with D = m1 - m2 and arm k the standardizing arm (o the other):
#   Glass Wald:  D/s_k -+ z*sqrt(v), v = 1/n1 + 1/n2 + Delta^2/(2 n_k): metafor's
#                SMD1 variance, taken from escalc("SMD1") (A = vi - yi^2/(2 n_k),
#                then the uncorrected Delta plugged in); arm k = control is SMD1
#                itself, arm k = treatment is SMD1 with the arms swapped.
#   Glass exact: Algina-Keselman-Penfield (effectsize glass_delta):
#                h = 1/n_k + (s_o/s_k)^2/n_o, t = Delta/sqrt(h) on n_k - 1 df, ends sqrt(h)*ncp with pt(t, df, ncp) = .975, .025
#                (uniroot, tol 1e-12).
#   Average SD Wald: d = D/sqrt((s1^2+s2^2)/2), v = d^2 (s1^4/(n1-1) +
#                s2^4/(n2-1))/(8 s^4) + (s1^2/(n1-1) + s2^2/(n2-1))/s^2 (Bonett
#                2008 eq. 8, uncorrected; metafor >= 4.6 SMDH without J).
# Writes:
#   ratio_points.csv  ends at the centre and the 8 corners of (D, s1, s2) for each
#                     case and convention (checks the per-point formulas).
#   ratio_cases.csv   reported CIs (2 decimals) printed from a random interior
#                     point ("made"), or that CI with its ends moved by -0.01..0.01
#                     ("moved"), and whether a 9 x 9 x 9 grid over (D, s1, s2) of
#                     the rounding box reproduces both ends ("found").
# R may warn "full precision may not have been achieved in pnt{final}"; the Go
# test compares the exact ends at a relative 1e-8.
suppressMessages(library(metafor))
set.seed(20261122)
z <- qnorm(0.975)
dec <- function(s) { s <- sub("^-", "", s); if (grepl(".", s, fixed = TRUE)) nchar(sub(".*[.]", "", s)) else 0 }
bnd <- function(s) { v <- as.numeric(s); h <- 0.5 * 10^-dec(s); c(v - h, v + h) }
ncp_end <- function(t, df, p) {
  f <- function(l) pt(t, df, l) - p
  a <- t - 10 - abs(t); b <- t + 10 + abs(t)
  uniroot(f, c(a, b), tol = 1e-12)$root
}
ends <- function(conv, method, D, s1, s2, n1, n2) {
  if (conv == "average_d") {
    s <- sqrt((s1^2 + s2^2)/2); d <- D/s
    v <- d^2*(s1^4/(n1-1) + s2^4/(n2-1))/(8*s^4) + (s1^2/(n1-1) + s2^2/(n2-1))/s^2
    return(c(d - z*sqrt(v), d + z*sqrt(v)))
  }
  if (conv == "glass_control") { sk <- s2; so <- s1; nk <- n2; no <- n1 } else { sk <- s1; so <- s2; nk <- n1; no <- n2 }
  delta <- D/sk
  if (method == "wald") {
    # SMD1 with the standardizing arm as "group 2"
    es <- escalc("SMD1", m1i = D, sd1i = so, n1i = no, m2i = 0, sd2i = sk, n2i = nk)
    A <- es$vi - es$yi^2/(2*nk)
    v <- A + delta^2/(2*nk)
    return(c(delta - z*sqrt(v), delta + z*sqrt(v)))
  }
  h <- 1/nk + (so/sk)^2/no
  t <- delta/sqrt(h)
  sqrt(h)*c(ncp_end(t, nk - 1, 0.975), ncp_end(t, nk - 1, 0.025))
}
cases <- read.csv(text = '
case,m1,sd1,n1,m2,sd2,n2
r1,38.2,9.1,45,42.7,10.3,47
r2,14.8,5.2,60,13.1,5.9,58
r3,22,4,8,19.5,6,40
r4,52.33,7.98,64,49.10,8.41,66
r5,5.21,1.6,28,6.04,1.7,27
r6,12.0,4.0,50,10.0,2.0,50
r7,7,2,5,4,1.5,6
r8,-0.35,1.12,120,0.10,0.98,118
r9,20.4,3.1,12,18.1,6.2,15
r10,101.5,15.2,200,96.0,14.1,190
', colClasses = "character", strip.white = TRUE)
convs <- list(c("glass_control", "wald"), c("glass_control", "exact"), c("glass_treat", "wald"),
              c("glass_treat", "exact"), c("average_d", "wald"))
fmt2 <- function(x) formatC(x, format = "f", digits = 2)
pts <- list(); out <- list()
for (i in seq_len(nrow(cases))) {
  cs <- cases[i, ]
  n1 <- as.integer(cs$n1); n2 <- as.integer(cs$n2)
  m1 <- bnd(cs$m1); m2 <- bnd(cs$m2); s1 <- bnd(cs$sd1); s2 <- bnd(cs$sd2)
  Dr <- c(m1[1] - m2[2], m1[2] - m2[1])
  for (cv in convs) {
    # per-point ends: centre and corners
    P <- rbind(c(mean(Dr), mean(s1), mean(s2)), as.matrix(expand.grid(Dr, s1, s2)))
    for (k in seq_len(nrow(P))) {
      e <- ends(cv[1], cv[2], P[k, 1], P[k, 2], P[k, 3], n1, n2)
      pts[[length(pts) + 1]] <- data.frame(case = cs$case, conv = cv[1], method = cv[2],
        D = sprintf("%.17g", P[k, 1]), ps1 = sprintf("%.17g", P[k, 2]), ps2 = sprintf("%.17g", P[k, 3]),
        lower = sprintf("%.15g", e[1]), upper = sprintf("%.15g", e[2]))
    }
    # grid over the box
    g <- function(r) seq(r[1], r[2], length.out = 9)
    G <- as.matrix(expand.grid(g(Dr), g(s1), g(s2)))
    E <- t(apply(G, 1, function(p) ends(cv[1], cv[2], p[1], p[2], p[3], n1, n2)))
    for (rep in 1:3) {
      u <- runif(3)
      e <- ends(cv[1], cv[2], Dr[1] + u[1]*diff(Dr), s1[1] + u[2]*diff(s1), s2[1] + u[3]*diff(s2), n1, n2)
      for (kind in c("made", "moved")) {
        lo <- round(e[1], 2); hi <- round(e[2], 2)
        if (kind == "moved") { lo <- lo + sample(-1:1, 1)/100; hi <- hi + sample(-1:1, 1)/100 }
        found <- any(abs(E[, 1] - lo) <= 0.005 + 1e-12 & abs(E[, 2] - hi) <= 0.005 + 1e-12)
        out[[length(out) + 1]] <- data.frame(case = cs$case, conv = cv[1], method = cv[2], kind = kind,
          lower = fmt2(lo), upper = fmt2(hi), found = found)
      }
    }
  }
}
write.csv(cbind(cases[match(do.call(rbind, pts)$case, cases$case), -1], do.call(rbind, pts)),
          "ratio_points.csv", row.names = FALSE, quote = FALSE)
write.csv(cbind(cases[match(do.call(rbind, out)$case, cases$case), -1], do.call(rbind, out)),
          "ratio_cases.csv", row.names = FALSE, quote = FALSE)
