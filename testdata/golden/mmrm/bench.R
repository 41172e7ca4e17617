# Times nlme::gls (US = corSymm + varIdent, REML, default control) on the benchmark data sets that
# effect/mmrm's benchmarks fit, for the ratio in the README. Run by bench.sh in the same session as the Go
# benchmarks. Usage: Rscript bench.R DIR [reps] [big]   (big = also time 1000 x 10 once; takes minutes)
suppressPackageStartupMessages(library(nlme))
args <- commandArgs(TRUE)
dir <- args[1]; reps <- if (length(args) > 1) as.integer(args[2]) else 7; big <- length(args) > 2
time_gls <- function(file, reps) {
  d <- read.csv(file.path(dir, file))
  d <- d[!is.na(d$y), ]
  d$visit <- factor(d$visit); d$arm <- factor(d$arm, levels = c("control", "intervention"))
  d$vi <- as.integer(d$visit)
  el <- cpu <- numeric(reps)
  for (i in seq_len(reps)) {
    t0 <- proc.time()
    fit <- gls(y ~ arm * visit + base * visit, d, correlation = corSymm(form = ~ vi | id),
               weights = varIdent(form = ~ 1 | visit), method = "REML")
    dt <- proc.time() - t0
    el[i] <- dt[["elapsed"]]; cpu[i] <- dt[["user.self"]] + dt[["sys.self"]]
  }
  cat(sprintf("%s: nlme::gls US REML median of %d: %.1f ms elapsed, %.1f ms CPU; -2 REML loglik %.6f\n",
              file, reps, 1000 * median(el), 1000 * median(cpu), -2 * as.numeric(logLik(fit))))
}
time_gls("bench_400x3.csv", reps)
if (big) time_gls("bench_1000x10.csv", 1)
# The R package mmrm, when installed (R_LIBS=...), on the same data.
if (requireNamespace("mmrm", quietly = TRUE)) {
  time_mmrm <- function(file, reps) {
    d <- read.csv(file.path(dir, file))
    d$visit <- factor(d$visit); d$arm <- factor(d$arm, levels = c("control", "intervention")); d$id <- factor(d$id)
    el <- cpu <- numeric(reps)
    for (i in seq_len(reps)) {
      t0 <- proc.time()
      fit <- mmrm::mmrm(y ~ arm * visit + base * visit + us(visit | id), data = d)
      dt <- proc.time() - t0
      el[i] <- dt[["elapsed"]]; cpu[i] <- dt[["user.self"]] + dt[["sys.self"]]
    }
    cat(sprintf("%s: mmrm US REML median of %d: %.1f ms elapsed, %.1f ms CPU; -2 REML loglik %.6f\n",
                file, reps, 1000 * median(el), 1000 * median(cpu), -2 * as.numeric(logLik(fit))))
  }
  time_mmrm("bench_400x3.csv", reps)
  time_mmrm("bench_1000x10.csv", if (big) 3 else 1)
}
