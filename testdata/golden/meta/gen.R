# Golden values for github.com/tiesproject/ties/effect/meta, from R's metafor.
#
# Versions: R 4.2.2, metafor 3.8-1, metadat 1.2-0 (Debian bookworm packages
# r-base-core, r-cran-metafor, r-cran-metadat).
# Run from the repository root:   Rscript testdata/golden/meta/gen.R
# Writes testdata/golden/meta/data_<set>.csv (the yi, vi the tests pool) and
# testdata/golden/meta/golden.csv (long format: set,analysis,method,test,quantity,index,value).
#
# Data sets and the escalc measure used for each (our choice; any measure
# would do, the pooling code only sees yi and vi):
#   normand1999  : raw mean difference "MD" (length of stay, 9 trials); clear heterogeneity.
#   gibson2002   : "SMD" (Hedges' g, LS variance) for the 14 trials that report means/SDs.
#   curtis1998   : log ratio of means "ROM" (102 CO2 experiments); large k, subgroups by fungrp.
#   dagostino1998: "SMD" for outcome "rnic1" (9 trials). Q = 9.51 > k-1 = 8, so DL gives
#                  tau2 > 0, but the REML (and ML) maximum is at the boundary tau2 = 0.
#   rc24         : six synthetic loneliness trials (summaries below; "SMD").
#   rc27         : the homogeneous set of RC27 (Q < k-1), given as yi/vi.
#   gen50        : 50 generated studies (set.seed(20261122); see below).
#   gen2000      : 2,000 generated studies, used for the REML speed comparison as well.
#
# Why metafor's defaults differ from these values in the 4th-5th digit:
#   * REML, ML and EB stop Fisher scoring when |change in tau2| < threshold = 1e-5
#     (absolute), which leaves tau2 off in the 4th-5th significant digit (RC24: REML
#     0.0073572442 at the default vs 0.0073573352 converged).
#   * ML (and REML) at a boundary optimum approach tau2 = 0 by step halving and stop at
#     about 1e-6 (RC24 ML: 1.8e-6) instead of 0.
#   * PM and the Q-profile CI use uniroot() with tol = .Machine$double.eps^0.25 ~ 1.22e-4,
#     so PM tau2 and the CI bounds are accurate only to about 1e-4 (RC24 PM: 0.0067018956
#     vs the exact root 0.0067070515; RC25 Q-profile upper bound 0.27222178 vs 0.27220119).
# The goldens are therefore computed with threshold = max(1e-14, 1e-13*var(yi)), tol = 1e-15 (uniroot) and
# maxiter = 10000, i.e. converged to double precision, which is what the Go code targets
# (it solves the estimating equations exactly, to a relative tolerance of 1e-10).
#
# metafor 3.8-1 notes: confint() caps the Q-profile upper bound at tau2.max (see below);
# predict(pi.type = "simple") is mu +- z*tau (it drops SE(mu)), which this library does not
# offer; its PredictZ is mu +- z*sqrt(tau2 + SE^2), metafor's default for z-test fits. pi.type = "riley" must be lower case (capital "Riley" silently gives
# the default z interval). trimfill() refits with test = "z" whatever the fit used.

suppressMessages(library(metafor))
out <- "testdata/golden/meta"
ctrl <- list(threshold = 1e-14, tol = 1e-15, maxiter = 10000)
ctrl.ci <- list(tol = 1e-15, maxiter = 10000)

sets <- list()
e <- escalc("MD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat.normand1999)
sets$normand1999 <- data.frame(label = e$source, group = "", yi = c(e$yi), vi = c(e$vi))
g <- dat.gibson2002[!is.na(dat.gibson2002$m1i), ]
e <- escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = g)
sets$gibson2002 <- data.frame(label = paste(e$author, e$year), group = "", yi = c(e$yi), vi = c(e$vi))
e <- escalc("ROM", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat.curtis1998)
sets$curtis1998 <- data.frame(label = paste0("id", e$id), group = as.character(e$fungrp), yi = c(e$yi), vi = c(e$vi))
d <- dat.dagostino1998[dat.dagostino1998$outcome == "rnic1", ]
e <- escalc("SMD", m1i = mt, sd1i = sdt, n1i = nt, m2i = mc, sd2i = sdc, n2i = nc, data = d)
sets$dagostino1998 <- data.frame(label = paste("study", e$study), group = as.character(e$drug), yi = c(e$yi), vi = c(e$vi))
e <- escalc("SMD", m1i = c(38.2, 41.0, 35.5, 44.1, 39.8, 36.9), sd1i = c(9.1, 10.2, 8.7, 11.0, 9.6, 8.9),
            n1i = c(45, 30, 60, 25, 80, 38), m2i = c(42.7, 42.3, 40.1, 45.0, 44.9, 37.2),
            sd2i = c(10.3, 9.8, 9.0, 10.5, 10.1, 9.4), n2i = c(47, 32, 58, 27, 78, 40))
sets$rc24 <- data.frame(label = paste("trial", 1:6), group = rep(c("befriending", "peer support"), 3), yi = c(e$yi), vi = c(e$vi))
sets$rc27 <- data.frame(label = paste("trial", 1:4), group = "", yi = c(-0.30, -0.28, -0.33, -0.31), vi = c(0.04, 0.05, 0.045, 0.06))
# Generated: true effects N(-0.3, 0.1^2) + sampling error with variances from trials of
# 20-200 per arm (SMD-like vi = 2/n + mu^2/(4n)).
set.seed(20261122)
gen <- function(k) {
  n <- sample(20:200, k, replace = TRUE)
  vi <- 2 / n + 0.09 / (4 * n)
  yi <- rnorm(k, -0.3, 0.1) + rnorm(k, 0, sqrt(vi))
  data.frame(label = paste0("g", 1:k), group = sample(c("A", "B", "C"), k, replace = TRUE), yi = yi, vi = vi)
}
sets$gen50 <- gen(50)
sets$gen2000 <- gen(2000)

for (nm in names(sets)) {
  dd <- sets[[nm]]
  write.csv(data.frame(label = dd$label, group = dd$group, yi = sprintf("%.17g", dd$yi), vi = sprintf("%.17g", dd$vi)),
            file.path(out, paste0("data_", nm, ".csv")), row.names = FALSE, quote = TRUE)
}

rows <- list()
put <- function(set, analysis, method, test, quantity, value, index = 0) {
  if (length(value) == 0) return(invisible())  # e.g. FE fits have no prediction interval
  rows[[length(rows) + 1]] <<- data.frame(set = set, analysis = analysis, method = method, test = test,
                                          quantity = quantity, index = index, value = sprintf("%.17g", value))
}
methods <- c("FE", "DL", "REML", "ML", "PM", "EB", "HE", "HS", "SJ")
for (nm in names(sets)) {
  dd <- sets[[nm]]
  big <- nrow(dd) > 500
  # An absolute threshold of 1e-14 cannot be met when tau2 is in the hundreds (normand1999,
  # MD in days): scale it with the spread of the data (still ~1e-13 relative).
  ctrl$threshold <- max(1e-14, 1e-13 * var(dd$yi))
  # confint() searches the Q-profile bounds in [0, tau2.max] with tau2.max = max(100, 10*tau2)
  # by default and silently returns tau2.max when the bound lies beyond it (normand1999, DL/HS).
  ctrl.ci$tau2.max <- 1e4 * max(1, var(dd$yi))
  for (m in methods) {
    for (test in c("z", "knha", "adhoc", "z90", "knha90")) {
      if (big && test != "z") next
      # "z90"/"knha90": level = 90 (CI, prediction interval and Q-profile CI).
      lev <- if (grepl("90", test)) 90 else 95
      r <- rma(dd$yi, dd$vi, method = m, test = sub("90", "", test), level = lev, control = ctrl)
      put(nm, "pool", m, test, "tau2", r$tau2)
      put(nm, "pool", m, test, "se.tau2", r$se.tau2)
      put(nm, "pool", m, test, "beta", c(r$beta))
      put(nm, "pool", m, test, "se", r$se)
      put(nm, "pool", m, test, "ci.lb", r$ci.lb)
      put(nm, "pool", m, test, "ci.ub", r$ci.ub)
      put(nm, "pool", m, test, "zval", r$zval)
      put(nm, "pool", m, test, "pval", r$pval)
      put(nm, "pool", m, test, "QE", r$QE)
      put(nm, "pool", m, test, "QEp", r$QEp)
      put(nm, "pool", m, test, "I2", r$I2)
      put(nm, "pool", m, test, "H2", r$H2)
      p <- predict(r)
      put(nm, "pool", m, test, "pi.lb", p$pi.lb)
      put(nm, "pool", m, test, "pi.ub", p$pi.ub)
      p <- predict(r, pi.type = "riley")
      put(nm, "pool", m, test, "riley.lb", p$pi.lb)
      put(nm, "pool", m, test, "riley.ub", p$pi.ub)
      if (test %in% c("z", "z90")) {
        w <- weights(r)
        if (!big) for (i in seq_along(w)) put(nm, "pool", m, test, "weight", w[i], i)
        if (m != "FE") {
          ci <- confint(r, level = lev, control = ctrl.ci)$random
          put(nm, "pool", m, test, "tau2.lb", ci["tau^2", "ci.lb"])
          put(nm, "pool", m, test, "tau2.ub", ci["tau^2", "ci.ub"])
          put(nm, "pool", m, test, "I2.lb", ci["I^2(%)", "ci.lb"])
          put(nm, "pool", m, test, "I2.ub", ci["I^2(%)", "ci.ub"])
          put(nm, "pool", m, test, "H2.lb", ci["H^2", "ci.lb"])
          put(nm, "pool", m, test, "H2.ub", ci["H^2", "ci.ub"])
        }
      }
    }
  }
  if (big) next
  for (m in c("REML", "DL", "FE", "PM")) {
    r <- rma(dd$yi, dd$vi, method = m, control = ctrl)
    for (model in c("rma", "lm")) {
      for (test in c("z", "knha")) {
        if (model == "lm" && test == "knha") next
        rt <- regtest(r, model = model, test = test)
        put(nm, paste0("egger.", model), m, test, "zval", rt$zval)
        put(nm, paste0("egger.", model), m, test, "pval", rt$pval)
        put(nm, paste0("egger.", model), m, test, "est", rt$est)
        put(nm, paste0("egger.", model), m, test, "ci.lb", rt$ci.lb)
        put(nm, paste0("egger.", model), m, test, "ci.ub", rt$ci.ub)
        if (model == "rma") put(nm, paste0("egger.", model), m, test, "tau2", rt$fit$tau2)
      }
    }
    for (est in c("L0", "R0")) {
      tf <- trimfill(r, estimator = est, control = ctrl)
      a <- paste0("trimfill.", est)
      put(nm, a, m, "z", "k0", tf$k0)
      put(nm, a, m, "z", "se.k0", tf$se.k0)
      put(nm, a, m, "z", "side", ifelse(tf$side == "left", 1, 2))
      put(nm, a, m, "z", "beta", c(tf$beta))
      put(nm, a, m, "z", "se", tf$se)
      put(nm, a, m, "z", "tau2", tf$tau2)
      if (tf$k0 > 0) for (i in seq_len(tf$k0)) put(nm, a, m, "z", "fill", tf$yi[tf$fill][i], i)
    }
    if (nrow(dd) >= 3) {
      l1 <- leave1out(r, control = ctrl)
      for (i in seq_len(nrow(dd))) {
        put(nm, "leave1out", m, "z", "estimate", l1$estimate[i], i)
        put(nm, "leave1out", m, "z", "se", l1$se[i], i)
        put(nm, "leave1out", m, "z", "tau2", l1$tau2[i], i)
        put(nm, "leave1out", m, "z", "Q", l1$Q[i], i)
        put(nm, "leave1out", m, "z", "I2", l1$I2[i], i)
      }
    }
    cu <- cumul(r, control = ctrl)
    for (i in 2:nrow(dd)) {
      put(nm, "cumul", m, "z", "estimate", cu$estimate[i], i)
      put(nm, "cumul", m, "z", "se", cu$se[i], i)
      put(nm, "cumul", m, "z", "tau2", cu$tau2[i], i)
    }
    if (any(dd$group != "")) {
      gs <- unique(dd$group)
      est <- se <- numeric(length(gs))
      for (j in seq_along(gs)) {
        s <- dd[dd$group == gs[j], ]
        mm <- if (nrow(s) == 1) "FE" else m
        rs <- rma(s$yi, s$vi, method = mm, control = ctrl)
        est[j] <- c(rs$beta); se[j] <- rs$se
        put(nm, "subgroup", m, "z", "beta", est[j], j)
        put(nm, "subgroup", m, "z", "tau2", rs$tau2, j)
      }
      b <- rma(est, sei = se, method = "FE")
      put(nm, "subgroup", m, "z", "Qbetween", b$QE)
      put(nm, "subgroup", m, "z", "Qbetween.p", b$QEp)
      for (test in c("z", "knha")) {
        mr <- rma(dd$yi, dd$vi, mods = ~ factor(dd$group), method = m, test = test, control = ctrl)
        put(nm, "subgroup", m, test, "QM", mr$QM)
        put(nm, "subgroup", m, test, "QMp", mr$QMp)
        put(nm, "subgroup", m, test, "tau2.common", mr$tau2)
      }
    }
  }
}
res <- do.call(rbind, rows)
write.csv(res, file.path(out, "golden.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", nrow(res), "rows\n")
