// Package exampledata generates the bundled example trial under
// testdata/example: a cluster-randomized comparison of a supported
// socialisation intervention with usual care for people with mental health
// difficulties, with raw item responses to the UCLA three-item loneliness
// scale (Hughes et al. 2004), the De Jong Gierveld 6-item loneliness scale
// (de Jong Gierveld & van Tilburg 2006) and the Lubben Social Network Scale
// LSNS-6 (Lubben et al. 2006) at baseline, 3, 6 and 12 months.
//
// The data are simulated, not real. The generator is seeded and
// deterministic, so the committed files can be rebuilt exactly:
//
//	go run ./internal/cmd/gendata -seed 20261122 -out testdata/example
//
// # Model
//
// Care teams (clusters) are randomized 1:1. Each participant has a latent
// loneliness z on a standard-normal scale:
//
//	z[i,v] = mu + u[team] + b[i] + time[v] + effect[v]·treated + e[i,v]
//
// with a team effect u ~ N(0, 0.25²), a person effect b ~ N(0, 0.85²), visit
// noise e ~ N(0, 0.5²) and an intervention effect that grows to about 0.45
// latent SD at 6 months and fades a little by 12 months. Item responses are
// ordinal cuts of z plus item-specific noise (lonelier people endorse the
// lonely answers of UCLA-3 and DJG-6 and report fewer ties on LSNS-6).
//
// Dropout is monotone and depends on baseline loneliness (missing at random
// given the baseline): lonelier participants are more likely to leave
// before each follow-up visit. About one item response in a hundred is left
// blank, and a handful of cells hold codes that no instrument allows (out of
// range or non-numeric), which the analysis must report rather than hide.
package exampledata
