# Reference values for effect/mi's conditional mean imputation on simulated
# trials, computed in base R at the exact REML optimum, independently of
# ties: REML for an unstructured covariance (mean model arm*visit +
# baseline*visit [+ age + site]) with an analytic gradient, optimized by
# nlminb and polished by Newton steps until the gradient is below 1e-9;
# strategies from rbmi's own R/strategies.R (set RBMI_STRATEGIES to that
# file of an rbmi checkout, e.g. commit 5961fa0); conditional means by the
# normal formula; ANCOVA per visit by lm; jackknife over subjects.
# Run from this folder:
#   RBMI_STRATEGIES=/path/to/rbmi/R/strategies.R Rscript gen_condmean.R
src <- Sys.getenv("RBMI_STRATEGIES")
if (src == "") stop("set RBMI_STRATEGIES to rbmi's R/strategies.R")
source(src)

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

reml <- function(d, J, covariates, start = NULL) {
  # Subjects grouped by their pattern of observed visits: within a pattern
  # every subject has the same covariance block.
  pat <- apply(!is.na(d$y), 1, function(r) paste(which(r), collapse = ","))
  groups <- lapply(setdiff(unique(pat), ""), function(g) {
    o <- as.integer(strsplit(g, ",")[[1]]); idx <- which(pat == g)
    # Xv[[a]]: rows of the design at the a-th observed visit, one per subject
    Xv <- lapply(o, function(j) design(d[idx, ], rep(j, length(idx)), J, covariates))
    Y <- d$y[idx, o, drop = FALSE]
    list(o = o, n = length(idx), Xv = Xv, Y = Y)
  })
  p <- ncol(groups[[1]]$Xv[[1]])
  unpack <- function(th) { L <- matrix(0, J, J); L[lower.tri(L, TRUE)] <- th; diag(L) <- exp(diag(L)); L }
  pieces <- function(th) {
    L <- unpack(th); S <- L %*% t(L)
    XVX <- matrix(0, p, p); XVy <- numeric(p); ld <- 0; Vi <- list()
    for (k in seq_along(groups)) {
      g <- groups[[k]]; o <- g$o; Vk <- solve(S[o, o, drop = FALSE]); Vi[[k]] <- Vk
      ld <- ld + g$n * as.numeric(determinant(S[o, o, drop = FALSE])$modulus)
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
    P <- pieces(th); q <- 0
    for (k in seq_along(groups)) {
      R <- matrix(resid(groups[[k]], P$beta), groups[[k]]$n)
      q <- q + sum((R %*% P$Vi[[k]]) * R)
    }
    0.5 * (P$ld + as.numeric(determinant(P$XVX)$modulus) + q)
  }
  grad <- function(th) {
    P <- pieces(th); M <- matrix(0, J, J)
    for (k in seq_along(groups)) {
      g <- groups[[k]]; o <- g$o; Vk <- P$Vi[[k]]
      R <- matrix(resid(g, P$beta), g$n)
      RR <- crossprod(R)
      XAX <- matrix(0, length(o), length(o))
      for (a in seq_along(o)) for (b in seq_along(o)) XAX[a, b] <- sum((g$Xv[[a]] %*% P$A) * g$Xv[[b]])
      M[o, o] <- M[o, o] + 0.5 * (g$n * Vk - Vk %*% RR %*% Vk - Vk %*% XAX %*% Vk)
    }
    G <- 2 * M %*% P$L # gradient of the negative log-likelihood w.r.t. L
    diag(G) <- diag(G) * diag(P$L)
    G[lower.tri(G, TRUE)]
  }
  if (is.null(start)) {
    S0 <- cov(d$y, use = "pairwise.complete.obs"); L0 <- t(chol(S0)); diag(L0) <- log(diag(L0)); start <- L0[lower.tri(L0, TRUE)]
  }
  th <- nlminb(start, negll, grad, control = list(rel.tol = 1e-15, x.tol = 1e-15, iter.max = 500, eval.max = 1000))$par
  for (it in 1:20) { # Newton polish on the analytic gradient
    g <- grad(th)
    if (max(abs(g)) < 1e-9) break
    h <- 1e-5; H <- sapply(seq_along(th), function(k) { e <- replace(numeric(length(th)), k, h); (grad(th + e) - grad(th - e)) / (2 * h) })
    th <- th - solve((H + t(H)) / 2, g)
  }
  P <- pieces(th)
  list(beta = P$beta, S = P$S, theta = th, grad = max(abs(grad(th))))
}

impute_analyse <- function(d, ice_first, strat, J, covariates, fitfull = NULL, delta = NULL) {
  # fit data: post-ICE outcomes of non-MAR strategies removed
  df <- d
  for (i in seq_len(nrow(d))) if (strat[i] != "MAR" && ice_first[i] <= J) df$y[i, ice_first[i]:J] <- NA
  f <- reml(df, J, covariates, start = fitfull$theta)
  Y <- d$y
  for (i in seq_len(nrow(d))) {
    mu <- function(a) { dd <- d[rep(i, J), ]; dd$arm <- a; drop(design(dd, 1:J, J, covariates) %*% f$beta) }
    index_mar <- seq_len(J) < ice_first[i]
    pars <- get(paste0("strategy_", strat[i]))(list(mu = mu(d$arm[i]), sigma = f$S), list(mu = mu("control"), sigma = f$S), index_mar)
    y <- d$y[i, ]; m <- is.na(y); o <- !m
    if (any(m)) {
      if (any(o)) y[m] <- pars$mu[m] + pars$sigma[m, o, drop = FALSE] %*% solve(pars$sigma[o, o, drop = FALSE], y[o] - pars$mu[o])
      else y[m] <- pars$mu[m]
      if (!is.null(delta)) y[m] <- y[m] + delta[(d$arm[i] == "treat") + 1, m]
    }
    Y[i, ] <- y
  }
  out <- numeric(0)
  for (j in 1:J) {
    a <- data.frame(y = Y[, j], treat = as.numeric(d$arm == "treat"), base = d$base, age = d$age, site = d$site)
    fit <- if (covariates) lm(y ~ treat + base + age + site, a) else lm(y ~ treat + base, a)
    nd0 <- a; nd0$treat <- 0; nd1 <- a; nd1$treat <- 1
    out <- c(out, coef(fit)[["treat"]], mean(predict(fit, nd0)), mean(predict(fit, nd1)))
  }
  list(est = out, fit = f, Y = Y)
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
  long <- do.call(rbind, lapply(1:nrow(d), function(i) data.frame(case = cs$name, id = d$id[i], visit = paste0("V", 1:J),
    arm = d$arm[i], base = d$base[i], age = d$age[i], site = d$site[i], y = d$y[i, ],
    ice_visit = if (ice_first[i] <= J) paste0("V", ice_first[i]) else "")))
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
    n <- nrow(d)
    se <- sqrt((n - 1) / n * colSums(sweep(jk, 2, colMeans(jk))^2))
    nm <- paste(rep(c("trt", "lsm_ref", "lsm_alt"), J), rep(1:J, each = 3), sep = "_")
    rows[[length(rows) + 1]] <- data.frame(case = cs$name, setting = st$tag, strategy = st$s,
      delta = if (is.null(st$delta)) "" else paste(sprintf("%g", t(st$delta)), collapse = ";"),
      quantity = nm, estimate = sprintf("%.15g", full$est), se = sprintf("%.15g", se),
      reml_gradient = sprintf("%.3g", full$fit$grad))
    cat(cs$name, st$tag, "done; max |gradient|", full$fit$grad, "\n")
  }
}
write.csv(do.call(rbind, alldata), "condmean_data.csv", row.names = FALSE, quote = FALSE, na = "NA")
write.csv(do.call(rbind, rows), "condmean_results.csv", row.names = FALSE, quote = FALSE)
