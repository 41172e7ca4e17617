# Reference per-visit summaries for plot.SummariseVisits.
# R 4.2.2 (stats::t.test), run from the repository root:
#   Rscript testdata/golden/plot/gen.R
# Input: observations.csv (written by `go test ./plot -run TestExportObservations -regen`).
# Output: visits.csv, one row per arm and visit: n, mean, sd and the t-based
# 95% and 90% confidence intervals of the mean (t.test(x)$conf.int).
d <- read.csv("testdata/golden/plot/observations.csv", stringsAsFactors = FALSE)
out <- NULL
for (a in unique(d$arm)) for (t in sort(unique(d$time[d$arm == a]))) {
  x <- d$value[d$arm == a & d$time == t & !is.na(d$value)]
  n <- length(x)
  row <- data.frame(arm = a, time = t, n = n, mean = mean(x), sd = sd(x),
                    lower95 = NA, upper95 = NA, lower90 = NA, upper90 = NA)
  if (n >= 2 && sd(x) > 0) {
    ci95 <- t.test(x, conf.level = 0.95)$conf.int
    ci90 <- t.test(x, conf.level = 0.90)$conf.int
    row$lower95 <- ci95[1]; row$upper95 <- ci95[2]
    row$lower90 <- ci90[1]; row$upper90 <- ci90[2]
  }
  out <- rbind(out, row)
}
write.csv(format(out, digits = 17), "testdata/golden/plot/visits.csv", row.names = FALSE, quote = FALSE)
