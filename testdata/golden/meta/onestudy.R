# Golden values for one-study fits in github.com/tiesproject/ties/effect/meta:
# a pool of one study (every method, z test, levels 0.95 and 0.90, default and
# Riley prediction intervals), the steps of metafor's cumul() (the first pools
# one study) and trim-and-fill runs whose trimmed fit is down to one study.
#
# Versions: R 4.2.2, metafor 3.8-1 (Debian bookworm r-base-core, r-cran-metafor).
# Run from the repository root:   Rscript testdata/golden/meta/onestudy.R
# Writes testdata/golden/meta/onestudy.csv in long format:
#   case,analysis,method,estimator,quantity,index,value
# metafor fits k = 1 with tau2 = 0 for every method ("k1" path in rma.uni):
# QE = 0, QEp = 1, I2 = 0, H2 = 1, se.tau2 = NA; confint() stops at k = 1.

suppressMessages(library(metafor))
out <- "testdata/golden/meta/onestudy.csv"
ctrl <- list(threshold = 1e-14, tol = 1e-15, maxiter = 10000)
methods <- c("FE", "REML", "ML", "DL", "PM", "EB", "HE", "HS", "SJ")
rows <- list()
add <- function(case, analysis, method, estimator, quantity, index, value) {
  rows[[length(rows) + 1]] <<- data.frame(case = case, analysis = analysis, method = method,
    estimator = estimator, quantity = quantity, index = index,
    value = if (is.null(value) || length(value) == 0) "NA" else sprintf("%.17g", value))
}

# One study: the first trial of six synthetic loneliness trials (Hedges' g, as in gen.R's rc24).
one <- list(yi = -0.458533952061462, vi = 0.0446414994081699)
for (m in methods) for (lev in c(95, 90)) {
  r <- suppressWarnings(rma(one$yi, one$vi, method = m, level = lev, control = ctrl))
  case <- paste0("one", lev)
  q <- c(tau2 = r$tau2, se.tau2 = r$se.tau2, beta = c(r$beta), se = r$se, ci.lb = r$ci.lb, ci.ub = r$ci.ub,
         zval = r$zval, pval = r$pval, QE = r$QE, QEp = r$QEp, I2 = r$I2, H2 = r$H2)
  for (n in names(q)) add(case, "pool", m, "", n, 0, q[[n]])
  p <- predict(r, level = lev)
  add(case, "pool", m, "", "pi.lb", 0, p$pi.lb); add(case, "pool", m, "", "pi.ub", 0, p$pi.ub)
  p <- predict(r, level = lev, pi.type = "riley")
  add(case, "pool", m, "", "riley.lb", 0, p$pi.lb); add(case, "pool", m, "", "riley.ub", 0, p$pi.ub)
}

# Cumulative meta-analysis of the six trials: every step, including the first (one study).
yi <- c(-0.458533952061462, -0.128427005268723, -0.516481679988299, -0.0825122048617485, -0.515274274028105, -0.0324266842301559)
vi <- c(0.0446414994081699, 0.0647163453952873, 0.0350383566793994, 0.0771025011134904, 0.0261607266732824, 0.0513225297932365)
for (m in methods) {
  cu <- cumul(rma(yi, vi, method = m, control = ctrl))
  for (i in seq_along(yi)) {
    add("rc24", "cumul", m, "", "estimate", i, cu$estimate[i]); add("rc24", "cumul", m, "", "se", i, cu$se[i])
    add("rc24", "cumul", m, "", "Q", i, cu$Q[i]); add("rc24", "cumul", m, "", "Qp", i, cu$Qp[i])
    add("rc24", "cumul", m, "", "tau2", i, if (m == "FE") 0 else cu$tau2[i])
    add("rc24", "cumul", m, "", "I2", i, cu$I2[i]); add("rc24", "cumul", m, "", "H2", i, cu$H2[i])
  }
}

# Trim-and-fill with three studies where k0 = 2 (the trimmed fit is one study).
# Found by a random search for such sets (rounded to two and three decimals).
tf <- list(
  tf1 = list(yi = c(0.59, -0.98, -0.28), vi = c(0.104, 0.257, 0.384)),
  tf2 = list(yi = c(0.98, 1.65, 0.77), vi = c(0.408, 0.146, 0.484)),
  tf3 = list(yi = c(1.51, -0.48, 0.8), vi = c(0.091, 0.042, 0.38)),
  tf4 = list(yi = c(-0.83, -1.17, -1.07), vi = c(0.039, 0.325, 0.439)))
for (case in names(tf)) {
  d <- tf[[case]]
  for (i in seq_along(d$yi)) { add(case, "data", "", "", "yi", i, d$yi[i]); add(case, "data", "", "", "vi", i, d$vi[i]) }
  for (m in methods) for (e in c("L0", "R0")) {
    t <- suppressWarnings(trimfill(rma(d$yi, d$vi, method = m, control = ctrl), estimator = e, control = ctrl))
    q <- c(k0 = t$k0, se.k0 = t$se.k0, side = if (t$side == "left") 1 else 2, beta = c(t$beta), se = t$se,
           tau2 = t$tau2, QE = t$QE, I2 = t$I2, H2 = t$H2)
    for (n in names(q)) add(case, "trimfill", m, e, n, 0, q[[n]])
    if (t$k0 > 0) { fill <- t$yi[t$fill]; for (j in seq_along(fill)) add(case, "trimfill", m, e, "fill", j, fill[j]) }
  }
}
res <- do.call(rbind, rows)
res$value[res$value == "NA"] <- "NA"
write.csv(res, out, row.names = FALSE, quote = FALSE)
cat("wrote", nrow(res), "rows to", out, "\n")
