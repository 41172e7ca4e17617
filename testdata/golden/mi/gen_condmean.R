# Reference values for effect/mi's conditional mean imputation on simulated
# trials, computed in base R at the exact REML optimum, independently of
# ties: REML for an unstructured covariance (mean model arm*visit +
# baseline*visit [+ age + site]) with an analytic gradient, optimized by
# nlminb and polished by Newton steps until the gradient is below 1e-9;
# strategies from rbmi's own R/strategies.R (set RBMI_STRATEGIES to that
# file of an rbmi checkout, e.g. commit 5961fa0); conditional means by the
# normal formula; ANCOVA per visit by lm; jackknife over subjects.
# Shared functions are in condmean_common.R. Run from this folder:
#   RBMI_STRATEGIES=/path/to/rbmi/R/strategies.R Rscript gen_condmean.R
src <- Sys.getenv("RBMI_STRATEGIES")
if (src == "") stop("set RBMI_STRATEGIES to rbmi's R/strategies.R")
source(src)
source("condmean_common.R")

simulate <- function(n, seed, J = 3, covariates = FALSE) {
  set.seed(seed)
  arm <- rep(c("control", "treat"), length.out = n)
  base <- round(rnorm(n, 20, 4), 2)
  S <- 16 * outer(1:J, 1:J, function(i, j) 0.6^abs(i - j)) * outer(1:J, 1:J, function(i, j) sqrt((1 + i / 4) * (1 + j / 4)))
  mu <- outer(arm == "treat", 1:J, function(t, j) -1.5 * t * j / J) + 0.6 * base
  age <- round(runif(n, 20, 70)); site <- sample(c("A", "B", "C"), n, TRUE)
  if (covariates) mu <- mu + 0.05 * (age - 45) + c(A = 0, B = 1, C = -1)[site]
  y <- mu + matrix(rnorm(n * J), n) %*% chol(S)
  y <- round(y, 3)
  # Monotone MAR drop-out: the chance of leaving after visit j rises with
  # the last observed value.
  for (i in 1:n) for (j in 2:J) if (runif(1) < plogis(-3.2 + 0.08 * (y[i, j - 1] - 12))) { y[i, j:J] <- NA; break }
  if (n > 10) y[1:3, ] <- NA # three subjects without any follow-up
  data.frame(id = sprintf("S%03d", 1:n), arm = arm, base = base, age = age, site = site, y = I(y))
}

impute_analyse <- function(d, ice_first, strat, J, covariates, fitfull = NULL, delta = NULL) {
  # fit data: post-ICE outcomes of non-MAR strategies removed
  df <- d
  for (i in seq_len(nrow(d))) if (strat[i] != "MAR" && ice_first[i] <= J) df$y[i, ice_first[i]:J] <- NA
  f <- reml(df, J, covariates, rep(1, nrow(d)), start = fitfull$theta)
  S <- f$S[[1]]
  Y <- d$y
  for (i in seq_len(nrow(d))) {
    mu <- function(a) { dd <- d[rep(i, J), ]; dd$arm <- a; drop(design(dd, 1:J, J, covariates) %*% f$beta) }
    index_mar <- seq_len(J) < ice_first[i]
    pars <- get(paste0("strategy_", strat[i]))(list(mu = mu(d$arm[i]), sigma = S), list(mu = mu("control"), sigma = S), index_mar)
    Y[i, ] <- impute_subject(d$y[i, ], pars, delta, d$arm[i] == "treat")
  }
  list(est = ancova(Y, d, J, covariates), fit = f, Y = Y)
}

rows <- list()
cases <- list(
  list(name = "n120", n = 120, seed = 11, covariates = FALSE),
  list(name = "n80cov", n = 80, seed = 12, covariates = TRUE)
)
alldata <- list()
for (cs in cases) {
  J <- 3
  d <- simulate(cs$n, cs$seed, J, cs$covariates)
  last <- apply(d$y, 1, function(r) if (all(is.na(r))) 0 else max(which(!is.na(r))))
  ice_first <- ifelse(last < J, last + 1, J + 1)
  long <- long_data(cs$name, d, ice_first, J)
  alldata[[cs$name]] <- long
  settings <- list(
    list(s = "MAR", delta = NULL, tag = "MAR"), list(s = "JR", delta = NULL, tag = "JR"),
    list(s = "CR", delta = NULL, tag = "CR"), list(s = "CIR", delta = NULL, tag = "CIR"),
    list(s = "LMCF", delta = NULL, tag = "LMCF"),
    list(s = "JR", delta = rbind(c(0, 0, 0), c(1.5, 1.5, 1.5)), tag = "JR_delta_treat_1.5"),
    list(s = "MAR", delta = rbind(c(-1, -1, 2), c(-1, -1, 2)), tag = "MAR_delta_mixed"))
  for (st in settings) {
    strat <- rep(st$s, nrow(d))
    if (st$s == "LMCF") strat[ice_first == 1] <- "MAR" # LMCF needs a visit before the event
    full <- impute_analyse(d, ice_first, strat, J, cs$covariates, delta = st$delta)
    jk <- t(sapply(1:nrow(d), function(b) impute_analyse(d[-b, ], ice_first[-b], strat[-b], J, cs$covariates, full$fit, st$delta)$est))
    se <- jackknife_se(jk)
    rows[[length(rows) + 1]] <- result_rows(cs$name, st, J, full$est, se, full$fit$grad)
    cat(cs$name, st$tag, "done; max |gradient|", full$fit$grad, "\n")
  }
}
write.csv(do.call(rbind, alldata), "condmean_data.csv", row.names = FALSE, quote = FALSE, na = "NA")
write.csv(do.call(rbind, rows), "condmean_results.csv", row.names = FALSE, quote = FALSE)
