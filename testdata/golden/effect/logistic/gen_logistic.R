# Reference values for effect.LogisticOR: R's glm(family = binomial),
# polished to the exact maximum. glm stops on the relative change of the
# deviance, which is second order in the step, so epsilon = 1e-14 leaves the
# coefficients about 1e-7 from the optimum, and summary()/vcov() use the
# weights of the previous iteration. Here Newton steps continue from glm's
# answer until the step is below 1e-15, and the standard errors come from
# the information matrix at the polished coefficients; Wald intervals as
# confint.default. Run from this folder: Rscript gen_logistic.R
set.seed(20261206)
cases <- list()
data_rows <- list()
results <- list()
mk <- function(name, n, beta_arm, offset = 0, scale = 1, factor = FALSE, baseline = TRUE, cov = FALSE) {
  arm <- rep(0:1, length.out = n)
  base <- offset + scale * rnorm(n)
  site <- sample(c("A", "B", "C"), n, replace = TRUE)
  age <- round(runif(n, 18, 80))
  eta <- -0.3 + beta_arm * arm + (if (baseline) 0.8 * (base - offset) / scale else 0) +
    (if (factor) c(A = 0, B = 0.4, C = -0.5)[site] else 0) + (if (cov) 0.02 * (age - 50) else 0)
  y <- rbinom(n, 1, plogis(eta))
  y[sample(n, max(1, n %/% 20))] <- NA
  d <- data.frame(case = name, event = y, arm = arm, baseline = base, site = site, age = age)
  # The reference fit uses the baseline minus its offset (exact in floating
  # point): the same model for every coefficient but the intercept, which
  # is not compared for the offset cases. glm itself loses accuracy (and
  # may not converge) on a column near 1e8.
  d$baseline_c <- d$baseline - offset
  f <- "event ~ arm"
  if (baseline) f <- paste(f, "+ baseline_c")
  if (cov) f <- paste(f, "+ age")
  if (factor) f <- paste(f, "+ factor(site)")
  fit <- glm(as.formula(f), family = binomial, data = d,
             control = glm.control(epsilon = 1e-14, maxit = 100))
  X <- model.matrix(fit)
  yy <- fit$y
  b <- coef(fit)
  for (it in 1:50) {
    mu <- plogis(drop(X %*% b))
    I <- crossprod(X, (mu * (1 - mu)) * X)
    step <- solve(I, crossprod(X, yy - mu))
    b <- b + drop(step)
    if (max(abs(step)) < 1e-15 * (1 + max(abs(b)))) break
  }
  mu <- plogis(drop(X %*% b))
  V <- solve(crossprod(X, (mu * (1 - mu)) * X))
  se <- sqrt(diag(V))
  s <- cbind(b, se, b / se, 2 * pnorm(-abs(b / se)))
  rownames(s) <- names(coef(fit))
  ci90 <- cbind(b - qnorm(0.95) * se, b + qnorm(0.95) * se)
  dev <- -2 * sum(yy * log(mu) + (1 - yy) * log1p(-mu))
  data_rows[[name]] <<- d[, c("case", "event", "arm", "baseline", "site", "age")]
  results[[name]] <<- data.frame(case = name, formula = f,
    coef = sub("baseline_c", "baseline", rownames(s)), intercept_comparable = offset == 0, estimate = sprintf("%.17g", s[, 1]), se = sprintf("%.17g", s[, 2]),
    z = sprintf("%.17g", s[, 3]), p = sprintf("%.17g", s[, 4]),
    lower90 = sprintf("%.17g", ci90[, 1]), upper90 = sprintf("%.17g", ci90[, 2]),
    deviance = sprintf("%.17g", dev), n = nobs(fit))
}
mk("small", 40, 0.8)
mk("medium", 300, -0.5, factor = TRUE, cov = TRUE)
mk("offset1e6", 200, 0.6, offset = 1e6, scale = 3)
mk("offset1e8", 200, 0.6, offset = 1e8, scale = 3, factor = TRUE)
mk("noBaseline", 120, 1.1, baseline = FALSE)
mk("large", 2000, 0.3, factor = TRUE, cov = TRUE)
d <- do.call(rbind, data_rows)
d$event[is.na(d$event)] <- "NA"
d$baseline <- sprintf("%.17g", d$baseline)
write.csv(d, "logistic_data.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, results), "logistic_results.csv", row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
