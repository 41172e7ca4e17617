# Shared functions of gen_condmean.R and gen_condmean_byarm.R (sourced by
# both; run them from this folder): the MMRM design, REML for one
# unstructured covariance per block of subjects (one block, or one per
# arm) polished to the exact optimum, the conditional-mean imputation of
# one subject, the per-visit ANCOVA with rbmi's counterfactual LS means,
# the jackknife standard error and the long-format data rows.

design <- function(d, v, J, covariates) {
  # rows of the MMRM design for subject rows d at visits v (1..J)
  n <- length(v)
  X <- matrix(0, n, 0)
  for (j in 1:J) X <- cbind(X, as.numeric(v == j))
  for (j in 1:J) X <- cbind(X, as.numeric(v == j) * (d$arm == "treat"))
  for (j in 1:J) X <- cbind(X, as.numeric(v == j) * d$base)
  if (covariates) X <- cbind(X, d$age, d$site == "B", d$site == "C")
  X
}

# reml fits the MMRM by REML with one unstructured covariance per block
# (block[i] in 1..K is subject i's block; Cholesky factors with log
# diagonal), analytic gradient, nlminb, then Newton steps (Hessian by
# central differences of the analytic gradient) until every gradient
# component is below 1e-9. Subjects are grouped by block and pattern of
# observed visits: within a group every subject has the same covariance
# block.
reml <- function(d, J, covariates, block, start = NULL) {
  K <- max(block)
  pat <- apply(!is.na(d$y), 1, function(r) paste(which(r), collapse = ","))
  key <- paste(block, pat)
  keys <- unique(key[pat != ""])
  groups <- lapply(keys, function(g) {
    idx <- which(key == g); o <- which(!is.na(d$y[idx[1], ]))
    # Xv[[a]]: rows of the design at the a-th observed visit, one per subject
    Xv <- lapply(o, function(j) design(d[idx, ], rep(j, length(idx)), J, covariates))
    list(a = block[idx[1]], o = o, n = length(idx), Xv = Xv, Y = d$y[idx, o, drop = FALSE])
  })
  p <- ncol(groups[[1]]$Xv[[1]])
  N <- sum(!is.na(d$y))
  q <- J * (J + 1) / 2
  unpack <- function(th) { L <- matrix(0, J, J); L[lower.tri(L, TRUE)] <- th; diag(L) <- exp(diag(L)); L }
  pieces <- function(th) {
    L <- lapply(1:K, function(k) unpack(th[(k - 1) * q + 1:q])); S <- lapply(L, tcrossprod)
    XVX <- matrix(0, p, p); XVy <- numeric(p); ld <- 0; Vi <- list()
    for (k in seq_along(groups)) {
      g <- groups[[k]]; o <- g$o; Sk <- S[[g$a]][o, o, drop = FALSE]; Vk <- solve(Sk); Vi[[k]] <- Vk
      ld <- ld + g$n * as.numeric(determinant(Sk)$modulus)
      for (a in seq_along(o)) for (b in seq_along(o)) {
        XVX <- XVX + Vk[a, b] * crossprod(g$Xv[[a]], g$Xv[[b]])
        XVy <- XVy + Vk[a, b] * crossprod(g$Xv[[a]], g$Y[, b])
      }
    }
    A <- solve(XVX); beta <- drop(A %*% XVy)
    list(L = L, S = S, Vi = Vi, A = A, beta = beta, ld = ld, XVX = XVX)
  }
  resid <- function(g, beta) sapply(seq_along(g$o), function(a) g$Y[, a] - drop(g$Xv[[a]] %*% beta))
  negll <- function(th) {
    P <- pieces(th); qf <- 0
    for (k in seq_along(groups)) {
      R <- matrix(resid(groups[[k]], P$beta), groups[[k]]$n)
      qf <- qf + sum((R %*% P$Vi[[k]]) * R)
    }
    0.5 * (P$ld + as.numeric(determinant(P$XVX)$modulus) + qf)
  }
  grad <- function(th) {
    P <- pieces(th); M <- lapply(1:K, function(k) matrix(0, J, J))
    for (k in seq_along(groups)) {
      g <- groups[[k]]; o <- g$o; Vk <- P$Vi[[k]]
      R <- matrix(resid(g, P$beta), g$n)
      XAX <- matrix(0, length(o), length(o))
      for (a in seq_along(o)) for (b in seq_along(o)) XAX[a, b] <- sum((g$Xv[[a]] %*% P$A) * g$Xv[[b]])
      M[[g$a]][o, o] <- M[[g$a]][o, o] + 0.5 * (g$n * Vk - Vk %*% crossprod(R) %*% Vk - Vk %*% XAX %*% Vk)
    }
    unlist(lapply(1:K, function(a) {
      G <- 2 * M[[a]] %*% P$L[[a]] # gradient of the negative log-likelihood w.r.t. L
      diag(G) <- diag(G) * diag(P$L[[a]])
      G[lower.tri(G, TRUE)]
    }))
  }
  if (is.null(start)) {
    start <- unlist(lapply(1:K, function(k) {
      S0 <- cov(d$y[block == k, , drop = FALSE], use = "pairwise.complete.obs"); L0 <- t(chol(S0)); diag(L0) <- log(diag(L0)); L0[lower.tri(L0, TRUE)]
    }))
  }
  th <- nlminb(start, negll, grad, control = list(rel.tol = 1e-15, x.tol = 1e-15, iter.max = 500, eval.max = 1000))$par
  for (it in 1:20) { # Newton polish on the analytic gradient
    g <- grad(th)
    if (max(abs(g)) < 1e-9) break
    h <- 1e-5; H <- sapply(seq_along(th), function(k) { e <- replace(numeric(length(th)), k, h); (grad(th + e) - grad(th - e)) / (2 * h) })
    th <- th - solve((H + t(H)) / 2, g)
  }
  P <- pieces(th)
  list(beta = P$beta, S = P$S, theta = th, grad = max(abs(grad(th))),
    loglik = -negll(th) - 0.5 * (N - p) * log(2 * pi))
}

# impute_subject fills the missing outcomes of y by their conditional mean
# under the strategy's parameters pars (mu, sigma), then adds the δ of the
# subject's arm (row 1 control, row 2 treat) if delta is given.
impute_subject <- function(y, pars, delta, treat) {
  m <- is.na(y); o <- !m
  if (any(m)) {
    if (any(o)) y[m] <- pars$mu[m] + pars$sigma[m, o, drop = FALSE] %*% solve(pars$sigma[o, o, drop = FALSE], y[o] - pars$mu[o])
    else y[m] <- pars$mu[m]
    if (!is.null(delta)) y[m] <- y[m] + delta[treat + 1, m]
  }
  y
}

# ancova gives, for each visit, the treatment coefficient of lm and both
# counterfactual LS means (everyone control, everyone treated).
ancova <- function(Y, d, J, covariates) {
  out <- numeric(0)
  for (j in 1:J) {
    a <- data.frame(y = Y[, j], treat = as.numeric(d$arm == "treat"), base = d$base, age = d$age, site = d$site)
    fit <- if (covariates) lm(y ~ treat + base + age + site, a) else lm(y ~ treat + base, a)
    nd0 <- a; nd0$treat <- 0; nd1 <- a; nd1$treat <- 1
    out <- c(out, coef(fit)[["treat"]], mean(predict(fit, nd0)), mean(predict(fit, nd1)))
  }
  out
}

# jackknife_se is the jackknife standard error of each column of jk (one
# leave-one-out estimate per row).
jackknife_se <- function(jk) {
  n <- nrow(jk)
  sqrt((n - 1) / n * colSums(sweep(jk, 2, colMeans(jk))^2))
}

# long_data is the trial in long format, one row per subject and visit.
long_data <- function(name, d, ice_first, J) {
  do.call(rbind, lapply(seq_len(nrow(d)), function(i) data.frame(case = name, id = d$id[i], visit = paste0("V", 1:J),
    arm = d$arm[i], base = d$base[i], age = d$age[i], site = d$site[i], y = d$y[i, ],
    ice_visit = if (ice_first[i] <= J) paste0("V", ice_first[i]) else "")))
}

# result_rows are the rows of a results CSV for one case and setting.
result_rows <- function(name, st, J, est, se, grad) {
  nm <- paste(rep(c("trt", "lsm_ref", "lsm_alt"), J), rep(1:J, each = 3), sep = "_")
  data.frame(case = name, setting = st$tag, strategy = st$s,
    delta = if (is.null(st$delta)) "" else paste(sprintf("%g", t(st$delta)), collapse = ";"),
    quantity = nm, estimate = sprintf("%.15g", est), se = sprintf("%.15g", se),
    reml_gradient = sprintf("%.3g", grad))
}
