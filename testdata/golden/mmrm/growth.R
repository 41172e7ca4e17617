# Reference values for effect/mmrm's regression mean models (Options.Mean = Covariates, InterceptOnly):
#   1. the Potthoff & Roy (1964) growth data (nlme's Orthodont: distance at ages 8, 10, 12, 14 for 11 girls and
#      16 boys), the PROC MIXED documentation's "Repeated Measures" example: y = Gender Age Gender*Age with
#      SAS's coding (boys the reference: intercept, F, age, age×F), covariance over ages;
#   2. fev_data (mmrm's public example), FEV1 ~ 1 with an unstructured covariance.
# Each model is fitted by REML and ML with the independent dense likelihood of reference.R (its functions are
# loaded from that file, not copied), started from the empirical covariance and POLISHED by Newton's method to
# |gradient| < 1e-9: the exact optimum, not an optimizer's stopping point. Coefficients, model-based SEs
# ((X'V^-1X)^-1, no nlme N/(N-p) inflation) and Satterthwaite df 2(l'Al)^2/(g'Wg), W = inverse observed
# information, are written for every coefficient; nlme::gls's log-likelihood is kept as an anchor.
# Run from the repository root:  Rscript testdata/golden/mmrm/growth.R   (R 4.2.2, nlme 3.1-162)
# Writes testdata/golden/mmrm/orthodont.csv (the data) and testdata/golden/mmrm/growth.csv.
suppressPackageStartupMessages(library(nlme))
out_dir <- "testdata/golden/mmrm"
for (e in parse(file.path(out_dir, "reference.R"))) {
  if (is.call(e) && identical(e[[1]], as.name("<-")) && is.call(e[[3]]) && identical(e[[3]][[1]], as.name("function")))
    eval(e, globalenv())
}

od <- as.data.frame(Orthodont)
od <- data.frame(subject = as.character(od$Subject), sex = as.character(od$Sex), age = od$age, distance = od$distance)
od <- od[order(od$sex, od$subject, od$age), ]
write.csv(od, file.path(out_dir, "orthodont.csv"), row.names = FALSE)

out <- list()
add <- function(...) out[[length(out) + 1]] <<- data.frame(...)
run <- function(name, d, X, structs, fml) {
  t <- nlevels(d$visit)
  for (s in structs) for (reml in c(TRUE, FALSE)) {
    meth <- if (reml) "REML" else "ML"
    cat(name, s, meth, "\n")
    pf <- polish(s, start_theta(s, d, X, t), d, X, reml)
    Phi <- pf$cur$A; beta <- pf$cur$beta
    key <- function(what, i, v) add(dataset = name, structure = s, method = meth, what = what, index = i, value = v)
    key("loglik", 0, pf$cur$ll); key("gradnorm", 0, pf$gnorm)
    key("nlme_loglik", 0, nlme_loglik(s, d, fml, reml))
    for (k in seq_along(pf$th)) key("theta", k - 1, pf$th[k])
    for (j in seq_along(beta)) {
      l <- numeric(length(beta)); l[j] <- 1
      v <- as.numeric(l %*% Phi %*% l)
      g <- sapply(pf$cur$Q, function(Qk) as.numeric(l %*% Phi %*% Qk %*% Phi %*% l))
      key("beta", j - 1, beta[j]); key("se", j - 1, sqrt(v)); key("df", j - 1, 2 * v^2 / as.numeric(g %*% pf$W %*% g))
    }
  }
}

# 1. Potthoff & Roy.
d <- od
d$y <- d$distance
d$visit <- factor(d$age, levels = c(8, 10, 12, 14))
d$vi <- as.integer(d$visit)
d$id <- factor(d$subject, levels = unique(d$subject))
d$female <- as.numeric(d$sex == "Female")
d$agef <- d$age * d$female
X <- cbind(1, d$female, d$age, d$agef)
run("orthodont", d, X, c("US", "CS", "CSH", "AR1", "ARH", "TOEP"), y ~ female + age + agef)

# 2. fev_data, FEV1 ~ 1.
f <- read.csv("effect/mmrm/testdata/fev_data.csv")
f <- f[!is.na(f$FEV1), ]
d <- data.frame(y = f$FEV1, visit = factor(f$AVISIT, levels = c("VIS1", "VIS2", "VIS3", "VIS4")))
d$vi <- as.integer(d$visit)
d$id <- factor(f$USUBJID, levels = unique(f$USUBJID))
d <- d[order(d$id, d$vi), ]
X <- matrix(1, nrow(d), 1)
run("fev_intercept", d, X, "US", y ~ 1)

write.csv(do.call(rbind, out), file.path(out_dir, "growth.csv"), row.names = FALSE)
