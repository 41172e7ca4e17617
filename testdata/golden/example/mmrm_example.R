# Independent check of the example report's primary analysis: the UCLA-3
# totals of testdata/example scored here in R (sum of the three items when
# all are valid codes 1-3, else missing: the published key, no proration),
# then the MMRM by nlme::gls (unstructured: corSymm + varIdent, REML) and
# emmeans at the mean baseline; model-based standard errors. Kenward-Roger
# df are checked elsewhere (testdata/golden/mmrm); here the estimates, SEs
# and the REML log-likelihood.
# Run from this folder: Rscript mmrm_example.R
suppressMessages({library(nlme); library(emmeans)})
r <- read.csv("../../example/responses.csv", colClasses = "character")
p <- read.csv("../../example/participants.csv", colClasses = "character")
it <- sapply(r[, c("ucla3_1", "ucla3_2", "ucla3_3")], function(x) { v <- suppressWarnings(as.numeric(x)); v[!(v %in% 1:3) | !grepl("^[0-9]+$", trimws(x))] <- NA; v })
r$total <- rowSums(it)
r$month <- as.integer(r$month)
base <- r[r$month == 0, c("participant_id", "total")]; names(base)[2] <- "baseline"
fu <- r[r$month > 0, c("participant_id", "month", "total")]
d <- merge(merge(fu, base, by = "participant_id"), p, by = "participant_id")
d <- d[!is.na(d$total) & !is.na(d$baseline), ]
d$visit <- factor(d$month, levels = c(3, 6, 12)); d$arm <- factor(d$arm, levels = c("usual care", "intervention"))
d$vnum <- as.integer(d$visit); d$id <- factor(d$participant_id)
fit <- gls(total ~ visit * arm + visit * baseline, data = d, method = "REML",
           correlation = corSymm(form = ~ vnum | id), weights = varIdent(form = ~ 1 | visit),
           control = glsControl(tolerance = 1e-12, msTol = 1e-12, maxIter = 500, msMaxIter = 500))
em <- emmeans(fit, ~ arm | visit, mode = "df.error")
ct <- summary(contrast(em, list(diff = c(-1, 1))))
out <- data.frame(visit = as.character(ct$visit), estimate = sprintf("%.12g", ct$estimate), se = sprintf("%.12g", ct$SE),
                  loglik = sprintf("%.12g", as.numeric(logLik(fit))), n_subjects = length(unique(d$id)), n_obs = nrow(d))
write.csv(out, "mmrm_ucla3.csv", row.names = FALSE, quote = FALSE)
print(out)
