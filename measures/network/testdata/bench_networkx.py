#!/usr/bin/python3
"""Time networkx (plus plain-Python diversity and E-I) on the benchmark set.

Usage: /usr/bin/python3 bench_networkx.py DIR [EGOS]

DIR holds egos.csv, alters.csv and ties.csv written by the Go test
TestWriteBenchData (see bench_networkx.sh). Times the first EGOS egos
(default 2000; networkx is too slow for all 100,000 in a short run) and
prints seconds per ego for (a) the structural measures with networkx
(density with and without ego, components, isolates, effective size,
constraint) and (b) (a) plus composition, Shannon, Blau, IQV and the three
E-I indices of role, kin and sex, tie strength and circle counts in plain
Python. Reading the CSV files is not timed.
"""
import csv
import math
import sys
import time
from collections import defaultdict

import networkx as nx


def main():
    d = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    egos = []
    with open(d + "/egos.csv") as f:
        for r in csv.DictReader(f):
            if len(egos) == limit:
                break
            egos.append(r)
    keep = {e["ego_id"] for e in egos}
    alters = defaultdict(list)
    with open(d + "/alters.csv") as f:
        for r in csv.DictReader(f):
            if r["ego_id"] in keep:
                alters[r["ego_id"]].append(r)
    ties = defaultdict(list)
    with open(d + "/ties.csv") as f:
        for r in csv.DictReader(f):
            if r["ego_id"] in keep:
                ties[r["ego_id"]].append((r["alter_a"], r["alter_b"]))
    cats = {"role": 7, "kin": 2, "sex": 2}

    def structure(e):
        ids = [a["alter_id"] for a in alters[e["ego_id"]]]
        G = nx.Graph()
        G.add_nodes_from(ids)
        G.add_edges_from(ties[e["ego_id"]])
        H = G.copy()
        H.add_edges_from(("EGO", a) for a in ids)
        return (nx.density(G), nx.density(H), nx.number_connected_components(G),
                nx.number_of_isolates(G), max(len(c) for c in nx.connected_components(G)),
                nx.effective_size(H, nodes=["EGO"])["EGO"], nx.constraint(H, nodes=["EGO"])["EGO"])

    def composition(e):
        al = {a["alter_id"]: a for a in alters[e["ego_id"]]}
        out = []
        for attr, K in cats.items():
            vals = [a[attr] for a in al.values() if a[attr] != "NA"]
            nv = len(vals)
            counts = defaultdict(int)
            for v in vals:
                counts[v] += 1
            ps = [c / nv for c in counts.values()]
            sh = -sum(p * math.log2(p) for p in ps)
            blau = 1 - sum(p * p for p in ps)
            iqv = blau * K / (K - 1)
            ego_v = e.get(attr, "NA")
            ea = float("nan")
            if ego_v not in ("NA", None) and nv:
                I = counts.get(ego_v, 0)
                ea = (nv - 2 * I) / nv
            E = I = 0
            for a, b in ties[e["ego_id"]]:
                x, y = al[a][attr], al[b][attr]
                if x == "NA" or y == "NA":
                    continue
                if x == y:
                    I += 1
                else:
                    E += 1
            aa = (E - I) / (E + I) if E + I else float("nan")
            between = sum(g * (nv - g) for g in counts.values()) / 2
            within = sum(g * (g - 1) for g in counts.values()) / 2
            re = float("nan")
            if between and within:
                dE, dI = E / between, I / within
                if dE + dI:
                    re = (dE - dI) / (dE + dI)
            out.append((sh, blau, iqv, ea, aa, re))
        fr = [float(a["freq"]) for a in al.values() if a["freq"] != "NA"]
        out.append((sum(fr) / len(fr), sum(1 for x in fr if x >= 4)))
        out.append(tuple(sum(1 for a in al.values() if a["circle"] == c) for c in ("inner", "middle", "outer")))
        return out

    t0 = time.process_time()
    for e in egos:
        structure(e)
    t1 = time.process_time()
    for e in egos:
        structure(e)
        composition(e)
    t2 = time.process_time()
    n = len(egos)
    print("networkx %s, %d egos" % (nx.__version__, n))
    print("structure_s_per_ego %.6g" % ((t1 - t0) / n))
    print("all_s_per_ego %.6g" % ((t2 - t1) / n))


if __name__ == "__main__":
    main()
