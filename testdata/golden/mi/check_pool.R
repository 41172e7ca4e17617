# Cross-checks pool.csv (made in 50-digit arithmetic by gen_pool.py) with R:
# mice::pool.scalar for Rubin's rules (away from its lambda floor), R's
# quantile(type = 6) for the percentile bootstrap, qt/pt for intervals.
# Run from this folder: Rscript check_pool.R  (prints the largest differences)
suppressMessages(library(mice))
g <- read.csv("pool.csv", stringsAsFactors = FALSE, na.strings = "", colClasses = "character")
for (k in c("level", "estimate", "SE", "df", "lower", "upper", "between")) g[[k]] <- suppressWarnings(as.numeric(g[[k]]))
num <- function(s) as.numeric(strsplit(s, ";")[[1]])
worst <- 0
for (i in seq_len(nrow(g))) {
  r <- g[i, ]
  x <- num(r$x)
  if (r$method == "rubin" && r$dfcom != "NA" && isTRUE(r$between > 0) && r$alternative == "two.sided") {
    s <- num(r$se)
    vcom <- if (r$dfcom == "Inf") Inf else as.numeric(r$dfcom)
    p <- pool.scalar(x, s^2, n = if (is.finite(vcom)) vcom + 1 else Inf, k = 1)
    d <- max(abs(p$qbar - r$estimate), abs(sqrt(p$t) - r$SE) / r$SE, abs(p$df - r$df) / r$df)
    worst <- max(worst, d)
    if (d > 1e-9) cat(r$case, "mice differs by", d, "\n")
  }
  if (r$method == "bootstrap_percentile" && r$alternative == "two.sided") {
    a <- 1 - r$level
    q <- quantile(x[-1], c(a / 2, 1 - a / 2), type = 6, names = FALSE)
    d <- max(abs(q - c(r$lower, r$upper)))
    worst <- max(worst, d)
    if (d > 1e-12) cat(r$case, "quantile differs by", d, "\n")
  }
}
cat("largest difference", worst, "\n")
