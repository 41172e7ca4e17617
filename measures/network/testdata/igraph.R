# igraph goldens for the ego-network test set written by golden.py.
# Run from this folder:  Rscript igraph.R
# Cleans ties as the library does (self-loops dropped, A-B and B-A one tie),
# then computes density (ego excluded and included), components, isolates,
# largest component and Burt's constraint with R's igraph.
suppressMessages(library(igraph))
egos <- read.csv("egos.csv", colClasses = "character")
alters <- read.csv("alters.csv", colClasses = "character")
ties <- read.csv("ties.csv", colClasses = "character")
out <- data.frame()
for (e in egos$ego_id) {
  ids <- alters$alter_id[alters$ego_id == e]
  t <- ties[ties$ego_id == e, c("alter_a", "alter_b")]
  t <- t[t$alter_a != t$alter_b, , drop = FALSE]
  if (nrow(t) > 0) {
    lo <- pmin(t$alter_a, t$alter_b); hi <- pmax(t$alter_a, t$alter_b)
    t <- unique(data.frame(a = lo, b = hi))
  } else {
    t <- data.frame(a = character(), b = character())
  }
  n <- length(ids)
  g <- graph_from_data_frame(t, directed = FALSE, vertices = data.frame(name = ids))
  h <- add_vertices(g, 1, name = "EGO")
  h <- add_edges(h, as.vector(rbind(rep("EGO", n), ids)))
  dens <- if (n >= 2) edge_density(g) else NaN
  densEgo <- if (n >= 1) edge_density(h) else NaN
  comps <- if (n >= 1) count_components(g) else 0
  iso <- sum(degree(g) == 0)
  largest <- if (n >= 1) max(components(g)$csize) else 0
  cons <- if (n >= 1) constraint(h, nodes = "EGO") else NaN
  out <- rbind(out, data.frame(ego_id = e, size = n, ties = ecount(g), density = dens,
    density_with_ego = densEgo, components = comps, isolates = iso, largest_component = largest,
    constraint = unname(cons)))
}
num <- sapply(out, is.numeric)
out[num] <- lapply(out[num], function(x) ifelse(is.na(x), "NaN", sprintf("%.17g", x)))
write.csv(out, "golden_igraph.csv", row.names = FALSE, quote = FALSE)
cat(nrow(out), "egos; igraph", as.character(packageVersion("igraph")), "\n")
