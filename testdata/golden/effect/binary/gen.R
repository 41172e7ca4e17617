# Goldens for effect/binary.go: log odds ratio, log risk ratio and risk
# difference from 2x2 tables (metafor escalc), and Newcombe's hybrid Wilson
# score interval for the risk difference (Newcombe 1998, method 10, computed
# here by hand from Wilson's interval because R has no built-in).
#
# R 4.2.2, metafor 3.8-1 (Debian bookworm). Run from this directory:
#   Rscript gen.R
# Output: binary.csv. Columns: a,n1,c,n2 (treat events, treat total,
# control events, control total), then yi/vi/ci.lb/ci.ub (95% Wald, metafor's
# summary(): yi +- qnorm(.975)*sqrt(vi)) for OR, RR, RD, and the Newcombe
# interval newc.lb, newc.ub on the raw counts.
suppressMessages(library(metafor))
cases <- data.frame(
  a  = c(12, 30, 0, 5, 20, 0, 15, 56, 9, 1),
  n1 = c(45, 60, 25, 40, 20, 30, 50, 70, 9, 100),
  c  = c(22, 18, 4, 0, 19, 0, 15, 48, 3, 2),
  n2 = c(47, 60, 25, 38, 20, 30, 52, 80, 10, 200))
wilson <- function(x, n, z) {
  p <- x / n
  ctr <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  hw <- z / (1 + z^2 / n) * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
  c(ctr - hw, ctr + hw)
}
newcombe <- function(a, n1, c, n2, level = 0.95) {
  z <- qnorm(1 - (1 - level) / 2)
  p1 <- a / n1; p2 <- c / n2
  w1 <- wilson(a, n1, z); w2 <- wilson(c, n2, z)
  d <- p1 - p2
  c(d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2),
    d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
out <- cases
for (m in c("OR", "RR", "RD")) {
  es <- escalc(m, ai = a, n1i = n1, ci = c, n2i = n2, data = cases)
  s <- summary(es)
  out[[paste0(m, ".yi")]] <- as.numeric(es$yi)
  out[[paste0(m, ".vi")]] <- as.numeric(es$vi)
  out[[paste0(m, ".lb")]] <- s$ci.lb
  out[[paste0(m, ".ub")]] <- s$ci.ub
}
nc <- t(mapply(newcombe, cases$a, cases$n1, cases$c, cases$n2))
out$newc.lb <- nc[, 1]; out$newc.ub <- nc[, 2]
# Newcombe (1998) Table II, 56/70 vs 48/80, method 10: 0.0524 to 0.3339.
stopifnot(all(abs(round(newcombe(56, 70, 48, 80), 4) - c(0.0524, 0.3339)) < 1e-12))
out[] <- lapply(out, function(x) sprintf("%.17g", x))
write.csv(out, "binary.csv", row.names = FALSE, quote = FALSE)
