# Goldens for effect/mmrm's Kenward–Roger and sandwich (empirical) covariances.
#
# Run from this directory:  Rscript gen.R [path/to/mmrm_fev_data.csv]
# (R 4.2, nlme 3.1, clubSandwich 0.5; the R package mmrm, if installed, is used for a cross-check only.)
#
# For each case the script
#   1. fits the model by REML with nlme::gls, then polishes the covariance parameters theta to the exact
#      optimum by Newton's method with the analytic REML gradient and observed Hessian (|gradient| < 1e-9),
#      in SAS PROC MIXED's parameterization (UN: sigma_ij; AR(1): sigma^2, rho; CSH: variances, rho);
#   2. writes <case>_obs.csv (one row per observation: subject, cluster, 0-based visit, residual, design row),
#      <case>_sigma.csv (Sigma, dSigma/dtheta_k, d2Sigma/dtheta_k dtheta_l over all visits), <case>_w.csv
#      (W = inverse of the negative observed REML Hessian) and <case>_contrasts.csv;
#   3. computes the references with dense N x N matrices (a deliberately naive, independent implementation of
#      Kenward & Roger 1997 and of the sandwich formulas) and, for the sandwiches, with clubSandwich::vcovCR
#      on a gls fit whose covariance parameters are fixed at the polished optimum; writes <case>_ref.csv.
suppressMessages({
  library(nlme)
  library(clubSandwich)
})
options(digits = 17)
args <- commandArgs(trailingOnly = TRUE)
fev_path <- if (length(args) >= 1) args[1] else "/work/shared/reference/mmrm_fev_data.csv"

## ---- covariance structures in SAS's parameterization -------------------------------------------------
## Each returns Sigma (t x t), list of first derivatives, and K x K list of second derivatives (NULL = 0).
struct_us <- function(theta, t) {
  S <- matrix(0, t, t); D <- list(); k <- 0
  for (i in 1:t) for (j in 1:i) {
    k <- k + 1; S[i, j] <- S[j, i] <- theta[k]
    E <- matrix(0, t, t); E[i, j] <- E[j, i] <- 1; D[[k]] <- E
  }
  list(S = S, D = D, D2 = NULL)
}
struct_ar1 <- function(theta, t) {
  s2 <- theta[1]; r <- theta[2]
  L <- abs(outer(1:t, 1:t, "-"))
  R <- r^L
  dR <- ifelse(L == 0, 0, L * r^pmax(L - 1, 0))
  d2R <- ifelse(L <= 1, 0, L * (L - 1) * r^pmax(L - 2, 0))
  Z <- matrix(0, t, t)
  list(S = s2 * R, D = list(R, s2 * dR),
       D2 = list(list(Z, dR), list(dR, s2 * d2R)))
}
struct_csh <- function(theta, t) {
  v <- theta[1:t]; r <- theta[t + 1]; s <- sqrt(v)
  C <- matrix(r, t, t); diag(C) <- 1
  S <- outer(s, s) * C
  D <- list(); K <- t + 1
  for (a in 1:t) { # d S_ij / d v_a = S_ij (delta_ia + delta_ja) / (2 v_a)
    E <- matrix(0, t, t); E[a, ] <- E[a, ] + S[a, ] / (2 * v[a]); E[, a] <- E[, a] + S[, a] / (2 * v[a]); D[[a]] <- E
  }
  Cr <- matrix(1, t, t); diag(Cr) <- 0; D[[K]] <- outer(s, s) * Cr
  D2 <- rep(list(vector("list", K)), K)
  for (a in 1:K) for (b in 1:K) {
    E <- matrix(0, t, t)
    if (a <= t && b <= t) {
      for (i in 1:t) for (j in 1:t) {
        ci <- (i == a) + (j == a); cj <- (i == b) + (j == b)
        if (ci == 0 || cj == 0) next
        # S_ij = sqrt(v_i v_j) C_ij: d/dv_a d/dv_b
        if (a == b) {
          if (i == j) E[i, j] <- 0 else E[i, j] <- -S[i, j] / (4 * v[a]^2)
        } else {
          E[i, j] <- S[i, j] / (4 * v[a] * v[b])
        }
      }
    } else if (a <= t && b == K || a == K && b <= t) {
      c <- if (a <= t) a else b
      E <- D[[c]] / r
      diag(E) <- 0
    }
    D2[[a]][[b]] <- E
  }
  list(S = S, D = D, D2 = D2)
}
structs <- list(us = struct_us, ar1 = struct_ar1, csh = struct_csh)

## ---- REML machinery (dense; the point is independence and transparency, not speed) -------------------
bdiag_list <- function(ms) {
  n <- sum(sapply(ms, nrow)); out <- matrix(0, n, n); o <- 0
  for (m in ms) { r <- nrow(m); out[o + 1:r, o + 1:r] <- m; o <- o + r }
  out
}
expand <- function(S, vis_list) bdiag_list(lapply(vis_list, function(v) S[v, v, drop = FALSE]))

reml_parts <- function(theta, st, t, X, y, vis_list, need_hess = TRUE) {
  s <- st(theta, t)
  V <- expand(s$S, vis_list)
  Vi <- solve(V)
  XtViX <- crossprod(X, Vi %*% X)
  Phi <- solve(XtViX)
  P <- Vi - Vi %*% X %*% Phi %*% t(X) %*% Vi
  Py <- P %*% y
  ll <- -0.5 * (as.numeric(determinant(V)$modulus) + as.numeric(determinant(XtViX)$modulus) + sum(y * Py) +
                  (length(y) - ncol(X)) * log(2 * pi))
  K <- length(theta)
  dV <- lapply(s$D, expand, vis_list = vis_list)
  PdV <- lapply(dV, function(d) P %*% d)
  g <- sapply(1:K, function(a) -0.5 * sum(diag(PdV[[a]])) + 0.5 * sum(Py * (dV[[a]] %*% Py)))
  H <- NULL
  if (need_hess) {
    H <- matrix(0, K, K)
    for (a in 1:K) for (b in a:K) {
      h <- 0.5 * sum(PdV[[a]] * t(PdV[[b]])) - sum(Py * (dV[[a]] %*% (PdV[[b]] %*% Py)))
      if (!is.null(s$D2)) {
        d2 <- expand(s$D2[[a]][[b]], vis_list)
        h <- h - 0.5 * sum(P * d2) + 0.5 * sum(Py * (d2 %*% Py))
      }
      H[a, b] <- H[b, a] <- h
    }
  }
  list(ll = ll, g = g, H = H, V = V, Vi = Vi, Phi = Phi, dV = dV, s = s,
       beta = Phi %*% crossprod(X, Vi %*% y))
}

polish <- function(theta, st, t, X, y, vis_list) {
  for (it in 1:50) {
    r <- reml_parts(theta, st, t, X, y, vis_list)
    if (max(abs(r$g)) < 1e-9) return(list(theta = theta, parts = r, iter = it - 1))
    step <- solve(r$H, r$g)
    f <- 1
    repeat {
      cand <- theta - f * step
      ok <- tryCatch({
        rr <- reml_parts(cand, st, t, X, y, vis_list, need_hess = FALSE); rr$ll >= r$ll - 1e-12
      }, error = function(e) FALSE)
      if (ok || f < 1e-6) break
      f <- f / 2
    }
    theta <- cand
  }
  stop("polish did not converge")
}

## ---- references ---------------------------------------------------------------------------------------
kr_ref <- function(r, X, W, linear) {
  Phi <- r$Phi; Vi <- r$Vi; K <- length(r$dV)
  ViX <- Vi %*% X
  P <- lapply(r$dV, function(d) -crossprod(ViX, d %*% ViX))
  S <- matrix(0, ncol(X), ncol(X))
  for (h in 1:K) for (j in 1:K) {
    Q <- crossprod(ViX, r$dV[[h]] %*% Vi %*% r$dV[[j]] %*% ViX)
    R <- if (linear || is.null(r$s$D2)) 0 else crossprod(ViX, expand(r$s$D2[[h]][[j]], vis_list_cur) %*% ViX)
    S <- S + W[h, j] * (Q - P[[h]] %*% Phi %*% P[[j]] - R / 4)
  }
  list(adj = Phi + 2 * Phi %*% S %*% Phi, P = P)
}
kr_df <- function(Phi, P, W, L) {
  L <- matrix(L, ncol = ncol(Phi)); q <- nrow(L)
  M <- t(L) %*% solve(L %*% Phi %*% t(L)) %*% L
  K <- length(P); A1 <- 0; A2 <- 0
  F <- lapply(P, function(p) M %*% Phi %*% p %*% Phi)
  for (h in 1:K) for (j in 1:K) {
    A1 <- A1 + W[h, j] * sum(diag(F[[h]])) * sum(diag(F[[j]]))
    A2 <- A2 + W[h, j] * sum(diag(F[[h]] %*% F[[j]]))
  }
  B <- (A1 + 6 * A2) / (2 * q); g <- ((q + 1) * A1 - (q + 4) * A2) / ((q + 2) * A2)
  den <- 3 * q + 2 - 2 * g; c1 <- g / den; c2 <- (q - g) / den; c3 <- (q + 2 - g) / den
  Es <- 1 / (1 - A2 / q); Vs <- 2 / q * (1 + c1 * B) / ((1 - c2 * B)^2 * (1 - c3 * B))
  rho <- Vs / (2 * Es^2); m <- 4 + (q + 2) / (q * rho - 1)
  c(lambda = m / (Es * (m - 2)), df = m)
}
satt_df <- function(r, X, W, c) { # 1-d Satterthwaite (Giesbrecht & Burns), for the KR = Satterthwaite identity
  Phi <- r$Phi; ViX <- r$Vi %*% X
  grad <- sapply(r$dV, function(d) sum(c * (Phi %*% crossprod(ViX, d %*% ViX) %*% Phi %*% c)))
  2 * sum(c * (Phi %*% c))^2 / sum(grad * (W %*% grad))
}
msqrt_inv <- function(A) { # pseudo-inverse square root of a symmetric PSD matrix
  e <- eigen((A + t(A)) / 2, symmetric = TRUE)
  tol <- nrow(A) * .Machine$double.eps * max(abs(e$values))
  d <- ifelse(e$values > tol, 1 / sqrt(pmax(e$values, tol)), 0)
  e$vectors %*% (d * t(e$vectors))
}
sandwich_ref <- function(r, X, e, cl, method) {
  # Dense: whiten with T = U^{-T} where V = U'U (U = chol(V) upper), N x N.
  U <- chol(r$V); Tm <- t(backsolve(U, diag(nrow(U)))) # Tm = U^{-T}
  Xt <- Tm %*% X; et <- Tm %*% e; Phi <- r$Phi
  H <- Xt %*% Phi %*% t(Xt); N <- nrow(X); IH <- diag(N) - H
  K <- U %*% t(U)
  meat <- 0; G <- NULL
  ids <- unique(cl)
  for (c in ids) {
    ii <- which(cl == c)
    IHc <- IH[ii, ii, drop = FALSE]
    A <- switch(method,
      CR0 = diag(length(ii)),
      CR3 = solve(IHc),
      CR2W = msqrt_inv(IHc),
      CR2 = { Kc <- K[ii, ii, drop = FALSE]; msqrt_inv(Kc %*% IHc %*% Kc) %*% Kc })
    z <- t(Xt[ii, , drop = FALSE]) %*% A %*% et[ii]
    meat <- meat + z %*% t(z)
    # g columns for the df: (I-H)[, ii] A' X~_ii Phi (N x p per cluster)
    G[[length(G) + 1]] <- IH[, ii, drop = FALSE] %*% t(A) %*% Xt[ii, , drop = FALSE] %*% Phi
  }
  list(cov = Phi %*% meat %*% Phi,
       df = function(cc) { g <- sapply(G, function(m) m %*% cc); GG <- crossprod(g); sum(diag(GG))^2 / sum(GG^2) })
}

## Multi-row contrasts as mmrm (and SAS, Fai & Cornelius 1996): rotate L by the eigenvectors of L cov L',
## take the 1-d df of each rotated row, combine by E = sum(nu/(nu-2)), df = 2E/(E-q).
md_test <- function(L, cov, beta, df1) {
  e <- eigen(L %*% cov %*% t(L), symmetric = TRUE)
  tol <- max(sqrt(.Machine$double.eps) * e$values[1], 0)
  q <- sum(e$values > tol)
  Lr <- crossprod(e$vectors, L)[seq_len(q), , drop = FALSE]
  f <- sum(drop(Lr %*% beta)^2 / e$values[seq_len(q)]) / q
  nu <- apply(Lr, 1, df1)
  den <- if (q == 1) nu else if (all(abs(diff(nu)) < sqrt(.Machine$double.eps))) mean(nu) else if (any(nu <= 2)) 2 else {
    E <- sum(nu / (nu - 2)); 2 * E / (E - q) }
  c(f = f, num_df = q, den_df = den)
}

## ---- writers ------------------------------------------------------------------------------------------
fmt <- function(x) formatC(x, digits = 17, format = "g")
write_long <- function(df, file) write.csv(df, file, row.names = FALSE, quote = TRUE)
mat_long <- function(M, what, extra = "") {
  idx <- which(!is.na(M), arr.ind = TRUE)
  data.frame(what = what, contrast = extra, i = idx[, 1] - 1, j = idx[, 2] - 1, value = fmt(M[idx]))
}

run_case <- function(name, dat, formula, structure, t, start, cluster, contrasts, gls_fixed) {
  X <- model.matrix(formula, dat)
  y <- dat$y
  vis_list <- split(dat$visit, factor(dat$subject, levels = unique(dat$subject)))
  vis_list_cur <<- vis_list
  st <- structs[[structure]]
  pol <- polish(start, st, t, X, y, vis_list)
  r <- pol$parts
  cat(sprintf("%s: polished in %d Newton steps, max|grad| = %.2g, -2 REML ll = %.10f\n",
              name, pol$iter, max(abs(r$g)), -2 * r$ll))
  W <- solve(-r$H)
  e <- as.numeric(y - X %*% r$beta)
  p <- ncol(X)
  obs <- data.frame(subject = dat$subject, cluster = match(cluster, unique(cluster)) - 1,
                    visit = dat$visit - 1, resid = fmt(e))
  for (k in 1:p) obs[[sprintf("x%d", k)]] <- fmt(X[, k])
  write_long(obs, sprintf("%s_obs.csv", name))
  sig <- mat_long(r$s$S, "sigma")
  for (k in seq_along(r$s$D)) sig <- rbind(sig, mat_long(r$s$D[[k]], sprintf("d%d", k - 1)))
  if (!is.null(r$s$D2)) for (k in seq_along(r$s$D)) for (l in seq_along(r$s$D))
    sig <- rbind(sig, mat_long(r$s$D2[[k]][[l]], sprintf("d%d_%d", k - 1, l - 1)))
  names(sig)[1] <- "what"; sig$contrast <- NULL
  write_long(sig, sprintf("%s_sigma.csv", name))
  write_long(mat_long(W, "w")[, c("i", "j", "value")], sprintf("%s_w.csv", name))
  con <- NULL
  for (cn in names(contrasts)) con <- rbind(con, mat_long(contrasts[[cn]], "L", cn))
  write_long(con[, c("contrast", "i", "j", "value")], sprintf("%s_contrasts.csv", name))

  ref <- mat_long(r$Phi, "phi")
  ref <- rbind(ref, mat_long(matrix(r$beta, 1), "beta"))
  krl <- kr_ref(r, X, W, linear = TRUE)
  ref <- rbind(ref, mat_long(krl$adj, "kr_linear"))
  krf <- if (!is.null(r$s$D2)) kr_ref(r, X, W, linear = FALSE) else krl
  ref <- rbind(ref, mat_long(krf$adj, "kr_full"))
  for (cn in names(contrasts)) {
    L <- contrasts[[cn]]
    d <- kr_df(r$Phi, krl$P, W, L)
    ref <- rbind(ref, data.frame(what = c("kr_lambda", "kr_df"), contrast = cn, i = 0, j = 0, value = fmt(d)))
    st <- md_test(L, r$Phi, r$beta, function(cc) satt_df(r, X, W, cc))
    ref <- rbind(ref, data.frame(what = c("satterthwaite_f", "satterthwaite_num_df", "satterthwaite_den_df"),
                                 contrast = cn, i = 0, j = 0, value = fmt(st)))
    if (nrow(L) == 1) {
      ref <- rbind(ref, data.frame(what = "satterthwaite_df", contrast = cn, i = 0, j = 0,
                                   value = fmt(satt_df(r, X, W, as.numeric(L)))))
      ref <- rbind(ref, data.frame(what = c("kr_linear_se", "kr_full_se"), contrast = cn, i = 0, j = 0,
                                   value = fmt(sqrt(c(L %*% krl$adj %*% t(L), L %*% krf$adj %*% t(L))))))
    }
  }
  for (m in c("CR0", "CR2", "CR2W", "CR3")) {
    sw <- sandwich_ref(r, X, e, cluster, m)
    ref <- rbind(ref, mat_long(sw$cov, tolower(m)))
    for (cn in names(contrasts)) {
      if (nrow(contrasts[[cn]]) == 1)
        ref <- rbind(ref, data.frame(what = paste0(tolower(m), "_df"), contrast = cn, i = 0, j = 0,
                                     value = fmt(sw$df(as.numeric(contrasts[[cn]])))))
      st <- md_test(contrasts[[cn]], sw$cov, r$beta, sw$df)
      ref <- rbind(ref, data.frame(what = paste0(tolower(m), c("_f", "_num_df", "_den_df")),
                                   contrast = cn, i = 0, j = 0, value = fmt(st)))
    }
  }
  ## clubSandwich on a gls fit with the covariance parameters fixed at the optimum.
  if (!is.null(gls_fixed)) {
    fit <- gls_fixed(r$s$S, dat)
    stopifnot(max(abs(coef(fit) - r$beta)) < 1e-8 * max(1, abs(r$beta)))
    for (m in c("CR0", "CR2", "CR3")) {
      v <- as.matrix(vcovCR(fit, cluster = cluster, type = m))
      ref <- rbind(ref, mat_long(v, paste0("clubsandwich_", tolower(m))))
      if (m == "CR2") for (cn in names(contrasts)) if (nrow(contrasts[[cn]]) == 1) {
        ct <- Wald_test(fit, constraints = contrasts[[cn]], vcov = "CR2", cluster = cluster, test = "HTZ")
        ref <- rbind(ref, data.frame(what = "clubsandwich_cr2_df", contrast = cn, i = 0, j = 0,
                                     value = fmt(ct$df_denom)))
      }
    }
  }
  write_long(ref, sprintf("%s_ref.csv", name))
  invisible(list(r = r, W = W, X = X, e = e))
}

## gls with fixed correlation and variance ratios reproducing Sigma (up to scale).
gls_fixed_us <- function(formula) function(S, dat) {
  sd <- sqrt(diag(S)); C <- S / outer(sd, sd)
  tt <- nrow(S)
  rho <- C[lower.tri(C)] # by columns of the lower triangle = corSymm's order
  vf <- setNames(sd[-1] / sd[1], levels(dat$fvisit)[-1])
  gls(formula, data = dat, method = "REML",
      correlation = corSymm(value = rho, form = ~ visit | subject, fixed = TRUE),
      weights = varIdent(fixed = vf, form = ~ 1 | fvisit))
}
gls_fixed_ar1 <- function(formula) function(S, dat) {
  gls(formula, data = dat, method = "REML",
      correlation = corAR1(value = S[1, 2] / S[1, 1], form = ~ visit | subject, fixed = TRUE))
}

## ---- fev_data -----------------------------------------------------------------------------------------
fev <- read.csv(fev_path, stringsAsFactors = FALSE)
fev <- fev[!is.na(fev$FEV1), ]
fev$subject <- fev$USUBJID
fev$visit <- fev$VISITN
fev$fvisit <- factor(fev$AVISIT)
fev$y <- fev$FEV1
fev$ARMCD <- factor(fev$ARMCD, levels = c("PBO", "TRT"))
fev$RACE <- factor(fev$RACE); fev$SEX <- factor(fev$SEX)
fev <- fev[order(match(fev$subject, unique(fev$subject)), fev$visit), ]

## (a) FEV1 ~ ARMCD, the Kenward–Roger anchor of the R package mmrm's tests (test-kenwardroger.R), for UN, AR(1), CSH.
fa <- y ~ ARMCD
full_vc <- function(g, dat, t) { # the covariance of a subject observed at all t visits
  cnt <- table(dat$subject); id <- names(cnt)[cnt == t][1]
  S <- getVarCov(g, individual = id); matrix(as.numeric(S), t)
}
L_trt <- list(trt = matrix(c(0, 1), 1))
g0 <- gls(fa, fev, correlation = corSymm(form = ~ visit | subject), weights = varIdent(form = ~ 1 | fvisit))
S0 <- full_vc(g0, fev, 4); th_us <- unlist(lapply(1:4, function(i) S0[i, 1:i]))
run_case("fev_trt_us", fev, fa, "us", 4, th_us, fev$subject, L_trt, gls_fixed_us(fa))
g1 <- gls(fa, fev, correlation = corAR1(form = ~ visit | subject))
S1 <- full_vc(g1, fev, 4)
run_case("fev_trt_ar1", fev, fa, "ar1", 4, c(S1[1, 1], S1[1, 2] / S1[1, 1]), fev$subject, L_trt, gls_fixed_ar1(fa))
g2 <- gls(fa, fev, correlation = corCompSymm(form = ~ visit | subject), weights = varIdent(form = ~ 1 | fvisit))
S2 <- full_vc(g2, fev, 4)
run_case("fev_trt_csh", fev, fa, "csh", 4, c(diag(S2), S2[1, 2] / sqrt(S2[1, 1] * S2[2, 2])), fev$subject, L_trt, NULL)

## (b) SAS's model: FEV1 = ARMCD AVISIT ARMCD*AVISIT RACE SEX, UN; TRT - PBO at each visit and jointly.
fb <- y ~ ARMCD * fvisit + RACE + SEX
Xb <- model.matrix(fb, fev)
cn <- colnames(Xb)
Lb <- list()
for (v in 1:4) {
  l <- setNames(numeric(length(cn)), cn); l["ARMCDTRT"] <- 1
  if (v > 1) l[sprintf("ARMCDTRT:fvisitVIS%d", v)] <- 1
  Lb[[sprintf("vis%d", v)]] <- matrix(l, 1)
}
Lb[["all"]] <- do.call(rbind, Lb[1:4])
Lb[["interaction"]] <- do.call(rbind, lapply(2:4, function(v) { l <- setNames(numeric(length(cn)), cn);
  l[sprintf("ARMCDTRT:fvisitVIS%d", v)] <- 1; l }))
gb <- gls(fb, fev, correlation = corSymm(form = ~ visit | subject), weights = varIdent(form = ~ 1 | fvisit))
Sb <- full_vc(gb, fev, 4)
fevb <- run_case("fev_sas_us", fev, fb, "us", 4, unlist(lapply(1:4, function(i) Sb[i, 1:i])), fev$subject, Lb,
                 gls_fixed_us(fb))

## ---- a small simulated cluster-randomized trial (12 care teams, 3 visits, monotone dropout) -----------
set.seed(20261206)
nteam <- 12; per <- 4
sim <- NULL
Ssim <- matrix(c(4, 2.4, 2, 2.4, 5, 3, 2, 3, 6.5), 3)
for (tm in 1:nteam) {
  arm <- as.integer(tm %% 2 == 0); u <- rnorm(1, 0, 0.7)
  for (k in 1:per) {
    id <- sprintf("S%02d%02d", tm, k); base <- rnorm(1, 10, 2)
    yy <- 2 + 0.5 * base - 1.2 * arm * (1:3) / 3 + u + drop(t(chol(Ssim)) %*% rnorm(3))
    last <- sample(1:3, 1, prob = c(0.15, 0.2, 0.65))
    for (v in 1:last) sim <- rbind(sim, data.frame(subject = id, team = sprintf("T%02d", tm), arm = arm,
                                                   base = base, visit = v, y = yy[v]))
  }
}
sim$fvisit <- factor(sim$visit); sim$farm <- factor(sim$arm)
write.csv(sim, "sim_data.csv", row.names = FALSE)
fs <- y ~ farm * fvisit + base * fvisit
Xs <- model.matrix(fs, sim); cs <- colnames(Xs)
Ls <- list()
for (v in 1:3) {
  l <- setNames(numeric(length(cs)), cs); l["farm1"] <- 1
  if (v > 1) l[sprintf("farm1:fvisit%d", v)] <- 1
  Ls[[sprintf("vis%d", v)]] <- matrix(l, 1)
}
Ls[["all"]] <- do.call(rbind, Ls[1:3])
gs <- gls(fs, sim, correlation = corSymm(form = ~ visit | subject), weights = varIdent(form = ~ 1 | fvisit))
Ss <- full_vc(gs, sim, 3)
th_s <- unlist(lapply(1:3, function(i) Ss[i, 1:i]))
run_case("sim_us_team", sim, fs, "us", 3, th_s, sim$team, Ls, gls_fixed_us(fs))
run_case("sim_us_subject", sim, fs, "us", 3, th_s, sim$subject, Ls, gls_fixed_us(fs))

