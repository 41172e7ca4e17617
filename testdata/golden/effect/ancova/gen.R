# Goldens for effect/ancova.go.
#
# Part 1, participant data: follow-up ~ arm + baseline [+ age] [+ site], fitted
# with R's lm (QR). For each simulated trial the data are written to
# data_<case>.csv (NA marks a missing outcome; lm drops those rows, as
# ANCOVA does, and the Go code counts them) and the arm coefficient's
# estimate, SE, t, residual df, two-sided p and CIs (95% and 90%, confint)
# to lm.csv, together with the pooled within-arm SDs of the follow-up and of
# the baseline over the analysed rows (the two standardizers).
#
# Part 2, reported values: compute.es 0.2-5 a.mes and a.tes equations
# (Borenstein 2009; transcribed from cran/compute.es R/compute.es.R because
# CRAN is unreachable here; first rows are reference case RC18):
#   s.within = sd.adj / sqrt(1 - R^2); d = (m1 - m2) / s.within     (a.mes)
#   d = t * sqrt((n1 + n2) / (n1 n2)) * sqrt(1 - R^2)                (a.tes)
#   var.d = (n1 + n2)(1 - R^2) / (n1 n2) + d^2 / (2 (n1 + n2))
#   df = n1 + n2 - 2 - q; g = J(df) d, var.g = J(df)^2 var.d
# J is given both as compute.es's approximation 1 - 3/(4 df - 1) and exact
# (gamma-function form), which the Go code uses.
#
# R 4.2.2 (Debian bookworm). Run from this directory: Rscript gen.R
set.seed(20261122)
pooled_sd <- function(x, arm) {
  v1 <- var(x[arm == 1]); v0 <- var(x[arm == 0])
  n1 <- sum(arm == 1); n0 <- sum(arm == 0)
  sqrt(((n1 - 1) * v1 + (n0 - 1) * v0) / (n1 + n0 - 2))
}
mkdata <- function(n1, n0, effect, rho, nmiss, sites) {
  n <- n1 + n0
  arm <- c(rep(1, n1), rep(0, n0))
  baseline <- round(rnorm(n, 42, 10), 1)
  age <- round(runif(n, 18, 70))
  site <- sample(sites, n, replace = TRUE)
  siteeff <- c(A = 0, B = 2, C = -1.5, D = 1)[site]
  outcome <- 42 + rho * (baseline - 42) + effect * arm + 0.05 * (age - 44) +
    siteeff + rnorm(n, 0, 10 * sqrt(1 - rho^2))
  outcome <- round(outcome, 1)
  if (nmiss > 0) outcome[sample(n, nmiss)] <- NA
  data.frame(arm, baseline, outcome, age, site)
}
cases <- list(
  simple = list(d = mkdata(60, 62, -4, 0.6, 3, c("A")), f = outcome ~ arm + baseline),
  covs   = list(d = mkdata(80, 78, -3, 0.5, 5, c("A", "B", "C")),
                f = outcome ~ arm + baseline + age + site),
  small  = list(d = mkdata(10, 9, -5, 0.7, 1, c("A", "B")), f = outcome ~ arm + baseline + site),
  noeff  = list(d = mkdata(150, 150, 0, 0.4, 0, c("A", "B", "C", "D")),
                f = outcome ~ arm + baseline + site))
rows <- list()
for (nm in names(cases)) {
  d <- cases[[nm]]$d
  write.csv(d, paste0("data_", nm, ".csv"), row.names = FALSE, quote = FALSE, na = "NA")
  fit <- lm(cases[[nm]]$f, data = d)
  s <- summary(fit)$coefficients
  ci95 <- confint(fit, "arm", level = 0.95); ci90 <- confint(fit, "arm", level = 0.90)
  an <- !is.na(d$outcome)
  rows[[nm]] <- data.frame(case = nm, formula = gsub(" ", "", deparse(cases[[nm]]$f)),
    n = sum(an), excluded = sum(!an),
    est = s["arm", 1], se = s["arm", 2], t = s["arm", 3], df = fit$df.residual,
    p = s["arm", 4], lb95 = ci95[1], ub95 = ci95[2], lb90 = ci90[1], ub90 = ci90[2],
    sigma = summary(fit)$sigma,
    sdFollow = pooled_sd(d$outcome[an], d$arm[an]),
    sdBase = pooled_sd(d$baseline[an], d$arm[an]),
    bBaseline = s["baseline", 1], seBaseline = s["baseline", 2])
}
out <- do.call(rbind, rows)
num <- sapply(out, is.numeric)
out[num] <- lapply(out[num], function(x) sprintf("%.17g", x))
write.csv(out, "lm.csv", row.names = FALSE, quote = FALSE)

# Part 2.
Jx <- function(df) exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
Ja <- function(df) 1 - 3 / (4 * df - 1)
rep <- data.frame(
  kind = c("means", "t", "means", "t", "means", "t"),
  m1 = c(38.9, NA, 12.3, NA, 50.2, NA), m2 = c(42.1, NA, 10.1, NA, 50.9, NA),
  sdadj = c(7.8, NA, 3.1, NA, 11.5, NA), t = c(NA, -2.0, NA, 3.4, NA, -0.45),
  n1 = c(45, 45, 20, 33, 120, 200), n2 = c(47, 47, 18, 31, 118, 190),
  R = c(0.6, 0.6, 0.45, 0.7, 0.8, 0.3), q = c(1, 1, 2, 3, 1, 4))
d <- ifelse(rep$kind == "means",
  (rep$m1 - rep$m2) / (rep$sdadj / sqrt(1 - rep$R^2)),
  rep$t * sqrt((rep$n1 + rep$n2) / (rep$n1 * rep$n2)) * sqrt(1 - rep$R^2))
vd <- ((rep$n1 + rep$n2) * (1 - rep$R^2)) / (rep$n1 * rep$n2) + d^2 / (2 * (rep$n1 + rep$n2))
df <- rep$n1 + rep$n2 - 2 - rep$q
rep$d <- d; rep$vd <- vd; rep$df <- df
rep$g.approx <- Ja(df) * d; rep$vg.approx <- Ja(df)^2 * vd
rep$g.exact <- Jx(df) * d; rep$vg.exact <- Jx(df)^2 * vd
stopifnot(abs(rep$d[1] - -0.328205128205) < 1e-11, abs(rep$vd[1] - 0.028424670706) < 1e-11,
          abs(rep$g.approx[1] - -0.325431563741) < 1e-11,
          abs(rep$d[2] - -0.333701923871) < 1e-11, abs(rep$g.approx[2] - -0.330881907613) < 1e-11)
num <- sapply(rep, is.numeric)
rep[num] <- lapply(rep[num], function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x)))
write.csv(rep, "reported.csv", row.names = FALSE, quote = FALSE)
