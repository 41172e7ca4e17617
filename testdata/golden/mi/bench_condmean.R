# Times conditional mean imputation with the jackknife (JR, 200 subjects x
# 3 visits: 201 exact REML fits) in plain R, with the functions of
# gen_condmean.R and condmean_common.R (pattern-grouped REML with an
# analytic gradient, nlminb and Newton polish, warm-started from the full
# fit as rbmi does not). rbmi itself needs the mmrm and TMB packages, which
# Debian does not ship.
# Run from this folder:
#   RBMI_STRATEGIES=/path/to/rbmi/R/strategies.R Rscript bench_condmean.R
src <- readLines("gen_condmean.R")
eval(parse(text = src[1:(grep("^rows <- list", src) - 1)]))
d <- simulate(200, 15, 3, FALSE)
J <- 3
last <- apply(d$y, 1, function(r) if (all(is.na(r))) 0 else max(which(!is.na(r))))
ice_first <- ifelse(last < J, last + 1, J + 1)
strat <- rep("JR", nrow(d))
t <- system.time({
  full <- impute_analyse(d, ice_first, strat, J, FALSE)
  jk <- t(sapply(1:nrow(d), function(b) impute_analyse(d[-b, ], ice_first[-b], strat[-b], J, FALSE, full$fit)$est))
})
cat(sprintf("plain R, JR conditional mean + jackknife, 200 x 3: %.2f s elapsed, %.2f s CPU\n", t[["elapsed"]], t[["user.self"]] + t[["sys.self"]]))
