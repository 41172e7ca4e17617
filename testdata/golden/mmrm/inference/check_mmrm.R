# Cross-check of the goldens against the R package mmrm (optional; not read by the Go tests).
# Run after gen.R from this directory:  R_LIBS=<library with mmrm> Rscript check_mmrm.R [fev csv]
# mmrm stops at its own optimizer tolerance, so agreement is expected to about 1e-5 relative, not 1e-12.
suppressMessages(library(mmrm))
args <- commandArgs(trailingOnly = TRUE)
fev_path <- if (length(args) >= 1) args[1] else "/work/shared/reference/mmrm_fev_data.csv"
f <- read.csv(fev_path, stringsAsFactors = FALSE)
f$AVISIT <- factor(f$AVISIT); f$USUBJID <- factor(f$USUBJID); f$ARMCD <- factor(f$ARMCD, levels = c("PBO", "TRT"))
ref <- read.csv("fev_trt_us_ref.csv")
get <- function(w) ref$value[ref$what == w & ref$contrast == "trt"]
se <- function(w) sqrt(ref$value[ref$what == w & ref$i == 1 & ref$j == 1])
out <- NULL
cases <- list(
  c("Kenward-Roger-Linear", "Kenward-Roger", "kr_linear", "kr_df"),
  c("Empirical", "Satterthwaite", "cr0", "cr0_df"),
  c("Empirical-Bias-Reduced", "Satterthwaite", "cr2w", "cr2w_df"),
  c("Empirical-Jackknife", "Satterthwaite", "cr3", "cr3_df"))
for (cs in cases) {
  m <- mmrm(FEV1 ~ ARMCD + us(AVISIT | USUBJID), data = f, method = cs[2], vcov = cs[1])
  d <- df_1d(m, c(0, 1))
  out <- rbind(out, data.frame(vcov = cs[1], mmrm_se = d$se, golden_se = se(cs[3]), mmrm_df = d$df,
                               golden_df = get(cs[4]), rel_se = d$se / se(cs[3]) - 1, rel_df = d$df / get(cs[4]) - 1))
}
print(out, digits = 10)
write.csv(out, "mmrm_package_check.csv", row.names = FALSE)

# SAS's model, where clubSandwich's CR2 and the whitened CR2 differ by up to 3%: which one is mmrm's?
rb <- read.csv("fev_sas_us_ref.csv")
con <- read.csv("fev_sas_us_contrasts.csv")
m <- mmrm(FEV1 ~ ARMCD * AVISIT + RACE + SEX + us(AVISIT | USUBJID), data = f, vcov = "Empirical-Bias-Reduced")
out2 <- NULL
for (v in 1:4) {
  cn <- sprintf("vis%d", v); L <- numeric(length(coef(m))); x <- con[con$contrast == cn, ]; L[x$j + 1] <- x$value
  d <- df_1d(m, L)
  q <- function(w) { M <- matrix(0, length(L), length(L)); x <- rb[rb$what == w, ]; M[cbind(x$i + 1, x$j + 1)] <- x$value; sqrt(sum(L * (M %*% L))) }
  out2 <- rbind(out2, data.frame(contrast = cn, mmrm_se = d$se, cr2w_se = q("cr2w"), cr2_se = q("cr2"),
                                 mmrm_df = d$df, cr2w_df = rb$value[rb$what == "cr2w_df" & rb$contrast == cn],
                                 cr2_df = rb$value[rb$what == "cr2_df" & rb$contrast == cn]))
}
print(out2, digits = 10)
write.csv(out2, "mmrm_package_check_cr2.csv", row.names = FALSE)

# Multi-row tests (Fai–Cornelius combination) on SAS's model: TRT − PBO at all visits jointly.
Lall <- matrix(0, 4, length(coef(m))); x <- con[con$contrast == "all", ]; Lall[cbind(x$i + 1, x$j + 1)] <- x$value
out3 <- NULL
for (cs in list(c("Asymptotic", "satterthwaite"), c("Empirical", "cr0"), c("Empirical-Bias-Reduced", "cr2w"),
                c("Empirical-Jackknife", "cr3"))) {
  mm <- mmrm(FEV1 ~ ARMCD * AVISIT + RACE + SEX + us(AVISIT | USUBJID), data = f, vcov = cs[1])
  d <- df_md(mm, Lall)
  g <- function(w) rb$value[rb$what == paste0(cs[2], w) & rb$contrast == "all"]
  out3 <- rbind(out3, data.frame(vcov = cs[1], mmrm_f = d$f_stat, golden_f = g("_f"), mmrm_den_df = d$denom_df,
                                 golden_den_df = g("_den_df"), num_df = d$num_df, golden_num_df = g("_num_df")))
}
print(out3, digits = 10)
write.csv(out3, "mmrm_package_check_md.csv", row.names = FALSE)
