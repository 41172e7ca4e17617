# Reference values for effect/mi's strategy means/covariances and
# conditional mean imputation, computed by rbmi's own functions
# (R/strategies.R of rbmi, Apache-2.0, not copied here: point
# RBMI_STRATEGIES at that file of an rbmi checkout, e.g. commit 5961fa0).
# Conditional means use the normal formula written out below.
# Run from this folder:
#   RBMI_STRATEGIES=/path/to/rbmi/R/strategies.R Rscript gen_strategies.R
src <- Sys.getenv("RBMI_STRATEGIES")
if (src == "") stop("set RBMI_STRATEGIES to rbmi's R/strategies.R")
source(src)
set.seed(77)
J <- 4
rcov <- function(J) { A <- matrix(rnorm(J * J), J); crossprod(A) + diag(J) }
out <- list()
k <- 0
cond_mean <- function(y, mu, S) {
  o <- !is.na(y); m <- is.na(y)
  if (!any(m)) return(y)
  if (!any(o)) { y[m] <- mu[m]; return(y) }
  y[m] <- mu[m] + S[m, o, drop = FALSE] %*% solve(S[o, o, drop = FALSE], y[o] - mu[o])
  y
}
fmt <- function(x) paste(sprintf("%.17g", x), collapse = ";")
for (case in 1:6) {
  mu <- rnorm(J, 10, 2); muref <- rnorm(J, 11, 2)
  S <- rcov(J); R <- if (case %% 2 == 0) S else rcov(J)
  for (strat in c("MAR", "JR", "CR", "CIR", "LMCF")) {
    for (first in 0:J) {
      if (strat == "LMCF" && first == 0) next
      index_mar <- seq_len(J) <= first
      f <- get(paste0("strategy_", strat))
      p <- f(list(mu = mu, sigma = S), list(mu = muref, sigma = R), index_mar)
      y <- rnorm(J, 10, 3)
      y[sample(J, sample(0:J, 1))] <- NA
      cm <- cond_mean(y, p$mu, p$sigma)
      k <- k + 1
      out[[k]] <- data.frame(case = case, strategy = strat, first = first,
        mu = fmt(mu), muref = fmt(muref), sigma = fmt(S), sigmaref = fmt(R),
        y = gsub("NA", "NaN", fmt(y)), mean = fmt(p$mu), cov = fmt(p$sigma), imputed = fmt(cm))
    }
  }
}
write.csv(do.call(rbind, out), "strategies.csv", row.names = FALSE, quote = FALSE)
