# Reference values for effect/cluster.go (Hedges 2007, "Effect sizes in
# cluster-randomized designs", JEBS 32:341-370). No R or Python package
# implements these estimators, so the values are computed here two ways:
#
# 1. Equal cluster sizes: eqs. 15-16 of Hedges (2007) written out literally
#    (the same expressions as an independent hedges2007() implementation),
#    and V(d_W) from the model
#    Y = mu + arm + cluster + e: Var(mean difference) / sigma_W^2 plus
#    d_W^2 / (2 (N - M)) for the chi-square S_W^2 on N - M df.
# 2. Any cluster sizes: the same moment argument evaluated with explicit
#    matrices (centering matrix A per arm, covariance
#    Sigma = (1 - rho) I + rho * blockdiag(J_n_i)): E[S_T^2] = tr(A Sigma)
#    summed over arms / (N - 2), Var(S_T^2) = 2 tr((A Sigma)^2) summed /
#    (N - 2)^2. This checks the closed forms in cluster.go, which must
#    reduce to eqs. 15-16 when the sizes are equal.
#
# R 4.2.2. Run from this directory: Rscript gen.R  -> cluster.csv
cases <- list(
  list(D = -4, sT = 10, sW = 9.2, rho = 0.05, e = rep(20, 10), c = rep(20, 10)),   # RC19
  list(D = 2.5, sT = 8, sW = 7.5, rho = 0.15, e = rep(8, 6), c = rep(8, 7)),
  list(D = -1.2, sT = 5, sW = 4.6, rho = 0.10, e = c(5, 12, 20, 8, 30), c = c(10, 10, 25, 4)),
  list(D = 3, sT = 12, sW = 11, rho = 0.02, e = c(3, 4, 5, 40, 6, 7), c = c(15, 16, 14, 2, 50)))
hedges_equal <- function(D, sT, rho, n, NE, NC) {
  NT <- NE + NC
  dT <- D / sT * sqrt(1 - 2 * (n - 1) * rho / (NT - 2))
  v <- NT / (NE * NC) * (1 + (n - 1) * rho) + dT^2 *
    ((NT - 2) * (1 - rho)^2 + n * (NT - 2 * n) * rho^2 + 2 * (NT - 2 * n) * rho * (1 - rho)) /
    (2 * (NT - 2) * ((NT - 2) - 2 * (n - 1) * rho))
  c(dT, v)
}
moments <- function(sizes, rho) {  # per arm: tr(A S), tr((A S)^2), Var(mean)
  Na <- sum(sizes)
  S <- diag((1 - rho), Na) + rho * as.matrix(Matrix::bdiag(lapply(sizes, function(k) matrix(1, k, k))))
  A <- diag(Na) - matrix(1 / Na, Na, Na)
  AS <- A %*% S
  c(sum(diag(AS)), sum(diag(AS %*% AS)), sum(S) / Na^2)
}
rows <- list()
for (k in seq_along(cases)) {
  cs <- cases[[k]]
  NE <- sum(cs$e); NC <- sum(cs$c); N <- NE + NC; M <- length(cs$e) + length(cs$c)
  mE <- moments(cs$e, cs$rho); mC <- moments(cs$c, cs$rho)
  k2 <- (mE[1] + mC[1]) / (N - 2)            # E[S_T^2] / sigma_T^2
  Q <- mE[2] + mC[2]                          # sum tr((A Sigma)^2)
  vD <- mE[3] + mC[3]                         # Var(D) / sigma_T^2
  dT <- cs$D / cs$sT * sqrt(k2)
  vT <- vD + dT^2 * Q / (2 * (N - 2) * (N - 2) * k2)
  dW <- cs$D / cs$sW
  vW <- vD / (1 - cs$rho) + dW^2 / (2 * (N - M))
  # d_T from the within-cluster SD, d_W from the total SD.
  dTw <- cs$D / cs$sW * sqrt(1 - cs$rho); vTw <- vD + dTw^2 / (2 * (N - M))
  dWt <- dT / sqrt(1 - cs$rho); vWt <- vT / (1 - cs$rho)
  deff <- 1 + (sum(c(cs$e, cs$c)^2) / N - 1) * cs$rho
  if (length(unique(c(cs$e, cs$c))) == 1) {
    h <- hedges_equal(cs$D, cs$sT, cs$rho, cs$e[1], NE, NC)
    stopifnot(abs(h[1] - dT) < 1e-14, abs(h[2] - vT) < 1e-14)
  }
  rows[[k]] <- data.frame(case = k, D = cs$D, sT = cs$sT, sW = cs$sW, rho = cs$rho,
    treatSizes = paste(cs$e, collapse = " "), controlSizes = paste(cs$c, collapse = " "),
    dT = dT, vT = vT, dW = dW, vW = vW, dTfromW = dTw, vTfromW = vTw,
    dWfromT = dWt, vWfromT = vWt, deff = deff)
}
out <- do.call(rbind, rows)
# Reference case RC19 (hand computation): d_T, V(d_T), d_W, V(d_W).
stopifnot(abs(out$dT[1] - -0.399044083911) < 1e-11, abs(out$vT[1] - 0.0197077700058) < 1e-12,
          abs(out$dW[1] - -0.434782608696) < 1e-11, abs(out$vW[1] - 0.020775047259) < 1e-12,
          abs(out$deff[1] - 1.95) < 1e-14)
num <- sapply(out, is.numeric)
out[num] <- lapply(out[num], function(x) sprintf("%.17g", x))
write.csv(out, "cluster.csv", row.names = FALSE, quote = FALSE)
