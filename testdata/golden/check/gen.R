# Goldens for effect/check (github.com/tiesproject/ties/effect/check).
# R 4.2.2 (Debian bookworm r-base-core), base stats only. Run from this folder:
#   Rscript gen.R
# Writes:
#   cases.csv       the printed inputs of the SMD cases (strings, as printed)
#   smd_ranges.csv  for each case and convention, the min and max of the
#                   convention's value over the 16 corners of the rounding box
#                   of (m1, m2, sd1, sd2), plus the largest excess of 20,000
#                   random interior points over those extremes (must be <= 0:
#                   the corners suffice).
#   nct_ends.csv    exact noncentral-t CI ends for d (pooled SD) at the two ends
#                   of the box's t range (uniroot on pt, tol 1e-13), and the
#                   Wald ends there.
# R prints "full precision may not have been achieved in pnt{final}" for some
# cases; the Go tests compare the exact ends at a relative 1e-8.
#   pvalues.csv     statcheck-style p values (pt/pf/pnorm/pchisq) for the printed
#                   statistic and for the ends of its rounding interval.
set.seed(20261122)
cases <- read.csv(text = '
case,m1,sd1,n1,m2,sd2,n2
rc1,38.2,9.1,45,42.7,10.3,47
rc2,14.8,5.2,60,13.1,5.9,58
rc3,5,1,2,3,1,2
rc4,5.00,1.00,3,3.00,1.00,3
rc5,15,1,10,10,1,10
rc6,22,4,8,19.5,6,40
rc7,7,2,2,4,1.5,3
rc8,20,5,15,26,5,15
rc9,10,3,20,10,3,25
rc10,50.6,10,500,48.6,10,500
edge,1.5,2,30,1.0,2,30
neg,-0.35,1.12,120,0.10,0.98,118
ucla,52.33,7.98,64,49.10,8.41,66
', colClasses = "character", strip.white = TRUE)

dec <- function(s) { s <- sub("^-", "", s); if (grepl(".", s, fixed = TRUE)) nchar(sub(".*[.]", "", s)) else 0 }
bnd <- function(s) { v <- as.numeric(s); h <- 0.5 * 10^-dec(s); c(v - h, v + h) }
J <- function(df) exp(lgamma(df/2) - log(sqrt(df/2)) - lgamma((df-1)/2))
Ja <- function(df) 1 - 3/(4*df - 1)
stds <- c("pooled_d", "exact_g", "approx_g", "glass_control", "glass_treat", "average_d")
val <- function(std, m1, s1, m2, s2, n1, n2) {
  N <- n1 + n2; df <- N - 2
  sp <- sqrt(((n1-1)*s1^2 + (n2-1)*s2^2)/df)
  switch(std,
    pooled_d = (m1-m2)/sp, exact_g = J(df)*(m1-m2)/sp, approx_g = Ja(df)*(m1-m2)/sp,
    glass_control = (m1-m2)/s2, glass_treat = (m1-m2)/s1,
    average_d = (m1-m2)/sqrt((s1^2+s2^2)/2))
}
out <- list(); nct <- list()
ncp_ci1 <- function(t, df, target) {
  f <- function(ncp) pt(t, df, ncp) - target
  w <- max(10, 10*abs(t))
  uniroot(f, c(t-w, t+w), tol = 1e-13, extendInt = "downX", maxiter = 1e4)$root
}
for (i in seq_len(nrow(cases))) {
  cs <- cases[i, ]
  n1 <- as.numeric(cs$n1); n2 <- as.numeric(cs$n2)
  B <- list(m1 = bnd(cs$m1), s1 = bnd(cs$sd1), m2 = bnd(cs$m2), s2 = bnd(cs$sd2))
  for (se in c(FALSE, TRUE)) for (fl in c(FALSE, TRUE)) for (std in stds) {
    k1 <- if (se) sqrt(n1) else 1; k2 <- if (se) sqrt(n2) else 1
    sg <- if (fl) -1 else 1
    g <- expand.grid(m1 = B$m1, s1 = B$s1 * k1, m2 = B$m2, s2 = B$s2 * k2)
    v <- sg * val(std, g$m1, g$s1, g$m2, g$s2, n1, n2)
    if (any(!is.finite(v))) next
    lo <- min(v); hi <- max(v)
    r <- data.frame(m1 = runif(20000, B$m1[1], B$m1[2]), s1 = runif(20000, B$s1[1], B$s1[2]) * k1,
                    m2 = runif(20000, B$m2[1], B$m2[2]), s2 = runif(20000, B$s2[1], B$s2[2]) * k2)
    rv <- sg * val(std, r$m1, r$s1, r$m2, r$s2, n1, n2)
    excess <- max(c(lo - rv, rv - hi))
    out[[length(out)+1]] <- data.frame(case = cs$case, standardizer = std, flipped = fl, se_as_sd = se,
      lo = sprintf("%.15g", lo), hi = sprintf("%.15g", hi), interior_excess = sprintf("%.3g", excess))
  }
  # exact and Wald CI ends for pooled d at the ends of the box's d range
  g <- expand.grid(m1 = B$m1, s1 = B$s1, m2 = B$m2, s2 = B$s2)
  d <- val("pooled_d", g$m1, g$s1, g$m2, g$s2, n1, n2)
  h <- sqrt(n1*n2/(n1+n2)); df <- n1 + n2 - 2; N <- n1 + n2
  for (dd in c(min(d), max(d))) {
    t <- dd*h
    se <- sqrt(N/(n1*n2) + dd^2/(2*N))
    nct[[length(nct)+1]] <- data.frame(case = cs$case, d = sprintf("%.15g", dd), t = sprintf("%.15g", t), df = df,
      exact_lower = sprintf("%.15g", ncp_ci1(t, df, 0.975)/h), exact_upper = sprintf("%.15g", ncp_ci1(t, df, 0.025)/h),
      wald_lower = sprintf("%.15g", dd - qnorm(0.975)*se), wald_upper = sprintf("%.15g", dd + qnorm(0.975)*se))
  }
}
write.csv(cases, "cases.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, out), "smd_ranges.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, nct), "nct_ends.csv", row.names = FALSE, quote = FALSE)

# statcheck-style p values (statcheck 1.6.0 compute_p: two-tailed t, z, r; upper-tail F, chi2)
pv <- read.csv(text = '
result,kind,df1,df2,stat
"t(28) = 2.20, p = .036",t,28,,2.20
"t(28) = 1.80, p < .04",t,28,,1.80
"t(28) = -2.20, p = .036",t,28,,-2.20
"F(1, 58) = 4.12, p = .047",F,1,58,4.12
"r(48) = .30, p = .03",r,48,,.30
"chi2(1) = 3.84, p = .05",chi2,1,,3.84
"z = 1.96, p = .05",z,,,1.96
"t(10) = 2.0, p = .07",t,10,,2.0
"F(3, 120) = 2.71, p = .048",F,3,120,2.71
"t(45.3) = 3.112, p = .003",t,45.3,,3.112
"chi2(4) = 9.49, p = .05",chi2,4,,9.49
', colClasses = "character", strip.white = TRUE)
pfun <- function(kind, x, df1, df2) {
  x <- abs(x)
  switch(kind, t = 2*pt(x, df1, lower.tail = FALSE), z = 2*pnorm(x, lower.tail = FALSE),
    r = 2*pt(x*sqrt(df1/(1-x^2)), df1, lower.tail = FALSE),
    F = pf(x, df1, df2, lower.tail = FALSE), chi2 = pchisq(x, df1, lower.tail = FALSE))
}
rows <- list()
for (i in seq_len(nrow(pv))) {
  p <- pv[i, ]; x <- as.numeric(p$stat); df1 <- as.numeric(p$df1); df2 <- as.numeric(p$df2)
  h <- 0.5 * 10^-dec(p$stat)
  rows[[i]] <- data.frame(result = paste0('"', p$result, '"'), p = sprintf("%.15g", pfun(p$kind, x, df1, df2)),
    p_low = sprintf("%.15g", pfun(p$kind, abs(x) + h, df1, df2)), p_high = sprintf("%.15g", pfun(p$kind, abs(x) - h, df1, df2)))
}
write.csv(do.call(rbind, rows), "pvalues.csv", row.names = FALSE, quote = FALSE)
