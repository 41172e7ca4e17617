# Golden reference values for package effect (github.com/tiesproject/ties/effect).
#
# Generated with R 4.2.2 (Debian bookworm), metafor 3.8-1, effectsize 0.8.3.
# Run from this directory:   Rscript gen.R && /usr/bin/python3 mp_nct.py
# gen.R writes *_R.csv files and ncp_needed.csv; mp_nct.py (Python 3 + mpmath)
# computes the exact noncentral-t intervals that R cannot (|ncp| > 37.62 or
# df > 4e5, where R's pt() switches to a normal approximation; cached in
# ncp_mpmath.csv) and writes the final smd.csv, paired.csv and fromstat.csv.
# Each interval records its source in a *_src column: "R" (uniroot on pt,
# tol 1e-13) or "mpmath". mp_nct.py also re-evaluates every quantity that
# involves Hedges' J with an exact (30-digit) J, because R's lgamma-difference
# J (metafor:::.cmicalc, effectsize:::.J) loses about log10(df) digits (5.9e-12
# relative at df = 4999); the R values are kept beside them as r_* columns.
#
# Sources per column (metafor values are escalc() as installed, 3.8-1):
#   smd.csv     d, g, J (metafor:::.cmicalc), vi_LS/vi_LS2/vi_UB = escalc("SMD", vtype=),
#               smd1_* = escalc("SMD1"), smdh_yi/smdh_vi381 = escalc("SMDH") (3.8-1 LS, which
#               carries an extra J^2 factor relative to metafor >= 4.6-0 and Bonett 2008),
#               smdh_vi_LS2_5x = metafor >= 4.6 LS2 formula by hand, exact CIs by uniroot/mpmath,
#               wald_* = summary.escalc CI (g) and d +- qnorm * sqrt(1/n1+1/n2+d^2/(2N)) (d),
#               es_* = effectsize cohens_d / hedges_g / glass_delta / cohens_d(pooled_sd=FALSE)
#               on raw data with exactly those summaries; their CI limits are kept only where
#               effectsize's optim converged (pt at its limits within 1e-7 of the targets),
#               NA otherwise.
#   paired.csv  metafor SMCC and SMCR (sd1i = pre SD) with vtype LS/LS2; effectsize 1.0.3 rm_d
#               formulas (not in 0.8.3) by hand: d, se, normal CI, adjust=TRUE; exact d_z CI.
#   fromstat.csv escalc("SMD", ti=), signed p -> t by qt() -> escalc(ti=) (3.8-1 has no pi=), exact CI of d from t.
#   convert.csv effectsize d_to_r / r_to_d / oddsratio_to_d / d_to_oddsratio, metafor OR, OR2DL,
#               OR2DN, D2ORL, D2ORN.
#   nnt.csv     Kraemer & Kupfer 1/(2 pnorm(d/sqrt(2)) - 1); Furukawa (compute.es form)
#               1/(pnorm(d - qnorm(1 - cer)) - cer).
#   magnitude.csv effectsize::interpret_cohens_d for rules cohen1988, sawilowsky2009,
#               gignac2016, lovakov2021.
suppressPackageStartupMessages({library(metafor); library(effectsize)})
stopifnot(as.character(packageVersion("metafor")) == "3.8.1",
          as.character(packageVersion("effectsize")) == "0.8.3")
options(digits = 17)
fmt <- function(df) { for (n in names(df)) if (is.numeric(df[[n]])) df[[n]] <- sprintf("%.17g", df[[n]]); df }
wr <- function(df, f) write.csv(fmt(df), f, row.names = FALSE, quote = FALSE, na = "NA")

Jx <- metafor:::.cmicalc
Rexact <- function(ncp) all(abs(ncp) < 37) # R's pt is AS 243 (exact to ~1e-12) for |ncp| <= 37.62, df <= 4e5
ncp_ci <- function(t, df, conf) {
  if (df > 4e5) return(c(NA, NA))
  a <- (1 - conf) / 2; f <- function(ncp, target) pt(t, df, ncp) - target
  w <- max(10, 2 * abs(t))
  r <- c(uniroot(f, c(t - w, t + w), target = 1 - a, tol = 1e-13, extendInt = "downX", maxiter = 1e4)$root,
         uniroot(f, c(t - w, t + w), target = a,     tol = 1e-13, extendInt = "downX", maxiter = 1e4)$root)
  if (!Rexact(r) || !Rexact(t)) return(c(NA, NA))
  # pt() warns "full precision may not have been achieved" in parts of the exact region too:
  # if it does so at either root, leave the interval to mpmath.
  ok <- tryCatch({ pt(t, df, r[1]); pt(t, df, r[2]); TRUE }, warning = function(w) FALSE)
  if (!ok) return(c(NA, NA))
  r
}
mk <- function(m, s, n) m + s * as.numeric(scale(seq_len(n)))   # raw data with exact mean m and SD s
needed <- list()
need <- function(t, df, conf) { needed[[length(needed) + 1]] <<- data.frame(t = t, df = df, level = conf) }

## ---------------------------------------------------------------- two arms
npairs <- list(c(2,2), c(2,3), c(3,3), c(4,6), c(5,5), c(10,10), c(8,40), c(15,15), c(20,25), c(45,47),
               c(50,50), c(30,300), c(500,500), c(1000,2000), c(5000,5000))
dvals <- c(-5, -2, -1.2, -0.5, 0, 0.2, 0.5, 0.8, 2, 5)
levels <- c(0.90, 0.95, 0.99)
rows <- list(); k <- 0
for (np in npairs) for (sdr in c(1, 0.7)) for (dv in dvals) {
  k <- k + 1
  n1 <- np[1]; n2 <- np[2]; N <- n1 + n2; conf <- levels[(k %% 3) + 1]
  s1 <- 10; s2 <- 10 * sdr; m2 <- 40
  sp <- sqrt(((n1 - 1) * s1^2 + (n2 - 1) * s2^2) / (N - 2))
  m1 <- m2 + dv * sp
  d <- (m1 - m2) / sp; J <- Jx(N - 2); a <- 1/n1 + 1/n2
  vs <- sapply(c("LS", "LS2", "UB"), function(vt)
    escalc("SMD", m1i = m1, m2i = m2, sd1i = s1, sd2i = s2, n1i = n1, n2i = n2, vtype = vt)$vi)
  g <- escalc("SMD", m1i = m1, m2i = m2, sd1i = s1, sd2i = s2, n1i = n1, n2i = n2)
  sg <- summary(g, level = conf * 100)
  t <- d / sqrt(a); ci <- ncp_ci(t, N - 2, conf); if (is.na(ci[1])) need(t, N - 2, conf)
  z <- qnorm(1 - (1 - conf) / 2); vd <- a + d^2 / (2 * N)
  # Glass (SMD1) and the AKP/effectsize interval
  gl <- (m1 - m2) / s2
  smd1 <- if (n2 >= 3) sapply(c("LS", "LS2", "UB"), function(vt)
    escalc("SMD1", m1i = m1, m2i = m2, sd2i = s2, n1i = n1, n2i = n2, vtype = vt)$vi) else c(NA, NA, NA)
  smd1yi <- if (n2 >= 3) escalc("SMD1", m1i = m1, m2i = m2, sd2i = s2, n1i = n1, n2i = n2)$yi else NA
  hg <- 1/n2 + s1^2 / (n1 * s2^2); tg <- gl / sqrt(hg); cig <- ncp_ci(tg, n2 - 1, conf)
  if (is.na(cig[1])) need(tg, n2 - 1, conf)
  # SMDH
  sh <- sqrt((s1^2 + s2^2) / 2); dh <- (m1 - m2) / sh
  h381 <- escalc("SMDH", m1i = m1, m2i = m2, sd1i = s1, sd2i = s2, n1i = n1, n2i = n2)
  v1 <- s1^2; v2 <- s2^2
  ls2_5x <- function(y) y^2 * (v1^2/n1 + v2^2/n2) / (8 * sh^4) + (v1/n1 + v2/n2) / sh^2
  se1 <- v1/n1; se2 <- v2/n2; wdf <- (se1 + se2)^2 / (se1^2/(n1 - 1) + se2^2/(n2 - 1))
  tw <- (m1 - m2) / sqrt(se1 + se2); hn <- 2 * (n2 * v1 + n1 * v2) / (n1 * n2 * (v1 + v2))
  ciw <- ncp_ci(tw, wdf, conf); if (is.na(ciw[1])) need(tw, wdf, conf)
  # effectsize on raw data (small N and moderate t only: optim is ~1e-7 accurate and collapses for huge t)
  es <- rep(NA, 12)
  if (N <= 200 && abs(t) < 25 && n1 >= 2 && n2 >= 2) {
    x <- mk(m1, s1, n1); y <- mk(m2, s2, n2)
    cd <- cohens_d(x, y, ci = conf); hg2 <- hedges_g(x, y, ci = conf); gd <- glass_delta(x, y, ci = conf)
    cw <- cohens_d(x, y, ci = conf, pooled_sd = FALSE)
    es <- c(cd[[1]], cd$CI_low, cd$CI_high, hg2[[1]], hg2$CI_low, hg2$CI_high,
            gd[[1]], gd$CI_low, gd$CI_high, cw[[1]], cw$CI_low, cw$CI_high)
    # effectsize 0.8.3 solves both limits jointly with Nelder-Mead (optim) and often stops
    # short: keep its limits only where pt() at them hits the target tails to 1e-7.
    conv <- function(tt, df, lo, hi) {
      a2 <- (1 - conf) / 2
      isTRUE(abs(pt(tt, df, lo) - (1 - a2)) < 1e-7 && abs(pt(tt, df, hi) - a2) < 1e-7)
    }
    if (!conv(t, N - 2, es[2] / sqrt(a), es[3] / sqrt(a))) es[2:3] <- NA
    if (!conv(t, N - 2, es[5] / (J * sqrt(a)), es[6] / (J * sqrt(a)))) es[5:6] <- NA
    if (!conv(tg, n2 - 1, es[8] / sqrt(hg), es[9] / sqrt(hg))) es[8:9] <- NA
    if (!conv(tw, wdf, es[11] / sqrt(hn), es[12] / sqrt(hn))) es[11:12] <- NA
  }
  rows[[k]] <- data.frame(case = k, n1 = n1, n2 = n2, m1 = m1, s1 = s1, m2 = m2, s2 = s2, level = conf,
    d = d, J = J, g = g$yi, vd_LS = vd, vi_LS = vs[1], vi_LS2 = vs[2], vi_UB = vs[3],
    d_t = t, d_df = N - 2, d_scale = sqrt(a), d_lo = ci[1] * sqrt(a), d_hi = ci[2] * sqrt(a),
    wald_d_lo = d - z * sqrt(vd), wald_d_hi = d + z * sqrt(vd), wald_g_lo = sg$ci.lb, wald_g_hi = sg$ci.ub,
    glass = gl, smd1_yi = smd1yi, smd1_vi_LS = smd1[1], smd1_vi_LS2 = smd1[2], smd1_vi_UB = smd1[3],
    glass_t = tg, glass_df = n2 - 1, glass_scale = sqrt(hg), glass_lo = cig[1] * sqrt(hg), glass_hi = cig[2] * sqrt(hg),
    smdh_d = dh, smdh_yi = h381$yi, smdh_vi381 = h381$vi, smdh_vi_LS2_5x = ls2_5x(h381$yi),
    welch_t = tw, welch_df = wdf, welch_scale = sqrt(hn), welch_lo = ciw[1] * sqrt(hn), welch_hi = ciw[2] * sqrt(hn),
    es_d = es[1], es_d_lo = es[2], es_d_hi = es[3], es_g = es[4], es_g_lo = es[5], es_g_hi = es[6],
    es_glass = es[7], es_glass_lo = es[8], es_glass_hi = es[9], es_welch = es[10], es_welch_lo = es[11], es_welch_hi = es[12])
}
wr(do.call(rbind, rows), "smd_R.csv")

## ---------------------------------------------------------------- pre/post
rows <- list(); k <- 0
for (n in c(3, 5, 8, 20, 40, 100, 1000, 5000)) for (r in c(-0.5, 0, 0.3, 0.6, 0.95)) for (chg in c(-0.8, 0.3)) {
  k <- k + 1; conf <- levels[(k %% 3) + 1]
  spre <- 10; spost <- 9; mpre <- 40; mpost <- mpre + chg * spre
  sdiff <- sqrt(spre^2 + spost^2 - 2 * r * spre * spost); f <- 2 * (1 - r); z <- qnorm(1 - (1 - conf) / 2)
  J <- Jx(n - 1)
  smcc <- lapply(c("LS", "LS2"), function(vt) escalc("SMCC", m1i = mpost, m2i = mpre, sd1i = spost, sd2i = spre, ni = n, ri = r, vtype = vt))
  smcr <- lapply(c("LS", "LS2"), function(vt) escalc("SMCR", m1i = mpost, m2i = mpre, sd1i = spre, ni = n, ri = r, vtype = vt))
  dz <- (mpost - mpre) / sdiff; t <- dz * sqrt(n); ci <- ncp_ci(t, n - 1, conf); if (is.na(ci[1])) need(t, n - 1, conf)
  # effectsize 1.0.3 .paired_d formulas
  drm <- (mpost - mpre) / (sdiff / sqrt(f)); se_rm <- sqrt((1/n + drm^2 / (2 * n)) * f)
  sav <- sqrt((spre^2 + spost^2) / 2); dav <- (mpost - mpre) / sav; se_av <- sqrt(sdiff^2 / n) / sav
  db <- (mpost - mpre) / spre; se_b <- sqrt(f / n + db^2 / (2 * n))
  se_z <- sqrt(1/n + dz^2 / (2 * n))
  rows[[k]] <- data.frame(case = k, n = n, m_pre = mpre, s_pre = spre, m_post = mpost, s_post = spost, r = r, level = conf,
    J = J, smcc_yi = smcc[[1]]$yi, smcc_vi_LS = smcc[[1]]$vi, smcc_vi_LS2 = smcc[[2]]$vi,
    smcr_yi = smcr[[1]]$yi, smcr_vi_LS = smcr[[1]]$vi, smcr_vi_LS2 = smcr[[2]]$vi,
    dz = dz, dz_t = t, dz_df = n - 1, dz_scale = 1 / sqrt(n), dz_lo = ci[1] / sqrt(n), dz_hi = ci[2] / sqrt(n),
    z_se = se_z, z_lo = dz - z * se_z, z_hi = dz + z * se_z,
    rm = drm, rm_se = se_rm, rm_lo = drm - z * se_rm, rm_hi = drm + z * se_rm,
    av = dav, av_se = se_av, av_lo = dav - z * se_av, av_hi = dav + z * se_av,
    b = db, b_se = se_b, b_lo = db - z * se_b, b_hi = db + z * se_b)
}
wr(do.call(rbind, rows), "paired_R.csv")

## ---------------------------------------------------------------- from t, F, p
rows <- list(); k <- 0
for (np in list(c(2,2), c(5,7), c(20,25), c(45,47), c(100,80), c(1000,1000), c(5000,4000)))
  for (t in c(-40, -6.5, -2.21706754597, -0.3, 0, 1.1, 2.5, 12)) {
  k <- k + 1; conf <- levels[(k %% 3) + 1]
  n1 <- np[1]; n2 <- np[2]; N <- n1 + n2; a <- 1/n1 + 1/n2
  e <- escalc("SMD", ti = t, n1i = n1, n2i = n2)
  ci <- ncp_ci(t, N - 2, conf); if (is.na(ci[1])) need(t, N - 2, conf)
  p <- 2 * pt(abs(t), N - 2, lower.tail = FALSE); sgn <- if (t < 0) -1 else 1
  # metafor 3.8-1 has no pi= (added in 4.0-0): t from the signed p by qt(), then ti=.
  tp <- if (p > 0) sgn * qt(p / 2, N - 2, lower.tail = FALSE) else NA
  ep <- if (p > 0) escalc("SMD", ti = tp, n1i = n1, n2i = n2) else list(yi = NA, vi = NA)
  rows[[k]] <- data.frame(case = k, t = t, n1 = n1, n2 = n2, level = conf, d = t * sqrt(a), J = Jx(N - 2),
    yi = e$yi, vi = e$vi, d_t = t, d_df = N - 2, d_scale = sqrt(a), d_lo = ci[1] * sqrt(a), d_hi = ci[2] * sqrt(a),
    p = p, sign = sgn, t_from_p = tp, p_yi = ep$yi, p_vi = ep$vi)
}
wr(do.call(rbind, rows), "fromstat_R.csv")
wr(unique(do.call(rbind, needed)), "ncp_needed.csv")
# a sample of intervals R computes exactly, recomputed with mpmath as a cross-check of both
chk <- data.frame(t = c(2.21706754597, 2, 0, 40, 11.1803398875, -3.28633534503, 1.5), df = c(90, 2, 43, 200, 18, 28, 7.3))
chk$level <- 0.95
chk$lo <- NA; chk$hi <- NA
for (i in seq_len(nrow(chk))) { ci <- ncp_ci(chk$t[i], chk$df[i], 0.95); chk$lo[i] <- ci[1]; chk$hi[i] <- ci[2] }
wr(chk, "ncp_crosscheck_R.csv")

## ---------------------------------------------------------------- conversions
rows <- list(); k <- 0
for (d in c(-3, -0.8, -0.2, 0, 0.1, 0.5, 1.7, 4)) for (nn in list(c(0,0), c(50,50), c(20,80), c(3,4))) {
  k <- k + 1
  r <- if (nn[1] == 0) d_to_r(d) else d_to_r(d, n1 = nn[1], n2 = nn[2])
  back <- if (nn[1] == 0) r_to_d(r) else r_to_d(r, n1 = nn[1], n2 = nn[2])
  rows[[k]] <- data.frame(case = k, d = d, n1 = nn[1], n2 = nn[2], r = r, d_back = back,
    logor_logistic = log(d_to_oddsratio(d)), d_from_logor = oddsratio_to_d(exp(log(d_to_oddsratio(d)))))
}
wr(do.call(rbind, rows), "convert_dr.csv")
rows <- list(); k <- 0
tabs <- list(c(12,33,22,25), c(5,45,15,35), c(40,10,20,30), c(3,97,9,91), c(30,30,30,30), c(60,5,40,25))
for (tb in tabs) {
  k <- k + 1
  or <- escalc("OR", ai = tb[1], bi = tb[2], ci = tb[3], di = tb[4])
  l <- escalc("OR2DL", ai = tb[1], bi = tb[2], ci = tb[3], di = tb[4])
  nrm <- escalc("OR2DN", ai = tb[1], bi = tb[2], ci = tb[3], di = tb[4])
  rows[[k]] <- data.frame(case = k, ai = tb[1], bi = tb[2], ci = tb[3], di = tb[4], or_yi = or$yi, or_vi = or$vi,
    dl_yi = l$yi, dl_vi = l$vi, dn_yi = nrm$yi, dn_vi = nrm$vi)
}
wr(do.call(rbind, rows), "convert_or.csv")
rows <- list(); k <- 0
for (np in list(c(45,47), c(10,10), c(3,3), c(200,150))) for (dv in c(-1.5, -0.3, 0.6, 2.5)) {
  k <- k + 1; n1 <- np[1]; n2 <- np[2]; m1 <- 40 + dv * 10
  l <- escalc("D2ORL", m1i = m1, sd1i = 10, n1i = n1, m2i = 40, sd2i = 10, n2i = n2)
  nrm <- escalc("D2ORN", m1i = m1, sd1i = 10, n1i = n1, m2i = 40, sd2i = 10, n2i = n2)
  rows[[k]] <- data.frame(case = k, m1 = m1, s1 = 10, n1 = n1, m2 = 40, s2 = 10, n2 = n2,
    lo_yi = l$yi, lo_vi = l$vi, no_yi = nrm$yi, no_vi = nrm$vi)
}
wr(do.call(rbind, rows), "convert_d2or.csv")

## ---------------------------------------------------------------- NNT
rows <- list(); k <- 0
for (d in c(-1, -0.5, -0.05, 0.05, 0.2, 0.5, 0.8, 1.5, 3)) for (cer in c(0.05, 0.2, 0.3, 0.5, 0.9)) {
  k <- k + 1
  rows[[k]] <- data.frame(case = k, d = d, cer = cer, kraemer = 1 / (2 * pnorm(d / sqrt(2)) - 1),
    furukawa = 1 / (pnorm(d - qnorm(1 - cer)) - cer))
}
wr(do.call(rbind, rows), "nnt.csv")

## ---------------------------------------------------------------- magnitude labels
dd <- sort(unique(c(0, 0.05, 0.1, 0.15, 0.19, 0.2, 0.2010, 0.2011, 0.36, 0.4, 0.4082, 0.4083, 0.49, 0.5,
  0.6289, 0.6291, 0.65, 0.79, 0.8, 1.19, 1.2, 1.99, 2, 3, 2 * 0.1 / sqrt(1 - 0.1^2), 2 * 0.3 / sqrt(1 - 0.3^2))))
dd <- c(dd, -dd[dd > 0])
mag <- data.frame(d = dd)
for (ru in c("cohen1988", "sawilowsky2009", "gignac2016", "lovakov2021"))
  mag[[ru]] <- as.character(interpret_cohens_d(dd, rules = ru))
mag <- fmt(mag); for (ru in c("cohen1988", "sawilowsky2009", "gignac2016", "lovakov2021")) mag[[ru]] <- gsub(" ", "_", mag[[ru]])
write.csv(mag, "magnitude.csv", row.names = FALSE, quote = FALSE)
cat("needed mpmath intervals:", nrow(unique(do.call(rbind, needed))), "\n")
