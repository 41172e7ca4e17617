# Goldens for package mmat: agreement statistics on seven worked examples
# (Ex1-Ex7: MMAT-style 2x2 and 3x3 tables of two raters' answers).
#
# Run from this directory:  Rscript gen.R
# Writes tables.csv (the contingency tables and custom weights) and
# agreement.csv (expected values).
#
# Versions: R 4.2.2, psych 2.2.9 (Debian r-cran-psych).
#
# Sources of each value (column "source"):
#   psych    psych::cohen.kappa: unweighted kappa, var.kappa, confid. For
#            q = 2 its weighted row equals the unweighted one.
#   fce      this script's direct transcription of Fleiss, Cohen & Everitt
#            (1969) for kappa / weighted kappa (non-null and null variance),
#            written from the formulas, not from psych; it agrees with
#            vcd::Kappa, irrCAC and psych >= 2.3.3.
#   gwet     this script's transcription of Gwet (2008) AC1 with the
#            variance used by irrCAC::gwet.ac1.table (f = 0), t(n-1) CI.
#   psych229 psych 2.2.9's weighted-kappa SE. KNOWN WRONG for non-identity
#            weights (psych ~1.8-2.2.x computed the row term as
#            rowSums(w*rs) instead of colSums; fixed again in 2.3.3). Kept
#            only to document the discrepancy; mmat is tested against fce.
suppressMessages(library(psych))
stopifnot(as.character(packageVersion("psych")) == "2.2.9")

ex <- list(
  Ex1 = matrix(c(20, 5, 10, 15), 2, byrow = TRUE),
  Ex2 = matrix(c(22, 2, 1, 3, 4, 1, 1, 1, 5), 3, byrow = TRUE),
  Ex3 = matrix(c(40, 5, 5, 0), 2, byrow = TRUE),
  Ex4 = matrix(c(106, 10, 4, 22, 28, 10, 2, 12, 6), 3, byrow = TRUE),
  Ex5 = matrix(c(15, 3, 0, 2, 10, 4, 1, 2, 13), 3, byrow = TRUE),
  Ex6 = matrix(c(8, 0, 0, 4), 2, byrow = TRUE)
)
# Ex7: raw paired ratings, tabulated in the order Yes, Can't tell, No.
r1 <- c("Y","Y","Y","N","CT","Y","Y","N","Y","CT","Y","Y","N","Y","Y","CT","Y","N","Y","Y")
r2 <- c("Y","Y","N","N","CT","Y","CT","N","Y","Y","Y","Y","N","Y","N","CT","Y","N","Y","Y")
lev <- c("Y", "CT", "N")
ex$Ex7 <- unclass(table(factor(r1, lev), factor(r2, lev)))
dimnames(ex$Ex7) <- NULL

w4 <- matrix(c(1, 0, .4444, 0, 1, .6667, .4444, .6667, 1), 3, byrow = TRUE)

wmat <- function(q, kind) {
  d <- abs(outer(1:q, 1:q, "-")) / (q - 1)
  switch(kind, unweighted = diag(q), linear = 1 - d, quadratic = 1 - d^2, fce = w4)
}

fce <- function(x, w, level = .95) {
  n <- sum(x); p <- x / n; r <- rowSums(p); c <- colSums(p)
  po <- sum(w * p); pe <- sum(w * outer(r, c))
  k <- (po - pe) / (1 - pe)
  wi <- as.vector(w %*% c)        # w-bar_i. = sum_j p.j w_ij
  wj <- as.vector(t(w) %*% r)     # w-bar_.j = sum_i pi. w_ij
  A <- outer(wi, wj, "+")
  # FCE (1969) non-null variance in its original form
  v <- (sum(p * (w * (1 - pe) - A * (1 - po))^2) - (po * pe - 2 * pe + po)^2) / (n * (1 - pe)^4)
  v0 <- (sum(outer(r, c) * (w - A)^2) - pe^2) / (n * (1 - pe)^2)
  z <- qnorm(1 - (1 - level) / 2)
  se <- sqrt(max(v, 0)); se0 <- sqrt(v0)
  c(value = k, se = se, se0 = se0, z = k / se0, p = 2 * pnorm(-abs(k / se0)),
    lower = max(-1, k - z * se), upper = min(1, k + z * se), po = po, pe = pe)
}

gwet <- function(x, level = .95) {
  n <- sum(x); p <- x / n; q <- nrow(x)
  pi <- (rowSums(p) + colSums(p)) / 2
  po <- sum(diag(p)); pe <- sum(pi * (1 - pi)) / (q - 1)
  ac1 <- (po - pe) / (1 - pe)
  s <- 0
  for (k in 1:q) for (l in 1:q)
    s <- s + p[k, l] * ((k == l) - 2 * (1 - ac1) * (1 - (pi[k] + pi[l]) / 2) / (q - 1))^2
  v <- (s - (po - 2 * (1 - ac1) * pe)^2) / (n * (1 - pe)^2)
  se <- sqrt(max(v, 0)); tc <- qt(1 - (1 - level) / 2, n - 1)
  c(value = ac1, se = se, lower = max(-1, ac1 - tc * se), upper = min(1, ac1 + tc * se), pe = pe)
}

out <- data.frame(example = character(), weights = character(), statistic = character(),
                  value = numeric(), source = character())
add <- function(e, w, s, v, src) out[nrow(out) + 1, ] <<- list(e, w, s, v, src)

tabs <- data.frame(example = character(), q = integer(), counts = character(), weights = character())
for (e in names(ex)) {
  x <- ex[[e]]; q <- nrow(x)
  tabs[nrow(tabs) + 1, ] <- list(e, q, paste(t(x), collapse = " "),
                                 if (e == "Ex4") paste(t(w4), collapse = " ") else "")
  kinds <- c("unweighted", if (q > 2) c("linear", "quadratic"), if (e == "Ex4") "fce")
  for (k in kinds) {
    f <- fce(x, wmat(q, k))
    for (s in names(f)) add(e, k, s, f[[s]], "fce")
  }
  g <- gwet(x)
  for (s in names(g)) add(e, "unweighted", paste0("ac1_", s), g[[s]], "gwet")
  # psych: unweighted always; its weighted row with the same weights as fce.
  wq <- if (e == "Ex4") w4 else NULL
  ck <- suppressWarnings(cohen.kappa(x, w = wq))
  add(e, "unweighted", "value", ck$kappa, "psych")
  add(e, "unweighted", "se", sqrt(ck$var.kappa), "psych")
  add(e, "unweighted", "lower", ck$confid[1, 1], "psych")
  add(e, "unweighted", "upper", ck$confid[1, 3], "psych")
  wk <- if (e == "Ex4") "fce" else if (q > 2) "quadratic" else "unweighted"
  add(e, wk, "value", ck$weighted.kappa, if (q > 2) "psych" else "psych_weighted")
  add(e, wk, "se", sqrt(ck$var.weighted), if (q > 2) "psych229" else "psych_weighted")
}
write.csv(tabs, "tables.csv", row.names = FALSE)
out$value <- sprintf("%.15g", out$value)
write.csv(out, "agreement.csv", row.names = FALSE, quote = c(1, 2, 3, 5))
