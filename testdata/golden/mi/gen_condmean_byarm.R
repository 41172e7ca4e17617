# Reference values for effect/mi's conditional mean imputation with one
# covariance per arm in the imputation model (CondMeanOptions.ByArm), on
# simulated trials whose arms have different covariances, computed in base R
# at the exact REML optimum, independently of ties:
#   - REML for a common mean model (arm*visit + baseline*visit [+ age +
#     site]) and one unstructured covariance per arm (Cholesky factors, log
#     diagonal), subjects grouped by arm and pattern of observed visits,
#     analytic gradient, nlminb, then Newton steps (Hessian by central
#     differences of the analytic gradient) until every gradient component
#     is below 1e-9;
#   - strategies from rbmi's own R/strategies.R with rbmi's same_cov = FALSE
#     semantics: pars_group$sigma is the subject's own arm's covariance,
#     pars_ref$sigma the reference arm's, so JR and CIR use Carpenter, Roger
#     and Kenward's joined covariance (compute_sigma) and CR the reference's;
#   - conditional means by the normal formula; ANCOVA per visit by lm with
#     rbmi's counterfactual LS means; jackknife over all subjects.
# In the first two trials drop-out is monotone and the intercurrent event
# (ICE) is the first missing visit. Monotone drop-out alone cannot tell the
# joined covariance from the reference's (the conditional mean of the visits
# after the event given those before is the same under both), so the third
# trial adds retrieved drop-outs (an ICE with outcomes observed after it,
# which leave the fit under non-MAR strategies but are conditioned on when
# imputing), gaps before an ICE, and intermittent MAR gaps. Subjects without
# an ICE are MAR under every strategy. Fits are made once per distinct fit
# data set (with its leave-one-out refits) and shared by the strategies.
# Shared functions are in condmean_common.R. Run from this folder (rbmi commit 5961fa0 or later):
#   git -C /path/to/rbmi show HEAD:R/strategies.R > /tmp/rbmi_strategies.R
#   RBMI_STRATEGIES=/tmp/rbmi_strategies.R Rscript gen_condmean_byarm.R
# Writes condmean_byarm_data.csv, condmean_byarm_results.csv and
# condmean_byarm_fit.csv (the full-data REML fit: β, Σ per arm, log-lik).
src <- Sys.getenv("RBMI_STRATEGIES")
if (src == "") stop("set RBMI_STRATEGIES to rbmi's R/strategies.R")
source(src)
source("condmean_common.R")

J <- 3
arms <- c("control", "treat")

simulate <- function(n, seed, covariates, gaps = FALSE) {
  set.seed(seed)
  arm <- rep(arms, length.out = n)
  base <- round(rnorm(n, 20, 4), 2)
  ar <- function(rho, sds) outer(sds, sds) * outer(1:J, 1:J, function(i, j) rho^abs(i - j))
  # Different covariances by arm: the treated arm is noisier at later
  # visits and less autocorrelated.
  S <- list(control = ar(0.7, c(4, 4.5, 5)), treat = ar(0.35, c(4.5, 6, 7.5)))
  age <- round(runif(n, 20, 70)); site <- sample(c("A", "B", "C"), n, TRUE)
  y <- matrix(NA_real_, n, J)
  for (i in 1:n) {
    mu <- 0.6 * base[i] + (arm[i] == "treat") * c(-0.8, -1.6, -2.4) + c(10, 9.5, 9)
    if (covariates) mu <- mu + 0.05 * (age[i] - 45) + c(A = 0, B = 1, C = -1)[[site[i]]]
    y[i, ] <- mu + drop(rnorm(J) %*% chol(S[[arm[i]]]))
  }
  y <- round(y, 3)
  # Monotone MAR drop-out: the chance of leaving after visit j rises with
  # the last observed value.
  for (i in 1:n) for (j in 2:J) if (runif(1) < plogis(-2.6 + 0.1 * (y[i, j - 1] - 20))) { y[i, j:J] <- NA; break }
  y[1:4, ] <- NA # four subjects (two per arm) without any follow-up
  last <- apply(y, 1, function(r) if (all(is.na(r))) 0 else max(which(!is.na(r))))
  ice <- ifelse(last < J, last + 1, J + 1) # drop-out: the ICE is the first missing visit
  if (gaps) {
    comp <- sample(which(ice == J + 1 & seq_len(n) > 4))
    # retrieved drop-outs: ICE at V1 with V1 missing (3); at V2 with V2
    # missing and V3 observed (4); at V2 with V2 observed, V3 missing (4);
    # at V3 with V1 missing and V2, V3 observed (3)
    r1 <- comp[1:3]; r2a <- comp[4:7]; r2b <- comp[8:11]; r3 <- comp[12:14]
    ice[r1] <- 1; y[r1, 1] <- NA
    ice[r2a] <- 2; y[r2a, 2] <- NA
    ice[r2b] <- 2; y[r2b, 3] <- NA
    ice[r3] <- 3; y[r3, 1] <- NA
    # intermittent MAR gaps of subjects without an ICE (3)
    g <- comp[15:17]; y[g, 2] <- NA
    # a gap before drop-out: V1 missing, V2 observed, ICE (drop-out) at V3
    dv3 <- which(ice == 3 & last == 2 & seq_len(n) > 4)
    y[head(dv3, 3), 1] <- NA
  }
  data.frame(id = sprintf("B%03d", 1:n), arm = arm, base = base, age = age, site = site, y = I(y), ice = ice)
}

# reml_byarm is REML with one covariance per arm; it stops unless polished.
reml_byarm <- function(d, covariates, start = NULL) {
  f <- reml(d, J, covariates, match(d$arm, arms), start)
  if (f$grad >= 1e-9) stop("REML not polished: max |gradient| ", f$grad)
  f$S <- setNames(f$S, arms)
  f
}

# fitdata removes the post-ICE outcomes of non-MAR strategies.
fitdata <- function(d, ice_first, strat) {
  for (i in seq_len(nrow(d))) if (strat[i] != "MAR" && ice_first[i] <= J) d$y[i, ice_first[i]:J] <- NA
  d
}

impute_analyse <- function(d, f, ice_first, strat, covariates, delta = NULL) {
  Y <- d$y
  for (i in seq_len(nrow(d))) {
    mu <- function(a) { dd <- d[rep(i, J), ]; dd$arm <- a; drop(design(dd, 1:J, J, covariates) %*% f$beta) }
    index_mar <- seq_len(J) < ice_first[i]
    pars <- get(paste0("strategy_", strat[i]))(
      list(mu = mu(d$arm[i]), sigma = f$S[[d$arm[i]]]), # the subject's own arm
      list(mu = mu("control"), sigma = f$S[["control"]]), # the reference arm
      index_mar)
    Y[i, ] <- impute_subject(d$y[i, ], pars, delta, d$arm[i] == "treat")
  }
  ancova(Y, d, J, covariates)
}

rows <- list(); fits <- list(); alldata <- list()
cases <- list(
  list(name = "byarm100", n = 100, seed = 21, covariates = FALSE),
  list(name = "byarm90cov", n = 90, seed = 22, covariates = TRUE),
  list(name = "byarm100gaps", n = 100, seed = 23, covariates = FALSE, gaps = TRUE)
)
settings <- list(
  list(s = "MAR", delta = NULL, tag = "MAR"), list(s = "JR", delta = NULL, tag = "JR"),
  list(s = "CR", delta = NULL, tag = "CR"), list(s = "CIR", delta = NULL, tag = "CIR"),
  list(s = "LMCF", delta = NULL, tag = "LMCF"),
  list(s = "JR", delta = rbind(c(0, 0, 0), c(1.5, 1.5, 1.5)), tag = "JR_delta_treat_1.5"))
for (cs in cases) {
  d <- simulate(cs$n, cs$seed, cs$covariates, isTRUE(cs$gaps))
  n <- nrow(d)
  ice_first <- d$ice
  alldata[[cs$name]] <- long_data(cs$name, d, ice_first, J)
  cat(cs$name, ": ICE at V1/V2/V3 =", sum(ice_first == 1), sum(ice_first == 2), sum(ice_first == 3), "of", n, "\n")
  strategies <- function(s) {
    strat <- rep(s, n)
    strat[ice_first > J] <- "MAR" # no ICE: MAR
    if (s == "LMCF") strat[ice_first == 1] <- "MAR" # LMCF needs a visit before the event
    strat
  }
  cache <- list()
  fitsfor <- function(strat) {
    df <- fitdata(d, ice_first, strat)
    k <- paste(which(is.na(df$y)), collapse = ",")
    if (is.null(cache[[k]])) {
      t0 <- proc.time()[["elapsed"]]
      full <- reml_byarm(df, cs$covariates)
      jk <- lapply(1:n, function(b) reml_byarm(df[-b, ], cs$covariates, start = full$theta))
      cat(cs$name, ": 1 +", n, "REML fits in", round(proc.time()[["elapsed"]] - t0, 1), "s; max |gradient|",
        max(full$grad, sapply(jk, `[[`, "grad")), "\n")
      cache[[k]] <<- list(full = full, jk = jk)
    }
    cache[[k]]
  }
  full <- fitsfor(strategies("MAR"))$full # every observed outcome
  fits[[cs$name]] <- rbind(
    data.frame(case = cs$name, what = "beta", arm = "", row = seq_along(full$beta), col = 0, value = sprintf("%.15g", full$beta)),
    do.call(rbind, lapply(arms, function(a) data.frame(case = cs$name, what = "sigma", arm = a,
      row = rep(1:J, J), col = rep(1:J, each = J), value = sprintf("%.15g", c(full$S[[a]]))))),
    data.frame(case = cs$name, what = "loglik", arm = "", row = 0, col = 0, value = sprintf("%.15g", full$loglik)))
  for (st in settings) {
    strat <- strategies(st$s)
    f <- fitsfor(strat)
    est <- impute_analyse(d, f$full, ice_first, strat, cs$covariates, st$delta)
    jk <- t(sapply(1:n, function(b) impute_analyse(d[-b, ], f$jk[[b]], ice_first[-b], strat[-b], cs$covariates, st$delta)))
    se <- jackknife_se(jk)
    rows[[length(rows) + 1]] <- result_rows(cs$name, st, J, est, se, f$full$grad)
    cat(cs$name, st$tag, "trt_3", est[7], "se", se[7], "\n")
  }
}
write.csv(do.call(rbind, alldata), "condmean_byarm_data.csv", row.names = FALSE, quote = FALSE, na = "NA")
write.csv(do.call(rbind, rows), "condmean_byarm_results.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, fits), "condmean_byarm_fit.csv", row.names = FALSE, quote = FALSE)
