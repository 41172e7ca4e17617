#!/usr/bin/python3
"""Generate the ego-network test set and its networkx / plain-formula goldens.

Run from this folder with Debian's Python (python3-networkx):

    /usr/bin/python3 golden.py

Writes egos.csv, alters.csv, ties.csv (the raw, messy input: reversed
duplicate ties, self-loops, missing attributes) and golden_networkx.csv
(one row per ego). igraph.R adds golden_igraph.csv from the same files.
Structural measures come from networkx on the cleaned graphs; diversity,
composition and E-I indices from the plain formulas written out below
(networkx has none), so the Go code is checked against an independent
implementation of each formula.
"""
import csv
import math
import random

import networkx as nx

ROLES = ["partner", "family", "friend", "neighbour", "colleague", "professional", "other"]
SEX = ["female", "male"]
CIRCLES = ["inner", "middle", "outer"]

rng = random.Random(20261206)
CAP = 5


def make_networks():
    nets = []  # (ego_id, ego_sex, alters [(id, attrs)], raw tie rows [(a, b, w)])

    def alters(n, miss=0.0):
        out = []
        for j in range(n):
            role = rng.choice(ROLES)
            kin = "yes" if role in ("partner", "family") else "no"
            a = {
                "role": role,
                "kin": kin,
                "sex": rng.choice(SEX),
                "closeness": str(rng.randint(1, 4)),
                "freq": str(rng.randint(1, 5)),
                "circle": rng.choice(CIRCLES),
            }
            for k in list(a):
                if rng.random() < miss:
                    a[k] = "NA" if rng.random() < 0.5 else ""
            out.append(("a%02d" % j, a))
        return out

    def weight():
        return round(rng.choice([0.25, 0.5, 0.75, 1.0]), 2)

    k = 0

    def add(al, ties, sex=None):
        nonlocal k
        k += 1
        nets.append(("E%03d" % k, sex if sex is not None else rng.choice(SEX), al, ties))

    # Sizes 0..3 by hand.
    add([], [])
    add(alters(1), [])
    add(alters(2), [])
    al = alters(2)
    add(al, [(al[0][0], al[1][0], 1.0)])
    al = alters(3)  # path a-b-c (the worked case)
    add(al, [(al[0][0], al[1][0], 0.5), (al[1][0], al[2][0], 0.5)])
    # Complete graphs and empty graphs.
    for n in (2, 3, 5, 10, 20, 30):
        al = alters(n)
        ids = [a for a, _ in al]
        add(al, [(ids[i], ids[j], 1.0) for i in range(n) for j in range(i + 1, n)])
        add(alters(n), [])
    # Random graphs of sizes 4..30 with messy tie lists and missing values.
    for n in list(range(4, 31)) + [8, 12, 16, 25, 30]:
        al = alters(n, miss=rng.choice([0.0, 0.1, 0.3]))
        ids = [a for a, _ in al]
        p = rng.choice([0.1, 0.3, 0.6, 0.9])
        ties = []
        for i in range(n):
            for j in range(i + 1, n):
                if rng.random() < p:
                    ties.append((ids[i], ids[j], weight()))
        messy = list(ties)
        for (a, b, w) in ties:
            if rng.random() < 0.15:
                messy.append((b, a, w))  # reversed duplicate, same weight
        for _ in range(rng.randint(0, 2)):
            a = rng.choice(ids)
            messy.append((a, a, 1.0))  # self-loop
        rng.shuffle(messy)
        sex = "NA" if rng.random() < 0.1 else rng.choice(SEX)
        add(al, messy, sex)
    # All attributes missing.
    al = alters(6, miss=1.0)
    ids = [a for a, _ in al]
    add(al, [(ids[0], ids[1], 1.0), (ids[2], ids[3], 0.5)])
    return nets


def clean(ties):
    seen = {}
    for a, b, w in ties:
        if a == b:
            continue
        key = tuple(sorted((a, b)))
        if key not in seen:
            seen[key] = w
    return seen


def nan_if(cond, f):
    return float("nan") if cond else f()


def comp(values, cats, ego_value, alter_of, ties, attr):
    valid = [v for v in values if v not in ("", "NA")]
    n = len(values)
    counts = [valid.count(c) for c in cats]
    nv = len(valid)
    shares = [c / nv if nv else float("nan") for c in counts]
    present = sum(1 for c in counts if c > 0)
    if nv:
        shannon = sum(p * math.log2(1 / p) for p in shares if p > 0)
        blau = 1 - sum(p * p for p in shares)
        iqv = blau * len(cats) / (len(cats) - 1)
    else:
        shannon = blau = iqv = float("nan")
    if ego_value in ("", "NA", None) or nv == 0:
        ea = float("nan")
    else:
        I = valid.count(ego_value)
        E = nv - I
        ea = (E - I) / (E + I)
    E = I = 0
    for (a, b) in ties:
        x, y = alter_of[a][attr], alter_of[b][attr]
        if x in ("", "NA") or y in ("", "NA"):
            continue
        if x == y:
            I += 1
        else:
            E += 1
    aa = (E - I) / (E + I) if E + I else float("nan")
    between = sum(g * (nv - g) for g in counts) / 2
    within = sum(g * (g - 1) for g in counts) / 2
    if between == 0 or within == 0:
        re = float("nan")
    else:
        dE, dI = E / between, I / within
        re = (dE - dI) / (dE + dI) if dE + dI else float("nan")
    return counts, nv, n - nv, shares, present, shannon, blau, iqv, ea, aa, re


def main():
    nets = make_networks()
    with open("egos.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ego_id", "sex"])
        for ego, sex, _, _ in nets:
            w.writerow([ego, sex])
    with open("alters.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ego_id", "alter_id", "role", "kin", "sex", "closeness", "freq", "circle"])
        for ego, _, al, _ in nets:
            for aid, a in al:
                w.writerow([ego, aid, a["role"], a["kin"], a["sex"], a["closeness"], a["freq"], a["circle"]])
    with open("ties.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ego_id", "alter_a", "alter_b", "weight"])
        for ego, _, _, ties in nets:
            for a, b, wt in ties:
                w.writerow([ego, a, b, wt])

    head = ["ego_id", "size", "ties", "density", "density_with_ego", "weighted_density", "mean_degree",
            "components", "isolates", "largest_component", "effective_size", "efficiency", "constraint",
            "closeness_mean", "freq_weekly", "circle_inner", "circle_middle", "circle_outer", "circle_missing"]
    for attr in ("role", "sex", "kin"):
        head += [attr + "_" + s for s in ("valid", "missing", "present", "shannon", "blau", "iqv",
                                          "ei_ego", "ei_alter", "ei_rescaled")]
    head += ["role_share_friend", "role_share_all_friend"]
    # Ties asked only among the first CAP alters (egor's max.netsize): the
    # sub-network of the first CAP alters and their ties.
    head += ["cap5_density", "cap5_components", "cap5_constraint", "cap5_effective_size"]
    rows = []
    for ego, sex, al, raw in nets:
        ties = clean(raw)
        ids = [a for a, _ in al]
        alter_of = dict(al)
        n = len(ids)
        G = nx.Graph()
        G.add_nodes_from(ids)
        G.add_edges_from(ties)
        H = G.copy()
        H.add_node("EGO")
        H.add_edges_from(("EGO", a) for a in ids)
        T = G.number_of_edges()
        r = {"ego_id": ego, "size": n, "ties": T}
        r["density"] = nx.density(G) if n >= 2 else float("nan")
        r["density_with_ego"] = nx.density(H) if n >= 1 else float("nan")
        r["weighted_density"] = sum(ties.values()) / (n * (n - 1) / 2) if n >= 2 else float("nan")
        r["mean_degree"] = sum(d for _, d in G.degree()) / n if n else float("nan")
        r["components"] = nx.number_connected_components(G) if n else 0
        r["isolates"] = nx.number_of_isolates(G)
        r["largest_component"] = max((len(c) for c in nx.connected_components(G)), default=0)
        r["effective_size"] = nx.effective_size(H, nodes=["EGO"])["EGO"] if n else float("nan")
        r["efficiency"] = r["effective_size"] / n if n else float("nan")
        r["constraint"] = nx.constraint(H, nodes=["EGO"])["EGO"] if n else float("nan")
        clo = [float(a["closeness"]) for _, a in al if a["closeness"] not in ("", "NA")]
        r["closeness_mean"] = sum(clo) / len(clo) if clo else float("nan")
        r["freq_weekly"] = sum(1 for _, a in al if a["freq"] not in ("", "NA") and float(a["freq"]) >= 4)
        circ = [a["circle"] for _, a in al]
        for c in CIRCLES:
            r["circle_" + c] = circ.count(c)
        r["circle_missing"] = sum(1 for c in circ if c in ("", "NA"))
        for attr, cats in (("role", ROLES), ("sex", SEX), ("kin", ["yes", "no"])):
            ev = sex if attr == "sex" else None
            counts, nv, nm, shares, present, sh, bl, iqv, ea, aa, re = comp(
                [a[attr] for _, a in al], cats, ev, alter_of, ties, attr)
            for key, val in zip(("valid", "missing", "present", "shannon", "blau", "iqv", "ei_ego", "ei_alter",
                                 "ei_rescaled"), (nv, nm, present, sh, bl, iqv, ea, aa, re)):
                r[attr + "_" + key] = val
            if attr == "role":
                r["role_share_friend"] = shares[ROLES.index("friend")]
                r["role_share_all_friend"] = counts[ROLES.index("friend")] / n if n else float("nan")
        first = ids[:CAP]
        m = len(first)
        S = G.subgraph(first).copy()
        SE = S.copy()
        SE.add_edges_from(("EGO", a) for a in first)
        r["cap5_density"] = S.number_of_edges() / (m * (m - 1) / 2) if m >= 2 else float("nan")
        r["cap5_components"] = nx.number_connected_components(S) if m else 0
        r["cap5_constraint"] = nx.constraint(SE, nodes=["EGO"])["EGO"] if m else float("nan")
        r["cap5_effective_size"] = nx.effective_size(SE, nodes=["EGO"])["EGO"] if m else float("nan")
        rows.append(r)
    with open("golden_networkx.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(head)
        for r in rows:
            w.writerow([fmt(r[h]) for h in head])
    print(len(rows), "egos;", nx.__version__)


def fmt(x):
    if isinstance(x, float):
        return "NaN" if math.isnan(x) else repr(x)
    return str(x)


if __name__ == "__main__":
    main()
