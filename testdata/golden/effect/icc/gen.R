# Goldens for effect.ClusterICC: one-way ANOVA estimator of the ICC with
# unequal cluster sizes, computed from R's aov() mean squares.
# R 4.2.2 (Debian bookworm). Run from this folder: Rscript gen.R
set.seed(11)
out <- NULL
for (case in 1:6) {
  k <- c(2, 5, 8, 12, 24, 30)[case]
  sizes <- sample(2:15, k, replace = TRUE)
  if (case == 3) sizes <- rep(7, k)           # equal clusters
  rho <- c(0.05, 0.2, 0, 0.5, 0.1, 0.01)[case]
  cl <- rep(seq_len(k), sizes)
  y <- rnorm(k, sd = sqrt(rho))[cl] + rnorm(sum(sizes), sd = sqrt(1 - rho))
  y <- round(y, 6)
  tab <- summary(aov(y ~ factor(cl)))[[1]]
  msb <- tab[1, "Mean Sq"]; msw <- tab[2, "Mean Sq"]
  N <- sum(sizes); n0 <- (N - sum(sizes^2) / N) / (k - 1)
  icc <- (msb - msw) / (msb + (n0 - 1) * msw)
  out <- rbind(out, data.frame(case = case, cluster = paste0("c", cl), y = y,
    icc = icc, msb = msb, msw = msw, n0 = n0))
}
write.csv(out, "icc.csv", row.names = FALSE)
