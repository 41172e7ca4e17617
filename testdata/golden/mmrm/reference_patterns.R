# Polished reference values for effect/mmrm that reference.R does not reach:
#   byarm  - a separate covariance matrix per arm (one common mean model), REML and ML, on two new simulated trials
#            (f120x4: 120 subjects x 4 visits; g300x3: 300 x 3 with an age covariate and a site factor), both with
#            monotone MAR dropout and a different true covariance in each arm; h150x3: three arms, 150 x 3;
#   gaps   - every structure by REML and ML at 10 visits (e150x10: reference.R skipped US ML; its other values there
#            have a W from central differences, good to ~1e-7 in df) and AR1/ARH/CSH/TOEP/TOEPH/AD/ADH REML and ML
#            on 2,000 subjects (d2000x3), on the data sets reference.R committed (read back from sim_*.csv).
#
# The (restricted) likelihood is computed here from sums over the subjects of each missingness pattern
# (group x set of observed visits): with C_st = sum_i x_is x_it', CY_st = sum_i x_is y_it and YY = sum_i y_i y_i',
# X'V^-1X, X'V^-1y, the residual quadratic form, the analytic gradient and Q_k = sum_i X_i'V^-1 dV_k V^-1 X_i are
# linear in these sums, so each evaluation costs O(patterns), not O(subjects). Covariance structures, start values,
# polishing and Satterthwaite df are as in reference.R (SAS parameterization; BFGS from the empirical covariance,
# then Newton with the Jacobian of the analytic gradient until |gradient| < 1e-9 and to the rounding floor; W = inverse observed
# information of the REML or the beta-profiled ML log-likelihood, the Hessian being the complex-step Jacobian of the
# analytic gradient, exact to rounding). LS-mean contrast vectors come from emmeans (equal weights over factor
# levels, covariates at their mean over the analysed rows). Where the R package mmrm can be loaded (R_LIBS), its
# grouped fit (us(visit | arm / id) etc.) is recorded as "mmrm_loglik": an independent anchor for the definition of
# the by-arm likelihood, good only to mmrm's stopping rule.
#
# Run from the repository root (R 4.2.2, nlme 3.1-162, emmeans; optional mmrm 0.3.18):
#   R_LIBS=<lib with mmrm> Rscript testdata/golden/mmrm/reference_patterns.R byarm
#   Rscript testdata/golden/mmrm/reference_patterns.R gaps
#   Rscript testdata/golden/mmrm/reference_patterns.R check   (compares with reference.R's committed values; writes nothing)
# Writes sim_f120x4.csv, sim_g300x3.csv, sim_h150x3.csv, golden_byarm.csv and golden_gaps.csv here (the names avoid the
# reference*.csv glob of golden_test.go, which fits without ByArm).
suppressPackageStartupMessages({library(nlme); library(emmeans)})
out_dir <- "testdata/golden/mmrm"
have_mmrm <- suppressWarnings(suppressPackageStartupMessages(requireNamespace("mmrm", quietly = TRUE)))

# ---- simulation with a different covariance in each arm (monotone MAR dropout as in reference.R) ----
simulate_byarm <- function(name, n, t, factors, seed, arms = c("C", "T")) {
  set.seed(seed)
  arm <- rep(arms, length.out = n)
  base <- rnorm(n, 50, 10)
  site <- sample(c("s1", "s2", "s3"), n, replace = TRUE)
  age <- round(rnorm(n, 40, 12), 1)
  Sarm <- list(C = outer(1:t, 1:t, function(i, j) 0.6^abs(i - j)) * outer(sqrt(seq(60, 100, length.out = t)), sqrt(seq(60, 100, length.out = t))),
               T = (0.3 + 0.7 * diag(t)) * outer(sqrt(seq(90, 50, length.out = t)), sqrt(seq(90, 50, length.out = t))))
  Sarm$U <- 80 * outer(1:t, 1:t, function(i, j) 0.4^abs(i - j))
  L <- lapply(Sarm, chol)
  rows <- list()
  for (i in 1:n) {
    e <- as.vector(rnorm(t) %*% L[[arm[i]]])
    mu <- 10 + 0.5 * base[i] + (1:t) * 1.5 - (arm[i] == "T") * (1:t) * 0.8 - (arm[i] == "U") * (1:t) * 0.4
    if (factors) mu <- mu + c(s1 = 0, s2 = 2, s3 = -1)[site[i]] + 0.05 * age[i]
    y <- mu + e
    dropped <- FALSE
    first <- runif(1) < 0.05
    for (j in 1:t) {
      if (j == 1 && first) dropped <- TRUE
      if (dropped) y[j] <- NA
      else if (j < t && runif(1) < plogis(-3 + 0.05 * (y[j] - 50))) dropped <- TRUE
    }
    rows[[i]] <- data.frame(id = sprintf("P%04d", i), visit = sprintf("V%02d", 1:t), arm = arm[i],
                            base = base[i], y = y, site = site[i], age = age[i])
  }
  d <- do.call(rbind, rows)
  write.csv(d, file.path(out_dir, paste0("sim_", name, ".csv")), row.names = FALSE, na = "NA")
  d
}

# ---- covariance structures in SAS parameterization (copied from reference.R) ----
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
npar <- function(s, t) switch(s, US = t*(t+1)/2, CS = 2, AR1 = 2, CSH = t+1, ARH = t+1, TOEP = t,
                              AD = t, TOEPH = 2*t-1, ADH = 2*t-1)
feasible1 <- function(s, th, t) {
  if (any(!is.finite(th))) return(FALSE)
  het <- s %in% c("CSH", "ARH", "TOEPH", "ADH")
  if (!(s %in% c("US", "CS", "TOEP"))) {
    nv <- if (het) t else 1
    if (any(th[1:nv] <= 0) || any(abs(th[-(1:nv)]) >= 1)) return(FALSE)
  }
  all(eigen(sigma_of(s, th, t), symmetric = TRUE, only.values = TRUE)$values > 0)
}
# dSigma/dtheta_k by Richardson-extrapolated central differences (exact for the linear structures).
dsigma1 <- function(s, th, t) {
  lapply(seq_along(th), function(k) {
    h <- 1e-4 * max(abs(th[k]), 1e-2)
    f <- function(hh) { a <- th; a[k] <- a[k] + hh; sigma_of(s, a, t) }
    d1 <- (f(h) - f(-h)) / (2 * h); d2 <- (f(h / 2) - f(-h / 2)) / h
    (4 * d2 - d1) / 3
  })
}

# ---- sums per missingness pattern ----
make_patterns <- function(d, X, group) {
  p <- ncol(X)
  key <- paste(group[match(levels(d$id), d$id)], tapply(d$vi, d$id, paste, collapse = ","), sep = "|")
  ids <- split(levels(d$id), key)
  lapply(ids, function(sid) {
    r1 <- which(d$id == sid[1]); v <- d$vi[r1]; n <- length(v); cnt <- length(sid)
    rows <- sapply(sid, function(s) which(d$id == s))           # n x cnt (rows of each subject, visit order)
    if (n == 1) rows <- matrix(rows, 1)
    Xs <- lapply(1:n, function(s) X[rows[s, ], , drop = FALSE])  # cnt x p, subjects at pattern position s
    Y <- matrix(d$y[rows], cnt, n, byrow = TRUE)                  # cnt x n
    C <- matrix(0, p * p, n * n); CY <- matrix(0, p, n * n)
    for (s in 1:n) for (tt in 1:n) {
      C[, s + n * (tt - 1)] <- as.vector(crossprod(Xs[[s]], Xs[[tt]]))
      CY[, s + n * (tt - 1)] <- crossprod(Xs[[s]], Y[, tt])
    }
    list(g = group[r1[1]], v = v, n = n, cnt = cnt, C = C, CY = CY, YY = crossprod(Y))
  })
}

# theta = concatenation of the groups' parameters (group 1 = control arm first).
loglik_pat <- function(s, th, pats, p, N, t, G, reml, deriv = TRUE) {
  kg <- npar(s, t)
  S <- lapply(1:G, function(g) sigma_of(s, th[(g - 1) * kg + 1:kg], t))
  XMX <- matrix(0, p, p); XMy <- numeric(p); ld <- 0
  for (i in seq_along(pats)) { P <- pats[[i]]
    V <- S[[P$g]][P$v, P$v, drop = FALSE]; M <- solve(V); pats[[i]]$M <- M
    if (!is.complex(th)) ld <- ld + P$cnt * as.numeric(determinant(V)$modulus)
    XMX <- XMX + matrix(P$C %*% as.vector(M), p, p); XMy <- XMy + as.vector(P$CY %*% as.vector(M)) }
  XMX <- (XMX + t(XMX)) / 2
  A <- solve(XMX); beta <- as.vector(A %*% XMy)
  bb <- as.vector(kronecker(beta, beta)); quad <- 0
  for (i in seq_along(pats)) { P <- pats[[i]]; n <- P$n
    B <- matrix(as.vector(crossprod(P$CY, beta)), n, n)
    R2 <- P$YY - t(B) - B + matrix(as.vector(crossprod(P$C, bb)), n, n)
    pats[[i]]$R2 <- R2; quad <- quad + sum(P$M * R2) }
  ll <- if (is.complex(th)) NA else if (reml) -0.5 * ((N - p) * log(2 * pi) + ld + as.numeric(determinant(XMX)$modulus) + quad)
        else -0.5 * (N * log(2 * pi) + ld + quad)
  res <- list(ll = ll, beta = beta, A = A)
  if (!deriv) return(res)
  K <- length(th); g <- numeric(K); Q <- vector("list", K)
  dS <- lapply(1:G, function(gg) dsigma1(s, th[(gg - 1) * kg + 1:kg], t))
  for (k in 1:K) {
    gk <- (k - 1) %/% kg + 1; kk <- (k - 1) %% kg + 1
    Qk <- matrix(0, p, p); tr <- 0; ee <- 0
    for (P in pats) if (P$g == gk) {
      Vk <- dS[[gk]][[kk]][P$v, P$v, drop = FALSE]; MVM <- P$M %*% Vk %*% P$M
      tr <- tr + P$cnt * sum(P$M * Vk); ee <- ee + sum(MVM * P$R2)
      Qk <- Qk + matrix(P$C %*% as.vector(MVM), p, p)
    }
    Q[[k]] <- (Qk + t(Qk)) / 2
    g[k] <- -0.5 * (tr - (if (reml) sum(A * Q[[k]]) else 0) - ee)
  }
  res$g <- g; res$Q <- Q
  res
}

polish <- function(s, th, pats, p, N, t, G, reml) {
  kg <- npar(s, t)
  feas <- function(x) all(sapply(1:G, function(g) feasible1(s, x[(g - 1) * kg + 1:kg], t)))
  LL <- function(x, deriv = TRUE) loglik_pat(s, x, pats, p, N, t, G, reml, deriv)
  f <- function(x) if (feas(x)) -LL(x, FALSE)$ll else 1e100
  gr <- function(x) -LL(x)$g
  o <- optim(th, f, gr, method = "BFGS", control = list(maxit = 2000, reltol = 1e-12))
  th <- o$par
  # Jacobian of the analytic gradient by the complex step (Squire & Trapp 1998): the gradient is an analytic
  # function of theta, so Im g(theta + i h e_k) / h is its k-th derivative without subtractive cancellation,
  # exact to rounding (HESS=fd selects Richardson-extrapolated central differences instead, for comparison).
  hess <- function(th) {
    K <- length(th); H <- matrix(0, K, K)
    cd <- function(k, h) { a <- th; a[k] <- a[k] + h; b <- th; b[k] <- b[k] - h; (LL(a)$g - LL(b)$g) / (2 * h) }
    for (k in 1:K) {
      if (Sys.getenv("HESS") == "fd") { h <- 1e-4 * max(abs(th[k]), 1e-2); H[, k] <- (4 * cd(k, h / 2) - cd(k, h)) / 3 }
      else { a <- complex(real = th, imaginary = 0); a[k] <- complex(real = th[k], imaginary = 1e-30)
        H[, k] <- Im(LL(a)$g) / 1e-30 }
    }
    (H + t(H)) / 2
  }
  for (it in 1:60) {
    cur <- LL(th)
    if (sqrt(sum(cur$g^2)) < 1e-9) break
    H <- hess(th)
    step <- -solve(H, cur$g); lam <- 1
    repeat { nt <- th + lam * step
      if (feas(nt) && LL(nt, FALSE)$ll >= cur$ll - 1e-10) break
      lam <- lam / 2; if (lam < 1e-8) stop("polish failed") }
    th <- nt
  }
  # up to two more full Newton steps while they reduce |gradient| (to the rounding floor)
  for (extra in 1:2) { cur <- LL(th); nt <- th - solve(hess(th), cur$g)
    if (feas(nt) && sqrt(sum(LL(nt)$g^2)) < sqrt(sum(cur$g^2))) th <- nt else break }
  cur <- LL(th)
  list(th = th, cur = cur, W = solve(-hess(th)), gnorm = sqrt(sum(cur$g^2)), it = it)
}

start_theta1 <- function(s, d, r, t) {
  wide <- matrix(NA, nlevels(droplevels(d$id)), t); wide[cbind(as.integer(droplevels(d$id)), d$vi)] <- r
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

make_fit_data <- function(d, t) {
  d <- d[!is.na(d$y) & !is.na(d$base), ]
  d$visit <- factor(d$visit, levels = sprintf("V%02d", 1:t))
  d$arm <- factor(d$arm, levels = sort(unique(d$arm)))
  d$site <- factor(d$site)
  d$vi <- as.integer(d$visit)
  d$id <- factor(d$id, levels = unique(d$id))
  d
}

mmrm_loglik <- function(s, d, fml, reml) {
  if (!have_mmrm) return(NA)
  cov <- sprintf("%s(visit | arm / id)", c(US = "us", CS = "cs", CSH = "csh", AR1 = "ar1", ARH = "ar1h", TOEP = "toep",
                                           TOEPH = "toeph", AD = "ad", ADH = "adh")[[s]])
  f <- tryCatch(suppressWarnings(mmrm::mmrm(as.formula(paste(deparse(fml), "+", cov)), data = d, reml = reml)),
                error = function(e) NULL)
  if (is.null(f)) NA else as.numeric(logLik(f))
}

run <- function(name, raw, t, factors, structs, methods, G, anchor) {
  d <- make_fit_data(raw, t)
  fml <- if (factors) y ~ arm * visit + base * visit + age + site else y ~ arm * visit + base * visit
  X <- model.matrix(fml, d); p <- ncol(X); N <- nrow(d)
  group <- if (G > 1) as.integer(d$arm) else rep(1L, N)
  pats <- make_patterns(d, X, group)
  r0 <- d$y - X %*% qr.coef(qr(X), d$y)
  em <- emmeans(gls(fml, d), ~ arm | visit, data = d, mode = "df.error")
  Lm <- em@linfct; grid <- em@grid
  # each non-control arm minus the control, arm-major (as Result.Differences)
  Ld <- do.call(rbind, lapply(levels(d$arm)[-1], function(a) Lm[grid$arm == a, , drop = FALSE] - Lm[grid$arm == levels(d$arm)[1], , drop = FALSE]))
  out <- list()
  for (s in structs) for (meth in methods) {
    reml <- meth == "REML"
    cat(name, s, meth, "")
    th0 <- unlist(lapply(1:G, function(g) start_theta1(s, d[group == g, ], r0[group == g], t)))
    tm <- system.time(pf <- tryCatch(polish(s, th0, pats, p, N, t, G, reml),
                                     error = function(e) { cat("failed:", conditionMessage(e), ""); NULL }))
    cat(sprintf("%.1fs\n", tm[["elapsed"]]))
    if (is.null(pf)) next
    Phi <- pf$cur$A; beta <- pf$cur$beta
    key <- function(what, i, v) out[[length(out) + 1]] <<- data.frame(dataset = name, structure = s, method = meth,
                                                                    what = what, index = i, value = v)
    key("loglik", 0, pf$cur$ll); key("gradnorm", 0, pf$gnorm)
    if (anchor) key("mmrm_loglik", 0, mmrm_loglik(s, d, fml, reml))
    for (k in seq_along(pf$th)) key("theta", k - 1, pf$th[k])
    satt <- function(l) { v <- as.numeric(l %*% Phi %*% l)
      g <- sapply(pf$cur$Q, function(Qk) as.numeric(l %*% Phi %*% Qk %*% Phi %*% l))
      c(v, 2 * v^2 / as.numeric(g %*% pf$W %*% g)) }
    for (i in seq_len(nrow(Lm))) { l <- Lm[i, ]; sv <- satt(l)
      idx <- (as.integer(grid$arm[i]) - 1) * t + as.integer(grid$visit[i]) - 1
      key("lsmean", idx, sum(l * beta)); key("lsmean_se", idx, sqrt(sv[1])); key("lsmean_df", idx, sv[2]) }
    for (i in seq_len(nrow(Ld))) { l <- Ld[i, ]; sv <- satt(l)
      key("diff", i - 1, sum(l * beta)); key("diff_se", i - 1, sqrt(sv[1])); key("diff_df", i - 1, sv[2]) }
  }
  do.call(rbind, out)
}

all_structs <- c("US", "CS", "CSH", "AR1", "ARH", "TOEP", "TOEPH", "AD", "ADH")
if (nzchar(Sys.getenv("STRUCTS"))) all_structs <- strsplit(Sys.getenv("STRUCTS"), ",")[[1]]
mode <- commandArgs(TRUE)[1]
options(digits = 15)
if (mode == "byarm") {
  res <- rbind(
    run("f120x4", simulate_byarm("f120x4", 120, 4, FALSE, 16), 4, FALSE, all_structs, c("REML", "ML"), 2, TRUE),
    run("g300x3", simulate_byarm("g300x3", 300, 3, TRUE, 17), 3, TRUE, all_structs, c("REML", "ML"), 2, TRUE),
    run("h150x3", simulate_byarm("h150x3", 150, 3, FALSE, 18, c("C", "T", "U")), 3, FALSE, all_structs, c("REML", "ML"), 3, TRUE))
  write.csv(res, file.path(out_dir, "golden_byarm.csv"), row.names = FALSE)
} else if (mode == "gaps") {
  rd <- function(nm) read.csv(file.path(out_dir, paste0("sim_", nm, ".csv")), stringsAsFactors = FALSE)
  res <- rbind(
    run("e150x10", rd("e150x10"), 10, FALSE, all_structs, c("REML", "ML"), 1, FALSE),
    run("d2000x3", rd("d2000x3"), 3, TRUE, setdiff(all_structs, c("US", "CS")), c("REML", "ML"), 1, FALSE))
  write.csv(res, file.path(out_dir, "golden_gaps.csv"), row.names = FALSE)
} else if (mode == "check") {
  # self-check of the pattern sums against reference.R's per-subject loops (its committed reference_*.csv):
  # the largest relative difference of each quantity over every structure, REML and ML.
  cases <- list(list("b200x4", 4, TRUE, "reference_b200x4_c120x6.csv", all_structs),
                list("d2000x3", 3, TRUE, "reference_d2000x3.csv", c("US", "CS")),
                list("e150x10", 10, FALSE, "reference_e150x10.csv", setdiff(all_structs, "US")))
  for (cs in cases) {
    nm <- cs[[1]]; ref <- read.csv(file.path(out_dir, cs[[4]]))
    res <- run(nm, read.csv(file.path(out_dir, paste0("sim_", nm, ".csv"))), cs[[2]], cs[[3]], cs[[5]], c("REML", "ML"), 1, FALSE)
    m <- merge(res, ref, by = c("dataset", "structure", "method", "what", "index"))
    m <- m[m$what != "gradnorm", ]
    m$rel <- abs(m$value.x - m$value.y) / pmax(abs(m$value.y), 1e-3)
    cat(nm, ":", nrow(m), "values compared\n"); print(aggregate(rel ~ what, m, max))
  }
} else stop("usage: Rscript reference_patterns.R byarm|gaps|check")
