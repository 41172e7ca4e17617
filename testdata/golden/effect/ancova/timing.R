# Times R's lm + summary + confint on the "noeff" golden trial (300
# participants, outcome ~ arm + baseline + site), to compare with
# BenchmarkANCOVA in effect/ancova_test.go. R 4.2.2.
# Run from the repository root:
#   go test -run '^$' -bench ANCOVA -count 5 ./effect
#   Rscript testdata/golden/effect/ancova/timing.R
d <- read.csv("testdata/golden/effect/ancova/data_noeff.csv")
fit1 <- function() {
  f <- lm(outcome ~ arm + baseline + site, data = d)
  s <- summary(f)$coefficients["arm", ]
  ci <- confint(f, "arm")
  c(s, ci)
}
reps <- 2000
t <- system.time(for (i in seq_len(reps)) fit1())
cat(sprintf("R lm+summary+confint: %.1f us per fit (elapsed), %.1f us CPU, over %d fits\n",
            1e6 * t[["elapsed"]] / reps, 1e6 * (t[["user.self"]] + t[["sys.self"]]) / reps, reps))
