# Golden values for measures.Alpha (Cronbach's alpha, Feldt CI, item
# analysis) and measures.ReliableChange / ClassifyChange.
#
# Generated with R 4.2.2 Patched (2022-11-10 r83330) and psych 2.2.9
# (Debian r-cran-psych). Run from this directory:
#   Rscript gen.R
# It writes the item data sets (alpha_<name>.csv) and the reference
# values (alpha_golden.csv, change_golden.csv). Go tests read these files;
# CI does not need R.
suppressPackageStartupMessages(library(psych))
stopifnot(packageVersion("psych") == "2.2.9")
set.seed(20261122)

# Ordinal items from a one-factor model, cut into codes lo..hi.
sim <- function(n, k, lo, hi, load = 0.6) {
  f <- rnorm(n)
  x <- sapply(seq_len(k), function(j) {
    l <- load + runif(1, -0.2, 0.2)
    y <- l * f + sqrt(1 - l^2) * rnorm(n)
    br <- qnorm(seq(0, 1, length.out = hi - lo + 2))
    as.integer(cut(y, br, labels = FALSE)) + lo - 1L
  })
  colnames(x) <- sprintf("i%02d", seq_len(k))
  x
}

sets <- list(
  ucla20 = sim(240, 20, 1, 4, 0.55),   # 20 items, codes 1-4, complete
  djg6   = sim(240, 6, 0, 1, 0.6),     # dichotomous items
  mspss12 = sim(120, 12, 1, 7, 0.7),
  small3 = sim(12, 3, 1, 3, 0.7),      # 3 items, 12 respondents
  tiny4  = sim(4, 4, 1, 5, 0.8)        # N = K: psych omits "alpha se"
)
# A data set with missing items (listwise): 8% of cells NA.
miss <- sim(150, 8, 1, 5, 0.6)
miss[sample(length(miss), round(0.08 * length(miss)))] <- NA
sets$missing8 <- miss

fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
out <- list()
add <- function(set, stat, item, value) {
  value <- as.numeric(unlist(value)); stopifnot(length(value) == 1)
  out[[length(out) + 1]] <<- data.frame(set = set, stat = stat, item = item, value = fmt(value))
}
for (nm in names(sets)) {
  x <- sets[[nm]]
  write.csv(x, sprintf("alpha_%s.csv", nm), row.names = FALSE, na = "NA")
  xc <- na.omit(x)
  a <- suppressWarnings(psych::alpha(as.data.frame(xc), check.keys = FALSE, warnings = FALSE))
  tt <- a$total
  for (s in c("raw_alpha", "std.alpha", "G6(smc)", "average_r", "S/N", "ase", "mean", "sd", "median_r"))
    add(nm, s, 0, tt[[s]])
  add(nm, "var.r", 0, a$var.r)
  add(nm, "n", 0, nrow(xc))
  add(nm, "feldt.lower", 0, a$feldt$lower.ci)
  add(nm, "feldt.upper", 0, a$feldt$upper.ci)
  ci90 <- alpha.ci(tt$raw_alpha, nrow(xc), ncol(xc), p.val = 0.10)
  add(nm, "feldt90.lower", 0, ci90$lower.ci)
  add(nm, "feldt90.upper", 0, ci90$upper.ci)
  st <- a$item.stats
  for (s in c("raw.r", "std.r", "r.cor", "r.drop", "mean", "sd"))
    for (j in seq_len(ncol(xc))) add(nm, s, j, st[[s]][j])
  dr <- a$alpha.drop
  for (s in colnames(dr))
    for (j in seq_len(ncol(xc))) add(nm, paste0("drop.", s), j, dr[[s]][j])
}
write.csv(do.call(rbind, out), "alpha_golden.csv", row.names = FALSE, quote = TRUE)

# Reliable change (Jacobson & Truax 1991) and the cut-offs a, b, c,
# written out from the formulas in the paper as an independent check.
ch <- data.frame(
  pre  = c(60, 60, 60, 30, 45, 45, 12, 12, 20),
  post = c(40, 52, 70, 62, 36, 50, 20, 14, 8),
  sd   = c(10, 10, 10, 8, 9, 9, 5, 5, 6),
  r    = c(0.9, 0.9, 0.9, 0.85, 0.8, 0.8, 0.7, 0.7, 0.95),
  mdys = c(55, 55, 55, 30, 48, 48, 10, 10, 22),
  sddys = c(10, 10, 10, 8, 9, 9, 5, 5, 6),
  mfun = c(35, 35, 35, 60, 30, 30, 20, 20, 10),
  sdfun = c(8, 8, 8, 7, 7, 7, 4, 4, 5),
  higher_better = c(FALSE, FALSE, FALSE, TRUE, FALSE, FALSE, TRUE, TRUE, FALSE)
)
ch$sediff <- ch$sd * sqrt(2 * (1 - ch$r))
ch$rci <- (ch$post - ch$pre) / ch$sediff
sgn <- ifelse(ch$higher_better, 1, -1)
ch$a <- ch$mdys + sgn * 2 * ch$sddys
ch$b <- ch$mfun - sgn * 2 * ch$sdfun
ch$c <- (ch$sddys * ch$mfun + ch$sdfun * ch$mdys) / (ch$sddys + ch$sdfun)
for (v in c("sediff", "rci", "a", "b", "c")) ch[[v]] <- fmt(ch[[v]])
write.csv(ch, "change_golden.csv", row.names = FALSE)
cat("wrote", length(sets), "alpha data sets\n")
