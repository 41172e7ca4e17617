# Reference values for effect/mmrm: simulated trials with monotone MAR dropout, fitted for every covariance
# structure by REML and ML with an independent dense implementation of the (restricted) likelihood in R,
# started from the empirical covariance, optimized by BFGS and then POLISHED by Newton's method (analytic
# gradient, Hessian = numerical Jacobian of the analytic gradient) until |gradient| < 1e-9, so the values are
# the exact optimum rather than an optimizer's stopping point. nlme::gls (corSymm+varIdent = US, corCompSymm = CS,
# +varIdent = CSH, corAR1 = AR1, +varIdent = ARH) is fitted too and its log-likelihood recorded as an
# anchor for the likelihood definition; emmeans gives the LS-mean contrast vectors (equal weights over factor
# levels, covariates at their mean over the analysed rows).
#
# Run from the repository root:  Rscript testdata/golden/mmrm/reference.R [datasets]
# As committed: Rscript reference.R a40x2; Rscript reference.R b200x4 c120x6;
#   STRUCTS=US,CS Rscript reference.R d2000x3; Rscript reference.R e150x10
# (R 4.2.2, nlme 3.1-162, emmeans). Writes sim_*.csv (data) and reference.csv here.
suppressPackageStartupMessages({library(nlme); library(emmeans)})
out_dir <- "testdata/golden/mmrm"

simulate <- function(name, n, t, factors, seed, miss_base = 0) {
  set.seed(seed)
  arm <- rep(c("C", "T"), length.out = n)
  base <- rnorm(n, 50, 10)
  site <- sample(c("s1", "s2", "s3"), n, replace = TRUE)
  age <- round(rnorm(n, 40, 12), 1)
  rho <- 0.6
  S <- outer(1:t, 1:t, function(i, j) rho^abs(i - j)) * outer(sqrt(seq(60, 100, length.out = t)), sqrt(seq(60, 100, length.out = t)))
  L <- chol(S)
  rows <- list()
  for (i in 1:n) {
    e <- as.vector(rnorm(t) %*% L)
    mu <- 10 + 0.5 * base[i] + (1:t) * 1.5 - (arm[i] == "T") * (1:t) * 0.8
    if (factors) mu <- mu + c(s1 = 0, s2 = 2, s3 = -1)[site[i]] + 0.05 * age[i]
    y <- mu + e
    # monotone MAR dropout: after visit j with probability depending on the observed y_j
    dropped <- FALSE
    first <- runif(1) < 0.05            # some never return (no post-baseline value)
    for (j in 1:t) {
      if (j == 1 && first) dropped <- TRUE
      if (dropped) y[j] <- NA
      else if (j < t && runif(1) < plogis(-3 + 0.05 * (y[j] - 50))) dropped <- TRUE
    }
    rows[[i]] <- data.frame(id = sprintf("P%04d", i), visit = sprintf("V%02d", 1:t), arm = arm[i],
                            base = base[i], y = y, site = site[i], age = age[i])
  }
  d <- do.call(rbind, rows)
  if (miss_base > 0) d$base[d$id %in% sprintf("P%04d", seq_len(miss_base))] <- NA
  write.csv(d, file.path(out_dir, paste0("sim_", name, ".csv")), row.names = FALSE, na = "NA")
  d
}

# ---- covariance structures in SAS parameterization (independent of the Go code) ----
npar <- function(s, t) switch(s, US = t*(t+1)/2, CS = 2, AR1 = 2, CSH = t+1, ARH = t+1, TOEP = t,
                              AD = t, TOEPH = 2*t-1, ADH = 2*t-1)
sigma_of <- function(s, th, t) {
  het <- s %in% c("CSH", "ARH", "TOEPH", "ADH")
  if (s == "US") { S <- matrix(0, t, t); k <- 0
    for (i in 1:t) for (j in 1:i) { k <- k + 1; S[i, j] <- S[j, i] <- th[k] }; return(S) }
  if (s == "CS") return(matrix(th[1], t, t) + diag(th[2], t))
  if (s == "TOEP") return(outer(1:t, 1:t, function(i, j) th[abs(i - j) + 1]))
  nv <- if (het) t else 1
  sd <- if (het) sqrt(th[1:t]) else rep(sqrt(th[1]), t)
  r <- th[-(1:nv)]
  R <- diag(t)
  for (i in 1:t) for (j in 1:t) if (i < j) {
    R[i, j] <- R[j, i] <- switch(s, CSH = r[1], AR1 = r[1]^(j - i), ARH = r[1]^(j - i),
                                 TOEPH = r[j - i], AD = prod(r[i:(j - 1)]), ADH = prod(r[i:(j - 1)]))
  }
  outer(sd, sd) * R
}
feasible <- function(s, th, t) {
  if (any(!is.finite(th))) return(FALSE)
  het <- s %in% c("CSH", "ARH", "TOEPH", "ADH")
  if (!(s %in% c("US", "CS", "TOEP"))) {
    nv <- if (het) t else 1
    if (any(th[1:nv] <= 0) || any(abs(th[-(1:nv)]) >= 1)) return(FALSE)
  }
  S <- sigma_of(s, th, t)
  all(eigen(S, symmetric = TRUE, only.values = TRUE)$values > 0)
}
# dSigma/dtheta_k by complex-step-free central differences of sigma_of is NOT used: analytic via linearity
# check below would couple to the Go code; instead use a 1e-7 symmetric difference on sigma_of, which for
# these polynomial/sqrt maps is accurate to ~1e-12 relative after Richardson extrapolation.
dsigma <- function(s, th, t) {
  lapply(seq_along(th), function(k) {
    h <- 1e-4 * max(abs(th[k]), 1e-2)
    f <- function(hh) { a <- th; a[k] <- a[k] + hh; sigma_of(s, a, t) }
    d1 <- (f(h) - f(-h)) / (2 * h); d2 <- (f(h / 2) - f(-h / 2)) / h
    (4 * d2 - d1) / 3
  })
}

make_fit_data <- function(d, t, factors) {
  d <- d[!is.na(d$y) & !is.na(d$base), ]
  d$visit <- factor(d$visit, levels = sprintf("V%02d", 1:t))
  d$arm <- factor(d$arm, levels = c("C", "T"))
  d$site <- factor(d$site)
  d$vi <- as.integer(d$visit)
  d$id <- factor(d$id, levels = unique(d$id))
  d
}

loglik_parts <- function(s, th, d, X, reml, deriv = TRUE) {
  t <- nlevels(d$visit)
  S <- sigma_of(s, th, t)
  dS <- if (deriv) dsigma(s, th, t) else NULL
  ids <- split(seq_len(nrow(d)), d$id)
  p <- ncol(X); K <- length(th)
  XMX <- matrix(0, p, p); XMy <- numeric(p); ld <- 0
  blocks <- lapply(ids, function(r) {
    v <- d$vi[r]; V <- S[v, v, drop = FALSE]; M <- solve(V)
    list(r = r, v = v, M = M, ld = as.numeric(determinant(V)$modulus))
  })
  for (b in blocks) { Xi <- X[b$r, , drop = FALSE]; XMX <- XMX + t(Xi) %*% b$M %*% Xi
    XMy <- XMy + t(Xi) %*% b$M %*% d$y[b$r]; ld <- ld + b$ld }
  A <- solve(XMX); beta <- as.vector(A %*% XMy)
  N <- nrow(d); quad <- 0
  for (b in blocks) { r <- d$y[b$r] - X[b$r, , drop = FALSE] %*% beta; quad <- quad + sum(r * (b$M %*% r)) }
  ll <- if (reml) -0.5 * ((N - p) * log(2 * pi) + ld + as.numeric(determinant(XMX)$modulus) + quad)
        else -0.5 * (N * log(2 * pi) + ld + quad)
  res <- list(ll = ll, beta = beta, A = A)
  if (!deriv) return(res)
  g <- numeric(K); Q <- vector("list", K)
  for (k in 1:K) {
    Qk <- matrix(0, p, p); tr <- 0; ee <- 0
    for (b in blocks) {
      Vk <- dS[[k]][b$v, b$v, drop = FALSE]; Xi <- X[b$r, , drop = FALSE]
      e <- b$M %*% (d$y[b$r] - Xi %*% beta)
      tr <- tr + sum(diag(b$M %*% Vk)); ee <- ee + sum(e * (Vk %*% e))
      Qk <- Qk + t(Xi) %*% b$M %*% Vk %*% b$M %*% Xi
    }
    Q[[k]] <- Qk
    g[k] <- -0.5 * (tr - (if (reml) sum(diag(A %*% Qk)) else 0) - ee)
  }
  res$g <- g; res$Q <- Q
  res
}

polish <- function(s, th, d, X, reml) {
  t <- nlevels(d$visit)
  f <- function(x) if (feasible(s, x, t)) -loglik_parts(s, x, d, X, reml, FALSE)$ll else 1e100
  gr <- function(x) -loglik_parts(s, x, d, X, reml)$g
  o <- optim(th, f, gr, method = "BFGS", control = list(maxit = 500, reltol = 1e-12))
  th <- o$par
  for (it in 1:50) {
    cur <- loglik_parts(s, th, d, X, reml)
    if (sqrt(sum(cur$g^2)) < 1e-9) break
    K <- length(th); H <- matrix(0, K, K)
    for (k in 1:K) { h <- 1e-5 * max(abs(th[k]), 1e-2)
      a <- th; a[k] <- a[k] + h; b <- th; b[k] <- b[k] - h
      H[, k] <- (loglik_parts(s, a, d, X, reml)$g - loglik_parts(s, b, d, X, reml)$g) / (2 * h) }
    H <- (H + t(H)) / 2
    step <- -solve(H, cur$g); lam <- 1
    repeat { nt <- th + lam * step
      if (feasible(s, nt, t) && loglik_parts(s, nt, d, X, reml, FALSE)$ll >= cur$ll - 1e-10) break
      lam <- lam / 2; if (lam < 1e-8) stop("polish failed") }
    th <- nt
  }
  cur <- loglik_parts(s, th, d, X, reml)
  K <- length(th); H <- matrix(0, K, K)
  for (k in 1:K) { h <- 1e-5 * max(abs(th[k]), 1e-2)
    a <- th; a[k] <- a[k] + h; b <- th; b[k] <- b[k] - h
    H[, k] <- (loglik_parts(s, a, d, X, reml)$g - loglik_parts(s, b, d, X, reml)$g) / (2 * h) }
  H <- (H + t(H)) / 2
  list(th = th, cur = cur, W = solve(-H), gnorm = sqrt(sum(cur$g^2)))
}

start_theta <- function(s, d, X, t) {
  b <- qr.coef(qr(X), d$y); r <- d$y - X %*% b
  wide <- matrix(NA, nlevels(d$id), t); wide[cbind(as.integer(d$id), d$vi)] <- r
  S <- cov(wide, use = "pairwise.complete.obs"); S[is.na(S)] <- 0
  v <- diag(S); C <- cov2cor(S); C[is.na(C)] <- 0
  lag <- function(k) mean(sapply(1:(t - k), function(i) C[i, i + k]))
  cl <- function(x) max(-0.9, min(0.9, x))
  mc <- if (t > 1) mean(C[upper.tri(C)]) else 0
  switch(s, US = S[upper.tri(S, TRUE)][order(col(S)[upper.tri(S, TRUE)], row(S)[upper.tri(S, TRUE)])],
         CS = c(max(0, mc) * mean(v), (1 - max(0, mc)) * mean(v)),
         CSH = c(v, cl(mc)), AR1 = c(mean(v), cl(if (t > 1) lag(1) else 0)), ARH = c(v, cl(if (t > 1) lag(1) else 0)),
         TOEP = c(mean(v), if (t > 1) sapply(1:(t - 1), lag) * mean(v)),
         TOEPH = c(v, if (t > 1) sapply(1:(t - 1), function(k) cl(lag(k)))),
         AD = c(mean(v), if (t > 1) sapply(1:(t - 1), function(k) cl(C[k, k + 1]))),
         ADH = c(v, if (t > 1) sapply(1:(t - 1), function(k) cl(C[k, k + 1]))))
}

nlme_loglik <- function(s, d, fml, reml) {
  meth <- if (reml) "REML" else "ML"
  ctl <- glsControl(maxIter = 200, msMaxIter = 200, tolerance = 1e-10)
  fit <- tryCatch(switch(s,
    US = gls(fml, d, correlation = corSymm(form = ~ vi | id), weights = varIdent(form = ~ 1 | visit), method = meth, control = ctl),
    CS = gls(fml, d, correlation = corCompSymm(form = ~ 1 | id), method = meth, control = ctl),
    CSH = gls(fml, d, correlation = corCompSymm(form = ~ 1 | id), weights = varIdent(form = ~ 1 | visit), method = meth, control = ctl),
    AR1 = gls(fml, d, correlation = corAR1(form = ~ vi | id), method = meth, control = ctl),
    ARH = gls(fml, d, correlation = corAR1(form = ~ vi | id), weights = varIdent(form = ~ 1 | visit), method = meth, control = ctl),
    NULL), error = function(e) NULL)
  if (is.null(fit)) NA else as.numeric(logLik(fit))
}

sims <- list(
  list(name = "a40x2", n = 40, t = 2, factors = FALSE, seed = 11, miss_base = 0),
  list(name = "b200x4", n = 200, t = 4, factors = TRUE, seed = 12, miss_base = 3),
  list(name = "c120x6", n = 120, t = 6, factors = FALSE, seed = 13, miss_base = 0),
  list(name = "d2000x3", n = 2000, t = 3, factors = TRUE, seed = 14, miss_base = 0),
  list(name = "e150x10", n = 150, t = 10, factors = FALSE, seed = 15, miss_base = 0)
)
structs <- c("US", "CS", "CSH", "AR1", "ARH", "TOEP", "TOEPH", "AD", "ADH")
# STRUCTS=US,CS limits the structures (the 2,000-subject case is run for a subset: R loops over subjects).
if (nzchar(Sys.getenv("STRUCTS"))) structs <- strsplit(Sys.getenv("STRUCTS"), ",")[[1]]
args <- commandArgs(TRUE)
if (length(args)) sims <- Filter(function(s) s$name %in% args, sims)
out <- list()
add <- function(...) out[[length(out) + 1]] <<- data.frame(...)
for (sm in sims) {
  raw <- simulate(sm$name, sm$n, sm$t, sm$factors, sm$seed, sm$miss_base)
  d <- make_fit_data(raw, sm$t, sm$factors)
  t <- sm$t
  fml <- if (t > 1) { if (sm$factors) y ~ arm * visit + base * visit + age + site else y ~ arm * visit + base * visit }
         else { if (sm$factors) y ~ arm + base + age + site else y ~ arm + base }
  X <- model.matrix(fml, d)
  g0 <- gls(fml, d)
  em <- emmeans(g0, if (t > 1) ~ arm | visit else ~ arm, data = d, mode = "df.error")
  Lm <- em@linfct
  grid <- em@grid
  Ld <- Lm[grid$arm == "T", , drop = FALSE] - Lm[grid$arm == "C", , drop = FALSE]
  for (s in structs) for (reml in c(TRUE, FALSE)) {
    if (s == "US" && t == 10 && !reml) next  # keep the run short
    meth <- if (reml) "REML" else "ML"
    cat(sm$name, s, meth, "\n")
    pf <- tryCatch(polish(s, start_theta(s, d, X, t), d, X, reml), error = function(e) { cat("  failed:", conditionMessage(e), "\n"); NULL })
    if (is.null(pf)) next
    Phi <- pf$cur$A; beta <- pf$cur$beta
    key <- function(what, i, v) add(dataset = sm$name, structure = s, method = meth, what = what, index = i, value = v)
    key("loglik", 0, pf$cur$ll); key("gradnorm", 0, pf$gnorm)
    key("nlme_loglik", 0, if (t > 1 || s %in% c("US", "CS")) nlme_loglik(s, d, fml, reml) else NA)
    for (k in seq_along(pf$th)) key("theta", k - 1, pf$th[k])
    satt <- function(l) { v <- as.numeric(l %*% Phi %*% l)
      g <- sapply(pf$cur$Q, function(Qk) as.numeric(l %*% Phi %*% Qk %*% Phi %*% l))
      c(v, 2 * v^2 / as.numeric(g %*% pf$W %*% g)) }
    for (i in seq_len(nrow(Lm))) { l <- Lm[i, ]; sv <- satt(l)
      idx <- (as.integer(grid$arm[i]) - 1) * t + (if (t > 1) as.integer(grid$visit[i]) else 1) - 1
      key("lsmean", idx, sum(l * beta)); key("lsmean_se", idx, sqrt(sv[1])); key("lsmean_df", idx, sv[2]) }
    for (i in seq_len(nrow(Ld))) { l <- Ld[i, ]; sv <- satt(l)
      key("diff", i - 1, sum(l * beta)); key("diff_se", i - 1, sqrt(sv[1])); key("diff_df", i - 1, sv[2]) }
  }
}
ref <- do.call(rbind, out)
fn <- file.path(out_dir, if (length(args)) paste0("reference_", paste(args, collapse = "_"), ".csv") else "reference.csv")
write.csv(ref, fn, row.names = FALSE)
